"""The reality journal and search on the command line."""

from __future__ import annotations

import json

from conftest import assert_one_line_error, init_vault, run


def test_journal_add_list_and_search(new_vault_paths):
    paths = new_vault_paths("journal")
    init_vault(paths)
    entries = [
        {"date": "2026-11-18", "facts": "He took my keys at the café", "tags": ["keys"]},
        {"date": "2026-11-20", "feelings": "Frightened, then angry", "truths": "I did not lose them. He took them."},
    ]
    for entry in entries:
        result = run(["journal", "add", "--json", "-", *paths.opts()], input=json.dumps(entry), check=0)
        assert result.stdout.startswith("Saved journal entry ")
    listed = json.loads(run(["journal", "list", "--json", *paths.opts()], check=0).stdout)
    assert [item["date"] for item in listed] == ["2026-11-20", "2026-11-18"]
    assert listed[1]["facts"] == "He took my keys at the café" and listed[1]["tags"] == ["keys"]

    note = run(["note", "add", "--title", "Spare keys", *paths.opts()], input="Ask Sam to keep the spare KEYS\n")
    assert note.returncode == 0, note.stderr

    hits = json.loads(run(["search", "keys", "--json", *paths.opts()], check=0).stdout)
    assert {hit["kind"] for hit in hits} == {"journal", "note"}
    for hit in hits:
        marked = [hit["snippet"][start:end] for start, end in hit["marks"]]
        assert marked and all(word.lower() == "keys" for word in marked), hit
    assert [hit["kind"] for hit in json.loads(run(["search", "keys", "--kind", "journal", "--json", *paths.opts()], check=0).stdout)] == ["journal"]
    cafe = json.loads(run(["search", "CAFE", "--json", *paths.opts()], check=0).stdout)
    assert [hit["date"] for hit in cafe] == ["2026-11-18"]
    phrase = json.loads(run(["search", '"took them"', "--json", *paths.opts()], check=0).stdout)
    assert [hit["date"] for hit in phrase] == ["2026-11-20"]
    assert json.loads(run(["search", "xylophone", "--json", *paths.opts()], check=0).stdout) == []
    assert run(["search", "xylophone", *paths.opts()], check=0).stdout.strip() == "Nothing found."


def test_journal_and_search_refuse_bad_input(new_vault_paths):
    paths = new_vault_paths("journal-bad")
    init_vault(paths)
    for entry, message in [
        ({"date": "2026-11-20"}, "at least one of the three parts"),
        ({"date": "20 November", "facts": "x"}, "as a date"),
        ({"date": "2099-01-01", "facts": "x"}, "hasn't come yet"),
        ({"facts": "x"}, "not a journal entry"),
    ]:
        assert_one_line_error(run(["journal", "add", "--json", "-", *paths.opts()], input=json.dumps(entry)), contains=message)
    assert_one_line_error(run(["search", "  ", *paths.opts()]), contains="at least one word")
    usage = run(["search", "x", "--kind", "diary", *paths.opts()])
    assert usage.returncode == 64 and "--kind must be one of" in usage.stderr


def test_timezone_sets_the_persons_today(new_vault_paths):
    """'Today' follows the time zone the person chose, for the journal as on the web."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    paths = new_vault_paths("timezone")
    init_vault(paths)
    assert "(this computer's)" in run(["timezone", *paths.opts()], check=0).stdout
    local_today = datetime.now().astimezone().date()
    ahead = datetime.now(ZoneInfo("Pacific/Kiritimati")).date()
    behind = datetime.now(ZoneInfo("Pacific/Pago_Pago")).date()

    def add(day: str):
        return run(["journal", "add", "--json", "-", *paths.opts()], input=json.dumps({"date": day, "facts": "x"}))

    if ahead > local_today:
        assert_one_line_error(add(ahead.isoformat()), contains="hasn't come yet")
        shown = run(["timezone", "Pacific/Kiritimati", *paths.opts()], check=0).stdout
        assert f"Today there is {ahead.isoformat()}" in shown
        assert add(ahead.isoformat()).returncode == 0
    else:
        assert behind < local_today
        run(["timezone", "Pacific/Pago_Pago", *paths.opts()], check=0)
        assert_one_line_error(add(local_today.isoformat()), contains="hasn't come yet")
        assert add(behind.isoformat()).returncode == 0

    assert "(this computer's)" in run(["timezone", "--computer", *paths.opts()], check=0).stdout
    bad = run(["timezone", "Mars/Olympus", *paths.opts()])
    assert bad.returncode == 64 and "not a time zone name" in bad.stderr

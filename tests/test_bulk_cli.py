"""Many records at once: a made-up demo vault, and a bulk import that unlocks once."""

from __future__ import annotations

import json

from conftest import assert_one_line_error, init_vault, run


def test_demo_makes_a_vault_of_every_kind_that_checks_out(new_vault_paths):
    paths = new_vault_paths("demo")
    made = run(["demo", "--years", "1", *paths.opts()], check=0)
    assert "Made a demo vault of 1 year" in made.stdout
    for count in ["400 journal", "100 incident", "360 checkin", "180 urge", "60 contact", "40 note", "30 decision"]:
        assert count in made.stdout, made.stdout
    assert json.loads(run(["journal", "list", "--json", *paths.opts()], check=0).stdout).__len__() == 400
    verified = run(["verify", "--vault", *paths.opts()], check=0)
    assert verified.stdout.startswith("Intact"), verified.stdout
    # The same seed makes the same text; a vault already there is never touched.
    again = run(["demo", "--years", "1", *paths.opts()])
    assert_one_line_error(again, contains="already a vault")
    assert "Made a demo" not in again.stdout


def test_demo_refuses_a_silly_number_of_years(new_vault_paths):
    paths = new_vault_paths("demo-bad")
    result = run(["demo", "--years", "0", *paths.opts()])
    assert result.returncode == 64 and "--years must be from 1 to 30" in result.stderr
    assert not paths.vault_file.exists()


def test_import_saves_a_mix_of_kinds_with_one_unlock_and_search_finds_them(new_vault_paths):
    paths = new_vault_paths("import")
    init_vault(paths)
    items = [
        {"kind": "journal", "date": "2026-11-18", "facts": "Walked by the river with Sam"},
        {"kind": "note", "title": "River walk", "body": "The river path is quiet on Sundays"},
        {"kind": "log", "occurredAt": "2026-11-10", "description": "Shouted about the river trip", "severity": 2},
        {"kind": "checkin", "at": "2026-11-19T21:00:00Z", "ratings": {"sleep": 2}},
        {"kind": "urge", "at": "2026-11-19T22:00:00Z", "before": 7, "after": 3, "helped": ["grounding"], "contacted": False},
        {"kind": "contact", "at": "2026-11-20T09:00:00Z", "channel": "text", "initiatedBy": "them", "necessary": True, "about": "River pickup"},
    ]
    file = paths.write_file("items.json", json.dumps(items))
    saved = run(["import", "--json", str(file), *paths.opts()], check=0)
    assert saved.stdout.startswith("Saved 6 records:"), saved.stdout
    hits = json.loads(run(["search", "river", "--json", *paths.opts()], check=0).stdout)
    assert {hit["kind"] for hit in hits} == {"journal", "note", "log", "contact"}
    assert run(["verify", "--vault", *paths.opts()], check=0).stdout.startswith("Intact: all 1 entries")


def test_import_saves_nothing_when_one_item_is_wrong(new_vault_paths):
    paths = new_vault_paths("import-bad")
    init_vault(paths)
    items = [
        {"kind": "journal", "date": "2026-11-18", "facts": "Fine entry"},
        {"kind": "urge", "at": "2026-11-19T22:00:00Z", "before": 70, "after": 3, "helped": [], "contacted": False},
    ]
    file = paths.write_file("bad.json", json.dumps(items))
    assert_one_line_error(run(["import", "--json", str(file), *paths.opts()]), contains="Item 2 of 2 was refused, so nothing was saved")
    assert json.loads(run(["journal", "list", "--json", *paths.opts()], check=0).stdout) == []
    for text, message in [
        ('{"kind": "note"}', "not a list of records"),
        ('[{"title": "no kind"}]', 'needs "kind"'),
        ('[{"kind": "diary"}]', "is not a kind"),
        ("[]", "empty"),
    ]:
        assert_one_line_error(run(["import", "--json", str(paths.write_file("x.json", text)), *paths.opts()]), contains=message)

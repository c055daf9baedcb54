"""`untether flags`, `untether values` and `untether swaps` (issue 17): the new kinds read and
written from the command line, with --json reads, and clear refusals."""

from __future__ import annotations

import json

from conftest import init_vault, run


def test_flags_add_and_list_the_pattern(new_vault_paths):
    paths = new_vault_paths("flags")
    init_vault(paths)
    empty = json.loads(run(["flags", "list", "--json", *paths.opts()], check=0).stdout)
    assert empty == {"people": [], "notes": []}
    for day, flags in (("2026-10-01", ["love_bombing"]), ("2026-10-08", ["love_bombing", "honest"]), ("2026-10-15", ["rushing"])):
        note = json.dumps({"person": "Sam", "on": day, "flags": flags, "note": f"Seen on {day}"})
        run(["flags", "add", "--json", "-", *paths.opts()], input=note, check=0)
    result = json.loads(run(["flags", "list", "--json", *paths.opts()], check=0).stdout)
    assert [note["on"] for note in result["notes"]] == ["2026-10-15", "2026-10-08", "2026-10-01"]
    sam = result["people"][0]
    assert sam["person"] == "Sam" and sam["notes"] == 3
    assert sam["red"][0] == {"flag": "love_bombing", "times": 2, "first": "2026-10-01", "last": "2026-10-08"}
    assert sam["green"] == [{"flag": "honest", "times": 1, "first": "2026-10-08", "last": "2026-10-08"}]
    assert "more than once" in sam["reading"]

    bad = run(["flags", "add", "--json", "-", *paths.opts()], input=json.dumps({"person": "Sam", "flags": ["charming"]}))
    assert bad.returncode == 1 and '"charming" is not a flag' in bad.stderr
    nameless = run(["flags", "add", "--json", "-", *paths.opts()], input=json.dumps({"person": " ", "flags": ["honest"]}))
    assert nameless.returncode == 1 and "nickname" in nameless.stderr


def test_values_and_swaps_read_as_json_and_a_try_needs_a_plan(new_vault_paths):
    paths = new_vault_paths("growth")
    init_vault(paths)
    values = json.loads(run(["values", "list", "--json", *paths.opts()], check=0).stdout)
    assert values["values"] == [] and values["statement"] == ""
    choices = json.loads(run(["values", "choices", "--json"], check=0).stdout)
    assert {"id": "honesty", "label": "Honesty"} in choices and len(choices) >= 20

    swaps = json.loads(run(["swaps", "list", "--json", *paths.opts()], check=0).stdout)
    assert [swap["id"] for swap in swaps["swaps"]] == ["numbing", "pleasing", "vigilance", "self_anger", "isolation"]
    assert all(swap.get("attempt") is None and swap["tries"] == 0 for swap in swaps["swaps"]), "no plan yet: no attempt"
    refused = run(["swaps", "try", "--json", "-", *paths.opts()], input=json.dumps({"swap": "numbing"}))
    assert refused.returncode == 1 and "not a swap in your plan" in refused.stderr


def test_readings_and_wins(new_vault_paths):
    listed = json.loads(run(["readings", "list", "--json"], check=0).stdout)
    assert {"step-5", "step-6", "step-7", "grief", "responsible", "alone", "judgment"} <= {item["id"] for item in listed}
    assert all(item["paragraphs"] for item in listed)
    shown = run(["readings", "show", "grief"], check=0).stdout
    assert shown.splitlines()[0] == next(item["title"] for item in listed if item["id"] == "grief")
    missing = run(["readings", "show", "nope"])
    assert missing.returncode == 1 and "There is no reading" in missing.stderr

    paths = new_vault_paths("wins")
    init_vault(paths)
    run(["wins", "add", "--json", "-", *paths.opts()], input=json.dumps({"text": "Slept eight hours", "on": "2026-11-20"}), check=0)
    run(["wins", "add", "--json", "-", *paths.opts()], input=json.dumps({"text": "Said no"}), check=0)
    wins = json.loads(run(["wins", "list", "--json", *paths.opts()], check=0).stdout)
    assert [win["text"] for win in wins] == ["Said no", "Slept eight hours"]
    empty = run(["wins", "add", "--json", "-", *paths.opts()], input=json.dumps({"text": " "}))
    assert empty.returncode == 1 and "Please write a few words first." in empty.stderr


def test_rebuild_reads_every_new_kind_as_json(new_vault_paths, tmp_path):
    """What the web pages write, the command line reads back: toolkit, boundaries, goals,
    kinder voice and keeping it going, all empty at first, and wins written here show there."""
    paths = new_vault_paths("rebuild")
    init_vault(paths)
    assert json.loads(run(["rebuild", "toolkit", "--json", *paths.opts()], check=0).stdout) == []
    assert json.loads(run(["rebuild", "boundaries", "--json", *paths.opts()], check=0).stdout) == {"mine": [], "practice": [], "held": []}
    assert json.loads(run(["rebuild", "goals", "--json", *paths.opts()], check=0).stdout) == {"goals": [], "interests": []}
    assert json.loads(run(["rebuild", "kinder", "--json", *paths.opts()], check=0).stdout) == []
    ahead = json.loads(run(["rebuild", "ahead", "--json", *paths.opts()], check=0).stdout)
    assert [part["id"] for part in ahead["maintenance"]] == ["check_ins", "therapy", "people", "self_care", "boundaries"]
    assert [part["id"] for part in ahead["resilience"]] == ["money", "support", "interests", "speaking_up"]
    assert all(part["done"] is False and part["note"] == "" for part in ahead["maintenance"] + ahead["resilience"])
    assert "reviewedOn" not in ahead or ahead["reviewedOn"] is None


def test_plan_from_the_command_line(new_vault_paths):
    paths = new_vault_paths("plan")
    init_vault(paths)
    before = run(["plan", "today", "--json", *paths.opts()])
    assert before.returncode == 1 and "has not started" in before.stderr
    bad = run(["plan", "start", "--track", "gone", *paths.opts()])
    assert bad.returncode == 64 and "--track is one of" in bad.stderr
    run(["plan", "start", "--on", "2026-01-05", "--track", "low_contact", *paths.opts()], check=0)
    again = run(["plan", "start", *paths.opts()])
    assert again.returncode == 1 and "never starts over" in again.stderr
    today = json.loads(run(["plan", "today", "--json", *paths.opts()], check=0).stdout)
    assert today["day"] == 1 and today["kind"] == "sequence" and today["track"] == "low_contact"
    for key in ("title", "reading", "action", "reflection", "tool"):
        assert today[key], key
    assert today.get("reason") is None, "no reason on an ordinary day"
    assert today["done"] == 0 and today["doneToday"] is False
    run(["plan", "done", *paths.opts()], check=0)
    after = json.loads(run(["plan", "today", "--json", *paths.opts()], check=0).stdout)
    assert after["done"] == 1 and after["doneToday"] is True
    twice = run(["plan", "done", *paths.opts()], check=0)
    assert "already done" in twice.stdout
    run(["plan", "pause", *paths.opts()], check=0)
    assert json.loads(run(["plan", "today", "--json", *paths.opts()], check=0).stdout)["kind"] == "paused"
    resumed = run(["plan", "resume", *paths.opts()], check=0).stdout
    assert "goes on from day 2" in resumed

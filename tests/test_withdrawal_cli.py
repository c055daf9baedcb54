"""Withdrawal check-ins, urges and trends on the command line."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from conftest import assert_one_line_error, init_vault, run


def iso(days_ago: float) -> str:
    return (datetime.now(timezone.utc) - timedelta(days=days_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_symptoms_list_is_the_one_source(untether_bin):
    listed = json.loads(run(["checkin", "symptoms", "--json"], check=0).stdout)
    ids = [item["id"] for item in listed["symptoms"]]
    assert len(ids) == len(set(ids)) == 15
    assert listed["groups"] == ["physical", "emotional", "cognitive"]
    assert {item["group"] for item in listed["symptoms"]} == set(listed["groups"])
    assert (listed["min"], listed["max"]) == (0, 4)


def test_checkins_urges_and_trends(new_vault_paths):
    paths = new_vault_paths("withdrawal")
    init_vault(paths)
    symptoms = [item["id"] for item in json.loads(run(["checkin", "symptoms", "--json"], check=0).stdout)["symptoms"]]
    for days_ago, level in [(3, 4), (2, 2), (1, 0)]:
        checkin = {"at": iso(days_ago), "ratings": {symptom: level for symptom in symptoms}, "sleepHours": 6}
        result = run(["checkin", "add", "--json", "-", *paths.opts()], input=json.dumps(checkin), check=0)
        assert result.stdout.startswith("Saved check-in ")
    urges = [(8, 2, ["box_breathing"]), (7, 3, ["box_breathing", "called_someone"]), (9, 8, ["waited"]),
             (6, 1, ["called_someone"]), (5, 5, ["waited"])]
    for index, (before, after, helped) in enumerate(urges):
        urge = {"at": iso(0.5 + index / 10), "before": before, "after": after, "helped": helped, "contacted": False,
                "triggers": ["loneliness"]}
        assert run(["urge", "add", "--json", "-", *paths.opts()], input=json.dumps(urge), check=0).stdout.startswith("Saved urge ")
    trends = json.loads(run(["trends", "--json", *paths.opts()], check=0).stdout)
    overall = [point["overall"] for point in trends["points"] if point.get("overall") is not None]
    assert overall == [4, 2, 0], trends["points"]
    assert trends["urges"] == 5
    assert sum(point["urges"] for point in trends["points"]) == 5
    helps = trends["whatHelps"]
    assert helps["enoughData"] is True
    ranking = [(stat["action"], stat["uses"], stat["averageDrop"]) for stat in helps["ranking"]]
    assert ranking[0] == ("box_breathing", 2, 5.0) and ranking[1] == ("called_someone", 2, 4.5) and ranking[2][0] == "waited"
    assert helps["triggers"][0] == {"value": "loneliness", "count": 5}
    weekly = json.loads(run(["trends", "--json", "--by", "week", *paths.opts()], check=0).stdout)
    assert weekly["scale"] == "week" and 1 <= len(weekly["points"]) <= 2


def test_bad_checkins_and_urges_are_refused(new_vault_paths):
    paths = new_vault_paths("withdrawal-bad")
    init_vault(paths)
    for checkin, message in [
        ({"at": iso(1), "ratings": {"hunger": 2}}, "no symptom called"),
        ({"at": iso(1), "ratings": {"sleep": 5}}, "from 0 (not at all) to 4"),
        ({"at": "yesterday", "ratings": {"sleep": 1}}, "'at' must be"),
        ({"ratings": {"sleep": 1}}, "not a check-in"),
    ]:
        assert_one_line_error(run(["checkin", "add", "--json", "-", *paths.opts()], input=json.dumps(checkin)), contains=message)
    for urge, message in [
        ({"at": iso(1), "before": 11, "after": 2, "helped": [], "contacted": False}, "Strength is from 0"),
        ({"at": iso(1), "before": 5, "after": 2, "helped": ["dancing"], "contacted": False}, "not a tool or action"),
        ({"at": iso(1), "before": 5, "after": 2, "helped": [], "contacted": False, "triggers": ["moon"]}, "not a trigger"),
        ({"at": iso(1), "before": 5}, "not an urge"),
    ]:
        assert_one_line_error(run(["urge", "add", "--json", "-", *paths.opts()], input=json.dumps(urge)), contains=message)
    usage = run(["trends", "--by", "year", *paths.opts()])
    assert usage.returncode == 64 and "--by must be day, week or month." in usage.stderr

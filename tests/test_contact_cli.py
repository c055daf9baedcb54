"""The contact log and streak on the command line."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from conftest import assert_one_line_error, init_vault, run


def iso(days_ago: int) -> str:
    return (datetime.now(timezone.utc) - timedelta(days=days_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_contact_add_and_streak(new_vault_paths):
    paths = new_vault_paths("contacts")
    init_vault(paths)
    for days_ago, who, necessary in [(2, "them", True), (1, "them", False)]:
        contact = {"at": iso(days_ago), "channel": "text", "initiatedBy": who, "necessary": necessary, "feelingBefore": 4}
        result = run(["contact", "add", "--json", "-", *paths.opts()], input=json.dumps(contact), check=0)
        assert result.stdout.startswith("Saved contact ")
    streak = json.loads(run(["contact", "streak", "--json", *paths.opts()], check=0).stdout)
    assert streak["mode"] == "no_contact"
    # Contact they started never breaks the streak; counting starts at the earliest logged contact.
    assert streak["current"] == 2 and streak["longest"] == 2, streak
    run(["contact", "add", "--json", "-", *paths.opts()], check=0,
        input=json.dumps({"at": iso(0), "channel": "call", "initiatedBy": "me", "necessary": False}))
    after = json.loads(run(["contact", "streak", "--json", *paths.opts()], check=0).stdout)
    assert after["current"] == 0 and after["longest"] == 2, after
    assert streak["lastContact"] is not None
    low = json.loads(run(["contact", "streak", "--json", "--mode", "low_contact", *paths.opts()], check=0).stdout)
    assert low["mode"] == "low_contact" and "necessaryOnly" in low


def test_contact_add_refuses_bad_input(new_vault_paths):
    paths = new_vault_paths("contacts-bad")
    init_vault(paths)
    for contact, message in [
        ({"at": "soon", "channel": "text", "initiatedBy": "me", "necessary": False}, "'at' must be"),
        ({"at": iso(1), "channel": "pigeon", "initiatedBy": "me", "necessary": False}, "channel must be"),
        ({"at": iso(1), "channel": "text", "initiatedBy": "nobody", "necessary": False}, "initiatedBy"),
        ({"at": iso(1), "channel": "text", "initiatedBy": "me", "necessary": False, "feelingAfter": 11}, "0 (worst) to 10"),
        ({"channel": "text"}, "not a contact"),
    ]:
        assert_one_line_error(run(["contact", "add", "--json", "-", *paths.opts()], input=json.dumps(contact)), contains=message)

"""`untether coach`: checks a draft from standard input, privately, and never needs the vault."""

from __future__ import annotations

import json

from conftest import assert_one_line_error, run


def test_coach_flags_a_hostile_draft_with_the_matched_words():
    result = run(["coach", "--json"], input="Why do you always do this?? You never listen.", check=0)
    review = json.loads(result.stdout)
    kinds = {flag["kind"] for flag in review["flags"]}
    assert {"open_question", "blame", "shouting"} <= kinds
    for flag in review["flags"]:
        assert flag["suggestion"]
    assert any(flag["kind"] == "blame" and flag["matched"] == "you always" for flag in review["flags"])
    assert set(review["scores"]) == {"brief", "informative", "friendly", "firm"}


def test_coach_passes_a_calm_reply_and_explains_in_plain_text():
    result = run(["coach"], input="Hi, pick-up is at 5pm on Friday. Thanks.\n", check=0)
    assert result.stdout.startswith("Nothing to flag")


def test_coach_needs_a_draft():
    assert_one_line_error(run(["coach"], input="   \n"), contains="no draft")


def test_coach_json_has_a_verdict_and_a_calmer_version():
    hostile = run(["coach", "--json"], input="Your pathetic. I'll see you in court and you will never see them again.", check=0)
    review = json.loads(hostile.stdout)
    assert {"threat", "insult"} <= {flag["kind"] for flag in review["flags"]}
    assert review["verdict"] == "risky"
    assert review["scores"]["friendly"] <= 30
    assert review["rewrite"]["text"].startswith("Hi,") and review["rewrite"]["text"].endswith("Thanks.")
    assert {item["kind"] for item in review["rewrite"]["leftOut"]} >= {"insult"}
    calm = json.loads(run(["coach", "--json"], input="Hi, pick-up is at 5pm on Friday. Thanks.", check=0).stdout)
    assert calm["verdict"] == "calm" and calm["flags"] == [] and "rewrite" not in calm
    text = run(["coach"], input="I'll drop Mia at 5pm on Friday. You're a terrible mother.", check=0).stdout
    assert "calmer version" in text and "I'll drop Mia at 5pm on Friday." in text

"""The safety net on the command line: help lines without a vault, safe people, the safety plan."""

from __future__ import annotations

import json

from conftest import assert_one_line_error, init_vault, run


def test_help_lines_need_no_vault(untether_bin, tmp_path):
    regions = json.loads(run(["help-lines", "--json"], check=0).stdout)
    codes = {region["code"] for region in regions}
    assert {"US", "GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR", "IE", "AU", "NZ", "CA"} <= codes

    gb = json.loads(run(["help-lines", "--region", "GB", "--json"], check=0).stdout)
    assert [region["code"] for region in gb] == ["GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR"]
    england = gb[0]
    assert england["emergency"]["number"] == "999"
    assert england["domesticAbuse"][0]["number"] == "0808 2000 247"
    for region in gb:
        for line in region["domesticAbuse"] + region.get("crisis", []):
            assert line["source"].startswith("http") and line["checked"], line

    text = run(["help-lines", "--region", "us"], check=0).stdout
    assert "911" in text and "1-800-799-7233" in text and "START to 88788" in text
    assert_one_line_error(run(["help-lines", "--region", "ATLANTIS"]), contains="no help-line list")
    extra = tmp_path.parent / "my-lines.json"
    extra.write_text(json.dumps({"version": 1, "checked": "2026-11-29", "regions": [{"code": "XX", "name": "Testland", "domesticAbuse": [
        {"name": "Test line", "number": "555 0100", "dial": "5550100", "source": "https://example.org", "checked": "2026-11-29"}],
        "emergency": {"number": "112", "dial": "112", "source": "https://example.org", "checked": "2026-11-29"}}]}))
    assert "Test line: 555 0100" in run(["help-lines", "--region", "XX", "--help-lines", str(extra)], check=0).stdout
    broken = tmp_path.parent / "broken-lines.json"
    broken.write_text('{"version": 1, "checked": "2026-11-29", "regions": [{"code": "XX", "name": "X", "domesticAbuse": [], "emergency": {"number": "1", "dial": "112", "source": "s", "checked": "2026-11-29"}}]}')
    assert_one_line_error(run(["help-lines", "--help-lines", str(broken)]), contains="no domestic-abuse line")
    # Nothing was created: help lines never touch a data folder.
    assert not any(tmp_path.iterdir())


def test_safe_people_and_the_safety_plan(new_vault_paths):
    paths = new_vault_paths("safety-net")
    init_vault(paths)
    assert "No safe people yet" in run(["people", "list", *paths.opts()], check=0).stdout
    run(["people", "add", "--json", "-", *paths.opts()], input=json.dumps({"name": "Aunt Jo", "reach": "07700 900123", "helpsWith": "A bed for a night"}), check=0)
    run(["people", "add", "--json", "-", *paths.opts()], input=json.dumps({"name": "Sam"}), check=0)
    listed = json.loads(run(["people", "list", "--json", *paths.opts()], check=0).stdout)
    assert [(p["name"], p["reach"], p["helpsWith"]) for p in listed] == [("Aunt Jo", "07700 900123", "A bed for a night"), ("Sam", "", "")]
    assert_one_line_error(run(["people", "add", "--json", "-", *paths.opts()], input=json.dumps({"name": "  "})), contains="name or a nickname")
    assert_one_line_error(run(["people", "add", "--json", "-", *paths.opts()], input="not json"), contains="not a person in JSON")

    plan = json.loads(run(["safety-plan", "show", "--json", *paths.opts()], check=0).stdout)
    assert plan.get("situation") is None
    ids = [part["id"] for part in plan["parts"]]
    assert "go_bag" in ids and "after_leaving" in ids and "staying" in ids
    assert all(part["notes"] == "" and part["ticked"] == [] for part in plan["parts"])
    assert "empty" in run(["safety-plan", "show", *paths.opts()], check=0).stdout

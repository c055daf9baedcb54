"""`untether analyze`: what the log shows, with a direction only when the entries support one."""

from __future__ import annotations

import json
import zipfile
from datetime import date

from conftest import init_vault, run


def test_analyze_names_a_rising_pattern_and_stays_unclear_with_few_entries(new_vault_paths):
    paths = new_vault_paths("analyze")
    init_vault(paths)
    empty = json.loads(run(["analyze", "--json", "--to", "2026-11-30", *paths.opts()], check=0).stdout)
    assert empty["incidentCount"] == 0
    assert empty["frequencyTrend"] == "unclear" and empty["severityTrend"] == "unclear"
    assert empty["gapsShrinking"] is None and empty["months"] == []

    # One entry in February, two in March, … ten in November: more often, closer together and worse.
    days = [date(2026, 2 + m, 1 + k * (27 // (m + 1))) for m in range(10) for k in range(m + 1)]
    items = [
        {"kind": "log", "occurredAt": day.isoformat(), "description": f"Entry {i}", "severity": min(5, 1 + i // 11)}
        for i, day in enumerate(days)
    ]
    items.append({"kind": "log", "occurredAt": "2026-11-29", "description": "Flowers after", "kindMoment": "gift"})
    file = paths.write_file("log.json", json.dumps(items))
    run(["import", "--json", str(file), *paths.opts()], check=0)

    result = json.loads(run(["analyze", "--json", "--to", "2026-11-30", *paths.opts()], check=0).stdout)
    assert result["incidentCount"] == 55 and result["kindMomentCount"] == 1
    assert result["frequencyTrend"] == "rising"
    assert result["severityTrend"] == "rising"
    assert result["gapsShrinking"] is True
    assert result["months"][0]["month"] == "2026-02" and result["months"][-1] == {"month": "2026-11", "harm": 10, "kind": 1}
    assert sum(month["harm"] for month in result["months"]) == 55

    # The first five only: too few to say anything.
    early = json.loads(run(["analyze", "--json", "--to", days[4].isoformat(), *paths.opts()], check=0).stdout)
    assert early["incidentCount"] == 5
    assert early["frequencyTrend"] == "unclear" and early["gapsShrinking"] is None

    text = run(["analyze", "--to", "2026-11-30", *paths.opts()], check=0).stdout
    assert "How often: more often over time" in text
    assert "does not predict" in text


def test_analyze_refuses_days_that_are_not_days(new_vault_paths):
    paths = new_vault_paths("analyze-bad")
    init_vault(paths)
    result = run(["analyze", "--from", "2026-02-30", *paths.opts()])
    assert result.returncode == 64 and "--from must be a real day" in result.stderr
    backwards = run(["analyze", "--from", "2026-03-02", "--to", "2026-03-01", *paths.opts()])
    assert backwards.returncode == 64 and "--from must not be after --to" in backwards.stderr


def test_danger_signs_are_kept_on_entries_and_listed_with_their_days(new_vault_paths):
    paths = new_vault_paths("analyze-signs")
    init_vault(paths)
    entries = [
        {"occurredAt": "2026-03-03", "description": "Followed me to work", "dangerSigns": ["stalking"]},
        {"occurredAt": "2026-11-02", "description": "Hands on my neck", "dangerSigns": ["strangulation", "stalking"]},
    ]
    for i, entry in enumerate(entries):
        file = paths.write_file(f"e{i}.json", json.dumps(entry))
        run(["log", "add", "--json", str(file), *paths.opts()], check=0)
    listed = json.loads(run(["log", "list", "--json", *paths.opts()], check=0).stdout)
    assert sorted(tuple(item["entry"].get("dangerSigns", [])) for item in listed) == [("stalking",), ("strangulation", "stalking")]
    result = json.loads(run(["analyze", "--json", "--to", "2026-11-30", *paths.opts()], check=0).stdout)
    assert result["dangerSigns"] == [
        {"sign": "strangulation", "dates": ["2026-11-02"]},
        {"sign": "stalking", "dates": ["2026-03-03", "2026-11-02"]},
    ]
    text = run(["analyze", "--to", "2026-11-30", *paths.opts()], check=0).stdout
    assert "You wrote down choking or strangling on 2026-11-02." in text
    bad = paths.write_file("bad.json", json.dumps({"occurredAt": "2026-11-03", "description": "x", "dangerSigns": ["choking"]}))
    refused = run(["log", "add", "--json", str(bad), *paths.opts()])
    assert refused.returncode != 0 and "is not a danger sign id" in refused.stderr
    # The export's report names the signs on the entry.
    bundle = paths.root / "bundle.zip"
    run(["log", "export", "--out", str(bundle), *paths.opts()], check=0)
    with zipfile.ZipFile(bundle) as archive:
        report = archive.read("report.html").decode()
    assert "Danger signs" in report and "They choked or strangled me, or pressed on my neck" in report

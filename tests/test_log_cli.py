"""The log on the command line: add, list, export a bundle, and verify it without the passphrase."""

from __future__ import annotations

import json
import re
import uuid
import zipfile

import pytest

from conftest import assert_one_line_error, describe, init_vault, run

ENTRY_RE = re.compile(r"^Saved entry ([0-9a-f-]{36})$")


@pytest.fixture(scope="module")
def log_vault(new_vault_paths):
    paths = new_vault_paths("log")
    init_vault(paths)
    entries = [
        {"occurredAt": "2026-10-02T21:40", "description": "Shouted at me in the kitchen.\nI left.",
         "categories": ["emotional_verbal", "property"], "severity": 3, "location": "Home",
         "reports": [{"kind": "police", "reference": "CAD 99"}], "childrenPresent": False},
        {"occurredAt": "2026-10-04", "kindMoment": "gift", "description": "Flowers and an apology"},
        {"occurredAt": "2026-11-10", "description": "Read my messages", "categories": ["digital"], "severity": 2},
    ]
    ids = []
    for entry in entries:
        result = run(["log", "add", "--json", "-", *paths.opts()], input=json.dumps(entry), check=0)
        match = ENTRY_RE.match(result.stdout.strip())
        assert match, describe(result, "expected 'Saved entry ID'")
        ids.append(match.group(1))
    return paths, ids


def test_log_list_json_has_every_field_newest_first(log_vault):
    paths, ids = log_vault
    result = run(["log", "list", "--json", *paths.opts()], check=0)
    listed = json.loads(result.stdout)
    assert [item["id"] for item in listed] == [ids[2], ids[1], ids[0]]
    first = listed[2]["entry"]
    assert first["occurredOn"] == "2026-10-02" and first["occurredAt"] == "21:40"
    assert first["categories"] == ["emotional_verbal", "property"]
    assert first["severity"] == 3
    assert first["reports"] == [{"kind": "police", "reference": "CAD 99"}]
    assert first["childrenPresent"] is False
    assert listed[1]["entry"]["kindMoment"] == "gift"
    assert listed[1]["entry"]["phase"] == "reconciliation"


@pytest.mark.parametrize("entry, message", [
    ({"description": "no date"}, "JSON"),
    ({"occurredAt": "2026-13-40", "description": "x"}, "day it happened"),
    ({"occurredAt": "2026-11-01", "description": "x", "categories": ["nonsense"]}, "category id"),
    ({"occurredAt": "2026-11-01", "description": "x", "severity": 9}, "1 to 5"),
    ({"occurredAt": "2026-11-01", "description": "x", "severity": 0}, "1 to 5"),
    ({"occurredAt": "2026-11-01", "description": "x", "severity": -1}, "1 to 5"),
    ({"occurredAt": "2026-11-01", "description": "x", "severity": "3"}, "'severity'"),
    ({"occurredAt": "2026-11-01", "description": "x", "severity": 3.5}, "'severity'"),
    ({"occurredAt": "2026-11-01", "description": "x", "severity": True}, "'severity'"),
    ({"occurredAt": "2026-11-01", "description": "x", "phase": "maybe"}, "phase must be one of"),
    ({"occurredAt": "2026-11-01", "description": "x", "childrenPresent": "maybe"}, "'childrenPresent'"),
    ({"occurredAt": "2026-11-01", "description": "x", "severty": 3}, "'severty' is not a field"),
    ({"occurredAt": "2026-11-01", "description": "   "}, "what happened"),
])
def test_log_add_refuses_bad_input_with_one_line(log_vault, entry, message):
    paths, _ = log_vault
    before = json.loads(run(["log", "list", "--json", *paths.opts()], check=0).stdout)
    result = run(["log", "add", "--json", "-", *paths.opts()], input=json.dumps(entry))
    assert_one_line_error(result, contains=message)
    after = json.loads(run(["log", "list", "--json", *paths.opts()], check=0).stdout)
    assert after == before


def test_export_then_verify_without_passphrase(log_vault, tmp_path):
    paths, ids = log_vault
    out = tmp_path / "bundle.zip"
    result = run(["log", "export", "--out", out, *paths.opts()], check=0)
    assert "Writing the bundle" in result.stderr, "the export shows progress"
    verified = run(["verify", out], check=0)
    assert verified.stdout.startswith("Intact:"), verified.stdout
    with zipfile.ZipFile(out) as bundle:
        names = set(bundle.namelist())
        assert {"manifest.json", "report.html", "records.json", "VERIFY.txt"} <= names
        report = bundle.read("report.html").decode()
        assert "tamper-evident" in report and "admissible" not in report.lower()
        assert "Shouted at me in the kitchen." in report
        manifest = json.loads(bundle.read("manifest.json"))
        first_records = {n: bundle.read(n) for n in names if n.startswith("records/") and not n.endswith("-export.json")}
    assert verified.stdout.rstrip().endswith(f"Check code: {manifest['length']} · {manifest['head']}")
    # A second export carries the same records, byte for byte; the first export is a link in its chain.
    again = tmp_path / "again.zip"
    run(["log", "export", "--out", again, *paths.opts()], check=0)
    with zipfile.ZipFile(again) as two:
        second = json.loads(two.read("manifest.json"))
        assert second["length"] == manifest["length"] + 1
        for name, data in first_records.items():
            assert two.read(name) == data, name
    assert run(["verify", again], check=0).stdout.startswith("Intact:")
    assert "exported" in [e["kind"] for e in json.loads(run(["access-log", "--json", *paths.opts()], check=0).stdout)]


def test_export_filters_by_date_and_category(log_vault, tmp_path):
    paths, _ = log_vault
    out = tmp_path / "digital.zip"
    run(["log", "export", "--out", out, "--from", "2026-11-01", "--category", "digital", *paths.opts()], check=0)
    with zipfile.ZipFile(out) as bundle:
        report = bundle.read("report.html").decode()
    assert "Read my messages" in report and "Shouted" not in report and "Flowers" not in report
    assert run(["verify", out]).returncode == 0


def test_a_changed_bundle_fails_verification_and_names_the_file(log_vault, tmp_path):
    paths, _ = log_vault
    out = tmp_path / "bundle.zip"
    run(["log", "export", "--out", out, *paths.opts()], check=0)
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(tampered, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name.startswith("records/000001"):
                data = data.replace(b"Shouted", b"Shouting")
            target.writestr(name, data)
    result = run(["verify", tampered])
    err = assert_one_line_error(result, contains="not intact")
    assert "records/000001" in err


def test_verify_vault_checks_the_whole_chain(log_vault):
    paths, _ = log_vault
    result = run(["verify", "--vault", *paths.opts()], check=0)
    assert result.stdout.startswith("Intact: all ")
    count = int(result.stdout.split("Intact: all ")[1].split()[0])
    assert f"Check code: {count} · " in result.stdout, "the check code carries the chain's length beside its head"


def test_verify_needs_a_bundle_or_vault(tmp_path):
    assert run(["verify"]).returncode != 0
    missing = run(["verify", tmp_path / "nope.zip"])
    assert_one_line_error(missing, contains="could not be read")
    garbage = tmp_path / "garbage.zip"
    garbage.write_bytes(b"not a zip" + uuid.uuid4().bytes)
    assert_one_line_error(run(["verify", garbage]), contains="not intact")


def test_canary_in_every_log_field_never_on_disk(new_vault_paths):
    paths = new_vault_paths("log-canary")
    init_vault(paths)
    canary = "CANARY-" + uuid.uuid4().hex
    entry = {"occurredAt": "2026-11-01T08:00", "description": canary, "location": canary, "injuries": canary,
             "witnesses": canary, "categories": ["sexual"], "severity": 5, "reports": [{"kind": "medical", "reference": canary}]}
    run(["log", "add", "--json", "-", *paths.opts()], input=json.dumps(entry), check=0)
    listed = run(["log", "list", "--json", *paths.opts()], check=0).stdout
    assert listed.count(canary) == 5
    needles = [canary.encode("utf-8"), canary.encode("utf-16-le"), canary.encode("utf-16-be"), b"sexual"]
    for path in paths.data_dir.iterdir():
        data = path.read_bytes()
        for needle in needles:
            assert needle not in data, f"{needle!r} found in {path.name}"


def test_attach_a_file_and_export_it(new_vault_paths, tmp_path):
    paths = new_vault_paths("attach")
    init_vault(paths)
    added = run(["log", "add", "--json", "-", *paths.opts()],
                input=json.dumps({"occurredAt": "2026-11-01", "description": "Texts all night"}), check=0)
    entry_id = ENTRY_RE.match(added.stdout.strip()).group(1)
    png = tmp_path / "screenshot.png"
    png.write_bytes(bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + uuid.uuid4().bytes * 4)
    attached = run(["log", "attach", entry_id, png, *paths.opts()], check=0)
    assert "image/png" in attached.stdout
    program = tmp_path / "program"
    program.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(20))
    assert_one_line_error(run(["log", "attach", entry_id, program, *paths.opts()]), contains="can't be attached")
    listed = json.loads(run(["log", "list", "--json", *paths.opts()], check=0).stdout)
    assert [a["type"] for a in listed[0]["attachments"]] == ["png"]

    with_files = tmp_path / "with.zip"
    run(["log", "export", "--out", with_files, *paths.opts()], check=0)
    with zipfile.ZipFile(with_files) as bundle:
        copies = [n for n in bundle.namelist() if n.startswith("attachments/")]
        assert len(copies) == 1 and bundle.read(copies[0]) == png.read_bytes()
    without = tmp_path / "without.zip"
    run(["log", "export", "--out", without, "--no-attachments", *paths.opts()], check=0)
    with zipfile.ZipFile(without) as bundle:
        assert not [n for n in bundle.namelist() if n.startswith("attachments/")]
    assert run(["verify", with_files]).returncode == 0 and run(["verify", without]).returncode == 0


def test_log_amend_adds_to_an_entry_and_refuses_an_unknown_one(log_vault):
    paths, ids = log_vault
    entry_id = ids[0] if isinstance(ids, (list, tuple)) else ids
    added = run(["log", "amend", entry_id, "--change", "It was nearer 22:00", "--reason", "Checked my phone", *paths.opts()], check=0)
    assert added.stdout.startswith("Added to entry")
    listed = json.loads(run(["log", "list", "--json", *paths.opts()], check=0).stdout)
    amended = next(item for item in listed if item["id"] == entry_id)
    assert any(a["change"] == "It was nearer 22:00" and a["reason"] == "Checked my phone" for a in amended["amendments"])
    assert_one_line_error(run(["log", "amend", str(uuid.uuid4()), "--change", "x", *paths.opts()]), contains="no entry")
    assert_one_line_error(run(["log", "amend", "not-an-id", "--change", "x", *paths.opts()]), contains="not an entry id")
    assert run(["verify", "--vault", *paths.opts()], check=0).stdout.startswith("Intact")

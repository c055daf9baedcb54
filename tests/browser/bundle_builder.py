"""Builds version-2 evidence bundles exactly as docs/evidence-bundle.md describes, so the tests of
the in-browser checker (verify.html) can run without the Swift build.

A bundle is kept as a dict of path -> bytes (`Bundle.files`), with the manifest and the export
record beside it as values, so a test can change one file, or change the manifest and write it
again, before zipping.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
VERIFIER_DIR = REPO / "Sources" / "UntetherExport" / "Verifier"

FORMAT = "untether-evidence-bundle"
GENESIS = bytes(32)

# An 8x8 baseline JPEG (a square in a square), made once with a browser canvas.
SMALL_JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxO"
    "UlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09P"
    "T09PT09PT0//wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAP/xAAdEAABAgcAAAAAAAAAAAAAAAAAERYl"
    "MlJlgpLw/8QAFQEBAQAAAAAAAAAAAAAAAAAAAwT/xAAWEQEBAQAAAAAAAAAAAAAAAAAAARH/2gAMAwEAAhEDEQA/AJwNs3bOvWXl"
    "AAqO3X//2Q=="
)

VERIFY_TXT = b"""How to check these records
==========================

Open verify.html from the unzipped folder, or run: untether verify this-bundle.zip
"""


def canonical(value) -> bytes:
    """Canonical JSON: keys sorted, no spaces, UTF-8 (the bytes a record is hashed as)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def link(previous: bytes, record_hash: bytes) -> bytes:
    """chainHash = SHA-256(previous chainHash bytes ‖ recordHash bytes)."""
    return hashlib.sha256(previous + record_hash).digest()


def record_path(sequence: int, kind: str) -> str:
    return f"records/{sequence:06d}-{kind}.json"


@dataclass
class Record:
    """One chained record: its kind, its value (hashed as canonical JSON), and whether the bundle carries it."""

    kind: str
    value: dict
    subject_id: str | None = None
    carried: bool = True


def sample_records() -> list[Record]:
    """Six records: two incidents (one left out of the bundle, as a date filter would), an
    amendment, an attachment, a kind moment and a removal. The export record becomes entry 7."""
    first = "3f1c2a9e-0b6d-4c55-9a51-6f1e0f6d8a01"
    left_out = "a7d0c3b2-55e1-4f0e-8d3c-2b9f7e6a4c02"
    return [
        Record("incident", {"id": first, "occurredOn": "2026-11-20", "recordedAt": "2026-11-20T21:40:00.000Z",
                            "description": "Shouted in the kitchen — then slammed the door. Café receipt kept.",
                            "categories": ["emotional_verbal", "property"], "severity": 3}),
        Record("incident", {"id": left_out, "occurredOn": "2025-01-02", "recordedAt": "2025-01-02T09:00:00.000Z",
                            "description": "Written twice by mistake", "categories": []}, carried=False),
        Record("amendment", {"id": "c1e5a8f0-7d2b-4e61-b3a4-9c8d7e6f5a03", "incidentID": first,
                             "recordedAt": "2026-11-21T08:00:00.000Z", "change": "It was nearer 22:00.",
                             "reason": "I checked my messages"}, subject_id=first),
        Record("attachment", {"id": "d2f6b9a1-8e3c-4f72-a4b5-0d9e8f7a6b04", "incidentID": first, "name": "photo.jpg",
                              "storedName": "photo.jpg", "type": "image/jpeg", "size": len(SMALL_JPEG),
                              "sha256": sha256_hex(SMALL_JPEG), "recordedAt": "2026-11-21T08:05:00.000Z"}, subject_id=first),
        Record("incident", {"id": "e3a7c0b2-9f4d-4083-b5c6-1e0f9a8b7c05", "occurredOn": "2026-11-22",
                            "recordedAt": "2026-11-22T18:00:00.000Z", "description": "", "kindMoment": "gift"}),
        Record("removal", {"id": "f4b8d1c3-0a5e-4194-86d7-2f1a0b9c8d06", "incidentID": left_out,
                           "recordedAt": "2025-01-03T10:00:00.000Z", "reason": "Written twice"}, subject_id=left_out),
    ]


@dataclass
class Bundle:
    """Every file of a bundle by path (manifest.json first), with the manifest and export record as values."""

    files: dict[str, bytes]
    manifest: dict
    export_record: dict
    chain_hashes: list[str] = field(default_factory=list)

    @property
    def head(self) -> str:
        return self.manifest["head"]

    @property
    def length(self) -> int:
        return self.manifest["length"]

    @property
    def export_path(self) -> str:
        return self.manifest["export"]["path"]

    def copy(self) -> "Bundle":
        return Bundle(dict(self.files), copy.deepcopy(self.manifest), copy.deepcopy(self.export_record), list(self.chain_hashes))

    def write_manifest(self) -> None:
        """Writes `manifest` back into manifest.json (after a test changed it)."""
        self.files["manifest.json"] = manifest_bytes(self.manifest)

    def zip(self, **options) -> bytes:
        return zip_bytes(self.files, **options)

    def write_folder(self, root: Path) -> Path:
        """The bundle as an unzipped folder."""
        for path, data in self.files.items():
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        return root


def manifest_bytes(manifest: dict) -> bytes:
    # Pretty-printed with sorted keys, as the Swift encoder writes it; the checker hashes no part of it.
    return json.dumps(manifest, sort_keys=True, indent=2, ensure_ascii=False).encode() + b"\n"


def verifier_files() -> dict[str, bytes]:
    return {name: (VERIFIER_DIR / name).read_bytes() for name in ("verify.html", "verify.js")}


def readable_records(records: list[tuple[int, Record]]) -> bytes:
    items = [{"sequence": sequence, "kind": record.kind, "record": record.value} for sequence, record in records]
    return json.dumps(items, sort_keys=True, indent=2, ensure_ascii=False).encode()


def report_html(records: list[tuple[int, Record]], check_code: str) -> bytes:
    rows = "\n".join(
        f"<li>Entry {sequence} ({record.kind}): {record.value.get('description') or record.value.get('change') or record.value.get('name') or record.value.get('reason') or ''}</li>"
        for sequence, record in records
    )
    return (f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Records</title></head>\n'
            f"<body><h1>Records</h1>\n<ul>\n{rows}\n</ul>\n<p>Check code: {check_code}</p></body></html>\n").encode()


def build_bundle(records: list[Record] | None = None, *, replace: dict[str, bytes] | None = None) -> Bundle:
    """A valid bundle of `records` (sample_records() by default) followed by its export record.

    `replace` swaps the bytes of derived files (report.html, records.json, …) before the export
    record commits to them: the result is a consistent bundle with a new head.
    """
    records = sample_records() if records is None else records
    chain: list[dict] = []
    previous = GENESIS
    canonicals: dict[int, bytes] = {}
    for sequence, record in enumerate(records, start=1):
        data = canonical(record.value)
        canonicals[sequence] = data
        record_hash = hashlib.sha256(data).digest()
        previous = link(previous, record_hash)
        entry = {"sequence": sequence, "kind": record.kind, "recordID": record.value["id"],
                 "recordHash": record_hash.hex(), "chainHash": previous.hex()}
        if record.subject_id is not None or sequence % 2 == 0:  # subjectID may be null or absent
            entry["subjectID"] = record.subject_id
        chain.append(entry)

    carried = [(sequence, record) for sequence, record in enumerate(records, start=1) if record.carried]
    derived: dict[str, bytes] = {}
    for sequence, record in carried:
        if record.kind == "attachment":
            derived[f"attachments/{sequence:06d}-{record.value['storedName']}"] = SMALL_JPEG
    derived["records.json"] = readable_records(carried)
    derived["report.html"] = report_html(carried, f"{len(records)} · {previous.hex()[:16]}")
    derived["VERIFY.txt"] = VERIFY_TXT
    derived.update(verifier_files())
    derived.update(replace or {})

    export_record = {
        "files": {path: sha256_hex(data) for path, data in derived.items()},
        "id": "0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d07",
        "madeAt": "2026-11-30T10:00:00.000Z",
        "records": [sequence for sequence, _ in carried],
        "salt": "00112233445566778899aabbccddeeff",
        "settings": {"categories": [], "cleaned": [], "includeAttachments": True, "leftOut": [],
                     "stripLocation": False, "timeZone": "Europe/London", "upTo": len(records)},
    }
    export_bytes = canonical(export_record)
    export_sequence = len(records) + 1
    export_hash = hashlib.sha256(export_bytes).digest()
    previous = link(previous, export_hash)
    chain.append({"sequence": export_sequence, "kind": "export", "recordID": export_record["id"], "subjectID": None,
                  "recordHash": export_hash.hex(), "chainHash": previous.hex()})

    manifest = {
        "format": FORMAT,
        "version": 2,
        "head": previous.hex(),
        "length": len(chain),
        "chain": chain,
        "records": [{"sequence": sequence, "path": record_path(sequence, record.kind)} for sequence, record in carried],
        "export": {"sequence": export_sequence, "path": record_path(export_sequence, "export")},
    }
    files = {"manifest.json": manifest_bytes(manifest)}
    for sequence, record in carried:
        files[record_path(sequence, record.kind)] = canonicals[sequence]
    files[manifest["export"]["path"]] = export_bytes
    files.update(derived)
    return Bundle(files, manifest, export_record, [entry["chainHash"] for entry in chain])


class _Unseekable(io.RawIOBase):
    """A write-only stream without tell/seek, so zipfile writes data descriptors after each entry."""

    def __init__(self, target: io.BytesIO):
        self.target = target

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        return self.target.write(data)


def zip_bytes(files: dict[str, bytes], *, descriptors: bool = False, folders: bool = False,
              stored: tuple[str, ...] = ()) -> bytes:
    """A deflated zip of `files`. `descriptors`: sizes after the data (flag bit 3) instead of in the
    local headers; `folders`: directory entries for records/ and attachments/; `stored`: path
    prefixes kept uncompressed (method 0)."""
    buffer = io.BytesIO()
    target = _Unseekable(buffer) if descriptors else buffer
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        if folders:
            for folder in sorted({path.split("/")[0] + "/" for path in files if "/" in path}):
                archive.writestr(zipfile.ZipInfo(folder, date_time=(1980, 1, 1, 0, 0, 0)), b"")
        for path, data in files.items():
            info = zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if path.startswith(stored) else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()

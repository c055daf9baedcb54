"""Browser tests for the checker that ships inside every evidence bundle (verify.html and
verify.js, docs/evidence-bundle.md "What a check does", steps 1 to 7).

The bundles are made here by bundle_builder, exactly as the spec describes, so these tests need
neither the Swift build nor `untether serve`. The page is opened from file:// in an unzipped
copy of a bundle, as an advocate would double-click it, and the zip (or the unzipped folder) is
chosen through its file inputs. Set UNTETHER_REAL_BUNDLE to a zip made by `untether export` to
run the untouched-bundle test on it too.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from .bundle_builder import VERIFIER_DIR, Bundle, build_bundle, canonical, link, record_path, sha256_hex

REAL_BUNDLE = os.environ.get("UNTETHER_REAL_BUNDLE", "")

# Records the sample bundle carries (5 chained records and the export record), files the export
# record lists, and chain entries (6 records and the export).
SAMPLE_RECORDS_CHECKED = 6
SAMPLE_FILES_CHECKED = 6
SAMPLE_CHAIN_LENGTH = 7

_OUTCOME_JS = """() => {
  const text = (id) => { const node = document.getElementById(id); return node ? node.textContent.trim() : null; };
  const verdict = document.getElementById('verdict');
  const result = document.getElementById('result');
  return {
    verdict: verdict ? verdict.dataset.verdict : null,
    word: verdict ? verdict.textContent.trim() : null,
    problems: Array.from(document.querySelectorAll('#problems li')).map((li) => ({
      code: li.dataset.problem, path: li.dataset.path || null,
      entry: li.dataset.entry ? Number(li.dataset.entry) : null, text: li.textContent.trim(),
    })),
    records: text('count-records'), files: text('count-files'), chain: text('count-chain'), head: text('head'),
    role: result.getAttribute('role'), live: result.getAttribute('aria-live'),
    text: result.innerText,
  };
}"""


@dataclass
class Outcome:
    verdict: str | None
    word: str | None
    problems: list[dict]
    records: str | None
    files: str | None
    chain: str | None
    head: str | None
    role: str | None
    live: str | None
    text: str

    def codes(self) -> list[str]:
        return [p["code"] for p in self.problems]

    def describe(self) -> str:
        return f"verdict {self.verdict!r}; problems:\n" + "\n".join(f"  [{p['code']}] {p['text']}" for p in self.problems)


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def chromium(browser):
    """The session's Chromium (one Playwright per run): no host name resolves there but the exit
    site's local stand-in, so nothing can leave the machine."""
    return browser


@pytest.fixture(scope="module")
def sample() -> Bundle:
    return build_bundle()


@pytest.fixture(scope="module")
def sample_zip(sample: Bundle, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "untether-export.zip"
    path.write_bytes(sample.zip())
    return path


@pytest.fixture(scope="module")
def checker_page_url(sample_zip: Path, tmp_path_factory) -> str:
    """verify.html in an unzipped copy of the sample bundle, as a file:// URL."""
    folder = tmp_path_factory.mktemp("unzipped") / "untether-export"
    with zipfile.ZipFile(sample_zip) as archive:
        archive.extractall(folder)
    return (folder / "verify.html").as_uri()


class Checker:
    """One browser context on verify.html, recording every request and JavaScript error."""

    def __init__(self, browser, url: str, width: int = 1280, init_script: str | None = None):
        self.context = browser.new_context(viewport={"width": width, "height": 800})
        self.context.set_default_timeout(15_000)
        if init_script:
            self.context.add_init_script(init_script)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        self.page.on("console", lambda message: self.errors.append(f"console.{message.type}: {message.text}")
                     if message.type in ("error", "assert") else None)
        self.url = url
        self.open()

    def open(self) -> None:
        self.page.goto(self.url, wait_until="load")

    def _choose(self, selector: str, files) -> Outcome:
        self.open()
        self.page.set_input_files(selector, files)
        self.page.wait_for_selector("#verdict")
        return Outcome(**self.page.evaluate(_OUTCOME_JS))

    def check_zip(self, path: Path) -> Outcome:
        return self._choose("#zip-input", str(path))

    def check_folder(self, folder: Path) -> Outcome:
        return self._choose("#folder-input", str(folder))

    def check_code(self, code: str) -> tuple[str, str]:
        """Types a check code, presses Enter, and returns (data-match, the text shown)."""
        self.page.fill("#check-code", code)
        self.page.press("#check-code", "Enter")
        result = self.page.locator("#check-code-result")
        result.wait_for(state="visible")
        return result.get_attribute("data-match"), result.inner_text().strip()

    def assert_clean(self) -> None:
        assert not self.errors, "JavaScript errors:\n" + "\n".join(self.errors)
        off_machine = [url for url in self.requests if not url.startswith("file://")]
        assert not off_machine, f"the checker made requests off this computer: {off_machine}"

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def checker(chromium, checker_page_url):
    checker = Checker(chromium, checker_page_url)
    yield checker
    checker.close()


def write_zip(tmp_path: Path, bundle: Bundle, name: str = "bundle.zip", **options) -> Path:
    path = tmp_path / name
    path.write_bytes(bundle.zip(**options))
    return path


def assert_intact(outcome: Outcome, records: int, files: int, chain: int, head: str) -> None:
    assert outcome.verdict == "intact" and outcome.word == "Intact", outcome.describe()
    assert outcome.problems == []
    assert (outcome.records, outcome.files, outcome.chain) == (str(records), str(files), str(chain)), outcome.text
    assert outcome.head == head, f"the head should be shown in full: {outcome.head!r}"
    assert (outcome.role, outcome.live) == ("status", "polite")


def assert_names(outcome: Outcome, code: str, *, path: str | None = None, entry: int | None = None) -> dict:
    """The outcome is Not intact and lists a `code` problem naming `path` (and `entry`) in its words."""
    assert outcome.verdict == "not-intact" and outcome.word == "Not intact", outcome.describe()
    for found in outcome.problems:
        if found["code"] != code:
            continue
        if path is not None and (found["path"] != path or path not in found["text"]):
            continue
        if entry is not None and (found["entry"] != entry or f"entry {entry}" not in found["text"]):
            continue
        return found
    raise AssertionError(f"no {code!r} problem naming {path or entry!r}.\n{outcome.describe()}")


# --------------------------------------------------------------------------- the untouched bundle


def _real_bundle_expectations(zip_path: Path) -> tuple[int, int, int, str]:
    with zipfile.ZipFile(zip_path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        export_record = json.loads(archive.read(manifest["export"]["path"]))
    return len(manifest["records"]) + 1, len(export_record["files"]), len(manifest["chain"]), manifest["head"]


@pytest.mark.parametrize("flavour", ["deflated", "descriptors-folders-stored"])
def test_untouched_bundle_is_intact(checker, sample, tmp_path, flavour):
    options = {} if flavour == "deflated" else {"descriptors": True, "folders": True, "stored": ("attachments/", "VERIFY")}
    outcome = checker.check_zip(write_zip(tmp_path, sample, **options))
    assert_intact(outcome, SAMPLE_RECORDS_CHECKED, SAMPLE_FILES_CHECKED, SAMPLE_CHAIN_LENGTH, sample.head)
    assert "not show when the records were written" in outcome.text, "after the check, the page says what Intact does not show"
    checker.assert_clean()


def _report_check_code(zip_path: Path) -> tuple[int, str]:
    with zipfile.ZipFile(zip_path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        up_to = json.loads(archive.read(manifest["export"]["path"]))["settings"]["upTo"]
    return up_to, manifest["chain"][up_to - 1]["chainHash"]


@pytest.mark.skipif(not REAL_BUNDLE, reason="set UNTETHER_REAL_BUNDLE to a zip made by `untether export`")
def test_real_export_is_intact(chromium, tmp_path):
    zip_path = Path(REAL_BUNDLE).expanduser()
    assert zip_path.is_file(), f"UNTETHER_REAL_BUNDLE={REAL_BUNDLE} is not a file"
    folder = tmp_path / "unzipped"
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(folder)
    # The checker from the sources, beside the folder (not in it: that would be an added file).
    checker_dir = tmp_path / "checker"
    checker_dir.mkdir()
    for name in ("verify.html", "verify.js"):
        (checker_dir / name).write_bytes((VERIFIER_DIR / name).read_bytes())
    checker = Checker(chromium, (checker_dir / "verify.html").as_uri())
    try:
        records, files, chain, head = _real_bundle_expectations(zip_path)
        assert_intact(checker.check_zip(zip_path), records, files, chain, head)
        assert_intact(checker.check_folder(folder), records, files, chain, head)
        assert checker.check_code(f"{chain} · {head}")[0] == "match"
        # The check code the report shows: the last entry the export read.
        up_to, code = _report_check_code(zip_path)
        assert checker.check_code(f"{up_to} · {code}") == (
            "match", f"This matches entry {up_to} of {chain}: the chain still holds everything written down up to then.")
        checker.assert_clean()
    finally:
        checker.close()
    for name in ("verify.html", "verify.js"):
        assert (folder / name).read_bytes() == (VERIFIER_DIR / name).read_bytes(), \
            f"the bundle's {name} is not the one in {VERIFIER_DIR}: run scripts/embed-assets and build again"


# --------------------------------------------------------------------------- changed bundles


def _edit(path: str, old: bytes, new: bytes):
    def change(bundle: Bundle) -> None:
        assert old in bundle.files[path], f"{old!r} not in {path}"
        bundle.files[path] = bundle.files[path].replace(old, new, 1)
    return change


def _append(path: str, extra: bytes):
    def change(bundle: Bundle) -> None:
        bundle.files[path] += extra
    return change


def _add(path: str, data: bytes):
    def change(bundle: Bundle) -> None:
        bundle.files[path] = data
    return change


def _remove(path: str):
    def change(bundle: Bundle) -> None:
        del bundle.files[path]
    return change


def _remove_record_and_its_line(bundle: Bundle) -> None:
    del bundle.files[record_path(3, "amendment")]
    bundle.manifest["records"] = [r for r in bundle.manifest["records"] if r["sequence"] != 3]
    bundle.write_manifest()


def _swap_chain_entries(bundle: Bundle) -> None:
    chain = bundle.manifest["chain"]
    chain[2], chain[3] = chain[3], chain[2]
    bundle.write_manifest()


def _change_link(bundle: Bundle) -> None:
    entry = bundle.manifest["chain"][1]  # entry 2: a record the bundle does not carry
    entry["recordHash"] = sha256_hex(b"something else")
    bundle.write_manifest()


def _unknown_kind(bundle: Bundle) -> None:
    """Entry 2 (not in the bundle) renamed to a made-up kind: the hashes do not cover kinds."""
    bundle.manifest["chain"][1]["kind"] = "../../outside"
    bundle.write_manifest()


def _chain_after_export(bundle: Bundle) -> None:
    """A record chained after the export, with every link and the head consistent."""
    value = {"id": "99999999-0000-4000-8000-000000000008", "description": "written after the export"}
    record_hash = bytes.fromhex(sha256_hex(canonical(value)))
    previous = bytes.fromhex(bundle.head)
    chain_hash = link(previous, record_hash).hex()
    bundle.manifest["chain"].append({"sequence": 8, "kind": "incident", "recordID": value["id"],
                                     "recordHash": record_hash.hex(), "chainHash": chain_hash})
    bundle.manifest["head"] = chain_hash
    bundle.manifest["length"] = 8
    bundle.write_manifest()


def _edit_manifest(**changes):
    def change(bundle: Bundle) -> None:
        bundle.manifest.update(changes)
        bundle.write_manifest()
    return change


def _export_lists_another_record(bundle: Bundle) -> None:
    """The export record (and so its hash in the chain) left alone; manifest.json claims one record fewer."""
    bundle.manifest["records"] = [r for r in bundle.manifest["records"] if r["sequence"] != 5]
    bundle.write_manifest()
    del bundle.files[record_path(5, "incident")]


LONG_NAME = "attachments/" + "a-very-long-file-name-without-spaces-" * 4 + "x.jpg"

# (id, change, expected problem code, path it names, entry it names)
TAMPERED = [
    ("edited-report", _append("report.html", b"<p>Added later.</p>\n"), "changed-file", "report.html", None),
    ("edited-records-json", _edit("records.json", b"slammed", b"closed"), "changed-file", "records.json", None),
    ("edited-photo", _append("attachments/000004-photo.jpg", b"\0"), "changed-file", "attachments/000004-photo.jpg", None),
    ("added-file", _add("notes/extra.txt", b"Not part of the export.\n"), "added-file", "notes/extra.txt", None),
    ("added-long-name", _add(LONG_NAME, b"\xff\xd8\xff"), "added-file", LONG_NAME, None),
    ("removed-report", _remove("report.html"), "missing-file", "report.html", None),
    ("removed-record-file", _remove(record_path(3, "amendment")), "record-missing", record_path(3, "amendment"), 3),
    ("removed-record-and-line", _remove_record_and_its_line, "records-differ", None, 3),
    ("record-list-differs", _export_lists_another_record, "records-differ", None, 5),
    ("reordered-chain", _swap_chain_entries, "chain-order", None, 3),
    ("record-bytes-edited", _edit(record_path(1, "incident"), b"kitchen", b"hallway"), "record-changed",
     record_path(1, "incident"), 1),
    ("chain-link-changed", _change_link, "chain-link", None, 2),
    ("unknown-kind", _unknown_kind, "chain-kind", None, 2),
    ("export-record-edited", _edit(record_path(7, "export"), b"2026-11-30", b"2026-11-29"), "record-changed",
     record_path(7, "export"), 7),
    ("export-not-last", _chain_after_export, "export-not-last", None, 7),
    ("head-differs", _edit_manifest(head="0" * 64), "chain-head", None, None),
    ("length-differs", _edit_manifest(length=9), "chain-length", None, None),
    ("removed-export-record", _remove(record_path(7, "export")), "export-missing", record_path(7, "export"), None),
    ("removed-manifest", _remove("manifest.json"), "manifest-unreadable", "manifest.json", None),
    ("manifest-not-json", _add("manifest.json", b"{ not json"), "manifest-unreadable", "manifest.json", None),
    ("manifest-version-1", _edit_manifest(version=1), "manifest-unreadable", "manifest.json", None),
]


@pytest.mark.parametrize("change, code, path, entry", [case[1:] for case in TAMPERED], ids=[case[0] for case in TAMPERED])
def test_changed_bundle_is_not_intact(checker, sample, tmp_path, change, code, path, entry):
    bundle = sample.copy()
    change(bundle)
    outcome = checker.check_zip(write_zip(tmp_path, bundle))
    assert_names(outcome, code, path=path, entry=entry)
    checker.assert_clean()


def test_reordered_chain_also_names_the_broken_links(checker, sample, tmp_path):
    bundle = sample.copy()
    _swap_chain_entries(bundle)
    outcome = checker.check_zip(write_zip(tmp_path, bundle))
    assert_names(outcome, "chain-order", entry=3)
    assert {p["entry"] for p in outcome.problems if p["code"] == "chain-link"} == {4, 3, 5}, outcome.describe()


def test_not_a_zip(checker, tmp_path):
    path = tmp_path / "bundle.zip"
    path.write_bytes(b"This is a letter, not a zip file.\n" * 20)
    outcome = checker.check_zip(path)
    assert_names(outcome, "not-zip")
    assert outcome.problems[0]["text"].startswith("This file is not a zip file")
    checker.assert_clean()


def test_zipped_again_inside_a_folder(checker, sample, tmp_path):
    nested = Bundle({f"untether-export/{p}": data for p, data in sample.files.items()}, sample.manifest, sample.export_record)
    outcome = checker.check_zip(write_zip(tmp_path, nested))
    found = assert_names(outcome, "manifest-unreadable", path="manifest.json")
    assert "untether-export" in found["text"] and "zipped again" in found["text"], found["text"]


def test_a_name_twice_in_the_zip(checker, sample, tmp_path):
    data = sample.zip()
    with zipfile.ZipFile(tmp_path / "twice.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        with zipfile.ZipFile(io.BytesIO(data)) as original:
            for info in original.infolist():
                archive.writestr(info, original.read(info))
        with pytest.warns(UserWarning):
            archive.writestr("report.html", b"<p>A different report</p>")
    outcome = checker.check_zip(tmp_path / "twice.zip")
    assert_names(outcome, "duplicate", path="report.html")


# --------------------------------------------------------------------------- check codes


def test_check_codes_on_the_untouched_bundle(checker, sample, sample_zip):
    assert checker.check_code(sample.chain_hashes[2]) == ("no-bundle", "Choose the bundle above first. Then this page can look for the code.")
    assert_intact(checker.check_zip(sample_zip), SAMPLE_RECORDS_CHECKED, SAMPLE_FILES_CHECKED, SAMPLE_CHAIN_LENGTH, sample.head)
    entry3 = sample.chain_hashes[2]
    grouped = " ".join(entry3[i:i + 4] for i in range(0, 16, 4)).upper()
    matches = {
        entry3: 3,
        grouped: 3,                              # as /log shows it: 16 characters in fours, any case
        f"3 · {entry3[:16]}…": 3,
        f"3 entries, {entry3[:20]}": 3,
        f"{SAMPLE_CHAIN_LENGTH} · {sample.head}": 7,  # as `untether export` prints it
        sample.head[:16]: 7,
    }
    for code, entry in matches.items():
        state, text = checker.check_code(code)
        assert state == "match", f"{code!r}: {text}"
        assert text == f"This matches entry {entry} of {SAMPLE_CHAIN_LENGTH}: the chain still holds everything written down up to then.", code

    state, text = checker.check_code(f"5 · {entry3[:16]}")
    assert state == "count-differs" and "entry 3 of 7" in text and "5" in text, text
    state, text = checker.check_code("0123 4567 89ab cdef")
    assert (state, text) == ("not-found", "This code is not in this bundle\u2019s chain. "
                                          "The records may have been changed, or the code belongs to another log.")
    for not_a_code in ("9f3a", "check code: " + entry3, "zz" * 10):
        state, text = checker.check_code(not_a_code)
        assert state == "invalid" and "at least 16" in text, f"{not_a_code!r}: {text}"
    checker.assert_clean()


def test_relinked_export_is_intact_but_the_kept_code_is_not_in_its_chain(checker, sample, tmp_path):
    """Someone edits the report, writes a new export record for it and links it in: every hash
    agrees again, so the bundle reads as Intact. Only a check code kept elsewhere shows it."""
    edited = sample.files["report.html"].replace(b"</ul>", b"<li>An entry that was never written down</li>\n</ul>")
    relinked = build_bundle(replace={"report.html": edited})
    assert relinked.head != sample.head and relinked.length == sample.length
    outcome = checker.check_zip(write_zip(tmp_path, relinked))
    assert_intact(outcome, SAMPLE_RECORDS_CHECKED, SAMPLE_FILES_CHECKED, SAMPLE_CHAIN_LENGTH, relinked.head)

    state, text = checker.check_code(f"{sample.length} · {sample.head}")
    assert state == "not-found", text
    assert text.startswith("This code is not in this bundle\u2019s chain."), text
    state, text = checker.check_code(sample.chain_hashes[2][:16])  # earlier entries are untouched
    assert (state, text) == ("match", "This matches entry 3 of 7: the chain still holds everything written down up to then.")
    checker.assert_clean()


def test_a_match_in_a_bundle_that_is_not_intact_says_so(checker, sample, tmp_path):
    bundle = sample.copy()
    _append("report.html", b"<p>later</p>")(bundle)
    assert checker.check_zip(write_zip(tmp_path, bundle)).verdict == "not-intact"
    state, text = checker.check_code(sample.head)
    assert state == "match" and "not intact" in text, text


# --------------------------------------------------------------------------- the folder option


def test_folder_gives_the_same_answer_as_the_zip(checker, sample, sample_zip, tmp_path):
    folder = sample.write_folder(tmp_path / "untether-export")
    from_folder = checker.check_folder(folder)
    from_zip = checker.check_zip(sample_zip)
    assert_intact(from_folder, SAMPLE_RECORDS_CHECKED, SAMPLE_FILES_CHECKED, SAMPLE_CHAIN_LENGTH, sample.head)
    assert (from_folder.verdict, from_folder.problems, from_folder.head) == (from_zip.verdict, from_zip.problems, from_zip.head)

    (folder / "report.html").write_bytes(sample.files["report.html"] + b"<p>Added later.</p>")
    edited = sample.copy()
    _append("report.html", b"<p>Added later.</p>")(edited)
    from_folder = checker.check_folder(folder)
    from_zip = checker.check_zip(write_zip(tmp_path, edited))
    assert_names(from_folder, "changed-file", path="report.html")
    assert (from_folder.verdict, from_folder.problems) == (from_zip.verdict, from_zip.problems)
    checker.assert_clean()


def test_folder_ignores_files_a_computer_adds_by_itself(checker, sample, tmp_path):
    folder = sample.write_folder(tmp_path / "untether-export")
    (folder / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (folder / "records" / "Thumbs.db").write_bytes(b"\0")
    outcome = checker.check_folder(folder)
    assert outcome.verdict == "intact", outcome.describe()
    assert "2 files that computers add by themselves were left out" in outcome.text, outcome.text


def test_folder_without_a_manifest_asks_for_the_right_folder(checker, sample, tmp_path):
    parent = tmp_path / "Downloads"
    sample.write_folder(parent / "untether-export")
    outcome = checker.check_folder(parent)
    found = assert_names(outcome, "manifest-unreadable", path="manifest.json")
    assert "untether-export" in found["text"], found["text"]


# --------------------------------------------------------------------------- browsers without the tools


def test_without_decompression_stream_the_folder_still_works(chromium, checker_page_url, sample, sample_zip, tmp_path):
    checker = Checker(chromium, checker_page_url, init_script="delete window.DecompressionStream;")
    try:
        note = checker.page.locator("#support-note")
        assert note.is_visible() and "unzip" in note.inner_text() and "folder" in note.inner_text()
        outcome = checker.check_zip(sample_zip)
        assert outcome.verdict == "cannot-check", outcome.describe()
        assert "folder" in outcome.text and "untether verify" in outcome.text, outcome.text
        outcome = checker.check_folder(sample.write_folder(tmp_path / "untether-export"))
        assert_intact(outcome, SAMPLE_RECORDS_CHECKED, SAMPLE_FILES_CHECKED, SAMPLE_CHAIN_LENGTH, sample.head)
        checker.assert_clean()
    finally:
        checker.close()


def test_without_crypto_subtle_it_says_so(chromium, checker_page_url, sample_zip):
    script = "Object.defineProperty(Crypto.prototype, 'subtle', { get() { return undefined; } });"
    checker = Checker(chromium, checker_page_url, init_script=script)
    try:
        note = checker.page.locator("#support-note")
        assert note.is_visible() and "another browser" in note.inner_text()
        outcome = checker.check_zip(sample_zip)
        assert outcome.verdict == "cannot-check", outcome.describe()
        assert "another browser" in outcome.text and "untether verify" in outcome.text, outcome.text
        checker.assert_clean()
    finally:
        checker.close()


# --------------------------------------------------------------------------- the page itself


def test_phone_width_has_no_sideways_scroll(chromium, checker_page_url, sample, sample_zip, tmp_path):
    checker = Checker(chromium, checker_page_url, width=360)
    try:
        def overflow() -> int:
            return checker.page.evaluate("() => document.scrollingElement.scrollWidth")

        assert overflow() <= 360, "the page before a check scrolls sideways at 360 px"
        assert_intact(checker.check_zip(sample_zip), SAMPLE_RECORDS_CHECKED, SAMPLE_FILES_CHECKED, SAMPLE_CHAIN_LENGTH, sample.head)
        checker.check_code(f"{sample.length} · {sample.head}")
        assert overflow() <= 360, "an Intact result with the full head scrolls sideways at 360 px"
        head_box = checker.page.locator("#head").bounding_box()
        assert head_box and head_box["x"] + head_box["width"] <= 360

        bundle = sample.copy()
        _add(LONG_NAME, b"x")(bundle)
        _append("report.html", b"x")(bundle)
        assert checker.check_zip(write_zip(tmp_path, bundle)).verdict == "not-intact"
        assert overflow() <= 360, "a Not intact result with a long file name scrolls sideways at 360 px"
        for selector in ("#zip-input", "#folder-input", "#check-code", "#check-code-button"):
            box = checker.page.locator(selector).bounding_box()
            assert box and box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= 360, f"{selector}: {box}"
        checker.assert_clean()
    finally:
        checker.close()


def test_keyboard_only(checker, sample, sample_zip):
    """Every control is reached with Tab, in order, and a check code is looked up with Enter."""
    checker.check_zip(sample_zip)
    checker.page.click("h1")  # starts keyboard navigation from the top of the page
    order = []
    for _ in range(6):
        checker.page.keyboard.press("Tab")
        order.append(checker.page.evaluate("() => document.activeElement && document.activeElement.id"))
    assert order[:4] == ["zip-input", "folder-input", "check-code", "check-code-button"], order
    checker.page.focus("#check-code")
    checker.page.keyboard.type(sample.chain_hashes[0][:16])
    checker.page.keyboard.press("Enter")
    checker.page.wait_for_selector("#check-code-result[data-match='match']")
    checker.page.focus("#check-code")
    checker.page.keyboard.press("Tab")
    checker.page.keyboard.press("Enter")  # the button
    assert checker.page.get_attribute("#check-code-result", "data-match") == "match"


def test_page_is_plain_accessible_and_offline(checker, sample, sample_zip, tmp_path):
    from axe_playwright_python.sync_playwright import Axe

    page = checker.page
    assert page.title() == "Check these records"
    assert page.get_attribute("html", "lang") == "en"
    shape = page.evaluate("""() => ({
      inline: Array.from(document.scripts).filter((s) => !s.src).length,
      scripts: Array.from(document.scripts).map((s) => [s.getAttribute('src'), s.defer]),
      handlers: Array.from(document.querySelectorAll('*')).flatMap((e) => Array.from(e.attributes))
        .filter((a) => a.name.startsWith('on')).map((a) => a.name),
      styles: document.querySelectorAll('[style]').length,
      zipAccept: document.getElementById('zip-input').accept,
      folder: document.getElementById('folder-input').webkitdirectory && document.getElementById('folder-input').multiple,
    })""")
    assert shape == {"inline": 0, "scripts": [["verify.js", True]], "handlers": [], "styles": 0,
                     "zipAccept": ".zip,application/zip", "folder": True}, shape
    before = page.inner_text("body")
    for words in ("tamper-evident", "not a time stamp", "Anyone can build one", "check code kept somewhere else",
                  "whether what the records describe is true", "untether verify", "builds the report again"):
        assert words in before, f"before a check, the page should say {words!r}"

    for source in (VERIFIER_DIR / "verify.js", VERIFIER_DIR / "verify.html"):
        text = source.read_text(encoding="utf-8")
        for forbidden in ("fetch(", "XMLHttpRequest", "http://", "https://", "import(", "eval(", "innerHTML"):
            assert forbidden not in text, f"{source.name} contains {forbidden!r}"

    bundle = sample.copy()
    _append("report.html", b"x")(bundle)
    for zip_path in (sample_zip, write_zip(tmp_path, bundle)):
        checker.check_zip(zip_path)
        checker.check_code(sample.head)
        violations = Axe().run(page).response.get("violations", [])
        assert not violations, "\n".join(f"{v['id']}: {v['help']} {[n.get('target') for n in v['nodes']]}" for v in violations)
    checker.assert_clean()

"""The report in a real export, as an advocate prints it: A4, three entries, a photo and an
amendment. The bundle is made by the `untether` binary (init, log add, log amend, log attach,
log export), unzipped, and report.html is opened from file:// in Chromium with print media.
The same real bundle is then checked with its own verify.html, untouched and edited."""

from __future__ import annotations

import json
import re
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from conftest import init_vault, make_vault_paths, run
from .support import SCREENSHOTS

# A4 at 96 CSS pixels per inch.
A4_WIDTH, A4_HEIGHT = 794, 1123
ENTRY_RE = re.compile(r"Saved entry ([0-9a-f-]{36})")


def tiny_png(width: int = 24, height: int = 16) -> bytes:
    """A real, decodable PNG (a two-colour block), so the report's thumbnail must draw."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + b"".join(bytes([200, 40, 40]) if x < width // 2 else bytes([40, 40, 200]) for x in range(width))
    rows = row * height
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


@pytest.fixture(scope="module")
def real_bundle(tmp_path_factory) -> tuple[Path, Path]:
    """(zip, unzipped folder) of a real export with three entries, a photo and an amendment."""
    root = tmp_path_factory.mktemp("report-print")
    paths = make_vault_paths(root)
    init_vault(paths)
    entries = [
        {"occurredAt": "2026-10-02T21:40", "description": "Shouted and threw a plate at the wall.\nI went to my sister's.",
         "categories": ["emotional_verbal", "property"], "severity": 3, "location": "Kitchen & hall", "witnesses": "Neighbour",
         "childrenPresent": True, "reports": [{"kind": "police", "reference": "CAD 1234"}]},
        {"occurredAt": "2026-10-04", "description": "Flowers and a long apology.", "kindMoment": "gift"},
        {"occurredAt": "2026-11-10T08:15", "description": "Read my messages and took my phone.", "categories": ["digital"],
         "severity": 2, "approximate": True},
    ]
    ids = []
    for entry in entries:
        added = run(["log", "add", "--json", "-", *paths.opts()], input=json.dumps(entry), check=0)
        ids.append(ENTRY_RE.search(added.stdout).group(1))
    run(["log", "amend", ids[0], "--change", "It was closer to 22:00.", "--reason", "Checked my phone", *paths.opts()], check=0)
    photo = root / "wall.png"
    photo.write_bytes(tiny_png())
    run(["log", "attach", ids[0], photo, *paths.opts()], check=0)
    bundle = root / "records.zip"
    run(["log", "export", "--out", bundle, *paths.opts()], check=0)
    assert run(["verify", bundle], check=0).stdout.startswith("Intact:")
    folder = root / "unzipped"
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(folder)
    return bundle, folder


@pytest.fixture(scope="module")
def chromium(browser):
    """The session's Chromium: one Playwright per run."""
    return browser


def test_report_prints_on_a4_with_a_chronology_a_photo_and_an_amendment(chromium, real_bundle):
    _, folder = real_bundle
    context = chromium.new_context(viewport={"width": A4_WIDTH, "height": A4_HEIGHT}, offline=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.emulate_media(media="print")
        page.goto((folder / "report.html").as_uri())
        page.wait_for_load_state("load")
        page.wait_for_function("Array.from(document.images).every((img) => img.complete)")
        facts = page.evaluate("""() => {
            const img = document.querySelector('figure img');
            const rows = Array.from(document.querySelectorAll('table')[0].querySelectorAll('tbody tr'));
            const wide = Array.from(document.querySelectorAll('body *')).filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1);
            return {
              rows: rows.map((row) => Array.from(row.cells).map((cell) => cell.innerText.trim())),
              img: img ? { loaded: img.complete && img.naturalWidth > 0, width: img.getBoundingClientRect().width } : null,
              text: document.body.innerText,
              wide: wide.map((el) => el.tagName + '.' + el.className).slice(0, 5),
              scrollWidth: document.scrollingElement.scrollWidth,
            };
        }""")
        SCREENSHOTS.mkdir(exist_ok=True)
        shot = SCREENSHOTS / "report-a4.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        pdf = page.pdf(format="A4", print_background=True)
    finally:
        context.close()

    # The chronology comes first: three rows, in the order things happened, times as given.
    assert [row[1] for row in facts["rows"]] == ["Fri 2 Oct 2026", "Sun 4 Oct 2026", "Tue 10 Nov 2026"]
    assert facts["rows"][0][2] == "21:40" and facts["rows"][2][2] == "About 08:15"
    assert facts["rows"][0][4] == "3 of 5" and "Kind moment" in facts["rows"][1][3]
    text = facts["text"]
    assert text.index("Chronology") < text.index("Entries in full") < text.index("Appendix: technical details")
    assert "2 entries and 1 kind moment" in text
    assert "Kitchen & hall" in text, "an & typed by the person shows as typed"
    assert "It was closer to 22:00." in text and "Checked my phone" in text
    assert re.search(r"Exported on \w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2} \(UTC", text)
    assert re.search(r"Every time in this report is [A-Za-z_/]+ time\.", text) and "Etc/" not in text
    # The photo is drawn small, with its fingerprint beside it.
    assert facts["img"] and facts["img"]["loaded"], facts["img"]
    assert facts["img"]["width"] <= 14 * 16 + 2
    assert re.search(r"SHA-256 of the original: [0-9a-f]{64}", text)
    # Nothing runs off the page, and printing makes several numbered A4 pages.
    assert facts["scrollWidth"] <= A4_WIDTH and not facts["wide"], facts["wide"]
    assert not errors
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages >= 3, f"{pages} pages"


def _outcome(page) -> dict:
    return page.evaluate("""() => {
        const verdict = document.getElementById('verdict');
        return { verdict: verdict ? verdict.dataset.verdict : null,
                 problems: Array.from(document.querySelectorAll('#problems li')).map((li) => li.textContent.trim()) };
    }""")


def test_the_bundles_own_checker_agrees_with_untether_verify(chromium, real_bundle, tmp_path):
    bundle, folder = real_bundle
    edited = tmp_path / "edited.zip"
    with zipfile.ZipFile(bundle) as source, zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "report.html":
                data = data.replace(b"threw a plate", b"dropped a plate")
            target.writestr(name, data)
    cli = run(["verify", edited])
    assert cli.returncode != 0 and "report.html" in cli.stderr

    context = chromium.new_context(viewport={"width": 360, "height": 740}, offline=True)
    page = context.new_page()
    try:
        page.goto((folder / "verify.html").as_uri())
        page.set_input_files("#zip-input", str(bundle))
        page.wait_for_selector("#verdict[data-verdict]")
        assert _outcome(page)["verdict"] == "intact"
        page.goto((folder / "verify.html").as_uri())
        page.set_input_files("#zip-input", str(edited))
        page.wait_for_selector("#verdict[data-verdict]")
        outcome = _outcome(page)
        assert outcome["verdict"] == "not-intact"
        assert any("report.html" in problem for problem in outcome["problems"]), outcome
    finally:
        context.close()

"""Browser tests for Step 1's objective look (issue 13): what the log shows with no entries, with
one, and with five years of them; the questions about the relationship; and the summary for a
helper. All on a 360 px phone screen, by keyboard where a person would type."""

from __future__ import annotations

import re
import subprocess

import pytest

from .support import (
    Server,
    create_log_entry,
    goto,
    new_context,
    path_of,
    server_with_vault,
    submit,
    unlock,
    url_path_is,
)
from .test_browser import _no_sideways_scroll, assert_no_blocked, assert_no_js_errors, html_excerpt

PHONE = 360
DEMO_PASSPHRASE = "untether demo five years of records"


@pytest.fixture(scope="module")
def analysis_server(servers, browser):
    server = server_with_vault(servers, browser, "analysis")
    yield server
    server.stop()


def test_67_analysis_page_with_no_entries_then_one(browser, analysis_server):
    server = analysis_server
    context = new_context(browser, server, width=PHONE)
    page = context.new_page()
    try:
        unlock(page, server)
        goto(page, server, "/log")
        # From the log, by keyboard, to the page.
        page.focus("a#patterns-link")
        page.keyboard.press("Enter")
        page.wait_for_url(url_path_is("/patterns"))
        assert page.locator("#patterns-empty").is_visible(), html_excerpt(page)
        assert page.locator("#month-chart").count() == 0
        assert page.locator("#patterns-reading").is_visible() and page.locator("#no-cycle").is_visible()
        _no_sideways_scroll(page, "/patterns with no entries at 360 px")

        entry_id = create_log_entry(page, server, "Grabbed my arm on the stairs.", "2026-11-03",
                                    categories=("physical",), severity="4")
        goto(page, server, "/patterns")
        assert page.locator("#patterns-empty").count() == 0
        count = page.locator("#count-all a")
        assert count.inner_text().strip() == "1 entry of harm", html_excerpt(page)
        assert page.get_attribute("#frequency", "data-trend") == "unclear"
        chart = page.locator("svg#month-chart")
        assert chart.get_attribute("role") == "img" and chart.get_attribute("aria-labelledby")
        assert "1 entry of harm" in page.locator("#month-chart-desc").text_content()
        # The numbers behind the chart are a real table, opened by keyboard.
        page.focus("details.table-box summary")
        page.keyboard.press("Enter")
        rows = page.locator("#month-table tbody tr")
        assert rows.count() >= 1 and rows.first.is_visible()
        _no_sideways_scroll(page, "/patterns with one entry at 360 px")
        # The statement leads to the entry behind it.
        count.focus()
        page.keyboard.press("Enter")
        page.wait_for_url(url_path_is("/log"))
        assert page.locator(f"a[href='/log/{entry_id}']").count() >= 1, html_excerpt(page)
        assert_no_js_errors(context)
        assert_no_blocked(context)
    finally:
        context.close()


def test_68_analysis_page_with_five_years_of_entries(browser, serve_binary, tmp_path_factory):
    root = tmp_path_factory.mktemp("serve-five-years")
    server = Server(serve_binary, root, "five-years")
    secret = root / "passphrase.txt"
    secret.write_text(DEMO_PASSPHRASE + "\n", encoding="utf-8")
    made = subprocess.run(
        [str(serve_binary), "demo", "--years", "5", "--data-dir", str(server.data_dir), "--passphrase-file", str(secret)],
        capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL,
    )
    assert made.returncode == 0, f"untether demo failed:\n{made.stderr[-2000:]}"
    server.start()
    context = new_context(browser, server, width=PHONE)
    page = context.new_page()
    try:
        unlock(page, server, passphrase=DEMO_PASSPHRASE)
        response = goto(page, server, "/patterns")
        assert response.status == 200
        harm = int(re.match(r"(\d+) entr", page.inner_text("#count-all a")).group(1))
        assert harm >= 300, f"five years of entries should give hundreds of entries of harm, not {harm}"
        months = page.locator("#month-table tbody tr").count()
        assert 59 <= months <= 62, f"five years should be about 60 months, not {months}"
        bars = page.locator("svg#month-chart rect").count()
        assert bars >= 50, f"the chart should draw a bar for most months, not {bars}"
        assert page.get_attribute("#frequency", "data-trend") in {"rising", "steady", "falling"}, \
            "with hundreds of entries, the page says a direction or steady, not unclear"
        assert page.locator("#danger-signs li").count() >= 1, "the demo log holds danger signs"
        first_sign = page.locator("#danger-signs li a[href^='/log/']").first
        assert first_sign.count() == 1
        assert page.locator("#urges-after-harm").is_visible()
        assert "%" in page.inner_text("#urges-any-day")
        _no_sideways_scroll(page, "/patterns with five years at 360 px")
        # A danger sign's date leads to its entry.
        first_sign.click()
        page.wait_for_url(lambda url: re.fullmatch(r"/log/[0-9a-f-]{36}", path_of(url)) is not None)
        assert page.locator("#field-danger-signs").count() == 1, html_excerpt(page)
        assert_no_js_errors(context)
        assert_no_blocked(context)
    finally:
        context.close()
        server.stop()


def test_69_questions_kept_then_and_now_summary_and_removal_by_keyboard(browser, analysis_server):
    server = analysis_server
    context = new_context(browser, server, width=PHONE)
    page = context.new_page()
    try:
        unlock(page, server)
        goto(page, server, "/questions")
        for box in ("#self-names", "#self-checks", "#self-hope", "#self-keep"):
            page.focus(box)
            page.keyboard.press("Space")
            assert page.is_checked(box), f"{box} did not tick by keyboard"
        page.focus("#self-check-done")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        result = page.locator("#self-check-result")
        assert result.is_visible(), html_excerpt(page)
        assert "2 of the 9 areas" in page.inner_text("#self-check-areas")
        assert page.locator("#self-check-bond").is_visible()
        text = page.inner_text("main").lower()
        assert "healthy" not in text and "you are safe" not in text
        assert page.locator("#self-check-kept").is_visible()
        assert page.locator("#self-then-table").is_visible()
        _no_sideways_scroll(page, "/questions at 360 px")

        goto(page, server, "/patterns/summary")
        assert page.locator("#summary-self").count() == 1
        page.focus("#summary-self")
        page.keyboard.press("Space")
        submit(page, "#summary-choices button[type=submit]")
        assert "self=1" in page.url
        summary = page.inner_text(".printable")
        assert "Summary of the log" in summary and "Self-check" in summary, summary[:1500]
        assert "They call you names" in summary
        assert page.locator("#print-now").is_visible(), "with JavaScript, the Print button shows"
        page.emulate_media(media="print")
        assert not page.locator("#summary-choices").is_visible(), "the choices are not printed"
        _no_sideways_scroll(page, "/patterns/summary at 360 px")

        # Kept answers can be removed by keyboard, from the list under then and now.
        goto(page, server, "/questions")
        page.focus("#self-kept summary")
        page.keyboard.press("Enter")
        remove = page.locator("#self-kept button").first
        assert remove.is_visible() and "the answers kept on" in remove.inner_text()
        remove.focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "Those answers were removed." in page.inner_text("main")
        assert page.locator("#self-then-table").count() == 0, "with none kept, there is no then and now"
        _no_sideways_scroll(page, "/questions after a removal at 360 px")
        assert_no_js_errors(context)
        assert_no_blocked(context)
    finally:
        context.close()

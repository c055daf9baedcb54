"""Browser tests for Step 4 (reality and self-trust): a journal entry written on a phone, "check
my memory" beside the form, a decision looked back on, and search with highlighted words.
They run on a server of their own."""

from __future__ import annotations

from datetime import date

import pytest

from .support import create_log_entry, goto, new_context, server_with_vault, submit, unique, unlock, url_path_is
from .test_browser import _no_sideways_scroll, assert_no_blocked, assert_no_js_errors, html_excerpt


@pytest.fixture(scope="module")
def step4_server(servers, browser):
    server = server_with_vault(servers, browser, "step4")
    yield server
    server.stop()


def test_40_journal_entry_written_on_a_phone(browser, step4_server):
    context = new_context(browser, step4_server, width=360)
    page = context.new_page()
    try:
        unlock(page, step4_server)
        goto(page, step4_server, "/today")
        page.click("#today-journal")
        page.wait_for_url(url_path_is("/journal/new"))
        assert page.input_value("#journal-date") == date.today().isoformat()
        _no_sideways_scroll(page, "/journal/new at 360 px")
        facts = unique("Came home at six. The door was locked from inside. ")
        # The parts can be filled in any order.
        page.fill("#truths", "I know I had my keys.")
        page.fill("#facts", facts)
        page.select_option("#mood", "2")
        page.fill("#tags", "keys, home")
        for selector in ("#facts", "#feelings", "#truths", "#mood", "#tags", "#save-journal"):
            box = page.locator(selector).bounding_box()
            assert box and box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= 360, f"{selector}: {box}"
        submit(page, "#save-journal")
        assert "Saved." in page.inner_text(".notice")
        assert page.inner_text("#entry-facts").strip() == facts.strip()
        assert page.inner_text("#entry-truths").strip() == "I know I had my keys."
        goto(page, step4_server, "/journal")
        assert facts.strip()[:60] in page.inner_text("#journal-list")
        _no_sideways_scroll(page, "/journal at 360 px")
        assert_no_js_errors(context)
    finally:
        context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_41_check_my_memory_shows_the_same_day(browser, step4_server, width):
    context = new_context(browser, step4_server, width=width)
    page = context.new_page()
    try:
        unlock(page, step4_server)
        day = "2026-10-0" + ("3" if width == 360 else "4")
        logged = unique("Said I imagined the bruise ")
        create_log_entry(page, step4_server, logged, day)
        goto(page, step4_server, "/journal/new?date=" + day)
        assert page.input_value("#journal-date") == day
        page.click("#memory summary")
        memory = page.inner_text("#memory")
        assert logged.strip() in memory, memory
        form_box = page.locator("#journal-form").bounding_box()
        memory_box = page.locator("#memory").bounding_box()
        if width >= 1000:
            assert memory_box["x"] > form_box["x"] + form_box["width"] - 1, "side by side on a wide screen"
        else:
            assert memory_box["y"] >= form_box["y"] + form_box["height"] - 1, "under the form on a phone"
            _no_sideways_scroll(page, "/journal/new with memory open at 360 px")
        # Write about that day, then check another day from the panel.
        page.fill("#feelings", "Confused, then sure.")
        submit(page, "#save-journal")
        page.click("#memory summary")
        page.fill("#memory-date", "2026-09-01")
        submit(page, "#memory-go")
        page.wait_for_url(lambda url: "/journal/memory" in url)
        assert "Nothing else written about this day yet." in page.inner_text("#memory")
        assert_no_js_errors(context)
    finally:
        context.close()


def test_42_decision_later_marked_as_turned_out_well(browser, step4_server):
    context = new_context(browser, step4_server, width=360)
    page = context.new_page()
    try:
        unlock(page, step4_server)
        goto(page, step4_server, "/decisions")
        decision = unique("Go to the climbing class alone ")
        page.fill("#decision", decision)
        page.fill("#gut", "Yes, go")
        page.fill("#chose", "I went")
        page.fill("#review-on", date.today().isoformat())  # due today, as if a week had passed
        submit(page, "#save-decision")
        assert page.inner_text("#trusted-count").strip() == "0"
        goto(page, step4_server, "/today")
        assert "ready for you to look back on" in page.inner_text("#due-prompt")
        page.click("#today-decisions")
        page.wait_for_url(url_path_is("/decisions"))
        page.locator("#due-decisions a", has_text=decision.strip()).click()
        page.fill("#outcome", "I made a friend there.")
        page.locator("label[for=went-well-yes]").click()
        page.locator("label[for=gut-right]").click()
        _no_sideways_scroll(page, "a decision at 360 px")
        submit(page, "#save-review")
        page.wait_for_url(url_path_is("/decisions"))
        assert page.inner_text("#trusted-count").strip() == "1"
        assert "Went well · gut was right" in page.inner_text("#decision-list")
        goto(page, step4_server, "/today")
        assert page.locator("#due-prompt").count() == 0
        assert_no_js_errors(context)
    finally:
        context.close()


def test_43_search_with_highlighted_results(browser, step4_server):
    context = new_context(browser, step4_server, width=360)
    page = context.new_page()
    try:
        unlock(page, step4_server)
        word = unique("Marmalade").lower()
        goto(page, step4_server, "/journal/new")
        page.fill("#facts", f"Spilled the {word} jar on the café floor.")
        submit(page, "#save-journal")
        goto(page, step4_server, "/today")
        page.click("#today-search")
        page.wait_for_url(url_path_is("/search"))
        page.fill("#search-q", word.upper())
        submit(page, "#search-go")
        assert page.url.endswith("/search"), "search words never go into the address"
        assert page.inner_text("#search-count").strip() == "1 result."
        marks = page.locator("#search-results mark").all_inner_texts()
        assert marks == [word], marks
        page.fill("#search-q", '"cafe floor"')
        submit(page, "#search-go")
        assert page.locator("#search-results mark").all_inner_texts() == ["café floor"]
        _no_sideways_scroll(page, "/search at 360 px")
        page.locator("#search-results a").first.click()
        assert word in page.inner_text("#entry-facts")
        assert_no_blocked(context)
        assert_no_js_errors(context)
    finally:
        context.close()

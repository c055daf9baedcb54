"""Browser tests for Steps 5 to 7 (issue 17), one full path each on a 360 px phone screen, by
keyboard where a person types: choose values and write the statement; note what you noticed
about someone new and see the pattern; plan a healthy swap and log a try."""

from __future__ import annotations

import pytest

from .support import goto, new_context, server_with_vault, submit, unlock, url_path_is
from .test_browser import _no_sideways_scroll, assert_no_blocked, assert_no_js_errors, html_excerpt

PHONE = 360


@pytest.fixture(scope="module")
def rebuilding_server(servers, browser):
    server = server_with_vault(servers, browser, "rebuilding")
    yield server
    server.stop()


def _tick(page, selector: str) -> None:
    page.focus(selector)
    page.keyboard.press("Space")
    assert page.is_checked(selector), f"{selector} did not tick by keyboard"


def test_70_values_top_five_and_statement_on_a_phone(browser, rebuilding_server):
    server = rebuilding_server
    context = new_context(browser, server, width=PHONE)
    page = context.new_page()
    try:
        unlock(page, server)
        goto(page, server, "/today")
        page.click("a#today-values")
        page.wait_for_url(url_path_is("/values"))
        for value in ("honesty", "nature", "courage"):
            _tick(page, f"#value-{value}")
        page.fill("#values-own", "Music")
        submit(page, "#values-save")
        assert "Your values were saved." in page.inner_text("main")
        page.select_option("#top-1", "Music")
        page.select_option("#top-2", "Nature")
        submit(page, "#values-rank-save")
        assert page.input_value("#top-1") == "Music" and page.input_value("#top-2") == "Nature"
        page.fill("#mission-self", "Patience")
        page.fill("#mission-others", "warmth and honesty")
        page.fill("#mission-days", "time outside")
        submit(page, "#mission-draft")
        draft = page.input_value("#mission-statement")
        assert draft.startswith("What matters most to me is music and nature."), draft
        page.fill("#mission-statement", draft + " I am allowed to change my mind.")
        submit(page, "#mission-save")
        statement = page.inner_text("#my-statement")
        assert "I am allowed to change my mind." in statement, html_excerpt(page)
        _no_sideways_scroll(page, "/values at 360 px")
        assert_no_js_errors(context)
        assert_no_blocked(context)
    finally:
        context.close()


def test_71_someone_new_notes_and_the_pattern_on_a_phone(browser, rebuilding_server):
    server = rebuilding_server
    context = new_context(browser, server, width=PHONE)
    page = context.new_page()
    try:
        unlock(page, server)
        goto(page, server, "/today")
        page.click("a#today-flags")
        page.wait_for_url(url_path_is("/observations"))
        for day, flags in (("2026-10-01", ("love_bombing",)), ("2026-10-09", ("love_bombing", "accepts_no"))):
            page.fill("#flag-person", "Sam")
            page.fill("#flag-on", day)
            for flag in flags:
                _tick(page, f"#flag-{flag}")
            page.fill("#flag-note", f"Noticed on {day}")
            submit(page, "#flag-save")
            assert "Saved." in page.inner_text("main"), html_excerpt(page)
        summary = page.locator(".flag-summary").first
        text = summary.inner_text()
        assert "Sam" in text and "2 notes" in text, text
        assert "Too much, too soon: 2 times" in text, text
        assert "Takes no for an answer: once" in text, text
        assert "more than once" in page.inner_text(".flag-reading"), "a red flag that repeats is named, even in the first notes"
        _no_sideways_scroll(page, "/observations at 360 px")
        # A note with neither a flag nor words is refused and explained.
        page.fill("#flag-person", "Sam")
        submit(page, "#flag-save")
        assert "Please tick what you noticed" in page.inner_text("main")
        assert_no_js_errors(context)
        assert_no_blocked(context)
    finally:
        context.close()


def test_72_plan_a_swap_and_log_a_try_on_a_phone(browser, rebuilding_server):
    server = rebuilding_server
    context = new_context(browser, server, width=PHONE)
    page = context.new_page()
    try:
        unlock(page, server)
        goto(page, server, "/today")
        page.click("a#today-swaps")
        page.wait_for_url(url_path_is("/swaps"))
        assert page.locator("#swap-try").count() == 0, "no try form before a plan"
        page.fill("#notice-isolation", "I cancel plans")
        page.fill("#attempt-isolation", "Text one friend")
        submit(page, "#swap-save-isolation")
        assert "Your swap was saved." in page.inner_text("main")
        assert page.is_checked("#try-isolation"), "the only planned swap is chosen already"
        _tick(page, "#outcome-helped")
        page.fill("#try-note", "Met Ana for tea")
        submit(page, "#try-save")
        tally = page.inner_text("#swap-tally")
        assert "Time with people I choose: tried once, helped once." in tally, tally
        assert "Met Ana for tea" in tally
        _no_sideways_scroll(page, "/swaps at 360 px")
        assert_no_js_errors(context)
        assert_no_blocked(context)
    finally:
        context.close()


def test_73_day_by_day_plan_done_then_a_contact_brings_a_support_day(browser, rebuilding_server):
    """Start the plan (three days ago), mark the day done, log a contact the person started
    yesterday evening: the support day comes with its reason, and the count stays honest."""
    import datetime

    server = rebuilding_server
    context = new_context(browser, server, width=PHONE)
    page = context.new_page()
    try:
        unlock(page, server)
        goto(page, server, "/steps")
        assert page.is_checked("#track-just_left"), "just left is chosen at first"
        started = (datetime.date.today() - datetime.timedelta(days=3)).isoformat()
        page.fill("#plan-on", started)
        submit(page, "#plan-begin")
        assert "Day 1 of 90" in page.inner_text("#plan-card"), html_excerpt(page)
        assert page.locator("#plan-action").is_visible()
        page.focus("#plan-done")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.locator("#plan-done-today").is_visible()
        assert "1 of 90 days done." in page.inner_text("#plan-progress")

        yesterday = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
        goto(page, server, "/days")
        page.fill("#contact-at", f"{yesterday}T20:00")
        page.check("#who-me")
        page.check("#necessary-no")
        submit(page, "#contact-form button[type=submit]")

        goto(page, server, "/steps")
        reason = page.inner_text("#plan-reason")
        assert f"You reached out on {yesterday}" in reason, reason
        assert "Before day 2" in page.inner_text("#plan-card")
        goto(page, server, "/today")
        assert f"You reached out on {yesterday}" in page.inner_text("#today-plan"), "Today shows the day's card first"
        _no_sideways_scroll(page, "Today with the plan at 360 px")
        goto(page, server, "/steps")
        _no_sideways_scroll(page, "/steps at 360 px")
        assert_no_js_errors(context)
        assert_no_blocked(context)
    finally:
        context.close()

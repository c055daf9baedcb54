"""Browser tests for Step 2 (no contact): the person's situation, logging a contact on a phone,
the streak updating, the plan, and Today adapting to low contact. They run on a server of
their own, because the situation and the streak belong to the whole vault."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from .support import create_vault, goto, new_context, submit, unique, url_path_is
from .test_browser import _no_sideways_scroll, _tab_until, assert_no_blocked, assert_no_js_errors, html_excerpt


@pytest.fixture(scope="module")
def step2_server(servers):
    server = servers("step2")
    yield server
    server.stop()


def _minute(days_ago: float) -> str:
    return (datetime.now() - timedelta(days=days_ago)).strftime("%Y-%m-%dT%H:%M")


def _streak_days(page) -> str:
    return page.inner_text("#streak-days").strip()


def _tap(page, target_id: str) -> None:
    """Taps the label row of a radio or checkbox, the way a thumb would."""
    row = page.locator(f"label[for={target_id}]")
    box = row.bounding_box()
    assert box and box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= 360, \
        f"label for #{target_id} should be a full tap target inside a 360 px screen: {box}"
    row.click()
    assert page.is_checked(f"#{target_id}")


def _log_contact(page, *, who: str, necessary: str, at: str, about: str = "", channel: str = "text") -> None:
    _tap(page, f"who-{who}")
    _tap(page, f"necessary-{necessary}")
    page.select_option("#channel", channel)
    page.fill("#contact-at", at)
    page.fill("#about", about)
    submit(page, "#save-contact")
    page.wait_for_url(url_path_is("/days"))
    assert page.inner_text(".notice").strip() == "Saved.", html_excerpt(page)


def test_21_situation_then_logging_contacts_on_a_phone_updates_the_streak(browser, step2_server):
    server = step2_server
    context = new_context(browser, server, width=360)
    page = context.new_page()
    try:
        create_vault(page, server)
        goto(page, server, "/today")
        assert page.locator("#situation-card").count() == 1, "Today asks about the situation first"
        assert page.locator("#streak").count() == 0
        _tap(page, "mode-no_contact")
        submit(page, "#save-situation")
        page.wait_for_url(url_path_is("/today"))
        assert page.locator("#situation-card").count() == 0
        assert _streak_days(page) == "0 days"
        _no_sideways_scroll(page, "Today with the streak at 360 px")

        page.click("#log-contact")
        page.wait_for_url(url_path_is("/days"))
        _no_sideways_scroll(page, "/days at 360 px")
        assert page.get_attribute("#contact-at", "type") == "datetime-local"
        assert page.input_value("#contact-at")[:10] == datetime.now().strftime("%Y-%m-%d"), "the time starts at now"
        for selector in ("#channel", "#contact-at", "#about", "#feeling-before", "#feeling-after", "#save-contact"):
            box = page.locator(selector).bounding_box()
            assert box and box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= 360, f"{selector}: {box}"

        # A contact the person started five days ago: the streak counts from it.
        _log_contact(page, who="me", necessary="no", at=_minute(5), about=unique("Called them "))
        assert _streak_days(page) == "5 days"
        # A contact they started doesn't reset it.
        theirs = unique("They texted about the car ")
        page.select_option("#feeling-before", "6")
        page.select_option("#feeling-after", "3")
        _log_contact(page, who="them", necessary="no", at=_minute(2), about=theirs)
        assert _streak_days(page) == "5 days"
        item = page.locator("#contact-list li", has_text=theirs)
        assert item.count() == 1
        assert "Felt 6 before, 3 after" in item.inner_text()
        assert "They started it" in item.inner_text()

        # Today, by keyboard only: the person reached out again.
        page.evaluate("() => { if (document.activeElement) document.activeElement.blur(); }")
        _tab_until(page, "who-them", limit=40)
        page.keyboard.press("ArrowRight")  # radios in a group move with the arrow keys
        assert page.is_checked("#who-me")
        _tab_until(page, "necessary-yes", limit=5)
        page.keyboard.press("ArrowRight")
        assert page.is_checked("#necessary-no")
        _tab_until(page, "about", limit=12)
        page.keyboard.type("Sent a message late at night")
        _tab_until(page, "save-contact", limit=6)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_url(url_path_is("/days"))
        assert _streak_days(page) == "0 days"
        reset = page.inner_text("#streak-reset")
        assert "isn't a failure" in reset and "just before" in reset
        assert "Your longest run so far: 5 days." in page.inner_text("#streak")

        goto(page, server, "/today")
        assert _streak_days(page) == "0 days"
        assert page.locator("#streak-reset").count() == 1
        _no_sideways_scroll(page, "Today after a reset at 360 px")
        assert_no_blocked(context)
        assert_no_js_errors(context)
    finally:
        context.close()


def test_22_plan_progress_and_low_contact_today(browser, step2_server):
    server = step2_server
    context = new_context(browser, server, width=360)
    page = context.new_page()
    try:
        from .support import unlock
        unlock(page, server)
        goto(page, server, "/plan")
        total = page.locator("#plan-form .plan-step").count()
        assert total >= 8
        assert page.inner_text("#plan-progress").strip() == f"0 of {total} done"
        own = unique("Return the spare key ")
        page.fill("#own-step", own)
        submit(page, "#add-own-step")
        assert own in page.inner_text("#own-steps")
        _tap(page, "step-block-number")
        _tap(page, "step-tell-someone")
        page.locator("#own-steps label").first.click()
        submit(page, "#save-plan")
        assert page.inner_text("#plan-progress").strip() == f"3 of {total + 1} done"
        _no_sideways_scroll(page, "/plan at 360 px")

        goto(page, server, "/settings")
        _tap(page, "mode-low_contact")
        _tap(page, "reason-children")
        submit(page, "#save-situation")
        goto(page, server, "/today")
        order = page.evaluate("() => [...document.querySelectorAll('#rules-card, #streak')].map(e => e.id)")
        assert order == ["rules-card", "streak"], order
        assert "with only the contact that had to happen" in page.inner_text("#streak")
        page.click("#edit-rules")
        page.wait_for_url(url_path_is("/rules"))
        page.fill("#rule-0", "Email only, about the children.")
        submit(page, "#save-rules")
        goto(page, server, "/today")
        assert "Email only, about the children." in page.inner_text("#rules-list")
        _no_sideways_scroll(page, "Today in low contact at 360 px")
        assert_no_js_errors(context)
    finally:
        context.close()

"""Browser test for "Check a reply": a hostile draft at 360 px shows its flags and a calmer
version of the person's own words, which can be copied."""

from __future__ import annotations

import pytest

from .support import goto, new_context, server_with_vault, submit, unlock
from .test_browser import _no_sideways_scroll, assert_no_js_errors


@pytest.fixture(scope="module")
def coach_server(servers, browser):
    server = server_with_vault(servers, browser, "coach")
    yield server
    server.stop()


def test_50_hostile_draft_shows_flags_and_a_calmer_version_to_copy(browser, coach_server):
    context = new_context(browser, coach_server, width=360)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        unlock(page, coach_server)
        goto(page, coach_server, "/reply")
        page.fill("#draft", "Your pathetic. I'll drop the kids at 6pm on Saturday. See you in court, you will never see them again.")
        submit(page, "#check-draft")
        kinds = page.locator("#coach-flags li").evaluate_all("items => items.map(i => i.dataset.kind)")
        assert {"threat", "insult"} <= set(kinds), kinds
        assert page.get_attribute("#coach-verdict", "data-verdict") == "risky"
        rewrite = page.input_value("#coach-rewrite")
        assert "I'll drop the kids at 6pm on Saturday." in rewrite
        assert "pathetic" not in rewrite and "court" not in rewrite
        assert "pathetic" in page.inner_text("#coach-left-out")
        page.click("#copy-rewrite")
        page.wait_for_selector("#copy-status:has-text('Copied')")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == rewrite
        _no_sideways_scroll(page, "/reply with a calmer version at 360 px")
        assert_no_js_errors(context)
    finally:
        context.close()

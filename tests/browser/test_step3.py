"""Browser tests for Step 3 (withdrawal): the Pause button from several pages, the Pause screen
on a phone by keyboard only, the breathing tool with and without reduced motion, and a
check-in that shows in the chart. They run on a server of their own."""

from __future__ import annotations

import pytest

from .support import create_vault, goto, new_context, path_of, server_with_vault, submit, unique, unlock, url_path_is
from .test_browser import _no_sideways_scroll, _tab_until, assert_no_blocked, assert_no_js_errors, html_excerpt


@pytest.fixture(scope="module")
def step3_server(servers, browser):
    server = server_with_vault(servers, browser, "step3")
    yield server
    server.stop()


def test_30_pause_button_from_three_pages(browser, step3_server):
    context = new_context(browser, step3_server, width=360)
    page = context.new_page()
    try:
        unlock(page, step3_server)
        for path in ("/today", "/log", "/settings"):
            goto(page, step3_server, path)
            button = page.locator("header #reach-out")
            box = button.bounding_box()
            assert box and box["height"] >= 44 and box["x"] + box["width"] <= 360, f"Pause on {path}: {box}"
            button.click()
            page.wait_for_url(url_path_is("/pause"))
            assert page.inner_text("h1") == "Pause. This will pass."
        assert_no_js_errors(context)
    finally:
        context.close()


def test_31_pause_screen_on_a_phone_by_keyboard_only(browser, step3_server):
    context = new_context(browser, step3_server, width=360)
    page = context.new_page()
    try:
        unlock(page, step3_server)
        goto(page, step3_server, "/pause/setup")
        reason = unique("They read my messages ")
        page.fill("#reasons", reason + "\nI want to sleep without fear")
        page.fill("#crisis", "Sam 07700 900123")
        submit(page, "#save-pause-setup")

        goto(page, step3_server, "/today")
        page.evaluate("() => { if (document.activeElement) document.activeElement.blur(); }")
        _tab_until(page, "reach-out", limit=5)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_url(url_path_is("/pause"))
        _no_sideways_scroll(page, "/pause at 360 px")
        assert reason in page.inner_text("#part-reasons")
        assert "Sam 07700 900123" in page.inner_text("#part-crisis-plan")

        # The timer starts from the keyboard and counts down.
        assert page.inner_text("#urge-timer-left").strip() == "10:00"
        _tab_until(page, "urge-timer-start", limit=40)
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.getElementById('urge-timer-left').textContent.trim() !== '10:00'", timeout=5000)
        assert "running" in page.inner_text("#urge-timer-status")

        # The two quick questions, by keyboard.
        _tab_until(page, "urge-before", limit=40)
        page.keyboard.press("End")  # 10 strongest
        _tab_until(page, "urge-after", limit=2)
        for _ in range(4):
            page.keyboard.press("ArrowDown")  # –, 0, 1, 2 → "3"
        assert page.input_value("#urge-before") == "10" and page.input_value("#urge-after") == "3", \
            (page.input_value("#urge-before"), page.input_value("#urge-after"))
        _tab_until(page, "helped-urge_timer", limit=10)
        page.keyboard.press("Space")
        assert page.is_checked("#helped-urge_timer")
        for selector in ("#urge-before", "#urge-after", "label[for=helped-urge_timer]", "#save-urge"):
            box = page.locator(selector).bounding_box()
            assert box and box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= 360, f"{selector}: {box}"
        _tab_until(page, "save-urge", limit=30)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_url(url_path_is("/pause"))
        assert "Pausing took strength" in page.inner_text(".notice")
        goto(page, step3_server, "/pause/log")
        assert "Strength 10 at the start, 3 after" in page.inner_text("#urge-list")
        assert "riding it out with the timer" in page.inner_text("#urge-list")
        assert_no_blocked(context)
        assert_no_js_errors(context)
    finally:
        context.close()


@pytest.mark.parametrize("motion", ["no-preference", "reduce"])
def test_32_breathing_honours_reduced_motion(browser, step3_server, motion):
    context = new_context(browser, step3_server, width=360, reduced_motion=motion)
    page = context.new_page()
    try:
        unlock(page, step3_server)
        goto(page, step3_server, "/tools/box-breathing")
        animation = page.evaluate("() => getComputedStyle(document.getElementById('breath-circle')).animationName")
        transform = page.evaluate("() => getComputedStyle(document.getElementById('breath-circle')).transform")
        if motion == "reduce":
            assert animation == "none", f"the circle still moves with reduced motion: {animation}"
            assert transform == "none", f"the circle is scaled with reduced motion: {transform}"
        else:
            assert animation == "breathe-box", animation
        page.click("#breath-start")
        page.wait_for_function("() => /^Breathe in \\d$/.test(document.getElementById('breath-phase').textContent)", timeout=3000)
        assert "in" in page.get_attribute("#breath-circle", "class").split(), "the circle changes colour with the phase"
        page.wait_for_function("() => document.getElementById('breath-phase').textContent.startsWith('Hold')", timeout=6000)
        assert "hold" in page.get_attribute("#breath-circle", "class").split()
        _no_sideways_scroll(page, "/tools/box-breathing at 360 px")
        assert_no_js_errors(context)
    finally:
        context.close()


def test_33_a_check_in_shows_in_the_chart(browser, step3_server):
    context = new_context(browser, step3_server, width=360)
    page = context.new_page()
    try:
        unlock(page, step3_server)
        goto(page, step3_server, "/trends")
        assert "No check-ins yet" in page.evaluate("() => document.getElementById('trend-chart').textContent")
        goto(page, step3_server, "/checkin")
        _no_sideways_scroll(page, "/checkin at 360 px")
        for symptom, rating in (("nausea", 3), ("longing", 4), ("focus", 1)):
            label = page.locator(f"label[for=s-{symptom}-{rating}]")
            box = label.bounding_box()
            assert box and box["height"] >= 44 and box["x"] + box["width"] <= 360, f"{symptom} {rating}: {box}"
            label.click()
        page.fill("#sleep-hours", "6.5")
        submit(page, "#save-checkin")
        page.wait_for_url(url_path_is("/trends"))
        assert "Thank you for checking in" in page.inner_text(".notice")
        chart = page.locator("svg#trend-chart")
        assert chart.get_attribute("role") == "img"
        assert page.locator("svg#trend-chart circle.dot.s-overall").count() == 1, html_excerpt(page, ".chart-box")
        assert "One check-in so far" in page.evaluate("() => document.querySelector('#trend-chart desc').textContent")
        page.click("details.table-box summary")
        row = page.locator("#trend-table tbody tr").first.inner_text()
        assert "3.0" in row and "4.0" in row and "1.0" in row and "2.7" in row, row
        width = page.evaluate("() => document.getElementById('trend-chart').getBoundingClientRect().width")
        assert 300 <= width <= 360, f"the chart should fill a phone screen: {width}"
        _no_sideways_scroll(page, "/trends at 360 px")
        assert_no_js_errors(context)
    finally:
        context.close()


def test_34_stay_unlocked_keeps_the_session(browser, servers):
    """The idle warning's button asks the server to keep the session (the urge timer uses the
    same request), so the page stays open past the idle limit."""
    server = servers("stay", max_idle_seconds=8)
    context = new_context(browser, server)
    page = context.new_page()
    try:
        create_vault(page, server)
        goto(page, server, "/today")
        page.locator("#idle-warning").wait_for(state="visible", timeout=8_000)
        page.click("#idle-stay")
        page.wait_for_timeout(5_000)  # past the original 8 s limit
        assert path_of(page.url) == "/today", "Stay unlocked should keep the page open"
        goto(page, server, "/today")
        assert path_of(page.url) == "/today", "the server kept the session too"
        assert_no_js_errors(context)
    finally:
        context.close()
        server.stop()

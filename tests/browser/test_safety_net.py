"""Browser tests for the safety net: "Get help" one tap from every page, the help lines for the
chosen region (unlocked and locked), the care card after a hard check-in, Pause for someone who
has set nothing up yet (on a phone, with and without JavaScript), and the safety plan with its
full and discreet prints. They run on servers of their own."""

from __future__ import annotations

import json
import re

import pytest

from .support import (
    PASSPHRASE,
    REPO,
    SCREENSHOTS,
    goto,
    new_context,
    path_of,
    recovery_key_text,
    server_with_vault,
    submit,
    unique,
    unlock,
    url_path_is,
)
from .test_browser import _no_sideways_scroll, assert_no_blocked, assert_no_js_errors, html_excerpt

PHONE_WIDTH, PHONE_HEIGHT = 360, 740

ENGLAND_EMERGENCY = "tel:999"
ENGLAND_ABUSE_LINE = "tel:08082000247"
US_ABUSE_LINE = "tel:18007997233"

PRINT_WARNING = "If they found a printed plan, it could put you at risk."

HELP_LINES = REPO / "Sources" / "UntetherCore" / "HelpLines" / "help-lines.json"
REGION_CODES = ["US", "CA", "GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR", "IE", "AU", "NZ", "IN", "ZA", "DE", "FR", "ES", "NL"]


@pytest.fixture(scope="module")
def safety_server(servers, browser):
    server = server_with_vault(servers, browser, "safety")
    yield server
    server.stop()


# --------------------------------------------------------------------------- helpers


def _phone_context(browser, server, **kwargs):
    return new_context(browser, server, width=PHONE_WIDTH, **kwargs)


def _tap_get_help(page, label: str, *, tap: bool = True) -> None:
    """The top bar's Get help link is whole on a 360 px screen, big enough to tap, and leads to /help."""
    link = page.locator("header #get-help")
    assert link.count() == 1, f"{label}: no Get help link in the top bar\n{html_excerpt(page, 'header')}"
    assert link.get_attribute("href") == "/help", f"{label}: {link.get_attribute('href')!r}"
    assert link.is_visible(), f"{label}: Get help is hidden"
    box = link.bounding_box()
    assert box and box["height"] >= 44, f"{label}: Get help is too small to tap: {box}"
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE_WIDTH, f"{label}: Get help is cut off at 360 px: {box}"
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE_HEIGHT, f"{label}: Get help is off the first screen: {box}"
    assert page.locator("header #quick-exit").is_visible(), f"{label}: Exit is no longer visible beside Get help"
    if not tap:
        return
    link.click()
    page.wait_for_url(url_path_is("/help"))
    assert page.inner_text("h1").strip() == "Get help", f"{label}: tapping Get help led to {page.url}"


def _hrefs(page, scope: str, prefix: str) -> list[str]:
    return page.eval_on_selector_all(f"{scope} a[href^='{prefix}']", "links => links.map(a => a.getAttribute('href'))")


def _choose_region_in_settings(page, server, code: str) -> None:
    goto(page, server, "/settings")
    page.select_option("#settings-region select[name=region]", code)
    submit(page, "#settings-region button[type=submit]")
    goto(page, server, "/settings")
    assert page.input_value("#settings-region select[name=region]") == code, "the region was not saved"


def _lock(page) -> None:
    submit(page, "#lock")
    page.wait_for_url(url_path_is("/unlock"))


def _seconds_left(page) -> int:
    text = page.inner_text("#urge-timer-left").strip()
    match = re.fullmatch(r"(\d+):(\d\d)", text)
    assert match, f"the timer shows {text!r}"
    return int(match.group(1)) * 60 + int(match.group(2))


def _in_first_viewport(page, selector: str) -> dict:
    """The element's box, asserting it is on the first screen (no scrolling) and inside 360 px."""
    assert page.evaluate("() => window.scrollY") == 0, "the page has scrolled"
    box = page.locator(selector).first.bounding_box()
    assert box, f"{selector} has no box (hidden?)"
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE_WIDTH, f"{selector} is cut off at 360 px: {box}"
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE_HEIGHT, \
        f"{selector} is below the first screen (needs scrolling at 360x740): {box}"
    return box


# --------------------------------------------------------------------------- 60. one tap from every page


def test_60_get_help_is_one_tap_from_every_page(browser, servers):
    """On a fresh server: /welcome before any setup, setup with a region chosen, then the locked
    pages (/unlock, /recover, a 404) and the unlocked ones: Get help is whole at 360 px and one
    tap reaches /help, which does not scroll sideways."""
    server = servers("safety-setup")
    context = _phone_context(browser, server)
    page = context.new_page()
    try:
        goto(page, server, "/welcome")
        assert page.locator("form#setup-form").count() == 1, "no setup form on a fresh server"
        _tap_get_help(page, "/welcome (before setup)")
        _no_sideways_scroll(page, "/help at 360 px, before setup")

        # Setup, choosing the region on the welcome form.
        goto(page, server, "/welcome")
        page.fill("#passphrase", PASSPHRASE)
        page.fill("#passphrase-confirm", PASSPHRASE)
        page.select_option("select#region", "GB-ENG")
        submit(page, "#create")
        page.wait_for_selector("#recovery-key")
        assert recovery_key_text(page)
        _tap_get_help(page, "the recovery key page", tap=False)  # leaving would lose the key
        page.check("#saved-key")
        submit(page, "#continue")
        page.wait_for_url(url_path_is("/today"))
        goto(page, server, "/help")
        assert ENGLAND_EMERGENCY in _hrefs(page, "main", "tel:"), \
            f"the region chosen at setup does not show on /help\n{html_excerpt(page)}"

        _lock(page)
        for path in ("/unlock", "/recover", "/no-such-page-" + unique("")):
            response = goto(page, server, path)
            if path.startswith("/no-such-page"):
                assert response.status == 404, f"{path}: {response.status}"
            _tap_get_help(page, f"{path} (locked)")
            assert ENGLAND_EMERGENCY in _hrefs(page, "main", "tel:"), f"/help from {path} (locked) forgot the region"
            _no_sideways_scroll(page, f"/help at 360 px, from {path} (locked)")

        unlock(page, server)
        for path in ("/today", "/notes", "/log", "/pause", "/journal", "/settings", "/people", "/ready",
                     "/no-such-page-" + unique("")):
            goto(page, server, path)
            _tap_get_help(page, f"{path} (unlocked)")
            _no_sideways_scroll(page, f"/help at 360 px, from {path}")
        assert ENGLAND_EMERGENCY in _hrefs(page, "main", "tel:")
        assert_no_blocked(context)
        assert_no_js_errors(context)
    finally:
        context.close()
        server.stop()


# --------------------------------------------------------------------------- 61. region, unlocked and locked


def test_61_region_from_settings_shows_on_help_and_stays_when_locked(browser, safety_server):
    server = safety_server
    context = _phone_context(browser, server)
    page = context.new_page()
    try:
        unlock(page, server)
        _choose_region_in_settings(page, server, "GB-ENG")
        goto(page, server, "/help")
        tel = _hrefs(page, "main", "tel:")
        assert ENGLAND_EMERGENCY in tel and ENGLAND_ABUSE_LINE in tel, f"/help for England: {tel}"
        for href in (ENGLAND_EMERGENCY, ENGLAND_ABUSE_LINE):
            link = page.locator(f"main a[href='{href}']").first
            assert link.is_visible(), f"{href} is hidden"
            box = link.bounding_box()
            assert box["height"] >= 44 and box["x"] + box["width"] <= PHONE_WIDTH, f"{href}: {box}"
        assert US_ABUSE_LINE not in tel
        _no_sideways_scroll(page, "/help (England) at 360 px")

        # Locked: the same numbers, remembered.
        _lock(page)
        goto(page, server, "/help")
        assert page.locator("header #reach-out").count() == 0, "still unlocked after Lock"
        tel = _hrefs(page, "main", "tel:")
        assert ENGLAND_EMERGENCY in tel and ENGLAND_ABUSE_LINE in tel, f"/help while locked forgot England: {tel}"

        # A browser with no session at all sees them too.
        stranger = _phone_context(browser, server)
        try:
            other = stranger.new_page()
            goto(other, server, "/help")
            tel = _hrefs(other, "main", "tel:")
            assert ENGLAND_EMERGENCY in tel and ENGLAND_ABUSE_LINE in tel, f"/help in a new browser: {tel}"
        finally:
            stranger.close()

        # The locked picker switches region with a GET.
        form = page.locator("#help-region form")
        assert (form.get_attribute("method") or "").lower() == "get", "the locked picker should be a GET form"
        form.locator("select[name=region]").select_option("US")
        with page.expect_navigation():
            form.locator("button[type=submit]").click()
        assert path_of(page.url) == "/help" and "region=US" in page.url, page.url
        tel = _hrefs(page, "main", "tel:")
        assert US_ABUSE_LINE in tel and "tel:911" in tel, f"/help?region=US: {tel}"
        assert ENGLAND_EMERGENCY not in tel, f"England's lines still show for the US: {tel}"
        sms = _hrefs(page, "main", "sms:")
        assert any(href.startswith("sms:88788") for href in sms), f"no text link to 88788: {sms}"
        _no_sideways_scroll(page, "/help?region=US at 360 px")
        assert_no_js_errors(context)
    finally:
        context.close()


# --------------------------------------------------------------------------- 62. care card


def test_62_hard_check_in_offers_the_care_card(browser, safety_server):
    server = safety_server
    context = _phone_context(browser, server)
    page = context.new_page()
    try:
        unlock(page, server)
        _choose_region_in_settings(page, server, "GB-ENG")

        goto(page, server, "/checkin")
        page.locator("label[for=s-low-4]").click()
        assert page.locator("input[name=s_low][value='4']").is_checked()
        page.fill("#sleep-hours", "3.5")
        submit(page, "#save-checkin")
        page.wait_for_url(url_path_is("/trends"))
        assert "done=checkin-hard" in page.url, page.url
        card = page.locator("#care-card")
        assert card.count() == 1 and card.is_visible(), f"no care card after a hard check-in\n{html_excerpt(page)}"
        tel = _hrefs(page, "#care-card", "tel:")
        assert ENGLAND_ABUSE_LINE in tel and "tel:116123" in tel, f"the care card lacks England's lines: {tel}"

        goto(page, server, "/checkin")
        page.locator("label[for=s-low-1]").click()
        page.fill("#sleep-hours", "7")
        submit(page, "#save-checkin")
        page.wait_for_url(url_path_is("/trends"))
        assert "checkin-hard" not in page.url, page.url
        assert "Thank you for checking in" in page.inner_text(".notice")
        assert page.locator("#care-card").count() == 0, "the care card shows after an easy check-in"
        assert_no_js_errors(context)
    finally:
        context.close()


def test_62b_care_card_fits_a_phone(browser, safety_server):
    server = safety_server
    context = _phone_context(browser, server)
    page = context.new_page()
    try:
        unlock(page, server)
        _choose_region_in_settings(page, server, "GB-ENG")
        goto(page, server, "/checkin")
        page.locator("label[for=s-low-4]").click()
        page.fill("#sleep-hours", "3.5")
        submit(page, "#save-checkin")
        page.wait_for_url(url_path_is("/trends"))
        assert page.locator("#care-card").count() == 1, f"no care card\n{html_excerpt(page)}"
        for href in _hrefs(page, "#care-card", "tel:"):
            box = page.locator(f"#care-card a[href='{href}']").first.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE_WIDTH, f"{href} runs off a 360 px screen: {box}"
        _no_sideways_scroll(page, "/trends with the care card at 360 px")
    finally:
        context.close()


# --------------------------------------------------------------------------- 63. Pause, first time


def test_63_first_time_pause_on_a_phone(browser, safety_server):
    server = safety_server
    context = _phone_context(browser, server)
    page = context.new_page()
    try:
        unlock(page, server)
        _choose_region_in_settings(page, server, "GB-ENG")
        goto(page, server, "/pause")
        order = page.eval_on_selector_all("main section[id^='part-']", "parts => parts.map(p => p.id)")
        assert order[:3] == ["part-call", "part-timer", "part-breathe"], f"first-time Pause begins with {order}"
        tel = _hrefs(page, "#part-call", "tel:")
        assert ENGLAND_ABUSE_LINE in tel, f"#part-call has no tap-to-call line for England: {tel}\n{html_excerpt(page, '#part-call')}"
        _in_first_viewport(page, "#urge-timer-start")
        # (The call line on the first screen, and /pause not scrolling sideways: test 63b.)

        # The timer keeps running while a tool is open.
        assert _seconds_left(page) == 600
        page.click("#urge-timer-start")
        page.wait_for_function("() => document.getElementById('urge-timer-left').textContent.trim() !== '10:00'", timeout=5000)
        assert "running" in page.inner_text("#urge-timer-status")
        page.click("#part-breathe a[href='/tools/box-breathing']")
        page.wait_for_url(url_path_is("/tools/box-breathing"))
        page.wait_for_timeout(1500)
        page.click("header #reach-out")
        page.wait_for_url(url_path_is("/pause"))
        left = _seconds_left(page)
        assert left < 600, f"the timer restarted from the full time after a visit to a tool ({left} s left)"
        assert left > 540, f"the timer jumped ahead: {left} s left"
        assert "running" in page.inner_text("#urge-timer-status"), \
            f"after a visit to a tool the timer says {page.inner_text('#urge-timer-status')!r}"
        shown = page.inner_text("#urge-timer-left").strip()
        page.wait_for_function("shown => document.getElementById('urge-timer-left').textContent.trim() !== shown",
                               arg=shown, timeout=3000)
        assert _seconds_left(page) < left, "the timer is not counting down after coming back"
        assert_no_js_errors(context)
    finally:
        context.close()

    # Without JavaScript: no countdown that would never move, and the instructions instead.
    context = _phone_context(browser, server, javascript=False)
    page = context.new_page()
    try:
        unlock(page, server)
        goto(page, server, "/pause")
        assert not page.locator("#urge-timer-left").is_visible(), "a countdown shows that cannot run without JavaScript"
        assert not page.locator("#urge-timer-start").is_visible(), "a Start button shows that cannot work without JavaScript"
        manual = page.locator("#urge-timer-manual")
        assert manual.is_visible() and "10 minutes" in manual.inner_text(), html_excerpt(page, "#part-timer")
        assert ENGLAND_ABUSE_LINE in _hrefs(page, "#part-call", "tel:")
    finally:
        context.close()


def test_63b_first_time_pause_shows_a_line_to_call_on_the_first_screen(browser, safety_server):
    server = safety_server
    context = _phone_context(browser, server)
    page = context.new_page()
    try:
        unlock(page, server)
        _choose_region_in_settings(page, server, "GB-ENG")
        goto(page, server, "/pause")
        assert page.locator("#part-call a[href^='tel:']").count() >= 1, html_excerpt(page, "#part-call")
        _in_first_viewport(page, "#urge-timer-start")
        _in_first_viewport(page, "#part-call a[href^='tel:']")
        _no_sideways_scroll(page, "/pause at 360 px")
    finally:
        context.close()


# --------------------------------------------------------------------------- 64. safety plan and prints


def test_64_safety_plan_full_and_discreet_prints(browser, safety_server):
    server = safety_server
    context = _phone_context(browser, server)
    page = context.new_page()
    name, reach, dial = "Marguerite", "07700 900456", "tel:07700900456"
    go_bag_notes = "The bag is at Marguerite's. Ring 07700 900456 first."
    emotional_notes = unique("Walk by the river, then tea on the bench ")
    try:
        unlock(page, server)
        _choose_region_in_settings(page, server, "GB-ENG")

        goto(page, server, "/people")
        page.fill("#person-form [name=name]", name)
        page.fill("#person-form [name=reach]", reach)
        page.fill("#person-form [name=helps_with]", "A place to stay")
        submit(page, "#add-person")
        goto(page, server, "/people")
        assert dial in _hrefs(page, "main", "tel:"), f"/people: the number is not a tap-to-call link\n{html_excerpt(page)}"
        for path, scope in (("/help", "main"), ("/pause", "#part-call"), ("/ready", "#part-people")):
            goto(page, server, path)
            assert name in page.inner_text(scope), f"{path}: {name} is not in {scope}"
            assert dial in _hrefs(page, scope, "tel:"), f"{path}: {reach} is not a tel: link in {scope}"

        # The situation, then two parts of the plan.
        goto(page, server, "/ready")
        page.locator("label[for=situation-planning]").click()
        submit(page, "#plan-situation button[type=submit]")
        goto(page, server, "/ready")
        assert page.is_checked("#situation-planning"), "the situation was not saved"
        assert page.locator("#part-go_bag").count() == 1 and page.locator("#part-emotional").count() == 1

        go_bag = page.locator("#part-go_bag")
        go_bag.locator("label[for=go_bag-photo_id]").click()
        go_bag.locator("textarea[name=answer]").fill(go_bag_notes)
        submit(page, "#part-go_bag button[type=submit]")
        page.wait_for_url(url_path_is("/ready"))
        emotional = page.locator("#part-emotional")
        emotional.locator("textarea[name=answer]").fill(emotional_notes)
        submit(page, "#part-emotional button[type=submit]")
        page.wait_for_url(url_path_is("/ready"))
        goto(page, server, "/ready")
        assert page.is_checked("#go_bag-photo_id") and not page.is_checked("#go_bag-cash")
        assert page.input_value("#part-go_bag textarea[name=answer]") == go_bag_notes
        assert page.input_value("#part-emotional textarea[name=answer]") == emotional_notes
        _no_sideways_scroll(page, "/ready at 360 px")

        SCREENSHOTS.mkdir(exist_ok=True)

        # The full print: everything, with the warning.
        page.click("a#print-plan")
        page.wait_for_url(url_path_is("/ready/print"))
        page.emulate_media(media="print")
        text = page.inner_text("body")
        for expected in (name, reach, PRINT_WARNING, "Photo ID", go_bag_notes, emotional_notes, "0808 2000 247"):
            assert expected in text, f"the full print lacks {expected!r}\n{text[:1500]}"
        page.screenshot(path=str(SCREENSHOTS / "safety-print.png"), full_page=True)

        # The discreet print: no names, numbers or word of what it is for.
        page.emulate_media(media="screen")
        goto(page, server, "/ready")
        page.click("a#print-discreet")
        page.wait_for_url(lambda url: path_of(url) == "/ready/print" and "discreet=1" in url)
        page.emulate_media(media="print")
        text = page.inner_text("body")
        assert emotional_notes in text, f"the discreet print lacks the emotional notes\n{text[:1500]}"
        whole = (page.title() + "\n" + text).lower()
        for secret in (name, "07700", "900456", "safety", "0808", "refuge"):
            assert secret.lower() not in whole, f"the discreet print shows {secret!r}\n{text[:1500]}"
        assert PRINT_WARNING not in text
        assert "Photo ID" not in text, "the discreet print shows the go-bag checklist"
        page.screenshot(path=str(SCREENSHOTS / "safety-print-discreet.png"), full_page=True)
        assert (SCREENSHOTS / "safety-print.png").stat().st_size > 0
        assert (SCREENSHOTS / "safety-print-discreet.png").stat().st_size > 0
        assert_no_blocked(context)
        assert_no_js_errors(context)
    finally:
        context.close()


def test_64b_discreet_print_hides_a_number_however_it_is_written(browser, safety_server):
    server = safety_server
    context = _phone_context(browser, server)
    page = context.new_page()
    try:
        unlock(page, server)
        goto(page, server, "/people")
        page.fill("#person-form [name=name]", "Bernadette")
        page.fill("#person-form [name=reach]", "Text 07700 900789 after 6pm")
        submit(page, "#add-person")
        goto(page, server, "/ready")
        notes = "When it gets bad: text 07700 900789, or call 07700900789 or 07700-900789. Then a warm bath."
        page.fill("#part-emotional textarea[name=answer]", notes)
        submit(page, "#part-emotional button[type=submit]")
        goto(page, server, "/ready/print?discreet=1")
        page.emulate_media(media="print")
        text = page.inner_text("body")
        assert "a warm bath" in text, f"the discreet print lacks the notes\n{text}"
        for secret in ("Bernadette", "900789"):
            assert secret.lower() not in text.lower(), f"the discreet print shows {secret!r}:\n{text}"
    finally:
        context.close()


# --------------------------------------------------------------------------- 65. every region


def test_65_every_region_shows_its_lines_while_locked(browser, safety_server):
    """For each of the 15 regions, the locked picker's GET shows the emergency number and every
    line as tap-to-call links (and text links where a line has one), without sideways scroll."""
    regions = {region["code"]: region for region in json.loads(HELP_LINES.read_text(encoding="utf-8"))["regions"]}
    assert sorted(regions) == sorted(REGION_CODES), f"regions in help-lines.json: {sorted(regions)}"
    server = safety_server
    context = _phone_context(browser, server)
    page = context.new_page()
    try:
        goto(page, server, "/help")
        offered = page.eval_on_selector_all("#help-region select[name=region] option",
                                            "options => options.map(o => o.value).filter(v => v)")
        assert sorted(offered) == sorted(REGION_CODES), f"the locked picker offers {offered}"
        for code in REGION_CODES:
            region = regions[code]
            goto(page, server, f"/help?region={code}")
            assert page.input_value("#help-region select[name=region]") == code, f"{code}: the picker forgot the choice"
            tel = _hrefs(page, "main", "tel:")
            sms = _hrefs(page, "main", "sms:")
            assert f"tel:{region['emergency']['dial']}" in tel, f"{code}: no emergency link in {tel}"
            for line in region["domesticAbuse"] + region["crisis"]:
                assert f"tel:{line['dial']}" in tel, f"{code}: {line['name']} is not a tel: link ({tel})"
                text = line.get("text")
                if not text:
                    continue
                digits = text.get("dial") or re.sub(r"\D", "", text["number"])
                if text.get("app"):  # an app-only number (WhatsApp) is shown, never offered as a text
                    assert not any(href.startswith(f"sms:{digits}") for href in sms), f"{code}: {line['name']} as sms: {sms}"
                    assert text["number"] in page.inner_text("main"), f"{code}: {line['name']}'s {text['app']} number is missing"
                else:
                    assert any(href == f"sms:{digits}" or href.startswith(f"sms:{digits}?body=") for href in sms), \
                        f"{code}: {line['name']} has a text line but no sms:{digits} link ({sms})"
            box = page.locator(f"main a[href='tel:{region['emergency']['dial']}']").first.bounding_box()
            assert box and box["height"] >= 44 and box["x"] + box["width"] <= PHONE_WIDTH, f"{code}: emergency link {box}"
            _no_sideways_scroll(page, f"/help?region={code} at 360 px")
        assert_no_js_errors(context)
    finally:
        context.close()


# --------------------------------------------------------------------------- 66. prints keep the way out


@pytest.mark.parametrize("query", ["", "?discreet=1"])
def test_66_print_pages_keep_exit_and_get_help(browser, safety_server, query):
    server = safety_server
    context = _phone_context(browser, server)
    page = context.new_page()
    try:
        unlock(page, server)
        goto(page, server, "/ready/print" + query)
        assert page.locator("header #quick-exit").count() == 1, f"/ready/print{query} has no Exit button"
        assert page.locator("header #get-help").count() == 1, f"/ready/print{query} has no Get help link"
    finally:
        context.close()


# --------------------------------------------------------------------------- 64. The danger check


def test_64_danger_check_on_a_phone_leads_with_the_emergency_number(browser, safety_server):
    """A "yes" to one of the strongest signs, by keyboard on a 360 px screen: the urgent card comes
    first, its first link is the emergency number, and nothing runs off the screen."""
    server = safety_server
    context = _phone_context(browser, server)
    page = context.new_page()
    try:
        unlock(page, server)
        _choose_region_in_settings(page, server, "GB-ENG")
        goto(page, server, "/ready")
        page.locator("#to-danger-check").click()
        page.wait_for_url(url_path_is("/check"))
        assert page.locator("#check-result").count() == 0
        page.locator("#check-strangulation").focus()
        page.keyboard.press("Space")
        assert page.locator("#check-strangulation").is_checked()
        submit(page, "#check-done")
        card = page.locator("#check-result")
        assert card.count() == 1, f"no result\n{html_excerpt(page)}"
        assert "Please talk to someone today" in card.inner_text()
        first = card.locator("a").first
        assert first.get_attribute("href") == ENGLAND_EMERGENCY, first.get_attribute("href")
        box = first.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE_WIDTH, box
        # The card comes before the questions.
        assert page.evaluate("document.querySelector('#check-result').compareDocumentPosition(document.querySelector('#danger-check')) & 4") == 4
        _no_sideways_scroll(page, "/check with the urgent card at 360 px")
        assert_no_js_errors(context)
    finally:
        context.close()

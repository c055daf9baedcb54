"""Browser tests for `untether serve`, driven with Playwright and Debian's Chromium.

Most tests share one server (`vault`, created once by the first-run fixture) and open their
own browser context, so each has its own session and unlocks for itself. The idle lock, the
canary and delete-everything run on servers of their own. Nothing may reach the internet:
every context answers the exit site locally and aborts any other request off the server.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import time
import zipfile
from datetime import date

import pytest

from .conftest import AUDITED_PAGES, FirstRun
from .support import (
    EXIT_SITE,
    KEY_GROUP_RE,
    KEY_RE,
    PASSPHRASE,
    VAULT_FILES,
    WIDTHS,
    WRONG_PASSPHRASE,
    NOTE_URL_RE,
    create_log_entry,
    create_note,
    create_vault,
    files_containing,
    find_in_bytes,
    format_violations,
    goto,
    is_log_entry_url,
    new_context,
    path_of,
    submit,
    unique,
    unlock,
    url_path_is,
)


def assert_no_blocked(context) -> None:
    assert not context.blocked, f"the page tried to reach hosts other than the server: {context.blocked}"


def assert_no_js_errors(context) -> None:
    errors = context.console.errors()
    assert not errors, "JavaScript errors:\n" + "\n".join(f"  [{e['kind']}] {e['page']}: {e['text']}" for e in errors)


def html_excerpt(page, selector: str = "main", limit: int = 1500) -> str:
    try:
        return page.inner_html(selector, timeout=2000)[:limit]
    except Exception:
        return page.content()[:limit]


# --------------------------------------------------------------------------- 1. first run


def test_01_first_run_recovery_key_then_today(first_run: FirstRun, main_server):
    assert first_run.problem is None, f"first run failed: {first_run.problem}\n{main_server.describe_output()}"
    assert first_run.root_path == "/welcome", f"'/' with no vault should lead to /welcome, went to {first_run.root_path}"

    text = first_run.welcome_text.lower()
    for needle in ("spyware", "history", "private"):
        assert needle in text, f"/welcome should mention {needle!r} (what the app cannot protect / a private window)"
    assert first_run.welcome_input_types == {"passphrase": "password", "passphrase-confirm": "password"}

    for case, state in (("mismatched", first_run.mismatch), ("too short", first_run.short)):
        assert state["path"] in ("/welcome", "/setup"), f"{case} passphrase: unexpected page {state}"
        assert state["form_present"], f"{case} passphrase: the setup form should be shown again: {state}"
        assert state["error_count"] >= 1 and state["error_text"].strip(), f"{case} passphrase: no .error message: {state}"
        assert state["error_role"] == "alert", f"{case} passphrase: .error should have role=alert: {state}"

    assert len(first_run.key_groups) == 9, f"expected 9 groups in #recovery-key, got {first_run.key_groups}"
    for group in first_run.key_groups:
        assert KEY_GROUP_RE.match(group), f"recovery key group {group!r} is not 6 Crockford characters"
    assert KEY_RE.match(first_run.key), f"recovery key {first_run.key!r} is not 54 Crockford characters"
    assert first_run.key == "".join(first_run.key_groups)

    assert first_run.saved_key_required, "input#saved-key should be required"
    assert first_run.continue_without_check_path != "(left the page)", \
        "Continue without ticking the checkbox should not leave the recovery key page"
    assert first_run.after_continue_path == "/today"
    assert first_run.today_h1.strip() == "Today"
    assert first_run.root_when_unlocked == "/today", f"'/' when unlocked went to {first_run.root_when_unlocked}"


# --------------------------------------------------------------------------- 2. unlock and lock


def test_02_unlock_wrong_passphrase_and_lock(browser, vault):
    context = new_context(browser, vault)
    page = context.new_page()
    try:
        goto(page, vault, "/")
        assert path_of(page.url) == "/unlock", f"'/' when locked should lead to /unlock, went to {page.url}"
        assert page.locator("form#unlock-form").count() == 1
        assert page.get_attribute("a#use-recovery-key", "href") == "/recover"

        page.fill("#passphrase", WRONG_PASSPHRASE)
        submit(page, "#unlock")
        error = page.locator(".error")
        error.first.wait_for()
        assert "did not open" in error.first.inner_text(), html_excerpt(page)
        assert error.first.get_attribute("role") == "alert", html_excerpt(page)
        goto(page, vault, "/today")
        assert path_of(page.url) == "/unlock", "a wrong passphrase must not open anything"

        unlock(page, vault)
        assert page.inner_text("h1").strip() == "Today"
        nav = page.locator("nav.nav")
        assert nav.count() == 1, html_excerpt(page, "body")
        links = {a.inner_text().strip(): a.get_attribute("href") for a in nav.locator("a").all()}
        for label, href in (("Today", "/today"), ("Notes", "/notes"), ("Settings", "/settings")):
            assert links.get(label) == href, f"nav link {label!r} should go to {href}; links: {links}"
        lock_form = page.locator("form:has(button#lock)")
        assert (lock_form.get_attribute("method") or "").lower() == "post"
        assert lock_form.get_attribute("action") == "/lock"

        goto(page, vault, "/settings/access-log")
        log = page.inner_text("table.log")
        assert "Opened" in log and "Wrong passphrase tried" in log, f"access log:\n{log}"

        goto(page, vault, "/today")
        submit(page, "button#lock")
        page.wait_for_url(url_path_is("/unlock"))
        assert page.locator("form#unlock-form").count() == 1
        goto(page, vault, "/today")
        assert path_of(page.url) == "/unlock", "after Lock, /today must lead to /unlock"
        assert_no_blocked(context)
    finally:
        context.close()


# --------------------------------------------------------------------------- 3-5. quick exit


def _exit_scenario(browser, vault, trigger, javascript: bool = True):
    """Unlock, write a note, open it, leave by `trigger`; check the exit site, Back and the lock."""
    context = new_context(browser, vault, javascript=javascript)
    page = context.new_page()
    try:
        unlock(page, vault)
        secret = unique("exit-secret-")
        note_id = create_note(page, vault, f"Title {secret}", f"Body {secret}")
        goto(page, vault, f"/notes/{note_id}")
        assert secret in page.content()

        exits: list[int] = []
        page.on("response", lambda response: exits.append(response.status) if path_of(response.url) == "/exit" else None)
        trigger(page)
        page.wait_for_url(lambda url: url.startswith("https://www.bbc.com/"), timeout=15_000)
        assert page.url.startswith(EXIT_SITE), f"exit went to {page.url}, expected {EXIT_SITE}"
        assert "Weather" in page.content()

        page.go_back(wait_until="load")
        page.wait_for_timeout(300)
        content = page.content()
        assert secret not in content, (
            f"after Back ({page.url}) the note's text is still shown:\n{html_excerpt(page)}")
        print(f"exit scenario (javascript={javascript}): Back reached {page.url}")
        on_unlock_page = page.locator("form#unlock-form").count() == 1
        on_note_page = path_of(page.url) == f"/notes/{note_id}"
        assert on_unlock_page or not on_note_page, f"Back showed the note page again: {page.url}\n{html_excerpt(page)}"
        assert exits and all(status == 303 for status in exits), f"/exit answered {exits}, expected 303"

        fresh = context.new_page()
        goto(fresh, vault, "/today")
        assert path_of(fresh.url) == "/unlock", f"after exit, /today should redirect to /unlock, got {fresh.url}"
        assert_no_blocked(context)
        if javascript:
            assert_no_js_errors(context)
    finally:
        context.close()


def test_03_quick_exit_button(browser, vault):
    _exit_scenario(browser, vault, lambda page: page.click("a#quick-exit"))


def test_04_quick_exit_shift_three_times(browser, vault):
    def press_shift(page):
        for _ in range(3):
            page.keyboard.press("Shift")

    _exit_scenario(browser, vault, press_shift)


def test_04b_shift_with_other_keys_never_exits(browser, vault):
    """Moving backwards with Shift+Tab, or typing capitals, must not trigger the quick exit."""
    context = new_context(browser, vault)
    page = context.new_page()
    try:
        unlock(page, vault)
        goto(page, vault, "/notes/new")
        page.focus("#body")
        for _ in range(4):
            page.keyboard.press("Shift+Tab")
        page.focus("#title")
        page.keyboard.type("ABC DEF")
        page.wait_for_timeout(300)
        assert path_of(page.url) == "/notes/new", f"Shift used with other keys left the page: {page.url}"
        assert page.input_value("#title") == "ABC DEF"
    finally:
        context.close()


def test_05_quick_exit_without_javascript(browser, vault):
    _exit_scenario(browser, vault, lambda page: page.click("a#quick-exit"), javascript=False)


def test_05b_quick_exit_link_markup(browser, main_server):
    """The plain link works without script: it is an <a href="/exit"> with the text Exit."""
    context = new_context(browser, main_server, javascript=False)
    page = context.new_page()
    try:
        goto(page, main_server, "/")
        link = page.locator("a#quick-exit")
        assert link.count() == 1
        assert link.inner_text().strip() == "Exit"
        assert link.get_attribute("href") == "/exit"
    finally:
        context.close()


# --------------------------------------------------------------------------- 6. idle lock


def test_06_idle_lock_with_short_timeout(browser, servers):
    server = servers("idle", max_idle_seconds=8)
    context = new_context(browser, server)
    page = context.new_page()
    try:
        create_vault(page, server)
        goto(page, server, "/today")
        loaded = time.monotonic()
        warning = page.locator("#idle-warning")
        assert warning.count() == 1, f"no #idle-warning on an unlocked page:\n{html_excerpt(page, 'body')}"
        warning.wait_for(state="visible", timeout=7_000)
        warned_after = time.monotonic() - loaded

        page.wait_for_url(url_path_is("/unlock"), timeout=20_000)
        locked_after = time.monotonic() - loaded
        assert 6.5 <= locked_after <= 14, f"the page went to /unlock after {locked_after:.1f} s (limit 8 s)"
        assert page.locator("form#unlock-form").count() == 1, \
            f"/unlock after the idle lock does not show the unlock form:\n{html_excerpt(page, 'body')}"

        goto(page, server, "/today")
        assert path_of(page.url) == "/unlock", f"after the idle lock /today went to {page.url}"
        assert page.locator("form#unlock-form").count() == 1
        assert warned_after < locked_after
        assert_no_js_errors(context)
    finally:
        context.close()
        server.stop()


# --------------------------------------------------------------------------- 7. notes


def test_07_write_read_edit_delete_note(browser, vault):
    context = new_context(browser, vault)
    page = context.new_page()
    try:
        unlock(page, vault)
        goto(page, vault, "/notes")
        assert page.get_attribute("a#new-note", "href") == "/notes/new"
        page.click("a#new-note")
        page.wait_for_url(url_path_is("/notes/new"))

        title = unique("Groceries ")
        body = "Line one\nLine two with <b>angle</b> & ampersand\n\n  indented"
        page.fill("#title", title)
        page.fill("#body", body)
        submit(page, "#save")
        page.wait_for_url(lambda url: NOTE_URL_RE.search(path_of(url)) is not None)
        note_id = NOTE_URL_RE.search(path_of(page.url)).group(1)
        assert page.inner_text("h1").strip() == title
        assert page.locator(".note-body").text_content().strip("\n") == body, html_excerpt(page)
        assert page.locator(".note-body b").count() == 0, "note text must be escaped, not rendered as HTML"

        goto(page, vault, "/notes")
        link = page.locator("ul.list a", has_text=title)
        assert link.count() == 1, f"/notes should list {title!r}:\n{html_excerpt(page)}"
        link.click()
        page.wait_for_url(url_path_is(f"/notes/{note_id}"))

        assert page.get_attribute("a#edit-note", "href") == f"/notes/{note_id}/edit"
        page.click("a#edit-note")
        page.wait_for_url(url_path_is(f"/notes/{note_id}/edit"))
        assert page.input_value("#title") == title
        assert page.input_value("#body") == body
        new_title = title + " (edited)"
        new_body = body + "\nAdded later"
        page.fill("#title", new_title)
        page.fill("#body", new_body)
        submit(page, "#save")
        page.wait_for_url(url_path_is(f"/notes/{note_id}"))
        assert page.inner_text("h1").strip() == new_title
        assert page.locator(".note-body").text_content().strip("\n") == new_body

        assert page.get_attribute("a#delete-note", "href") == f"/notes/{note_id}/delete"
        page.click("a#delete-note")
        page.wait_for_url(url_path_is(f"/notes/{note_id}/delete"))
        submit(page, "#confirm-delete")
        page.wait_for_url(url_path_is("/notes"))
        assert page.locator("ul.list a", has_text=title).count() == 0, html_excerpt(page)

        response = goto(page, vault, f"/notes/{note_id}")
        assert response.status == 404, f"a deleted note should be a 404, got {response.status}"
        assert_no_blocked(context)
        assert_no_js_errors(context)
    finally:
        context.close()


# --------------------------------------------------------------------------- every page: 8, 9, 13, 14


def _audit(page_audits, name):
    audit = page_audits.get(name)
    assert audit is not None, f"page {name!r} was not audited"
    assert audit.problem is None, f"auditing {name!r} failed: {audit.problem}"
    return audit


@pytest.mark.parametrize("name", AUDITED_PAGES)
def test_08a_every_page_has_quick_exit_main_and_a_bland_title(page_audits, name):
    """Every page: a#quick-exit (Exit, /exit), main#main, a title that never says Untether."""
    audit = _audit(page_audits, name)
    assert audit.quick_exit == {"text": "Exit", "href": "/exit"}, f"{name} ({audit.url}): quick exit is {audit.quick_exit}"
    assert audit.has_main, f"{name} ({audit.url}): no main#main"
    assert "untether" not in audit.title.lower(), f"{name}: title {audit.title!r} names the app"
    assert audit.title == "Notes", f"{name}: title {audit.title!r} should be the display name alone (neutral history)"
    if name == "not-found":
        assert audit.status == 404, f"unknown path answered {audit.status}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", AUDITED_PAGES)
def test_08_no_horizontal_scroll_and_screenshots(page_audits, name, width):
    audit = _audit(page_audits, name)
    scroll_width, inner_width = audit.overflow[width]
    print(f"{name} at {width}: scrollWidth {scroll_width}, innerWidth {inner_width}, status {audit.status}")
    assert scroll_width <= inner_width, (
        f"{name} ({audit.url}) scrolls sideways at {width} px: scrollWidth {scroll_width} > innerWidth {inner_width}")
    shot = audit.screenshots[width]
    assert shot.is_file() and shot.stat().st_size > 0, f"no screenshot at {shot}"


@pytest.mark.parametrize("name", AUDITED_PAGES)
def test_09_axe_no_serious_or_critical(page_audits, name):
    audit = _audit(page_audits, name)
    if audit.axe_violations:
        print(f"{name}: all axe violations:\n{format_violations(audit.axe_violations)}")
    bad = [v for v in audit.axe_violations if v.get("impact") in ("serious", "critical")]
    assert not bad, f"{name} ({audit.url}) has serious/critical axe violations:\n{format_violations(bad)}"


@pytest.mark.parametrize("name", AUDITED_PAGES)
def test_13_no_inline_scripts_or_styles(page_audits, name):
    audit = _audit(page_audits, name)
    assert not audit.inline_scripts, f"{name}: <script> without src: {audit.inline_scripts}"
    assert not audit.style_attributes, f"{name}: inline styles: {audit.style_attributes}"


@pytest.mark.parametrize("name", AUDITED_PAGES)
def test_14_no_javascript_errors(page_audits, name):
    audit = _audit(page_audits, name)
    assert not audit.console_errors, f"{name} ({audit.url}) JavaScript/console errors:\n" + "\n".join(
        f"  [{e['kind']}] {e['text']} at {e.get('location')}" for e in audit.console_errors)


# --------------------------------------------------------------------------- 10. keyboard


def _tab_until(page, element_id: str, limit: int = 20) -> list[str]:
    """Presses Tab until the element with `element_id` has focus; returns the ids visited."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        current = page.evaluate("() => document.activeElement ? (document.activeElement.id || document.activeElement.tagName) : ''")
        seen.append(current)
        if current == element_id:
            return seen
    raise AssertionError(f"Tab never reached #{element_id}; focus went through {seen}")


def test_10_keyboard_only(browser, vault):
    context = new_context(browser, vault)
    page = context.new_page()
    try:
        goto(page, vault, "/unlock")
        # Start from the top of the document, whatever has autofocus.
        page.evaluate("() => { if (document.activeElement) document.activeElement.blur(); }")
        page.keyboard.press("Tab")
        first = page.evaluate("() => document.activeElement && (document.activeElement.id || document.activeElement.tagName)")
        visited = [first] + ([] if first == "passphrase" else _tab_until(page, "passphrase"))
        assert "passphrase" in visited
        print(f"keyboard: focus after the first Tab(s) on /unlock: {visited}")
        page.keyboard.type(PASSPHRASE)
        _tab_until(page, "unlock", limit=5)
        page.keyboard.press("Enter")
        page.wait_for_url(url_path_is("/today"))

        goto(page, vault, "/notes/new")
        _tab_until(page, "title")
        title = unique("Keyboard note ")
        page.keyboard.type(title)
        _tab_until(page, "body", limit=3)
        page.keyboard.type("Typed with the keyboard only.")
        _tab_until(page, "save", limit=3)
        page.keyboard.press("Enter")
        page.wait_for_url(lambda url: NOTE_URL_RE.search(path_of(url)) is not None)
        assert page.inner_text("h1").strip() == title
        assert page.inner_text(".note-body").strip() == "Typed with the keyboard only."
        assert_no_js_errors(context)
    finally:
        context.close()


# --------------------------------------------------------------------------- 11. headers


def test_11_security_headers_and_cookie(browser, vault):
    context = new_context(browser, vault)
    page = context.new_page()
    try:
        for label, path in (("locked page", "/unlock"), ("unlocked page", "/today")):
            if label == "unlocked page":
                unlock(page, vault)
            response = goto(page, vault, path)
            assert path_of(page.url) == path
            headers = response.all_headers()
            csp = headers.get("content-security-policy", "")
            assert "default-src 'none'" in csp and "script-src 'self'" in csp, f"{label}: CSP is {csp!r}"
            assert "no-store" in headers.get("cache-control", ""), f"{label}: Cache-Control is {headers.get('cache-control')!r}"
            cookies = [c for c in context.cookies() if c["domain"] in ("127.0.0.1", "")]
            assert cookies, f"{label}: no cookie set"
            for cookie in cookies:
                assert cookie["httpOnly"], f"{label}: cookie {cookie['name']} is not HttpOnly: {cookie}"
                assert cookie["sameSite"] == "Strict", f"{label}: cookie {cookie['name']} is not SameSite=Strict: {cookie}"
    finally:
        context.close()


# --------------------------------------------------------------------------- backup


def test_11b_backup_downloads_a_file(browser, vault):
    context = new_context(browser, vault)
    page = context.new_page()
    try:
        unlock(page, vault)
        goto(page, vault, "/settings")
        for form, fields in (
            ("preferences-form", ["display-name", "exit-site", "idle-minutes", "save-preferences"]),
            ("passphrase-form", ["current-passphrase", "new-passphrase", "new-passphrase-confirm", "change-passphrase"]),
            ("backup-form", ["download-backup"]),
        ):
            for field_id in fields:
                assert page.locator(f"form#{form} #{field_id}").count() == 1, f"#{field_id} missing in form#{form}"
        assert page.get_attribute("a#access-log-link", "href") == "/settings/access-log"
        assert page.get_attribute("a#delete-everything-link", "href") == "/settings/delete"
        with page.expect_download(timeout=30_000) as info:
            page.click("#download-backup")
        download = info.value
        path = download.path()
        assert path and path.stat().st_size > 0, "the backup download is empty"
        assert download.suggested_filename, "the backup has no file name"
        assert "untether" not in download.suggested_filename.lower()
    finally:
        context.close()


# --------------------------------------------------------------------------- 12. canary


def test_12_canary_never_in_logs_or_files(browser, servers):
    server = servers("canary")
    context = new_context(browser, server)
    page = context.new_page()
    canary = unique("CANARY") + "Zq"
    title = f"T-{canary}"
    body = f"B-{canary} end"
    try:
        create_vault(page, server)
        goto(page, server, "/notes/new")
        page.locator("#title").press_sequentially(title)
        page.locator("#body").press_sequentially(body)
        submit(page, "#save")
        page.wait_for_url(lambda url: NOTE_URL_RE.search(path_of(url)) is not None)
        note_id = NOTE_URL_RE.search(path_of(page.url)).group(1)
        assert page.inner_text("h1").strip() == title
        goto(page, server, f"/notes/{note_id}/edit")  # read it back once more

        # The log too: every text field of the full form, an addition, and a removal reason.
        goto(page, server, "/log/new/full")
        page.fill("#location", f"L-{canary}")
        page.locator("#description").press_sequentially(f"D-{canary}")
        page.fill("#injuries", f"I-{canary}")
        page.fill("#witnesses", f"W-{canary}")
        page.fill("#report-police-reference", f"R-{canary}")
        page.check("#category-physical")
        submit(page, "#save-entry")
        page.wait_for_url(is_log_entry_url)
        entry_path = path_of(page.url)
        page.fill("#change", f"C-{canary}")
        page.fill("#reason", f"Y-{canary}")
        submit(page, "#add-amendment")
        assert f"C-{canary}" in page.inner_text("#amendments")
        goto(page, server, "/log")
        second = create_log_entry(page, server, f"S-{canary}", "2026-11-20")
        goto(page, server, f"/log/{second}/remove")
        page.fill("#removal-reason", f"X-{canary}")
        submit(page, "#confirm-remove")
        page.wait_for_url(url_path_is("/log"))
    finally:
        context.close()

    needles = [canary, PASSPHRASE]
    output = server.output_bytes()
    in_output = {n: find_in_bytes(output, n) for n in needles if find_in_bytes(output, n)}
    in_files = files_containing(server.data_dir, needles)
    id_in_log = note_id in output.decode("utf-8", errors="replace").lower()

    returncode = server.stop()
    output_after = server.output_bytes()
    in_output_after = {n: find_in_bytes(output_after, n) for n in needles if find_in_bytes(output_after, n)}
    in_files_after = files_containing(server.data_dir, needles)

    assert not in_output, f"typed text / passphrase in the server's output while running: {in_output}"
    assert not in_files, f"typed text / passphrase in the data folder while running: {in_files}"
    assert returncode == 0, f"SIGTERM should stop the server with exit 0, got {returncode}\n{server.describe_output()}"
    assert not in_output_after, f"typed text / passphrase in the server's output after stopping: {in_output_after}"
    assert not in_files_after, f"typed text / passphrase in the data folder after stopping: {in_files_after}"
    assert not id_in_log, "the request log holds a note id (it should log the route pattern, not the path)"
    assert entry_path.split("/")[-1] not in output_after.decode("utf-8", errors="replace").lower(), \
        "the request log holds a log entry id (it should log the route pattern, not the path)"
    log = server.stderr_text()
    assert re.search(r"POST", log) and re.search(r"/notes", log), f"stderr does not look like a request log:\n{log[-2000:]}"


# --------------------------------------------------------------------------- 15-19. the log


def _timeline_text(page) -> str:
    timeline = page.locator("ol#timeline")
    return timeline.inner_text() if timeline.count() else ""


def _no_sideways_scroll(page, label: str) -> None:
    scroll_width, inner_width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll_width <= inner_width, f"{label} scrolls sideways: scrollWidth {scroll_width} > innerWidth {inner_width}"


def test_15_quick_form_by_keyboard_on_a_phone(browser, vault):
    """360 px wide, keyboard only: from the log to the quick form, the day already today, type, save."""
    context = new_context(browser, vault, width=360)
    page = context.new_page()
    try:
        unlock(page, vault)
        goto(page, vault, "/log")
        assert page.get_attribute("a#write-now", "href") == "/log/new"
        page.focus("a#write-now")
        page.keyboard.press("Enter")
        page.wait_for_url(url_path_is("/log/new"))
        assert page.input_value("#occurred-on") == date.today().isoformat(), "the day should default to today"
        assert page.get_attribute("#occurred-on", "type") == "date"
        assert page.get_attribute("a#full-form-link", "href") == "/log/new/full"
        _no_sideways_scroll(page, "/log/new at 360 px")
        for selector in ("#occurred-on", "#occurred-at", "label[for=approximate]", "#description", "#save-entry"):
            box = page.locator(selector).bounding_box()
            assert box and box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= 360, \
                f"{selector} should be a full tap target inside the screen: {box}"
        # The whole form fits on the first screen of a phone, save button included.
        save_box = page.locator("#save-entry").bounding_box()
        assert save_box["y"] + save_box["height"] <= 740, f"the save button is below the first screen: {save_box}"
        day_box, time_box = page.locator("#occurred-on").bounding_box(), page.locator("#occurred-at").bounding_box()
        assert abs(day_box["y"] - time_box["y"]) < 1, "day and time should sit side by side on a phone"

        page.evaluate("() => { if (document.activeElement) document.activeElement.blur(); }")
        _tab_until(page, "occurred-on", limit=30)
        _tab_until(page, "description", limit=12)  # through the day's and time's parts and the "about" box
        text = unique("Typed on a phone ")
        page.keyboard.type(text)
        _tab_until(page, "save-entry", limit=3)
        page.keyboard.press("Enter")
        page.wait_for_url(is_log_entry_url)
        assert "Saved. You can add more detail any time." in page.inner_text(".notice")
        assert page.inner_text("#field-description").strip() == text
        _no_sideways_scroll(page, "the entry page at 360 px")
        goto(page, vault, "/log")
        assert text in _timeline_text(page)
        assert_no_blocked(context)
        assert_no_js_errors(context)
    finally:
        context.close()


def test_16_full_form_with_categories_severity_and_a_file(browser, vault, tmp_path):
    context = new_context(browser, vault, width=360)
    page = context.new_page()
    try:
        unlock(page, vault)
        goto(page, vault, "/log/new/full")
        marker = unique("Full form entry ")
        page.fill("#occurred-on", "2026-10-05")
        page.fill("#occurred-at", "19:15")
        page.fill("#location", "Car park")
        page.fill("#description", marker)
        # Tap the label rows, not the small boxes: the whole row must work.
        for target in ("category-physical", "category-controlling", "severity-4", "phase-incident", "children-no", "report-police"):
            row = page.locator(f"label[for={target}]")
            box = row.bounding_box()
            assert box and box["height"] >= 44, f"label for #{target} is too small to tap: {box}"
            row.click()
            assert page.is_checked(f"#{target}"), f"clicking the label did not choose #{target}"
        assert not page.is_checked("#severity-none")
        page.fill("#injuries", "Sore wrist")
        page.fill("#report-police-reference", "CAD 4411")
        letter = tmp_path / "letter.pdf"
        letter.write_bytes(b"%PDF-1.7\n" + os.urandom(512))
        page.set_input_files("#file", str(letter))
        _no_sideways_scroll(page, "/log/new/full at 360 px")
        submit(page, "#save-entry")
        page.wait_for_url(is_log_entry_url)
        files = page.inner_text("#files")
        assert "letter.pdf" in files and hashlib.sha256(letter.read_bytes()).hexdigest() in files, files
        assert page.inner_text("#field-categories").strip() == "Physical, Controlling or isolating"
        assert page.inner_text("#field-severity").strip().startswith("4 ")
        assert page.inner_text("#field-when").strip() == "5 Oct 2026, 19:15"
        assert page.inner_text("#field-where").strip() == "Car park"
        assert page.inner_text("#field-children").strip() == "No"
        assert "Police: CAD 4411" in page.inner_text("#field-reports")
        assert "Sore wrist" in page.inner_text("#field-injuries")

        goto(page, vault, "/log")
        item = page.locator("ol#timeline li", has_text=marker)
        assert item.count() == 1, html_excerpt(page)
        tags = item.locator(".tag").all_inner_texts()
        for tag in ("Physical", "Controlling or isolating", "Severity 4 of 5"):
            assert tag in tags, f"timeline tags {tags} should include {tag!r}"
        assert_no_js_errors(context)
    finally:
        context.close()


def test_16b_attach_a_photo_then_export_and_verify(browser, vault, tmp_path):
    """A file chosen in the form is attached and downloadable; the export downloads a zip that verifies."""
    context = new_context(browser, vault)
    page = context.new_page()
    try:
        unlock(page, vault)
        marker = unique("With a photo ")
        entry_id = create_log_entry(page, vault, marker, "2026-10-07")
        photo = tmp_path / "door.jpg"
        photo.write_bytes(bytes([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xDA, 0x00, 0x02]) + os.urandom(2048) + bytes([0xFF, 0xD9]))
        page.set_input_files("#file", str(photo))
        submit(page, "#attach-file")
        page.wait_for_url(url_path_is(f"/log/{entry_id}"))
        assert "The file was attached." in page.inner_text(".notice")
        listed = page.inner_text("#files")
        assert "door.jpg" in listed and hashlib.sha256(photo.read_bytes()).hexdigest() in listed, listed
        with page.expect_download() as file_download:
            page.click("#files a")
        saved = tmp_path / "downloaded"
        file_download.value.save_as(saved)
        assert saved.read_bytes() == photo.read_bytes()

        goto(page, vault, "/log/export")
        page.fill("#export-from", "2026-10-01")
        with page.expect_download() as export_download:
            page.click("#make-export")
        bundle = tmp_path / "bundle.zip"
        export_download.value.save_as(bundle)
        assert export_download.value.suggested_filename.startswith("records-")
        verified = subprocess.run([str(vault.binary), "verify", str(bundle)], capture_output=True, text=True, timeout=60)
        assert verified.returncode == 0, verified.stderr
        with zipfile.ZipFile(bundle) as archive:
            report = archive.read("report.html").decode()
            assert marker in report
            assert any(name.startswith("attachments/") for name in archive.namelist())
        assert_no_js_errors(context)
    finally:
        context.close()


def test_20_reply_checker_flags_a_pasted_draft_on_a_phone(browser, vault):
    context = new_context(browser, vault, width=360)
    page = context.new_page()
    try:
        unlock(page, vault)
        goto(page, vault, "/reply")
        page.fill("#draft", "You never listen!! Why do you always make this so hard?")
        submit(page, "#check-draft")
        kinds = page.locator("#coach-flags li").evaluate_all("items => items.map(i => i.dataset.kind)")
        assert {"blame", "shouting", "open_question"} <= set(kinds), kinds
        assert "You never" in page.inner_text("#coach-flags")
        assert page.input_value("#draft").startswith("You never listen"), "the draft stays in the box"
        _no_sideways_scroll(page, "/reply at 360 px")
        page.fill("#draft", "Pick-up is at 5pm on Friday. Thanks.")
        submit(page, "#check-draft")
        assert "Nothing to flag" in page.inner_text("#coach-result")
        assert_no_js_errors(context)
    finally:
        context.close()


def test_17_amendment_shows_under_the_original(browser, vault):
    context = new_context(browser, vault)
    page = context.new_page()
    try:
        unlock(page, vault)
        marker = unique("Original ")
        entry_id = create_log_entry(page, vault, marker, "2026-10-06")
        change = unique("Correction ")
        page.fill("#change", change)
        page.fill("#reason", "I remembered more")
        submit(page, "#add-amendment")
        page.wait_for_url(url_path_is(f"/log/{entry_id}"))
        assert "Added." in page.inner_text(".notice")
        assert page.inner_text("#field-description").strip() == marker, "the original must not change"
        items = page.locator("#amendments li").all_inner_texts()
        assert len(items) == 1, items
        assert "Added on" in items[0] and change in items[0] and "I remembered more" in items[0], items
        # The addition sits below the original.
        original_y = page.locator("#field-description").bounding_box()["y"]
        added_y = page.locator("#amendments").bounding_box()["y"]
        assert added_y > original_y

        goto(page, vault, "/log")
        item = page.locator("ol#timeline li", has_text=marker)
        assert "1 addition" in item.inner_text()
        assert_no_js_errors(context)
    finally:
        context.close()


def test_18_timeline_filters_without_javascript(browser, vault):
    """The filters are a plain form: they work with script turned off, and are posted, so what
    was looked for never lands in the address bar or the browser's history."""
    context = new_context(browser, vault, javascript=False)
    page = context.new_page()
    try:
        unlock(page, vault)
        tag = unique("")
        a, b, c = f"filter-A-{tag}", f"filter-B-{tag}", f"filter-C-{tag}"
        create_log_entry(page, vault, a, "2025-03-03", categories=("physical",), severity="5")
        create_log_entry(page, vault, b, "2025-03-10", categories=("financial",), severity="2")
        create_log_entry(page, vault, c, "2025-04-20", categories=("physical",), severity="2")

        def shown() -> list[str]:
            text = _timeline_text(page)
            found = [(text.find(m), m) for m in (a, b, c) if m in text]
            return [m for _, m in sorted(found)]

        goto(page, vault, "/log")
        assert shown() == [c, b, a], "newest first"
        page.click("details.filters summary")
        page.select_option("#filter-category", "physical")
        submit(page, "#apply-filter")
        assert "physical" not in page.url and "?" not in page.url, page.url
        assert shown() == [c, a]

        page.select_option("#filter-severity", "4")  # the category stays chosen
        submit(page, "#apply-filter")
        assert shown() == [a]
        assert "Showing" in page.inner_text("#filter-count")

        page.click("a#clear-filter")
        page.wait_for_url(url_path_is("/log"))
        page.click("details.filters summary")
        page.fill("#filter-from", "2025-03-05")
        page.fill("#filter-to", "2025-03-31")
        submit(page, "#apply-filter")
        assert shown() == [b]
        assert page.input_value("#filter-from") == "2025-03-05"
        assert_no_blocked(context)
    finally:
        context.close()


def test_19_remove_entry_keeps_a_visible_record(browser, vault):
    context = new_context(browser, vault)
    page = context.new_page()
    try:
        unlock(page, vault)
        marker = unique("To be removed ")
        entry_id = create_log_entry(page, vault, marker, "2026-10-07")
        page.click("a#remove-entry")
        page.wait_for_url(url_path_is(f"/log/{entry_id}/remove"))
        assert "keeps a note" in page.inner_text("main")
        page.fill("#removal-reason", "Written twice")
        submit(page, "#confirm-remove")
        page.wait_for_url(url_path_is("/log"))
        assert marker not in page.content()
        assert "Removed on" in page.inner_text("#removed")
        assert "check out" in page.inner_text("#chain-status")
        short = page.inner_text("#chain-head-short").replace(" ", "")
        assert re.fullmatch(r"[0-9a-f]{16}", short), short
        assert page.text_content("#chain-head-full").startswith(short)
        goto(page, vault, f"/log/{entry_id}")
        assert page.inner_text("h1").strip() == "Removed entry"
        assert marker not in page.content()
        assert "Written twice" in page.inner_text("main")
        assert_no_js_errors(context)
    finally:
        context.close()


# --------------------------------------------------------------------------- recover, delete everything (last)


def test_99_recover_then_delete_everything(browser, servers):
    server = servers("delete")
    context = new_context(browser, server)
    page = context.new_page()
    new_passphrase = "lantern pebble violet ocean"
    try:
        key = create_vault(page, server)
        submit(page, "button#lock")
        page.wait_for_url(url_path_is("/unlock"))

        page.click("a#use-recovery-key")
        page.wait_for_url(url_path_is("/recover"))
        dashed = "-".join(key[i:i + 6] for i in range(0, 54, 6)).lower()  # dashes and case don't matter
        page.fill("#recovery-key", dashed)
        page.fill("#new-passphrase", new_passphrase)
        page.fill("#new-passphrase-confirm", new_passphrase)
        submit(page, "#recover")
        page.wait_for_url(url_path_is("/today"), timeout=30_000)

        goto(page, server, "/settings")
        page.click("a#delete-everything-link")
        page.wait_for_url(url_path_is("/settings/delete"))
        page.fill("#confirm-word", "remove")
        page.fill("#delete-passphrase", new_passphrase)
        submit(page, "#delete-everything")
        page.locator(".error").first.wait_for()
        assert (server.data_dir / "vault.sqlite").exists(), "a wrong confirmation word must delete nothing"

        page.fill("#confirm-word", "delete")
        page.fill("#delete-passphrase", "wrong passphrase here")
        submit(page, "#delete-everything")
        page.locator(".error").first.wait_for()
        assert (server.data_dir / "vault.sqlite").exists(), "a wrong passphrase must delete nothing"

        page.fill("#confirm-word", "delete")
        page.fill("#delete-passphrase", new_passphrase)
        submit(page, "#delete-everything")
        page.wait_for_url(url_path_is("/welcome"))
        assert "Everything was deleted from this computer" in page.inner_text("main")
        assert page.locator("form#setup-form").count() == 1
        leftovers = sorted(p.name for p in server.data_dir.iterdir()) if server.data_dir.exists() else []
        assert "vault.sqlite" not in leftovers, f"data folder after delete everything: {leftovers}"
        assert not (set(leftovers) & VAULT_FILES), f"vault files left after delete everything: {leftovers}"

        goto(page, server, "/today")
        assert path_of(page.url) in ("/welcome", "/unlock") and page.locator("form#setup-form, form#unlock-form").count()
        goto(page, server, "/")
        assert path_of(page.url) == "/welcome"
        assert_no_blocked(context)
        assert_no_js_errors(context)
    finally:
        context.close()
        server.stop()

"""Never lose a word: writing survives the idle lock, with and without JavaScript, and is never
kept in clear (issue: "Never lose a word, never give one away")."""

from __future__ import annotations

import time
import uuid

from .support import PASSPHRASE, create_vault, goto, new_context, path_of, submit, url_path_is
from .test_browser import assert_no_js_errors, html_excerpt


def files_hold(server, needle: str) -> list[str]:
    """Names of files in the server's data folder whose bytes hold `needle` in clear."""
    found = []
    for path in server.data_dir.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if any(form in data for form in (needle.encode("utf-8"), needle.encode("utf-16-le"))):
                found.append(path.name)
    return found


def unlock_to(page, server, expected: str) -> None:
    page.fill("#passphrase", PASSPHRASE)
    submit(page, "#unlock")
    page.wait_for_url(url_path_is(expected))


def test_typing_keeps_the_session_open_and_a_draft_survives_the_lock(browser, servers):
    server = servers("drafts-js", max_idle_seconds=10)
    context = new_context(browser, server)
    page = context.new_page()
    canary = "CANARY" + uuid.uuid4().hex[:12]
    try:
        create_vault(page, server)
        goto(page, server, "/journal/new")
        page.click("#facts")
        # Typing for longer than the idle limit keeps the session open.
        started = time.monotonic()
        words = f"He took the keys again {canary} "
        index = 0
        while time.monotonic() - started < 14:
            page.keyboard.type(words[index % len(words)])
            index += 1
            time.sleep(0.5)
        assert path_of(page.url) == "/journal/new", "typing counts as being there"
        # Then the person stops. The warning shows without taking focus from the text box.
        page.locator("#idle-warning").wait_for(state="visible", timeout=15_000)
        assert page.evaluate("document.activeElement && document.activeElement.id") == "facts"
        assert "lock" in page.inner_text("#idle-announce").lower(), "the warning is announced"
        page.keyboard.type("!")  # still reaches the text box
        assert page.input_value("#facts").endswith("!")
        typed = page.input_value("#facts")
        visited: list[str] = []
        page.on("framenavigated", lambda frame: visited.append(path_of(frame.url)) if frame == page.main_frame else None)
        stopped = time.monotonic()
        page.wait_for_url(url_path_is("/unlock"), timeout=30_000)
        assert time.monotonic() - stopped < 22, "the lock came on time: keeping the draft did not hold it off"
        time.sleep(1)
        assert "/today" not in visited, f"after the lock the page must stay locked, not open Today: {visited}"
        unlock_to(page, server, "/drafts")
        draft = page.locator("textarea[name='facts']")
        assert draft.count() == 1, html_excerpt(page, "main")
        assert draft.input_value() == typed, "the words come back exactly"
        assert not files_hold(server, canary), "never on disk in clear"
        # Saving it sends it to the journal, and the draft is gone.
        submit(page, ".draft button[type=submit]")
        assert canary in page.content() or path_of(page.url).startswith("/journal")
        goto(page, server, "/drafts")
        assert path_of(page.url) == "/today"
        assert_no_js_errors(context)
    finally:
        context.close()
        server.stop()


def test_a_form_sent_after_the_lock_without_javascript_is_kept_and_given_back(browser, servers):
    server = servers("drafts-nojs", max_idle_seconds=6)
    setup = new_context(browser, server)
    try:
        create_vault(setup.new_page(), server)
    finally:
        setup.close()
    context = new_context(browser, server, javascript=False)
    page = context.new_page()
    canary = "CANARY" + uuid.uuid4().hex[:12]
    try:
        goto(page, server, "/unlock")
        unlock_to(page, server, "/today")
        goto(page, server, "/journal/new")
        page.fill("#facts", f"Shouting at the door. {canary}")
        page.fill("#feelings", "Scared, then numb.")
        time.sleep(9)  # past the idle limit: the server locks
        submit(page, "#save-journal")
        assert path_of(page.url) == "/unlock", page.url
        assert "kept" in page.inner_text("main").lower()
        assert not files_hold(server, canary), "kept sealed while locked"
        unlock_to(page, server, "/drafts")
        assert page.locator("textarea[name='facts']").input_value() == f"Shouting at the door. {canary}"
        assert page.locator("textarea[name='feelings']").input_value() == "Scared, then numb."
        submit(page, ".draft button[type=submit]")
        goto(page, server, "/journal")
        assert "Shouting at the door" in page.inner_text("main")
        assert not files_hold(server, canary)
    finally:
        context.close()
        server.stop()

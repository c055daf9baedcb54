"""Fixtures for the browser tests of `untether serve`.

- `servers`: starts `untether serve` processes (fresh data folder each, output captured to
  files) and stops every one still running at the end of the session.
- `main_server` + `first_run`: the shared server; `first_run` walks the first-run pages once
  (welcome, its errors, the recovery key, Continue) and records what it saw for test 1.
- `vault`: the shared server with its vault created; tests unlock it in their own contexts.
- `page_audits`: every page visited once, audited at 360 and 1280 px (overflow, screenshot,
  axe-core, inline code, console errors); tests 8, 9, 13 and 14 assert on the records. The log
  pages are audited with content in them: a full entry with an amendment, a kind moment, a
  removed entry, refused forms, and a filtered timeline.

- `exit_site` + `browser`: Chromium is launched with --host-resolver-rules that send
  www.bbc.com to a local HTTPS stand-in and make every other host name unresolvable, because
  Playwright routes do not see redirect hops (the /exit 303). Contexts also route the exit
  site and abort anything else off the server (see support.new_context).

The binary is copied to a temporary folder first, so a rebuild of .build/debug/untether
during the run cannot swap it out from under a running server.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .support import (
    CHROMIUM,
    PASSPHRASE,
    FakeExitSite,
    WRONG_PASSPHRASE,
    PageAudit,
    Server,
    audit_page,
    create_log_entry,
    create_note,
    goto,
    new_context,
    path_of,
    recovery_key_groups,
    recovery_key_text,
    submit,
    unique,
    unlock,
    url_path_is,
)

# Every page the audit visits, in order. Tests 8, 9, 13 and 14 are parametrized over these.
AUDITED_PAGES = [
    "welcome",
    "welcome-error",
    "recovery-key",
    "unlock",
    "unlock-error",
    "recover",
    "not-found",
    "today",
    "notes",
    "note-new",
    "note",
    "note-edit",
    "note-delete",
    "log-new",
    "log-new-error",
    "log-full",
    "log-full-error",
    "log-kind",
    "log-entry",
    "log-kind-entry",
    "log-remove",
    "log-removed-entry",
    "log",
    "log-filtered",
    "learn-step-1",
    "log-export",
    "patterns",
    "patterns-summary",
    "self-check",
    "flags",
    "swaps",
    "values",
    "talk",
    "wins",
    "kinder",
    "reading",
    "ahead",
    "boundaries",
    "goals",
    "toolkit",
    "plan-days",
    "reply",
    "reply-checked",
    "contact",
    "contact-error",
    "plan",
    "rules",
    "answers",
    "learn-step-2",
    "pause",
    "pause-setup",
    "checkin",
    "trends",
    "urges",
    "tools",
    "tool-box-breathing",
    "tool-five-senses",
    "learn-step-3",
    "journal-new",
    "journal-entry",
    "journal",
    "journal-memory",
    "decisions",
    "decision",
    "timeline",
    "search",
    "search-results",
    "learn-step-4",
    "settings",
    "access-log",
    "delete-everything",
]


@pytest.fixture(scope="session")
def serve_binary(untether_bin: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the binary under test, checked to have the `serve` command."""
    copy = tmp_path_factory.mktemp("bin") / "untether"
    shutil.copy2(untether_bin, copy)
    probe = subprocess.run([str(copy), "serve", "--help"], capture_output=True, timeout=60, stdin=subprocess.DEVNULL)
    if probe.returncode != 0:
        pytest.fail(f"`untether serve --help` exited {probe.returncode}; the binary has no `serve` command yet.\n"
                    f"{probe.stderr.decode(errors='replace')[-2000:]}", pytrace=False)
    return copy


@pytest.fixture(scope="session")
def servers(serve_binary: Path, tmp_path_factory: pytest.TempPathFactory):
    """Factory: servers("name", max_idle_seconds=None) -> a started Server."""
    started: list[Server] = []

    def start(name: str, max_idle_seconds: int | None = None) -> Server:
        server = Server(serve_binary, tmp_path_factory.mktemp(f"serve-{name}"), name, max_idle_seconds)
        started.append(server)
        return server.start()

    yield start
    for server in started:
        server.stop()


@pytest.fixture(scope="session")
def exit_site(tmp_path_factory: pytest.TempPathFactory) -> FakeExitSite:
    site = FakeExitSite(tmp_path_factory.mktemp("exit-site"))
    yield site
    site.close()


@pytest.fixture(scope="session")
def browser(exit_site: FakeExitSite):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", f"--host-resolver-rules={exit_site.resolver_rules()}"],
        )
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def main_server(servers) -> Server:
    return servers("main")


# --------------------------------------------------------------------------- first run


@dataclass
class FirstRun:
    """What the first-run pages did, for test 1 to assert on."""

    root_path: str = ""                  # where "/" led with no vault
    welcome_text: str = ""
    welcome_input_types: dict = field(default_factory=dict)
    mismatch: dict = field(default_factory=dict)
    short: dict = field(default_factory=dict)
    key_groups: list[str] = field(default_factory=list)
    key: str = ""
    saved_key_required: bool = False
    continue_without_check_path: str = ""
    after_continue_path: str = ""
    today_h1: str = ""
    root_when_unlocked: str = ""
    audits: dict[str, PageAudit] = field(default_factory=dict)
    problem: str | None = None


def _error_state(page, response) -> dict:
    error = page.locator(".error")
    return {
        "path": path_of(page.url),
        "status": response.status if response else None,
        "error_count": error.count(),
        "error_text": error.first.inner_text() if error.count() else "",
        "error_role": error.first.get_attribute("role") if error.count() else None,
        "form_present": page.locator("form#setup-form").count() == 1,
    }


@pytest.fixture(scope="session")
def first_run(browser, main_server: Server) -> FirstRun:
    result = FirstRun()
    context = new_context(browser, main_server)
    page = context.new_page()
    console = context.console
    server = main_server
    try:
        mark = console.mark()
        response = goto(page, server, "/")
        result.root_path = path_of(page.url)
        result.welcome_text = page.inner_text("body")
        result.welcome_input_types = page.evaluate(
            "() => Object.fromEntries(['passphrase', 'passphrase-confirm'].map("
            "id => [id, document.getElementById(id) && document.getElementById(id).type]))"
        )
        result.audits["welcome"] = audit_page(page, "welcome", console, mark, response.status if response else None)

        # Mismatched passphrases.
        mark = console.mark()
        page.fill("#passphrase", PASSPHRASE)
        page.fill("#passphrase-confirm", PASSPHRASE + " typo")
        response = submit(page, "#create")
        result.mismatch = _error_state(page, response)
        result.audits["welcome-error"] = audit_page(page, "welcome-error", console, mark, result.mismatch["status"])

        # Too short: the browser may refuse it first (minlength); the server must refuse it too.
        page.fill("#passphrase", "short")
        page.fill("#passphrase-confirm", "short")
        client_valid = page.evaluate("() => document.getElementById('passphrase').checkValidity()")
        result.short["blocked_by_browser"] = not client_valid
        with page.expect_navigation() as navigation:
            if client_valid:
                page.click("#create")
            else:
                page.evaluate("() => document.getElementById('setup-form').submit()")  # skips browser validation
        result.short.update(_error_state(page, navigation.value))

        # Create.
        mark = console.mark()
        page.fill("#passphrase", PASSPHRASE)
        page.fill("#passphrase-confirm", PASSPHRASE)
        response = submit(page, "#create")
        page.wait_for_selector("#recovery-key")
        result.key_groups = recovery_key_groups(page)
        result.key = recovery_key_text(page)
        result.saved_key_required = page.locator("input#saved-key[required]").count() == 1
        result.audits["recovery-key"] = audit_page(
            page, "recovery-key", console, mark, response.status if response else None
        )

        # Continue must need the checkbox.
        page.click("#continue")
        page.wait_for_timeout(500)
        result.continue_without_check_path = path_of(page.url) if page.locator("#recovery-key").count() else "(left the page)"
        if page.locator("#recovery-key").count():
            page.check("#saved-key")
            submit(page, "#continue")
        page.wait_for_url(url_path_is("/today"))
        result.after_continue_path = path_of(page.url)
        result.today_h1 = page.inner_text("h1")
        goto(page, server, "/")
        result.root_when_unlocked = path_of(page.url)
    except Exception as error:
        result.problem = f"{type(error).__name__}: {error}\n(at {page.url})"
    finally:
        context.close()
    return result


@pytest.fixture(scope="session")
def vault(first_run: FirstRun, main_server: Server) -> Server:
    """The shared server, with its vault created (passphrase: support.PASSPHRASE)."""
    if first_run.problem or not first_run.key:
        pytest.fail(f"first run on the shared server did not complete: {first_run.problem}\n"
                    f"{main_server.describe_output()}", pytrace=False)
    return main_server


# --------------------------------------------------------------------------- page audits


@pytest.fixture(scope="session")
def page_audits(browser, main_server: Server, first_run: FirstRun) -> dict[str, PageAudit]:
    """Audits of every page. Pages reached before a failure keep their own results, so the
    layout, axe and console tests still report on them."""
    audits: dict[str, PageAudit] = dict(first_run.audits)
    server = main_server
    if first_run.problem or not first_run.key:
        problem = f"not audited: the first run did not complete ({first_run.problem})"
        for name in AUDITED_PAGES:
            audits.setdefault(name, PageAudit(name=name, problem=problem))
        return audits
    context = new_context(browser, server)
    page = context.new_page()
    console = context.console

    def visit(name: str, path: str) -> None:
        mark = console.mark()
        response = goto(page, server, path)
        audits[name] = audit_page(page, name, console, mark, response.status if response else None)

    try:
        visit("unlock", "/unlock")

        mark = console.mark()
        page.fill("#passphrase", WRONG_PASSPHRASE)
        response = submit(page, "#unlock")
        audits["unlock-error"] = audit_page(page, "unlock-error", console, mark, response.status if response else None)

        visit("recover", "/recover")
        visit("not-found", "/no-such-page-" + unique(""))

        unlock(page, server)
        visit("today", "/today")
        note_id = create_note(page, server, "Shopping list", "Milk\nBread\nTea")
        visit("notes", "/notes")
        visit("note-new", "/notes/new")
        visit("note", f"/notes/{note_id}")
        visit("note-edit", f"/notes/{note_id}/edit")
        visit("note-delete", f"/notes/{note_id}/delete")

        visit("log-new", "/log/new")
        mark = console.mark()
        page.fill("#occurred-on", "2099-01-01")  # in the future: the server refuses it
        page.fill("#description", "Refused, and still here")
        response = submit(page, "#save-entry")
        audits["log-new-error"] = audit_page(page, "log-new-error", console, mark, response.status if response else None)

        visit("log-full", "/log/new/full")
        mark = console.mark()
        page.fill("#occurred-on", "2099-01-01")
        page.fill("#description", "Refused, with choices kept")
        page.check("#category-physical")
        page.check("#severity-3")
        response = submit(page, "#save-entry")
        audits["log-full-error"] = audit_page(page, "log-full-error", console, mark, response.status if response else None)

        entry_id = create_log_entry(page, server, "Shouted in the kitchen, then slammed the door. " * 3, "2026-11-20",
                                    categories=("emotional_verbal", "threats", "property"), severity="3", time_of_day="21:40")
        page.fill("#change", "It was nearer 22:00.")
        page.fill("#reason", "I checked my messages")
        submit(page, "#add-amendment")
        visit("log-entry", f"/log/{entry_id}")

        visit("log-kind", "/log/kind")
        page.check("#kind-apology")
        page.fill("#occurred-on", "2026-11-21")
        page.fill("#description", "Said sorry and brought flowers.")
        submit(page, "#save-entry")
        mark = console.mark()
        audits["log-kind-entry"] = audit_page(page, "log-kind-entry", console, mark, 200)

        removed_id = create_log_entry(page, server, "Written twice by mistake", "2026-11-19")
        visit("log-remove", f"/log/{removed_id}/remove")
        page.fill("#removal-reason", "Written twice")
        submit(page, "#confirm-remove")
        visit("log-removed-entry", f"/log/{removed_id}")

        visit("log", "/log")
        visit("log-filtered", "/log?category=threats&severity=2&from=2026-01-01&to=2026-12-31")
        visit("learn-step-1", "/learn/step-1")
        visit("log-export", "/log/export")
        visit("patterns", "/patterns")
        visit("patterns-summary", "/patterns/summary")
        visit("self-check", "/questions")
        visit("flags", "/observations")
        visit("swaps", "/swaps")
        visit("values", "/values")
        visit("talk", "/talk")
        visit("wins", "/wins")
        visit("kinder", "/kinder")
        visit("reading", "/read/grief")
        visit("ahead", "/ahead")
        visit("boundaries", "/boundaries")
        visit("goals", "/goals")
        visit("toolkit", "/toolkit")
        visit("plan-days", "/steps")
        visit("reply", "/reply")
        mark = console.mark()
        page.fill("#draft", "Why do you ALWAYS do this?? I'm sorry, I just wanted to explain")
        response = submit(page, "#check-draft")
        audits["reply-checked"] = audit_page(page, "reply-checked", console, mark, response.status if response else None)
        visit("contact", "/days")
        mark = console.mark()
        page.check("#who-me")
        page.fill("#about", "Refused: no answer to whether it had to happen")
        page.evaluate("() => document.getElementById('contact-form').noValidate = true")
        response = submit(page, "#save-contact")
        audits["contact-error"] = audit_page(page, "contact-error", console, mark, response.status if response else None)
        visit("plan", "/plan")
        visit("rules", "/rules")
        visit("answers", "/answers")
        visit("learn-step-2", "/learn/step-2")
        visit("pause", "/pause")
        visit("pause-setup", "/pause/setup")
        visit("checkin", "/checkin")
        page.check("#s-longing-3")
        page.check("#s-sleep-2")
        submit(page, "#save-checkin")
        visit("trends", "/trends")
        visit("urges", "/pause/log")
        visit("tools", "/tools")
        visit("tool-box-breathing", "/tools/box-breathing")
        visit("tool-five-senses", "/tools/five-senses")
        visit("learn-step-3", "/learn/step-3")
        visit("journal-new", "/journal/new?date=2026-11-20")
        page.fill("#facts", "They said the argument never happened.")
        page.fill("#truths", "I remember it. I wrote it down the same night.")
        page.fill("#tags", "kitchen")
        mark = console.mark()
        response = submit(page, "#save-journal")
        audits["journal-entry"] = audit_page(page, "journal-entry", console, mark, response.status if response else None)
        visit("journal", "/journal")
        visit("journal-memory", "/journal/memory?date=2026-11-20")
        visit("decisions", "/decisions")
        page.fill("#decision", "Say no to the party")
        page.fill("#gut", "I'm too tired")
        submit(page, "#save-decision")
        decision_link = page.locator("#decision-list a").first.get_attribute("href")
        visit("decision", decision_link)
        page.goto(server.url("/timeline"))
        page.select_option("#milestone-kind", "met")
        page.fill("#milestone-date", "2019-03-10")
        submit(page, "#save-milestone")
        page.select_option("#milestone-kind", "no_contact")
        page.fill("#milestone-date", "2026-11-01")
        submit(page, "#save-milestone")
        visit("timeline", "/timeline")
        visit("search", "/search")
        page.fill("#search-q", "argument")
        mark = console.mark()
        response = submit(page, "#search-go")
        audits["search-results"] = audit_page(page, "search-results", console, mark, response.status if response else None)
        visit("learn-step-4", "/learn/step-4")
        visit("settings", "/settings")
        visit("access-log", "/settings/access-log")
        visit("delete-everything", "/settings/delete")
    except Exception as error:
        problem = f"audit stopped at {page.url}: {type(error).__name__}: {error}"
        for name in AUDITED_PAGES:
            audits.setdefault(name, PageAudit(name=name, problem=problem))
    finally:
        context.close()
    return audits

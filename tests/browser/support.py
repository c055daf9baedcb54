"""Helpers for the browser tests: running `untether serve`, browser contexts that cannot reach
the internet, the app's common flows, and the per-page audit (layout, screenshots, axe,
inline code, console errors)."""

from __future__ import annotations

import http.server
import os
import re
import signal
import ssl
import subprocess
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent.parent
SCREENSHOTS = REPO / "screenshots"

CHROMIUM = "/usr/bin/chromium"
WIDTHS = (360, 1280)
VIEWPORT_HEIGHTS = {360: 740, 1280: 800}

PASSPHRASE = "kettle orbit maple sky"
WRONG_PASSPHRASE = "kettle orbit maple skies"

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
KEY_GROUP_RE = re.compile(rf"^[{CROCKFORD}]{{6}}$")
KEY_RE = re.compile(rf"^[{CROCKFORD}]{{54}}$")

URL_RE = re.compile(r"http://127\.0\.0\.1:\d+")
UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
NOTE_URL_RE = re.compile(rf"/notes/({UUID})(\?[^#]*)?$")
LOG_URL_RE = re.compile(rf"^/log/({UUID})$")

EXIT_SITE = "https://www.bbc.com/weather"
EXIT_PAGE = "<title>Weather</title><h1>Weather</h1>"

SERVER_START_TIMEOUT = 60
VAULT_FILES = {"vault.sqlite", "vault.sqlite-wal", "vault.sqlite-shm"}


def unique(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:16]}"


def path_of(url: str) -> str:
    return urlsplit(url).path


def url_path_is(path: str):
    """A predicate for page.wait_for_url: the URL's path (query ignored) is exactly `path`."""
    return lambda url: urlsplit(url).path == path


# --------------------------------------------------------------------------- server


class Server:
    """One `untether serve` process with its own data folder and captured output."""

    def __init__(self, binary: Path, root: Path, name: str, max_idle_seconds: int | None = None):
        self.binary = binary
        self.root = root
        self.name = name
        self.max_idle_seconds = max_idle_seconds
        self.data_dir = root / "data"
        self.stdout_path = root / "stdout.log"
        self.stderr_path = root / "stderr.log"
        self.process: subprocess.Popen | None = None
        self.base = ""
        self.returncode: int | None = None

    def start(self) -> "Server":
        self.root.mkdir(parents=True, exist_ok=True)
        argv = [
            str(self.binary), "serve", "--host", "127.0.0.1", "--port", "0", "--data-dir", str(self.data_dir),
        ]
        if self.max_idle_seconds is not None:
            argv += ["--max-idle-seconds", str(self.max_idle_seconds)]
        env = dict(os.environ)
        env["HOME"] = str(self.root / "home")
        env["XDG_DATA_HOME"] = str(self.root / "home" / "xdg-data")
        env.setdefault("LC_ALL", "C.UTF-8")
        with open(self.stdout_path, "wb") as out, open(self.stderr_path, "wb") as err:
            self.process = subprocess.Popen(
                argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env, start_new_session=True
            )
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline:
            match = URL_RE.search(self.stdout_path.read_text(encoding="utf-8", errors="replace"))
            if match:
                self.base = match.group(0)
                return self
            if self.process.poll() is not None:
                raise RuntimeError(f"`untether serve` ({self.name}) exited with {self.process.returncode} before listening.\n"
                                   f"{self.describe_output()}")
            time.sleep(0.1)
        self.kill()
        raise RuntimeError(f"`untether serve` ({self.name}) printed no http://127.0.0.1:PORT line within "
                           f"{SERVER_START_TIMEOUT} s.\n{self.describe_output()}")

    def url(self, path: str = "/") -> str:
        return self.base + path

    def stop(self, timeout: float = 20) -> int | None:
        """SIGTERM (to this process only), then wait. Returns the exit code (None if it had to be killed)."""
        if self.process is None:
            return self.returncode
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill()
                self.returncode = None
                self.process = None
                return None
        self.returncode = self.process.returncode
        self.process = None
        return self.returncode

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def output_bytes(self) -> bytes:
        data = b""
        for path in (self.stdout_path, self.stderr_path):
            if path.exists():
                data += path.read_bytes()
        return data

    def stderr_text(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace") if self.stderr_path.exists() else ""

    def describe_output(self, limit: int = 4000) -> str:
        out = self.stdout_path.read_text(encoding="utf-8", errors="replace") if self.stdout_path.exists() else ""
        err = self.stderr_text()
        return f"--- stdout ---\n{out[-limit:]}\n--- stderr ---\n{err[-limit:]}"


# --------------------------------------------------------------------------- the exit site, locally


class FakeExitSite:
    """A local HTTPS server that answers as www.bbc.com (self-signed certificate).

    Playwright's routes do not see the hops of a redirect (microsoft/playwright#3993, "as
    designed"), so `context.route("https://www.bbc.com/**")` alone cannot catch the exit
    site that /exit redirects to: Chromium would try to resolve www.bbc.com itself. The
    browser is therefore launched with --host-resolver-rules that send www.bbc.com:443 here
    and make every other name unresolvable, so nothing can leave the machine.
    """

    def __init__(self, root: Path):
        root.mkdir(parents=True, exist_ok=True)
        self.cert = root / "cert.pem"
        self.key = root / "key.pem"
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(self.key), "-out", str(self.cert),
             "-days", "2", "-subj", "/CN=www.bbc.com"],
            check=True, capture_output=True, timeout=60,
        )
        self.requests: list[str] = []
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                site.requests.append(self.path)
                body = EXIT_PAGE.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(self.cert), str(self.key))
        self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def resolver_rules(self) -> str:
        return f"MAP www.bbc.com:443 127.0.0.1:{self.port}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# --------------------------------------------------------------------------- browser contexts


@dataclass
class Console:
    """JavaScript errors seen in one browser context: console errors and uncaught exceptions."""

    entries: list[dict] = field(default_factory=list)

    def errors(self, since: int = 0) -> list[dict]:
        return self.entries[since:]

    def mark(self) -> int:
        return len(self.entries)


def _is_document_status_message(message, page) -> bool:
    """Chrome logs 'Failed to load resource: ... status of 404' for a page that is itself an
    error response (404 page, 401 after a wrong passphrase). That is the HTTP status of the
    document, not a JavaScript error."""
    text = message.text
    if not text.startswith("Failed to load resource: the server responded with a status of"):
        return False
    # Only the script and stylesheet are sub-resources of these pages; keep their failures.
    location = (message.location or {}).get("url", "")
    return "/static/" not in location


def attach_console(page, console: Console) -> None:
    def on_console(message):
        if message.type not in ("error", "assert"):
            return
        if _is_document_status_message(message, page):
            return
        console.entries.append({"kind": "console." + message.type, "text": message.text,
                                "location": message.location, "page": page.url})

    def on_page_error(error):
        console.entries.append({"kind": "pageerror", "text": str(error), "page": page.url})

    page.on("console", on_console)
    page.on("pageerror", on_page_error)


def new_context(browser, server: Server, *, javascript: bool = True, width: int = 1280, **kwargs):
    """A browser context that can reach only `server`; the exit site is answered locally and
    anything else is aborted (and recorded in `context.blocked`)."""
    context = browser.new_context(
        java_script_enabled=javascript,
        ignore_https_errors=True,  # the local stand-in for the exit site has a self-signed certificate
        viewport={"width": width, "height": VIEWPORT_HEIGHTS.get(width, 800)},
        accept_downloads=True,
        **kwargs,
    )
    context.set_default_timeout(15_000)
    context.set_default_navigation_timeout(30_000)
    blocked: list[str] = []
    context.blocked = blocked  # type: ignore[attr-defined]
    console = Console()
    context.console = console  # type: ignore[attr-defined]

    def off_server(url: str) -> bool:
        return not (url.startswith(server.base + "/") or url == server.base)

    def handle(route):
        url = route.request.url
        if url.startswith("https://www.bbc.com/"):
            route.fulfill(status=200, content_type="text/html", body=EXIT_PAGE)
        else:
            blocked.append(url)
            route.abort()

    context.route(off_server, handle)

    context.on("page", lambda page: attach_console(page, console))
    return context


# --------------------------------------------------------------------------- flows


def goto(page, server: Server, path: str):
    return page.goto(server.url(path), wait_until="load")


class FormRefused(AssertionError):
    pass


def submit(page, selector: str):
    """Clicks a submit button and waits for the resulting page. A 403 (the server refusing the
    form itself) is raised at once with the request's Origin / Sec-Fetch-Site headers, instead
    of a later timeout waiting for the next page."""
    with page.expect_navigation() as navigation:
        page.click(selector)
    response = navigation.value
    if response is not None:
        first = response.request
        while first.redirected_from is not None:
            first = first.redirected_from
        if first.method == "POST" and (response.status == 403 or (first.response() and first.response().status == 403)):
            headers = first.all_headers()
            raise FormRefused(
                f"POST {path_of(first.url)} (clicking {selector}) was refused with 403. "
                f"The browser sent Origin: {headers.get('origin')!r}. "
                f"Page: {page.inner_text('main')[:200]!r}"
            )
    return response


def recovery_key_groups(page) -> list[str]:
    groups = page.locator("#recovery-key > *").all_inner_texts()
    return [re.sub(r"[\s-]", "", g) for g in groups]


def recovery_key_text(page) -> str:
    return re.sub(r"[\s-]", "", page.inner_text("#recovery-key"))


def create_vault(page, server: Server, passphrase: str = PASSPHRASE) -> str:
    """First run from /welcome through the recovery key page to /today. Returns the key."""
    goto(page, server, "/welcome")
    page.fill("#passphrase", passphrase)
    page.fill("#passphrase-confirm", passphrase)
    submit(page, "#create")
    page.wait_for_selector("#recovery-key")
    key = recovery_key_text(page)
    page.check("#saved-key")
    submit(page, "#continue")
    page.wait_for_url(url_path_is("/today"))
    return key


def server_with_vault(servers, browser, name: str) -> Server:
    """A server of its own with a vault already set up (for tests whose data would disturb others)."""
    server = servers(name)
    context = new_context(browser, server)
    try:
        create_vault(context.new_page(), server)
    finally:
        context.close()
    return server


def unlock(page, server: Server, passphrase: str = PASSPHRASE) -> None:
    goto(page, server, "/unlock")
    page.fill("#passphrase", passphrase)
    submit(page, "#unlock")
    page.wait_for_url(url_path_is("/today"))


def create_note(page, server: Server, title: str, body: str) -> str:
    """Writes a note through /notes/new; returns its id (the page is left on the note)."""
    goto(page, server, "/notes/new")
    page.fill("#title", title)
    page.fill("#body", body)
    submit(page, "#save")
    page.wait_for_url(lambda url: NOTE_URL_RE.search(path_of(url)) is not None)
    return NOTE_URL_RE.search(urlsplit(page.url).path).group(1)


def is_log_entry_url(url: str) -> bool:
    return LOG_URL_RE.search(path_of(url)) is not None


def create_log_entry(page, server: Server, description: str, day: str | None = None, *,
                     categories: tuple[str, ...] = (), severity: str | None = None, time_of_day: str = "") -> str:
    """Writes an entry through the full form (the quick form when there are no categories or
    severity); returns its id (the page is left on the entry)."""
    full = bool(categories or severity)
    goto(page, server, "/log/new/full" if full else "/log/new")
    if day:
        page.fill("#occurred-on", day)
    if time_of_day:
        page.fill("#occurred-at", time_of_day)
    page.fill("#description", description)
    for category in categories:
        page.check(f"#category-{category}")
    if severity:
        page.check(f"#severity-{severity}")
    submit(page, "#save-entry")
    page.wait_for_url(is_log_entry_url)
    return LOG_URL_RE.search(path_of(page.url)).group(1)


# --------------------------------------------------------------------------- per-page audit


@dataclass
class PageAudit:
    name: str
    url: str = ""
    status: int | None = None
    title: str = ""
    quick_exit: dict | None = None
    has_main: bool = False
    overflow: dict[int, tuple[int, int]] = field(default_factory=dict)
    screenshots: dict[int, Path] = field(default_factory=dict)
    axe_violations: list[dict] = field(default_factory=list)
    inline_scripts: list[str] = field(default_factory=list)
    style_attributes: list[str] = field(default_factory=list)
    console_errors: list[dict] = field(default_factory=list)
    problem: str | None = None  # the audit itself could not be completed


_INLINE_JS = """() => ({
  scripts: Array.from(document.querySelectorAll('script')).filter(s => !s.hasAttribute('src')).map(s => s.outerHTML.slice(0, 300)),
  styles: Array.from(document.querySelectorAll('[style]')).map(e => e.outerHTML.slice(0, 300)),
  styleElements: Array.from(document.querySelectorAll('style')).map(e => e.outerHTML.slice(0, 300)),
})"""

_CHROME_JS = """() => {
  const a = document.querySelector('a#quick-exit');
  return {
    exit: a ? {text: a.textContent.trim(), href: a.getAttribute('href')} : null,
    main: !!document.querySelector('main#main'),
    title: document.title,
  };
}"""

_OVERFLOW_JS = "() => [document.documentElement.scrollWidth, window.innerWidth]"


def audit_page(page, name: str, console: Console, console_mark: int, status: int | None = None) -> PageAudit:
    """Checks the page currently loaded: at each width its horizontal overflow and a full-page
    screenshot; an axe-core run; inline scripts and style attributes; console errors since
    `console_mark`. The page is not reloaded (POST results stay as they are)."""
    from axe_playwright_python.sync_playwright import Axe

    audit = PageAudit(name=name, url=page.url, status=status)
    original = page.viewport_size
    try:
        chrome = page.evaluate(_CHROME_JS)
        audit.title = chrome["title"]
        audit.quick_exit = chrome["exit"]
        audit.has_main = chrome["main"]
        inline = page.evaluate(_INLINE_JS)
        audit.inline_scripts = inline["scripts"]
        audit.style_attributes = inline["styles"] + inline["styleElements"]
        SCREENSHOTS.mkdir(exist_ok=True)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": VIEWPORT_HEIGHTS[width]})
            page.wait_for_timeout(100)  # let layout settle after the resize
            scroll_width, inner_width = page.evaluate(_OVERFLOW_JS)
            audit.overflow[width] = (scroll_width, inner_width)
            shot = SCREENSHOTS / f"{name}-{width}.png"
            page.screenshot(path=str(shot), full_page=True)
            audit.screenshots[width] = shot
        results = Axe().run(page)
        audit.axe_violations = results.response.get("violations", [])
    except Exception as error:  # recorded, so every test about this page reports it
        audit.problem = f"{type(error).__name__}: {error}"
    finally:
        if original:
            page.set_viewport_size(original)
    audit.console_errors = console.errors(console_mark)
    return audit


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact')}): {violation.get('help')}")
        for node in violation.get("nodes", [])[:8]:
            lines.append(f"    target {node.get('target')}: {node.get('html', '')[:200]}")
            summary = node.get("failureSummary")
            if summary:
                lines.append("      " + summary.replace("\n", " | ")[:400])
    return "\n".join(lines)


def find_in_bytes(data: bytes, needle: str) -> list[str]:
    """Encodings in which `needle` occurs in `data`."""
    found = []
    for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
        if needle.encode(encoding) in data:
            found.append(encoding)
    return found


def files_containing(directory: Path, needles: list[str]) -> list[str]:
    """'<file>: <needle> (<encodings>)' for every file under `directory` holding a needle."""
    hits = []
    if not directory.exists():
        return hits
    for path in sorted(directory.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        for needle in needles:
            encodings = find_in_bytes(data, needle)
            if encodings:
                hits.append(f"{path.relative_to(directory)}: {needle!r} ({', '.join(encodings)})")
    return hits

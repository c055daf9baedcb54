#!/usr/bin/env python3
"""HTTP and report helpers for scripts/bench (standard library only).

  login BASE PASSPHRASE_FILE          unlock through the web form; prints the session cookie value
  fetch BASE PATH COOKIE [BODY_FILE]  GET (or POST the url-encoded body); prints "status bytes location"
  first-log-id BASE COOKIE            prints the id of the first entry linked from /log
  search-body BASE COOKIE QUERY       reads the search form; prints its url-encoded POST body
  search-count BASE COOKIE BODY_FILE  posts a search; prints the page's count line ("12 found…")
  wrk-lua OUT COOKIE [BODY_FILE]      writes a wrk script: the cookie, and a form POST when a body is given
  parse-wrk FILE                      prints "rps p50_us p99_us requests bytes_read non2xx3xx socket_errors"
  table RESULTS_TSV                   prints the Markdown tables

Every failure ends with exit status 1 and one line on standard error saying what went wrong.
"""
import http.client
import html.parser
import re
import sys
import time
import urllib.parse

TIMEOUT = 120


def fail(message):
    print(f"bench: {message}", file=sys.stderr)
    sys.exit(1)


def request(base, method, path, cookie=None, body=None):
    """One request, no redirects followed. Returns (status, headers, body bytes)."""
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=TIMEOUT)
    headers = {}
    if cookie:
        headers["Cookie"] = f"session={cookie}"
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        return response.status, response.msg, data
    except OSError as error:
        fail(f"{method} {path} on {base} failed: {error}")
    finally:
        conn.close()


def session_cookie(headers):
    """The value of the `session` cookie set by a response (None when none is set)."""
    for line in headers.get_all("Set-Cookie") or []:
        name, _, rest = line.partition("=")
        if name.strip() == "session":
            return rest.split(";", 1)[0].strip()
    return None


def location_path(headers):
    location = headers.get("Location")
    return urllib.parse.urlsplit(location).path if location else None


class Forms(html.parser.HTMLParser):
    """Every <form> on a page with its fields: inputs, selects (the selected option) and textareas."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self.form = None
        self.select = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = {name: (value or "") for name, value in attrs}
        if tag == "form":
            self.form = {"attrs": attrs, "fields": []}
            self.forms.append(self.form)
        elif self.form is None:
            return
        elif tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            self.form["fields"].append({"name": attrs["name"], "type": kind, "value": attrs.get("value", "")})
        elif tag == "select" and attrs.get("name"):
            self.select = {"name": attrs["name"], "type": "select", "value": None, "first": None}
            self.form["fields"].append(self.select)
        elif tag == "option" and self.select is not None:
            value = attrs.get("value", "")
            if self.select["first"] is None:
                self.select["first"] = value
            if "selected" in attrs:
                self.select["value"] = value
        elif tag == "textarea" and attrs.get("name"):
            self.textarea = {"name": attrs["name"], "type": "textarea", "value": ""}
            self.form["fields"].append(self.textarea)

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea["value"] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select" and self.select is not None:
            if self.select["value"] is None:
                self.select["value"] = self.select["first"] or ""
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def form_posting_to(page, action, having=None):
    """The first form on the page posting to `action` (with a field of a type in `having`, if given)."""
    parser = Forms()
    parser.feed(page.decode("utf-8", "replace"))
    for form in parser.forms:
        if form["attrs"].get("action") == action and form["attrs"].get("method", "get").lower() == "post":
            if having is None or any(field["type"] in having for field in form["fields"]):
                return form
    return None


def login(base, passphrase_file):
    with open(passphrase_file, encoding="utf-8") as handle:
        passphrase = handle.readline().rstrip("\r\n")
    status, headers, page = request(base, "GET", "/unlock")
    if status != 200:
        fail(f"GET /unlock answered {status} (to {headers.get('Location')}); is there a vault in the data folder?")
    cookie = session_cookie(headers)
    if not cookie:
        fail("GET /unlock set no session cookie")
    form = form_posting_to(page, "/unlock", having=("password",))
    if form is None:
        fail('the unlock page has no <form method="post" action="/unlock"> with a password field')
    passwords = [field for field in form["fields"] if field["type"] == "password"]
    if len(passwords) != 1:
        fail(f"the unlock form has {len(passwords)} password fields, expected one")
    if not any(field["name"] == "csrf" for field in form["fields"]):
        fail("the unlock form has no csrf field")
    fields = [(f["name"], passphrase if f is passwords[0] else f["value"]) for f in form["fields"]]
    status, headers, page = request(base, "POST", "/unlock", cookie, urllib.parse.urlencode(fields))
    if status == 401:
        fail("unlock refused: wrong passphrase (401)")
    if status == 429:
        fail("unlock refused: too many tries, try again later (429)")
    if status not in (302, 303):
        fail(f"POST /unlock answered {status}, expected a redirect")
    destination = location_path(headers)
    if destination == "/setup/key":
        fail("after unlocking, the vault asks to confirm its recovery key (redirect to /setup/key); "
             "a benchmark vault must not: every page would redirect there")
    if destination == "/drafts":
        fail("after unlocking, the vault offers unsaved drafts (redirect to /drafts); a benchmark vault must not have any")
    if destination != "/today":
        fail(f"after unlocking, redirected to {destination}, expected /today")
    opened = session_cookie(headers)
    if not opened:
        fail("unlocking set no new session cookie")
    if opened == cookie:
        fail("the session token did not change at unlock")
    print(opened)


def fetch(base, path, cookie, body_file=None):
    body = open(body_file, encoding="utf-8").read() if body_file else None
    status, headers, page = request(base, "POST" if body is not None else "GET", path, cookie, body)
    print(status, len(page), headers.get("Location") or "-")


def first_log_id(base, cookie):
    status, headers, page = request(base, "GET", "/log", cookie)
    if status != 200:
        fail(f"GET /log answered {status} (to {headers.get('Location')})")
    match = re.search(r'href="/log/([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})"',
                      page.decode("utf-8", "replace"))
    if not match:
        fail("/log links to no entry (/log/<uuid>); the vault's log is empty?")
    print(match.group(1))


def search_body(base, cookie, query):
    status, headers, page = request(base, "GET", "/search", cookie)
    if status != 200:
        fail(f"GET /search answered {status} (to {headers.get('Location')})")
    form = form_posting_to(page, "/search", having=("search", "text"))
    if form is None:
        fail('the search page has no <form method="post" action="/search"> with a search or text field')
    if not any(field["name"] == "csrf" for field in form["fields"]):
        fail("the search form has no csrf field")
    queries = [f for f in form["fields"] if f["type"] == "search"] or \
              [f for f in form["fields"] if f["type"] == "text"]
    if not queries:
        fail("the search form has no search or text field for the words")
    fields = [(f["name"], query if f is queries[0] else f["value"]) for f in form["fields"]]
    print(urllib.parse.urlencode(fields))


def search_count(base, cookie, body_file):
    body = open(body_file, encoding="utf-8").read()
    status, headers, page = request(base, "POST", "/search", cookie, body)
    if status != 200:
        fail(f"POST /search answered {status} (to {headers.get('Location')})")
    match = re.search(r'id="search-count"[^>]*>(.*?)</p>', page.decode("utf-8", "replace"), re.S)
    print(re.sub(r"<[^>]+>", "", match.group(1)).strip() if match else "(no count line on the page)")


def filled_form(base, cookie, path, action, values):
    """The form on `path` posting to `action`, with its own values (the token, today's date) and
    `values` over them, url-encoded. Unticked boxes are left out, as a browser does."""
    status, headers, page = request(base, "GET", path, cookie)
    if status != 200:
        fail(f"GET {path} answered {status} (to {headers.get('Location')})")
    form = form_posting_to(page, action)
    if form is None:
        fail(f"{path} has no form posting to {action}")
    fields = [(f["name"], f["value"]) for f in form["fields"]
              if f["name"] and f["name"] not in values and f["type"] not in ("checkbox", "radio", "submit")]
    return urllib.parse.urlencode(fields + list(values.items()))


def after_change(base, cookie, path, rounds="15"):
    """The first request for `path` after a write that changes what it shows, then the one after:
    median and worst of each, in milliseconds, for an urge (a kind the page reads) and for a log
    entry (the evidence log, opened again). Each write really adds a record to the vault."""
    writes = {
        "urge": ("/pause", {"before": "5", "note": "bench"}),
        "log entry": ("/log/new", {"description": "bench entry"}),
    }
    for name, (action, values) in writes.items():
        first, warm = [], []
        for _ in range(int(rounds)):
            body = filled_form(base, cookie, action, action, values)
            status, headers, _ = request(base, "POST", action, cookie, body)
            if status not in (302, 303):
                fail(f"POST {action} answered {status}, expected a redirect")
            for times in (first, warm):
                started = time.perf_counter()
                status, headers, page = request(base, "GET", path, cookie)
                times.append((time.perf_counter() - started) * 1000)
                if status != 200:
                    fail(f"GET {path} answered {status} (to {headers.get('Location')})")
        first.sort()
        warm.sort()
        print(f"{name}\t{first[len(first) // 2]:.1f}\t{first[-1]:.1f}\t{warm[len(warm) // 2]:.1f}\t{warm[-1]:.1f}\t{len(first)}")


def lua_string(text):
    return '"' + "".join(c if c.isalnum() or c in "=&%-_.~+/:; " else "\\%03d" % ord(c) for c in text) + '"'


def wrk_lua(out, cookie, body_file=None):
    lines = [f'wrk.headers["Cookie"] = {lua_string("session=" + cookie)}']
    if body_file:
        body = open(body_file, encoding="utf-8").read()
        lines += ['wrk.method = "POST"',
                  f"wrk.body = {lua_string(body)}",
                  'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"']
    with open(out, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


UNITS_TIME = {"us": 1, "ms": 1e3, "s": 1e6, "m": 60e6, "h": 3600e6}
UNITS_BYTES = {"": 1, "K": 1024, "M": 1024 ** 2, "G": 1024 ** 3, "T": 1024 ** 4}


def parse_wrk(path):
    text = open(path, encoding="utf-8", errors="replace").read()

    def time_us(label):
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s|m|h)\s*$", text, re.M)
        if not match:
            fail(f"no {label}% latency in {path} (was wrk run with --latency?)")
        return float(match.group(1)) * UNITS_TIME[match.group(2)]

    rps = re.search(r"^Requests/sec:\s+([\d.]+)", text, re.M)
    total = re.search(r"^\s*(\d+) requests in [\d.]+\w+, ([\d.]+)([KMGT]?)B read", text, re.M)
    if not rps or not total:
        fail(f"could not read wrk's output in {path}")
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    socket_errors = "-" if not errors else "connect=%s,read=%s,write=%s,timeout=%s" % errors.groups()
    bytes_read = float(total.group(2)) * UNITS_BYTES[total.group(3)]
    print(rps.group(1), round(time_us("50")), round(time_us("99")), total.group(1), round(bytes_read),
          non2xx.group(1) if non2xx else 0, socket_errors)


def show_time(us):
    us = float(us)
    if us >= 1e6:
        return f"{us / 1e6:.2f} s"
    if us >= 100e3:
        return f"{us / 1e3:.0f} ms"
    if us >= 10e3:
        return f"{us / 1e3:.1f} ms"
    return f"{us / 1e3:.2f} ms"


def show_rps(rps):
    rps = float(rps)
    return f"{rps:,.0f}" if rps >= 100 else f"{rps:.1f}"


def table(path):
    """RESULTS_TSV rows: page, rps, p50_us, p99_us, bytes (the page "bare route" is the bare route)."""
    rows = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8") if line.strip()]
    bare = next((row for row in rows if row[0] == "bare route"), None)
    if bare:
        print(f"Bare route: {show_rps(bare[1])} requests/s, p50 {show_time(bare[2])}, p99 {show_time(bare[3])}.\n")
    else:
        print("Bare route not built: no percentages.\n")
    print("| Page | requests/s | % of bare route | p50 | p99 | bytes |")
    print("|---|---:|---:|---:|---:|---:|")
    for page, rps, p50, p99, size in rows:
        if page == "bare route":
            continue
        share = "—"
        if bare and float(bare[1]) > 0:
            percent = 100 * float(rps) / float(bare[1])
            share = f"{percent:.1f}%" if percent >= 1 else f"{percent:.2f}%"
        shown = page if page == "search" else f"`{page}`"
        print(f"| {shown} | {show_rps(rps)} | {share} | {show_time(p50)} | {show_time(p99)} | {int(size):,} |")
    print()


def main(argv):
    commands = {
        "login": (login, 2, 2), "fetch": (fetch, 3, 4), "first-log-id": (first_log_id, 2, 2),
        "search-body": (search_body, 3, 3), "search-count": (search_count, 3, 3),
        "wrk-lua": (wrk_lua, 2, 3), "parse-wrk": (parse_wrk, 1, 1),
        "table": (table, 1, 1), "after-change": (after_change, 3, 4),
    }
    if len(argv) < 2 or argv[1] not in commands:
        fail("usage: bench_helper.py " + "|".join(commands) + " ARGS…")
    function, least, most = commands[argv[1]]
    arguments = argv[2:]
    if not least <= len(arguments) <= most:
        fail(f"{argv[1]}: wrong number of arguments")
    function(*arguments)


if __name__ == "__main__":
    main(sys.argv)

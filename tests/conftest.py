"""Shared fixtures and helpers for the end-to-end tests of the `untether` binary.

Every test drives the real binary as a subprocess. Each invocation derives a key with
scrypt (N = 2^17), which takes about a second in a debug build, so tests share vaults
through module- or class-scoped fixtures where that is safe.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DEFAULT_BIN = REPO / ".build" / "debug" / "untether"

PASSPHRASE = "correct horse battery staple"
PASSPHRASE_FILE_CONTENTS = PASSPHRASE + "\n"

# Seconds one `untether` invocation may take before the test fails (scrypt is ~1 s in debug).
DEFAULT_TIMEOUT = 60

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_GROUP = "[" + re.escape(CROCKFORD) + "]{6}"
RECOVERY_KEY_RE = re.compile(rf"^\s*({_GROUP}(?:-{_GROUP}){{8}})\s*$", re.MULTILINE)

# The files a vault may leave in its data folder once every process has exited.
VAULT_FILES = {"vault.sqlite", "vault.sqlite-wal", "vault.sqlite-shm"}

# Signs that a stack trace or crash report reached the terminal.
_TRACE_MARKERS = [
    "Traceback (most recent call last)",
    "Fatal error",
    "Current stack trace",
    "Stack dump",
    "Backtrace",
    "Program crashed",
    "Thread 0 crashed",
    "Segmentation fault",
    ".swift:",
]
_TRACE_RE = re.compile(r"(^\s*#?\d+\s+0x[0-9a-f]+)|(\bat /\S+:\d+)", re.MULTILINE)


# --------------------------------------------------------------------------- binary


def binary_path() -> Path:
    """The binary under test: $UNTETHER_BIN, else <repo>/.build/debug/untether."""
    configured = os.environ.get("UNTETHER_BIN")
    return Path(configured).expanduser() if configured else DEFAULT_BIN


def require_binary() -> Path:
    path = binary_path()
    if not path.is_file() or not os.access(path, os.X_OK):
        pytest.fail(
            f"untether binary not found or not executable at {path}. "
            "Build it with `swift build` in the repository, or point UNTETHER_BIN at a built binary.",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def untether_bin() -> Path:
    """Path of the `untether` binary; fails the test run (never skips) if it is missing."""
    return require_binary()


@pytest.fixture(scope="session", autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory):
    """A throwaway HOME / XDG_DATA_HOME, so a command missing --data-dir can never touch real notes."""
    home = tmp_path_factory.mktemp("home")
    _ENV_OVERRIDES["HOME"] = str(home)
    _ENV_OVERRIDES["XDG_DATA_HOME"] = str(home / "xdg-data")
    yield home
    _ENV_OVERRIDES.clear()


_ENV_OVERRIDES: dict[str, str] = {}


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(_ENV_OVERRIDES)
    env.setdefault("LC_ALL", "C.UTF-8")
    return env


# --------------------------------------------------------------------------- running


def run(
    args,
    input: str | bytes | None = None,
    check: bool | int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> subprocess.CompletedProcess:
    """Runs `untether ARGS` and returns the CompletedProcess with text stdout/stderr.

    - `input`: text (or bytes) for standard input; when None, stdin is /dev/null.
    - `check`: None accepts any exit code; True requires 0; an int requires exactly that code.
    - Always bounded by `timeout` seconds. The child runs in a new session with no
      controlling terminal, so a passphrase prompt fails at once instead of hanging.
    """
    binary = require_binary()
    argv = [str(binary), *(str(a) for a in args)]
    kwargs = dict(capture_output=True, timeout=timeout, env=child_env(), start_new_session=True)
    if input is None:
        kwargs["stdin"] = subprocess.DEVNULL
    else:
        kwargs["input"] = input.encode("utf-8") if isinstance(input, str) else input
    try:
        raw = subprocess.run(argv, **kwargs)
    except subprocess.TimeoutExpired as timed_out:
        pytest.fail(f"`untether {' '.join(argv[1:])}` did not finish within {timeout} s ({timed_out})")
    result = subprocess.CompletedProcess(
        raw.args,
        raw.returncode,
        raw.stdout.decode("utf-8", errors="replace"),
        raw.stderr.decode("utf-8", errors="replace"),
    )
    if check is not None:
        expected = 0 if check is True else int(check)
        if result.returncode != expected:
            pytest.fail(describe(result, f"expected exit code {expected}"))
    return result


def describe(result: subprocess.CompletedProcess, headline: str) -> str:
    command = " ".join(str(a) for a in result.args[1:])
    return (
        f"{headline}\n  command: untether {command}\n  exit code: {result.returncode}\n"
        f"  stdout: {result.stdout!r}\n  stderr: {result.stderr!r}"
    )


def assert_no_stack_trace(text: str) -> None:
    for marker in _TRACE_MARKERS:
        assert marker not in text, f"stack trace / crash marker {marker!r} in output: {text!r}"
    assert not _TRACE_RE.search(text), f"stack-trace-like line in output: {text!r}"


def assert_one_line_error(
    result: subprocess.CompletedProcess,
    code: int = 1,
    contains: str | list[str] | None = None,
    stdout_empty: bool = True,
) -> str:
    """The command failed with exactly `code`, and stderr is one line `untether: ...`."""
    assert result.returncode == code, describe(result, f"expected exit code {code}")
    err = result.stderr
    assert err.endswith("\n") and err.count("\n") == 1, describe(result, "expected exactly one line on stderr")
    assert err.startswith("untether: "), describe(result, "stderr must start with 'untether: '")
    assert_no_stack_trace(err)
    assert_no_stack_trace(result.stdout)
    if stdout_empty:
        assert result.stdout == "", describe(result, "expected nothing on stdout")
    for needle in [contains] if isinstance(contains, str) else (contains or []):
        assert needle.lower() in err.lower(), describe(result, f"stderr should mention {needle!r}")
    return err.strip()


# --------------------------------------------------------------------------- vault paths


@dataclass
class VaultPaths:
    """A data folder (not created until `untether` creates it) and a passphrase file."""

    root: Path
    data_dir: Path
    passphrase_file: Path

    def opts(self, passphrase_file: Path | None = None) -> list[str]:
        return ["--data-dir", str(self.data_dir), "--passphrase-file", str(passphrase_file or self.passphrase_file)]

    @property
    def vault_file(self) -> Path:
        return self.data_dir / "vault.sqlite"

    def write_file(self, name: str, contents: str | bytes) -> Path:
        path = self.root / name
        if isinstance(contents, bytes):
            path.write_bytes(contents)
        else:
            path.write_text(contents, encoding="utf-8")
        return path


def make_vault_paths(root: Path) -> VaultPaths:
    root.mkdir(parents=True, exist_ok=True)
    passphrase_file = root / "passphrase.txt"
    passphrase_file.write_text(PASSPHRASE_FILE_CONTENTS, encoding="utf-8")
    return VaultPaths(root=root, data_dir=root / "data", passphrase_file=passphrase_file)


@pytest.fixture
def vault_paths(tmp_path: Path, untether_bin: Path) -> VaultPaths:
    """A fresh temp data dir (not yet created) and a passphrase file."""
    return make_vault_paths(tmp_path)


@pytest.fixture(scope="session")
def new_vault_paths(tmp_path_factory: pytest.TempPathFactory, untether_bin: Path):
    """Factory for VaultPaths usable from module- and class-scoped fixtures."""

    def factory(name: str = "vault") -> VaultPaths:
        return make_vault_paths(tmp_path_factory.mktemp(name))

    return factory


# --------------------------------------------------------------------------- vault helpers


def init_vault(paths: VaultPaths) -> tuple[str, subprocess.CompletedProcess]:
    """`untether init`; returns (recovery key, result)."""
    result = run(["init", *paths.opts()], check=0)
    keys = RECOVERY_KEY_RE.findall(result.stdout)
    assert len(keys) == 1, describe(result, "expected exactly one recovery key in init's output")
    return keys[0], result


def add_note(paths: VaultPaths, title: str, body: str, passphrase_file: Path | None = None) -> str:
    result = run(["note", "add", "--title", title, *paths.opts(passphrase_file)], input=body, check=0)
    match = re.fullmatch(r"Saved note ([0-9a-f-]{36})\n", result.stdout)
    assert match, describe(result, "expected 'Saved note <uuid>'")
    return match.group(1)


def list_notes(paths: VaultPaths, passphrase_file: Path | None = None) -> list[dict]:
    import json

    result = run(["note", "list", "--json", *paths.opts(passphrase_file)], check=0)
    notes = json.loads(result.stdout)
    assert isinstance(notes, list), describe(result, "note list --json must print a JSON array")
    return notes


def access_log_kinds(paths: VaultPaths, passphrase_file: Path | None = None) -> list[str]:
    import json

    result = run(["access-log", "--json", *paths.opts(passphrase_file)], check=0)
    events = json.loads(result.stdout)
    assert isinstance(events, list)
    for event in events:
        assert set(event) == {"kind", "at"}, event
    return [event["kind"] for event in events]


def vault_snapshot(data_dir: Path) -> dict:
    """Header and sealed records, read straight from SQLite (no `untether` run, no key needed).

    Used to check that a refused command changed nothing in the vault's content, where the
    file's bytes may legitimately differ (SQLite header counters change when it is opened).
    """
    path = data_dir / "vault.sqlite"
    assert path.is_file(), f"no vault file at {path}"
    connection = sqlite3.connect(str(path))
    try:
        header = connection.execute("SELECT * FROM vault_header").fetchall()
        records = connection.execute("SELECT * FROM record ORDER BY kind, id").fetchall()
    finally:
        connection.close()
    return {"header": header, "records": records}


def data_dir_entries(data_dir: Path) -> set[str]:
    return {entry.name for entry in data_dir.iterdir()} if data_dir.exists() else set()

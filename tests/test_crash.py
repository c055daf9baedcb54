"""Durability: SIGKILL `untether note import` in the middle of writes, again and again.

Each "Saved note <id>" line is a promise that the note is on disk. After every kill the
database must pass SQLite's integrity check, and every note confirmed so far (in this and
all earlier iterations) must still be there with the title and body that were sent for it.

Environment knobs: UNTETHER_CRASH_ITERATIONS (default 20), UNTETHER_CRASH_SEED (random).
"""

from __future__ import annotations

import errno
import json
import os
import random
import re
import shutil
import signal
import stat
import subprocess
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import child_env, init_vault, list_notes, require_binary

ITERATIONS = int(os.environ.get("UNTETHER_CRASH_ITERATIONS", "20"))
SEED = int(os.environ.get("UNTETHER_CRASH_SEED", str(random.randrange(1 << 32))))
KILL_DELAY = (0.3, 2.0)            # seconds after the first confirmation
FIRST_CONFIRMATION_TIMEOUT = 60.0  # unlocking runs scrypt first (~1 s in a debug build)
JOIN_TIMEOUT = 10.0
TOTAL_BUDGET = 20.0 * ITERATIONS + 60.0  # hard bound on the whole test, in seconds

SAVED_RE = re.compile(r"Saved note ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\n")


@dataclass
class Iteration:
    number: int
    sent: list[tuple[str, str]] = field(default_factory=list)  # (title, body) in the order written
    confirmed: list[str] = field(default_factory=list)  # ids, in the order printed
    unexpected_stdout: list[str] = field(default_factory=list)
    writer_error: BaseException | None = None
    delay: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)
    first_confirmation: threading.Event = field(default_factory=threading.Event)
    stop: threading.Event = field(default_factory=threading.Event)


@pytest.fixture(scope="module")
def crash_vault(new_vault_paths):
    if shutil.which("sqlite3") is None:
        pytest.fail("the sqlite3 command-line tool is needed for the integrity check (apt-get install sqlite3)", pytrace=False)
    paths = new_vault_paths("crash")
    init_vault(paths)
    return paths


def _writer(process: subprocess.Popen, state: Iteration, token: str, rng: random.Random) -> None:
    """Streams JSON lines with unique titles until stopped or the pipe breaks."""
    fd = process.stdin.fileno()
    k = 0
    try:
        while not state.stop.is_set():
            title = f"crash-{token}-{state.number}-{k}"
            size = rng.randrange(2000, 4000) if rng.random() < 0.1 else rng.randrange(0, 300)
            body = f"{title}\n" + "".join(rng.choice("abcdefghij ✓\n") for _ in range(size))
            line = (json.dumps({"title": title, "body": body}) + "\n").encode("utf-8")
            with state.lock:
                state.sent.append((title, body))
            view = memoryview(line)
            while view:
                view = view[os.write(fd, view):]
            k += 1
    except (BrokenPipeError, ConnectionResetError):
        pass  # the process was killed
    except OSError as error:
        # After the kill the harness closes the pipe; a write already under way then sees EBADF.
        if error.errno == errno.EBADF and (state.stop.is_set() or process.poll() is not None):
            return
        state.writer_error = error
    except BaseException as error:  # noqa: BLE001 - reported by the test
        state.writer_error = error


def _reader(process: subprocess.Popen, state: Iteration) -> None:
    """Records each complete 'Saved note <id>' line; a line cut off by the kill is ignored."""
    for raw in process.stdout:
        line = raw.decode("utf-8", errors="replace")
        if not line.endswith("\n"):
            break
        match = SAVED_RE.fullmatch(line)
        if match:
            with state.lock:
                state.confirmed.append(match.group(1))
            state.first_confirmation.set()
        else:
            state.unexpected_stdout.append(line)


def _kill_group(process: subprocess.Popen) -> None:
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    process.wait(timeout=JOIN_TIMEOUT)


def _run_and_kill(paths, state: Iteration, token: str, rng: random.Random, stderr_path: Path) -> str:
    """Runs one import, kills it mid-write; returns its stderr."""
    binary = require_binary()
    with open(stderr_path, "wb") as stderr_file:
        process = subprocess.Popen(
            [str(binary), "note", "import", *paths.opts()],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr_file,
            env=child_env(),
            start_new_session=True,
        )
        writer = threading.Thread(target=_writer, args=(process, state, token, random.Random(rng.random())), daemon=True)
        reader = threading.Thread(target=_reader, args=(process, state), daemon=True)
        try:
            writer.start()
            reader.start()
            if not state.first_confirmation.wait(FIRST_CONFIRMATION_TIMEOUT):
                pytest.fail(f"iteration {state.number}: no 'Saved note' within {FIRST_CONFIRMATION_TIMEOUT} s; "
                            f"stderr: {stderr_path.read_text(errors='replace')!r}")
            state.delay = rng.uniform(*KILL_DELAY)
            time.sleep(state.delay)
            assert process.poll() is None, (
                f"iteration {state.number}: import exited by itself (code {process.returncode}) "
                f"while its input was still open; stderr: {stderr_path.read_text(errors='replace')!r}"
            )
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=JOIN_TIMEOUT)
        finally:
            state.stop.set()
            _kill_group(process)
            try:
                process.stdin.close()
            except OSError:
                pass
            writer.join(JOIN_TIMEOUT)
            reader.join(JOIN_TIMEOUT)
            process.stdout.close()
        assert not writer.is_alive() and not reader.is_alive(), "writer/reader thread did not finish"
    assert process.returncode == -signal.SIGKILL, f"iteration {state.number}: exit status {process.returncode}"
    return stderr_path.read_text(errors="replace")


def test_sigkill_during_import_keeps_every_confirmed_note(crash_vault, tmp_path, capsys):
    paths = crash_vault
    rng = random.Random(SEED)
    token = uuid.uuid4().hex[:8]
    started = time.monotonic()
    expected: dict[str, tuple[str, str]] = {}  # confirmed id -> (title, body), across iterations
    sent_titles: dict[str, str] = {}  # every title ever sent -> body
    confirmed_total = 0
    saved_unconfirmed_total = 0

    for number in range(ITERATIONS):
        assert time.monotonic() - started < TOTAL_BUDGET, f"time budget of {TOTAL_BUDGET:.0f} s exceeded"
        state = Iteration(number=number)
        stderr = _run_and_kill(paths, state, token, rng, tmp_path / f"stderr-{number}.txt")

        context = f"iteration {number} (seed {SEED}, kill {state.delay:.2f} s after the first confirmation)"
        assert state.writer_error is None, f"{context}: writer failed: {state.writer_error!r}"
        assert state.unexpected_stdout == [], f"{context}: unexpected stdout {state.unexpected_stdout[:3]!r}"
        assert stderr == "", f"{context}: import reported errors: {stderr[:500]!r}"
        # No line failed, so the k-th confirmation is the k-th line sent.
        assert len(state.confirmed) <= len(state.sent)
        for note_id, (title, body) in zip(state.confirmed, state.sent):
            expected[note_id] = (title, body)
        sent_titles.update(state.sent)
        confirmed_total += len(state.confirmed)

        # The files SQLite leaves after a crash are private too.
        for suffix in ("-wal", "-shm"):
            leftover = paths.data_dir / f"vault.sqlite{suffix}"
            if leftover.exists():
                assert stat.S_IMODE(leftover.stat().st_mode) == 0o600, f"{context}: {leftover.name} is not 0600"

        check = subprocess.run(
            ["sqlite3", str(paths.vault_file), "PRAGMA integrity_check"],
            capture_output=True, text=True, timeout=120,
        )
        assert check.returncode == 0 and check.stdout.strip() == "ok", f"{context}: integrity_check: {check.stdout!r} {check.stderr!r}"

        notes = {note["id"]: note for note in list_notes(paths)}
        missing = [note_id for note_id in expected if note_id not in notes]
        assert not missing, f"{context}: {len(missing)} confirmed note(s) lost, e.g. {missing[:3]}"
        for note_id, (title, body) in expected.items():
            assert (notes[note_id]["title"], notes[note_id]["body"]) == (title, body), f"{context}: note {note_id} differs"

        ours = [note for note in notes.values() if note["title"].startswith(f"crash-{token}-")]
        titles = [note["title"] for note in ours]
        assert len(titles) == len(set(titles)), f"{context}: a line was saved twice"
        for note in ours:
            assert note["title"] in sent_titles, f"{context}: note {note['id']} has a title never sent"
            assert note["body"] == sent_titles[note["title"]], f"{context}: note {note['id']} has a wrong body"
        # A confirmation is printed as soon as a note is committed: at most the one note in flight
        # at the moment of the kill can be saved without having been confirmed.
        this_iteration = sum(title.startswith(f"crash-{token}-{number}-") for title in titles)
        unconfirmed = this_iteration - len(state.confirmed)
        assert 0 <= unconfirmed <= 1, f"{context}: {unconfirmed} notes saved but never confirmed"
        saved_unconfirmed_total += unconfirmed

    elapsed = time.monotonic() - started
    with capsys.disabled():
        print(
            f"\n[crash test] {ITERATIONS} SIGKILLs, {confirmed_total} confirmed notes (all present), "
            f"{saved_unconfirmed_total} saved-but-unconfirmed, {len(notes)} notes in vault, "
            f"seed {SEED}, {elapsed:.1f} s"
        )

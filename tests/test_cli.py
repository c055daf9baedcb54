"""Behaviour tests for the `untether` command line, run against the real binary."""

from __future__ import annotations

import json
import os
import re
import stat
import uuid
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import (
    CROCKFORD,
    PASSPHRASE,
    RECOVERY_KEY_RE,
    VAULT_FILES,
    VaultPaths,
    access_log_kinds,
    add_note,
    assert_no_stack_trace,
    assert_one_line_error,
    data_dir_entries,
    describe,
    init_vault,
    list_notes,
    run,
    vault_snapshot,
)

EVENT_KINDS = {
    "created",
    "unlocked",
    "failed_unlock",
    "unlocked_with_recovery_key",
    "passphrase_changed",
    "backup_made",
    "restored",
    "exported",
}
NOTE_FIELDS = {"id", "title", "body", "createdAt", "updatedAt"}
SAVED_RE = re.compile(r"^Saved note ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def saved_ids(stdout: str) -> list[str]:
    ids = []
    for line in stdout.splitlines():
        match = SAVED_RE.match(line)
        assert match, f"unexpected stdout line {line!r}"
        ids.append(match.group(1))
    return ids


def by_id(notes: list[dict]) -> dict[str, dict]:
    return {note["id"]: note for note in notes}


def timestamp(text: str) -> datetime:
    return datetime.fromisoformat(text)


def file_bytes(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir()) if p.is_file()}


def mistype(key: str, position: int = 0) -> str:
    """The key with the `position`-th key character replaced by another Crockford character."""
    chars = list(key)
    index = [i for i, c in enumerate(chars) if c != "-"][position]
    chars[index] = CROCKFORD[(CROCKFORD.index(chars[index]) + 1) % len(CROCKFORD)]
    return "".join(chars)


# --------------------------------------------------------------------------- shared vault


@pytest.fixture(scope="module")
def shared(new_vault_paths):
    """One vault shared by the tests that only add their own notes to it."""
    paths = new_vault_paths("shared")
    key, result = init_vault(paths)
    return SimpleNamespace(paths=paths, recovery_key=key, init_result=result)


# --------------------------------------------------------------------------- init


def test_init_prints_recovery_key(shared):
    result = shared.init_result
    assert result.returncode == 0
    assert result.stderr == ""
    key = shared.recovery_key
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{6}(-[0-9A-HJKMNP-TV-Z]{6}){8}", key)
    assert len(key) == 9 * 6 + 8
    assert shared.paths.vault_file.is_file()
    # The key is shown once and not kept: it is in no file of the data folder.
    compact = key.replace("-", "")
    for name, data in file_bytes(shared.paths.data_dir).items():
        for needle in (key, compact, compact.lower()):
            assert needle.encode() not in data, f"recovery key found in {name}"


def test_init_again_refuses_and_leaves_vault_untouched(shared):
    before = file_bytes(shared.paths.data_dir)
    result = run(["init", *shared.paths.opts()])
    assert_one_line_error(result, code=1, contains="already")
    assert not RECOVERY_KEY_RE.search(result.stdout + result.stderr)
    assert file_bytes(shared.paths.data_dir) == before


# --------------------------------------------------------------------------- notes


@pytest.fixture(scope="module")
def two_notes(shared):
    """Two notes added one after the other; the second is newer."""
    first = SimpleNamespace(title=unique("first"), body="line one\nline two\n")
    second = SimpleNamespace(title=unique("second"), body="héllo wörld 🌍\n\ttabbed, no trailing newline")
    first.id = add_note(shared.paths, first.title, first.body)
    # A padded title is saved trimmed.
    second.id = add_note(shared.paths, f"  {second.title}\t ", second.body)
    return first, second


class TestNotes:
    def test_list_json_newest_first(self, shared, two_notes):
        first, second = two_notes
        notes = list_notes(shared.paths)
        for note in notes:
            assert set(note) == NOTE_FIELDS, note
            uuid.UUID(note["id"])
            assert note["id"] == note["id"].lower()
            assert timestamp(note["updatedAt"]) >= timestamp(note["createdAt"])
        created = [timestamp(note["createdAt"]) for note in notes]
        assert created == sorted(created, reverse=True), "notes must be listed newest first"
        ids = [note["id"] for note in notes]
        assert ids.index(second.id) < ids.index(first.id)
        found = by_id(notes)
        assert (found[first.id]["title"], found[first.id]["body"]) == (first.title, first.body)
        assert (found[second.id]["title"], found[second.id]["body"]) == (second.title, second.body)

    def test_list_text_shows_titles(self, shared, two_notes):
        result = run(["note", "list", *shared.paths.opts()], check=0)
        assert result.stderr == ""
        lines = result.stdout.splitlines()
        for note in two_notes:
            matching = [line for line in lines if line.startswith(note.id)]
            assert len(matching) == 1, describe(result, f"one line for note {note.id}")
            assert matching[0].endswith(note.title)
        # Newest first in the text listing too.
        order = [line.split()[0] for line in lines]
        assert order.index(two_notes[1].id) < order.index(two_notes[0].id)
        # Bodies are not printed in the list.
        assert "line one" not in result.stdout

    def test_show_json(self, shared, two_notes):
        _, second = two_notes
        result = run(["note", "show", second.id, "--json", *shared.paths.opts()], check=0)
        note = json.loads(result.stdout)
        assert set(note) == NOTE_FIELDS
        assert (note["id"], note["title"], note["body"]) == (second.id, second.title, second.body)

    def test_edit_title_then_body(self, shared):
        title, body = unique("edit-me"), "original body\n"
        note_id = add_note(shared.paths, title, body)
        show = ["note", "show", note_id, "--json", *shared.paths.opts()]
        original = json.loads(run(show, check=0).stdout)

        new_title = unique("edited title")
        result = run(["note", "edit", note_id, "--title", new_title, *shared.paths.opts()], check=0)
        assert result.stdout == f"Saved note {note_id}\n"
        after_title = json.loads(run(show, check=0).stdout)
        assert (after_title["title"], after_title["body"]) == (new_title, body)
        assert after_title["createdAt"] == original["createdAt"]
        assert timestamp(after_title["updatedAt"]) > timestamp(original["updatedAt"])

        new_body = "a whole new body\nwith two lines ✓\n"
        result = run(["note", "edit", note_id, "--body", *shared.paths.opts()], input=new_body, check=0)
        assert result.stdout == f"Saved note {note_id}\n"
        after_body = json.loads(run(show, check=0).stdout)
        assert (after_body["id"], after_body["title"], after_body["body"]) == (note_id, new_title, new_body)
        assert after_body["createdAt"] == original["createdAt"]
        assert timestamp(after_body["updatedAt"]) >= timestamp(after_title["updatedAt"])

    def test_edit_with_nothing_to_change_is_a_usage_error(self, shared, two_notes):
        before = vault_snapshot(shared.paths.data_dir)
        result = run(["note", "edit", two_notes[0].id, *shared.paths.opts()])
        assert result.returncode == 64, describe(result, "expected ArgumentParser's validation exit code 64")
        assert "--title" in result.stderr and "--body" in result.stderr
        assert_no_stack_trace(result.stderr)
        assert result.stdout == ""
        assert vault_snapshot(shared.paths.data_dir) == before

    def test_delete(self, shared):
        note_id = add_note(shared.paths, unique("delete-me"), "bye")
        result = run(["note", "delete", note_id, *shared.paths.opts()], check=0)
        assert result.stdout == f"Deleted note {note_id}\n"
        assert note_id not in by_id(list_notes(shared.paths))
        assert_one_line_error(run(["note", "show", note_id, *shared.paths.opts()]), contains="not found")
        assert_one_line_error(run(["note", "delete", note_id, *shared.paths.opts()]), contains="not found")

    def test_malformed_id_is_refused(self, shared):
        result = run(["note", "show", "not-a-note-id", *shared.paths.opts()])
        assert_one_line_error(result, contains="not a note id")


# --------------------------------------------------------------------------- refusals


def test_wrong_passphrase_is_refused_and_logged(shared):
    wrong = shared.paths.write_file("wrong-passphrase.txt", "not the right passphrase\n")
    failed_before = access_log_kinds(shared.paths).count("failed_unlock")
    records_before = vault_snapshot(shared.paths.data_dir)

    result = run(["note", "list", *shared.paths.opts(wrong)])
    assert_one_line_error(result, code=1, contains="passphrase")
    result = run(["note", "add", "--title", unique("never saved"), *shared.paths.opts(wrong)], input="body")
    assert_one_line_error(result, code=1, contains="passphrase")

    assert vault_snapshot(shared.paths.data_dir) == records_before, "a refused add must save nothing"
    kinds = access_log_kinds(shared.paths)
    assert set(kinds) <= EVENT_KINDS, kinds
    assert kinds.count("failed_unlock") == failed_before + 2
    assert "created" in kinds and "unlocked" in kinds
    assert kinds[0] == "unlocked", "the newest event is the access-log command's own unlock"


def test_missing_vault(tmp_path, untether_bin):
    empty = tmp_path / "empty"
    empty.mkdir()
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text(PASSPHRASE + "\n")
    for data_dir in (empty, tmp_path / "does-not-exist"):
        result = run(["note", "list", "--data-dir", data_dir, "--passphrase-file", passphrase])
        assert_one_line_error(result, code=1, contains="untether init")
    assert list(empty.iterdir()) == [], "a refused command must not create files"
    assert not (tmp_path / "does-not-exist").exists()


@pytest.mark.parametrize("problem", ["missing", "directory", "empty", "not-utf8", "unreadable"])
def test_bad_passphrase_file(shared, tmp_path, problem):
    path = tmp_path / "passphrase.txt"
    if problem == "directory":
        path.mkdir()
    elif problem == "empty":
        path.write_text("")
    elif problem == "not-utf8":
        path.write_bytes(b"\xff\xfe\xfa passphrase\n")
    elif problem == "unreadable":
        if os.geteuid() == 0:
            pytest.skip("root can read a file with mode 000")
        path.write_text(PASSPHRASE + "\n")
        path.chmod(0)
    before = vault_snapshot(shared.paths.data_dir)
    result = run(["note", "list", *shared.paths.opts(path)])
    assert_one_line_error(result, code=1, contains="passphrase file")
    assert vault_snapshot(shared.paths.data_dir) == before


def test_blank_or_too_long_title_saves_nothing(shared):
    note_id = add_note(shared.paths, unique("keeps its title"), "body")
    before = vault_snapshot(shared.paths.data_dir)
    for title in ["", "   ", " \t\n "]:
        result = run(["note", "add", "--title", title, *shared.paths.opts()], input="some body")
        assert_one_line_error(result, code=1, contains="title")
    result = run(["note", "add", "--title", "x" * 201, *shared.paths.opts()], input="some body")
    assert_one_line_error(result, code=1, contains="title")
    result = run(["note", "edit", note_id, "--title", "   ", *shared.paths.opts()])
    assert_one_line_error(result, code=1, contains="title")
    assert vault_snapshot(shared.paths.data_dir) == before, "nothing may be saved"


def test_body_that_is_not_utf8_is_refused(shared):
    before = vault_snapshot(shared.paths.data_dir)
    result = run(["note", "add", "--title", unique("binary"), *shared.paths.opts()], input=b"\xff\xfe\x00bad")
    assert_one_line_error(result, code=1, contains="UTF-8")
    assert vault_snapshot(shared.paths.data_dir) == before


# --------------------------------------------------------------------------- passphrase and recovery


def test_passphrase_change(vault_paths):
    init_vault(vault_paths)
    title, body = unique("survives the change"), "still readable\n"
    note_id = add_note(vault_paths, title, body)
    before = vault_snapshot(vault_paths.data_dir)
    new = vault_paths.write_file("new-passphrase.txt", "a brand new passphrase\n")

    result = run(["passphrase", "change", *vault_paths.opts(), "--new-passphrase-file", new], check=0)
    assert result.stderr == ""

    after = vault_snapshot(vault_paths.data_dir)
    assert after["records"] == before["records"], "content is not re-encrypted by a passphrase change"
    assert after["header"] != before["header"]

    assert_one_line_error(run(["note", "list", *vault_paths.opts()]), code=1, contains="passphrase")
    notes = by_id(list_notes(vault_paths, new))
    assert (notes[note_id]["title"], notes[note_id]["body"]) == (title, body)


def test_recover_with_recovery_key(vault_paths, shared):
    key, _ = init_vault(vault_paths)
    title, body = unique("recovered"), "recovered body"
    note_id = add_note(vault_paths, title, body)
    new = vault_paths.write_file("new-passphrase.txt", "the passphrase after recovery\n")
    recover = ["recover", *vault_paths.opts(), "--new-passphrase-file", new, "--recovery-key-file"]
    before = vault_snapshot(vault_paths.data_dir)

    # One character changed, anywhere in the key (data or check characters): a typing mistake.
    for position in (0, 25, 51, 53):
        typo = vault_paths.write_file(f"typo-{position}.txt", mistype(key, position) + "\n")
        result = run([*recover, typo])
        assert_one_line_error(result, code=1, contains="typing mistake")
        assert vault_snapshot(vault_paths.data_dir) == before

    # A well-formed key of another vault is refused too.
    other = vault_paths.write_file("other-key.txt", shared.recovery_key + "\n")
    assert_one_line_error(run([*recover, other]), code=1, contains="recovery key")
    assert vault_snapshot(vault_paths.data_dir) == before

    key_file = vault_paths.write_file("recovery-key.txt", key + "\n")
    result = run([*recover, key_file], check=0)
    assert result.stderr == ""

    notes = by_id(list_notes(vault_paths, new))
    assert (notes[note_id]["title"], notes[note_id]["body"]) == (title, body)
    assert_one_line_error(run(["note", "list", *vault_paths.opts()]), code=1, contains="passphrase")
    kinds = access_log_kinds(vault_paths, new)
    assert "unlocked_with_recovery_key" in kinds
    assert kinds.count("failed_unlock") == 2  # the other vault's key, then the old passphrase


# --------------------------------------------------------------------------- backup and restore


@pytest.fixture(scope="module")
def source(new_vault_paths):
    """A vault with three notes and a backup of it."""
    paths = new_vault_paths("source")
    init_vault(paths)
    lines = [
        {"title": unique("backup one"), "body": "first\n"},
        {"title": unique("backup two"), "body": "zwei ✓"},
        {"title": unique("backup three"), "body": ""},
    ]
    stdin = "".join(json.dumps(line) + "\n" for line in lines)
    run(["note", "import", *paths.opts()], input=stdin, check=0)
    notes = list_notes(paths)
    backup_dir = paths.root / "backups"
    backup_dir.mkdir()
    backup = backup_dir / "notes.untether-backup"
    result = run(["backup", "--out", backup, *paths.opts()], check=0)
    return SimpleNamespace(paths=paths, notes=notes, backup=backup, backup_result=result)


def test_backup_file(source):
    assert source.backup_result.stderr == ""
    assert source.backup.is_file() and source.backup.stat().st_size > 0
    assert stat.S_IMODE(source.backup.stat().st_mode) == 0o600
    assert [p.name for p in source.backup.parent.iterdir()] == [source.backup.name], "no scratch files left"
    assert len(source.notes) == 3


def test_backup_refuses_to_overwrite(source, tmp_path):
    existing = tmp_path / "precious.bin"
    existing.write_bytes(b"an earlier backup")
    result = run(["backup", "--out", existing, *source.paths.opts()])
    assert_one_line_error(result, code=1, contains="already exists")
    assert existing.read_bytes() == b"an earlier backup"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["precious.bin"]


def test_restore_round_trip_into_new_dir(source, tmp_path):
    other = tmp_path / "other"
    result = run(["restore", source.backup, "--data-dir", other, "--passphrase-file", source.paths.passphrase_file], check=0)
    assert result.stderr == ""
    assert "3 note" in result.stdout
    restored = list_notes(VaultPaths(root=tmp_path, data_dir=other, passphrase_file=source.paths.passphrase_file))
    assert restored == source.notes
    assert data_dir_entries(other) <= VAULT_FILES
    assert stat.S_IMODE(other.stat().st_mode) == 0o700


def test_restore_replaces_existing_vault(source, vault_paths):
    target_pass = vault_paths.write_file("target-passphrase.txt", "the target's own passphrase\n")
    run(["init", *vault_paths.opts(target_pass)], check=0)
    replaced_id = add_note(vault_paths, unique("will be replaced"), "gone after restore", target_pass)

    result = run(["restore", source.backup, *vault_paths.opts(source.paths.passphrase_file)], check=0)
    assert result.stderr == ""
    notes = list_notes(vault_paths, source.paths.passphrase_file)
    assert notes == source.notes
    assert replaced_id not in by_id(notes)
    # From now on the notes open with the backup's passphrase, not the target's old one.
    assert_one_line_error(run(["note", "list", *vault_paths.opts(target_pass)]), code=1, contains="passphrase")
    # The replaced vault's access log is kept: both vaults' "created" events, then "restored".
    kinds = access_log_kinds(vault_paths, source.paths.passphrase_file)
    assert kinds.count("created") == 2
    assert "restored" in kinds
    assert data_dir_entries(vault_paths.data_dir) <= VAULT_FILES


def _flip_middle(data: bytes) -> bytes:
    damaged = bytearray(data)
    damaged[len(damaged) // 2] ^= 0x5A
    return bytes(damaged)


def _flip_last(data: bytes) -> bytes:
    damaged = bytearray(data)
    damaged[-1] ^= 0x01
    return bytes(damaged)


CORRUPTIONS = {
    "flipped-middle-byte": _flip_middle,
    "flipped-last-byte": _flip_last,
    "truncated-half": lambda data: data[: len(data) // 2],
    "truncated-to-header": lambda data: data[:20],
    "random-text": lambda data: b"these are my shopping notes, not a backup\n" * 50,
    "empty": lambda data: b"",
}


class TestRestoreRefusal:
    @pytest.fixture(scope="class")
    def target(self, new_vault_paths):
        """A vault with its own passphrase and notes, which failed restores must leave alone."""
        paths = new_vault_paths("target")
        paths.passphrase_file.write_text("target vault passphrase\n")
        init_vault(paths)
        add_note(paths, unique("target note"), "target body\n")
        return SimpleNamespace(paths=paths, notes=list_notes(paths))

    def _assert_untouched(self, target):
        assert list_notes(target.paths) == target.notes
        assert data_dir_entries(target.paths.data_dir) <= VAULT_FILES, data_dir_entries(target.paths.data_dir)

    @pytest.mark.parametrize("corruption", list(CORRUPTIONS))
    def test_corrupt_backup(self, source, target, tmp_path, corruption):
        damaged = tmp_path / "damaged-backup"
        damaged.write_bytes(CORRUPTIONS[corruption](source.backup.read_bytes()))
        result = run(["restore", damaged, *target.paths.opts(source.paths.passphrase_file)])
        assert_one_line_error(result, code=1)
        self._assert_untouched(target)

    def test_missing_backup_file(self, target, tmp_path, source):
        result = run(["restore", tmp_path / "no-such-backup", *target.paths.opts(source.paths.passphrase_file)])
        assert_one_line_error(result, code=1, contains="could not be read")
        self._assert_untouched(target)

    def test_wrong_passphrase(self, source, target):
        # The target's own passphrase is not the one the backup was made under.
        result = run(["restore", source.backup, *target.paths.opts()])
        assert_one_line_error(result, code=1, contains="passphrase")
        self._assert_untouched(target)


def test_failed_restore_into_new_dir_leaves_it_ready_for_init(source, vault_paths):
    damaged = vault_paths.write_file("damaged-backup", _flip_middle(source.backup.read_bytes()))
    result = run(["restore", damaged, *vault_paths.opts()])
    assert_one_line_error(result, code=1)
    # Nothing was restored, so there are no notes here: setting up a vault must still work.
    result = run(["init", *vault_paths.opts()])
    assert result.returncode == 0, describe(
        result, "after a refused restore into a new folder, `untether init` there should succeed"
    )


# --------------------------------------------------------------------------- import


def test_import(shared):
    secret = unique("SECRET-IN-BAD-LINE")
    good = [
        {"title": unique("import A"), "body": "alpha\n"},
        {"title": unique("import B")},
        {"title": unique("import C"), "body": "multi\nline ✓"},
    ]
    lines = [
        json.dumps(good[0]),                              # 1 saved
        f"this is not json {secret}",                     # 2 bad
        json.dumps(good[1]),                              # 3 saved (no body)
        json.dumps({"title": "   ", "body": secret}),     # 4 bad: blank title
        "",                                               # 5 blank: skipped
        json.dumps({"body": f"no title {secret}"}),       # 6 bad: no title
        json.dumps(good[2]),                              # 7 saved
    ]
    records_before = len(vault_snapshot(shared.paths.data_dir)["records"])
    result = run(["note", "import", *shared.paths.opts()], input="\n".join(lines) + "\n")

    assert result.returncode == 1, describe(result, "a bad line makes import exit 1")
    ids = saved_ids(result.stdout)
    assert len(ids) == 3
    err_lines = result.stderr.splitlines()
    assert result.stderr.endswith("\n")
    assert all(line.startswith("untether: ") for line in err_lines), err_lines
    assert_no_stack_trace(result.stderr)
    assert secret not in result.stderr, "note content must never be printed"
    for number in (2, 4, 6):
        assert sum(f"line {number} " in line for line in err_lines) == 1, (number, err_lines)
    for number in (1, 3, 5, 7):
        assert not any(f"line {number} " in line for line in err_lines), (number, err_lines)

    assert len(vault_snapshot(shared.paths.data_dir)["records"]) == records_before + 3
    notes = by_id(list_notes(shared.paths))
    for note_id, line in zip(ids, good):
        assert notes[note_id]["title"] == line["title"]
        assert notes[note_id]["body"] == line.get("body", "")


# --------------------------------------------------------------------------- files on disk


def test_file_modes(vault_paths):
    init_vault(vault_paths)
    add_note(vault_paths, unique("modes"), "body")
    data_dir = vault_paths.data_dir
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    entries = list(data_dir.iterdir())
    assert any(p.name == "vault.sqlite" for p in entries)
    for path in entries:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, f"{path.name} has mode {oct(path.stat().st_mode)}"


def _encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]


def test_canary_never_written_in_clear(vault_paths):
    init_vault(vault_paths)
    canaries = {route: "CANARY-" + uuid.uuid4().hex for route in
                ("add-title", "add-body", "edit-title", "edit-body", "import-title", "import-body")}

    add_note(vault_paths, canaries["add-title"], f"body with {canaries['add-body']} inside\n")
    stdin = (json.dumps({"title": canaries["import-title"], "body": canaries["import-body"]}) + "\n"
             + json.dumps({"title": "plain title", "body": "plain body"}) + "\n")
    imported = saved_ids(run(["note", "import", *vault_paths.opts()], input=stdin, check=0).stdout)
    run(["note", "edit", imported[1], "--title", canaries["edit-title"], "--body", *vault_paths.opts()],
        input=canaries["edit-body"], check=0)

    # The canaries really are stored (so the search below is not vacuous).
    listed = json.dumps(list_notes(vault_paths), ensure_ascii=False)
    for canary in canaries.values():
        assert canary in listed

    backup_dir = vault_paths.root / "backup"
    backup_dir.mkdir()
    backup = backup_dir / "vault.backup"
    run(["backup", "--out", backup, *vault_paths.opts()], check=0)

    files = [p for p in vault_paths.data_dir.rglob("*") if p.is_file()]
    files += [p for p in backup_dir.rglob("*") if p.is_file()]
    assert backup in files and vault_paths.vault_file in files
    for path in files:
        data = path.read_bytes()
        for route, canary in canaries.items():
            for needle in _encodings(canary) + _encodings(canary.removeprefix("CANARY-")):
                assert needle not in data, f"{route} canary found in clear in {path}"

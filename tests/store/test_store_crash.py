"""Crash safety: a writer killed at any moment leaves the old file or the new one, never a torn one."""

from __future__ import annotations

import errno
import multiprocessing
import os
import random
import select
import shutil
import signal
import time
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from tinydb import TinyDB

from cadence.domain.ids import Kind
from cadence.domain.models import Person, Todo
from cadence.store import Workspace, WorkspaceUnwritable, fileformat
from cadence.store import atomic as atomic_module
from cadence.store.atomic import atomic_write_bytes
from store_helpers import add_todos, file_state, todo_fields

KILLS = 300
PER_TRANSACTION = 3
MAX_DELAY = 0.040  # seconds after "ready"; a transaction here takes ~5-20 ms, so this spans whole writes
SEED = int(os.environ.get("CADENCE_CRASH_SEED", "20260302"))


def _writer(folder: str, round_number: int, report_fd: int) -> None:
    """Add PER_TRANSACTION to-dos per transaction, forever, reporting each commit on the pipe.

    Every transaction happens on a new "day", so each one also takes (and prunes) a daily backup:
    the kills land in the backup copy too.
    """
    transaction_number = 0
    first_day = datetime(2026, 1, 1, 12, 0) + timedelta(days=1000 * round_number)
    workspace = Workspace(folder, lock_timeout=10, clock=lambda: first_day + timedelta(days=transaction_number))
    os.write(report_fd, b"ready\n")
    while True:
        with workspace.transaction() as txn:
            before = len(txn.todos)
            for item in range(PER_TRANSACTION):
                txn.add(Todo, **todo_fields(f"r{round_number}-t{transaction_number}-i{item}"))
        # A line shorter than PIPE_BUF is written whole or not at all, even if we die right here.
        os.write(report_fd, f"committed {before + PER_TRANSACTION}\n".encode())
        transaction_number += 1


def _read_lines(fd: int, until_ready: bool, timeout: float = 30.0) -> list[str]:
    """Lines from the pipe: until 'ready' arrives, or everything left once the writer is dead."""
    chunks = b""
    deadline = time.monotonic() + timeout
    while True:
        if until_ready and b"ready\n" in chunks:
            return chunks.decode().splitlines()
        wait = max(0.0, deadline - time.monotonic()) if until_ready else 0.0
        readable, _, _ = select.select([fd], [], [], wait)
        if not readable:
            if until_ready:
                raise AssertionError("the writer never said it was ready")
            return chunks.decode().splitlines()
        try:
            chunk = os.read(fd, 65536)
        except BlockingIOError:
            chunk = b""
        if not chunk:
            return chunks.decode().splitlines()
        chunks += chunk


def _check_whole_transactions(workspace: Workspace, expected_counts: set[int]) -> int:
    snapshot = workspace.read()  # must parse and validate
    todos = snapshot.todos
    count = len(todos)
    assert count in expected_counts, f"{count} to-dos, expected one of {sorted(expected_counts)}"
    assert count % PER_TRANSACTION == 0
    assert [todo.id for todo in todos] == [f"T-{n}" for n in range(1, count + 1)]
    assert snapshot.meta.counters.get(Kind.TODO.value, 0) == count
    groups = Counter(todo.title.rsplit("-i", 1)[0] for todo in todos)
    assert set(groups.values()) <= {PER_TRANSACTION}, "a transaction reached the file only in part"
    return count


def _check_backup(path: Path) -> None:
    """A backup is a whole workspace file, in whole transactions."""
    data = fileformat.decode(path.read_bytes(), path)
    fileformat.validate_meta(data, path)
    assert len(fileformat.validate_records(data, path)[Kind.TODO]) % PER_TRANSACTION == 0


@pytest.mark.slow
def test_sigkill_at_random_moments_never_tears_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    Workspace.create(folder, company="Acme")
    workspace = Workspace(folder)
    with workspace.transaction() as txn:
        txn.add(Person, name="Ada")
    rng = random.Random(SEED)
    print(f"\ncrash: seed {SEED} (set CADENCE_CRASH_SEED to replay another)")
    context = multiprocessing.get_context("fork")
    count = 0
    interrupted_writes = 0  # kills that left a temp folder: the writer died between making it and os.replace
    unreported_commits = 0  # kills after os.replace but before the writer could say so
    interrupted_backups = 0  # kills during the daily backup's copy
    kills = 0
    began = time.perf_counter()
    for round_number in range(KILLS):
        read_fd, write_fd = os.pipe()
        writer = context.Process(target=_writer, args=(str(folder), round_number, write_fd), daemon=True)
        writer.start()
        os.close(write_fd)
        try:
            lines = _read_lines(read_fd, until_ready=True)
            time.sleep(rng.uniform(0.0, MAX_DELAY))  # the random moment of the crash, not a race workaround
            os.kill(writer.pid, signal.SIGKILL)
            writer.join(timeout=30)
            assert writer.exitcode == -signal.SIGKILL, f"writer ended with {writer.exitcode}, not by the kill"
            kills += 1
            os.set_blocking(read_fd, False)
            lines += _read_lines(read_fd, until_ready=False)
            reported = [int(line.split()[1]) for line in lines if line.startswith("committed")]
        finally:
            os.close(read_fd)
            if writer.is_alive():  # pragma: no cover - only if an assertion fired before the kill
                os.kill(writer.pid, signal.SIGKILL)
                writer.join()
        last_known = max([count, *reported])
        # Either nothing of the interrupted transaction, or all of it.
        count = _check_whole_transactions(workspace, {last_known, last_known + PER_TRANSACTION})
        unreported_commits += count != last_known
        temps = sorted(folder.glob(".cadence.json.*.tmp"))
        if temps:
            interrupted_writes += 1
            for temp in temps:  # a leftover is never the workspace, and never read as one
                shutil.rmtree(temp)
        backups = sorted(workspace.backups.glob("cadence-????-??-??.json"))
        assert len(backups) <= 8  # seven kept, plus at most one a kill stopped before the prune
        _check_backup(backups[-1])  # the newest is the one a kill may have hit
        interrupted_backups += bool(list(workspace.backups.glob(".*.tmp")))
        for temp in workspace.backups.glob(".*.tmp"):
            shutil.rmtree(temp)
    seconds = time.perf_counter() - began

    # The lock died with the writer: a session that will not wait gets it at once.
    with Workspace(folder, lock_timeout=0.5).transaction() as txn:
        txn.add(Todo, **todo_fields("after the crashes"))
    for backup in workspace.backups.glob("cadence-*.json"):
        _check_backup(backup)
    final = Workspace(folder).read()
    assert len(final.todos) == count + 1
    assert final.people[0].name == "Ada"
    with TinyDB(folder / "cadence.json", access_mode="r") as plain:  # still TinyDB's own layout
        assert len(plain.table("todos")) == count + 1

    print(
        f"\ncrash: {kills} SIGKILLs in {seconds:.1f}s, {count} to-dos survived in whole "
        f"transactions of {PER_TRANSACTION}; {interrupted_writes} kills landed mid-write (temp file left), "
        f"{unreported_commits} just after os.replace, {interrupted_backups} during the daily backup copy"
    )
    assert kills >= 100
    assert count > 0
    # The kills really hit the write: over 100 random moments some land between mkstemp and os.replace.
    assert interrupted_writes >= 1


def test_atomic_write_keeps_the_old_bytes_when_the_write_fails(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "cadence.json"
    old = b'{"old": true}\n' * 200
    path.write_bytes(old)
    new = b'{"new": true}\n' * 300

    real_write = os.write

    def half_write(descriptor: int, payload) -> int:
        """The temp file's write: half of what it is given lands, then the disk is 'full'."""
        real_write(descriptor, bytes(payload[: len(payload) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_module.os, "write", half_write)
    with pytest.raises(WorkspaceUnwritable, match="the disk is full"):
        atomic_write_bytes(path, new)
    monkeypatch.undo()
    assert path.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cadence.json"]  # the half-written temp is gone


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_atomic_write_keeps_the_old_bytes_when_fsync_or_replace_fails(tmp_path: Path, monkeypatch, failing) -> None:
    path = tmp_path / "cadence.json"
    old = b'{"old": true}\n'
    path.write_bytes(old)

    def boom(*args, **kwargs):
        raise OSError(errno.EIO, f"simulated {failing} failure")

    monkeypatch.setattr(atomic_module.os, failing, boom)
    with pytest.raises(WorkspaceUnwritable, match="I/O error"):
        atomic_write_bytes(path, b'{"new": true}\n')
    monkeypatch.undo()
    assert path.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cadence.json"]


def test_tinydb_json_storage_tears_the_file_on_the_same_failure(tmp_path: Path) -> None:
    """Why the store does not use TinyDB's JSONStorage: it rewrites the file in place."""
    path = tmp_path / "plain.json"
    database = TinyDB(path)
    database.table("people").insert_multiple({"name": f"person {n}"} for n in range(50))
    old = path.read_bytes()
    handle = database.storage._handle
    real_write = handle.write

    def half_write(text: str) -> int:
        real_write(text[: len(text) // 2])
        handle.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    handle.write = half_write
    with pytest.raises(OSError):
        database.table("people").update({"name": "Person Zero, renamed"}, doc_ids=[1])
    handle.write = real_write
    database.close()
    torn = path.read_bytes()
    assert torn != old  # the old content is gone, and the new one never arrived
    with pytest.raises(ValueError):
        TinyDB(path, access_mode="r").table("people").all()


def test_a_failed_replace_inside_a_transaction_changes_nothing_and_frees_the_lock(workspace: Workspace, monkeypatch) -> None:
    add_todos(workspace, 2)
    before = file_state(workspace)

    def boom(*args, **kwargs):
        raise OSError(errno.EIO, "simulated replace failure")

    monkeypatch.setattr(atomic_module.os, "replace", boom)
    with pytest.raises(WorkspaceUnwritable, match="I/O error"):
        with workspace.transaction() as txn:
            txn.add(Todo, **todo_fields("lost"))
    monkeypatch.undo()
    after = file_state(workspace)
    assert after.payload == before.payload
    assert after.inode == before.inode
    assert not list(workspace.folder.glob(".cadence.json.*.tmp"))
    with Workspace(workspace.folder, lock_timeout=0.5).transaction() as txn:
        assert txn.add(Todo, **todo_fields("kept")).id == "T-3"
    assert [t.title for t in workspace.read().todos] == ["todo 0", "todo 1", "kept"]


def test_a_killed_writers_temp_file_is_removed_by_the_next_transaction(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from cadence.domain.models import Person
    from cadence.store import Workspace

    workspace = Workspace.create(tmp_path / "ws")
    leftover = workspace.folder / ".cadence.json.abc123.tmp"
    leftover.write_text("half a file")
    with workspace.transaction() as tx:
        tx.add(Person, name="Ann")
    assert not leftover.exists()
    assert [p.name for p in workspace.read().people] == ["Ann"]


def test_save_cannot_change_a_records_id(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from cadence.domain.models import Person
    from cadence.store import InputError, Workspace

    workspace = Workspace.create(tmp_path / "ws")
    with workspace.transaction() as tx:
        ann = tx.add(Person, name="Ann")
        tx.add(Person, name="Bob")
    with pytest.raises(InputError), workspace.transaction() as tx:
        tx.save(ann, id="P-2")
    assert [p.name for p in workspace.read().people] == ["Ann", "Bob"]

"""The lock: a busy workspace is reported, not waited on forever. Daily backups: one a day, seven kept."""

from __future__ import annotations

import errno
import os
import time
from datetime import datetime, timedelta
from pathlib import Path

import filelock
import pytest

from cadence.domain.models import Person, Todo
from cadence.store import Workspace, WorkspaceBusy, WorkspaceUnwritable
from store_helpers import add_todos, age_file, file_state, todo_fields

# Lock -------------------------------------------------------------------------------------------


def test_a_held_lock_makes_the_write_fail_busy_and_write_nothing(workspace: Workspace) -> None:
    add_todos(workspace, 1)
    age_file(workspace.path)
    before = file_state(workspace)
    impatient = Workspace(workspace.folder, lock_timeout=0.2)
    body_ran = False
    with filelock.FileLock(workspace.lock_path):  # another session, mid-write
        began = time.monotonic()
        with pytest.raises(WorkspaceBusy) as caught:
            with impatient.transaction() as txn:
                body_ran = True
                txn.add(Todo, **todo_fields("must wait"))
        waited = time.monotonic() - began
        # Reading needs no lock: a session can still show the workspace while another writes.
        assert [todo.title for todo in impatient.read().todos] == ["todo 0"]
    assert not body_ran
    assert waited >= 0.2
    message = str(caught.value)
    assert str(workspace.lock_path) in message
    assert "nothing was changed" in message
    assert file_state(workspace) == before
    # Once the other session lets go, the same write goes through.
    with impatient.transaction() as txn:
        txn.add(Todo, **todo_fields("after"))
    assert [todo.title for todo in workspace.read().todos] == ["todo 0", "after"]


def test_the_lock_is_released_when_the_transaction_body_fails(workspace: Workspace) -> None:
    before = file_state(workspace)
    with pytest.raises(ZeroDivisionError):
        with workspace.transaction() as txn:
            txn.add(Person, name="Ada")
            1 / 0  # noqa: B018
    assert file_state(workspace) == before
    with filelock.FileLock(workspace.lock_path, timeout=0):  # free at once
        pass


def test_a_transaction_that_changes_nothing_does_not_write(workspace: Workspace) -> None:
    add_todos(workspace, 1)
    age_file(workspace.path)
    before = file_state(workspace)
    with workspace.transaction() as txn:
        assert len(txn.todos) == 1
    assert file_state(workspace) == before


# Daily backups ----------------------------------------------------------------------------------


def test_the_first_write_of_a_day_backs_up_the_bytes_before_it(workspace: Workspace, clock) -> None:
    clock.now = datetime(2026, 3, 2, 8, 0)
    created = workspace.path.read_bytes()
    add_todos(workspace, 1, prefix="first")
    backup = workspace.backups / "cadence-2026-03-02.json"
    assert backup.read_bytes() == created

    after_first = workspace.path.read_bytes()
    clock.now = datetime(2026, 3, 2, 17, 45)
    add_todos(workspace, 1, prefix="second")
    assert backup.read_bytes() == created  # not replaced by the second write of the day
    assert workspace.path.read_bytes() != after_first
    assert sorted(p.name for p in workspace.backups.iterdir()) == ["cadence-2026-03-02.json"]

    clock.now = datetime(2026, 3, 3, 0, 5)
    before_third = workspace.path.read_bytes()
    add_todos(workspace, 1, prefix="third")
    assert (workspace.backups / "cadence-2026-03-03.json").read_bytes() == before_third
    # A backup is a workspace of its own that opens and validates.
    old = Workspace(workspace.folder / "restore")
    old.folder.mkdir()
    old.path.write_bytes(before_third)
    assert [t.title for t in old.read().todos] == ["first 0", "second 0"]


def test_only_seven_daily_backups_are_kept(workspace: Workspace, clock) -> None:
    start = datetime(2026, 3, 1, 12, 0)
    contents = {}
    for day in range(10):
        clock.now = start + timedelta(days=day)
        contents[clock.now.date().isoformat()] = workspace.path.read_bytes()
        add_todos(workspace, 1, prefix=f"day {day}")
    names = sorted(p.name for p in workspace.backups.iterdir())
    kept_days = [(start + timedelta(days=day)).date().isoformat() for day in range(3, 10)]
    assert names == [f"cadence-{day}.json" for day in kept_days]
    for day in kept_days:
        assert (workspace.backups / f"cadence-{day}.json").read_bytes() == contents[day]


def test_no_backup_without_a_write(workspace: Workspace) -> None:
    with workspace.transaction():
        pass
    workspace.read()
    assert list(workspace.backups.iterdir()) == []


def test_a_backup_cut_short_is_not_kept_as_the_days_backup(workspace: Workspace, monkeypatch) -> None:
    """A crash (here: a full disk) half-way through the daily copy must not leave a torn backup for the day."""
    add_todos(workspace, 3)
    workspace.clock = lambda: datetime(2026, 3, 9, 10, 0)
    pre_write = workspace.path.read_bytes()
    real_write = os.write

    def half_copy(descriptor: int, payload) -> int:
        """The first write of the transaction is the backup's: half of it lands, then the disk is 'full'."""
        real_write(descriptor, bytes(payload[:100]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", half_copy)
    with pytest.raises(WorkspaceUnwritable, match="the disk is full") as caught:
        add_todos(workspace, 1, prefix="lost")
    monkeypatch.undo()
    assert str(workspace.backups / "cadence-2026-03-09.json") in str(caught.value)
    assert not (workspace.backups / "cadence-2026-03-09.json").exists()
    assert not [p for p in workspace.backups.iterdir() if p.name.endswith(".tmp")]
    assert workspace.path.read_bytes() == pre_write

    add_todos(workspace, 1, prefix="kept")
    assert (workspace.backups / "cadence-2026-03-09.json").read_bytes() == pre_write

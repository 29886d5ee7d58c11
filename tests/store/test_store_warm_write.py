"""A warm session's write starts from the snapshot it holds when nobody has written since (``apply(known=...)``).

The point is speed (no read, parse or validation of a file this process just
read or wrote), but the rules stay: a file someone else changed is read
afresh and their change kept, the day's backup is still taken, a read-only
file is still refused, and the bytes are the ones a cold write gives.
"""

from __future__ import annotations

import os

import pytest
from store_helpers import add_todos, raw, todo_fields

from cadence.domain.models import Todo
from cadence.store import Workspace, WorkspaceUnwritable, fileformat
from cadence.store.applied import Fingerprint
from cadence.store.view import Snapshot


def _known(workspace: Workspace) -> tuple[Snapshot, Fingerprint]:
    seen = workspace.read_if_changed(None)
    assert seen is not None
    return seen


def _titles(workspace: Workspace) -> list[str]:
    todos = raw(workspace)["todos"]
    return [todos[key]["title"] for key in sorted(todos, key=int)]


def test_a_write_on_an_unchanged_file_does_not_read_it_again(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    add_todos(workspace, 2)
    known = _known(workspace)

    def no_reading(*_args: object) -> None:
        raise AssertionError("the file was parsed again")

    monkeypatch.setattr(fileformat, "decode", no_reading)
    monkeypatch.setattr(fileformat, "validate_records", no_reading)
    applied = workspace.apply(lambda tx: tx.add(Todo, **todo_fields("warm")), known=known)
    second = workspace.apply(lambda tx: tx.add(Todo, **todo_fields("warmer")), known=(applied.snapshot, applied.fingerprint))  # type: ignore[arg-type]
    monkeypatch.undo()

    assert _titles(workspace) == ["todo 0", "todo 1", "warm", "warmer"]
    assert second.snapshot.todos == workspace.read().todos
    assert raw(workspace)["_meta"]["1"]["counters"]["todos"] == 4


def test_warm_and_cold_writes_leave_the_same_bytes(workspace: Workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    add_todos(workspace, 3)
    twin = Workspace(tmp_path / "twin", clock=workspace.clock)
    (tmp_path / "twin").mkdir()
    twin.path.write_bytes(workspace.path.read_bytes())
    workspace.apply(lambda tx: tx.save(tx.todo("T-2"), title="renamed"), known=_known(workspace))
    twin.apply(lambda tx: tx.save(tx.todo("T-2"), title="renamed"))
    assert workspace.path.read_bytes() == twin.path.read_bytes()


def test_another_writer_in_between_is_read_and_kept(workspace: Workspace) -> None:
    add_todos(workspace, 1)
    known = _known(workspace)
    Workspace(workspace.folder).apply(lambda tx: tx.add(Todo, **todo_fields("someone else's")))
    workspace.apply(lambda tx: tx.add(Todo, **todo_fields("mine")), known=known)
    assert _titles(workspace) == ["todo 0", "someone else's", "mine"]


def test_the_days_backup_is_taken_from_the_file_as_it_was(workspace: Workspace) -> None:
    add_todos(workspace, 1)
    for backup in workspace.backups.iterdir():
        backup.unlink()
    before = workspace.path.read_bytes()
    workspace.apply(lambda tx: tx.add(Todo, **todo_fields("warm")), known=_known(workspace))
    copies = list(workspace.backups.iterdir())
    assert len(copies) == 1 and copies[0].read_bytes() == before


def test_a_file_made_read_only_is_still_refused(workspace: Workspace) -> None:
    add_todos(workspace, 1)
    known = _known(workspace)
    os.chmod(workspace.path, 0o444)  # chmod keeps mtime, size and inode: the fingerprint still matches
    before = workspace.path.read_bytes()
    with pytest.raises(WorkspaceUnwritable, match="read-only"):
        workspace.apply(lambda tx: tx.add(Todo, **todo_fields("must not land")), known=known)
    assert workspace.path.read_bytes() == before


def test_a_session_of_warm_writes_keeps_only_its_latest_snapshot(workspace: Workspace) -> None:
    """Each snapshot once came from the one before; once whole it lets go, so an open app does not grow per edit."""
    import gc
    import weakref

    add_todos(workspace, 1)
    known = _known(workspace)
    known[0].load_all()
    first = weakref.ref(known[0])
    for number in range(5):
        applied = workspace.apply(lambda tx: tx.add(Todo, **todo_fields(f"edit {number}")), known=known)
        applied.snapshot.load_all()  # what the session does in its worker thread
        assert applied.fingerprint is not None
        known = (applied.snapshot, applied.fingerprint)
    del applied
    gc.collect()
    assert first() is None
    assert len(known[0].todos) == 6


def test_a_warm_writes_lists_stay_in_id_order(workspace: Workspace) -> None:
    """The id-ordered lists a session already has are carried into the write and kept in order by it."""
    add_todos(workspace, 3)
    snapshot, fingerprint = _known(workspace)
    assert [todo.id for todo in snapshot.todos] == ["T-1", "T-2", "T-3"]  # sorted once, on the session's side

    def change(tx) -> None:  # type: ignore[no-untyped-def]
        tx.add(Todo, **todo_fields("fourth"))
        tx.save(tx.todo("T-2"), title="renamed")
        tx.delete(tx.todo("T-1"))
        tx.add(Todo, **todo_fields("fifth"))

    applied = workspace.apply(change, known=(snapshot, fingerprint))
    assert [(todo.id, todo.title) for todo in applied.snapshot.todos] == [
        (todo.id, todo.title) for todo in workspace.read().todos
    ] == [("T-2", "renamed"), ("T-3", "todo 2"), ("T-4", "fourth"), ("T-5", "fifth")]
    assert [todo.id for todo in snapshot.todos] == ["T-1", "T-2", "T-3"]  # the session's own lists are untouched

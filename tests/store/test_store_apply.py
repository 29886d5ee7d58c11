"""``Workspace.apply`` and ``Workspace.read_if_changed``: one write hands back the workspace it left; no change is missed.

The TUI session builds on these two: it shows ``Applied.snapshot`` after its
own write (no re-read), and polls ``read_if_changed`` with the fingerprint it
holds. Both must agree with the file on disk, byte for byte.
"""

from __future__ import annotations

import pytest
from store_helpers import add_todos, file_state, raw, todo_fields

from cadence.domain.ids import Kind
from cadence.domain.models import Todo
from cadence.store import Applied, InputError, Snapshot, Workspace, WorkspaceMissing


def _titles(snapshot: Snapshot) -> list[str]:
    return [todo.title for todo in snapshot.todos]


def test_apply_returns_the_result_the_workspace_it_left_and_its_fingerprint(workspace: Workspace) -> None:
    add_todos(workspace, 2)

    applied = workspace.apply(lambda tx: tx.add(Todo, **todo_fields("third")))

    assert isinstance(applied, Applied)
    assert applied.result.id == "T-3"
    assert _titles(applied.snapshot) == ["todo 0", "todo 1", "third"]
    assert applied.fingerprint == workspace.fingerprint()
    on_disk = raw(workspace)["todos"]
    assert [on_disk[key]["title"] for key in sorted(on_disk, key=int)] == ["todo 0", "todo 1", "third"]
    assert raw(workspace)["_meta"]["1"]["counters"]["todos"] == 3
    assert applied.snapshot.meta.counters["todos"] == 3
    # The snapshot is the one a fresh read gives, record for record.
    fresh = workspace.read()
    assert applied.snapshot.todos == fresh.todos
    assert applied.snapshot.meta == fresh.meta


def test_apply_snapshot_shows_saves_and_deletes(workspace: Workspace) -> None:
    first, second, _third = add_todos(workspace, 3)

    def change(tx) -> None:  # type: ignore[no-untyped-def]
        tx.save(tx.get(Kind.TODO, first.id), title="renamed")
        tx.delete(tx.get(Kind.TODO, second.id))

    applied = workspace.apply(change)

    assert [(todo.id, todo.title) for todo in applied.snapshot.todos] == [("T-1", "renamed"), ("T-3", "todo 2")]
    assert sorted(raw(workspace)["todos"]) == ["1", "3"]
    assert raw(workspace)["todos"]["1"]["title"] == "renamed"
    assert applied.snapshot.todos == workspace.read().todos


def test_apply_that_raises_writes_nothing_and_propagates(workspace: Workspace) -> None:
    add_todos(workspace, 1)
    before = file_state(workspace)

    def change(tx) -> None:  # type: ignore[no-untyped-def]
        tx.add(Todo, **todo_fields("never stored"))
        raise InputError("refused")

    with pytest.raises(InputError, match="refused"):
        workspace.apply(change)
    assert file_state(workspace) == before


def test_apply_that_changes_nothing_leaves_the_file_and_reports_its_fingerprint(workspace: Workspace) -> None:
    add_todos(workspace, 1)
    before = file_state(workspace)

    applied = workspace.apply(lambda tx: len(tx.todos))

    assert applied.result == 1
    assert file_state(workspace) == before
    assert applied.fingerprint == workspace.fingerprint()
    assert _titles(applied.snapshot) == ["todo 0"]


def test_apply_rejects_an_invalid_record_and_writes_nothing(workspace: Workspace) -> None:
    before = file_state(workspace)
    with pytest.raises(InputError):
        workspace.apply(lambda tx: tx.add(Todo, **{**todo_fields("x"), "title": "   "}))
    assert file_state(workspace) == before


def test_read_if_changed_reads_only_when_the_file_changed(workspace: Workspace) -> None:
    first = workspace.read_if_changed(None)
    assert first is not None
    snapshot, fingerprint = first
    assert fingerprint == workspace.fingerprint()
    assert _titles(snapshot) == []

    assert workspace.read_if_changed(fingerprint) is None

    add_todos(workspace, 1)
    second = workspace.read_if_changed(fingerprint)
    assert second is not None
    assert _titles(second[0]) == ["todo 0"]
    assert second[1] == workspace.fingerprint() != fingerprint


def test_read_if_changed_after_apply_is_quiet_for_my_own_write(workspace: Workspace) -> None:
    applied = workspace.apply(lambda tx: tx.add(Todo, **todo_fields("mine")))
    assert workspace.read_if_changed(applied.fingerprint) is None


def test_a_write_landing_while_reading_is_read_again(
    workspace: Workspace, folder, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another session writes after the stat, while this one reads: the newest is returned, not a stale pairing."""
    other = Workspace(folder, clock=clock, lock_timeout=5)
    original = Workspace._read_file
    writes_left = [1]

    def read_then_someone_writes(self: Workspace, folder_fd: int):  # type: ignore[no-untyped-def]
        result = original(self, folder_fd)
        if self is workspace and writes_left[0]:
            writes_left[0] -= 1
            other.apply(lambda tx: tx.add(Todo, **todo_fields("theirs")))
        return result

    monkeypatch.setattr(Workspace, "_read_file", read_then_someone_writes)

    found = workspace.read_if_changed(None)

    assert found is not None
    snapshot, fingerprint = found
    assert _titles(snapshot) == ["theirs"]
    assert fingerprint == workspace.fingerprint()


def test_a_file_that_keeps_changing_is_never_missed(
    workspace: Workspace, folder, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even when every read is overtaken, the fingerprint returned is the bytes read: the next poll sees the rest."""
    other = Workspace(folder, clock=clock, lock_timeout=5)
    original = Workspace._read_file
    written: list[str] = []

    def read_then_someone_writes(self: Workspace, folder_fd: int):  # type: ignore[no-untyped-def]
        result = original(self, folder_fd)
        if self is workspace:
            title = f"theirs {len(written)}"
            written.append(title)
            other.apply(lambda tx: tx.add(Todo, **todo_fields(title)))
        return result

    monkeypatch.setattr(Workspace, "_read_file", read_then_someone_writes)
    found = workspace.read_if_changed(None)
    assert found is not None
    snapshot, fingerprint = found
    assert fingerprint != workspace.fingerprint()
    shown = _titles(snapshot)
    assert shown == written[: len(shown)] and len(shown) < len(written)

    monkeypatch.setattr(Workspace, "_read_file", original)
    later = workspace.read_if_changed(fingerprint)
    assert later is not None
    assert _titles(later[0]) == written
    assert later[1] == workspace.fingerprint()


def test_a_write_validates_the_file_once_and_each_touched_record_once(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One cell write on a workspace with many to-dos: each stored to-do through its model once, the edited one twice."""
    add_todos(workspace, 50)
    validated: list[object] = []
    original = Todo.model_validate.__func__  # type: ignore[attr-defined]

    def counting(cls, data, **options):  # type: ignore[no-untyped-def]
        validated.append(data)
        return original(cls, data, **options)

    monkeypatch.setattr(Todo, "model_validate", classmethod(counting))

    def rename(tx) -> None:  # type: ignore[no-untyped-def]
        todo = tx.get(Kind.TODO, "T-7")
        tx.save(todo, title="renamed")
        assert len(tx.todos) == 50

    applied = workspace.apply(rename)

    assert len(validated) == 50 + 1
    assert applied.snapshot.get(Kind.TODO, "T-7").title == "renamed"  # type: ignore[attr-defined]
    assert raw(workspace)["todos"]["7"]["title"] == "renamed"


def test_read_if_changed_with_nothing_seen_reports_a_missing_workspace(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(WorkspaceMissing, match="no workspace at"):
        Workspace(tmp_path / "nowhere").read_if_changed(None)

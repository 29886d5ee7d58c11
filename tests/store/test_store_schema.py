"""Schema versions: newer files open read-only, older files are migrated after a backup."""

from __future__ import annotations

import json
from typing import Any

import pytest

import cadence.store.migrations as migrations_module
import cadence.store.workspace as workspace_module
from cadence.domain.ids import Kind
from cadence.domain.models import SCHEMA_VERSION, Person, Todo
from cadence.store import Workspace, WorkspaceCorrupt, WorkspaceReadOnly
from store_helpers import DAY, add_todos, age_file, file_state, raw, todo_fields, write_raw


def _newer_file(workspace: Workspace) -> bytes:
    add_todos(workspace, 2)
    with workspace.transaction() as txn:
        txn.add(Person, name="Ada")
    data = raw(workspace)
    data["_meta"]["1"]["schema_version"] = 99
    data["_meta"]["1"]["a_setting_from_the_future"] = True
    data["todos"]["1"]["priority"] = "high"  # a field this cadence has never heard of
    data["gizmos"] = {"1": {"id": "G-1"}}  # and a table
    payload = write_raw(workspace, data)
    age_file(workspace.path)
    return payload


def test_a_newer_file_reads_read_only(workspace: Workspace) -> None:
    _newer_file(workspace)
    snapshot = workspace.read()
    assert snapshot.read_only is True
    assert snapshot.meta.schema_version == 99
    assert snapshot.meta.company == "Acme"
    assert [todo.title for todo in snapshot.todos] == ["todo 0", "todo 1"]
    assert [person.name for person in snapshot.people] == ["Ada"]
    assert snapshot.get(Kind.TODO, "T-1").owner_id == "P-1"


@pytest.mark.parametrize(
    "change",
    [
        lambda txn: txn.add(Todo, **todo_fields("new")),
        lambda txn: txn.save(txn.get(Kind.TODO, "T-2"), done=True),
        lambda txn: txn.delete(txn.get(Kind.PERSON, "P-1")),
        lambda txn: txn.update_meta(company="Other"),
        lambda txn: None,
    ],
    ids=["add", "save", "delete", "update_meta", "nothing"],
)
def test_a_newer_file_refuses_every_write(workspace: Workspace, change) -> None:
    payload = _newer_file(workspace)
    before = file_state(workspace)
    body_ran = False
    with pytest.raises(WorkspaceReadOnly) as caught:
        with workspace.transaction() as txn:
            body_ran = True
            change(txn)
    message = str(caught.value)
    assert str(workspace.path) in message
    assert "newer cadence" in message
    assert "read-only" in message
    assert "99" in message and str(SCHEMA_VERSION) in message
    assert not body_ran
    after = file_state(workspace)
    assert after.payload == payload
    assert after.mtime_ns == before.mtime_ns
    assert after.listing == before.listing
    assert workspace.read().read_only  # and it still reads


def test_the_current_schema_is_not_read_only(workspace: Workspace) -> None:
    assert workspace.read().read_only is False
    assert raw(workspace)["_meta"]["1"]["schema_version"] == SCHEMA_VERSION


CURRENT = SCHEMA_VERSION
NEXT = SCHEMA_VERSION + 1


def _to_next(data: dict[str, Any]) -> dict[str, Any]:
    """A pretend schema change: to-do titles gain a marker (the next schema 'means' something else by them)."""
    for document in data["todos"].values():
        document["title"] = document["title"] + " (v2)"
    return data


@pytest.fixture
def upgrade_to_schema_two(monkeypatch):
    """Call once the current file is written: from then on this 'cadence' knows one schema more and its step."""

    def upgrade() -> None:
        monkeypatch.setattr(migrations_module, "MIGRATIONS", {**migrations_module.MIGRATIONS, CURRENT: _to_next})
        monkeypatch.setattr(workspace_module, "SCHEMA_VERSION", NEXT)

    return upgrade


def test_an_older_file_is_migrated_after_a_backup(workspace: Workspace, upgrade_to_schema_two) -> None:
    add_todos(workspace, 2)
    assert raw(workspace)["_meta"]["1"]["schema_version"] == CURRENT
    old = workspace.path.read_bytes()
    age_file(workspace.path)
    state = file_state(workspace)
    upgrade_to_schema_two()

    # Reading migrates in memory only: the file stays as it was.
    assert [todo.title for todo in workspace.read().todos] == ["todo 0 (v2)", "todo 1 (v2)"]
    assert file_state(workspace) == state

    with workspace.transaction() as txn:
        assert txn.meta.schema_version == NEXT
        assert [todo.title for todo in txn.todos] == ["todo 0 (v2)", "todo 1 (v2)"]

    migrated = raw(workspace)
    assert migrated["_meta"]["1"]["schema_version"] == NEXT
    assert [doc["title"] for doc in migrated["todos"].values()] == ["todo 0 (v2)", "todo 1 (v2)"]
    backups = sorted(workspace.backups.glob("*pre-migration*"))
    assert [b.name for b in backups] == [f"cadence-2026-03-02T093000-pre-migration-v{CURRENT}.json"]
    assert backups[0].read_bytes() == old
    # Migrated once: the next transaction neither migrates again nor takes another migration backup.
    with workspace.transaction() as txn:
        txn.add(Todo, **todo_fields("after"))
    assert [t.title for t in workspace.read().todos] == ["todo 0 (v2)", "todo 1 (v2)", "after"]
    assert len(list(workspace.backups.glob("*pre-migration*"))) == 1


def test_a_failed_transaction_does_not_keep_a_half_migration(workspace: Workspace, upgrade_to_schema_two) -> None:
    add_todos(workspace, 1)
    old = workspace.path.read_bytes()
    upgrade_to_schema_two()
    with pytest.raises(RuntimeError):
        with workspace.transaction() as txn:
            txn.add(Todo, **todo_fields("x"))
            raise RuntimeError("the user cancelled")
    assert workspace.path.read_bytes() == old
    assert json.loads(old)["_meta"]["1"]["schema_version"] == CURRENT


def test_a_newer_file_whose_settings_this_cadence_cannot_read_is_reported(workspace: Workspace) -> None:
    """A newer cadence may change a setting's type: the user gets a message, not a pydantic traceback."""
    data = raw(workspace)
    data["_meta"]["1"]["schema_version"] = 99
    data["_meta"]["1"]["week_start_day"] = "sunday"
    payload = write_raw(workspace, data)
    with pytest.raises(WorkspaceCorrupt) as caught:
        workspace.read()
    message = str(caught.value)
    assert str(workspace.path) in message
    assert "newer cadence" in message
    assert "week_start_day" in message
    with pytest.raises(WorkspaceReadOnly):
        with workspace.transaction():
            pass
    assert workspace.path.read_bytes() == payload


def _schema_one_file(workspace: Workspace) -> bytes:
    """A workspace as cadence 1 wrote it: milestones without ids, no milestone counter."""
    data = raw(workspace)
    data["_meta"]["1"]["schema_version"] = 1
    data["_meta"]["1"]["counters"]["rocks"] = 2
    for number, titles in ((1, ["alpha", "bravo"]), (2, ["charlie"])):
        data["rocks"][str(number)] = {
            "id": f"R-{number}", "title": f"Rock {number}", "owner_id": "P-1", "quarter": "2026-Q1",
            "created": "2026-01-05", "milestones": [{"title": title, "done": False} for title in titles],
        }
    return write_raw(workspace, data)


def test_schema_one_milestones_get_ids_after_a_backup(workspace: Workspace) -> None:
    old = _schema_one_file(workspace)
    with workspace.transaction() as txn:
        assert [[m.id for m in rock.milestones] for rock in txn.rocks] == [["MS-1", "MS-2"], ["MS-3"]]
    migrated = raw(workspace)
    assert migrated["_meta"]["1"]["schema_version"] == SCHEMA_VERSION == 6
    assert migrated["_meta"]["1"]["counters"]["milestones"] == 3
    assert [m["id"] for m in migrated["rocks"]["1"]["milestones"]] == ["MS-1", "MS-2"]
    backups = sorted(workspace.backups.glob("*pre-migration-v1*"))
    assert len(backups) == 1 and backups[0].read_bytes() == old

    from cadence.store import actions

    with workspace.transaction() as txn:
        added = actions.add_milestone(txn, "R-2", "delta", None, DAY)
    assert [m.id for m in added.milestones] == ["MS-3", "MS-4"]
    assert raw(workspace)["_meta"]["1"]["counters"]["milestones"] == 4


def test_a_schema_five_file_is_written_as_six_with_no_closed_quarters(workspace: Workspace) -> None:
    add_todos(workspace, 1)
    data = raw(workspace)
    data["_meta"]["1"]["schema_version"] = 5
    data["_meta"]["1"].pop("closed_quarters")
    old = write_raw(workspace, data)
    assert workspace.read().meta.closed_quarters == []
    with workspace.transaction() as txn:
        txn.add(Person, name="Ada")
    migrated = raw(workspace)["_meta"]["1"]
    assert (migrated["schema_version"], migrated["closed_quarters"]) == (6, [])
    (backup,) = workspace.backups.glob("*pre-migration-v5*")
    assert backup.read_bytes() == old

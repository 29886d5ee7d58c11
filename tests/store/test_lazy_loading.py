"""An edit costs the tables it touches: a file this user knows valid is read kind by kind, and written by splicing.

Every other file (another member's write, a hand edit, a damaged copy) is
validated whole first, as before: a bad record anywhere still stops every
command. What "known valid" means is a digest of the exact bytes in this
user's own cache folder, tied to this cadence's version.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from store_helpers import add_todos, todo_fields

from cadence.domain.ids import Kind
from cadence.domain.models import Goal, Measurable, Score, Todo
from cadence.store import Workspace, WorkspaceCorrupt, fileformat, validated_files
from cadence.store.file_tables import FileTables, split


@pytest.fixture
def scored(workspace: Workspace) -> Workspace:
    add_todos(workspace, 3)
    with workspace.transaction() as tx:
        measurable = tx.add(Measurable, title="Leads", owner_id="P-1", goal=Goal(comparator=">=", value=5))
        tx.add(Score, measurable_id=measurable.id, week=date(2026, 2, 23), value=4)
    return workspace


def test_a_file_this_user_wrote_is_validated_only_where_an_edit_looks(
    scored: Workspace, validated_kinds: list[Kind]
) -> None:
    with scored.transaction() as tx:
        tx.add(Todo, **todo_fields("quick"))
    assert (
        Kind.SCORE not in validated_kinds
        and Kind.MEETING not in validated_kinds
        and Kind.MEASURABLE not in validated_kinds
    )
    assert [todo.title for todo in scored.read().todos][-1] == "quick"


def test_a_file_someone_else_wrote_is_validated_whole_first(scored: Workspace, validated_kinds: list[Kind]) -> None:
    data = json.loads(scored.path.read_bytes())
    data["todos"]["1"]["title"] = "changed by hand"
    scored.path.write_bytes(fileformat.encode(data))  # valid, but bytes this user never validated
    with scored.transaction() as tx:
        tx.add(Todo, **todo_fields("after"))
    assert set(validated_kinds) == set(Kind)


def test_damage_in_a_table_the_edit_does_not_touch_still_stops_it(scored: Workspace) -> None:
    data = json.loads(scored.path.read_bytes())
    data["scores"]["1"]["value"] = "lots"
    scored.path.write_bytes(fileformat.encode(data))
    before = scored.path.read_bytes()
    with pytest.raises(WorkspaceCorrupt, match="S-1"), scored.transaction() as tx:
        tx.add(Todo, **todo_fields("must not land"))
    assert scored.path.read_bytes() == before


def test_an_edit_keeps_the_bytes_of_every_table_it_did_not_change(scored: Workspace) -> None:
    before = split(scored.path.read_bytes())
    with scored.transaction() as tx:
        tx.add(Todo, **todo_fields("quick"))
    after = split(scored.path.read_bytes())
    assert before is not None and after is not None
    changed = {name for name in after if after[name] != before.get(name)}
    assert changed == {"todos", "_meta"}
    assert scored.path.read_bytes() == fileformat.encode(json.loads(scored.path.read_bytes()))  # still canonical


def test_a_cache_from_another_version_or_damaged_vouches_for_nothing(
    scored: Workspace, validated_kinds: list[Kind], monkeypatch: pytest.MonkeyPatch
) -> None:
    version = validated_files.__version__
    monkeypatch.setattr(validated_files, "__version__", "0.0.0-other")
    scored.read()
    assert set(validated_kinds) == set(Kind)
    validated_kinds.clear()
    monkeypatch.setattr(validated_files, "__version__", version)
    validated_files.cache_path().write_text("{ not a list")
    scored.read()
    assert set(validated_kinds) == set(Kind)


def test_the_cache_is_the_users_own_not_the_workspaces(scored: Workspace, tmp_path: Path) -> None:
    cache = validated_files.cache_path()
    assert cache.exists() and scored.folder not in cache.parents
    assert not [path for path in scored.folder.rglob("*") if "validated" in path.name]


def test_a_hand_formatted_file_is_read_whole_and_written_canonically(workspace: Workspace) -> None:
    add_todos(workspace, 2)
    compact = json.dumps(json.loads(workspace.path.read_bytes()), separators=(",", ":")).encode()
    assert split(compact) is None
    workspace.path.write_bytes(compact)
    with workspace.transaction() as tx:
        tx.add(Todo, **todo_fields("third"))
    payload = workspace.path.read_bytes()
    assert payload == fileformat.encode(json.loads(payload))
    assert [todo.title for todo in workspace.read().todos] == ["todo 0", "todo 1", "third"]


def test_a_slice_with_a_repeated_key_is_read_strictly(workspace: Workspace) -> None:
    add_todos(workspace, 1)
    payload = workspace.path.read_bytes().replace(b'"title": "todo 0"', b'"title": "todo 0",\n      "title": "x"', 1)
    tables = FileTables.read(payload, workspace.path)  # splits: the damage is inside the to-dos' slice
    with pytest.raises(WorkspaceCorrupt, match="title"):
        tables.table("todos")

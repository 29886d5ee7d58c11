"""Typed lookups on a view (``view.rock("R-3") -> Rock``) and the one declaration of each kind of record.

The lookups are what the TUI and the CLI use instead of ``get(Kind.X, id)``
plus a ``# type: ignore``; the kind registry is what lets a new kind be added
by one line in ``Kind`` and one model.
"""

from __future__ import annotations

from datetime import date

import pytest
from store_helpers import add_todos, todo_fields

from cadence.domain.ids import (
    PREFIX,
    Kind,
    id_number,
    kind_label,
    make_id,
    normalise_id,
)
from cadence.domain.models import MODELS, Meta, Person, Record, Rock, Team, Todo, Vision
from cadence.store import InputError, Workspace
from cadence.store.fileformat import empty_tables


def test_every_kind_has_one_model_prefix_label_and_table() -> None:
    assert list(MODELS) == list(Kind)
    for kind, model in MODELS.items():
        assert model.kind is kind
        assert PREFIX[kind] == kind.prefix and kind_label(kind) == kind.label
        assert Kind.of_table(kind.value) is kind
    assert len({kind.prefix for kind in Kind}) == len(Kind)
    assert set(empty_tables(Meta())) == {kind.value for kind in Kind} | {"_meta"}
    with pytest.raises(ValueError):
        Kind.of_table("nonsense")


def test_ids_are_made_and_taken_apart_in_one_place() -> None:
    assert make_id(Kind.TEAM, 4) == "TM-4"
    assert id_number("TM-4") == 4 and id_number("MS-12") == 12 and id_number("R-3") == 3
    assert normalise_id("r12", Kind.ROCK) == "R-12"
    with pytest.raises(ValueError, match="not a rock id"):
        normalise_id("T-3", Kind.ROCK)


def test_a_second_model_for_a_kind_is_refused() -> None:
    with pytest.raises(TypeError, match="already has a model"):

        class AnotherTodo(Record):
            kind = Kind.TODO


def test_typed_lookups_from_snapshot_and_transaction(workspace: Workspace) -> None:
    add_todos(workspace, 3)
    with workspace.transaction() as tx:
        person = tx.add(Person, name="Dana")
        rock = tx.add(
            Rock, title="Ship it", owner_id=person.id, quarter="2026-Q1", due=date(2026, 3, 31), created=date(2026, 1, 5)
        )
        assert tx.rock("r1") == rock and isinstance(tx.rock("1"), Rock)
        assert tx.todo("T-2").title == "todo 1"
    snapshot = workspace.read()
    todo: Todo = snapshot.todo("t3")
    assert todo.title == "todo 2"
    assert snapshot.person("P-1").name == "Dana"
    assert snapshot.rock(rock.id).title == "Ship it"
    assert snapshot.all_of(Todo) == snapshot.todos
    with pytest.raises(InputError, match="no to-do T-9"):
        snapshot.todo("T-9")
    with pytest.raises(InputError, match="not a team id"):
        snapshot.team("R-1")
    with pytest.raises(InputError, match="no team TM-1"):
        snapshot.one_of(Team, "TM-1")


def test_the_workspace_vision_is_v1_else_the_first_without_a_team(workspace: Workspace) -> None:
    assert workspace.read().vision() is None
    with workspace.transaction() as tx:
        tx.add(Vision, ten_year_target="the first")
        tx.add(Vision, team_id="TM-1", ten_year_target="a team's")
        tx.add(Vision, ten_year_target="company's, later")
    vision = workspace.read().vision()
    assert vision is not None and vision.id == "V-1"
    with workspace.transaction() as tx:
        tx.delete(tx.one_of(Vision, "V-1"))
    vision = workspace.read().vision()
    assert vision is not None and vision.ten_year_target == "company's, later"


def test_lookups_see_the_transaction_own_changes(workspace: Workspace) -> None:
    add_todos(workspace, 2)

    def change(tx) -> None:  # type: ignore[no-untyped-def]
        tx.add(Todo, **todo_fields("new"))
        assert tx.todo("T-3").title == "new"
        tx.save(tx.todo("T-1"), title="edited")
        assert tx.todo("T-1").title == "edited"
        tx.delete(tx.todo("T-2"))
        with pytest.raises(InputError, match="no to-do T-2"):
            tx.todo("T-2")

    applied = workspace.apply(change)
    assert [todo.id for todo in applied.snapshot.todos] == ["T-1", "T-3"]
    assert applied.snapshot.todo("T-1").title == "edited"

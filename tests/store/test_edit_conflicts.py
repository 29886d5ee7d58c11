"""guarded_edit: an edit form's save, three ways per field (as opened, theirs now, mine)."""

from __future__ import annotations

import pytest

from cadence.domain.ids import Kind
from cadence.store import Workspace, actions
from store_helpers import add_todos, raw


def _save(workspace: Workspace, opened, resolve="ask", **mine):  # type: ignore[no-untyped-def]
    with workspace.transaction() as tx:
        return actions.guarded_edit(tx, opened, lambda: tx.save(tx.get(Kind.TODO, opened.id), **mine), resolve)


def _they_save(workspace: Workspace, **theirs) -> None:  # type: ignore[no-untyped-def]
    with workspace.transaction() as tx:
        tx.save(tx.get(Kind.TODO, "T-1"), **theirs)


def test_both_changed_the_same_field_nothing_is_written(workspace: Workspace) -> None:
    opened = add_todos(workspace, 1)[0]
    _they_save(workspace, title="theirs")
    before = workspace.path.read_bytes()
    with pytest.raises(actions.EditConflict) as caught:
        _save(workspace, opened, title="mine", due=opened.due)
    assert [(c.field, c.theirs, c.mine) for c in caught.value.conflicts] == [("title", "theirs", "mine")]
    assert isinstance(caught.value, actions.EditConflict) and "T-1" in str(caught.value)
    assert workspace.path.read_bytes() == before


@pytest.mark.parametrize(("resolve", "title"), [("mine", "mine"), ("theirs", "theirs")])
def test_the_answer_settles_it(workspace: Workspace, resolve: str, title: str) -> None:
    opened = add_todos(workspace, 1)[0]
    _they_save(workspace, title="theirs")
    _save(workspace, opened, resolve, title="mine", done=True)
    stored = raw(workspace)["todos"]["1"]
    assert (stored["title"], stored["done"]) == (title, True)


def test_a_field_only_they_changed_is_kept_and_mine_too(workspace: Workspace) -> None:
    opened = add_todos(workspace, 1)[0]
    _they_save(workspace, title="theirs")
    saved = _save(workspace, opened, title=opened.title, done=True)  # the form writes back the title it showed
    assert (saved.title, saved.done) == ("theirs", True)
    assert raw(workspace)["todos"]["1"]["title"] == "theirs"


def test_same_value_on_both_sides_is_no_conflict(workspace: Workspace) -> None:
    opened = add_todos(workspace, 1)[0]
    _they_save(workspace, title="agreed")
    assert _save(workspace, opened, title="agreed").title == "agreed"

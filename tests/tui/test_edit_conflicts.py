"""An edit form saved after another session changed the same field asks which to keep (issue 8 item 10).

"Another session" is a plain ``Workspace`` write made while the form is
open; the app has not polled it yet (a long poll interval), exactly as when
two people edit at once.
"""

from __future__ import annotations

import pytest

from cadence.domain.ids import Kind
from cadence.store import Workspace
from tests.tui.conftest import SIZES

FIRST_TODO = "T-11"  # the to-do under the cursor when the demo's To-Dos open


def they_rename(folder, todo_id: str, title: str) -> None:  # type: ignore[no-untyped-def]
    with Workspace(folder).transaction() as tx:
        tx.save(tx.get(Kind.TODO, todo_id), title=title)


async def _edit_title_while_they_rename(app, pilot, demo_folder, todo_id: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("5")
    await pilot.pause()
    assert app.screen.query_one("RecordTable").selected_key == todo_id
    await pilot.press("e")
    await pilot.pause()
    they_rename(demo_folder, todo_id, "Their title")
    await pilot.press("ctrl+u", *"My title", "enter", "enter")
    await pilot.pause()


@pytest.mark.parametrize(("answer", "expected"), [("t", "Their title"), ("m", "My title")])
async def test_saving_over_another_sessions_change_asks_first(make_app, demo_folder, on_disk, answer, expected) -> None:
    todo = on_disk().get(Kind.TODO, FIRST_TODO)
    app = make_app(poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await _edit_title_while_they_rename(app, pilot, demo_folder, todo.id)
        assert app.screen.__class__.__name__ == "EditConflictScreen"
        assert on_disk().get(Kind.TODO, todo.id).title == "Their title", "nothing written before the answer"
        await pilot.press(answer)
        await pilot.pause()
        assert app.screen.__class__.__name__ == "TodosScreen", "the answer saves and closes the form"
    stored = on_disk().get(Kind.TODO, todo.id)
    assert stored.title == expected
    assert stored.due == todo.due


async def test_escape_goes_back_to_the_form_with_nothing_saved(make_app, demo_folder, on_disk) -> None:
    todo = on_disk().get(Kind.TODO, FIRST_TODO)
    app = make_app(poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await _edit_title_while_they_rename(app, pilot, demo_folder, todo.id)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "FormScreen"
        assert app.screen.query_one("#field-title").value == "My title", "the typed text is kept"
    assert on_disk().get(Kind.TODO, todo.id).title == "Their title"


async def test_a_field_only_they_changed_keeps_their_value_without_asking(make_app, demo_folder, on_disk) -> None:
    """The form saves title and due; they changed the title, I only the due date: both changes stay."""
    todo = on_disk().get(Kind.TODO, FIRST_TODO)
    app = make_app(poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "e")
        await pilot.pause()
        they_rename(demo_folder, todo.id, "Their title")
        await pilot.press("enter", "ctrl+u", *"2026-12-24", "enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "TodosScreen"
    stored = on_disk().get(Kind.TODO, todo.id)
    assert (stored.title, stored.due.isoformat()) == ("Their title", "2026-12-24")


@pytest.mark.parametrize("size", SIZES)
def test_edit_conflict_dialog_snapshot(make_app, demo_folder, snap_compare, size) -> None:
    async def conflict(pilot) -> None:  # type: ignore[no-untyped-def]
        await _edit_title_while_they_rename(pilot.app, pilot, demo_folder, FIRST_TODO)

    assert snap_compare(make_app(poll_seconds=3600), run_before=conflict, terminal_size=size)


async def test_a_measurable_edited_elsewhere_while_its_form_is_open_asks_first(make_app, demo_folder, on_disk) -> None:
    """The Scorecard's edit form is guarded like the others: their new title is not silently overwritten."""
    app = make_app(poll_seconds=3600)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        measurable_id = app.screen.query_one("ScoreGrid").current_row.measurable.id
        await pilot.press("e")
        await pilot.pause()
        with Workspace(demo_folder).transaction() as tx:
            tx.save(tx.get(Kind.MEASURABLE, measurable_id), title="Their name")
        await pilot.press("ctrl+u", *"My name", "ctrl+s")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "EditConflictScreen"
        assert on_disk().get(Kind.MEASURABLE, measurable_id).title == "Their name"
        await pilot.press("t")
        await pilot.pause()
    assert on_disk().get(Kind.MEASURABLE, measurable_id).title == "Their name"

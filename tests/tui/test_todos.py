"""To-Dos driven with keys, checked against the file on disk."""

from __future__ import annotations

import pytest

from tests.tui.conftest import SIZES


async def test_add_todo_with_keys(make_app, on_disk) -> None:
    app = make_app()
    before = len(on_disk().todos)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await pilot.press("a")
        await pilot.press(*"Call the bank", "enter", *"Dana", "enter", *"friday", "enter")
        await pilot.pause()
    todos = on_disk().todos
    assert len(todos) == before + 1
    added = todos[-1]
    assert (added.title, added.owner_id, str(added.due)) == ("Call the bank", "P-1", "2026-11-27")


async def test_bad_date_is_shown_next_to_the_field_and_nothing_saved(make_app, on_disk) -> None:
    app = make_app()
    before = on_disk().todos
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "a", *"Call the bank", "enter", *"Dana", "enter", *"someday", "enter")
        await pilot.pause()
        error = app.screen.query_one("#error-due")
        assert "not a date" in str(error.render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "TodosScreen"
    assert on_disk().todos == before


async def test_toggle_reassign_and_drop_to_issue(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        table = app.screen.query_one("RecordTable")
        first = table.selected_key
        await pilot.press("x")
        await pilot.pause()
        assert next(t for t in on_disk().todos if t.id == first).done
        assert table.selected_key == first, "the cursor stays on the same to-do"
        await pilot.press("o", "down", "enter")
        await pilot.pause()
        issues_before = len(on_disk().issues)
        await pilot.press("i")
        await pilot.pause()
    after = on_disk()
    assert len(after.issues) == issues_before + 1
    assert after.issues[-1].source == first


async def test_delete_asks_first(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        key = app.screen.query_one("RecordTable").selected_key
        await pilot.press("d", "n")
        await pilot.pause()
        assert any(t.id == key for t in on_disk().todos)
        await pilot.press("d", "y")
        await pilot.pause()
    assert not any(t.id == key for t in on_disk().todos)


@pytest.mark.parametrize("size", SIZES)
def test_todos_snapshot(make_app, snap_compare, size) -> None:
    assert snap_compare(make_app(), press=["5"], terminal_size=size)


async def test_a_todo_goes_to_issues_once_while_that_issue_is_open(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        first = app.screen.query_one("RecordTable").selected_key
        issues_before = len(on_disk().issues)
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
    after = on_disk().issues
    assert len(after) == issues_before + 1, "the second i is refused, not a second issue"
    assert [issue.source for issue in after].count(first) == 1

"""Issues driven with keys, checked against the file on disk."""

from __future__ import annotations

from datetime import date

import pytest

from cadence.domain.models import IssueStatus, IssueTerm
from tests.tui.conftest import SIZES


def issues_panel(app):
    """The Issues panel of the screen on top (its lists, the list worked on)."""
    return app.screen.query_one("IssuesPanel")


def by_id(snapshot, issue_id):
    return next(issue for issue in snapshot.issues if issue.id == issue_id)


async def move_to(pilot, table, key: str) -> None:
    """Arrow down (as a person would) until the cursor is on ``key``."""
    for _ in range(table.row_count):
        if table.selected_key == key:
            return
        await pilot.press("down")
    assert table.selected_key == key


async def test_add_issue_with_keys_goes_to_the_list_it_belongs_on(make_app, on_disk) -> None:
    app = make_app()
    before = len(on_disk().issues)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "a")
        await pilot.press(*"Quotes take three days", "enter", *"Priya", "enter", *"yes", "enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "IssuesScreen"
        panel = issues_panel(app)
        assert panel.term is IssueTerm.LONG, "the panel follows the new issue to the long-term list"
        added_id = panel.table().selected_key
    issues = on_disk().issues
    assert len(issues) == before + 1
    added = issues[-1]
    assert added.id == added_id
    assert (added.title, added.owner_id, added.term, added.team_id) == (
        "Quotes take three days",
        "P-3",
        IssueTerm.LONG,
        "TM-1",
    )
    assert added.created == date(2026, 11, 23)


async def test_add_refuses_an_unknown_owner(make_app, on_disk) -> None:
    app = make_app()
    before = on_disk().issues
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "a", *"Quotes take three days", "enter", *"Zed", "ctrl+s")
        await pilot.pause()
        assert "no person" in str(app.screen.query_one("#error-owner").render())
        await pilot.press("escape")
        await pilot.pause()
    assert on_disk().issues == before


async def test_top_three_with_shifted_number_keys(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        table = issues_panel(app).table()
        assert table.selected_key == "I-13", "the top 3 come first"
        await move_to(pilot, table, "I-19")
        await pilot.press("!")
        await pilot.pause()
        assert table.selected_key == "I-19", "the cursor follows the issue to the top"
        await move_to(pilot, table, "I-20")
        await pilot.press("@")
        await pilot.pause()
        assert table.selected_key == "I-20"
        await pilot.press("down")
        await pilot.pause()
        assert table.selected_key == "I-15", "#3 stays, under the new #1 and #2"
        await pilot.press("0")
        await pilot.pause()
        order = [table.coordinate_to_cell_key((row, 0)).row_key.value for row in range(table.row_count)]
    after = on_disk()
    ranks = {issue.id: issue.rank for issue in after.issues if issue.status is IssueStatus.OPEN}
    assert ranks["I-19"] == 1 and ranks["I-13"] is None, "the previous #1 gave up its rank"
    assert ranks["I-20"] == 2 and ranks["I-14"] is None
    assert ranks["I-15"] is None, "0 took it out of the top 3"
    assert order[:2] == ["I-19", "I-20"]


async def test_solve_into_two_todos_through_the_dialog(make_app, on_disk) -> None:
    app = make_app()
    todos_before = len(on_disk().todos)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        assert issues_panel(app).table().selected_key == "I-13"
        await pilot.press("s")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "SolveScreen"
        await pilot.press(*"Add a second board supplier", "enter")
        await pilot.press(*"One supplier for all board", "enter")
        await pilot.press(*"Get quotes from two suppliers", "enter", *"Tom", "ctrl+n")
        await pilot.pause()
        await pilot.press(*"Update the shipping forecast", "enter", *"Priya", "ctrl+s")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "IssuesScreen"
    after = on_disk()
    solved = by_id(after, "I-13")
    assert solved.status is IssueStatus.SOLVED
    assert solved.decision == "Add a second board supplier"
    assert solved.root_cause == "One supplier for all board"
    assert solved.closed == date(2026, 11, 23) and solved.rank is None
    assert len(after.todos) == todos_before + 2
    made = [todo for todo in after.todos if todo.source == "I-13"]
    assert [(todo.title, todo.owner_id, todo.due, todo.team_id) for todo in made] == [
        ("Get quotes from two suppliers", "P-4", date(2026, 11, 30), "TM-1"),
        ("Update the shipping forecast", "P-3", date(2026, 11, 30), "TM-1"),
    ]


async def test_solve_refuses_an_unknown_owner_and_writes_nothing(make_app, on_disk) -> None:
    app = make_app()
    before = on_disk()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "s")
        await pilot.pause()
        await pilot.press(*"Add a second board supplier", "enter", "enter")
        await pilot.press(*"Get quotes", "enter", *"Nobody")
        await pilot.pause()
        dialog = app.screen
        assert "no person" in str(dialog.query_one("#todo-error-1").render()), "checked as typed"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog, "the dialog stays open with the input kept"
        assert "nothing was saved" in str(dialog.query_one("#form-error").render())
        assert on_disk().issues == before.issues and on_disk().todos == before.todos
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "IssuesScreen"
    after = on_disk()
    assert after.issues == before.issues
    assert after.todos == before.todos


async def test_solve_needs_a_decision(make_app, on_disk) -> None:
    app = make_app()
    before = on_disk().issues
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "s", "ctrl+s")
        await pilot.pause()
        assert "required" in str(app.screen.query_one("#error-decision").render())
        await pilot.press("escape")
        await pilot.pause()
    assert on_disk().issues == before


async def test_move_between_short_and_long_term(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        screen = issues_panel(app)
        assert screen.table().selected_key == "I-13"
        await pilot.press("m")
        await pilot.pause()
        moved = by_id(on_disk(), "I-13")
        assert moved.term is IssueTerm.LONG and moved.rank is None
        await pilot.press("l")
        await pilot.pause()
        assert screen.term is IssueTerm.LONG
        assert screen.table(IssueTerm.LONG).display and not screen.table(IssueTerm.SHORT).display
        assert screen.table().has_focus
        await move_to(pilot, screen.table(), "I-13")
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert screen.term is IssueTerm.SHORT
    assert by_id(on_disk(), "I-13").term is IssueTerm.SHORT


async def test_edit_title_description_and_root_cause(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "e")
        await pilot.pause()
        await pilot.press(*"On-time shipments red", "enter", *"Three weeks", "enter", *"Board shortages", "enter")
        await pilot.pause()
    edited = by_id(on_disk(), "I-13")
    assert (edited.title, edited.description, edited.root_cause) == (
        "On-time shipments red",
        "Three weeks",
        "Board shortages",
    )


async def test_drop_asks_first(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "x")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ConfirmScreen"
        await pilot.press("n")
        await pilot.pause()
        assert by_id(on_disk(), "I-13").status is IssueStatus.OPEN
        await pilot.press("x", "y")
        await pilot.pause()
        table = issues_panel(app).table()
        assert "I-13" not in [table.coordinate_to_cell_key((row, 0)).row_key.value for row in range(table.row_count)]
    dropped = by_id(on_disk(), "I-13")
    assert dropped.status is IssueStatus.DROPPED and dropped.closed == date(2026, 11, 23)


async def test_delete_asks_first(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "d", "n")
        await pilot.pause()
        assert any(issue.id == "I-13" for issue in on_disk().issues)
        await pilot.press("d", "y")
        await pilot.pause()
    assert not any(issue.id == "I-13" for issue in on_disk().issues)


async def test_only_the_picked_teams_open_issues(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        screen = issues_panel(app)
        shown = {
            table.coordinate_to_cell_key((row, 0)).row_key.value
            for table in (screen.table(IssueTerm.SHORT), screen.table(IssueTerm.LONG))
            for row in range(table.row_count)
        }
        assert shown == {"I-13", "I-14", "I-15", "I-18", "I-19", "I-20", "I-2", "I-3", "I-4", "I-5"}
        app.choose_team("TM-2")
        await pilot.pause()
        short = screen.table(IssueTerm.SHORT)
        assert {short.coordinate_to_cell_key((row, 0)).row_key.value for row in range(short.row_count)} == {
            "I-16",
            "I-17",
        }


@pytest.mark.parametrize("size", SIZES)
def test_issues_snapshot(make_app, snap_compare, size) -> None:
    assert snap_compare(make_app(), press=["4"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_solve_dialog_snapshot(make_app, snap_compare, size) -> None:
    keys = ["4", "s", *"Add a second board supplier", "enter", "enter", *"Get quotes", "enter", *"Tom", "ctrl+n"]
    assert snap_compare(make_app(), press=keys, terminal_size=size)

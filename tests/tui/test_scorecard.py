"""The Scorecard driven with keys the way a person fills in the week, checked against the file on disk.

The demo's leadership team has 7 measurables (M-1..M-7) with values up to the
week of 2026-11-16; the fixed clock is Monday 2026-11-23, so this week's
column is empty and the cursor opens on it, first row.
"""

from __future__ import annotations

from datetime import date

import pytest

from cadence.domain.goals import Comparator, Goal
from cadence.domain.models import Measurable, Person, Score
from cadence.domain.text import visible
from cadence.store import Workspace
from cadence.tui.config import UserSettings
from cadence.tui.widgets.cell_entry import CellEntry
from cadence.tui.widgets.score_grid import ScoreGrid

THIS_WEEK = date(2026, 11, 23)
LAST_WEEK = date(2026, 11, 16)
SNAPSHOT_SIZES = [(80, 24), (120, 40), (160, 50)]


def grid(app) -> ScoreGrid:  # type: ignore[no-untyped-def]
    return app.screen.query_one(ScoreGrid)


def this_week_values(snapshot) -> dict[str, float]:  # type: ignore[no-untyped-def]
    return {s.measurable_id: s.value for s in snapshot.scores if s.week == THIS_WEEK}


async def test_fill_a_week_for_five_measurables_with_the_keyboard_alone(make_app, on_disk) -> None:
    app = make_app()
    typed = ["54.2k", "$261,500", "39.1%", "96", "1"]
    keys = ["3", "enter"]
    for value in typed:
        keys += [*value, "enter"]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        cell = grid(app).current_cell
        assert (grid(app).current_row.measurable.id, cell.period.start) == ("M-6", THIS_WEEK), "Enter moved down each time"
    assert this_week_values(on_disk()) == {"M-1": 54_200, "M-2": 261_500, "M-3": 39.1, "M-4": 96, "M-5": 1}


async def test_a_burst_of_typing_lands_in_the_right_cells(make_app, on_disk) -> None:
    """Keys in one read (a paste, a fast typist over SSH) reach the grid before any of them is handled."""
    from tests.tui.test_forms import burst

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "enter")
        burst(app, "54.2k\r258k\r39\r94\r")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one(CellEntry).value == "", "ENTRY goes on: the next cell is open, empty"
        assert grid(app).current_row.measurable.id == "M-5"
    assert this_week_values(on_disk()) == {"M-1": 54_200, "M-2": 258_000, "M-3": 39, "M-4": 94}


async def test_tab_moves_right_and_escape_cancels(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "h", "enter", *"50000", "tab")
        await pilot.pause()
        assert grid(app).current_cell.period.start == THIS_WEEK
        await pilot.press(*"777", "escape")
        await pilot.pause()
        assert not app.screen.query_one(CellEntry).is_open
    values = {(s.measurable_id, s.week): s.value for s in on_disk().scores}
    assert values[("M-1", LAST_WEEK)] == 50_000
    assert ("M-1", THIS_WEEK) not in values


async def test_a_bad_value_is_refused_with_the_reason_and_the_store_is_unchanged(make_app, on_disk, demo_folder) -> None:
    app = make_app()
    before = (demo_folder / "cadence.json").read_bytes()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "enter", *"12x", "enter")
        await pilot.pause()
        entry = app.screen.query_one(CellEntry)
        assert entry.is_open, "the editor stays open with the text"
        assert entry.value == "12x"
        assert "'12x' is not a number" in str(entry.query_one("#entry-preview").render())
        assert any("not a number" in str(n.message) for n in app._notifications)
        assert grid(app).current_row.measurable.id == "M-1", "the cursor did not move on"
        await pilot.press("escape")
        await pilot.pause()
    assert (demo_folder / "cadence.json").read_bytes() == before


async def test_yes_no_rows_take_y_and_n(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", *["j"] * 6, "enter", "n", "enter")
        await pilot.pause()
    assert this_week_values(on_disk()) == {"M-7": 0.0}


async def test_a_note_is_saved_and_marked(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "j", "j", "h", "n")  # gross margin last week (cash has no figure yet)
        await pilot.pause()
        await pilot.press(*"Spot-price board again", "enter")
        await pilot.pause()
        row = grid(app).current_row
        assert row.measurable.id == "M-3"
        assert row.cell_text(grid(app).current_cell).endswith("*")
    assert on_disk().score_for("M-3", LAST_WEEK).note == "Spot-price board again"


async def test_a_red_cell_dropped_to_issues_creates_the_issue(make_app, on_disk) -> None:
    app = make_app()
    before = len(on_disk().issues)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "h", "i")  # Revenue last week: $61,850, on goal: refused
        await pilot.pause()
        assert len(on_disk().issues) == before
        await pilot.press("j", "j", "j", "i")  # On-time shipments last week: 92.4%, off goal
        await pilot.pause()
        await pilot.press("i")  # a second press does not duplicate it
        await pilot.pause()
    issues = on_disk().issues
    assert len(issues) == before + 1
    issue = issues[-1]
    assert issue.title == "Off goal: On-time shipments (week of 2026-11-16: 92.4%)"
    assert (issue.source, issue.owner_id, issue.team_id, issue.term.value) == ("M-4", "P-4", "TM-1", "short")


async def test_a_red_cell_another_session_dropped_is_not_dropped_again(make_app, on_disk, demo_folder) -> None:
    """The once-only rule is the store's: it holds even before this session has seen the other's issue."""
    from cadence.store import actions

    app = make_app(poll_seconds=3600)  # no poll: this session's snapshot does not know the other's drop
    before = len(on_disk().issues)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "h", "j", "j", "j")  # On-time shipments last week: 92.4%, off goal
        await pilot.pause()
        with Workspace(demo_folder).transaction() as tx:  # another session (or `cadence score drop`)
            other = actions.drop_score_to_issues(tx, "M-4", LAST_WEEK, THIS_WEEK)
        await pilot.press("i")
        await pilot.pause()
    issues = on_disk().issues
    assert len(issues) == before + 1
    assert [issue.id for issue in issues if issue.source == "M-4"] == [other.id]


async def test_clearing_a_cell_asks_first(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "h", "delete", "n")
        await pilot.pause()
        assert on_disk().score_for("M-1", LAST_WEEK) is not None
        await pilot.press("backspace", "y")
        await pilot.pause()
    assert on_disk().score_for("M-1", LAST_WEEK) is None


async def test_digits_type_values_in_entry_and_switch_sections_after_escape(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "enter", "1")
        await pilot.pause()
        assert app.current_mode == "scorecard" and app.screen.query_one(CellEntry).value == "1"
        await pilot.press("escape", "1")
        await pilot.pause()
        assert app.current_mode == "dashboard"
        await pilot.press("3")
        await pilot.pause()
        assert app.focused is grid(app), "coming back, the grid has the keys again"


async def test_goal_change_from_this_week_keeps_past_weeks(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "j", "j", "j", "g")
        await pilot.pause()
        await pilot.press("ctrl+u", *">= 93", "enter", "enter")
        await pilot.pause()
        row = grid(app).current_row
        assert row.goal.value == 93, "the row shows this week's goal"
        assert row.cell_text(row.cells[-2]) == "92.4% ✗", "last week is still judged by its own goal (95%)"
    ontime = next(m for m in on_disk().measurables if m.id == "M-4")
    assert [(c.week, c.goal.value) for c in ontime.goal_history] == [(THIS_WEEK, 93)]
    assert ontime.goal_for_week(LAST_WEEK).value == 95


async def test_add_reorder_and_archive_measurables(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "a")
        await pilot.pause()
        await pilot.press(*"Proposals out", "enter", *"Dana", "enter", "ctrl+u", *"number", "enter", *">= 4", "enter", "ctrl+u", *"sum", "enter", "enter")
        await pilot.pause()
        added = on_disk().measurables[-1]
        assert (added.title, added.owner_id, added.team_id, added.goal.value) == ("Proposals out", "P-1", "TM-1", 4)
        ids = [row.measurable.id for row in grid(app).rows_shown]
        assert ids[-1] == added.id
        grid(app).place(added.id, THIS_WEEK)
        await pilot.press("K")
        await pilot.pause()
        assert [row.measurable.id for row in grid(app).rows_shown][-2] == added.id
        assert grid(app).current_row.measurable.id == added.id, "the cursor moves with the row"
        await pilot.press("d", "y")
        await pilot.pause()
        assert added.id not in [row.measurable.id for row in grid(app).rows_shown]
    assert next(m for m in on_disk().measurables if m.id == added.id).archived


async def test_edit_a_measurable(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "j", "j", "j", "j", "e")
        await pilot.pause()
        await pilot.press("ctrl+u", *"Complaints", "enter", "ctrl+u", *"Dana", "enter", "enter", "ctrl+u", *"average", "enter", "enter")
        await pilot.pause()
    complaints = next(m for m in on_disk().measurables if m.id == "M-5")
    assert (complaints.title, complaints.owner_id, complaints.aggregate.value) == ("Complaints", "P-1", "average")


async def test_my_numbers_across_teams_and_remembered(make_app, settings: UserSettings, demo_folder) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "m")
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # Priya Raman: no leadership measurables, one in Sales
        await pilot.pause()
        assert [row.measurable.id for row in grid(app).rows_shown] == ["M-8"]
        assert grid(app).current_cell.period.start == THIS_WEEK
        await pilot.press("enter", *"15", "enter", "m")
        await pilot.pause()
        assert len(grid(app).rows_shown) == 7, "m again: back to the team"
        await pilot.press("m")
        await pilot.pause()
        assert [row.measurable.id for row in grid(app).rows_shown] == ["M-8"], "picked once, remembered"
    assert UserSettings.load(settings.folder).person_for(demo_folder) == "P-3"


async def test_roll_ups_are_read_only(make_app, on_disk, demo_folder) -> None:
    app = make_app()
    before = (demo_folder / "cadence.json").read_bytes()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "p")
        await pilot.pause()
        assert [p.label for p in grid(app).periods][-1] == "2026-11"
        await pilot.press("enter", "i", "n")
        await pilot.pause()
        assert not app.screen.query_one(CellEntry).is_open
        assert app.current_mode == "scorecard"
        await pilot.press("p")
        await pilot.pause()
        assert grid(app).periods[-1].label == "2026-Q4"
        await pilot.press("p", "f")
        await pilot.pause()
        assert grid(app).periods[0].start == THIS_WEEK, "flipped: newest on the left"
        assert grid(app).current_cell.period.start == THIS_WEEK
    assert (demo_folder / "cadence.json").read_bytes() == before


async def test_weekly_pass_keystrokes_on_the_demo(make_app, on_disk) -> None:
    """The number in the report: open the Scorecard and fill this week for the leadership team."""
    app = make_app()
    typed = ["54.2k", "258k", "39.4", "95.1", "1", "78", "y"]
    keys = ["3", "enter"]
    for value in typed:
        keys += [*value, "enter"]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        assert not app.screen.query_one(CellEntry).is_open, "ENTRY ended by itself past the last row"
    assert this_week_values(on_disk()) == {
        "M-1": 54_200, "M-2": 258_000, "M-3": 39.4, "M-4": 95.1, "M-5": 1, "M-6": 78, "M-7": 1,
    }
    assert len(keys) == 30  # 1 to open, 1 Enter to start ENTRY, 21 characters, 7 Enters


async def test_n_is_the_note_key_on_yes_no_rows(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", *["j"] * 6, "h", "n")
        await pilot.pause()
        await pilot.press(*"Walked Friday", "enter")
        await pilot.pause()
    assert on_disk().score_for("M-7", LAST_WEEK).note == "Walked Friday"


HOSTILE = ["[bold]x[/]", "\x1b[2J wipe", "漢字のタイトル", "W" * 300]


async def test_hostile_titles_owners_and_notes_show_literally(make_app, demo_folder) -> None:
    with Workspace(demo_folder).transaction() as tx:
        for index, text in enumerate(HOSTILE):
            person = tx.add(Person, name=text[:100] + f" {index}")
            measurable = tx.add(
                Measurable, title=text, owner_id=person.id, team_id="TM-1", goal=Goal(comparator=Comparator.AT_LEAST, value=1), order=20 + index
            )
            tx.add(Score, measurable_id=measurable.id, week=LAST_WEEK, value=0, note=text)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        cells = [str(cell) for index in range(grid(app).row_count) for cell in grid(app).get_row_at(index)]
        assert "[bold]x[/]" in cells
        assert visible("\x1b[2J wipe") in cells, "escape sequences show as visible escapes"
        assert all("\x1b" not in cell for cell in cells)
        notes = str(app.screen.query_one("#sc-notes").render())
        assert "[bold]x[/]" in notes and "\x1b" not in notes
        await pilot.press(*["j"] * 7, "enter", *"5[red]", "enter")
        await pilot.pause()
        assert any("'5[red]' is not a number" in str(n.message) for n in app._notifications)


@pytest.mark.parametrize("size", SNAPSHOT_SIZES)
@pytest.mark.parametrize("theme", ["cadence-dark", "cadence-ansi"])
def test_scorecard_snapshot(make_app, settings: UserSettings, snap_compare, size, theme) -> None:
    settings.theme = theme
    assert snap_compare(make_app(settings=settings), press=["3"], terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_scorecard_editing_snapshot(make_app, snap_compare, size) -> None:
    """ENTRY: the banner in the tab bar's place, the footer's Save / Stop entry, the typed value."""
    assert snap_compare(make_app(), press=["3", "j", "j", "j", "enter", *"94"], terminal_size=size)


async def test_while_typing_a_value_the_footer_shows_only_the_editors_keys(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        shown = {b.binding.description for b in app.screen.active_bindings.values() if b.binding.show}
        assert {"Note", "Help"} <= shown
        await pilot.press("enter", "9")
        shown = {b.binding.description for b in app.screen.active_bindings.values() if b.binding.show}
        assert shown == {"Save ↓", "Save →", "Stop entry"}
        await pilot.press("escape")
        shown = {b.binding.description for b in app.screen.active_bindings.values() if b.binding.show}
        assert "Note" in shown and "Stop entry" not in shown

"""Monthly and quarterly measurables in the app: their own blocks, typed into, dropped, added, reviewed.

The demo's leadership scorecard has seven weekly measurables, then Revenue
booked (monthly, >= $400,000, June to October shown, August red) and
Customer NPS (quarterly, >= 50). Today is Monday 2026-11-23. Each test
drives the app by its keys and reads the workspace file back: a monthly
value must be stored under the month's 1st, never under a week.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from cadence.domain.models import Frequency
from cadence.domain.scorecard import PeriodKind
from cadence.tui.panels.meeting_scorecard import MeetingScorecardPanel
from cadence.tui.panels.scorecard import ScorecardPanel
from cadence.tui.screens.meeting import open_meeting
from cadence.tui.widgets.score_grid import ScoreGrid

from tests.tui.meeting_support import Clock, start_meeting, wait_for

WEEKLY_ROWS = 7  # the demo leadership team's weekly measurables
NOVEMBER = date(2026, 11, 1)
AUGUST = date(2026, 8, 1)


def panel(app) -> ScorecardPanel:  # type: ignore[no-untyped-def]
    return app.screen.query_one(ScorecardPanel)


def block(app, frequency: Frequency) -> ScoreGrid:  # type: ignore[no-untyped-def]
    return panel(app).grid_for(frequency)


def measurable_id(snapshot, title: str) -> str:  # type: ignore[no-untyped-def]
    return next(m.id for m in snapshot.measurables if m.title == title)


def into_monthly() -> list[str]:
    """From the first weekly row, down past the last one: into the Monthly block."""
    return ["down"] * WEEKLY_ROWS


async def test_the_blocks_show_each_frequency_in_its_own_periods(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        weekly, monthly, quarterly = (block(app, f) for f in Frequency)
        assert [row.measurable.title for row in monthly.rows_shown] == ["Revenue booked"]
        assert [row.measurable.title for row in quarterly.rows_shown] == ["Customer NPS"]
        assert "Revenue booked" not in [row.measurable.title for row in weekly.rows_shown]
        assert {p.kind for p in weekly.periods} == {PeriodKind.WEEK}
        assert {p.kind for p in monthly.periods} == {PeriodKind.MONTH}
        assert {p.kind for p in quarterly.periods} == {PeriodKind.QUARTER}
        assert monthly.periods[-1].start == NOVEMBER
        assert all(widget.region.bottom <= 24 - 3 for widget in (weekly, monthly, quarterly)), "all in sight"


async def test_a_monthly_value_typed_in_the_grid_is_stored_on_the_months_first_day(make_app, on_disk) -> None:
    app = make_app()
    revenue = measurable_id(on_disk(), "Revenue booked")
    before = len(on_disk().scores)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", *into_monthly())
        await pilot.pause()
        assert app.screen.focused is block(app, Frequency.MONTHLY)
        assert "monthly · this month 0/1 entered" in str(app.screen.query_one("#sc-summary").render())
        await pilot.press("enter", *"412.5k", "enter")
        assert await wait_for(pilot, lambda: len(on_disk().scores) == before + 1)
        await pilot.pause()
        row = block(app, Frequency.MONTHLY).rows_shown[0]
        assert row.cell_text(row.cells[-1]) == "$412,500 ✓"
        assert not panel(app).captures_keys, "past the block's last row ENTRY ends"
    saved = [s for s in on_disk().scores if s.measurable_id == revenue and s.week >= NOVEMBER]
    assert [(s.week, s.value) for s in saved] == [(NOVEMBER, 412500)]
    assert not any(s.week == date(2026, 11, 23) and s.measurable_id == revenue for s in on_disk().scores)


async def test_up_from_the_monthly_block_goes_back_to_the_last_weekly_row(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", *into_monthly(), "down")
        await pilot.pause()
        assert app.screen.focused is block(app, Frequency.QUARTERLY)
        await pilot.press("up", "up")
        await pilot.pause()
        weekly = block(app, Frequency.WEEKLY)
        assert app.screen.focused is weekly
        assert weekly.current_row is not None and weekly.current_row.measurable.title == "Weekly safety walk done"


async def test_a_red_monthly_value_drops_to_the_issues_list(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", *into_monthly(), "left", "left", "left")
        await pilot.pause()
        cell = block(app, Frequency.MONTHLY).current_cell
        assert cell is not None and cell.period.start == AUGUST and cell.on_goal is False
        await pilot.press("i")
        assert await wait_for(pilot, lambda: any("Revenue booked" in i.title for i in on_disk().issues))
    issue = next(i for i in on_disk().issues if "Revenue booked" in i.title)
    assert issue.title == "Off goal: Revenue booked (month of 2026-08-01: $362,400)"


async def test_note_and_goal_work_on_a_month(make_app, on_disk) -> None:
    app = make_app()
    revenue = measurable_id(on_disk(), "Revenue booked")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", *into_monthly(), "left", "n")
        await pilot.pause()
        await pilot.press("ctrl+u", *"Big order", "enter")
        assert await wait_for(pilot, lambda: any(s.note == "Big order" for s in on_disk().scores))
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("ctrl+u", *">= 420000", "enter", "enter")
        assert await wait_for(pilot, lambda: bool(on_disk().measurable(revenue).goal_history))
    noted = next(s for s in on_disk().scores if s.note == "Big order")
    assert (noted.measurable_id, noted.week) == (revenue, date(2026, 10, 1))
    history = on_disk().measurable(revenue).goal_history
    assert [(change.week, change.goal.value) for change in history] == [(NOVEMBER, 420000)]


async def test_p_rolls_the_monthly_block_into_quarters_and_leaves_the_weeks_alone(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", *into_monthly(), "p")
        await pilot.pause()
        monthly = block(app, Frequency.MONTHLY)
        assert {p.kind for p in monthly.periods} == {PeriodKind.QUARTER}
        assert {p.kind for p in block(app, Frequency.WEEKLY).periods} == {PeriodKind.WEEK}
        row = monthly.rows_shown[0]
        q3 = next(cell for cell in row.cells if cell.period.label == "2026-Q3")
        assert (q3.value, q3.parts, q3.goal.value) == (405800 + 362400 + 468900, 3, 1200000)
        assert "read-only: p for months" in str(app.screen.query_one("#sc-summary").render())
        await pilot.press("enter")
        await pilot.pause()
        assert not panel(app).captures_keys, "a roll-up is not typed into"
        await pilot.press("p")
        await pilot.pause()
        assert {p.kind for p in monthly.periods} == {PeriodKind.MONTH}


async def test_a_quarterly_measurable_added_through_the_form(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "a")
        await pilot.pause()
        await pilot.press(*"Partner survey", "enter", *"Dana", "enter", "ctrl+u", *"number", "enter", *">= 8", "enter")
        await pilot.press("enter", "ctrl+u", *"quarterly", "enter")
        assert await wait_for(pilot, lambda: any(m.title == "Partner survey" for m in on_disk().measurables))
        await pilot.pause()
        assert "Partner survey" in [row.measurable.title for row in block(app, Frequency.QUARTERLY).rows_shown]
    added = next(m for m in on_disk().measurables if m.title == "Partner survey")
    assert added.frequency is Frequency.QUARTERLY


async def test_the_meeting_shows_last_months_numbers_in_a_months_first_meeting(make_app, demo_folder, on_disk) -> None:
    """Tuesday 1 December: the week of 23 November and, below it, November's monthly numbers."""
    at = datetime(2026, 12, 1, 9, 0)
    clock = Clock(at)
    meeting_id = start_meeting(demo_folder, at=at)
    revenue = measurable_id(on_disk(), "Revenue booked")
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        open_meeting(app, meeting_id)
        await pilot.pause()
        await pilot.press("n")
        assert await wait_for(pilot, lambda: bool(app.screen.query(MeetingScorecardPanel)))
        meeting_panel = app.screen.query_one(MeetingScorecardPanel)
        await pilot.pause()
        monthly = meeting_panel.grid_for(Frequency.MONTHLY)
        assert monthly.display and not meeting_panel.grid_for(Frequency.QUARTERLY).display
        assert monthly.current == NOVEMBER
        meeting_panel.grid_for(Frequency.WEEKLY).move_cursor(row=WEEKLY_ROWS - 1)
        await pilot.press("down")
        await pilot.pause()
        assert "Nov 2026 0/1 entered" in str(meeting_panel.query_one("#sc-summary").render())
        assert "Quarterly numbers: see Scorecard" in str(meeting_panel.query_one("#sc-notes").render())
        await pilot.press("enter", *"401000", "enter")
        assert await wait_for(
            pilot, lambda: any(s.measurable_id == revenue and s.week == NOVEMBER for s in on_disk().scores)
        )


async def test_other_meetings_show_weekly_numbers_and_point_to_the_scorecard(make_app, demo_folder) -> None:
    at = datetime(2026, 11, 24, 9, 0)
    meeting_id = start_meeting(demo_folder, at=at)
    app = make_app(clock=Clock(at))
    async with app.run_test(size=(80, 24)) as pilot:
        open_meeting(app, meeting_id)
        await pilot.pause()
        await pilot.press("n")
        assert await wait_for(pilot, lambda: bool(app.screen.query(MeetingScorecardPanel)))
        await pilot.pause()
        meeting_panel = app.screen.query_one(MeetingScorecardPanel)
        assert not meeting_panel.grid_for(Frequency.MONTHLY).display
        notes = str(meeting_panel.query_one("#sc-notes").render())
        assert notes.startswith("Monthly and Quarterly numbers: see Scorecard (3)")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_scorecard_blocks_snapshot(make_app, snap_compare, size) -> None:
    """The Monthly block rolled up into quarters, the cursor on its row, the Quarterly block below."""
    assert snap_compare(make_app(), press=["3", *into_monthly(), "p"], terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_scorecard_monthly_entry_snapshot(make_app, snap_compare, size) -> None:
    """ENTRY on a month: the editor names the month, the preview judges the value."""
    assert snap_compare(make_app(), press=["3", *into_monthly(), "enter", *"385k"], terminal_size=size)


async def test_a_card_of_monthly_numbers_only_does_not_say_it_has_no_measurables(make_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A solo operator who keeps only monthly numbers: the empty weekly block says "no weekly
    measurables", not "no measurables" above the monthly block that holds them."""
    from cadence.store import Workspace, actions

    folder = tmp_path / "solo"
    workspace = Workspace.create(folder, company="Solo")
    with workspace.transaction() as tx:
        actions.add_person(tx, "Sam")
        actions.add_measurable(tx, "Revenue booked", "Sam", ">= 10k", unit="currency", frequency="monthly")
    app = make_app(folder=folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        summary = str(app.screen.query_one("#sc-summary").render())
        assert "no weekly measurables yet" in summary
        assert [row.measurable.title for row in block(app, Frequency.MONTHLY).rows_shown] == ["Revenue booked"]

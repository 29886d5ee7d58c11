"""The Scorecard fits its terminal, opens on this week, and keeps the same clock as the CLI.

At 80x24 every column on screen is whole (the roll-up column included) and
nothing scrolls sideways however far the cursor walks; a new workspace opens
on this week, not the oldest of the 13; ``CADENCE_TODAY`` moves the app's
"this week" exactly as it moves the CLI's.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cadence.store import Workspace, actions
from cadence.tui.app import CadenceApp
from cadence.tui.config import UserSettings
from cadence.tui.widgets.header import CadenceHeader
from cadence.tui.widgets.score_grid import ScoreGrid

THIS_WEEK = date(2026, 11, 23)


def grid(app) -> ScoreGrid:  # type: ignore[no-untyped-def]
    return app.screen.query_one(ScoreGrid)


def assert_fits(table: ScoreGrid) -> None:
    widths = sum(column.get_render_width(table) for column in table.ordered_columns)
    assert widths <= table.size.width, f"columns take {widths} cells, the grid has {table.size.width}"
    assert table.scroll_x == 0, "nothing scrolls sideways, so no column shows cut"
    keys = [column.key.value for column in table.ordered_columns]
    assert keys[-1] in ("rollup", "total", "trend") and ("rollup" in keys or "avg" in keys)


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40), (160, 50)])
async def test_the_grid_fits_however_far_the_cursor_walks(make_app, size) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("3")
        await pilot.pause()
        table = grid(app)
        assert_fits(table)
        assert table.current_cell.period.start == THIS_WEEK
        assert table.shown_periods[-1].start == THIS_WEEK, "the window ends on this week"
        seen = {THIS_WEEK}
        for _ in range(15):
            await pilot.press("h")
            assert_fits(table)
            if table.current_cell is not None:
                seen.add(table.current_cell.period.start)
        assert len(seen) == 13, "walking left reaches every one of the 13 weeks"
        assert table.shown_periods[0] == table.periods[0]
        for _ in range(16):
            await pilot.press("l")
            assert_fits(table)
        assert table.on_summary, "past the newest week the cursor reaches the roll-up column"
        for _ in range(2):  # one roll-up column at 80, Avg and Total when wider
            if table.on_summary:
                await pilot.press("h")
        assert table.current_cell.period.start == THIS_WEEK


async def test_at_80_columns_the_owner_and_trend_show_under_the_grid(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        detail = str(app.screen.query_one("#sc-detail").render())
        assert "M-1 Revenue invoiced (Elena)" in detail
        await pilot.press("end", "l")
        await pilot.pause()
        detail = str(app.screen.query_one("#sc-detail").render())
        assert "avg $54.9k · total $659,170" in detail and "on goal" in detail


@pytest.fixture
def new_workspace(tmp_path: Path) -> Path:
    folder = tmp_path / "fresh"
    Workspace.create(folder, company="Fresh Co")
    return folder


async def test_a_new_workspace_opens_on_this_week(make_app, new_workspace: Path) -> None:
    app = make_app(folder=new_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        table = grid(app)
        assert table.row_count == 0
        assert table.shown_periods[-1].start == THIS_WEEK, "no measurables yet, and the columns shown end on this week"
        assert_fits(table)
    with Workspace(new_workspace).transaction() as tx:
        actions.add_person(tx, "Ann")
        actions.add_measurable(tx, "Calls", "Ann", ">= 5")
    app = make_app(folder=new_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "enter", *"7", "enter")
        await pilot.pause()
        assert grid(app).shown_periods[-1].start == THIS_WEEK
    assert Workspace(new_workspace).read().score_for("M-1", THIS_WEEK).value == 7


async def test_cadence_today_sets_the_apps_day_as_it_sets_the_clis(demo_folder: Path, settings: UserSettings,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CADENCE_TODAY", "2026-11-18")  # a Wednesday: the week of 16 Nov
    app = CadenceApp(demo_folder, settings=settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert "week of 16 Nov 2026" in str(app.screen.query_one(CadenceHeader).render())
        assert grid(app).current_cell.period.start == date(2026, 11, 16)
        assert grid(app).periods[-1].start == date(2026, 11, 16), "this week is the newest column"
        await pilot.press("l", "h", "enter", *"70k", "enter")
        await pilot.pause()
    assert Workspace(demo_folder).read().score_for("M-1", date(2026, 11, 16)).value == 70_000


def test_a_bad_cadence_today_is_one_clear_error(demo_folder: Path, settings: UserSettings,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from cadence.store import InputError

    monkeypatch.setenv("CADENCE_TODAY", "next tuesday")
    with pytest.raises(InputError, match="CADENCE_TODAY: 'next tuesday' is not an ISO date"):
        CadenceApp(demo_folder, settings=settings)

"""Roll-ups and durations typed in the app: a new percent measurable averages into its month.

The add form's roll-up field, left blank, takes the unit's default (percent,
duration and yes/no average; number and currency sum); weeks of 25% and 40%
show 32.5% for November, never 65%. A bare number in a duration cell is hours.
"""

from __future__ import annotations

from datetime import date

from cadence.domain.models import Aggregate
from cadence.tui.widgets.cell_entry import CellEntry
from cadence.tui.widgets.score_grid import ScoreGrid

WEEK_A, WEEK_B = date(2026, 11, 9), date(2026, 11, 16)


def grid(app) -> ScoreGrid:  # type: ignore[no-untyped-def]
    return app.screen.query_one(ScoreGrid)


async def add_measurable(pilot, unit: str, goal: str, rollup: str = "") -> None:  # type: ignore[no-untyped-def]
    await pilot.press("3", "a")
    await pilot.pause()
    await pilot.press(*"Close rate", "enter", *"Dana", "enter", "ctrl+u", *unit, "enter", *goal, "enter", *rollup, "enter", "enter")  # frequency: weekly
    await pilot.pause()


async def test_a_new_percent_measurable_averages_into_the_month(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await add_measurable(pilot, "percent", ">= 30%")
        added = on_disk().measurables[-1]
        assert (added.title, added.unit.value, added.aggregate) == ("Close rate", "percent", Aggregate.AVERAGE)
        for week, value in ((WEEK_A, "25%"), (WEEK_B, "40%")):
            grid(app).place(added.id, week)
            await pilot.press("enter", *value, "enter")
            await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        row = next(r for r in grid(app).rows_shown if r.measurable.id == added.id)
        november = next(cell for cell in row.cells if cell.period.label == "2026-11")
        assert row.cell_text(november) == "32.5% ✓"
    stored = on_disk()
    assert [stored.score_for(added.id, week).value for week in (WEEK_A, WEEK_B)] == [25, 40]


async def test_the_form_can_choose_sum_for_a_percent(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await add_measurable(pilot, "percent", ">= 30%", rollup="sum")
    assert on_disk().measurables[-1].aggregate is Aggregate.SUM


async def test_a_bare_number_in_a_duration_cell_is_hours(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await add_measurable(pilot, "duration", "<= 24")
        added = on_disk().measurables[-1]
        assert (added.goal.value, added.aggregate) == (24 * 60, Aggregate.AVERAGE)
        grid(app).place(added.id, WEEK_B)
        await pilot.press("enter")
        await pilot.pause()
        assert "a bare number is hours" in str(app.screen.query_one("#entry-preview").render())
        await pilot.press(*"13")
        await pilot.pause()
        assert "= 13:00 ✓ on goal" in str(app.screen.query_one("#entry-preview").render())
        await pilot.press("enter")
        await pilot.pause()
        assert not app.screen.query_one(CellEntry).is_open
    assert on_disk().score_for(added.id, WEEK_B).value == 13 * 60

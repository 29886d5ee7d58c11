"""The Scorecard costs what it shows: years of old numbers are not walked per build, and a cursor move builds nothing."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from cadence.domain.models import Score
from cadence.store import Workspace
from cadence.tui.panels import scorecard as scorecard_module

FIRST_OLD_WEEK = date(2021, 1, 4)  # a Monday, five years before the demo's weeks
THIS_WEEK = date(2026, 11, 23)


def add_five_years_of_numbers(folder: Path) -> int:
    """260 weekly values for each of the leadership team's weekly measurables, before the demo's; how many."""
    added = 0
    with Workspace(folder).transaction() as tx:
        measurables = [m for m in tx.measurables if m.team_id == "TM-1" and m.frequency.value == "weekly"]
        taken = {(score.measurable_id, score.week) for score in tx.scores}
        for measurable in measurables:
            for offset in range(260):
                week = FIRST_OLD_WEEK + timedelta(weeks=offset)
                if (measurable.id, week) not in taken and week < date(2026, 5, 1):
                    tx.add(Score, measurable_id=measurable.id, week=week, value=float(offset))
                    added += 1
    return added


async def test_a_build_reads_only_the_numbers_of_the_weeks_it_shows(make_app, demo_folder, monkeypatch) -> None:
    assert add_five_years_of_numbers(demo_folder) > 1000
    handed: list[tuple[list[Score], date]] = []
    original = scorecard_module.build_grid

    def watched(measurables, scores, periods):  # type: ignore[no-untyped-def]
        handed.append((list(scores), min((period.start for period in periods), default=THIS_WEEK)))
        return original(measurables, scores, periods)

    monkeypatch.setattr(scorecard_module, "build_grid", watched)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        panel = app.screen.query_one(scorecard_module.ScorecardPanel)
        grid = panel.grid
        assert handed, "the grid was built"
        for scores, oldest_shown in handed:
            assert all(score.week >= oldest_shown - timedelta(days=7) for score in scores), "no older numbers"
        assert sum(len(scores) for scores, _ in handed) < 400, "the weeks, months and quarters shown, not 5 years"
        assert grid.current_row is not None and grid.current_row.cells[-2].value is not None, "last week shows"

        builds, calls = panel.builds, len(handed)
        await pilot.press("left", "left", "down", "right", "up")
        await pilot.pause()
        assert (panel.builds, len(handed)) == (builds, calls), "a cursor move builds nothing"
        assert grid.current_cell is not None and grid.current_cell.period.start == THIS_WEEK - timedelta(weeks=1)

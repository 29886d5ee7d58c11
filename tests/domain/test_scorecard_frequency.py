"""Monthly and quarterly measurables on the grid: their own periods only, roll-ups, goals per period.

The trap these guard: a monthly value is stored under the month's 1st, and when
that 1st is a week start (June 2026 starts on a Monday) a weekly grid asking
"which score is on this week's start?" would show the month's value as that
week's. A measurable's cells come only from its own periods and the coarser
ones they roll up into.
"""

from __future__ import annotations

from datetime import date

import pytest
from cadence.domain.goals import Comparator, Goal
from cadence.domain.models import Aggregate, Frequency, GoalChange, Measurable, Score
from cadence.domain.periods import Quarter
from cadence.domain.scorecard import (
    PeriodKind,
    build_grid,
    build_row,
    month_period,
    of_frequency,
    own_kind,
    periods_for,
    quarter_period,
    shows_in,
    views_of,
    week_period,
)
from cadence.domain.units import Unit

TODAY = date(2026, 11, 23)


def goal(comparator: str, value: float, high: float | None = None) -> Goal:
    return Goal(comparator=Comparator(comparator), value=value, high=high)


def measurable(
    frequency: Frequency,
    *,
    number: int = 1,
    unit: Unit = Unit.CURRENCY,
    aggregate: Aggregate = Aggregate.SUM,
    target: Goal | None = None,
    history: list[GoalChange] | None = None,
) -> Measurable:
    return Measurable(
        id=f"M-{number}",
        title=f"Measurable {number}",
        owner_id="P-1",
        unit=unit,
        aggregate=aggregate,
        goal=target or goal(">=", 400000),
        goal_history=history or [],
        frequency=frequency,
    )


def score(measurable_id: str, day: str, value: float, note: str = "") -> Score:
    number = int(day.replace("-", "")) * 10 + int(measurable_id.split("-")[1])
    return Score(id=f"S-{number}", measurable_id=measurable_id, week=date.fromisoformat(day), value=value, note=note)


def test_views_follow_the_frequency() -> None:
    assert views_of(Frequency.WEEKLY) == [PeriodKind.WEEK, PeriodKind.MONTH, PeriodKind.QUARTER]
    assert views_of(Frequency.MONTHLY) == [PeriodKind.MONTH, PeriodKind.QUARTER]
    assert views_of(Frequency.QUARTERLY) == [PeriodKind.QUARTER]
    monthly = measurable(Frequency.MONTHLY)
    assert own_kind(monthly) is PeriodKind.MONTH
    assert not shows_in(monthly, PeriodKind.WEEK)
    assert shows_in(monthly, PeriodKind.QUARTER)


def test_a_months_first_day_that_starts_a_week_is_not_that_weeks_value() -> None:
    """1 June 2026 is a Monday: the monthly value stored on it must not fill the week of 1 June."""
    monthly = measurable(Frequency.MONTHLY)
    scores = [score("M-1", "2026-06-01", 420000)]
    assert date(2026, 6, 1).weekday() == 0
    row = build_row(monthly, scores, [week_period(date(2026, 6, 1)), week_period(date(2026, 6, 8))])
    assert [cell.value for cell in row.cells] == [None, None]
    assert not any(cell.editable for cell in row.cells)
    assert row.average is None and row.total is None


def test_a_weekly_value_on_a_months_first_day_is_not_a_months_value_either() -> None:
    """The other way round: a weekly measurable's week of 1 June is one week of June, not June itself."""
    weekly = measurable(Frequency.WEEKLY, target=goal(">=", 100000))
    scores = [score("M-1", "2026-06-01", 100000), score("M-1", "2026-06-08", 110000)]
    row = build_row(weekly, scores, [month_period(date(2026, 6, 1))])
    (cell,) = row.cells
    assert cell.value == 210000 and cell.parts == 2 and not cell.editable


def test_a_monthly_measurable_has_one_editable_cell_per_month() -> None:
    monthly = measurable(Frequency.MONTHLY)
    periods = periods_for(PeriodKind.MONTH, TODAY)
    scores = [score("M-1", "2026-09-01", 410000, "Two big orders"), score("M-1", "2026-10-01", 380000)]
    row = build_row(monthly, scores, periods)
    by_month = {cell.period.start: cell for cell in row.cells}
    assert [period.start for period in periods][-3:] == [date(2026, 9, 1), date(2026, 10, 1), date(2026, 11, 1)]
    assert by_month[date(2026, 9, 1)].value == 410000 and by_month[date(2026, 9, 1)].on_goal
    assert by_month[date(2026, 9, 1)].note == "Two big orders"
    assert by_month[date(2026, 10, 1)].on_goal is False
    assert by_month[date(2026, 11, 1)].value is None
    assert all(cell.editable for cell in row.cells)
    assert row.cell_text(by_month[date(2026, 9, 1)]) == "$410,000 ✓*"
    assert row.total == 790000 and row.average == 395000
    assert row.reported_count == 2 and row.on_goal_count == 1


def test_a_score_on_another_day_of_the_month_is_not_shown() -> None:
    """Only the month's first day names it (the store refuses others; a hand-edited file may not)."""
    monthly = measurable(Frequency.MONTHLY)
    row = build_row(monthly, [score("M-1", "2026-10-05", 1)], [month_period(date(2026, 10, 1))])
    assert row.cells[0].value is None


@pytest.mark.parametrize(
    ("aggregate", "expected", "scaled"),
    [(Aggregate.SUM, 1230000, 1200000), (Aggregate.AVERAGE, 410000, 400000)],
)
def test_months_roll_up_into_quarters_by_their_aggregate(aggregate: Aggregate, expected: float, scaled: float) -> None:
    monthly = measurable(Frequency.MONTHLY, aggregate=aggregate)
    scores = [
        score("M-1", "2026-07-01", 400000),
        score("M-1", "2026-08-01", 410000),
        score("M-1", "2026-09-01", 420000),
    ]
    q3 = quarter_period(Quarter(2026, 3))
    row = build_row(monthly, scores, [q3])
    (cell,) = row.cells
    assert cell.value == expected
    assert cell.parts == 3
    assert cell.goal.value == scaled
    assert not cell.editable


def test_quarters_follow_the_fiscal_year_for_monthly_roll_ups() -> None:
    """With a February fiscal start, 2026-Q4 is November to January: the January value counts in it."""
    monthly = measurable(Frequency.MONTHLY)
    scores = [score("M-1", "2026-11-01", 1), score("M-1", "2026-12-01", 2), score("M-1", "2027-01-01", 4)]
    row = build_row(monthly, scores, [quarter_period(Quarter(2026, 4, 2))])
    assert row.cells[0].value == 7 and row.cells[0].parts == 3


def test_a_quarterly_measurable_only_has_quarters() -> None:
    quarterly = measurable(Frequency.QUARTERLY, unit=Unit.NUMBER, aggregate=Aggregate.AVERAGE, target=goal(">=", 50))
    scores = [score("M-1", "2026-07-01", 47), score("M-1", "2026-10-01", 55)]
    assert build_row(quarterly, scores, [month_period(date(2026, 7, 1))]).cells[0].value is None
    periods = periods_for(PeriodKind.QUARTER, TODAY)
    row = build_row(quarterly, scores, periods)
    values = {cell.period.label: (cell.value, cell.on_goal, cell.editable) for cell in row.cells}
    assert values["2026-Q3"] == (47, False, True)
    assert values["2026-Q4"] == (55, True, True)
    assert values["2026-Q1"] == (None, None, True)
    assert row.average == 51
    assert row.total is None  # an averaged measurable has no total
    assert row.trend.strip() != ""


def test_goal_history_applies_from_a_month_on() -> None:
    monthly = measurable(
        Frequency.MONTHLY,
        target=goal(">=", 400000),
        history=[GoalChange(week=date(2026, 10, 1), goal=goal(">=", 450000))],
    )
    scores = [score("M-1", "2026-09-01", 420000), score("M-1", "2026-10-01", 420000)]
    row = build_row(monthly, scores, [month_period(date(2026, 9, 1)), month_period(date(2026, 10, 1))])
    assert [cell.on_goal for cell in row.cells] == [True, False]
    assert row.goal.value == 450000  # the goal now, for the newest month shown


def test_goal_of_a_quarter_roll_up_is_the_last_months_goal_scaled() -> None:
    monthly = measurable(
        Frequency.MONTHLY,
        target=goal(">=", 400000),
        history=[GoalChange(week=date(2026, 9, 1), goal=goal(">=", 500000))],
    )
    scores = [
        score("M-1", "2026-07-01", 450000),
        score("M-1", "2026-08-01", 450000),
        score("M-1", "2026-09-01", 450000),
    ]
    (cell,) = build_row(monthly, scores, [quarter_period(Quarter(2026, 3))]).cells
    assert cell.goal.value == 1500000 and cell.on_goal is False


def test_yes_no_monthly_summed_into_a_quarter_reads_as_a_count() -> None:
    monthly = measurable(Frequency.MONTHLY, unit=Unit.YESNO, aggregate=Aggregate.SUM, target=goal("=", 1))
    scores = [score("M-1", "2026-07-01", 1), score("M-1", "2026-08-01", 0), score("M-1", "2026-09-01", 1)]
    row = build_row(monthly, scores, [quarter_period(Quarter(2026, 3))])
    assert row.cell_text(row.cells[0]).startswith("2/3")


def test_blocks_split_by_frequency_and_grid_keeps_each_measurables_scores() -> None:
    weekly = measurable(Frequency.WEEKLY, number=1)
    monthly = measurable(Frequency.MONTHLY, number=2)
    quarterly = measurable(Frequency.QUARTERLY, number=3)
    everything = [weekly, monthly, quarterly]
    assert of_frequency(everything, Frequency.MONTHLY) == [monthly]
    assert of_frequency(everything, "quarterly") == [quarterly]
    scores = [score("M-1", "2026-06-01", 1), score("M-2", "2026-06-01", 2), score("M-3", "2026-04-01", 3)]
    rows = build_grid(everything, scores, [week_period(date(2026, 6, 1))])
    assert [row.cells[0].value for row in rows] == [1, None, None]
    rows = build_grid(everything, scores, [quarter_period(Quarter(2026, 2))])
    assert [row.cells[0].value for row in rows] == [1, 2, 3]

"""The Scorecard grid's rules: periods, ISO week-year edges, roll-ups, averages, totals, trends."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from cadence.domain.goals import Comparator, Goal
from cadence.domain.models import Aggregate, GoalChange, Measurable, Score
from cadence.domain.periods import week_start
from cadence.domain.scorecard import (
    PeriodKind,
    active_measurables,
    average,
    build_grid,
    build_row,
    goal_text,
    iso_week_label,
    month_periods,
    periods_for,
    quarter_periods,
    scaled_goal,
    short_value,
    sparkline,
    total,
    week_period,
    week_periods,
)
from cadence.domain.units import Unit

MONDAY = date(2026, 11, 23)


def goal(comparator: str, value: float, high: float | None = None) -> Goal:
    return Goal(comparator=Comparator(comparator), value=value, high=high)


def measurable(
    number: int = 1,
    *,
    unit: Unit = Unit.NUMBER,
    aggregate: Aggregate = Aggregate.SUM,
    target: Goal | None = None,
    history: list[GoalChange] | None = None,
    order: int = 0,
    archived: bool = False,
) -> Measurable:
    return Measurable(
        id=f"M-{number}",
        title=f"Measurable {number}",
        owner_id="P-1",
        unit=unit,
        aggregate=aggregate,
        goal=target or goal(">=", 10),
        goal_history=history or [],
        order=order,
        archived=archived,
    )


def scores(measurable_id: str, values: dict[date, float], notes: dict[date, str] | None = None) -> list[Score]:
    notes = notes or {}
    return [
        Score(id=f"S-{index}", measurable_id=measurable_id, week=week, value=value, note=notes.get(week, ""))
        for index, (week, value) in enumerate(sorted(values.items()), start=1)
    ]


# Weeks and the ISO week-year edge ---------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "start", "label"),
    [
        (date(2024, 12, 30), date(2024, 12, 30), "2025-W01"),  # starts in 2024, ISO week 1 of 2025
        (date(2025, 1, 1), date(2024, 12, 30), "2025-W01"),
        (date(2025, 1, 5), date(2024, 12, 30), "2025-W01"),
        (date(2024, 12, 29), date(2024, 12, 23), "2024-W52"),
        (date(2021, 1, 3), date(2020, 12, 28), "2020-W53"),  # early January in the previous ISO year
        (date(2026, 12, 31), date(2026, 12, 28), "2026-W53"),
        (MONDAY, MONDAY, "2026-W48"),
    ],
)
def test_iso_week_labels_use_the_iso_year(day: date, start: date, label: str) -> None:
    assert week_start(day) == start
    assert iso_week_label(start) == label
    assert week_period(start).short == label[-3:]


def test_week_columns_cross_the_year_end_in_order() -> None:
    periods = week_periods(date(2025, 1, 8), 3)
    assert [p.start for p in periods] == [date(2024, 12, 23), date(2024, 12, 30), date(2025, 1, 6)]
    assert [p.label for p in periods] == ["2024-W52", "2025-W01", "2025-W02"]


def test_week_columns_with_a_sunday_week_start() -> None:
    periods = week_periods(MONDAY, 2, week_start_day=6)
    assert [p.start for p in periods] == [date(2026, 11, 15), date(2026, 11, 22)]


# Averages, totals, trend ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "mean", "summed"),
    [
        ([10, 20, 30], 20, 60),
        ([10, None, 30], 20, 40),  # a missing week is skipped, not a zero
        ([None, None, 5], 5, 5),
        ([None, None], None, None),
        ([], None, None),
        ([0, None, 0], 0, 0),  # a real zero still counts
    ],
)
def test_average_and_total_skip_missing_weeks(values: list[float | None], mean: float | None, summed: float | None) -> None:
    assert average(values) == mean
    assert total(values) == summed


@pytest.mark.parametrize(
    ("values", "line"),
    [
        ([1, 2, 3, 4, 5, 6, 7, 8], "▁▂▃▄▅▆▇█"),
        ([0, None, 10], "▁ █"),
        ([5, 5, 5], "▄▄▄"),
        ([None, None], "  "),
        ([], ""),
        ([3, 1], "█▁"),
    ],
)
def test_sparkline(values: list[float | None], line: str) -> None:
    assert sparkline(values) == line


def test_row_average_total_and_trend_over_the_weeks_shown() -> None:
    periods = week_periods(MONDAY, 4)
    weeks = [p.start for p in periods]
    counted = measurable(1)
    row = build_row(counted, scores("M-1", {weeks[0]: 10, weeks[2]: 30, weeks[3]: 20}), periods)
    assert [cell.value for cell in row.cells] == [10, None, 30, 20]
    assert row.average == 20
    assert row.total == 60
    assert row.trend == "▁ █▅"
    assert (row.reported_count, row.on_goal_count) == (3, 3)


def test_an_averaged_measurable_has_no_total() -> None:
    periods = week_periods(MONDAY, 2)
    cash = measurable(2, unit=Unit.CURRENCY, aggregate=Aggregate.AVERAGE)
    row = build_row(cash, scores("M-2", {periods[0].start: 100, periods[1].start: 300}), periods)
    assert row.average == 200
    assert row.total is None


def test_cells_are_judged_by_their_own_weeks_goal_and_carry_notes() -> None:
    periods = week_periods(MONDAY, 3)
    weeks = [p.start for p in periods]
    changed = measurable(1, target=goal(">=", 10), history=[GoalChange(week=weeks[2], goal=goal(">=", 50))])
    row = build_row(changed, scores("M-1", {w: 20 for w in weeks}, {weeks[1]: "short week"}), periods)
    assert [cell.on_goal for cell in row.cells] == [True, True, False]
    assert [cell.mark for cell in row.cells] == ["✓", "✓", "✗"]
    assert row.cells[1].note == "short week"
    assert row.cell_text(row.cells[1]) == "20 ✓*"
    assert row.goal == goal(">=", 50), "the row shows the goal in force in the newest week"


def test_newest_left_is_the_same_row_reversed() -> None:
    periods = week_periods(MONDAY, 3)
    weeks = [p.start for p in periods]
    counted = measurable(1)
    data = scores("M-1", {weeks[0]: 1, weeks[1]: 2, weeks[2]: 3})
    right = build_row(counted, data, periods)
    left = build_row(counted, data, list(reversed(periods)))
    assert [c.value for c in left.cells] == list(reversed([c.value for c in right.cells]))
    assert left.trend == right.trend[::-1]
    assert (left.average, left.total) == (right.average, right.total)


def test_grid_keeps_only_its_measurables_scores() -> None:
    periods = week_periods(MONDAY, 1)
    rows = build_grid([measurable(1)], [*scores("M-1", {MONDAY: 5}), *scores("M-2", {MONDAY: 99})], periods)
    assert len(rows) == 1 and rows[0].cells[0].value == 5


def test_active_measurables_hide_archived_and_keep_team_order() -> None:
    listed = [
        measurable(3, order=1).model_copy(update={"team_id": "TM-2"}),
        measurable(1, order=2).model_copy(update={"team_id": "TM-1"}),
        measurable(2, order=1).model_copy(update={"team_id": "TM-1"}),
        measurable(4, order=0, archived=True),
    ]
    assert [m.id for m in active_measurables(listed)] == ["M-2", "M-1", "M-3"]


# Roll-ups ----------------------------------------------------------------------------------


def every_week(first: date, last: date) -> list[date]:
    weeks = []
    day = week_start(first)
    while day <= last:
        weeks.append(day)
        day += timedelta(days=7)
    return weeks


def test_a_week_rolls_up_into_the_month_holding_most_of_it() -> None:
    months = month_periods(date(2025, 1, 15), 2)
    december, january = months
    assert (december.label, january.label) == ("2024-12", "2025-01")
    # The week of Mon 2024-12-30 has 5 of its days in January: ISO 2025-W01, and January's.
    assert january.holds_week(date(2024, 12, 30))
    assert not december.holds_week(date(2024, 12, 30))
    # The week of Mon 2024-11-25 has 5 of its days in November.
    assert not december.holds_week(date(2024, 11, 25))


def test_month_roll_up_sums_or_averages_and_scales_the_goal() -> None:
    months = month_periods(date(2026, 11, 23), 2)
    october = months[0]
    october_weeks = [w for w in every_week(date(2026, 9, 20), date(2026, 11, 1)) if october.holds_week(w)]
    assert october_weeks == [date(2026, 9, 28), date(2026, 10, 5), date(2026, 10, 12), date(2026, 10, 19), date(2026, 10, 26)]
    values = {week: 10.0 for week in october_weeks}
    values[date(2026, 10, 12)] = 30.0
    del values[date(2026, 10, 19)]  # a missing week
    summed = build_row(measurable(1, target=goal(">=", 12)), scores("M-1", values), months)
    cell = summed.cells[0]
    assert cell.value == 60 and cell.weeks == 4
    assert cell.goal == goal(">=", 48), "a weekly >= 12 over the 4 weeks reported"
    assert cell.on_goal
    averaged = build_row(measurable(1, aggregate=Aggregate.AVERAGE, target=goal(">=", 12)), scores("M-1", values), months)
    assert averaged.cells[0].value == 15
    assert averaged.cells[0].goal == goal(">=", 12)
    assert averaged.cells[0].on_goal


def test_yes_no_roll_up_counts_yeses() -> None:
    months = month_periods(date(2026, 11, 23), 2)
    weeks = [w for w in every_week(date(2026, 9, 20), date(2026, 11, 1)) if months[0].holds_week(w)]
    safety = measurable(7, unit=Unit.YESNO, target=goal("=", 1))
    row = build_row(safety, scores("M-7", {w: 1.0 for w in weeks[:-1]} | {weeks[-1]: 0.0}), months)
    assert row.cell_text(row.cells[0]) == "4/5 ✗"


@pytest.mark.parametrize(
    ("fiscal_start", "today", "labels", "first_start"),
    [
        (1, date(2026, 11, 23), ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"], date(2026, 1, 1)),
        (4, date(2026, 11, 23), ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"], date(2026, 1, 1)),
        (4, date(2026, 3, 27), ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"], date(2025, 4, 1)),
        # Mon 2026-03-30's week is mostly in April: it belongs to the new fiscal year's Q1.
        (4, date(2026, 3, 30), ["2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"], date(2025, 7, 1)),
        (4, date(2026, 4, 1), ["2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"], date(2025, 7, 1)),
    ],
)
def test_quarters_follow_the_fiscal_year(fiscal_start: int, today: date, labels: list[str], first_start: date) -> None:
    quarters = quarter_periods(today, 4, fiscal_start)
    assert [q.label for q in quarters] == labels
    assert quarters[0].start == first_start


def test_quarter_roll_up_with_an_april_fiscal_year() -> None:
    quarters = quarter_periods(date(2026, 4, 6), 2, fiscal_start_month=4)
    fy25_q4, fy26_q1 = quarters
    assert (fy25_q4.label, fy26_q1.label) == ("2025-Q4", "2026-Q1")
    assert (fy26_q1.start, fy26_q1.end) == (date(2026, 4, 1), date(2026, 6, 30))
    weeks = every_week(date(2026, 3, 16), date(2026, 4, 6))  # Mar 16, Mar 23, Mar 30, Apr 6
    row = build_row(measurable(1), scores("M-1", {week: 10.0 for week in weeks}), quarters)
    # Mar 30's week has its middle day (Apr 2) in April: it counts for the new fiscal year.
    assert [cell.value for cell in row.cells] == [20.0, 20.0]
    assert [cell.weeks for cell in row.cells] == [2, 2]


def test_the_iso_edge_week_rolls_up_with_its_iso_year() -> None:
    quarters = quarter_periods(date(2025, 1, 8), 2)
    assert [q.label for q in quarters] == ["2024-Q4", "2025-Q1"]
    row = build_row(measurable(1), scores("M-1", {date(2024, 12, 23): 5.0, date(2024, 12, 30): 7.0}), quarters)
    assert [cell.value for cell in row.cells] == [5.0, 7.0]


def test_periods_for_each_kind() -> None:
    assert len(periods_for(PeriodKind.WEEK, MONDAY)) == 13
    assert [p.label for p in periods_for(PeriodKind.MONTH, MONDAY, count=3)] == ["2026-09", "2026-10", "2026-11"]
    assert periods_for(PeriodKind.QUARTER, MONDAY, fiscal_start_month=2)[-1].label == "2026-Q4"
    assert PeriodKind.WEEK.next() is PeriodKind.MONTH and PeriodKind.QUARTER.next() is PeriodKind.WEEK


# Showing --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (61_850, Unit.CURRENCY, "$61,850"),
        (266_300, Unit.CURRENCY, "$266.3k"),
        (1_500_000, Unit.NUMBER, "1.5M"),
        (-266_300, Unit.CURRENCY, "-$266.3k"),
        (92.4, Unit.PERCENT, "92.4%"),
        (90, Unit.DURATION, "1:30"),
    ],
)
def test_short_values_fit_a_cell(value: float, unit: Unit, shown: str) -> None:
    assert short_value(value, unit, 7) == shown


def test_scaled_and_compact_goals() -> None:
    assert scaled_goal(goal("between", 70, 85), 2) == goal("between", 140, 170)
    assert scaled_goal(goal(">=", 20), 1) == goal(">=", 20)
    assert goal_text(goal("between", 70, 85), Unit.PERCENT, compact=True) == "70%–85%"
    assert goal_text(goal("outside", 1, 5), Unit.NUMBER, compact=True) == "not 1–5"
    assert goal_text(goal(">=", 52_000), Unit.CURRENCY, compact=True) == ">= $52k"
    assert goal_text(goal(">=", 52_000), Unit.CURRENCY) == ">= $52,000"

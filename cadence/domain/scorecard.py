"""The Scorecard grid: periods, cells judged against their goal, averages, totals and trends.

Pure rules shared by the TUI grid, ``cadence score show`` and the CSV export,
so all three say the same thing about the same numbers.

Rules this module keeps:

- A **week** is named by its first day (the workspace's week-start day). Its
  ISO label (``2025-W01``) comes from its middle day (start + 3), the same
  rule ISO 8601 uses: the week starting Monday 2024-12-30 is ``2025-W01``,
  never ``2024-W01``.
- A week **rolls up** into the month (and the fiscal quarter) holding its
  middle day, so a week split across two months counts once, in the month
  that holds most of it. That is the same rule as the ISO label, so the week
  ``2025-W01`` rolls up into January 2025.
- A rolled-up value combines the weekly values by the measurable's
  ``aggregate``: ``sum`` adds them, ``average`` averages them. Missing weeks
  are skipped, never counted as zero.
- The goal a rolled-up value is judged by is the goal in force in its last
  week (month) with a value; for a ``sum`` measurable it is scaled by the number
  of weeks (months) that had a value (a weekly ``>= 20`` becomes ``>= 80`` over four
  weeks; ``= yes`` every week becomes ``= 4`` yeses).
- A measurable is counted in **its own frequency's periods** (weeks, calendar
  months or fiscal quarters; a score is stored under its period's first day).
  Its cells come only from those periods and the coarser ones they roll up
  into: a monthly measurable rolls up into quarters, but is never shown in a
  week column (a month whose 1st is a week start must not read as that
  week's value), and a quarterly one only has quarter columns. Only cells of
  its own periods are typed into (``GridCell.editable``).
- A new measurable **rolls up by its unit** unless told otherwise
  (``default_aggregate``): percent, duration and yes/no average (a month of
  25% and 40% weeks is 32.5%, not 65%); number and currency sum.
- **Average** and **total** are over the columns shown, missing ones
  skipped. A total is only given for ``sum`` measurables (adding up weekly
  cash balances or percentages means nothing).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from cadence.domain.goals import Comparator, Goal
from cadence.domain.ids import id_number
from cadence.domain.models import Aggregate, Frequency, Measurable, Score
from cadence.domain.periods import Quarter, quarter_of, week_start, weeks_back
from cadence.domain.units import Unit, format_value

WEEKS_SHOWN = 13
MONTHS_SHOWN = 6
QUARTERS_SHOWN = 4
SPARK_BARS = "▁▂▃▄▅▆▇█"
SPARK_GAP = " "
ON_MARK = "✓"
OFF_MARK = "✗"
NOTE_MARK = "*"

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class PeriodKind(StrEnum):
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"

    def next(self) -> PeriodKind:
        members = list(PeriodKind)
        return members[(members.index(self) + 1) % len(members)]


@dataclass(frozen=True)
class Period:
    """One column of the grid: a week, a calendar month or a fiscal quarter."""

    kind: PeriodKind
    start: date
    end: date
    label: str
    short: str

    def holds_week(self, week: date) -> bool:
        """Does the week starting on ``week`` roll up into this period (by its middle day)?"""
        if self.kind is PeriodKind.WEEK:
            return week == self.start
        return self.start <= middle_day(week) <= self.end


# Periods -----------------------------------------------------------------------------


def middle_day(week: date) -> date:
    """The day that decides a week's ISO label, month and quarter."""
    return week + timedelta(days=3)


def iso_week(week: date) -> tuple[int, int]:
    """(ISO year, ISO week number) of the week starting on ``week``."""
    calendar = middle_day(week).isocalendar()
    return calendar.year, calendar.week


def iso_week_label(week: date) -> str:
    year, number = iso_week(week)
    return f"{year}-W{number:02d}"


def week_period(week: date) -> Period:
    _, number = iso_week(week)
    return Period(PeriodKind.WEEK, week, week + timedelta(days=6), iso_week_label(week), f"W{number:02d}")


def month_period(day: date) -> Period:
    start = date(day.year, day.month, 1)
    following = date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)
    return Period(
        PeriodKind.MONTH,
        start,
        following - timedelta(days=1),
        f"{day.year}-{day.month:02d}",
        f"{_MONTHS[day.month - 1]} {day.year % 100:02d}",
    )


def quarter_period(quarter: Quarter) -> Period:
    return Period(
        PeriodKind.QUARTER, quarter.start, quarter.end, quarter.label, f"Q{quarter.number} {quarter.year % 100:02d}"
    )


def week_periods(today: date, count: int = WEEKS_SHOWN, week_start_day: int = 0) -> list[Period]:
    """The ``count`` weeks ending with this week, oldest first."""
    return [week_period(week) for week in weeks_back(today, count, week_start_day)]


def month_periods(today: date, count: int = MONTHS_SHOWN, week_start_day: int = 0) -> list[Period]:
    """The ``count`` months ending with the month this week rolls up into, oldest first."""
    current = month_period(middle_day(weeks_back(today, 1, week_start_day)[0]))
    months = [current]
    while len(months) < count:
        months.insert(0, month_period(months[0].start - timedelta(days=1)))
    return months


def quarter_periods(
    today: date, count: int = QUARTERS_SHOWN, fiscal_start_month: int = 1, week_start_day: int = 0
) -> list[Period]:
    """The ``count`` fiscal quarters ending with the one this week rolls up into, oldest first."""
    quarter = quarter_of(middle_day(weeks_back(today, 1, week_start_day)[0]), fiscal_start_month)
    quarters = [quarter]
    while len(quarters) < count:
        quarters.insert(0, quarters[0].previous())
    return [quarter_period(item) for item in quarters]


def periods_for(
    kind: PeriodKind,
    today: date,
    *,
    week_start_day: int = 0,
    fiscal_start_month: int = 1,
    count: int | None = None,
) -> list[Period]:
    """The default columns for a period kind: 13 weeks, 6 months or 4 quarters, oldest first."""
    if kind is PeriodKind.WEEK:
        return week_periods(today, count or WEEKS_SHOWN, week_start_day)
    if kind is PeriodKind.MONTH:
        return month_periods(today, count or MONTHS_SHOWN, week_start_day)
    return quarter_periods(today, count or QUARTERS_SHOWN, fiscal_start_month, week_start_day)


FREQUENCY_PERIODS = {
    Frequency.WEEKLY: PeriodKind.WEEK,
    Frequency.MONTHLY: PeriodKind.MONTH,
    Frequency.QUARTERLY: PeriodKind.QUARTER,
}
"""The period a measurable of each frequency is counted in (its own columns on the grid)."""


def period_of(frequency: Frequency | str, day: date, week_start_day: int = 0, fiscal_start_month: int = 1) -> Period:
    """The period of ``frequency`` holding ``day``: its week, its calendar month or its fiscal quarter."""
    kind = FREQUENCY_PERIODS[Frequency(frequency)]
    if kind is PeriodKind.WEEK:
        return week_period(week_start(day, week_start_day))
    if kind is PeriodKind.MONTH:
        return month_period(day)
    return quarter_period(quarter_of(day, fiscal_start_month))


def period_start(frequency: Frequency | str, day: date, week_start_day: int = 0, fiscal_start_month: int = 1) -> date:
    """The first day of the period holding ``day``: what a score of that frequency is stored under."""
    return period_of(frequency, day, week_start_day, fiscal_start_month).start


def period_noun(frequency: Frequency | str) -> str:
    """``week``, ``month`` or ``quarter``: for messages like "no value for the month of 2026-11-01"."""
    return FREQUENCY_PERIODS[Frequency(frequency)].value


# Frequencies on the grid (grid functions; the period_* functions above are the store's) ------------

_KIND_ORDER = (PeriodKind.WEEK, PeriodKind.MONTH, PeriodKind.QUARTER)
PERIOD_ABBREVIATIONS = {PeriodKind.WEEK: "wk", PeriodKind.MONTH: "mo", PeriodKind.QUARTER: "qtr"}


def own_kind(measurable: Measurable) -> PeriodKind:
    """The period a measurable is counted in: its own columns, the only ones typed into."""
    return FREQUENCY_PERIODS[measurable.frequency]


def views_of(frequency: Frequency | str) -> list[PeriodKind]:
    """The columns a measurable of ``frequency`` can be shown in: its own periods and the coarser ones
    they roll up into (weekly: weeks, months, quarters; monthly: months, quarters; quarterly: quarters)."""
    kind = FREQUENCY_PERIODS[Frequency(frequency)]
    return list(_KIND_ORDER[_KIND_ORDER.index(kind) :])


def shows_in(measurable: Measurable, kind: PeriodKind) -> bool:
    """Can ``measurable`` have a value in a ``kind`` column (never a finer period than its own)?"""
    return kind in views_of(measurable.frequency)


def frequency_title(frequency: Frequency | str) -> str:
    """``Weekly``, ``Monthly`` or ``Quarterly``: a block's heading."""
    return Frequency(frequency).value.capitalize()


# Numbers -------------------------------------------------------------------------------

AVERAGED_UNITS = frozenset({Unit.PERCENT, Unit.DURATION, Unit.YESNO})


def default_aggregate(unit: Unit | str) -> Aggregate:
    """How a new measurable of ``unit`` rolls up when nobody says: rates and times average, counts sum."""
    return Aggregate.AVERAGE if Unit(unit) in AVERAGED_UNITS else Aggregate.SUM


def average(values: Iterable[float | None]) -> float | None:
    """Mean of the values present; ``None`` when there are none (missing weeks are skipped, not zeros)."""
    present = [value for value in values if value is not None]
    return sum(present) / len(present) if present else None


def total(values: Iterable[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return sum(present) if present else None


def combine(values: Sequence[float], aggregate: Aggregate) -> float | None:
    if not values:
        return None
    return total(values) if aggregate is Aggregate.SUM else average(values)


def scaled_goal(goal: Goal, weeks: int) -> Goal:
    """A weekly goal stretched over ``weeks`` weeks, for a summed roll-up."""
    if weeks <= 1:
        return goal
    return Goal(
        comparator=goal.comparator,
        value=goal.value * weeks,
        high=None if goal.high is None else goal.high * weeks,
    )


def sparkline(values: Sequence[float | None]) -> str:
    """One bar per value, lowest ``▁`` to highest ``█``; a gap for a missing value."""
    present = [value for value in values if value is not None]
    if not present:
        return SPARK_GAP * len(values)
    low, high = min(present), max(present)
    bars = []
    for value in values:
        if value is None:
            bars.append(SPARK_GAP)
        elif high == low:
            bars.append(SPARK_BARS[len(SPARK_BARS) // 2 - 1])
        else:
            bars.append(SPARK_BARS[round((value - low) / (high - low) * (len(SPARK_BARS) - 1))])
    return "".join(bars)


# Showing values --------------------------------------------------------------------------


def short_value(value: float, unit: Unit | str, width: int = 8) -> str:
    """``format_value`` unless it is wider than ``width``; then big amounts shrink to ``$268.4k``."""
    unit = Unit(unit)
    full = format_value(value, unit)
    if len(full) <= width or unit not in (Unit.NUMBER, Unit.CURRENCY):
        return full
    sign = "-" if value < 0 else ""
    money = "$" if unit is Unit.CURRENCY else ""
    size = abs(value)
    for scale, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if size >= scale:
            number = f"{size / scale:.1f}".rstrip("0").rstrip(".")
            return f"{sign}{money}{number}{suffix}"
    return f"{sign}{money}{size:.1f}"


def format_average(value: float, unit: Unit | str) -> str:
    """An average reads in the unit, except yes/no, whose average is the share of yeses."""
    if Unit(unit) is Unit.YESNO:
        return f"{value * 100:.0f}%"
    return short_value(value, unit)


def format_total(value: float, unit: Unit | str) -> str:
    """A total reads in the unit, except yes/no, whose total is the count of yeses."""
    if Unit(unit) is Unit.YESNO:
        return f"{value:g}"
    return short_value(value, unit)


def format_rolled(value: float, unit: Unit | str, aggregate: Aggregate) -> str:
    """A rolled-up cell: a summed yes/no is a count, everything else reads in its unit."""
    if Unit(unit) is Unit.YESNO:
        return format_total(value, unit) if aggregate is Aggregate.SUM else format_average(value, unit)
    return short_value(value, unit)


def goal_text(goal: Goal, unit: Unit | str, compact: bool = False) -> str:
    """A goal as the grid shows it; ``compact`` for narrow terminals (``70%–85%``, ``>= $52k``)."""
    if not compact:
        return goal.describe(unit)
    low = short_value(goal.value, unit, 6)
    if goal.high is not None:
        span = f"{low}–{short_value(goal.high, unit, 6)}"
        return span if goal.comparator == Comparator.BETWEEN else f"not {span}"
    return f"{goal.comparator} {low}"


# The grid ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class GridCell:
    """One measurable in one period: the value (``None`` when missing), its goal and verdict.

    ``parts``: how many of the measurable's own periods the value combines (1 for its own period,
    the weeks or months with a value for a roll-up). ``own``: the period is the measurable's own
    (a value is typed here); a roll-up or a period finer than its own is not.
    """

    period: Period
    value: float | None
    goal: Goal
    note: str = ""
    parts: int = 0
    own: bool = False

    @property
    def on_goal(self) -> bool | None:
        return None if self.value is None else self.goal.is_met(self.value)

    @property
    def mark(self) -> str:
        if self.value is None:
            return ""
        return ON_MARK if self.on_goal else OFF_MARK

    @property
    def editable(self) -> bool:
        return self.own

    @property
    def weeks(self) -> int:
        """``parts`` under its older name (a weekly measurable's roll-up combines weeks)."""
        return self.parts


@dataclass(frozen=True)
class GridRow:
    measurable: Measurable
    cells: tuple[GridCell, ...]
    goal: Goal
    average: float | None
    total: float | None
    trend: str

    def cell_text(self, cell: GridCell, width: int = 8) -> str:
        """What the grid shows in a cell: value, ✓ or ✗, and ``*`` when it has a note."""
        if cell.value is None:
            return "·"
        unit = self.measurable.unit
        if cell.own:
            shown = short_value(cell.value, unit, width)
        elif Unit(unit) is Unit.YESNO and self.measurable.aggregate is Aggregate.SUM:
            shown = f"{cell.value:g}/{cell.parts}"
        else:
            shown = format_rolled(cell.value, unit, self.measurable.aggregate)
        return f"{shown} {cell.mark}{NOTE_MARK if cell.note else ''}"

    @property
    def on_goal_count(self) -> int:
        return sum(1 for cell in self.cells if cell.on_goal)

    @property
    def reported_count(self) -> int:
        return sum(1 for cell in self.cells if cell.value is not None)


def _scores_in(measurable: Measurable, period: Period, own_scores: list[Score]) -> list[Score]:
    """The measurable's scores that count in ``period``: its own period's one, or those rolling up into it."""
    native = own_kind(measurable)
    if not shows_in(measurable, period.kind):
        return []
    if period.kind is native:
        return [score for score in own_scores if score.week == period.start]
    if native is PeriodKind.WEEK:
        return [score for score in own_scores if period.holds_week(score.week)]
    return [score for score in own_scores if period.start <= score.week <= period.end]


def _cell(measurable: Measurable, period: Period, found: list[Score]) -> GridCell:
    if period.kind is own_kind(measurable):
        goal = measurable.goal_for_week(period.start)
        if not found:
            return GridCell(period, None, goal, own=True)
        score = found[0]
        return GridCell(period, score.value, goal, score.note, 1, own=True)
    if not found:
        return GridCell(period, None, measurable.goal_for_week(period.end))
    ordered = sorted(found, key=lambda score: score.week)
    goal = measurable.goal_for_week(ordered[-1].week)
    if measurable.aggregate is Aggregate.SUM:
        goal = scaled_goal(goal, len(ordered))
    value = combine([score.value for score in ordered], measurable.aggregate)
    notes = "; ".join(f"{score.week}: {score.note}" for score in ordered if score.note)
    return GridCell(period, value, goal, notes, len(ordered))


def build_row(measurable: Measurable, scores: Iterable[Score], periods: Sequence[Period]) -> GridRow:
    """One measurable's row over ``periods`` (in the order given: newest-left is just reversed).

    A period finer than the measurable's own (a week for a monthly one) is always empty: callers show
    a measurable only in ``views_of`` its frequency, and this keeps a stray one from showing a value.
    """
    own = [score for score in scores if score.measurable_id == measurable.id]
    cells = tuple(_cell(measurable, period, _scores_in(measurable, period, own)) for period in periods)
    values = [cell.value for cell in cells]
    newest = max((period.start for period in periods), default=None)
    if newest is not None and periods and periods[0].kind is not own_kind(measurable):
        newest = max(period.end for period in periods)
    return GridRow(
        measurable=measurable,
        cells=cells,
        goal=measurable.goal_for_week(newest) if newest else measurable.goal,
        average=average(values),
        total=total(values) if measurable.aggregate is Aggregate.SUM else None,
        trend=sparkline(values),
    )


def build_grid(measurables: Sequence[Measurable], scores: Iterable[Score], periods: Sequence[Period]) -> list[GridRow]:
    """The grid for ``measurables`` in the order given (callers sort and filter)."""
    wanted = {measurable.id for measurable in measurables}
    relevant = [score for score in scores if score.measurable_id in wanted]
    return [build_row(measurable, relevant, periods) for measurable in measurables]


def of_frequency(measurables: Iterable[Measurable], frequency: Frequency | str) -> list[Measurable]:
    """The measurables counted at ``frequency``, in the order given: one block of the Scorecard."""
    wanted = Frequency(frequency)
    return [measurable for measurable in measurables if measurable.frequency is wanted]


def active_measurables(measurables: Iterable[Measurable]) -> list[Measurable]:
    """Not archived, grouped by team (team-less first), each team in the order people set."""

    def number(record_id: str | None) -> int:
        return id_number(record_id) if record_id else 0

    return sorted(
        (measurable for measurable in measurables if not measurable.archived),
        key=lambda measurable: (number(measurable.team_id), measurable.order, number(measurable.id)),
    )

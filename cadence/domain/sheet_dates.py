"""Dates and period headers as spreadsheets write them.

A team's scorecard sheet heads its columns with whatever its spreadsheet or
web tool wrote: ``2025-11-03``, ``11/3/2025``, ``13/10/2025``, ``Nov 2``,
``Oct 13 - Oct 19``, ``W45``, ``January``, ``Q3``. This module turns a header
row into the period each column holds, and single cells (due dates, created
dates) into dates, so every importer reads them the same way.

Rules it keeps:

- **Day order.** A header row is all one order. ``13/10/2025`` (first part
  over 12) proves day-first for the row, ``10/13/2025`` proves month-first.
  When every date could be either, the order that makes the columns evenly
  spaced weeks (7 days apart) wins, else the one that makes them an ordered
  run; either way every range (``3/10 - 9/10``, or a week start above its
  end in two header rows) must then span a week (end 4-6 days after start).
  When both orders or neither pass, :class:`AmbiguousDates` asks for
  ``--dayfirst`` or ``--monthfirst``; so does a lone ambiguous date. A
  ``dayfirst`` given by the caller always wins. Named months (``Nov 2``) and
  ISO dates never depend on the order.
- **Missing years.** ``Nov 2``, ``Q3``, ``W45`` and ``January`` get the years
  that keep the columns in order (ascending or descending, whichever spans
  less time), rolling over at a year end (``Dec 29``, ``Jan 5``), with the
  newest column the latest one not more than :data:`FUTURE_ALLOWANCE` after
  ``today`` -- unless the run a year later would run through ``today`` (a
  year's template of week columns, the weeks to come still empty): that one
  is this year's.
- **A header is a week's first day** unless it says otherwise: ``Week
  ending Nov 9`` and ``W/E 11/9`` give the date they name, and the store maps
  any day onto its week.
- **Only whole cells.** ``May`` is a month, ``Mayor`` is not; ``Q3 Total``,
  ``Total``, ``Average``, ``Goal``, ``Notes`` and ``Trend`` are never periods.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from cadence.domain.periods import Quarter
from cadence.domain.scorecard import PeriodKind

FUTURE_ALLOWANCE = timedelta(days=31)
"""How far past ``today`` the newest yearless column may lie (a sheet often has next week ready)."""

_WEEK_RANGE_DAYS = (4, 6)


@dataclass(frozen=True)
class HeaderPeriod:
    """The period a header cell names.

    ``start``: a week's first date as the header names it (the store maps it
    onto the workspace's week with ``week_of``); a month's 1st; a quarter's
    ``Quarter(year, n, fiscal_start_month).start``. ``text`` is the header as
    the sheet has it. ``end``: the last day a week range names (``Oct 12 -
    Oct 18``), so a Sunday-to-Saturday week can be filed by its middle day.
    """

    kind: PeriodKind
    start: date
    text: str
    end: date | None = field(default=None, compare=False)

    @property
    def middle(self) -> date:
        """The day a week is filed by: the middle of a range, else the date the header names."""
        if self.kind is PeriodKind.WEEK and self.end is not None and 0 < (self.end - self.start).days <= 7:
            return self.start + (self.end - self.start) / 2
        return self.start


class AmbiguousDates(ValueError):
    """The day/month order of the headers cannot be told (or contradicts what was asked)."""


# Tokens: what one cell says before the row decides day order and years -----------------------

_MONTH_NAMES = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+)?"
_ORDINAL = r"(?:st|nd|rd|th)?"
_TIME = r"(?:(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:am|pm)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_YEAR4 = r"(?P<year>\d{4})"

_ISO_DAY = re.compile(r"^(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})" + _TIME + "$", re.I)
_NUMERIC_DAY = re.compile(
    r"^(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})" + _TIME + "$", re.I
)
_NUMERIC_DAY_NO_YEAR = re.compile(r"^(?P<a>\d{1,2})/(?P<b>\d{1,2})$")
_NAMED_MONTH_FIRST = re.compile(
    "^" + _WEEKDAY + _MONTH + r"\s*(?P<day>\d{1,2})" + _ORDINAL + r"(?:,?\s+(?P<year>\d{4}|'\d{2}))?" + _TIME + "$",
    re.I,
)
_NAMED_DAY_FIRST = re.compile(
    "^"
    + _WEEKDAY
    + r"(?P<day>\d{1,2})"
    + _ORDINAL
    + r"(?:\s+|-)(?:of\s+)?"
    + _MONTH
    + r"(?:(?:,?\s+|-)(?P<year>\d{4}|'?\d{2}))?"
    + _TIME
    + "$",
    re.I,
)
_BARE_DAY = re.compile(r"^(?P<day>\d{1,2})" + _ORDINAL + r"(?:,?\s+(?P<year>\d{4}|'\d{2}))?$", re.I)
_WEEK_PREFIX = re.compile(
    r"^(?:(?:week|wk)\.?\s+(?:of|starting|beginning|commencing|ending|ended)|w/[cbe]|w\.e\.|we|wc|wb)\s*:?\s+", re.I
)
"""``Week of Nov 3``, ``W/E 11/9``: the date that follows names the week.

A week-ending date is given as it is: the store maps any day onto its week."""
_RANGE_SEPARATOR = re.compile(r"\s*[-–—]\s*|\s+(?:to|through|thru|until)\s+", re.I)

_ISO_WEEK = re.compile(r"^(?P<year>\d{4})\s*-?\s*W(?P<week>\d{1,2})$", re.I)
_WEEK_LABEL = re.compile(r"^(?:w|wk|week)\.?\s*#?\s*(?P<week>\d{1,2})(?:(?:,?\s+|-)(?P<year>\d{4}))?$", re.I)

_MONTH_ALONE = re.compile("^" + _MONTH + "$", re.I)
_MONTH_YEAR = re.compile("^" + _MONTH + r"(?:(?:,?\s*|-|\s*')(?P<year>\d{4})|(?:-|\s*')(?P<yy>\d{2}))$", re.I)
_YEAR_MONTH = re.compile(r"^(?P<year>\d{4})[-/](?P<month>\d{1,2})$")
_MONTH_SLASH_YEAR = re.compile(r"^(?P<month>\d{1,2})/(?P<year>\d{4})$")

_QUARTER_ALONE = re.compile(r"^(?:q|qtr\.?\s*|quarter\s+)(?P<number>[1-4])$", re.I)
_YEAR_QUARTER = re.compile(r"^(?P<year>\d{4})\s*[-/ ]?\s*q(?P<number>[1-4])$", re.I)
_QUARTER_YEAR = re.compile(r"^q(?P<number>[1-4])(?:\s*[-/ ]\s*|\s*')'?(?P<year>\d{4}|\d{2})$", re.I)


@dataclass(frozen=True)
class _Day:
    """A day as a header writes it. ``numeric``: ``a``/``b`` are the two parts in written order."""

    a: int
    b: int
    year: int | None
    numeric: bool
    text: str

    def month_day(self, dayfirst: bool) -> tuple[int, int]:
        if self.numeric and dayfirst:
            return self.b, self.a
        return self.a, self.b

    @property
    def order_free(self) -> bool:
        return not self.numeric or self.a == self.b


@dataclass(frozen=True)
class _Days:
    """A single date (``end`` None) or a range ``Oct 13 - Oct 19``: a week starting at ``start``."""

    start: _Day
    end: _Day | None


@dataclass(frozen=True)
class _Label:
    """A week number, month or quarter label; ``year`` None when the header has none."""

    kind: PeriodKind
    number: int
    year: int | None


_Token = _Days | _Label


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    digits = text.lstrip("'")
    if len(digits) == 4:
        return int(digits)
    return 2000 + int(digits)


def _clean(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()


def _read_day(text: str) -> _Day | None:
    """One date in a header or cell, without deciding day order or a missing year."""
    match = _ISO_DAY.match(text)
    if match:
        return _Day(int(match["month"]), int(match["day"]), int(match["year"]), False, text)
    match = _NUMERIC_DAY.match(text)
    if match:
        return _Day(int(match["a"]), int(match["b"]), _year(match["year"]), True, text)
    match = _NUMERIC_DAY_NO_YEAR.match(text)
    if match:
        return _Day(int(match["a"]), int(match["b"]), None, True, text)
    for pattern in (_NAMED_MONTH_FIRST, _NAMED_DAY_FIRST):
        match = pattern.match(text)
        if match:
            return _Day(_MONTH_NAMES[match["month"].lower()], int(match["day"]), _year(match["year"]), False, text)
    return None


def _read_range(text: str) -> _Days | None:
    """``Oct 13 - Oct 19``, ``10/13 - 10/19``, ``Oct 13 - 19``, ``2025-10-13 - 2025-10-19``."""
    for separator in _RANGE_SEPARATOR.finditer(text):
        left, right = text[: separator.start()].strip(), text[separator.end() :].strip()
        start = _read_day(left)
        if start is None or not right:
            continue
        end = _read_day(right)
        if end is None and not start.numeric:
            bare = _BARE_DAY.match(right)
            if bare:
                month = start.a if int(bare["day"]) >= start.b else start.a % 12 + 1
                end = _Day(month, int(bare["day"]), _year(bare["year"]), False, right)
        if end is None or end.numeric != start.numeric:
            continue
        return _complete_range_years(start, end)
    return None


def _complete_range_years(start: _Day, end: _Day) -> _Days:
    """``Dec 29 - Jan 4, 2026``: a year on one side gives the other its year, rolled over at a year end."""
    if start.numeric:
        return _Days(start, end)  # the order decides which part is the month; years are completed later
    if start.year is None and end.year is not None:
        start = replace(start, year=end.year - (1 if (start.a, start.b) > (end.a, end.b) else 0))
    elif end.year is None and start.year is not None:
        end = replace(end, year=start.year + (1 if (end.a, end.b) < (start.a, start.b) else 0))
    return _Days(start, end)


def _read_label(text: str) -> _Label | None:
    match = _ISO_WEEK.match(text) or _WEEK_LABEL.match(text)
    if match:
        week = int(match["week"])
        return _Label(PeriodKind.WEEK, week, _year(match["year"])) if 1 <= week <= 53 else None
    match = _MONTH_ALONE.match(text)
    if match:
        return _Label(PeriodKind.MONTH, _MONTH_NAMES[match["month"].lower()], None)
    match = _MONTH_YEAR.match(text)
    if match:
        return _Label(PeriodKind.MONTH, _MONTH_NAMES[match["month"].lower()], _year(match["year"] or match["yy"]))
    match = _YEAR_MONTH.match(text) or _MONTH_SLASH_YEAR.match(text)
    if match:
        month = int(match["month"])
        return _Label(PeriodKind.MONTH, month, int(match["year"])) if 1 <= month <= 12 else None
    match = _QUARTER_ALONE.match(text)
    if match:
        return _Label(PeriodKind.QUARTER, int(match["number"]), None)
    match = _YEAR_QUARTER.match(text) or _QUARTER_YEAR.match(text)
    if match:
        return _Label(PeriodKind.QUARTER, int(match["number"]), _year(match["year"]))
    return None


def _read_token(header: str) -> _Token | None:
    text = _clean(header)
    if not text:
        return None
    prefixed = _WEEK_PREFIX.match(text)
    if prefixed:
        days = _read_range(text[prefixed.end() :]) or _single_day(text[prefixed.end() :])
        return days and _whole_header(days, text)
    day = _read_day(text)
    if day is not None:
        return _Days(day, None)
    label = _read_label(text)
    if label is not None:
        return label
    days = _read_range(text)
    return days and _whole_header(days, text)


def _single_day(text: str) -> _Days | None:
    day = _read_day(text)
    return _Days(day, None) if day else None


def _whole_header(days: _Days, text: str) -> _Days:
    """Messages about day order quote the whole header, not half of a range."""
    return _Days(replace(days.start, text=text), days.end and replace(days.end, text=text))


# Day order -------------------------------------------------------------------------------


def _numeric_days(tokens: dict[tuple[int, int], _Token]) -> list[_Day]:
    days: list[_Day] = []
    for token in tokens.values():
        if isinstance(token, _Days):
            days.extend(day for day in (token.start, token.end) if day is not None and day.numeric)
    return days


def _valid(day: _Day, dayfirst: bool) -> bool:
    month, day_number = day.month_day(dayfirst)
    try:
        date(day.year or 2000, month, day_number)
    except ValueError:
        return False
    return True


def _proven_order(days: list[_Day]) -> bool | None:
    """True/False when some date proves day-first/month-first; None when none does."""
    day_first = next((day for day in days if day.a > 12 and day.b <= 12), None)
    month_first = next((day for day in days if day.b > 12 and day.a <= 12), None)
    if day_first and month_first:
        raise AmbiguousDates(
            f"the headers mix day-first {day_first.text!r} and month-first {month_first.text!r} dates; "
            "write them in one order (then use --dayfirst or --monthfirst if still unclear)"
        )
    if day_first:
        return True
    if month_first:
        return False
    return None


def _check_given_order(days: list[_Day], dayfirst: bool) -> None:
    for day in days:
        if not _valid(day, dayfirst) and _valid(day, not dayfirst):
            asked, other = ("--dayfirst", "--monthfirst") if dayfirst else ("--monthfirst", "--dayfirst")
            raise AmbiguousDates(f"{day.text!r} is not a date with {asked}; use {other} for this file")


# Years -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Dated:
    """A column resolved to dates: its week (or month, quarter) start and, for a range, its end."""

    kind: PeriodKind
    start: date
    end: date | None = None


_YEAR_SPAN = 12 * 31 + 31


def _relative_years(keys: list[int]) -> list[int]:
    """Year offsets that keep ``keys`` in order, ascending or descending (whichever spans less)."""
    if not keys:
        return []
    best: tuple[int, list[int]] | None = None
    for step in (1, -1):
        offsets = [0]
        for previous, current in zip(keys, keys[1:], strict=False):
            rolls = (current < previous) if step == 1 else (current > previous)
            offsets.append(offsets[-1] + (step if rolls else 0))
        positions = [offset * _YEAR_SPAN + key for offset, key in zip(offsets, keys, strict=True)]
        span = max(positions) - min(positions)
        if best is None or span < best[0]:
            best = (span, offsets)
    assert best is not None
    return best[1]


def _newest_year(dated: Callable[[int], date | None], today: date) -> int | None:
    """The latest year in which ``dated(year)`` is not more than FUTURE_ALLOWANCE after ``today``."""
    latest = today + FUTURE_ALLOWANCE
    for year in range(today.year + 1, today.year - 200, -1):
        day = dated(year)
        if day is not None and day <= latest:
            return year
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _label_date(label: _Label, year: int, fiscal_start_month: int) -> date | None:
    if label.kind is PeriodKind.WEEK:
        try:
            return date.fromisocalendar(year, label.number, 1)
        except ValueError:
            return None
    if label.kind is PeriodKind.MONTH:
        return date(year, label.number, 1)
    return Quarter(year, label.number, fiscal_start_month).start


_LABEL_KEY_STEP = {PeriodKind.WEEK: 7, PeriodKind.MONTH: 31, PeriodKind.QUARTER: 93}


def _year_written(token: _Token) -> bool:
    if isinstance(token, _Label):
        return token.year is not None
    return token.start.year is not None or (token.end is not None and token.end.year is not None)


def _dated(token: _Token, year: int | None, dayfirst: bool, fiscal_start_month: int) -> _Dated | None:
    """The token's dates with its start in ``year`` (None: the year the token writes); None if no such date."""
    if isinstance(token, _Days):
        return _dated_range(token, dayfirst, year if year is not None else token.start.year)
    year = year if year is not None else token.year
    start = None if year is None else _label_date(token, year, fiscal_start_month)
    return _Dated(token.kind, start) if start else None


def _group_and_key(token: _Token, dayfirst: bool) -> tuple[str, int]:
    """Which run of yearless columns the token belongs to, and its place within a year (roughly in days)."""
    if isinstance(token, _Label):
        return token.kind.value, token.number * _LABEL_KEY_STEP[token.kind]
    month, day_number = token.start.month_day(dayfirst)
    return "days", month * 31 + day_number


def _resolve_row(row: dict[int, _Token], today: date, dayfirst: bool, fiscal_start_month: int) -> dict[int, _Dated]:
    """Dates for one header row's tokens; yearless ones get years per run (dates, weeks, months, quarters)."""
    written: dict[str, dict[int, _Dated]] = {}
    runs: dict[str, list[int]] = {}
    for column in sorted(row):
        group = _group_and_key(row[column], dayfirst)[0]
        if _year_written(row[column]):
            dated = _dated(row[column], None, dayfirst, fiscal_start_month)
            if dated is not None:
                written.setdefault(group, {})[column] = dated
        else:
            runs.setdefault(group, []).append(column)
    resolved = {column: dated for columns in written.values() for column, dated in columns.items()}
    for group, columns in runs.items():
        resolved.update(_place_yearless(row, columns, written.get(group, {}), today, dayfirst, fiscal_start_month))
    return resolved


def _place_yearless(
    row: dict[int, _Token],
    columns: list[int],
    written: dict[int, _Dated],
    today: date,
    dayfirst: bool,
    fiscal_start_month: int,
) -> dict[int, _Dated]:
    """Years for a run of yearless columns of one kind (see the module docstring).

    Columns of the same kind that write their year (``Dec 29, 2025 - Jan 4``
    among ``Jan 5 - Jan 11``) anchor the run: the placement that keeps them
    all in order over the shortest span wins over the one nearest today.
    """
    keys = [_group_and_key(row[column], dayfirst)[1] for column in columns]
    offsets = _relative_years(keys)
    newest = max(range(len(columns)), key=lambda index: (offsets[index], keys[index]))

    def newest_start(year: int, token: _Token = row[columns[newest]]) -> date | None:
        dated = _dated(token, year, dayfirst, fiscal_start_month)
        return dated.start if dated else None

    newest_year = _newest_year(newest_start, today)
    if newest_year is None:
        return {}
    base = newest_year - offsets[newest]
    placed = _place_run(row, columns, offsets, base, dayfirst, fiscal_start_month)
    if written:
        fitting: list[tuple[int, dict[int, _Dated]]] = []
        for shift in (0, -1, 1, -2, 2):
            shifted = _place_run(row, columns, offsets, base + shift, dayfirst, fiscal_start_month)
            starts = [dated.start for _, dated in sorted({**written, **shifted}.items())]
            if _ordered(starts):
                fitting.append((abs((max(starts) - min(starts)).days), shifted))
        return min(fitting, key=lambda fit: fit[0])[1] if fitting else placed
    later = _place_run(row, columns, offsets, base + 1, dayfirst, fiscal_start_month)
    if later and min(dated.start for dated in later.values()) <= today <= max(dated.start for dated in later.values()):
        return later  # a year's template of columns running through today is this year's, future weeks and all
    return placed


def _place_run(
    row: dict[int, _Token], columns: list[int], offsets: list[int], base: int, dayfirst: bool, fiscal_start_month: int
) -> dict[int, _Dated]:
    placed: dict[int, _Dated] = {}
    for column, offset in zip(columns, offsets, strict=True):
        dated = _dated(row[column], base + offset, dayfirst, fiscal_start_month)
        if dated is not None:
            placed[column] = dated
    return placed


def _dated_range(token: _Days, dayfirst: bool, start_year: int | None) -> _Dated | None:
    """A date or range with the start's year known (or taken from the end): ``None`` if not a real date."""
    start_month, start_day = token.start.month_day(dayfirst)
    if token.end is None:
        if start_year is None:
            return None
        start = _safe_date(start_year, start_month, start_day)
        return _Dated(PeriodKind.WEEK, start) if start else None
    end_month, end_day = token.end.month_day(dayfirst)
    rolls = (end_month, end_day) < (start_month, start_day)
    if start_year is None:
        assert token.end.year is not None
        start_year = token.end.year - (1 if rolls else 0)
    end_year = token.end.year if token.end.year is not None else start_year + (1 if rolls else 0)
    start = _safe_date(start_year, start_month, start_day)
    end = _safe_date(end_year, end_month, end_day)
    if start is None or end is None:
        return None
    return _Dated(PeriodKind.WEEK, start, end)


# Judging an order when no date proves it ----------------------------------------------------


def _weekly(starts: list[date]) -> bool:
    gaps = [(later - earlier).days for earlier, later in zip(starts, starts[1:], strict=False)]
    return len(gaps) > 0 and (all(gap == 7 for gap in gaps) or all(gap == -7 for gap in gaps))


def _ordered(starts: list[date]) -> bool:
    gaps = [(later - earlier).days for earlier, later in zip(starts, starts[1:], strict=False)]
    return len(gaps) > 0 and (all(gap > 0 for gap in gaps) or all(gap < 0 for gap in gaps))


def _judge(rows: list[dict[int, _Dated]], check: Callable[[list[date]], bool]) -> bool:
    """Does this reading make every range a week and every row's run of dates pass ``check``?

    A range is a week when its end is 4 to 6 days after its start (Monday to
    Friday, Saturday or Sunday). With two header rows, a column with a date in
    each (a week start above its end, as Bloom writes them) is a range too. A
    row with one date and no range says nothing.
    """
    ranges = [(dated.end - dated.start).days for row in rows for dated in row.values() if dated.end is not None]
    if len(rows) == 2:
        stacked = [(rows[0][column], rows[1][column]) for column in rows[0].keys() & rows[1].keys()]
        ranges += [(below.start - above.start).days for above, below in stacked if above.end is below.end is None]
    if any(not _WEEK_RANGE_DAYS[0] <= days <= _WEEK_RANGE_DAYS[1] for days in ranges):
        return False
    sequences = [[row[column].start for column in sorted(row) if row[column].kind is PeriodKind.WEEK] for row in rows]
    judged = [check(starts) for starts in sequences if len(starts) > 1]
    return (bool(judged) or bool(ranges)) and all(judged)


def _choose_order(token_rows: list[dict[int, _Token]], days: list[_Day], today: date, fiscal_start_month: int) -> bool:
    resolved = {
        order: [_resolve_row(row, today, order, fiscal_start_month) for row in token_rows] for order in (False, True)
    }
    for check in (_weekly, _ordered):
        fits = [order for order in (False, True) if _judge(resolved[order], check)]
        if len(fits) == 1:
            return fits[0]
    example = next(day.text for day in days if not day.order_free)
    raise AmbiguousDates(
        f"cannot tell whether {example!r} is month/day or day/month (no header has a part over 12 "
        "and both orders read as a run of dates); use --dayfirst or --monthfirst"
    )


# Public --------------------------------------------------------------------------------------


def read_period_headers(
    headers: Sequence[str],
    today: date,
    *,
    dayfirst: bool | None = None,
    fiscal_start_month: int = 1,
    second_row: Sequence[str] | None = None,
) -> dict[int, HeaderPeriod]:
    """Column index -> the period its header names; columns that name no period are absent.

    ``dayfirst`` None decides the day order from the headers (see the module
    docstring) and raises :class:`AmbiguousDates` when it cannot. With
    ``second_row`` (a sheet with two header rows, like Bloom's week starts
    above week ends) a column takes the period of the first row when that row
    names one, else of the second; a week end in the second row confirms the
    week without moving it. Each column has its own kind (weeks and months may
    mix).
    """
    rows = [headers] if second_row is None else [headers, second_row]
    token_rows: list[dict[int, _Token]] = []
    for row in rows:
        tokens: dict[int, _Token] = {}
        for column, header in enumerate(row):
            token = _read_token(header or "")
            if token is not None:
                tokens[column] = token
        token_rows.append(tokens)
    all_tokens = {(index, column): token for index, row in enumerate(token_rows) for column, token in row.items()}
    days = _numeric_days(all_tokens)
    order = dayfirst
    if order is not None:
        _check_given_order(days, order)
    else:
        order = _proven_order(days)
        if order is None:
            order = (
                False
                if all(day.order_free for day in days)
                else _choose_order(token_rows, days, today, fiscal_start_month)
            )
    periods: dict[int, HeaderPeriod] = {}
    for row_index in reversed(range(len(rows))):
        for column, dated in _resolve_row(token_rows[row_index], today, order, fiscal_start_month).items():
            periods[column] = HeaderPeriod(dated.kind, dated.start, rows[row_index][column], dated.end)
    return dict(sorted(periods.items()))


_CELL_HINT = "use 2025-11-30, 11/30/2025 or Nov 30, 2025"


def parse_date_cell(text: str, today: date, dayfirst: bool | None = None) -> date:
    """A date cell (Due Date, Created, Completed On), or ``ValueError`` naming it and why not.

    Reads ISO (``2025-11-30``, ``2025-11-30 14:00``), ``11/30/2025``,
    ``11/30/25``, ``30/11/2025``, ``Nov 30, 2025``, ``30 Nov 2025``. A cell
    whose first part is over 12 is day-first, whose second is over 12 is
    month-first; an ambiguous one like ``3/10/2025`` with ``dayfirst`` None is
    read **month first** (US order, what Ninety and Bloom export). A date
    without a year (``Nov 30``) takes the year that puts it nearest ``today``.
    """
    cleaned = _clean(text)
    if not cleaned:
        raise ValueError("the date is empty")
    day = _read_day(cleaned)
    if day is None:
        raise ValueError(f"{text.strip()!r} is not a date ({_CELL_HINT})")
    if not day.numeric:
        order = False
    elif dayfirst is not None:
        order = dayfirst
    else:
        order = day.a > 12 and day.b <= 12
    month, day_number = day.month_day(order)
    if day.year is not None:
        result = _safe_date(day.year, month, day_number)
        if result is None:
            raise ValueError(f"{text.strip()!r} is not a date (no such day; {_CELL_HINT})")
        return result
    candidates = [
        found for year in (today.year - 1, today.year, today.year + 1) if (found := _safe_date(year, month, day_number))
    ]
    if not candidates:
        raise ValueError(f"{text.strip()!r} is not a date (no such day; {_CELL_HINT})")
    return min(candidates, key=lambda found: abs((found - today).days))

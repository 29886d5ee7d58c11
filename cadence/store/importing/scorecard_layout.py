"""Where a scorecard sheet keeps what: which row names the columns, which column is which, and which
columns are weeks, months or quarters.

Teams' sheets rarely start on row 1 with ``Measurable,Owner,Goal``: a title
and a blank row come first, Bloom Growth writes week starts on a row above
``Who, Measurables, Goal`` and the week ends, Ninety puts a group column,
Status, Description and Average around its Title and Owner. ``find_layout``
looks at the first rows for the one with a title-like column (or, failing
that, period columns), reads every header by name, and leaves the dates to
``cadence.domain.sheet_dates``. Columns it does not use are listed with the
reason, so the user sees that ``Average`` was seen and left out on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from cadence.domain.models import Frequency
from cadence.domain.scorecard import FREQUENCY_PERIODS, PeriodKind, period_start
from cadence.domain.sheet_dates import AmbiguousDates, HeaderPeriod, read_period_headers
from cadence.store.errors import InputError
from cadence.store.tables import Table

HEADER_SEARCH_ROWS = 10
"""How far down a sheet the header row may sit (a title, a date and blank rows come first)."""

TITLE, OWNER, GOAL, UNIT, NOTES, DESCRIPTION, GROUP = "title", "owner", "goal", "unit", "notes", "description", "group"

ROLE_NAMES: dict[str, frozenset[str]] = {
    TITLE: frozenset({"measurable", "measurables", "title", "name", "metric", "metrics", "kpi", "kpis", "measure"}),
    OWNER: frozenset({"owner", "who", "accountable", "owner name", "person"}),
    GOAL: frozenset({"goal", "target", "goal target"}),
    UNIT: frozenset({"unit", "units"}),
    NOTES: frozenset({"notes", "note", "comments", "comment"}),
    DESCRIPTION: frozenset({"description", "details"}),
    GROUP: frozenset({"group", "section", "category", "team"}),
}

SKIPPED_COLUMNS: dict[str, str] = {
    "status": "cadence works red and green out itself from the goal",
    "average": "cadence works averages out itself",
    "avg": "cadence works averages out itself",
    "total": "cadence works totals out itself",
    "sum": "cadence works totals out itself",
    "trend": "cadence draws the trend itself",
}

KIND_FREQUENCY: dict[PeriodKind, Frequency] = {kind: frequency for frequency, kind in FREQUENCY_PERIODS.items()}


def header_key(text: str) -> str:
    """``" Measurables: "`` -> ``measurables``: how a header is compared with the names above."""
    return re.sub(r"[^a-z0-9]+", " ", text.casefold()).strip()


@dataclass(frozen=True)
class Layout:
    """One sheet's columns. Row and column numbers are 0-based indexes into ``table.rows``."""

    table: Table
    header_row: int
    roles: dict[str, int]
    periods: dict[int, HeaderPeriod]
    headers: list[str]
    """Each column's header text as the user sees it (the week-end row's for Bloom's two rows)."""
    skipped: list[tuple[str, str]] = field(default_factory=list)
    """(column header, why it is not imported)."""
    two_header_rows: bool = False
    unclear_order: bool = False
    """The day/month order could not be told (only when recognising; a real run raises instead)."""

    @property
    def first_data_row(self) -> int:
        return self.header_row + 1

    def kinds(self) -> list[PeriodKind]:
        """The kinds of period the columns hold, weeks first."""
        found = {period.kind for period in self.periods.values()}
        return [kind for kind in PeriodKind if kind in found]

    def column_name(self, column: int) -> str:
        return self.headers[column] if column < len(self.headers) and self.headers[column] else f"{column + 1}"


def find_layout(
    table: Table,
    today: date,
    *,
    dayfirst: bool | None,
    week_start_day: int = 0,
    fiscal_start_month: int = 1,
    recognising: bool = False,
) -> Layout | None:
    """The layout of ``table``, or None when its first rows name neither a measurable column nor periods.

    Dates whose day/month order cannot be told raise ``InputError`` asking for ``--dayfirst`` or
    ``--monthfirst``; when only ``recognising`` the sheet is still recognised (read month-first)."""
    titled = _header_row(table.rows[:HEADER_SEARCH_ROWS], today)
    if titled is None:
        return None
    header = table.rows[titled]
    above = table.rows[titled - 1] if titled > 0 else []
    unclear = False
    try:
        periods, two_rows = _periods(header, above, today, dayfirst, fiscal_start_month)
    except AmbiguousDates as error:
        if not recognising:
            raise InputError(f"{_sheet(table)}{error}") from None
        periods, two_rows = _periods(header, above, today, False, fiscal_start_month)
        unclear = True
    roles, duplicates = _roles_of(header)
    if duplicates and not recognising:
        raise InputError(f"{_sheet(table)}column {duplicates[0]!r} appears twice in the header")
    if not roles and not periods:
        return None
    headers = [cell.strip() for cell in header]
    _check_distinct(table, periods, week_start_day, fiscal_start_month, recognising)
    skipped = _skipped(headers, roles, periods)
    return Layout(table, titled, roles, periods, headers, skipped, two_rows, unclear)


def _sheet(table: Table) -> str:
    return f"sheet {table.name!r}: " if table.name else ""


def _roles_of(header: Sequence[str]) -> tuple[dict[str, int], list[str]]:
    """Columns named for a role; a group column may have no header at all when it comes first."""
    roles: dict[str, int] = {}
    duplicates: list[str] = []
    for index, text in enumerate(header):
        key = header_key(text)
        role = next((name for name, names in ROLE_NAMES.items() if key in names), None)
        if role is None:
            continue
        if role in roles:
            duplicates.append(text.strip())
            continue
        roles[role] = index
    title = roles.get(TITLE)
    if title is not None and GROUP not in roles and title > 0 and not header[0].strip():
        roles[GROUP] = 0
    return roles, duplicates


def _header_row(rows: Sequence[Sequence[str]], today: date) -> int | None:
    """The first row naming a title column and an owner, goal or period column; failing that, the first
    naming periods with an owner or goal column, or two periods (the run then asks for the title column).
    A lone title-like column (``Name``, ``Email``) is not a scorecard."""
    for index, row in enumerate(rows):
        roles = _roles_of(row)[0]
        if TITLE in roles and (OWNER in roles or GOAL in roles or _period_count(row, today)):
            return index
    for index, row in enumerate(rows):
        roles = _roles_of(row)[0]
        count = _period_count(row, today)
        if count >= 2 or (count and (OWNER in roles or GOAL in roles)):
            return index
    return None


def _period_count(row: Sequence[str], today: date) -> int:
    try:
        return len(read_period_headers(row, today, dayfirst=False))
    except ValueError:  # AmbiguousDates included: only counting here
        return 0


def _periods(
    header: Sequence[str], above: Sequence[str], today: date, dayfirst: bool | None, fiscal_start_month: int
) -> tuple[dict[int, HeaderPeriod], bool]:
    """The header's period columns; when the row above names periods too (Bloom's week starts above
    the week ends), that row decides and the header row confirms.

    A week named by a range, in one cell (Ninety's "Oct 12 - Oct 18") or as a start above an end, is
    the workspace week holding its middle day (``HeaderPeriod.middle``): a Sunday-to-Saturday week
    (Sun 1 Nov - Sat 7 Nov) is the week of Monday 2 Nov, not of 26 Oct.
    """
    stacked = bool(above) and not _roles_of(above)[0] and _period_count(above, today)
    if stacked:
        starts = read_period_headers(
            above, today, dayfirst=dayfirst, fiscal_start_month=fiscal_start_month, second_row=header
        )
        periods = _with_ends(starts, header, today, dayfirst, fiscal_start_month)
    else:
        periods = read_period_headers(header, today, dayfirst=dayfirst, fiscal_start_month=fiscal_start_month)
    return {column: replace(period, start=period.middle) for column, period in periods.items()}, bool(stacked)


def _with_ends(
    starts: dict[int, HeaderPeriod],
    ends_row: Sequence[str],
    today: date,
    dayfirst: bool | None,
    fiscal_start_month: int,
) -> dict[int, HeaderPeriod]:
    """Week starts given the week end written below each of them, as ``end``."""
    try:
        ends = read_period_headers(ends_row, today, dayfirst=dayfirst, fiscal_start_month=fiscal_start_month)
    except ValueError:
        return starts
    return {
        column: replace(period, end=end.start)
        if (end := ends.get(column)) is not None and end.kind is PeriodKind.WEEK
        else period
        for column, period in starts.items()
    }


def _check_distinct(
    table: Table, periods: dict[int, HeaderPeriod], week_start_day: int, fiscal_start_month: int, recognising: bool
) -> None:
    """Two columns for one period would give one cell two values: refused, naming both headers."""
    seen: dict[tuple[PeriodKind, date], str] = {}
    for period in periods.values():
        start = period_start(KIND_FREQUENCY[period.kind], period.start, week_start_day, fiscal_start_month)
        key = (period.kind, start)
        if key in seen and not recognising:
            raise InputError(
                f"{_sheet(table)}columns {seen[key]!r} and {period.text!r} name the same {period.kind.value} "
                f"(of {start})"
            )
        seen.setdefault(key, period.text)


def _skipped(headers: list[str], roles: dict[str, int], periods: dict[int, HeaderPeriod]) -> list[tuple[str, str]]:
    used = set(roles.values()) | set(periods)
    skipped: list[tuple[str, str]] = []
    for index, text in enumerate(headers):
        if index in used or not text:
            continue
        reason = SKIPPED_COLUMNS.get(header_key(text), "not a column cadence reads (nor a week, month or quarter)")
        skipped.append((text, reason))
    return skipped

"""Weeks and quarters as a workspace defines them.

Weeks start on the workspace's week-start day (0 = Monday ... 6 = Sunday, as
``date.weekday()``). Quarters follow the fiscal year's start month; a fiscal
year is named after the calendar year it starts in, so with a February start
``2026-Q4`` runs November 2026 to January 2027. With the default January start
the labels are the calendar's.

pendulum does the arithmetic (month lengths, year ends); callers pass and get
plain ``datetime.date`` so pydantic models never hold pendulum types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

import pendulum

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_QUARTER_LABEL = re.compile(r"^\s*(\d{4})\s*-?\s*[Qq]([1-4])\s*$")


def _pd(day: date) -> pendulum.Date:
    return pendulum.Date(day.year, day.month, day.day)


def _plain(day: pendulum.Date) -> date:
    return date(day.year, day.month, day.day)


def week_start(day: date, week_start_day: int = 0) -> date:
    """The first day of the week holding ``day``."""
    back = (day.weekday() - week_start_day) % 7
    return _plain(_pd(day).subtract(days=back))


def weeks_back(day: date, count: int, week_start_day: int = 0) -> list[date]:
    """The starts of the ``count`` weeks ending with the week of ``day``, oldest first."""
    newest = _pd(week_start(day, week_start_day))
    return [_plain(newest.subtract(weeks=offset)) for offset in range(count - 1, -1, -1)]


@dataclass(frozen=True, order=True)
class Quarter:
    """A fiscal quarter: ``year`` is the fiscal year (named by the year it starts in)."""

    year: int
    number: int
    fiscal_start_month: int = 1

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 4:
            raise ValueError(f"quarter number must be 1-4, got {self.number}")
        if not 1 <= self.fiscal_start_month <= 12:
            raise ValueError(f"fiscal start month must be 1-12, got {self.fiscal_start_month}")

    @property
    def label(self) -> str:
        return f"{self.year}-Q{self.number}"

    def __str__(self) -> str:
        return self.label

    @property
    def start(self) -> date:
        first = pendulum.Date(self.year, self.fiscal_start_month, 1)
        return _plain(first.add(months=3 * (self.number - 1)))

    @property
    def end(self) -> date:
        return _plain(_pd(self.start).add(months=3).subtract(days=1))

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def days_left(self, today: date) -> int:
        """Days from ``today`` to the quarter's last day, counting neither; 0 once past."""
        return max(0, (self.end - today).days)

    def next(self) -> Quarter:
        if self.number == 4:
            return Quarter(self.year + 1, 1, self.fiscal_start_month)
        return Quarter(self.year, self.number + 1, self.fiscal_start_month)

    def previous(self) -> Quarter:
        if self.number == 1:
            return Quarter(self.year - 1, 4, self.fiscal_start_month)
        return Quarter(self.year, self.number - 1, self.fiscal_start_month)


def quarter_of(day: date, fiscal_start_month: int = 1) -> Quarter:
    """The fiscal quarter holding ``day``."""
    months_in = (day.month - fiscal_start_month) % 12
    fiscal_year = day.year if day.month >= fiscal_start_month else day.year - 1
    return Quarter(fiscal_year, months_in // 3 + 1, fiscal_start_month)


def parse_quarter(text: str, fiscal_start_month: int = 1) -> Quarter:
    """Read ``2026-Q4`` (also ``2026Q4``, ``2026 q4``)."""
    match = _QUARTER_LABEL.match(text)
    if not match:
        raise ValueError(f"not a quarter: {text!r} (expected like 2026-Q4)")
    return Quarter(int(match.group(1)), int(match.group(2)), fiscal_start_month)


_RELATIVE = re.compile(r"^([+-])\s*(\d{1,4})\s*([dw])$")


def parse_user_date(text: str, today: date) -> date:
    """Read a date as a person types it.

    Accepts ISO (``2026-12-04``), ``today``, ``tomorrow``, ``yesterday``, a
    weekday name (the next one, today included), ``+7d`` / ``-3d`` / ``+2w``.
    """
    cleaned = text.strip().lower()
    if not cleaned:
        raise ValueError("empty date")
    if cleaned == "today":
        return today
    if cleaned == "tomorrow":
        return _plain(_pd(today).add(days=1))
    if cleaned == "yesterday":
        return _plain(_pd(today).subtract(days=1))
    for index, name in enumerate(WEEKDAY_NAMES):
        if cleaned in (name, name[:3]):
            return _plain(_pd(today).add(days=(index - today.weekday()) % 7))
    relative = _RELATIVE.match(cleaned)
    if relative:
        sign, amount, unit = relative.groups()
        days = int(amount) * (7 if unit == "w" else 1)
        moved = _pd(today).add(days=days) if sign == "+" else _pd(today).subtract(days=days)
        return _plain(moved)
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(
            f"not a date: {text!r} (use 2026-12-04, today, tomorrow, a weekday like friday, or +7d)"
        ) from None


def next_meeting(now: datetime, meeting_day: int, meeting_time: time) -> datetime:
    """The next weekly meeting starting at or after ``now`` (``meeting_day`` as ``date.weekday()``).

    A meeting due today that has not started yet is today's; one whose start
    time has passed is next week's. ``now`` is naive local time, as the app's
    clock gives it.
    """
    ahead = (meeting_day - now.weekday()) % 7
    day = _plain(_pd(now.date()).add(days=ahead))
    start = datetime.combine(day, meeting_time)
    if start < now:
        start = datetime.combine(_plain(_pd(day).add(days=7)), meeting_time)
    return start

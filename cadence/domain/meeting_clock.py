"""A meeting's clocks, from its record and the time now: nothing ticks in memory.

The record holds what was spent before (``elapsed_seconds``, an issue's
``seconds``) and when the running clock last started (``running_since``,
``ids_since``). Time now minus that start is added while the meeting runs, so
closing the app, a dropped SSH link or a killed terminal never resets a
clock, and a pause is just a record with no start.
"""

from __future__ import annotations

from datetime import datetime

from cadence.domain.models import Meeting


def _running(meeting: Meeting, since: datetime | None, now: datetime) -> float:
    if since is None or meeting.ended_at is not None:
        return 0.0
    return max(0.0, (now - since).total_seconds())


def section_seconds(meeting: Meeting, index: int, now: datetime) -> float:
    """Seconds spent in section ``index``: what was banked, plus the running stretch if it is the current one."""
    banked = meeting.sections[index].elapsed_seconds
    if index != meeting.current:
        return banked
    return banked + _running(meeting, meeting.running_since, now)


def total_seconds(meeting: Meeting, now: datetime) -> float:
    return sum(section_seconds(meeting, index, now) for index in range(len(meeting.sections)))


def budget_seconds(meeting: Meeting) -> int:
    return sum(section.budget_minutes for section in meeting.sections) * 60


def overrun_seconds(meeting: Meeting, index: int, now: datetime) -> float:
    """How far past its budget a section is (0 while within it)."""
    return max(0.0, section_seconds(meeting, index, now) - meeting.sections[index].budget_minutes * 60)


def issue_seconds(meeting: Meeting, issue_id: str, now: datetime) -> float:
    """The time IDS has spent on one issue; the issue being worked runs with the meeting clock."""
    banked = sum(work.seconds for work in meeting.ids_work if work.issue_id == issue_id)
    if meeting.ids_current != issue_id:
        return banked
    return banked + _running(meeting, meeting.ids_since, now)


def clock_text(seconds: float) -> str:
    """``4:05`` under an hour, ``1:02:09`` past it; never negative."""
    whole = int(max(0.0, seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"

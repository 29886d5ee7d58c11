"""The Meetings section's words and figures: a team's slot, the running meeting, a past meeting's row.

Pure functions from records to rich ``Text`` (no widgets, no I/O), so the
figures the section shows can be checked without a terminal and the
Dashboard can say the same thing the same way. Every figure comes from the
meeting record: lengths are the meeting's own clock (sections' time, pauses
left out), never the wall clock between start and end.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from rich.text import Text

from cadence.domain.meeting_clock import budget_seconds, clock_text, total_seconds
from cadence.domain.meeting_parts import GOOD_RATING, AgendaTemplate, IdsOutcome, rating_text
from cadence.domain.models import Meeting
from cadence.domain.periods import WEEKDAY_NAMES
from cadence.tui.status_styles import Status, muted, status_style, verdict_style
from cadence.tui.widgets.literal import literal

MAX_LISTED = 5
DEFAULT_AGENDA = "weekly"
"""The agenda template a team without one of its own meets on."""


def when_text(start: datetime, now: datetime) -> str:
    """``today, in 2 h 15 min`` / ``tomorrow`` / ``in 5 days``."""
    days = (start.date() - now.date()).days
    if days == 0:
        minutes = max(0, int((start - now).total_seconds() // 60))
        hours, minutes = divmod(minutes, 60)
        return "today, now" if hours == minutes == 0 else f"today, in {f'{hours} h ' if hours else ''}{minutes} min"
    if days == 1:
        return "tomorrow"
    return f"in {days} days"


def agenda_label(agenda_id: str, templates: dict[str, AgendaTemplate]) -> str:
    """``Weekly meeting, 90 min`` from the team's template (the length once: a name may say it), else the id."""
    template = templates.get(agenda_id)
    if template is None:
        return f"agenda {agenda_id!r}" if agenda_id else "no agenda"
    length = f"{template.minutes} min"
    return template.name if length in template.name else f"{template.name}, {length}"


def slot_line(
    team_name: str,
    picked: bool,
    day: int,
    at_text: str,
    agenda: str,
    next_at: datetime,
    now: datetime,
    width: int,
) -> Text:
    """One team's rhythm: ``▸ Leadership team  Tue 09:00 · Weekly meeting, 90 min · next Tue 24 Nov (tomorrow)``."""
    wide = width >= 100
    text = Text("▸ " if picked else "  ", style="bold")
    text.append(literal(team_name, 24 if wide else 16, style="bold" if picked else ""))
    text.append("  ")
    text.append(f"{WEEKDAY_NAMES[day][:3].title()} {at_text}", style="bold")
    text.append(" · ")
    text.append(literal(agenda, 30 if wide else 26))
    text.append(" · next ", style=muted())
    text.append(f"{next_at:%a %d %b}")
    if wide:
        text.append(f" {next_at:%H:%M}")
    when = f" ({when_text(next_at, now)})"
    if text.cell_len + len(when) <= width - 2:
        text.append(when, style=muted())
    text.no_wrap = True
    text.overflow = "ellipsis"
    return text


def where_text(meeting: Meeting, now: datetime) -> str:
    """``IDS, 34:12 in``: the section the meeting is at and its clock (the resume question says this)."""
    section = meeting.sections[meeting.current].name if meeting.sections else "no section"
    return f"{section}, {clock_text(total_seconds(meeting, now))} in"


def running_line(meeting: Meeting, now: datetime, driver_text: str, width: int) -> Text:
    """The running meeting: where it is, its clock against the budget, paused or not, who drives."""
    text = Text("● ", style=status_style(Status.GOOD, strong=True))
    text.append(meeting.id, style="bold")
    state = Status.WARN if meeting.paused else Status.GOOD
    text.append(" paused" if meeting.paused else " running", style=status_style(state, strong=True))
    text.append(" · ")
    text.append(literal(where_text(meeting, now), 40))
    if meeting.sections:
        text.append(f" (section {meeting.current + 1}/{len(meeting.sections)})", style=muted())
    text.append(f" of {budget_seconds(meeting) // 60} min", style=muted())
    text.append("\n  driven by ")
    text.append(literal(driver_text, max(10, width - 40)))
    # s joins it wherever the cursor is; Enter acts on the highlighted row (only the running row joins)
    text.append("  ·  s: join", style=muted())
    return text


@dataclass(frozen=True)
class PastFigures:
    """What the history row says about one finished meeting."""

    seconds: float
    budget: int
    rating: float | None
    solved: int
    todos: int


def past_figures(meeting: Meeting) -> PastFigures:
    """From the record: the meeting clock at its end, ratings' average, issues solved, to-dos created."""
    end = meeting.ended_at or meeting.started_at
    if meeting.minutes is not None:
        solved = sum(1 for issue in meeting.minutes.issues if issue.outcome is IdsOutcome.SOLVED)
        todos = len(meeting.minutes.new_todos) or len(meeting.new_todo_ids)
    else:
        solved = sum(1 for work in meeting.ids_work if work.outcome is IdsOutcome.SOLVED)
        todos = len(meeting.new_todo_ids)
    return PastFigures(total_seconds(meeting, end), budget_seconds(meeting), meeting.average_rating, solved, todos)


def length_cell(figures: PastFigures) -> Text:
    """``93:42 / 90`` (minutes budgeted), the length in the warn colour when it ran over."""
    over = figures.budget and figures.seconds > figures.budget
    text = Text(clock_text(figures.seconds), style=status_style(Status.WARN) if over else "")
    text.append(f" / {figures.budget // 60}" if figures.budget else "", style=muted())
    return text


def rating_cell(rating: float | None, ratings_on: bool) -> Text:
    if rating is None:
        return Text("—" if ratings_on else "no ratings", style=muted())
    good = rating >= GOOD_RATING
    return Text(rating_text(rating) + ("" if good else " ✗"), style=verdict_style(good, strong=not good))


def history_cells(meeting: Meeting, narrow: bool, title_width: int) -> list[Text]:
    """The cells of a past meeting's row: id, date, length/budget, rating, solved, to-dos, title."""
    figures = past_figures(meeting)
    return [
        Text(meeting.id, style="bold"),
        Text(f"{meeting.started_at:%a %d %b}" if narrow else f"{meeting.started_at:%a %d %b %Y}"),
        length_cell(figures),
        rating_cell(figures.rating, meeting.ratings_on),
        Text(str(figures.solved)),
        Text(str(figures.todos)),
        literal(meeting.title, title_width),
    ]


def meeting_panel(
    start: datetime, now: datetime, agenda: str, running: Meeting | None, finished: Sequence[Meeting], room: int = 0
) -> Text:
    """The Dashboard's meeting box: the one running (where it is, its clock), the team's next slot and agenda,
    and the last meetings' length and rating. ``finished``: newest first; with ``room``, the last few are listed."""
    text = Text()
    if running is not None:
        state = f"{running.id} paused" if running.paused else f"{running.id} running"
        text.append(state, style=status_style(Status.WARN if running.paused else Status.GOOD, strong=True))
        text.append(f": {where_text(running, now)}\n")
        text.append("Join it in Meetings (7)\n", style="bold")
    text.append(f"{WEEKDAY_NAMES[start.weekday()].title()} {start:%d %b %Y}, {start:%H:%M}", style="bold")
    text.append(f"  ({when_text(start, now)})")
    text.append("\n")
    text.append(literal(agenda, 40, style=muted()))
    if running is None:
        text.append(" · start it in Meetings (7)", style=muted())
    if not finished:
        return text
    recent = finished[: max(1, min(room - 4, MAX_LISTED))] if room else finished[:1]
    several = len(recent) > 1
    text.append("\nRecent meetings (rating, goal 8+):" if several else "\nLast one:", style="bold" if several else "")
    for meeting in recent:
        figures = past_figures(meeting)
        text.append(f"\n  {meeting.started_at:%a %d %b}" if several else f" {meeting.started_at:%a %d %b}")
        text.append(f", {int(figures.seconds // 60)} min", style=muted())
        if figures.rating is not None:
            good = figures.rating >= GOOD_RATING
            text.append(", rated ")
            text.append(rating_text(figures.rating), style=verdict_style(good, strong=True))
            text.append(" ✓" if good else f" ✗ under {GOOD_RATING}", style=verdict_style(good))
    return text

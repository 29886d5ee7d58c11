"""The agenda down the side of the meeting: each section's budget and time spent, the current one marked.

Drawn from the meeting record and a time ``now`` (``meeting_clock``), never
from a counter in memory, so two terminals and a restarted app show the same
clocks. A section past its budget says so in words (``+2:10 over``) as well as
in colour, so it reads in a 16-colour terminal or none.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.widgets import Static

from cadence.domain.meeting_clock import clock_text, overrun_seconds, section_seconds
from cadence.domain.models import Meeting
from cadence.domain.text import clip
from cadence.tui.status_styles import Status, muted, status_style

SIDEBAR_WIDTH = 22
INDENT = "\u00a0\u00a0"  # non-breaking: a plain leading space is dropped when the line is laid out


def agenda_text(meeting: Meeting, now: datetime, width: int = SIDEBAR_WIDTH - 2) -> Text:
    """Two lines per section: ``▶6 IDS`` then `` 12:03/1:00:00`` (or `` 1:02:10 +2:10 over``)."""
    text = Text(no_wrap=True, overflow="ellipsis")
    for index, section in enumerate(meeting.sections):
        current = index == meeting.current
        marker = "▶" if current else " "
        name = clip(section.name, max(4, width - 4))
        text.append(f"{marker}{index + 1} ", style="bold" if current else "")
        text.append(name, style="bold reverse" if current else "")
        text.append("\n")
        spent = section_seconds(meeting, index, now)
        over = overrun_seconds(meeting, index, now)
        budget = section.budget_minutes * 60
        if over > 0:
            text.append(
                f"{INDENT}{clock_text(spent)} +{clock_text(over)} over", style=status_style(Status.BAD, strong=True)
            )
        elif spent or current:
            text.append(f"{INDENT}{clock_text(spent)}/{clock_text(budget)}", style="" if current else muted())
        else:
            text.append(f"{INDENT}{clock_text(budget)}", style=muted())
        text.append("\n")
    return text


class AgendaSidebar(Static):
    """The agenda; ``show(meeting, now)`` redraws it (the screen calls it every second and on each snapshot)."""

    DEFAULT_CSS = f"""
    AgendaSidebar {{ width: {SIDEBAR_WIDTH}; height: 1fr; padding: 0 1; background: $surface; overflow-y: auto;
        text-wrap: nowrap; text-overflow: ellipsis; }}
    """

    _shown: tuple[Meeting, datetime] | None = None

    def show(self, meeting: Meeting, now: datetime) -> None:
        self._shown = (meeting, now)
        self.update(agenda_text(meeting, now, max(8, (self.size.width or SIDEBAR_WIDTH) - 2)))

    def on_resize(self) -> None:
        """Drawn before its first layout, names were clipped to a guessed width: clip them again to the real one."""
        if self._shown is not None:
            self.show(*self._shown)

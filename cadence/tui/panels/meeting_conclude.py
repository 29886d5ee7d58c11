"""The Conclude section of a meeting: new to-dos recap, cascading messages, ratings.

(Skeleton: the registry in ``meeting_sections`` imports it; the working panel follows.)
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from cadence.tui.panels.meeting_base import MeetingPanel


class ConcludePanel(MeetingPanel):
    """Recap the new to-dos, cascade messages to other teams, rate the meeting."""

    def compose(self) -> ComposeResult:
        yield Static(id="conclude-body")

    def refresh_data(self) -> None:
        self.query_one("#conclude-body", Static).update(self.section.name)

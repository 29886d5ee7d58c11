"""The IDS section of a meeting: the short-term list, the top 3, one issue at a time with its own clock.

(Skeleton: the registry in ``meeting_sections`` imports it; the working panel follows.)
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from cadence.tui.panels.meeting_base import MeetingPanel


class IdsPanel(MeetingPanel):
    """Identify, Discuss, Solve: work the team's short-term issues in the meeting."""

    def compose(self) -> ComposeResult:
        yield Static(id="ids-body")

    def refresh_data(self) -> None:
        self.query_one("#ids-body", Static).update(self.section.name)

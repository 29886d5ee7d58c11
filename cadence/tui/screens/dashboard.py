"""Dashboard: the picked team's week at a glance, a frame around four read-only summary panels.

Rocks on and off track with the quarter's completion so far, the week's
to-do rate against 90% and what is overdue, the open issues and this week's
top 3, and when the next weekly meeting is (``cadence.tui.panels.dashboard``).
From ``GRID_COLUMNS`` wide the panels sit in a 2x2 grid; narrower, they stack
and scroll. The frame only lays them out: each panel redraws itself.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from cadence.tui.panels.dashboard import GRID_COLUMNS, SUMMARIES
from cadence.tui.screens.base import SectionScreen


class DashboardScreen(SectionScreen):
    SECTION = "dashboard"
    HELP = (
        "The picked team's week at a glance: rocks on and off track this quarter (goal: 80% done), "
        "to-dos done of those due in the last 7 days (goal: 90%) and what is overdue, open issues "
        "and this week's top 3, and the next weekly meeting. It updates by itself when anyone "
        "changes the workspace. Use the number keys to go to a section."
    )
    CSS_PATH = "dashboard.tcss"

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="dash"):
            for summary in SUMMARIES:
                yield summary()

    def on_mount(self) -> None:  # SectionScreen.on_mount runs too (Textual calls each class's handler)
        self.query_one("#dash").focus()

    def on_resize(self, event: events.Resize) -> None:
        """Grid or stack; each summary panel rebuilds itself only if the room it fits its text in changed."""
        self.query_one("#dash").set_class(event.size.width >= GRID_COLUMNS, "-grid")

"""The Scorecard section: a frame (header, tabs, footer) around the Scorecard panel.

The grid, its keys, ENTRY and the writes live in ``cadence.tui.panels.scorecard``
so the weekly meeting can show the same panel. The frame only hides its tab
bar while the panel is in ENTRY, and tells the app so (``captures_keys``):
then the app's keys (1-9, ?, team) are off and every key is the editor's.
"""

from __future__ import annotations

from textual.app import ComposeResult

from cadence.tui.panels.scorecard import ScorecardPanel
from cadence.tui.screens.base import SectionScreen


class ScorecardScreen(SectionScreen):
    SECTION = "scorecard"
    CSS_PATH = "scorecard.tcss"
    HELP = ScorecardPanel.HELP

    def compose_body(self) -> ComposeResult:
        yield ScorecardPanel(id="sc-panel")

    @property
    def panel(self) -> ScorecardPanel:
        return self.query_one(ScorecardPanel)

    def on_screen_resume(self) -> None:  # SectionScreen.on_screen_resume runs too (Textual calls each class's)
        self.panel.focus_first()

    @property
    def captures_keys(self) -> bool:
        """True while the panel is typing into a cell (read by the app's ``check_action``)."""
        panels = self.query(ScorecardPanel)
        return bool(panels) and panels.first().captures_keys

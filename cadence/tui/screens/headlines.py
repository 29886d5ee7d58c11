"""The Headlines section: a frame (header, tabs, footer) around the Headlines panel, which holds the list and keys."""

from __future__ import annotations

from textual.app import ComposeResult

from cadence.tui.panels.headlines import HELP, HeadlinesPanel
from cadence.tui.screens.base import SectionScreen


class HeadlinesScreen(SectionScreen):
    SECTION = "headlines"
    HELP = HELP

    def compose_body(self) -> ComposeResult:
        yield HeadlinesPanel(id="headlines-panel")

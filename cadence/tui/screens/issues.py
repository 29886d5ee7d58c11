"""The Issues section: a frame (header, tabs, footer) around the Issues panel, which holds both lists and their keys."""

from __future__ import annotations

from textual.app import ComposeResult

from cadence.tui.panels.issues import HELP, IssuesPanel
from cadence.tui.screens.base import SectionScreen


class IssuesScreen(SectionScreen):
    SECTION = "issues"
    HELP = HELP

    def compose_body(self) -> ComposeResult:
        yield IssuesPanel(id="issues-panel")

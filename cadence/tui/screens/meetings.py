"""The Meetings section: a frame (header, tabs, footer) around the Meetings panel, which holds the list and its keys."""

from __future__ import annotations

from textual.app import ComposeResult

from cadence.tui.panels.meetings import HELP, MeetingsPanel
from cadence.tui.screens.base import SectionScreen


class MeetingsScreen(SectionScreen):
    SECTION = "meetings"
    HELP = HELP

    def compose_body(self) -> ComposeResult:
        yield MeetingsPanel(id="meetings-panel")

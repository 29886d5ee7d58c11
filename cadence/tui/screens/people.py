"""The People section: a frame (header, tabs, footer) around the People panel, which holds the tables and their keys."""

from __future__ import annotations

from textual.app import ComposeResult

from cadence.tui.panels.people import HELP, PeoplePanel
from cadence.tui.screens.base import SectionScreen


class PeopleScreen(SectionScreen):
    SECTION = "people"
    HELP = HELP

    def compose_body(self) -> ComposeResult:
        yield PeoplePanel(id="people-panel")

"""TEMPORARY stand-in for the People section; replaced by the real screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from cadence.tui.screens.base import SectionScreen


class PeopleScreen(SectionScreen):
    SECTION = "people"

    def compose_body(self) -> ComposeResult:
        yield Static("People")

    def refresh_data(self) -> None:
        pass

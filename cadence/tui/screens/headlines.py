"""TEMPORARY stand-in for the Headlines section; replaced by the real screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from cadence.tui.screens.base import SectionScreen


class HeadlinesScreen(SectionScreen):
    SECTION = "headlines"

    def compose_body(self) -> ComposeResult:
        yield Static("Headlines")

    def refresh_data(self) -> None:
        pass

"""TEMPORARY stand-in for the Issues section; replaced by the real screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from cadence.tui.screens.base import SectionScreen


class IssuesScreen(SectionScreen):
    SECTION = "issues"

    def compose_body(self) -> ComposeResult:
        yield Static("Issues")

    def refresh_data(self) -> None:
        pass

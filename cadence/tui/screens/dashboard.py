"""TEMPORARY stand-in for the Dashboard section; replaced by the real screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from cadence.tui.screens.base import SectionScreen


class DashboardScreen(SectionScreen):
    SECTION = "dashboard"

    def compose_body(self) -> ComposeResult:
        yield Static("Dashboard")

    def refresh_data(self) -> None:
        pass

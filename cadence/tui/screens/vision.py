"""TEMPORARY stand-in for the Vision section; replaced by the real screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from cadence.tui.screens.base import SectionScreen


class VisionScreen(SectionScreen):
    SECTION = "vision"

    def compose_body(self) -> ComposeResult:
        yield Static("Vision")

    def refresh_data(self) -> None:
        pass

"""TEMPORARY stand-in for the Rocks section; replaced by the real screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from cadence.tui.screens.base import SectionScreen


class RocksScreen(SectionScreen):
    SECTION = "rocks"

    def compose_body(self) -> ComposeResult:
        yield Static("Rocks")

    def refresh_data(self) -> None:
        pass

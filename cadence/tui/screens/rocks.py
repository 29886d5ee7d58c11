"""The Rocks section: a frame (header, tabs, footer) around the Rocks panel, which holds the table and its keys."""

from __future__ import annotations

from textual.app import ComposeResult

from cadence.tui.panels.rocks import HELP, RocksPanel
from cadence.tui.screens.base import SectionScreen


class RocksScreen(SectionScreen):
    SECTION = "rocks"
    HELP = HELP

    def compose_body(self) -> ComposeResult:
        yield RocksPanel(id="rocks-panel")

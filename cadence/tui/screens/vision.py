"""The Vision section: a frame (header, tabs, footer) around the Vision panel, which holds the V/TO and its keys."""

from __future__ import annotations

from textual.app import ComposeResult

from cadence.tui.panels.vision import HELP, VisionPanel
from cadence.tui.screens.base import SectionScreen


class VisionScreen(SectionScreen):
    SECTION = "vision"
    HELP = HELP

    def compose_body(self) -> ComposeResult:
        yield VisionPanel(id="vision-panel")

"""The To-Dos section: a frame (header, tabs, footer) around the To-Dos panel, which holds the list and its keys."""

from __future__ import annotations

from textual.app import ComposeResult

from cadence.tui.panels.todos import HELP, TodosPanel
from cadence.tui.screens.base import SectionScreen


class TodosScreen(SectionScreen):
    SECTION = "todos"
    HELP = HELP

    def compose_body(self) -> ComposeResult:
        yield TodosPanel(id="todos-panel")

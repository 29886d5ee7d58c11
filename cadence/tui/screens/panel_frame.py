"""A pushed screen that frames one section panel: a title line, the panel, the footer, Esc to go back.

The Accountability chart, the People analyzer and the Core processes are
opened from a section (People, Vision) rather than from the tab bar, so each
is a screen over its own panel. What they share lives here: the layout, the
title redrawn on every new snapshot while the screen is on the stack, the
panel shown afresh when the screen comes back. Each subclass names its
panel, the prefix of its widget ids, and what its title line says.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static

from cadence.tui.panels.base import SectionPanel, SessionUser


class PanelFrame(Screen[None], SessionUser):
    """``PANEL`` under a title line (``#<ID_PREFIX>-title``), with the footer; ``title_text`` says what it reads."""

    PANEL: ClassVar[type[SectionPanel]]
    ID_PREFIX: ClassVar[str]

    def compose(self) -> ComposeResult:
        yield Static(id=f"{self.ID_PREFIX}-title")
        yield self.PANEL(id=f"{self.ID_PREFIX}-panel")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.cadence.snapshot_signal.subscribe(self, self._on_snapshot)
        self.show_current()
        self.query_one(self.PANEL).focus_first()

    def on_screen_resume(self) -> None:
        self.show_current()

    def _on_snapshot(self, _session: object) -> None:
        if self in self.app.screen_stack:
            self.show_title()

    def show_current(self) -> None:
        self.show_title()
        self.query_one(self.PANEL).show_current()

    def show_title(self) -> None:
        self.query_one(f"#{self.ID_PREFIX}-title", Static).update(self.title_text())

    def title_text(self) -> Text:
        raise NotImplementedError

    def action_close(self) -> None:
        self.dismiss(None)

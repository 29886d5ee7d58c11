"""What every section screen shares: header, section tabs, footer, refresh, and safe writes.

A section screen is a frame: it composes the header, the tabs, one or more
panels (``cadence.tui.panels``) and the footer. The panels hold the content
and its keys. A screen writes as a panel does (``SessionUser.write``: the
transaction runs in a thread, never on the event loop).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from cadence.tui.panels.base import SectionPanel, SessionUser
from cadence.tui.widgets.header import CadenceHeader, SectionTabs


class SectionScreen(Screen[None], SessionUser):
    """A section: subclasses compose their body (panels) and, if not panels, fill it in ``refresh_data``."""

    SECTION: ClassVar[str] = ""
    HELP: ClassVar[str] = ""

    def compose(self) -> ComposeResult:
        yield CadenceHeader()
        yield SectionTabs(self.cadence.section_tabs(), self.SECTION)
        yield from self.compose_body()
        yield Footer(compact=True)

    def compose_body(self) -> ComposeResult:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.cadence.snapshot_signal.subscribe(self, self._on_snapshot)
        self.show_current()
        for panel in self.query(SectionPanel):
            panel.focus_first()
            break

    def _on_snapshot(self, _session: object) -> None:
        """The header (and the body of a screen not split into panels) from a new snapshot; panels redraw themselves."""
        if self not in self.app.screen_stack:
            return  # another section's stack: it redraws when shown again
        self.query_one(CadenceHeader).show(self.session)
        if not self.query(SectionPanel):
            self.refresh_data()

    def on_screen_resume(self) -> None:
        self.show_current()

    def show_current(self) -> None:
        """Shown (mounted, or back on top): the header, and each panel built if it never was or went stale.

        Textual sends a new screen both Mount and ScreenResume, and calls the
        handler of every class that defines one: this is idempotent, so a
        section's first show builds its panels once.
        """
        self.query_one(CadenceHeader).show(self.session)
        panels = self.query(SectionPanel)
        if not panels:
            self.refresh_data()
        for panel in panels:
            panel.show_current()

    def refresh_data(self) -> None:
        """Rebuild every panel; a screen not yet split into panels overrides this."""
        for panel in self.query(SectionPanel):
            panel.rebuild()

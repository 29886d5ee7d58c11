"""What every section screen shares: header, section tabs, footer, refresh, and safe writes.

A section screen is a frame: it composes the header, the tabs, one or more
panels (``cadence.tui.panels``) and the footer. The panels hold the content
and its keys. Screens that have not been split into panels yet still compose
their body themselves; for them ``write`` keeps its old, blocking form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from cadence.store import InputError, Transaction, WorkspaceBusy, WorkspaceError
from cadence.tui.panels.base import SectionPanel, SessionUser
from cadence.tui.widgets.header import CadenceHeader, SectionTabs

T = TypeVar("T")


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

    # Writing (screens not yet split into panels) ----------------------------------------

    def write(self, change: Callable[[Transaction], T], done: str | None = None) -> T | None:  # type: ignore[override]
        """One transaction, blocking; on failure the user is told why and nothing changed."""
        try:
            result = self.session.write_blocking(change)
        except InputError as error:
            self.notify(str(error), title="Not changed", severity="warning")
            return None
        except WorkspaceBusy as error:
            self.notify(f"{error}", title="Workspace busy", severity="error")
            return None
        except WorkspaceError as error:
            self.notify(str(error), title="Cannot write", severity="error", timeout=10)
            return None
        if done:
            self.notify(done, timeout=2)
        self.cadence.publish_snapshot()
        return result

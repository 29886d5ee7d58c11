"""What a section's content needs in any frame: the session, safe writes, forms, the record under the cursor.

A panel is the part of a section that the weekly meeting shows too: the
Rocks table with its keys, the Scorecard grid, the Issues list. It takes the
session (through the app) and redraws itself from each new snapshot the app
publishes, so a section screen, the dashboard and the meeting can each frame
the same panel.

``SessionUser`` holds what panels and screens share. Its writes never run on
the event loop: ``write`` awaits a thread worker (``cadence.tui.background``)
and tells the user in a toast what went wrong, if anything; nothing changed
then. Call it as ``await self.write(...)`` from an ``async def action_...``,
or ``self.write_soon(...)`` from a dialog's callback.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from textual.dom import DOMNode
from textual.widget import Widget

from cadence.domain.models import Record
from cadence.store import InputError, Transaction, WorkspaceBusy, WorkspaceError
from cadence.tui.background import in_thread
from cadence.tui.session import WorkspaceSession
from cadence.tui.widgets.dialogs import ConfirmScreen
from cadence.tui.widgets.edit_conflict import guarded_submit
from cadence.tui.widgets.forms import FormField, FormScreen
from cadence.tui.widgets.record_table import RecordTable

if TYPE_CHECKING:
    from cadence.tui.app import CadenceApp

T = TypeVar("T")
R = TypeVar("R", bound=Record)


class SessionUser(DOMNode):
    """Reading the session and writing through it, for panels and section screens alike."""

    @property
    def cadence(self) -> CadenceApp:
        return self.app  # type: ignore[return-value]

    @property
    def session(self) -> WorkspaceSession:
        return self.cadence.session

    # Writing ------------------------------------------------------------------

    async def write(self, change: Callable[[Transaction], T], done: str | None = None) -> T | None:
        """One transaction in a worker thread; on failure the user is told why, nothing changed, ``None`` returned."""
        try:
            result = await self.session_write(change)
        except InputError as error:
            self.app.notify(str(error), title="Not changed", severity="warning")
            return None
        except WorkspaceBusy as error:
            self.app.notify(f"{error}", title="Workspace busy", severity="error")
            return None
        except WorkspaceError as error:
            self.app.notify(str(error), title="Cannot write", severity="error", timeout=10)
            return None
        if done:
            self.app.notify(done, timeout=2)
        return result

    async def session_write(self, change: Callable[[Transaction], T]) -> T:
        """The raw write (errors propagate), then every open section redraws from the new snapshot."""
        result = await in_thread(self, lambda: self.session.write_blocking(change))
        self.cadence.publish_snapshot()
        return result

    def write_soon(
        self,
        change: Callable[[Transaction], T],
        done: str | None = None,
        then: Callable[[T], None] | None = None,
    ) -> None:
        """``write`` from a synchronous callback (a dialog's answer); ``then`` gets the result if it worked."""

        async def run() -> None:
            result = await self.write(change, done)
            if result is not None and then is not None:
                then(result)

        self.call_later(run)

    def open_form(
        self,
        title: str,
        fields: Sequence[FormField],
        change: Callable[[Transaction, dict[str, str]], Any],
        done: str | None = None,
        submit_label: str = "save",
        then: Callable[[Any], None] | None = None,
        guard: Record | None = None,
    ) -> None:
        """A modal form whose submit runs ``change`` in one transaction; ``then`` gets what it returned.

        ``guard``: the record an edit form shows, as it was when the form opened. If another
        session changes the same fields before the save, the user is asked which to keep.
        """

        def plain_submit(values: dict[str, str]) -> Awaitable[Any]:
            return self.session_write(lambda transaction: change(transaction, values))

        submit: Callable[[dict[str, str]], Awaitable[Any]] = plain_submit
        if guard is not None:
            submit = guarded_submit(self.session_write, guard, change, lambda: form)

        def closed(result: Any) -> None:
            if result is not None:
                if done:
                    self.app.notify(done, timeout=2)
                if then is not None:
                    then(result)

        form = FormScreen(title, fields, submit, submit_label)
        self.app.push_screen(form, closed)

    def confirm(self, question: str, then: Callable[[], None]) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                then()

        self.app.push_screen(ConfirmScreen(question), answered)

    # The record under the cursor ------------------------------------------------------

    def record_at_cursor(
        self, table: RecordTable, lookup: Callable[[str], R], missing: str, quiet: bool = False
    ) -> R | None:
        """The record whose row has the cursor, by ``lookup`` (``snapshot.todo``); tells the user if none."""
        key = table.selected_key
        if key is None:
            if not quiet:
                self.app.notify(missing, severity="warning")
            return None
        try:
            return lookup(key)
        except InputError:  # gone since the row was drawn (another session deleted it)
            return None

    # Shared choices for forms -----------------------------------------------------

    def people_names(self) -> list[str]:
        return [person.name for person in self.session.snapshot.people if person.active]

    def check_person(self, value: str) -> str | None:
        try:
            self.session.snapshot.find_person(value)
        except InputError as error:
            return str(error)
        return None


def panel_css(module_file: str) -> str:
    """The ``.tcss`` beside a panel's module, as its DEFAULT_CSS: a panel brings its styles to any frame."""
    return Path(module_file).with_suffix(".tcss").read_text(encoding="utf-8")


class SectionPanel(Widget, SessionUser):
    """A section's content with its own keys; redraws from the session's snapshot.

    Subclasses compose their widgets and fill them in ``refresh_data``, which
    the frame calls when it shows the panel and the app calls after every
    change to the workspace (a write here, another session's, the CLI's).
    """

    DEFAULT_CSS = """
    SectionPanel { height: 1fr; layout: vertical; }
    """

    HELP: ClassVar[str] = ""
    # Every action a panel's keys offer that changes something has a CLI command doing the same
    # (``{"add": "todo add"}``); keys that only move, show or filter are listed in NAVIGATION.
    # tests/tui/test_cli_parity.py walks every panel's bindings against these.
    CLI_EQUIVALENTS: ClassVar[dict[str, str]] = {}
    NAVIGATION: ClassVar[frozenset[str]] = frozenset()

    def on_mount(self) -> None:
        self.cadence.snapshot_signal.subscribe(self, self._on_snapshot)

    def _on_snapshot(self, _session: object) -> None:
        if self.screen in self.app.screen_stack:  # a hidden section redraws when it is shown again
            self.refresh_data()

    def refresh_data(self) -> None:
        raise NotImplementedError

    def focus_first(self) -> None:
        """Put the keyboard in the panel's main widget (its table or grid)."""
        for widget in self.query(RecordTable):
            widget.focus()
            return

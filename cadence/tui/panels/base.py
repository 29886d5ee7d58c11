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

from collections.abc import Awaitable, Callable, Hashable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from textual.dom import DOMNode
from textual.events import Resize
from textual.screen import ModalScreen
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

    Subclasses compose their widgets and fill them in ``refresh_data``. A panel
    builds its content once per thing that changes what it shows, never more:

    - what it was built from is the session's snapshot (its generation), the
      team picked and the theme (``built_from``); its frame calls
      ``show_current`` when it shows the panel (mounted, or its screen
      resumed), and the panel builds only if one of those changed since;
    - a published snapshot (a write here, another session's, the CLI's, a
      team or a theme picked) rebuilds a panel that is on screen and leaves
      a hidden one (another section, a screen over it) alone until it is
      shown again, so the cost of a refresh follows what is on screen;
    - a resize rebuilds only when ``layout_key`` (what the build reads of the
      size) changed since the last build.

    Textual calls ``on_mount`` / ``on_resize`` of every class in the MRO that
    defines one, the base's included: a subclass's handler must not call
    ``super()``'s as well (that would subscribe, or build, twice).
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

    builds = 0  # how many times the content was built (tests count them)
    _built_from: Hashable = None  # ``built_from()`` at the last build; None: never built, or marked stale
    _built_layout: Hashable = None

    def on_mount(self) -> None:
        self.cadence.snapshot_signal.subscribe(self, self._on_snapshot)

    def _on_snapshot(self, _session: object) -> None:
        if self.on_screen:
            self.show_current()  # a hidden panel builds when it is shown again

    def built_from(self) -> Hashable:
        """What the content is drawn from: the snapshot (its generation), the team picked, the theme."""
        return self.session.generation, self.session.team_id, self.app.theme

    def mark_stale(self) -> None:
        """Something the build reads besides ``built_from`` changed: rebuild now if on screen, else when shown."""
        self._built_from = None
        if self.on_screen:
            self.rebuild()

    @property
    def on_screen(self) -> bool:
        """Is the panel in sight: its screen the top one, or under nothing but modal dialogs."""
        if not self.is_attached:
            return False
        stack = self.app.screen_stack
        screen = self.screen
        if screen not in stack:
            return False
        return all(isinstance(above, ModalScreen) for above in stack[stack.index(screen) + 1 :])

    def show_current(self) -> None:
        """Build the content unless it is drawn from the snapshot, team and theme the session holds now."""
        if self._built_from is None or self._built_from != self.built_from():
            self.rebuild()

    def rebuild(self) -> None:
        """Build the content from the session's snapshot now (and remember what, and for which layout)."""
        self._built_from = self.built_from()
        self._built_layout = self.layout_key()
        self.builds += 1
        self.refresh_data()

    def layout_key(self) -> Hashable:
        """What ``refresh_data`` reads of the panel's or the terminal's size; ``None``: nothing (CSS does it)."""
        return None

    def on_resize(self, _event: Resize) -> None:
        if self._built_from is not None and self.is_mounted and self.layout_key() != self._built_layout:
            self.rebuild()

    def refresh_data(self) -> None:
        raise NotImplementedError

    def focus_first(self) -> None:
        """Put the keyboard in the panel's main widget (its table or grid)."""
        for widget in self.query(RecordTable):
            widget.focus()
            return

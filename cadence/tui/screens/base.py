"""What every section screen shares: header, section tabs, footer, refresh, and safe writes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from cadence.domain.ids import Kind
from cadence.domain.models import Record
from cadence.store.errors import InputError, WorkspaceBusy, WorkspaceError
from cadence.store.transaction import Transaction
from cadence.tui.session import WorkspaceSession
from cadence.tui.widgets.dialogs import ConfirmScreen
from cadence.tui.widgets.edit_conflict import guarded_submit
from cadence.tui.widgets.forms import FormField, FormScreen
from cadence.tui.widgets.header import CadenceHeader, SectionTabs
from cadence.tui.widgets.record_table import RecordTable

if TYPE_CHECKING:
    from cadence.tui.app import CadenceApp

T = TypeVar("T")


class SectionScreen(Screen[None]):
    """A section: subclasses compose their body and fill it in ``refresh_data``."""

    SECTION: ClassVar[str] = ""
    HELP: ClassVar[str] = ""

    @property
    def cadence(self) -> CadenceApp:
        return self.app  # type: ignore[return-value]

    @property
    def session(self) -> WorkspaceSession:
        return self.cadence.session

    def compose(self) -> ComposeResult:
        yield CadenceHeader()
        yield SectionTabs(self.cadence.section_tabs(), self.SECTION)
        yield from self.compose_body()
        yield Footer(compact=True)

    def compose_body(self) -> ComposeResult:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.refresh_all()

    def on_screen_resume(self) -> None:
        self.refresh_all()

    def refresh_all(self) -> None:
        """Header and body from the session's current snapshot (called again on every outside change)."""
        self.query_one(CadenceHeader).show(self.session)
        self.refresh_data()

    def refresh_data(self) -> None:
        raise NotImplementedError

    # Writing ------------------------------------------------------------------

    def write(self, change: Callable[[Transaction], T], done: str | None = None) -> T | None:
        """One transaction; on failure the user is told why and nothing changed."""
        try:
            result = self.session.write(change)
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
        self.refresh_all()
        return result

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

        def submit(values: dict[str, str]) -> Any:
            return self.session.write(lambda transaction: change(transaction, values))

        if guard is not None:
            submit = guarded_submit(self.session, guard, change, lambda: form)

        def closed(result: Any) -> None:
            if result is not None:
                self.refresh_all()
                if done:
                    self.notify(done, timeout=2)
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

    def record_at_cursor(self, table: RecordTable, kind: Kind, missing: str, quiet: bool = False) -> Record | None:
        """The record whose row has the cursor, read from the current snapshot; tells the user if none."""
        key = table.selected_key
        if key is None:
            if not quiet:
                self.notify(missing, severity="warning")
            return None
        try:
            return self.session.snapshot.get(kind, key)
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

"""The question an edit form asks when another session changed the same fields while it was open.

``EditConflictScreen`` shows each field with both values and answers
``"mine"`` or ``"theirs"`` (Escape: back to the form, nothing saved).
``guarded_submit`` wires it into any form: the form's save runs the change
through ``actions.guarded_edit``; on a conflict the form stays open, the
dialog asks, and the answer saves (or not) and closes the form.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from cadence.domain.models import Record
from cadence.store import InputError, Transaction, WorkspaceError
from cadence.store.actions.conflicts import EditConflict, Resolve, guarded_edit
from cadence.tui.widgets.dialogs import DIALOG_CSS
from cadence.tui.widgets.literal import literal

VALUE_WIDTH = 200


def shown_value(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "(empty)"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(getattr(value, "value", value))


class EditConflictScreen(ModalScreen[str | None]):
    """Keep mine (``m``) or keep theirs (``t``); Escape goes back to the form with nothing saved."""

    DEFAULT_CSS = (
        DIALOG_CSS.format(name="EditConflictScreen")
        + """
    EditConflictScreen > Vertical { width: 76; }
    EditConflictScreen VerticalScroll { height: auto; max-height: 14; }
    EditConflictScreen .conflict-field { text-style: bold; margin-top: 1; }
    """
    )
    BINDINGS = [
        Binding("m", "answer('mine')", "Keep mine", tooltip="Save what you typed over the other change"),
        Binding("t", "answer('theirs')", "Keep theirs", tooltip="Keep the other session's value; save the rest"),
        Binding("escape", "answer(None)", "Back to the form", tooltip="Nothing is saved; the form stays open"),
    ]

    def __init__(self, conflict: EditConflict) -> None:
        super().__init__()
        self.conflict = conflict

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(
                f"{self.conflict.record_id} changed while you were editing", classes="dialog-title", markup=False
            )
            yield Static("Another session saved a different value since this form opened:", markup=False)
            with VerticalScroll():
                for item in self.conflict.conflicts:
                    yield Static(item.field.replace("_", " ").capitalize(), classes="conflict-field", markup=False)
                    yield Static(Text.assemble(("  theirs: ", "bold"), literal(shown_value(item.theirs), VALUE_WIDTH)))
                    yield Static(Text.assemble(("  mine:   ", "bold"), literal(shown_value(item.mine), VALUE_WIDTH)))
            yield Static("m: keep mine   t: keep theirs   Esc: back to the form", classes="dialog-hint", markup=False)

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(answer)


def guarded_submit(
    write: Callable[[Callable[[Transaction], Any]], Awaitable[Any]],
    opened: Record,
    change: Callable[[Transaction, dict[str, str]], Any],
    form: Callable[[], Any],
) -> Callable[[dict[str, str]], Awaitable[Any]]:
    """The ``on_submit`` of an edit form for ``opened`` (the record as the form showed it).

    ``write`` runs a change in one transaction (off the event loop); ``form()``
    gives the form screen once it exists, to close it after the question is
    answered.
    """

    def run(values: dict[str, str], resolve: Resolve) -> Awaitable[Any]:
        return write(lambda tx: guarded_edit(tx, opened, lambda: change(tx, values), resolve))

    async def submit(values: dict[str, str]) -> Any:
        try:
            return await run(values, "ask")
        except EditConflict as conflict:
            screen = form()

            async def answered(choice: str | None) -> None:
                if choice not in ("mine", "theirs"):
                    return
                try:
                    result = await run(values, choice)  # type: ignore[arg-type]
                except (InputError, WorkspaceError) as error:
                    screen.show_form_error(str(error))
                    return
                screen.dismiss(result if result is not None else True)

            screen.app.push_screen(EditConflictScreen(conflict), answered)
            raise InputError(f"{conflict}. Choose which to keep.") from None

    return submit

"""IDS "solve": one dialog that records the decision and the to-dos it creates, in one write.

An issue is solved when the team agrees on what to do and who does it, so the
dialog asks for the decision (required), the root cause (what Identify found)
and any number of to-dos, each with an owner checked against the people in
the workspace as it is typed. One key (Ctrl+N) adds another to-do row, so the
Integrator can keep up with the room. Nothing is written until the whole
dialog is valid; the caller's ``on_submit`` then does it in one transaction.
Escape closes with nothing changed.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from cadence.domain.models import Issue
from cadence.domain.text import visible
from cadence.store import InputError, WorkspaceBusy, WorkspaceError
from cadence.tui.widgets.forms import NEXT_FIELD, advance_or_submit
from cadence.tui.widgets.literal import field_text, literal, literal_block

Check = Callable[[str], str | None]


@dataclass(frozen=True)
class Solution:
    """What the dialog collected: the decision, the root cause and (title, owner) pairs."""

    decision: str
    root_cause: str
    todos: list[tuple[str, str]]


class TodoRow(Vertical):
    """One to-do: what and who side by side, with its error line under them.

    The inputs are made up front (not in ``compose``) so that once the row is
    mounted they exist and can take focus before the next typed key arrives.
    """

    def __init__(self, number: int, suggestions: Sequence[str]) -> None:
        self.number = number
        self.title_input = Input(placeholder="what", id=f"todo-title-{number}", classes="todo-title", compact=True)
        self.owner_input = Input(
            placeholder="who",
            id=f"todo-owner-{number}",
            classes="todo-owner",
            compact=True,
            suggester=SuggestFromList(list(suggestions), case_sensitive=False) if suggestions else None,
        )
        self.error_line = Static("", id=f"todo-error-{number}", classes="field-error -empty", markup=False)
        inputs = Horizontal(
            Label(f"{number}.", classes="todo-number"), self.title_input, self.owner_input, classes="todo-inputs"
        )
        super().__init__(inputs, self.error_line, classes="todo-row", id=f"todo-row-{number}")

    def show_error(self, message: str | None) -> None:
        self.error_line.update(visible(message or ""))
        self.error_line.set_class(not message, "-empty")


class SolveScreen(ModalScreen[Any]):
    """Dismisses with whatever ``on_submit`` returned, or ``None`` on Escape."""

    CSS_PATH = "solve.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without changing anything"),
        # Priority, like Enter: the new row must have focus before the next typed key is routed.
        Binding("ctrl+n", "add_row", "Another to-do", priority=True, tooltip="Add another to-do row"),
        Binding("ctrl+s", "submit", "Solve", tooltip="Check everything and solve the issue"),
        NEXT_FIELD,
    ]

    def __init__(
        self,
        issue: Issue,
        due: date,
        on_submit: Callable[[Solution], Any],
        *,
        check_person: Check,
        people: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.issue = issue
        self.due = due
        self.on_submit = on_submit
        self.check_person = check_person
        self.people = list(people)
        self.row_count = 0

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="solve"):
            yield Label(
                Text.assemble(("Solve ", "bold"), (self.issue.id + " ", "bold"), literal(self.issue.title, 200)),
                id="solve-title",
            )
            if self.issue.description.strip():
                yield Static(literal_block(self.issue.description), id="solve-about")
            yield Label("Decision *", classes="field-label")
            yield Input(placeholder="what we decided", id="solve-decision", compact=True)
            yield Static("", id="error-decision", classes="field-error -empty", markup=False)
            yield Label("Root cause", classes="field-label")
            yield Input(
                value=field_text(self.issue.root_cause),
                placeholder="why it happened (optional)",
                id="solve-cause",
                compact=True,
            )
            yield Label(
                f"To-dos (optional) · what and who · due {self.due:%a %d %b} · Ctrl+N: one more",
                classes="field-label",
                id="todo-heading",
            )
            yield Vertical(id="todo-rows")
            yield Static("", id="form-error", classes="-empty", markup=False)
            yield Static(
                "Enter: next  Ctrl+N: another to-do  Ctrl+S: solve  Esc: cancel",
                id="form-hint",
                markup=False,
            )

    async def on_mount(self) -> None:
        await self._add_row()
        self.query_one("#solve-decision", Input).focus()

    # Rows ----------------------------------------------------------------------------

    @property
    def rows(self) -> list[TodoRow]:
        return list(self.query(TodoRow))

    async def _add_row(self) -> TodoRow:
        self.row_count += 1
        row = TodoRow(self.row_count, self.people)
        await self.query_one("#todo-rows", Vertical).mount(row)
        return row

    async def action_add_row(self) -> None:
        row = await self._add_row()
        self.set_focus(row.title_input)
        self.query_one("#solve", VerticalScroll).scroll_to_widget(row, animate=False)

    # Validation ------------------------------------------------------------------------

    def _row_error(self, row: TodoRow, *, submitting: bool) -> str | None:
        title = row.title_input.value.strip()
        owner = row.owner_input.value.strip()
        if owner:
            problem = self.check_person(owner)
            if problem:
                return f"who: {problem}"
        if submitting and title and not owner:
            return "who: required (a to-do has one owner)"
        if submitting and owner and not title:
            return "what: required"
        return None

    def _decision_error(self) -> str | None:
        return None if self.query_one("#solve-decision", Input).value.strip() else "required"

    def _show_decision_error(self, message: str | None) -> None:
        error = self.query_one("#error-decision", Static)
        error.update(visible(message or ""))
        error.set_class(not message, "-empty")

    def _show_form_error(self, message: str) -> None:
        error = self.query_one("#form-error", Static)
        error.update(visible(message))
        error.set_class(not message, "-empty")

    @on(Input.Changed)
    def _validate_as_typed(self, event: Input.Changed) -> None:
        if event.input.id == "solve-decision":
            self._show_decision_error(self._decision_error())
        for row in self.rows:
            if event.input in (row.title_input, row.owner_input):
                row.show_error(self._row_error(row, submitting=False))
        self._show_form_error("")

    def action_next_field(self) -> None:
        advance_or_submit(self, self.action_submit)

    def solution(self) -> Solution:
        todos = [
            (row.title_input.value.strip(), row.owner_input.value.strip())
            for row in self.rows
            if row.title_input.value.strip() or row.owner_input.value.strip()
        ]
        cause = self.query_one("#solve-cause", Input).value
        if cause == field_text(self.issue.root_cause):  # not edited: keep the stored text, not its visible form
            cause = self.issue.root_cause
        return Solution(
            decision=self.query_one("#solve-decision", Input).value.strip(),
            root_cause=cause.strip(),
            todos=todos,
        )

    # Actions ---------------------------------------------------------------------------

    def action_cancel(self) -> None:
        self.dismiss(None)

    async def action_submit(self) -> None:
        first_bad: Input | None = None
        decision_error = self._decision_error()
        self._show_decision_error(decision_error)
        if decision_error:
            first_bad = self.query_one("#solve-decision", Input)
        for row in self.rows:
            message = self._row_error(row, submitting=True)
            row.show_error(message)
            if message and first_bad is None:
                first_bad = row.owner_input if message.startswith("who") else row.title_input
        if first_bad is not None:
            first_bad.focus()
            self._show_form_error("Fix the marked fields; nothing was saved.")
            return
        try:
            result = self.on_submit(self.solution())
            if inspect.isawaitable(result):  # a write running in a worker thread
                result = await result
        except InputError as error:
            self._show_form_error(f"{error}. Nothing was saved.")
            return
        except WorkspaceBusy as error:
            self._show_form_error(f"{error}. Your input is kept: press Ctrl+S to try again.")
            return
        except WorkspaceError as error:
            self._show_form_error(str(error))
            return
        self.dismiss(result if result is not None else True)

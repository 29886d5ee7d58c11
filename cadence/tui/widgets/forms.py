"""Modal forms: fields validated as you type, errors next to the field, nothing half-written.

The form calls ``on_submit`` with every field's text; that function does the
whole change in one transaction (or raises). An ``InputError`` whose message
starts with a field name (``due: not a date``) is shown under that field; a
busy workspace keeps the form open with the input intact for a retry; Escape
closes with nothing changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from cadence.store.errors import InputError, WorkspaceBusy, WorkspaceError

Check = Callable[[str], str | None]


@dataclass
class FormField:
    name: str
    label: str
    value: str = ""
    placeholder: str = ""
    required: bool = False
    check: Check | None = None
    suggestions: Sequence[str] = ()


def one_of(choices: Sequence[str]) -> Check:
    """A check that accepts one of ``choices`` (any case), or an empty value."""
    allowed = {choice.casefold() for choice in choices}

    def check(value: str) -> str | None:
        if value.strip() and value.strip().casefold() not in allowed:
            return "one of: " + ", ".join(choices)
        return None

    return check


NEXT_FIELD = Binding("enter", "next_field", "Next", show=False, priority=True, tooltip="Next field; on the last, save")


def advance_or_submit(screen: Screen[Any], submit: Callable[[], object]) -> None:
    """Enter in a form: focus the next input at once, or submit from the last one.

    Moving focus here, synchronously, rather than on ``Input.Submitted`` means
    keys typed right after Enter (fast typing, a paste over SSH) land in the
    next field; submitting from inside the last field's queue means keys typed
    just before Enter are in its value when the form reads it.
    """
    inputs = list(screen.query(Input))
    focused = screen.focused
    if focused not in inputs:
        submit()
        return
    index = inputs.index(focused)  # type: ignore[arg-type]
    if index < len(inputs) - 1:
        screen.set_focus(inputs[index + 1])
    else:
        inputs[index].call_later(submit)


class FormScreen(ModalScreen[Any]):
    """A titled form; dismisses with whatever ``on_submit`` returned, or ``None`` on Escape."""

    DEFAULT_CSS = """
    FormScreen { align: center middle; }
    FormScreen > #form {
        width: 72; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    FormScreen #form-title { text-style: bold; color: $primary; width: 1fr; margin-bottom: 1; }
    FormScreen .field-label { color: $text-muted; }
    FormScreen .field-error { color: $error; height: auto; }
    FormScreen .field-error.-empty { display: none; }
    FormScreen #form-error { color: $error; height: auto; }
    FormScreen #form-hint { color: $text-muted; margin-top: 1; }
    FormScreen Input { margin: 0 0 1 0; background: $boost; }
    FormScreen Input:focus { background: $primary 25%; }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without changing anything"),
        Binding("ctrl+s", "submit", "Save", tooltip="Check every field and save"),
        NEXT_FIELD,
    ]

    def __init__(
        self,
        title: str,
        fields: Sequence[FormField],
        on_submit: Callable[[dict[str, str]], Any],
        submit_label: str = "save",
    ) -> None:
        super().__init__()
        self.form_title = title
        self.fields = list(fields)
        self.on_submit = on_submit
        self.submit_label = submit_label

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form"):
            yield Label(self.form_title, id="form-title", markup=False)
            for field in self.fields:
                yield Label(field.label + (" *" if field.required else ""), classes="field-label", markup=False)
                yield Input(
                    value=field.value,
                    placeholder=field.placeholder,
                    id=f"field-{field.name}",
                    suggester=SuggestFromList(field.suggestions, case_sensitive=False) if field.suggestions else None,
                    compact=True,
                )
                yield Static("", id=f"error-{field.name}", classes="field-error -empty", markup=False)
            yield Static("", id="form-error", markup=False)
            yield Static(
                f"Enter: next field (on the last: {self.submit_label})  Ctrl+S: {self.submit_label}  Esc: cancel",
                id="form-hint",
                markup=False,
            )

    def on_mount(self) -> None:
        if self.fields:
            self.query_one(f"#field-{self.fields[0].name}", Input).focus()

    # Validation ---------------------------------------------------------------

    def _field_error(self, field: FormField, value: str) -> str | None:
        if field.required and not value.strip():
            return "required"
        if field.check is not None and value.strip():
            return field.check(value)
        return None

    def _show_error(self, name: str, message: str | None) -> None:
        target = self.query_one(f"#error-{name}", Static)
        target.update(message or "")
        target.set_class(not message, "-empty")

    def show_form_error(self, message: str) -> None:
        self.query_one("#form-error", Static).update(message)

    def values(self) -> dict[str, str]:
        return {field.name: self.query_one(f"#field-{field.name}", Input).value for field in self.fields}

    @on(Input.Changed)
    def _validate_as_typed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("field-")
        for field in self.fields:
            if field.name == name:
                self._show_error(name, self._field_error(field, event.value))
        self.show_form_error("")

    def action_next_field(self) -> None:
        advance_or_submit(self, self.action_submit)

    # Actions --------------------------------------------------------------------

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_submit(self) -> None:
        values = self.values()
        first_bad: str | None = None
        for field in self.fields:
            message = self._field_error(field, values[field.name])
            self._show_error(field.name, message)
            if message and first_bad is None:
                first_bad = field.name
        if first_bad is not None:
            self.query_one(f"#field-{first_bad}", Input).focus()
            self.show_form_error("Fix the marked fields; nothing was saved.")
            return
        try:
            result = self.on_submit(values)
        except InputError as error:
            self._place_error(str(error))
            return
        except WorkspaceBusy as error:
            self.show_form_error(f"{error}. Your input is kept: press Ctrl+S to try again.")
            return
        except WorkspaceError as error:
            self.show_form_error(str(error))
            return
        self.dismiss(result if result is not None else True)

    def _place_error(self, message: str) -> None:
        name, separator, rest = message.partition(": ")
        for field in self.fields:
            if separator and field.name == name:
                self._show_error(field.name, rest)
                self.query_one(f"#field-{field.name}", Input).focus()
                self.show_form_error("Nothing was saved.")
                return
        self.show_form_error(message)

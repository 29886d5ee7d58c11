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
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from cadence.domain.text import visible
from cadence.tui.widgets.form_base import Check, FormBase


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
        screen.call_later(submit)
        return
    index = inputs.index(focused)
    if index < len(inputs) - 1:
        screen.set_focus(inputs[index + 1])
    else:
        inputs[index].call_later(submit)


class FormScreen(FormBase[FormField]):
    """A titled form of one-line fields; see ``FormBase`` for how it saves."""

    DEFAULT_CSS = """
    FormScreen > #form { width: 72; }
    FormScreen Input { margin: 0 0 1 0; background: $boost; }
    FormScreen Input:focus { background: $primary 25%; }
    """

    BINDINGS = [NEXT_FIELD]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form"):
            yield Label(visible(self.form_title), id="form-title", markup=False)
            for field in self.fields:
                yield Label(
                    visible(field.label) + (" *" if field.required else ""), classes="field-label", markup=False
                )
                yield Input(
                    value=self.shown_at_first(field),
                    placeholder=field.placeholder,
                    id=f"field-{field.name}",
                    suggester=SuggestFromList(field.suggestions, case_sensitive=False) if field.suggestions else None,
                    compact=True,
                )
                yield Static("", id=f"error-{field.name}", classes="field-error -empty", markup=False)
            yield Static("", id="form-error", classes="-empty", markup=False)
            yield Static(
                f"Enter: next field (on the last: {self.submit_label})  Ctrl+S: {self.submit_label}  Esc: cancel",
                id="form-hint",
                markup=False,
            )

    def on_mount(self) -> None:
        if self.fields:
            self.query_one(f"#field-{self.fields[0].name}", Input).focus()

    def field_widget(self, name: str) -> Input:
        return self.query_one(f"#field-{name}", Input)

    def field_value(self, name: str) -> str:
        return self.field_widget(name).value

    @on(Input.Changed)
    def _validate_as_typed(self, event: Input.Changed) -> None:
        self.check_as_typed(event.input.id, event.value)

    def action_next_field(self) -> None:
        advance_or_submit(self, self.action_submit)

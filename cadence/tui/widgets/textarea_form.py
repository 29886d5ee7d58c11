"""A modal form of multi-line fields (TextArea), for text that does not fit one Input line.

It behaves like ``FormScreen``: ``on_submit`` gets every field's text and does
the whole change in one transaction (or raises); an ``InputError`` whose
message starts with a field name (``core_values.2: must not be empty``) is
shown under that field; a busy workspace keeps the text for a retry. Enter
inserts a new line here, so Ctrl+S saves and Escape closes with nothing
changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label, Static, TextArea

from cadence.domain.text import visible
from cadence.tui.widgets.form_base import Check, FormBase


@dataclass
class TextAreaField:
    name: str
    label: str
    value: str = ""
    hint: str = ""
    required: bool = False
    check: Check | None = None


class TextAreaFormScreen(FormBase[TextAreaField]):
    """Multi-line fields; see ``FormBase`` for how it saves."""

    MULTILINE = True

    DEFAULT_CSS = """
    TextAreaFormScreen > #form { width: 80; }
    TextAreaFormScreen TextArea { height: 6; }
    TextAreaFormScreen.-single TextArea { height: 12; }
    """

    def __init__(
        self,
        title: str,
        fields: Sequence[TextAreaField],
        on_submit: Callable[[dict[str, str]], Any],
        submit_label: str = "save",
    ) -> None:
        super().__init__(title, fields, on_submit, submit_label, classes="-single" if len(fields) == 1 else "")

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form"):
            yield Label(visible(self.form_title), id="form-title", markup=False)
            for field in self.fields:
                label = field.label + (" *" if field.required else "") + (f" ({field.hint})" if field.hint else "")
                yield Label(visible(label), classes="field-label", markup=False)
                yield TextArea(
                    self.shown_at_first(field), id=f"field-{field.name}", soft_wrap=True, tab_behavior="focus"
                )
                yield Static("", id=f"error-{field.name}", classes="field-error -empty", markup=False)
            yield Static("", id="form-error", classes="-empty", markup=False)
            next_field = "  Tab: next field" if len(self.fields) > 1 else ""
            yield Static(
                f"Enter: new line{next_field}  F7: select all  Ctrl+S: {self.submit_label}  Esc: cancel",
                id="form-hint",
                markup=False,
            )

    def on_mount(self) -> None:
        if self.fields:
            area = self.area(self.fields[0].name)
            area.focus()
            area.move_cursor(area.document.end)

    def area(self, name: str) -> TextArea:
        return self.query_one(f"#field-{name}", TextArea)

    def field_widget(self, name: str) -> TextArea:
        return self.area(name)

    def field_value(self, name: str) -> str:
        return self.area(name).text

    @on(TextArea.Changed)
    def _validate_as_typed(self, event: TextArea.Changed) -> None:
        self.check_as_typed(event.text_area.id, event.text_area.text)

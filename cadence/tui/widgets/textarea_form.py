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
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static, TextArea

from cadence.store.errors import InputError, WorkspaceBusy, WorkspaceError
from cadence.tui.widgets.forms import Check


@dataclass
class TextAreaField:
    name: str
    label: str
    value: str = ""
    hint: str = ""
    required: bool = False
    check: Check | None = None


class TextAreaFormScreen(ModalScreen[Any]):
    """Dismisses with whatever ``on_submit`` returned (``True`` if it returned ``None``), or ``None`` on Escape."""

    DEFAULT_CSS = """
    TextAreaFormScreen { align: center middle; }
    TextAreaFormScreen > #form {
        width: 80; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    TextAreaFormScreen #form-title { text-style: bold; color: $primary; width: 1fr; margin-bottom: 1; }
    TextAreaFormScreen .field-label { color: $text-muted; }
    TextAreaFormScreen .field-error { color: $error; height: auto; }
    TextAreaFormScreen .field-error.-empty { display: none; }
    TextAreaFormScreen #form-error { color: $error; height: auto; }
    TextAreaFormScreen #form-error.-empty { display: none; }
    TextAreaFormScreen #form-hint { color: $text-muted; margin-top: 1; }
    TextAreaFormScreen TextArea { height: 6; }
    TextAreaFormScreen.-single TextArea { height: 12; }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without changing anything"),
        Binding("ctrl+s", "submit", "Save", tooltip="Check every field and save"),
    ]

    def __init__(
        self,
        title: str,
        fields: Sequence[TextAreaField],
        on_submit: Callable[[dict[str, str]], Any],
        submit_label: str = "save",
    ) -> None:
        super().__init__(classes="-single" if len(fields) == 1 else "")
        self.form_title = title
        self.fields = list(fields)
        self.on_submit = on_submit
        self.submit_label = submit_label

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form"):
            yield Label(self.form_title, id="form-title", markup=False)
            for field in self.fields:
                label = field.label + (" *" if field.required else "") + (f" ({field.hint})" if field.hint else "")
                yield Label(label, classes="field-label", markup=False)
                yield TextArea(field.value, id=f"field-{field.name}", soft_wrap=True, tab_behavior="focus")
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

    # Validation ---------------------------------------------------------------

    def _field_error(self, field: TextAreaField, value: str) -> str | None:
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
        target = self.query_one("#form-error", Static)
        target.update(message)
        target.set_class(not message, "-empty")

    def values(self) -> dict[str, str]:
        return {field.name: self.area(field.name).text for field in self.fields}

    @on(TextArea.Changed)
    def _validate_as_typed(self, event: TextArea.Changed) -> None:
        name = (event.text_area.id or "").removeprefix("field-")
        for field in self.fields:
            if field.name == name:
                self._show_error(name, self._field_error(field, event.text_area.text))
        self.show_form_error("")

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
            self.area(first_bad).focus()
            self.show_form_error("Fix the marked fields; nothing was saved.")
            return
        try:
            result = self.on_submit(values)
        except InputError as error:
            self._place_error(str(error))
            return
        except WorkspaceBusy as error:
            self.show_form_error(f"{error}. Your text is kept: press Ctrl+S to try again.")
            return
        except WorkspaceError as error:
            self.show_form_error(str(error))
            return
        self.dismiss(result if result is not None else True)

    def _place_error(self, message: str) -> None:
        """``core_values.2: must not be empty`` goes under the ``core_values`` field."""
        name, separator, rest = message.partition(": ")
        field_name = name.split(".")[0]
        for field in self.fields:
            if separator and field.name == field_name:
                self._show_error(field.name, message if "." in name else rest)
                self.area(field.name).focus()
                self.show_form_error("Nothing was saved.")
                return
        self.show_form_error(message)

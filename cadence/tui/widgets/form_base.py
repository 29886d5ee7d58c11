"""What every modal form shares: checking fields, placing errors, saving in one go, cancelling.

A form calls ``on_submit`` with every field's text; that function does the
whole change in one transaction (or raises). An ``InputError`` whose message
starts with a field name (``due: not a date``, ``core_values.2: ...``) is
shown under that field; a busy workspace keeps the form open with the input
intact for a retry; Escape closes with nothing changed. Subclasses say which
widget holds each field (an Input, a TextArea).

A field opened on a stored value shows it with control characters made
visible (``\\x1b``), never raw: an escape sequence in a title must not reach
the terminal when its edit form opens. What is saved is the stored value
itself, byte for byte, unless the user changed what the field shows: saving
the shown text instead would silently turn a stored ``\\x1b`` into the four
characters ``\\x1b``, and refusing such values would lock the user out of
editing a record someone else's script wrote. Once the user edits the
field, what they see is what is saved.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from typing import Any, Generic, Protocol, TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Static

from cadence.domain.text import visible
from cadence.store import InputError, WorkspaceBusy, WorkspaceError
from cadence.tui.widgets.literal import field_text

Check = Callable[[str], str | None]


class FieldSpec(Protocol):
    name: str
    value: str
    required: bool
    check: Check | None


F = TypeVar("F", bound=FieldSpec)


class FormBase(ModalScreen[Any], Generic[F]):
    """Dismisses with whatever ``on_submit`` returned (``True`` for ``None``), or ``None`` on Escape."""

    DEFAULT_CSS = """
    FormBase { align: center middle; }
    FormBase > #form {
        max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    FormBase #form-title { text-style: bold; color: $primary; width: 1fr; margin-bottom: 1; }
    FormBase .field-label { color: $text-muted; }
    FormBase .field-error { color: $error; height: auto; }
    FormBase .field-error.-empty { display: none; }
    FormBase #form-error { color: $error; height: auto; }
    FormBase #form-error.-empty { display: none; }
    FormBase #form-hint { color: $text-muted; margin-top: 1; }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without changing anything"),
        Binding("ctrl+s", "submit", "Save", tooltip="Check every field and save"),
    ]

    def __init__(
        self,
        title: str,
        fields: Sequence[F],
        on_submit: Callable[[dict[str, str]], Any],
        submit_label: str = "save",
        classes: str = "",
    ) -> None:
        super().__init__(classes=classes)
        self.form_title = title
        self.fields = list(fields)
        self.on_submit = on_submit
        self.submit_label = submit_label

    # What subclasses provide ----------------------------------------------------

    def field_widget(self, name: str) -> Widget:
        raise NotImplementedError

    def field_value(self, name: str) -> str:
        """The text the field's widget holds now."""
        raise NotImplementedError

    MULTILINE = False

    def shown_at_first(self, field: F) -> str:
        """What the field's widget is given to show: the stored value made safe to draw."""
        return field_text(field.value, multiline=self.MULTILINE)

    def kept_unless_edited(self, field: F, shown: str) -> str:
        """The stored value while the field still shows what it was opened with; else what it shows."""
        return field.value if shown == self.shown_at_first(field) else shown

    # Checking -------------------------------------------------------------------

    def values(self) -> dict[str, str]:
        return {field.name: self.kept_unless_edited(field, self.field_value(field.name)) for field in self.fields}

    def field_error(self, field: F, value: str) -> str | None:
        if field.required and not value.strip():
            return "required"
        if field.check is not None and value.strip():
            return field.check(value)
        return None

    def show_field_error(self, name: str, message: str | None) -> None:
        target = self.query_one(f"#error-{name}", Static)
        target.update(visible(message or ""))  # messages quote what was typed
        target.set_class(not message, "-empty")

    def show_form_error(self, message: str) -> None:
        target = self.query_one("#form-error", Static)
        target.update(visible(message))
        target.set_class(not message, "-empty")

    def check_as_typed(self, widget_id: str | None, value: str) -> None:
        """Run the check of the field whose widget changed and show its verdict under it."""
        name = (widget_id or "").removeprefix("field-")
        for field in self.fields:
            if field.name == name:
                self.show_field_error(name, self.field_error(field, self.kept_unless_edited(field, value)))
        self.show_form_error("")

    # Actions ----------------------------------------------------------------------

    def action_cancel(self) -> None:
        self.dismiss(None)

    async def action_submit(self) -> None:
        values = self.values()
        first_bad: str | None = None
        for field in self.fields:
            message = self.field_error(field, values[field.name])
            self.show_field_error(field.name, message)
            if message and first_bad is None:
                first_bad = field.name
        if first_bad is not None:
            self.field_widget(first_bad).focus()
            self.show_form_error("Fix the marked fields; nothing was saved.")
            return
        try:
            result = self.on_submit(values)
            if inspect.isawaitable(result):  # a write running in a worker thread
                result = await result
        except InputError as error:
            self.place_error(str(error))
            return
        except WorkspaceBusy as error:
            self.show_form_error(f"{error}. Your input is kept: press Ctrl+S to try again.")
            return
        except WorkspaceError as error:
            self.show_form_error(str(error))
            return
        self.dismiss(result if result is not None else True)

    def place_error(self, message: str) -> None:
        """Under the field it names (``core_values.2: ...`` goes under ``core_values``), else at the bottom."""
        name, separator, rest = message.partition(": ")
        field_name = name.split(".")[0]
        for field in self.fields:
            if separator and field.name == field_name:
                self.show_field_error(field.name, message if "." in name else rest)
                self.field_widget(field.name).focus()
                self.show_form_error("Nothing was saved.")
                return
        self.show_form_error(message)

"""The one-line editor the Scorecard opens over a cell: type, Enter, type, Enter.

It says as you type what the value will be read as, and whether it meets the
goal ("= $12,500 ✓ on goal"), or why it cannot be read; the screen refuses
to save an unreadable value and keeps the editor open with the text intact.
Enter saves and moves down, Tab right, Shift+Tab left, Up/Down save and move
that way, Escape cancels with nothing changed.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Static

from cadence.domain.goals import Goal
from cadence.domain.scorecard import OFF_MARK, ON_MARK
from cadence.domain.units import Unit, format_value, parse_value


class CellInput(Input):
    """An Input whose Tab / arrows / Escape finish the edit instead of moving focus."""

    BINDINGS = [
        Binding("enter", "finish(1, 0)", "Save ↓", key_display="⏎", tooltip="Save and move down to the next measurable"),
        Binding("tab", "finish(0, 1)", "Save →", key_display="tab", tooltip="Save and move right"),
        Binding("shift+tab", "finish(0, -1)", "Save, left", show=False, tooltip="Save and move left"),
        Binding("down", "finish(1, 0)", "Save, down", show=False, tooltip="Save and move down"),
        Binding("up", "finish(-1, 0)", "Save, up", show=False, tooltip="Save and move up"),
        Binding("escape", "cancel", "Cancel", key_display="esc", tooltip="Close without changing the cell"),
    ]

    class Finished(Message):
        """Save the text and move the cursor by (rows, columns)."""

        def __init__(self, text: str, rows: int, columns: int) -> None:
            super().__init__()
            self.text = text
            self.rows = rows
            self.columns = columns

    class Cancelled(Message):
        pass

    def action_finish(self, rows: int, columns: int) -> None:
        self.post_message(self.Finished(self.value, rows, columns))

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())


def preview(text: str, unit: Unit, goal: Goal) -> tuple[bool, Text]:
    """(readable?, what to show beside the editor) for what is typed so far."""
    if not text.strip():
        return True, Text("empty: Enter skips this cell", style="dim")
    try:
        value = parse_value(text, unit)
    except ValueError as error:
        return False, Text(f"✗ {error}", style="bold red")
    met = goal.is_met(value)
    return True, Text.assemble(
        f"= {format_value(value, unit)} ",
        (f"{ON_MARK} on goal" if met else f"{OFF_MARK} off goal", "green" if met else "bold red"),
        (f" ({goal.describe(unit)})", "dim"),
    )


class CellEntry(Horizontal):
    """Label, input and live preview, docked under the grid while a cell is being edited."""

    DEFAULT_CSS = """
    CellEntry { height: 1; display: none; }
    CellEntry.-open { display: block; }
    CellEntry #entry-label { width: auto; max-width: 40%; padding: 0 1 0 0; text-style: bold; }
    CellEntry CellInput { width: 16; }
    CellEntry #entry-preview { width: 1fr; padding: 0 0 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.unit = Unit.NUMBER
        self.goal: Goal | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="entry-label", markup=False)
        yield CellInput(id="entry-input", compact=True, select_on_focus=False)
        yield Static("", id="entry-preview", markup=False)

    @property
    def input(self) -> CellInput:
        return self.query_one(CellInput)

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self, label: Text, text: str, unit: Unit, goal: Goal) -> None:
        self.unit = unit
        self.goal = goal
        self.query_one("#entry-label", Static).update(label)
        self.add_class("-open")
        field = self.input
        field.value = text
        field.cursor_position = len(text)
        field.focus()
        self.show_preview(text)

    def close(self) -> None:
        self.remove_class("-open")

    def show_preview(self, text: str) -> None:
        if self.goal is None:
            return
        _, shown = preview(text, self.unit, self.goal)
        self.query_one("#entry-preview", Static).update(shown)

    def show_problem(self, message: str) -> None:
        self.query_one("#entry-preview", Static).update(Text(f"✗ not saved: {message}", style="bold red"))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.show_preview(event.value)

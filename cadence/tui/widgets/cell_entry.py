"""The one-line editor the Scorecard shows under the grid: type, Enter, type, Enter.

It opens holding the cell's current value, selected (shown reversed): the
first key typed replaces it, Backspace empties it, Enter keeps it untouched
(nothing is written). It never takes focus. Every key goes to the grid, and the Scorecard panel
routes them here in the order they were typed: moving focus to an Input
would race with keys already on their way (a fast typist or a paste over SSH
sends a whole value and its Enter in one read, and Textual routes each key
to whatever had focus when it arrived). So the text lives here, and the
screen calls ``type``, ``delete_left`` and reads ``value``.

It says as you type what the value will be read as, and whether it meets the
goal ("= $12,500 ✓ on goal"), or why it cannot be read; the panel refuses
to save an unreadable value and keeps the editor open with the text intact.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from cadence.domain.goals import Goal
from cadence.domain.scorecard import OFF_MARK, ON_MARK
from cadence.domain.text import visible
from cadence.domain.units import DURATION_HINT, Unit, format_value, parse_value
from cadence.tui.status_styles import Status, muted, status_style, verdict_style

CURSOR = "▏"
MAX_LENGTH = 40


def preview(text: str, unit: Unit, goal: Goal) -> tuple[bool, Text]:
    """(readable?, what to show beside the editor) for what is typed so far."""
    if not text.strip():
        hint = f" · {DURATION_HINT}" if unit is Unit.DURATION else ""
        return True, Text(f"empty: Enter skips this cell{hint}", style=muted())
    try:
        value = parse_value(text, unit)
    except ValueError as error:
        return False, Text(f"✗ {error}", style=status_style(Status.BAD, strong=True))
    met = goal.is_met(value)
    return True, Text.assemble(
        f"= {format_value(value, unit)} ",
        (f"{ON_MARK} on goal" if met else f"{OFF_MARK} off goal", verdict_style(met, strong=not met)),
        (f" ({goal.describe(unit)})", muted()),
    )


class CellEntry(Horizontal):
    """Label, typed text and live preview, docked under the grid while a cell is being edited."""

    DEFAULT_CSS = """
    CellEntry { height: 1; display: none; }
    CellEntry.-open { display: block; }
    CellEntry #entry-label { width: auto; max-width: 40%; padding: 0 1 0 0; text-style: bold; }
    CellEntry #entry-text { width: 16; background: $primary 25%; color: $foreground; }
    CellEntry #entry-preview { width: 1fr; padding: 0 0 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.unit = Unit.NUMBER
        self.goal: Goal | None = None
        self.value = ""
        self.replacing = False

    def compose(self) -> ComposeResult:
        yield Static("", id="entry-label", markup=False)
        yield Static("", id="entry-text", markup=False)
        yield Static("", id="entry-preview", markup=False)

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self, label: Text, text: str, unit: Unit, goal: Goal) -> None:
        """Show ``text`` (the cell's value, or empty) selected: typing replaces it."""
        self.unit = unit
        self.goal = goal
        self.query_one("#entry-label", Static).update(label)
        self.add_class("-open")
        self.set_text(text, replacing=bool(text))

    def close(self) -> None:
        self.remove_class("-open")
        self.value = ""
        self.replacing = False

    @property
    def untouched(self) -> bool:
        """Still holding the value it opened with, not a key typed: Enter must write nothing."""
        return self.replacing

    def set_text(self, text: str, replacing: bool = False) -> None:
        self.value = text[:MAX_LENGTH]
        self.replacing = replacing
        shown = visible(self.value)[-15:]
        self.query_one("#entry-text", Static).update(
            Text(shown, style="reverse") + Text(CURSOR) if replacing else Text(shown + CURSOR)
        )
        self.show_preview()

    def type(self, characters: str) -> None:
        self.set_text(characters if self.replacing else self.value + characters)

    def delete_left(self) -> None:
        self.set_text("" if self.replacing else self.value[:-1])

    def show_preview(self) -> None:
        if self.goal is None:
            return
        _, shown = preview(self.value, self.unit, self.goal)
        self.query_one("#entry-preview", Static).update(shown)

    def show_problem(self, message: str) -> None:
        self.query_one("#entry-preview", Static).update(
            Text(f"✗ not saved: {message}", style=status_style(Status.BAD, strong=True))
        )

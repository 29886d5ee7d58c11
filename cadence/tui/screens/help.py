"""``?``: every key that works on the screen you came from, with what it does."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical {
        width: 70; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    HelpScreen #help-title { text-style: bold; color: $primary; }
    HelpScreen VerticalScroll { height: auto; max-height: 18; }
    HelpScreen #help-hint { color: $text-muted; }
    """
    BINDINGS = [Binding("escape,question_mark,q", "close", "Close")]

    def __init__(self, title: str, keys: Sequence[tuple[str, str]], about: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.keys = keys
        self.about = about

    def compose(self) -> ComposeResult:
        table = Text()
        width = max((len(key) for key, _ in self.keys), default=4) + 2
        for key, description in self.keys:
            table.append(key.ljust(width), style="bold")
            table.append(description + "\n")
        with Vertical():
            yield Label(f"Keys: {self.title_text}", id="help-title", markup=False)
            if self.about:
                yield Static(self.about, markup=False)
            with VerticalScroll():
                yield Static(table)
            yield Static("Esc / ? : close   Ctrl+P: every command", id="help-hint", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)


def describe_bindings(bindings: Sequence[tuple[str, Binding]]) -> list[tuple[str, str]]:
    """(key as shown, description) for each binding that has one, without repeats."""
    seen: set[tuple[str, str]] = set()
    keys: list[tuple[str, str]] = []
    for key_display, binding in bindings:
        description = binding.tooltip or binding.description
        if not description or (key_display, description) in seen:
            continue
        seen.add((key_display, description))
        keys.append((key_display, description))
    return keys

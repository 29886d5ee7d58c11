"""User text for Textual, shown exactly as typed: never parsed as markup, never raw escapes."""

from __future__ import annotations

from rich.text import Text

from cadence.domain.text import clip, one_line, visible

DEFAULT_CELL_WIDTH = 60


def plain(text: str, width: int = 40) -> str:
    """User text inside plain text we build (titles, toasts, field errors, our own lines): one line, escapes
    visible, cut to ``width`` cells with an ellipsis."""
    return clip(one_line(text), width)


def literal(text: str, width: int = DEFAULT_CELL_WIDTH, style: str = "") -> Text:
    """A one-line ``Text`` of what the user typed, cut to ``width`` cells with an ellipsis."""
    return Text(plain(text, width), style=style, no_wrap=True, overflow="ellipsis")


def literal_block(text: str, style: str = "") -> Text:
    """Multi-line user text (notes, decisions), control characters made visible."""
    return Text("\n".join(visible(line) for line in text.splitlines()), style=style)


def field_text(value: str, *, multiline: bool = False) -> str:
    """What an edit field shows at first for a stored value: control characters made visible.

    The field never gets the raw value (an escape sequence in an Input would
    reach the terminal). The form keeps the stored value and saves it back
    unchanged unless the user edits the field (see ``FormBase``).
    """
    if multiline:
        return "\n".join(visible(line) for line in value.split("\n"))
    return visible(value)

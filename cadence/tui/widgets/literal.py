"""User text for Textual, shown exactly as typed: never parsed as markup, never raw escapes."""

from __future__ import annotations

from rich.text import Text

from cadence.domain.text import clip, one_line, visible

DEFAULT_CELL_WIDTH = 60


def literal(text: str, width: int = DEFAULT_CELL_WIDTH, style: str = "") -> Text:
    """A one-line ``Text`` of what the user typed, cut to ``width`` cells with an ellipsis."""
    return Text(clip(one_line(text), width), style=style, no_wrap=True, overflow="ellipsis")


def literal_block(text: str, style: str = "") -> Text:
    """Multi-line user text (notes, decisions), control characters made visible."""
    return Text("\n".join(visible(line) for line in text.splitlines()), style=style)

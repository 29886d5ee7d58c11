"""Showing text a person typed, exactly as typed but harmless.

Titles can hold markup-looking brackets, escape sequences, emoji, wide CJK or
right-to-left script. Control characters become visible escapes (``\\x1b``)
so they never reach a terminal raw, and so do invisible format characters
such as the bidi overrides (U+202E would turn the rest of a line around);
the zero-width joiner and non-joiner stay as typed, because Persian words and
emoji sequences need them and they move nothing. Cutting counts terminal
cells, so wide characters do not break a column.

``visible`` is the one function every place that shows user text goes
through (tables, forms' initial values, dialogs, toasts, the palette).
"""

from __future__ import annotations

import unicodedata

ELLIPSIS = "…"


KEPT_AS_TYPED = frozenset({" ", "\u200c", "\u200d"})  # space, zero-width non-joiner and joiner


def visible(text: str) -> str:
    """Control and format characters shown as ``\\xNN`` / ``\\u202e`` escapes; everything else as typed."""
    if text.isprintable():
        return text
    return "".join(
        char if char.isprintable() or char in KEPT_AS_TYPED else char.encode("unicode_escape").decode("ascii")
        for char in text
    )


def cell_width(char: str) -> int:
    if unicodedata.combining(char) or char in "\u200c\u200d":
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def display_width(text: str) -> int:
    return sum(cell_width(char) for char in text)


def clip(text: str, width: int) -> str:
    """``visible(text)`` cut to ``width`` terminal cells, with an ellipsis when cut."""
    shown = visible(text)
    if width <= 0:
        return ""
    if display_width(shown) <= width:
        return shown
    out: list[str] = []
    used = 0
    for char in shown:
        cells = cell_width(char)
        if used + cells > width - 1:
            break
        out.append(char)
        used += cells
    return "".join(out) + ELLIPSIS


def one_line(text: str) -> str:
    """Newlines and tabs as spaces, for a single table row."""
    return " ".join(text.split()) if ("\n" in text or "\t" in text or "\r" in text) else text

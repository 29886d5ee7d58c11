"""One place that turns a status meaning (good, bad, done...) into a Rich style, in the running theme's colours.

The colours are theme variables (``status-bad``, ``kind-employee``...; the
list and their defaults are ``STYLE_VARIABLES`` in ``cadence.tui.themes``),
so each theme file can recolour statuses and a theme switch repaints them:
nothing here names a colour. Styles are looked up each time a row is drawn.

In colour the app paints bad things in ``status-bad`` and good things in
``status-good``. Under ``NO_COLOR`` Textual turns every colour into a grey of
the same brightness, so red became a dark grey on near-black: the reddest
things were the faintest. With no colour the meaning is carried by the words
and marks next to it and by weight instead: bad is bold (reverse when strong,
like a red cell), good, warn and done are bold, and nothing is ever dim, so
no status fades into the background.
"""

from __future__ import annotations

import os
import re
from enum import Enum
from functools import lru_cache

from textual._context import active_app
from textual.color import Color, ColorParseError

from cadence.tui.themes import STYLE_VARIABLES


class Status(Enum):
    GOOD = "good"
    BAD = "bad"
    WARN = "warn"
    DONE = "done"
    NOT_DONE = "not-done"  # a rock the quarter ended without
    OVERDUE = "overdue"  # a late item in a list of them: loud in colour, bold (not reverse) without
    MUTED = "muted"


# For each meaning: the style in colour, normal and strong, with ``$variable`` for the theme's colour.
COLOUR_STYLES: dict[Status, tuple[str, str]] = {
    Status.GOOD: ("$status-good", "bold $status-good"),
    Status.BAD: ("$status-bad", "bold $status-bad"),
    Status.WARN: ("bold $status-warn", "bold $status-warn"),
    Status.DONE: ("bold $status-done", "bold $status-done"),
    Status.NOT_DONE: ("$status-not-done", "$status-not-done"),
    Status.OVERDUE: ("bold $status-bad", "bold $status-bad"),
    Status.MUTED: ("dim", "dim"),
}

NO_COLOUR_STYLES: dict[Status, tuple[str, str]] = {
    Status.GOOD: ("bold", "bold"),
    Status.BAD: ("bold", "bold reverse"),
    Status.WARN: ("bold", "bold"),
    Status.DONE: ("bold", "bold"),
    Status.NOT_DONE: ("bold", "bold reverse"),
    Status.OVERDUE: ("bold", "bold reverse"),
    Status.MUTED: ("", ""),
}

VARIABLE = re.compile(r"\$([a-z0-9-]+)")


def colourless() -> bool:
    """True when the running app (or, outside one, the environment) asks for no colour."""
    try:
        return bool(active_app.get().no_color)
    except LookupError:
        return "NO_COLOR" in os.environ


def theme_value(variable: str) -> str:
    """What the running app's theme sets ``variable`` to, else its default (outside an app too)."""
    try:
        app = active_app.get()
    except LookupError:
        return STYLE_VARIABLES[variable]
    value = app.current_theme.variables.get(variable)
    return value if value is not None else app.get_theme_variable_defaults().get(variable, STYLE_VARIABLES[variable])


@lru_cache(maxsize=256)
def rich_colour(value: str) -> str:
    """A theme colour (``#E5534B``, ``ansi_red``, ``rgb(...)``) as Rich writes it; a bad one draws uncoloured."""
    try:
        return Color.parse(value).rich_color.name
    except ColorParseError:  # themes.py reports and skips such themes; a built-in cannot have one
        return ""


def themed(style: str) -> str:
    """``style`` with each ``$variable`` replaced by the running theme's colour: ``"bold $issue-rank"``."""
    return " ".join(VARIABLE.sub(lambda found: rich_colour(theme_value(found[1])), style).split())


def status_style(status: Status, *, strong: bool = False) -> str:
    """The Rich style for ``status``; ``strong`` for the headline figure or mark of a row."""
    if colourless():
        return NO_COLOUR_STYLES[status][1 if strong else 0]
    return themed(COLOUR_STYLES[status][1 if strong else 0])


def verdict_style(good: bool, *, strong: bool = False) -> str:
    """Good or bad in one call, for the many ``on goal`` / ``off goal`` choices."""
    return status_style(Status.GOOD if good else Status.BAD, strong=strong)


def muted(extra: str = "") -> str:
    """Secondary text: dim in colour, plain with no colour; ``extra`` (``"italic"``) is added either way."""
    return " ".join(part for part in (status_style(Status.MUTED), extra) if part)


def accent(style: str, plain: str | None = None) -> str:
    """A colour that only tells kinds apart (``"bold $role-visionary"``): kept in colour; without, ``plain``.

    Without colour the word itself says the kind; a dark grey hue would only
    fade it, so the ``$variable`` parts are dropped (or ``plain`` is used).
    """
    if colourless():
        return plain if plain is not None else " ".join(VARIABLE.sub("", style).split())
    return themed(style)

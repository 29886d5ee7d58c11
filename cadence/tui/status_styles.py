"""One place that turns a status meaning (good, bad, warn, done, muted) into a Rich style.

In colour the app paints bad things red and good things green. Under
``NO_COLOR`` Textual turns every colour into a grey of the same brightness,
so red became a dark grey on near-black: the reddest things were the
faintest. With no colour the meaning is carried by the words and marks next
to it and by weight instead: bad is bold (reverse when strong, like a red
cell), good, warn and done are bold, and nothing is ever dim, so no status
fades into the background.
"""

from __future__ import annotations

import os
from enum import Enum

from textual._context import active_app


class Status(Enum):
    GOOD = "good"
    BAD = "bad"
    WARN = "warn"
    DONE = "done"
    MUTED = "muted"


# (normal, strong) for each meaning.
COLOUR_STYLES: dict[Status, tuple[str, str]] = {
    Status.GOOD: ("green", "bold green"),
    Status.BAD: ("red", "bold red"),
    Status.WARN: ("bold yellow", "bold yellow"),
    Status.DONE: ("bold cyan", "bold cyan"),
    Status.MUTED: ("dim", "dim"),
}

NO_COLOUR_STYLES: dict[Status, tuple[str, str]] = {
    Status.GOOD: ("bold", "bold"),
    Status.BAD: ("bold", "bold reverse"),
    Status.WARN: ("bold", "bold"),
    Status.DONE: ("bold", "bold"),
    Status.MUTED: ("", ""),
}


def colourless() -> bool:
    """True when the running app (or, outside one, the environment) asks for no colour."""
    try:
        return bool(active_app.get().no_color)
    except LookupError:
        return "NO_COLOR" in os.environ


def status_style(status: Status, *, strong: bool = False, hue: str | None = None) -> str:
    """The Rich style for ``status``; ``strong`` for the headline figure or mark of a row.

    ``hue`` replaces the colour-mode style where a section gives a meaning its
    own colour (a rock that is not done is magenta); with no colour the
    meaning decides alone.
    """
    if colourless():
        return NO_COLOUR_STYLES[status][1 if strong else 0]
    return hue if hue is not None else COLOUR_STYLES[status][1 if strong else 0]


def verdict_style(good: bool, *, strong: bool = False) -> str:
    """Good or bad in one call, for the many ``on goal`` / ``off goal`` choices."""
    return status_style(Status.GOOD if good else Status.BAD, strong=strong)


def muted(extra: str = "") -> str:
    """Secondary text: dim in colour, plain with no colour; ``extra`` (``"italic"``) is added either way."""
    return " ".join(part for part in (status_style(Status.MUTED), extra) if part)


def accent(colour: str, plain: str = "") -> str:
    """A colour that only tells kinds apart (a headline's kind, a role): kept in colour, ``plain`` without.

    Without colour the word itself says the kind; a dark grey hue would only fade it.
    """
    return plain if colourless() else colour

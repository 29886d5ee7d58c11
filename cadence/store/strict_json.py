"""JSON as the workspace file may hold it, and nothing Python's reader lets through besides.

Python's ``json`` takes ``NaN`` and ``Infinity``, turns ``1e400`` into infinity,
chokes with a bare ``ValueError`` on a 5,000-digit integer, and keeps the last
of two equal keys in one object without a word. A hand edit or a copy-paste
can put any of these in ``cadence.json``; each would pass ``check`` and then
break the app or lose data on the next write. ``loads_strict`` refuses them.

The fast path is the C parser with hooks; only when a hook objects does a
slower pass walk the text to say where (line, and the path of keys down to
the value), so a clean file costs about what ``json.loads`` costs.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

# Longest number token accepted: far beyond any count, rank or value cadence stores.
MAX_NUMBER_CHARS = 40


@dataclass(frozen=True)
class StrictJsonError(Exception):
    """What is wrong, on which line, and the keys leading to it (``["todos", "3", "title"]``)."""

    problem: str
    line: int
    keys: tuple[str, ...]

    def __str__(self) -> str:
        return f"line {self.line}: {self.problem}"


class _Refused(Exception):
    """Raised by a hook in the fast pass; the slow pass finds where."""


def _refuse_constant(name: str) -> Any:
    raise _Refused(name)


def _checked_int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise _Refused(text)
    return int(text)


def _checked_float(text: str) -> float:
    value = float(text)
    if len(text) > MAX_NUMBER_CHARS or not math.isfinite(value):
        raise _Refused(text)
    return value


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _Refused("duplicate key")
    return result


def loads_strict(text: str) -> Any:
    """``json.loads`` that refuses non-finite numbers, huge numbers and repeated keys.

    Raises ``json.JSONDecodeError`` for text that is not JSON at all, and
    ``StrictJsonError`` (with the line and key path) for the rest.
    """
    try:
        return json.loads(
            text,
            parse_constant=_refuse_constant,
            parse_int=_checked_int,
            parse_float=_checked_float,
            object_pairs_hook=_unique_keys,
        )
    except _Refused:
        raise locate_problem(text) from None


# The slow pass -----------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""
    (?P<space>[ \t\r\n]+)
    |(?P<string>"(?:[^"\\]|\\.)*")
    |(?P<number>-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?)
    |(?P<word>-?Infinity|NaN|true|false|null)
    |(?P<punct>[{}\[\]:,])
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass
class _Frame:
    is_object: bool
    keys: set[str]
    key: str | None = None
    index: int = 0
    expecting_key: bool = True


def locate_problem(text: str) -> StrictJsonError:
    """Walk the (already known to be well-formed) text and describe the first refused thing."""
    stack: list[_Frame] = []
    line = 1
    position = 0

    def keys() -> tuple[str, ...]:
        path = []
        for frame in stack:
            if frame.is_object:
                if frame.key is not None:
                    path.append(frame.key)
            else:
                path.append(str(frame.index))
        return tuple(path)

    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:  # pragma: no cover - the fast pass parsed it
            break
        kind, token = match.lastgroup, match.group()
        position = match.end()
        top = stack[-1] if stack else None
        if kind == "space":
            line += token.count("\n")
            continue
        if kind == "string" and top is not None and top.is_object and top.expecting_key:
            key = json.loads(token)
            if key in top.keys:
                top.key = key
                return StrictJsonError(f"the key {key!r} appears twice in one object", line, keys())
            top.keys.add(key)
            top.key = key
            top.expecting_key = False
            continue
        if kind == "word" and token in ("NaN", "Infinity", "-Infinity"):
            return StrictJsonError(f"{token} is not a number cadence stores", line, keys())
        if kind == "number":
            too_long = len(token) > MAX_NUMBER_CHARS
            if too_long or not math.isfinite(float(token)):
                shown = token if len(token) <= 24 else f"{token[:12]}…({len(token)} characters)"
                return StrictJsonError(f"the number {shown} is too large", line, keys())
            continue
        if kind == "punct":
            if token in "{[":
                stack.append(_Frame(is_object=token == "{", keys=set()))
            elif token in "}]":
                stack.pop()
            elif token == "," and top is not None:
                if top.is_object:
                    top.expecting_key = True
                else:
                    top.index += 1
    return StrictJsonError("a value cadence cannot store", line, ())  # pragma: no cover

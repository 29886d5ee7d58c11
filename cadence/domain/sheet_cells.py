"""Scorecard cells and goals as people type them in spreadsheets.

A spreadsheet holds what a person typed, not what cadence stores: ``$12,500``,
``12.5k``, ``(1,200)`` for a negative amount, ``85%`` or ``0.85`` for a rate,
``✓`` for yes, ``n/a`` or ``—`` for "nothing this week", goals like
``70%-85%`` or ``20+``. Every import reads cells through this module so all
of them accept the same forms and refuse the rest with the same reasons.

Values end up as :func:`cadence.domain.units.parse_value` stores them (percent
as the percentage, yes/no as 1/0, durations in minutes); this module only
widens what is accepted on the way in. A cell that is an empty mark is not a
value: callers check :func:`is_empty_cell` first.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from cadence.domain.goals import Comparator, Goal
from cadence.domain.units import Unit, parse_value

EMPTY_MARKS = frozenset({"", "n/a", "na", "n.a.", "-", "--", "—", "–", "#n/a", "none", "null", "nil"})
"""Cell texts (compared lower-cased, spaces trimmed) that mean "no value"."""

YES_MARKS = frozenset({"yes", "y", "true", "1", "1.0", "done", "✓", "✔", "☑", "✅"})
NO_MARKS = frozenset({"no", "n", "false", "0", "0.0", "✗", "✘", "x", "☐", "❌"})
"""Yes/no cells, lower-cased. ``x`` is read as ``✗`` (no), the mark cadence's own grid shows for a miss."""

_CURRENCY_SIGNS = "$€£¥"
_CURRENCY_CODE = re.compile(r"^(?:usd|eur|gbp|cad|aud|nzd|chf|jpy)\s*|\s*(?:usd|eur|gbp|cad|aud|nzd|chf|jpy)$", re.I)
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d*)?[kmb]?$", re.I)
_MINUSES = str.maketrans({"\u2212": "-", "\u2012": "-", "\u2013": "-"})
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_CLOCK = re.compile(r"^(\d+):(\d{2})(?::(\d{2}))?$")
_NUMBER_LIKE = re.compile(r"^\(?[+-]?[$€£¥]?\s*[+-]?(\d[\d,]*(\.\d*)?|\.\d+)\s*[kmb]?\)?%?$", re.IGNORECASE)
_UNIT_NOUN = {
    Unit.NUMBER: "a number",
    Unit.CURRENCY: "an amount",
    Unit.PERCENT: "a percent",
    Unit.YESNO: "yes or no",
    Unit.DURATION: "a duration",
}


def is_empty_cell(text: str) -> bool:
    """Is this cell blank or a mark meaning "no value" (``n/a``, ``-``, ``—``, ``#N/A`` ...)?"""
    return _SPACES.sub(" ", text).strip().lower() in EMPTY_MARKS


def parse_cell(text: str, unit: Unit | str, *, fractions: bool = False) -> float:
    """The stored value of a spreadsheet cell, or ``ValueError`` naming the cell and why not.

    ``fractions``: a percent column typed as fractions (``0.85``): a value
    without ``%`` is multiplied by 100 (``85%`` stays 85).
    """
    unit = Unit(unit)
    raw = _SPACES.sub(" ", text).strip()
    if raw.lower() in EMPTY_MARKS:
        raise ValueError(f"{text!r} is empty (no value)")
    if unit is Unit.YESNO:
        return _parse_yes_no(raw)
    if unit is Unit.DURATION:
        return _parse_duration(raw)
    return _parse_amount(raw, unit, fractions)


def _parse_yes_no(raw: str) -> float:
    word = raw.lower()
    if word in YES_MARKS:
        return 1.0
    if word in NO_MARKS:
        return 0.0
    raise ValueError(f"{raw!r} is not yes or no (use yes/no, y/n, ✓/✗ or 1/0)")


def _parse_duration(raw: str) -> float:
    clock = _CLOCK.match(raw.replace(" ", ""))
    if clock and clock.group(3) is not None:
        minutes, seconds = int(clock.group(2)), int(clock.group(3))
        if minutes > 59 or seconds > 59:
            raise ValueError(f"{raw!r} is not a duration (minutes and seconds are 00-59, like 1:30:00)")
        return int(clock.group(1)) * 60.0 + minutes + seconds / 60.0
    try:
        return parse_value(raw, Unit.DURATION)
    except ValueError as error:
        reason = str(error).removeprefix("duration: ")
        raise ValueError(reason if raw in reason else f"{raw!r} is not a duration") from None


def _parse_amount(raw: str, unit: Unit, fractions: bool) -> float:
    """Numbers, amounts and percents: signs, currency, thousands, ``k``/``M``/``B``, ``(1,200)``, ``%``."""
    noun = _UNIT_NOUN[unit]
    text = raw.translate(_MINUSES)
    if unit is not Unit.PERCENT:
        text = _CURRENCY_CODE.sub("", text)
    text = text.replace(" ", "")
    if len(text) > 1 and text[-1] in _CURRENCY_SIGNS:  # 12€: the sign is written last in much of Europe
        text = text[-1] + text[:-1]
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    percent = text.endswith("%")
    text = text.removesuffix("%")
    if text.startswith(("+", "-")):
        negative, text = negative != (text[0] == "-"), text[1:]
    if text.startswith(tuple(_CURRENCY_SIGNS)):
        if unit is Unit.PERCENT:
            raise ValueError(f"{raw!r} is an amount of money, not {noun}")
        text = text[1:]
        if text.startswith(("+", "-")):
            negative, text = negative != (text[0] == "-"), text[1:]
    if percent and unit is not Unit.PERCENT:
        raise ValueError(f"{raw!r} is a percent, not {noun}")
    if not text or text.startswith(("+", "-")):
        raise ValueError(f"{raw!r} is not {noun}")
    if "," in text and not _THOUSANDS.match(text):
        raise ValueError(f"{raw!r} is not {noun} (commas separate thousands, like 12,500; decimals take a point)")
    try:
        value = parse_value(text, Unit.NUMBER)
    except ValueError:
        raise ValueError(f"{raw!r} is not {noun}") from None
    if unit is Unit.PERCENT and fractions and not percent:
        value = round(value * 100.0, 9)
    if not math.isfinite(value):
        raise ValueError(f"{raw!r} is too large")
    return -value if negative else value


# Goals -----------------------------------------------------------------------------------

_WORD_GOALS: tuple[tuple[re.Pattern[str], Comparator], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), comparator)
    for pattern, comparator in (
        (r"^(?:at\s+least|no\s+less\s+than|no\s+fewer\s+than|min(?:imum)?\.?:?)\s+(.+)$", Comparator.AT_LEAST),
        (r"^(.+?)\s*(?:\+|or\s+more|or\s+higher|or\s+above)$", Comparator.AT_LEAST),
        (r"^(?:at\s+most|no\s+more\s+than|up\s+to|max(?:imum)?\.?:?)\s+(.+)$", Comparator.AT_MOST),
        (r"^(.+?)\s+(?:or\s+less|or\s+fewer|or\s+lower|or\s+below)$", Comparator.AT_MOST),
        (r"^(?:more\s+than|over|above|greater\s+than)\s+(.+)$", Comparator.MORE_THAN),
        (r"^(?:less\s+than|fewer\s+than|under|below)\s+(.+)$", Comparator.LESS_THAN),
        (r"^(?:exactly|equals?)\s+(.+)$", Comparator.EQUAL),
    )
)
_SYMBOL_GOAL = re.compile(r"^(>=|<=|==|=|>|<)\s*(.+)$")
_WORD_RANGE = re.compile(r"^(between|outside|from)\s+(.+?)\s+(?:and|to|-)\s+(.+)$", re.IGNORECASE)
# A range separator is a dash (or "to") after something that ends a value: a digit, %, a k/M/B
# suffix or a closing bracket. A leading minus ("-5 - 5", ">= -5") is never taken for one.
_DASH_RANGE = re.compile(r"^(.*?[\d%kmb)])\s*(?:-|\bto\b|\bthrough\b)\s*(.+)$", re.IGNORECASE)
_SYMBOL_SPELLINGS = (("≥", ">="), ("≤", "<="), ("=>", ">="), ("=<", "<="), ("–", "-"), ("—", "-"), ("−", "-"))
_GOAL_HINT = "use >= 20, < 5%, 20+, at least 20, 70%-85%, between 70 and 85"


def parse_sheet_goal(text: str, unit: Unit | str, *, fractions: bool = False) -> Goal:
    """A goal as a spreadsheet writes it, or ``ValueError`` naming the text and why not.

    Everything :func:`cadence.domain.goals.parse_goal` reads, plus ``≥ 20``,
    ``20+``, ``at least 20``, ``at most 5``, ``no more than 5``, ``min 20``,
    ``max 5``, ranges ``70%-85%``, ``70-85%``, ``70 - 85``, ``70 to 85``
    (between, both bounds in the measurable's unit; written high first, the
    bounds are swapped), and values as cells are written (``$100K``). A bare
    value means "at least", except a bare ``yes``/``no`` for a yes/no
    measurable, which means exactly that. ``fractions`` as for
    :func:`parse_cell`: a percent goal written ``>= 0.85`` is 85% (a ``%``
    on either bound of a range counts for both, so ``0.7-0.85%`` is not scaled).
    """
    unit = Unit(unit)
    cleaned = _SPACES.sub(" ", text).strip()
    for spelled, symbol in _SYMBOL_SPELLINGS:
        cleaned = cleaned.replace(spelled, symbol)
    if not cleaned:
        raise ValueError("the goal is empty")
    try:
        return _read_goal(cleaned, unit, fractions)
    except ValueError as error:
        reason = str(error).splitlines()[0]
        raise ValueError(f"goal {text.strip()!r} not understood: {reason} ({_GOAL_HINT})") from None


def _read_goal(cleaned: str, unit: Unit, fractions: bool) -> Goal:
    symbol = _SYMBOL_GOAL.match(cleaned)
    if symbol:
        comparator = Comparator("=" if symbol.group(1) == "==" else symbol.group(1))
        return Goal(comparator=comparator, value=parse_cell(symbol.group(2), unit, fractions=fractions))
    words = _WORD_RANGE.match(cleaned)
    if words:
        comparator = Comparator.OUTSIDE if words.group(1).lower() == "outside" else Comparator.BETWEEN
        return _range(comparator, words.group(2), words.group(3), unit, fractions)
    for pattern, comparator in _WORD_GOALS:
        worded = pattern.match(cleaned)
        if worded:
            return Goal(comparator=comparator, value=parse_cell(worded.group(1), unit, fractions=fractions))
    dashed = _DASH_RANGE.match(cleaned)
    if dashed:
        return _range(Comparator.BETWEEN, dashed.group(1), dashed.group(2), unit, fractions)
    if unit is Unit.YESNO and cleaned.lower() in YES_MARKS | NO_MARKS:
        return Goal(comparator=Comparator.EQUAL, value=_parse_yes_no(cleaned))
    return Goal(comparator=Comparator.AT_LEAST, value=parse_cell(cleaned, unit, fractions=fractions))


def _range(comparator: Comparator, low_text: str, high_text: str, unit: Unit, fractions: bool) -> Goal:
    """Both bounds of ``70-85%`` are percent: a ``%`` on either side counts for both."""
    if unit is Unit.PERCENT:
        fractions = fractions and "%" not in low_text + high_text
        low_text, high_text = low_text.strip().removesuffix("%"), high_text.strip().removesuffix("%")
    low = parse_cell(low_text, unit, fractions=fractions)
    high = parse_cell(high_text, unit, fractions=fractions)
    if high < low:
        low, high = high, low
    return Goal(comparator=comparator, value=low, high=high)


# Guessing a column's unit ----------------------------------------------------------------


def guess_unit(texts: Sequence[str]) -> Unit:
    """The unit a column of cells (values, goals) reads as.

    A currency sign anywhere -> currency; else a ``%`` -> percent; else every
    filled cell a yes/no word or mark (and at least one not ``1``/``0``) ->
    yes/no; else any ``h:mm`` -> duration; else number.
    """
    filled = [_SPACES.sub(" ", text).strip() for text in texts if not is_empty_cell(text)]
    if any(sign in text for text in filled for sign in _CURRENCY_SIGNS):
        return Unit.CURRENCY
    if any("%" in text for text in filled):
        return Unit.PERCENT
    words = [text.lower() for text in filled]
    yes_no = YES_MARKS | NO_MARKS
    if words and all(word in yes_no for word in words) and any(word not in {"1", "0", "1.0", "0.0"} for word in words):
        return Unit.YESNO
    if any(re.search(r"(?<![\d.])\d+:\d{2}(?::\d{2})?(?![\d.])", text) for text in filled):
        return Unit.DURATION
    return Unit.NUMBER


def looks_like_fractions(values: Sequence[str]) -> bool:
    """Were a percent column's values typed as fractions (``0.85`` for 85%)?

    True when every numeric value written without ``%`` lies in [0, 1] and at
    least one of them is neither 0 nor 1. Values with ``%`` and cells that are
    not numbers are left out of the judgement.
    """
    plain: list[float] = []
    for text in values:
        cleaned = _SPACES.sub("", text)
        if is_empty_cell(text) or "%" in cleaned or not _NUMBER_LIKE.match(cleaned):
            continue
        try:
            plain.append(parse_cell(cleaned, Unit.NUMBER))
        except ValueError:
            continue
    if not plain:
        return False
    return all(0.0 <= value <= 1.0 for value in plain) and any(value not in (0.0, 1.0) for value in plain)

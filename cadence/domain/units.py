"""Measurable units: how people type values and how they are shown.

Values are stored as plain floats: numbers and currency as themselves,
percent as the percentage (``85%`` -> 85.0), yes/no as 1.0 / 0.0, durations
in minutes (``1:30`` -> 90.0).

Durations are typed the way people say them, and a bare number is **hours**
(a goal of ``<= 24:00`` and a value of ``13`` mean 13 hours, never 13
minutes): ``13`` and ``1.5`` are hours, ``1:30`` is hours:minutes, ``90m``
(or ``90min``) is minutes, ``1h30``, ``1h 30m`` and ``1.5h`` mix the two.
``DURATION_HINT`` says so wherever a duration is typed.
"""

from __future__ import annotations

import math
import re
from enum import StrEnum


class Unit(StrEnum):
    NUMBER = "number"
    CURRENCY = "currency"
    PERCENT = "percent"
    YESNO = "yesno"
    DURATION = "duration"


_SUFFIX = {"k": 1_000.0, "m": 1_000_000.0, "b": 1_000_000_000.0}
_NUMBER = re.compile(r"^([+-]?)(\d+(?:\.\d*)?|\.\d+)([kmb]?)$")
_CURRENCY_SIGNS = "$€£¥"
_YES = {"yes", "y", "true", "1", "done", "✓"}
_NO = {"no", "n", "false", "0"}
_HOURS_MINUTES = re.compile(r"^(\d+):(\d+)$")
_BARE_HOURS = re.compile(r"^(\d+(?:\.\d*)?|\.\d+)$")
_SPELLED_DURATION = re.compile(
    r"^(?:(\d+(?:\.\d+)?|\.\d+)(?:h|hr|hrs|hours?))?(?:(\d+(?:\.\d+)?)(?:m|min|mins|minutes?)?)?$"
)
DURATION_HINT = "a bare number is hours: 13, 1.5 (= 1:30), 1:30, 90m, 1h30"


def _parse_plain_number(text: str, what: str) -> float:
    cleaned = text.strip().lower().replace(",", "").replace("_", "").replace(" ", "")
    match = _NUMBER.match(cleaned)
    if not match:
        raise ValueError(f"{what}: {text!r} is not a number")
    sign, digits, suffix = match.groups()
    value = float(digits) * _SUFFIX.get(suffix, 1.0)
    value = -value if sign == "-" else value
    if not math.isfinite(value):
        raise ValueError(f"{what}: {text!r} is too large")
    return value


def parse_value(text: str, unit: Unit | str = Unit.NUMBER) -> float:
    """Turn what a person typed into the stored float, or raise ``ValueError`` saying why."""
    unit = Unit(unit)
    raw = text.strip()
    if not raw:
        raise ValueError("empty value")
    if unit is Unit.YESNO:
        word = raw.lower()
        if word in _YES:
            return 1.0
        if word in _NO:
            return 0.0
        raise ValueError(f"{raw!r} is not yes or no")
    if unit is Unit.DURATION:
        return _parse_duration(raw)
    if unit is Unit.PERCENT:
        return _parse_plain_number(raw.removesuffix("%"), "percent")
    if unit is Unit.CURRENCY:
        stripped = raw
        negative = stripped.startswith("-")
        stripped = stripped.lstrip("-").strip()
        stripped = stripped.lstrip(_CURRENCY_SIGNS).strip()
        value = _parse_plain_number(stripped, "amount")
        return -value if negative else value
    return _parse_plain_number(raw, "number")


def _parse_duration(raw: str) -> float:
    """Minutes from ``13`` / ``1.5`` (hours), ``1:30``, ``90m``, ``1h30``, ``1.5h``; ``ValueError`` says why not."""
    text = raw.lower().replace(" ", "").replace(",", "")
    if text.startswith("-"):
        raise ValueError(f"duration: {raw!r} is negative (a duration is 0 or more)")
    text = text.removeprefix("+")
    clock = _HOURS_MINUTES.match(text)
    if clock:
        minutes = int(clock.group(2))
        if minutes > 59 or len(clock.group(2)) != 2:
            raise ValueError(f"duration: {raw!r} is not a duration (minutes after ':' are 00-59, like 1:30)")
        return _finite_minutes(int(clock.group(1)) * 60.0 + minutes, raw)
    bare = _BARE_HOURS.match(text)
    if bare:
        return _finite_minutes(float(bare.group(1)) * 60.0, raw)
    spelled = _SPELLED_DURATION.match(text)
    if spelled and (spelled.group(1) or spelled.group(2)):
        hours_text, minutes_text = spelled.group(1), spelled.group(2)
        if hours_text is None and not re.search(r"m(in(ute)?s?)?$", text):
            raise ValueError(f"duration: {raw!r} is not a duration ({DURATION_HINT})")
        if hours_text is not None and minutes_text is not None and float(minutes_text) >= 60:
            raise ValueError(f"duration: {raw!r} is not a duration (minutes after the hours are 0-59, like 1h30)")
        return _finite_minutes(float(hours_text or 0) * 60.0 + float(minutes_text or 0), raw)
    raise ValueError(f"duration: {raw!r} is not a duration ({DURATION_HINT})")


def _finite_minutes(minutes: float, raw: str) -> float:
    if not math.isfinite(minutes):
        raise ValueError(f"duration: {raw!r} is too large")
    return minutes


def _trim(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_value(value: float, unit: Unit | str = Unit.NUMBER) -> str:
    """Show a stored value the way its unit reads."""
    unit = Unit(unit)
    if unit is Unit.YESNO:
        return "yes" if value >= 0.5 else "no"
    if unit is Unit.PERCENT:
        return f"{_trim(value)}%"
    if unit is Unit.CURRENCY:
        sign = "-" if value < 0 else ""
        return f"{sign}${_trim(abs(value))}"
    if unit is Unit.DURATION:
        minutes = int(round(value))
        return f"{minutes // 60}:{minutes % 60:02d}"
    return _trim(value)

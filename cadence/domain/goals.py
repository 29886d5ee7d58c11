"""Scorecard goals: a comparator and one or two bounds, and whether a value meets it.

``between a and b`` is inclusive (a <= v <= b). ``outside a and b`` is the
exact opposite (v < a or v > b), so the bounds themselves are not outside.
"""

# No ``from __future__ import annotations`` here: pydantic would have to evaluate every field's
# annotation from a string when each model is built, which costs start-up time in every command.

import re
from enum import StrEnum
from typing import Self

from pydantic import BaseModel, ConfigDict, model_validator

from cadence.domain.units import Unit, format_value, parse_value


class Comparator(StrEnum):
    AT_LEAST = ">="
    MORE_THAN = ">"
    AT_MOST = "<="
    LESS_THAN = "<"
    EQUAL = "="
    BETWEEN = "between"
    OUTSIDE = "outside"


_RANGE = re.compile(r"^(between|outside)\s+(.+?)\s+(?:and|-|to)\s+(.+)$", re.IGNORECASE)
_SINGLE = re.compile(r"^(>=|<=|>|<|==|=)\s*(.+)$")


class Goal(BaseModel):
    """What a measurable aims for. ``high`` is only used by between / outside."""

    # Built on first direct use (parse_goal): a measurable read from the file validates its goal inside its own schema.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, defer_build=True)

    comparator: Comparator
    value: float
    high: float | None = None

    @model_validator(mode="after")
    def _bounds_make_sense(self) -> Self:
        if self.comparator in (Comparator.BETWEEN, Comparator.OUTSIDE):
            if self.high is None:
                raise ValueError(f"'{self.comparator}' needs two bounds")
            if self.high < self.value:
                raise ValueError("the lower bound must come first")
        elif self.high is not None:
            raise ValueError(f"'{self.comparator}' takes one value")
        return self

    def is_met(self, value: float) -> bool:
        match self.comparator:
            case Comparator.AT_LEAST:
                return value >= self.value
            case Comparator.MORE_THAN:
                return value > self.value
            case Comparator.AT_MOST:
                return value <= self.value
            case Comparator.LESS_THAN:
                return value < self.value
            case Comparator.EQUAL:
                return abs(value - self.value) < 1e-9
            case Comparator.BETWEEN:
                assert self.high is not None
                return self.value <= value <= self.high
            case Comparator.OUTSIDE:
                assert self.high is not None
                return value < self.value or value > self.high
        raise AssertionError(self.comparator)

    def describe(self, unit: Unit | str = Unit.NUMBER) -> str:
        if self.high is not None:
            return f"{self.comparator} {format_value(self.value, unit)} and {format_value(self.high, unit)}"
        return f"{self.comparator} {format_value(self.value, unit)}"


def parse_goal(text: str, unit: Unit | str = Unit.NUMBER) -> Goal:
    """Read ``>= 20``, ``< 5%``, ``between 10 and 20``, ``outside 1:00 and 2:00``.

    A bare value means "at least" (``20`` -> ``>= 20``), the common case.
    """
    cleaned = text.strip()
    ranged = _RANGE.match(cleaned)
    if ranged:
        comparator = Comparator(ranged.group(1).lower())
        low = parse_value(ranged.group(2), unit)
        high = parse_value(ranged.group(3), unit)
        try:
            return Goal(comparator=comparator, value=low, high=high)
        except ValueError as error:
            raise ValueError(f"goal {text!r}: the lower bound must come first") from error
    single = _SINGLE.match(cleaned)
    if single:
        symbol = "=" if single.group(1) == "==" else single.group(1)
        return Goal(comparator=Comparator(symbol), value=parse_value(single.group(2), unit))
    if cleaned:
        try:
            return Goal(comparator=Comparator.AT_LEAST, value=parse_value(cleaned, unit))
        except ValueError:
            pass
    raise ValueError(f"goal {text!r} not understood (use >= 20, < 5, = 1, between 10 and 20, outside 1 and 5)")

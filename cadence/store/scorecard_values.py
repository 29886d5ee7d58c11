"""Values and goals as text that reads back exactly: the CSV export's cells and the goal form's starting text.

Kept apart from the CSV code (and from the actions) so that the goal form, the
export and the actions can all use it without importing one another.
"""

from __future__ import annotations

from cadence.domain.goals import Goal
from cadence.domain.units import Unit, format_value


def export_number(value: float) -> str:
    """The shortest text that reads back as exactly ``value`` (``61850``, ``92.4``, ``0.1``)."""
    text = repr(float(value))
    if "e" in text or "E" in text:
        text = f"{value:.17f}".rstrip("0").rstrip(".")
    return text[:-2] if text.endswith(".0") else text


def export_value(value: float, unit: Unit | str) -> str:
    """A value as a spreadsheet cell that ``parse_value`` reads back to the same float."""
    unit = Unit(unit)
    if unit is Unit.YESNO and value in (0.0, 1.0):
        return format_value(value, unit)
    if unit is Unit.PERCENT:
        return f"{export_number(value)}%"
    if unit is Unit.CURRENCY:
        return f"-${export_number(-value)}" if value < 0 else f"${export_number(value)}"
    if unit is Unit.DURATION and value >= 0 and value == int(value):
        return format_value(value, unit)
    return export_number(value)


def export_goal(goal: Goal, unit: Unit | str) -> str:
    """A goal as text ``parse_goal`` reads back exactly (``>= $52000``, ``between 70% and 85%``)."""
    if goal.high is not None:
        return f"{goal.comparator} {export_value(goal.value, unit)} and {export_value(goal.high, unit)}"
    return f"{goal.comparator} {export_value(goal.value, unit)}"

"""The Scorecard's forms: add or edit a measurable, change its goal from a week (month, quarter) on, a cell's note.

Each returns the fields and the one-transaction change for ``open_form``, so
the panel stays about the grid and these stay about what a person types.
Every change is one named action of ``cadence.store.actions``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from cadence.domain.goals import parse_goal
from cadence.domain.models import Aggregate, Frequency, Measurable
from cadence.domain.periods import parse_user_date
from cadence.domain.scorecard import period_noun
from cadence.domain.units import DURATION_HINT, Unit
from cadence.store import Transaction, actions
from cadence.tui.widgets.forms import FormField, one_of

Change = Callable[[Transaction, dict[str, str]], Any]
UNITS = [unit.value for unit in Unit]
AGGREGATES = [aggregate.value for aggregate in Aggregate]
FREQUENCIES = [frequency.value for frequency in Frequency]
FREQUENCY_LABEL = "Frequency (weekly, monthly or quarterly)"
ROLLUP_BY_UNIT = "blank: average for percent, duration, yesno; else sum"


def check_goal_any_unit(text: str) -> str | None:
    """As-you-type check before the unit is known: fine if it reads as a goal in some unit."""
    for unit in Unit:
        try:
            parse_goal(text, unit)
            return None
        except ValueError:
            continue
    try:
        parse_goal(text)
    except ValueError as error:
        return str(error)
    return None


def goal_checker(unit: Unit) -> Callable[[str], str | None]:
    def check(text: str) -> str | None:
        try:
            parse_goal(text, unit)
        except ValueError as error:
            return str(error)
        return None

    return check


def week_checker(today: date) -> Callable[[str], str | None]:
    def check(text: str) -> str | None:
        try:
            parse_user_date(text, today)
        except ValueError as error:
            return str(error)
        return None

    return check


def add_measurable_form(
    people: list[str], check_person: Callable[[str], str | None], team_id: str | None
) -> tuple[list[FormField], Change]:
    fields = [
        FormField("title", "Measurable", required=True, placeholder="Quotes sent"),
        FormField("owner", "Owner", required=True, check=check_person, suggestions=people),
        FormField("unit", "Unit (" + ", ".join(UNITS) + ")", value="number", check=one_of(UNITS), suggestions=UNITS),
        FormField(
            "goal",
            "Goal (a duration's bare number is hours: 1.5 = 1:30)",
            required=True,
            check=check_goal_any_unit,
            placeholder=">= 20, < 5%, between 70 and 85, <= 24:00",
        ),
        FormField(
            "rollup",
            "Roll-up into months (sum or average)",
            check=one_of(AGGREGATES),
            suggestions=AGGREGATES,
            placeholder=ROLLUP_BY_UNIT,
        ),
        FormField(
            "frequency",
            FREQUENCY_LABEL,
            value="weekly",
            check=one_of(FREQUENCIES),
            suggestions=FREQUENCIES,
        ),
    ]

    def change(tx: Transaction, values: dict[str, str]) -> Measurable:
        return actions.add_measurable(
            tx,
            values["title"],
            values["owner"],
            values["goal"],
            values["unit"].strip() or "number",
            team_id,
            aggregate=values["rollup"].strip() or None,
            frequency=values["frequency"].strip() or None,
        )

    return fields, change


def edit_measurable_form(
    measurable: Measurable, owner_name: str, people: list[str], check_person: Callable[[str], str | None]
) -> tuple[list[FormField], Change]:
    fields = [
        FormField("title", "Measurable", value=measurable.title, required=True),
        FormField("owner", "Owner", value=owner_name, required=True, check=check_person, suggestions=people),
        FormField(
            "unit",
            "Unit (" + ", ".join(UNITS) + ")",
            value=measurable.unit.value,
            required=True,
            check=one_of(UNITS),
            suggestions=UNITS,
        ),
        FormField(
            "rollup",
            "Roll-up into months (sum or average)",
            value=measurable.aggregate.value,
            required=True,
            check=one_of(AGGREGATES),
            suggestions=AGGREGATES,
        ),
        FormField(
            "frequency",
            FREQUENCY_LABEL + "; only before its first value",
            value=measurable.frequency.value,
            required=True,
            check=one_of(FREQUENCIES),
            suggestions=FREQUENCIES,
        ),
    ]

    def change(tx: Transaction, values: dict[str, str]) -> Measurable:
        return actions.edit_measurable(
            tx,
            measurable.id,
            title=values["title"],
            owner=values["owner"],
            unit=values["unit"],
            aggregate=values["rollup"],
            frequency=values["frequency"],
        )

    return fields, change


def goal_form(measurable: Measurable, this_week: date, today: date) -> tuple[list[FormField], Change]:
    """``this_week``: the first day of the measurable's current period (a week, month or quarter)."""
    noun = period_noun(measurable.frequency)
    current = measurable.goal_for_week(this_week)
    hint = f"; {DURATION_HINT}" if measurable.unit is Unit.DURATION else ""
    fields = [
        FormField(
            "goal",
            f"New goal (now {current.describe(measurable.unit)}{hint})",
            value=actions.export_goal(current, measurable.unit),
            required=True,
            check=goal_checker(measurable.unit),
        ),
        FormField(
            "week",
            f"From the {noun} of (any day of it; earlier {noun}s keep their goal)"
            if noun != "week"
            else "From the week of (earlier weeks keep their goal)",
            value=this_week.isoformat(),
            required=True,
            check=week_checker(today),
            placeholder="2026-11-23, today, -2w",
        ),
    ]

    def change(tx: Transaction, values: dict[str, str]) -> Measurable:
        return actions.change_goal(tx, measurable.id, values["goal"], today, values["week"])

    return fields, change


def note_form(measurable_id: str, week: date, note: str) -> tuple[list[FormField], Change]:
    fields = [FormField("note", "Note (empty removes it)", value=note, placeholder="Why this number is what it is")]

    def change(tx: Transaction, values: dict[str, str]) -> object:
        return actions.set_score_note(tx, measurable_id, week, values["note"])

    return fields, change

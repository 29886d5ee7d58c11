"""Measurables and weekly scores: goals that change from a week on, ordering, archiving."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from cadence.domain.goals import parse_goal
from cadence.domain.ids import Kind
from cadence.domain.models import (
    Aggregate,
    GoalChange,
    Measurable,
    Score,
)
from cadence.domain.scorecard import default_aggregate
from cadence.domain.units import Unit, parse_value
from cadence.store.actions.fields import choice, parse_date_field
from cadence.store.errors import InputError
from cadence.store.transaction import Transaction


def add_measurable(
    tx: Transaction,
    title: str,
    owner: str,
    goal: str,
    unit: str = "number",
    team: str | None = None,
    aggregate: str | None = None,
) -> Measurable:
    """A new measurable; ``aggregate`` (sum or average) empty or None: by its unit (``default_aggregate``)."""
    unit_value = choice(Unit, unit, "unit")
    try:
        parsed_goal = parse_goal(goal, unit_value)
    except ValueError as error:
        raise InputError(f"goal: {error}") from None
    order = max((measurable.order for measurable in tx.measurables), default=0) + 1
    return tx.add(
        Measurable,
        title=title,
        owner_id=tx.find_person(owner).id,
        team_id=tx.find_team(team).id if team else None,
        unit=unit_value,
        goal=parsed_goal,
        aggregate=choice(Aggregate, aggregate, "rollup") if aggregate and aggregate.strip() else default_aggregate(unit_value),
        order=order,
    )


def edit_measurable(
    tx: Transaction,
    measurable_id: str,
    *,
    title: str | None = None,
    owner: str | None = None,
    unit: str | None = None,
    aggregate: str | None = None,
) -> Measurable:
    """Change what a measurable is called, who owns it, its unit or how it rolls up (goals: ``change_goal``)."""
    measurable: Measurable = tx.get(Kind.MEASURABLE, measurable_id)  # type: ignore[assignment]
    changes: dict[str, object] = {}
    if title is not None:
        changes["title"] = title
    if owner is not None:
        changes["owner_id"] = tx.find_person(owner).id
    if unit is not None:
        changes["unit"] = choice(Unit, unit, "unit")
    if aggregate is not None:
        changes["aggregate"] = choice(Aggregate, aggregate, "rollup")
    return tx.save(measurable, **changes) if changes else measurable


def change_goal(
    tx: Transaction, measurable_id: str, goal: str, today: date, from_week: str | None = None
) -> Measurable:
    """A new goal from a week on (default: this week); earlier weeks keep theirs. See ``Measurable``."""
    measurable: Measurable = tx.get(Kind.MEASURABLE, measurable_id)  # type: ignore[assignment]
    try:
        parsed = parse_goal(goal, measurable.unit)
    except ValueError as error:
        raise InputError(f"goal: {error}") from None
    week = tx.week_of(parse_date_field(from_week, today, "week") if from_week else today)
    kept = [change for change in measurable.goal_history if change.week < week]
    history = sorted([*kept, GoalChange(week=week, goal=parsed)], key=lambda change: change.week)
    return tx.save(measurable, goal_history=history)


def archive_measurable(tx: Transaction, measurable_id: str, archived: bool = True) -> Measurable:
    """Off the Scorecard but kept, with its scores, for the record."""
    measurable: Measurable = tx.get(Kind.MEASURABLE, measurable_id)  # type: ignore[assignment]
    return tx.save(measurable, archived=archived)


def move_measurable(tx: Transaction, measurable_id: str, step: int, order_ids: Sequence[str]) -> Measurable:
    """Move one row of a scorecard up (-1) or down (+1) among ``order_ids`` (the rows as shown).

    The rows shown are renumbered 1..n so ties left by older files sort out too.
    """
    ids = list(order_ids)
    if measurable_id not in ids:
        raise InputError(f"{measurable_id} is not on this scorecard")
    index = ids.index(measurable_id)
    target = max(0, min(len(ids) - 1, index + step))
    ids.insert(target, ids.pop(index))
    moved: Measurable | None = None
    for position, record_id in enumerate(ids, start=1):
        current: Measurable = tx.get(Kind.MEASURABLE, record_id)  # type: ignore[assignment]
        if current.order != position:
            current = tx.save(current, order=position)
        if record_id == measurable_id:
            moved = current
    assert moved is not None
    return moved


def set_score(
    tx: Transaction,
    measurable_id: str,
    value: str,
    today: date,
    *,
    week: str | None = None,
    note: str | None = None,
) -> Score:
    """Record one measurable's value for a week (any day of the week names it); replaces an earlier value."""
    measurable: Measurable = tx.get(Kind.MEASURABLE, measurable_id)  # type: ignore[assignment]
    try:
        number = parse_value(value, measurable.unit)
    except ValueError as error:
        raise InputError(f"value: {error}") from None
    week_start = tx.week_of(parse_date_field(week, today, "week") if week else today)
    existing = tx.score_for(measurable.id, week_start)
    if existing is not None:
        changes: dict[str, object] = {"value": number}
        if note is not None:
            changes["note"] = note
        return tx.save(existing, **changes)
    return tx.add(Score, measurable_id=measurable.id, week=week_start, value=number, note=note or "")


def set_score_note(tx: Transaction, measurable_id: str, week: date, note: str) -> Score:
    """Add, change or (with an empty note) remove the note on a week's value."""
    measurable = tx.get(Kind.MEASURABLE, measurable_id)
    existing = tx.score_for(measurable.id, tx.week_of(week))
    if existing is None:
        raise InputError("note: enter a value for that week first")
    return tx.save(existing, note=note.strip())


def clear_score(tx: Transaction, measurable_id: str, week: date) -> bool:
    measurable = tx.get(Kind.MEASURABLE, measurable_id)
    existing = tx.score_for(measurable.id, tx.week_of(week))
    if existing is None:
        return False
    tx.delete(existing)
    return True

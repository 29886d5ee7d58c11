"""Measurables and weekly scores: goals that change from a week on, ordering, archiving, red cells to Issues.

Each rule lives here once. The text-taking actions (``add_measurable``,
``change_goal``, ``set_score``) parse what a person typed and call the typed
ones (``create_measurable``, ``set_goal_from``, ``record_score``), which the
scorecard's CSV import calls too, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from cadence.domain.goals import Goal, parse_goal
from cadence.domain.models import (
    Aggregate,
    Frequency,
    GoalChange,
    Issue,
    IssueStatus,
    Measurable,
    Score,
)
from cadence.domain.scorecard import active_measurables, default_aggregate, period_noun
from cadence.domain.units import Unit, parse_value
from cadence.store.actions.fields import choice, parse_date_field
from cadence.store.actions.issues import describe_score, drop_to_issues
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
    frequency: str | None = None,
) -> Measurable:
    """A new measurable; ``aggregate`` (sum or average) empty or None: by its unit (``default_aggregate``);
    ``frequency`` (weekly, monthly, quarterly) empty or None: weekly."""
    unit_value = choice(Unit, unit, "unit")
    try:
        parsed_goal = parse_goal(goal, unit_value)
    except ValueError as error:
        raise InputError(f"goal: {error}") from None
    return create_measurable(
        tx,
        title=title,
        owner_id=tx.find_person(owner).id,
        team_id=tx.find_team(team).id if team else None,
        unit=unit_value,
        goal=parsed_goal,
        aggregate=choice(Aggregate, aggregate, "rollup") if aggregate and aggregate.strip() else None,
        frequency=choice(Frequency, frequency, "frequency") if frequency and frequency.strip() else Frequency.WEEKLY,
    )


def create_measurable(
    tx: Transaction,
    *,
    title: str,
    owner_id: str,
    team_id: str | None,
    unit: Unit,
    goal: Goal,
    aggregate: Aggregate | None = None,
    frequency: Frequency = Frequency.WEEKLY,
    description: str = "",
) -> Measurable:
    """A new measurable from checked values: last in order; rolls up by its unit unless told (``default_aggregate``)."""
    order = max((measurable.order for measurable in tx.measurables), default=0) + 1
    return tx.add(
        Measurable,
        title=title,
        owner_id=owner_id,
        team_id=team_id,
        unit=unit,
        goal=goal,
        aggregate=aggregate or default_aggregate(unit),
        order=order,
        frequency=frequency,
        description=description,
    )


def edit_measurable(
    tx: Transaction,
    measurable_id: str,
    *,
    title: str | None = None,
    owner: str | None = None,
    unit: str | None = None,
    aggregate: str | None = None,
    frequency: str | None = None,
    description: str | None = None,
) -> Measurable:
    """Change what a measurable is called, who owns it, its unit, how it rolls up, what it is about
    (``description``) or (before its first value) how often it is counted (goals: ``change_goal``)."""
    measurable = tx.measurable(measurable_id)
    changes: dict[str, object] = {}
    if title is not None:
        changes["title"] = title
    if owner is not None:
        changes["owner_id"] = tx.find_person(owner).id
    if unit is not None:
        changes["unit"] = choice(Unit, unit, "unit")
    if aggregate is not None:
        changes["aggregate"] = choice(Aggregate, aggregate, "rollup")
    if description is not None:
        changes["description"] = description.strip()
    if frequency is not None:
        chosen = choice(Frequency, frequency, "frequency")
        if chosen is not measurable.frequency:
            held = sum(1 for score in tx.scores if score.measurable_id == measurable.id)
            if held:
                raise InputError(
                    f"frequency: {measurable.id} already has {held} {measurable.frequency.value} value(s); "
                    "add a new measurable for the other frequency (its values would not fit the new periods)"
                )
            changes["frequency"] = chosen
    return tx.save(measurable, **changes) if changes else measurable


def change_goal(
    tx: Transaction, measurable_id: str, goal: str, today: date, from_week: str | None = None
) -> Measurable:
    """A new goal from a week on (default: this week); earlier weeks keep theirs. See ``Measurable``."""
    measurable = tx.measurable(measurable_id)
    try:
        parsed = parse_goal(goal, measurable.unit)
    except ValueError as error:
        raise InputError(f"goal: {error}") from None
    day = parse_date_field(from_week, today, "week") if from_week else today
    week = tx.period_start(measurable.frequency, day)
    return set_goal_from(tx, measurable.id, parsed, week)


def set_goal_from(tx: Transaction, measurable_id: str, goal: Goal, week: date) -> Measurable:
    """``goal`` from ``week`` (the first day of one of its periods) on: a change on the same week is
    replaced, later ones are dropped."""
    measurable = tx.measurable(measurable_id)
    kept = [change for change in measurable.goal_history if change.week < week]
    history = sorted([*kept, GoalChange(week=week, goal=goal)], key=lambda change: change.week)
    return tx.save(measurable, goal_history=history)


def archive_measurable(tx: Transaction, measurable_id: str, archived: bool = True) -> Measurable:
    """Off the Scorecard but kept, with its scores, for the record (``archived=False`` brings it back)."""
    measurable = tx.measurable(measurable_id)
    if measurable.archived == archived:
        raise InputError(f"{measurable.id} is {'already archived' if archived else 'not archived'}")
    return tx.save(measurable, archived=archived)


def scorecard_rows(tx: Transaction, team_id: str | None) -> list[str]:
    """The ids of a team's scorecard rows in the order shown (every active measurable when ``team_id`` is None)."""
    return [
        measurable.id
        for measurable in active_measurables(tx.measurables)
        if tx.in_team(team_id, measurable.team_id, measurable.owner_id)
    ]


def move_measurable(
    tx: Transaction, measurable_id: str, step: int, order_ids: Sequence[str] | None = None
) -> Measurable:
    """Move one row of a scorecard up (-1) or down (+1) among ``order_ids`` (the rows as shown).

    Without ``order_ids``: among the rows of the measurable's own team's scorecard
    (``scorecard_rows``). The rows are renumbered 1..n so ties left by older files sort out too.
    """
    if order_ids is None:
        order_ids = scorecard_rows(tx, tx.measurable(measurable_id).team_id)
    ids = list(order_ids)
    if measurable_id not in ids:
        raise InputError(f"{measurable_id} is not on this scorecard")
    index = ids.index(measurable_id)
    target = max(0, min(len(ids) - 1, index + step))
    ids.insert(target, ids.pop(index))
    moved: Measurable | None = None
    for position, record_id in enumerate(ids, start=1):
        current = tx.measurable(record_id)
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
    """Record one measurable's value for a period (any day of its week, month or quarter names it);
    replaces an earlier value."""
    measurable = tx.measurable(measurable_id)
    try:
        number = parse_value(value, measurable.unit)
    except ValueError as error:
        raise InputError(f"value: {error}") from None
    day = parse_date_field(week, today, "week") if week else today
    return record_score(tx, measurable.id, tx.period_start(measurable.frequency, day), number, note)


def record_score(tx: Transaction, measurable_id: str, week: date, value: float, note: str | None = None) -> Score:
    """``value`` for the period starting ``week``; replaces an earlier value, keeping its note unless told.

    ``week`` must be the first day of one of the measurable's periods (a week start for a weekly one,
    the 1st for a monthly one): a score stored under any other day would never show on the grid."""
    measurable = tx.measurable(measurable_id)
    start = tx.period_start(measurable.frequency, week)
    if start != week:
        noun = period_noun(measurable.frequency)
        raise InputError(f"{measurable.id} is counted per {noun}: {week} is not a {noun}'s first day ({start} is)")
    existing = tx.score_for(measurable_id, week)
    if existing is not None:
        changes: dict[str, object] = {"value": value}
        if note is not None:
            changes["note"] = note
        return tx.save(existing, **changes)
    return tx.add(Score, measurable_id=measurable_id, week=week, value=value, note=note or "")


def set_score_note(tx: Transaction, measurable_id: str, week: date, note: str) -> Score:
    """Add, change or (with an empty note) remove the note on a week's value."""
    measurable = tx.measurable(measurable_id)
    existing = tx.score_for(measurable.id, tx.period_start(measurable.frequency, week))
    if existing is None:
        raise InputError(f"note: enter a value for that {period_noun(measurable.frequency)} first")
    return tx.save(existing, note=note.strip())


def clear_score(tx: Transaction, measurable_id: str, week: date) -> bool:
    """Remove a week's value (and its note); False if that week had none."""
    measurable = tx.measurable(measurable_id)
    existing = tx.score_for(measurable.id, tx.period_start(measurable.frequency, week))
    if existing is None:
        return False
    tx.delete(existing)
    return True


def drop_score_to_issues(tx: Transaction, measurable_id: str, week: date, today: date) -> Issue:
    """A red (off goal) week's value to the Issues list, once: an open issue for the same cell refuses a second."""
    measurable = tx.measurable(measurable_id)
    week_start = tx.period_start(measurable.frequency, week)
    score = tx.score_for(measurable.id, week_start)
    if score is None:
        raise InputError(f"{measurable.id} has no value for the {period_noun(measurable.frequency)} of {week_start}")
    if measurable.goal_for_week(week_start).is_met(score.value):
        raise InputError("only a red (✗ off goal) value drops to the Issues list")
    extra = describe_score(measurable, score)
    title = f"Off goal: {measurable.title}{extra}"
    for issue in tx.issues:
        if issue.status is IssueStatus.OPEN and issue.source == measurable.id and issue.title == title[:2000]:
            raise InputError(f"already on the Issues list as {issue.id}")
    return drop_to_issues(tx, measurable, today, extra=extra)

"""Make a planned scorecard row real, through the scorecard's own actions, and say what it did.

Every change goes through ``cadence.store.actions.scorecard`` (the same
``create_measurable``, ``set_goal_from`` and ``record_score`` the app and
``cadence score set`` use), so an import obeys the rules a person typing
does: a goal changes from this period on and earlier periods keep theirs, a
value lands on its period's first day.
"""

from __future__ import annotations

from datetime import date

from cadence.domain.models import Frequency
from cadence.domain.scorecard import period_noun
from cadence.domain.units import format_value
from cadence.store.actions.scorecard import (
    create_measurable,
    edit_measurable,
    record_score,
    set_goal_from,
    set_score_note,
)
from cadence.store.importing import ImportReport
from cadence.store.importing.scorecard_plan import RowPlan
from cadence.store.transaction import Transaction


def apply_row(tx: Transaction, plan: RowPlan, this_period: date, report: ImportReport) -> None:
    """Create or change the row's measurable, then set its values and notes; one report line per change."""
    where = f"{plan.sheet} row {plan.row}" if plan.sheet else f"row {plan.row}"
    noun = period_noun(plan.frequency)
    if plan.existing is None:
        assert plan.owner_id is not None and plan.goal is not None
        measurable = create_measurable(
            tx,
            title=plan.title,
            owner_id=plan.owner_id,
            team_id=plan.team_id,
            unit=plan.unit,
            goal=plan.goal,
            frequency=plan.frequency,
            description=plan.description or "",
        )
        extra = "" if plan.frequency is Frequency.WEEKLY else f", {plan.frequency.value}"
        extra += f", team {tx.team_name(plan.team_id)}" if plan.team_id else ""
        extra += f", description {plan.description!r}" if plan.description else ""
        report.lines.append(
            f"{where}: create {plan.title!r} (owner {tx.person_name(plan.owner_id)}, goal "
            f"{plan.goal.describe(plan.unit)}, unit {plan.unit.value}{extra})"
        )
        report.count("new measurables")
        name = repr(plan.title)
    else:
        measurable = plan.existing
        name = f"{measurable.id} {measurable.title!r}"
        changed = False
        if plan.owner_id is not None and plan.owner_id != measurable.owner_id:
            report.lines.append(
                f"{where}: {name} owner {tx.person_name(measurable.owner_id)} -> {tx.person_name(plan.owner_id)}"
            )
            measurable = edit_measurable(tx, measurable.id, owner=plan.owner_id)
            changed = True
        if plan.description is not None:
            report.lines.append(f"{where}: {name} description {plan.description!r}")
            measurable = edit_measurable(tx, measurable.id, description=plan.description)
            changed = True
        if plan.goal is not None:
            old = measurable.goal_for_week(this_period).describe(plan.unit)
            report.lines.append(
                f"{where}: {name} goal {old} -> {plan.goal.describe(plan.unit)} from the {noun} of {this_period}"
            )
            measurable = set_goal_from(tx, measurable.id, plan.goal, this_period)
            changed = True
        if changed:
            report.count("measurables changed")
    notes = {note.start: note.text for note in plan.notes}
    for change in plan.values:
        new = format_value(change.value, plan.unit)
        if change.old is None:
            report.lines.append(f"{where}: {name} {noun} of {change.start}: set {new}")
            report.count("values set")
        else:
            report.lines.append(
                f"{where}: {name} {noun} of {change.start}: {format_value(change.old, plan.unit)} -> {new}"
            )
            report.count("values changed")
        record_score(tx, measurable.id, change.start, change.value, notes.pop(change.start, None))
    for note in plan.notes:
        report.lines.append(f"{where}: {name} {noun} of {note.start}: note {note.text!r}")
        report.count("notes")
    for start, text in notes.items():
        set_score_note(tx, measurable.id, start, text)

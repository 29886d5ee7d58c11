"""``cadence measurable ...`` and ``cadence score ...``: the weekly numbers."""

from __future__ import annotations

import click

from cadence.cli.context import CliContext, pass_context
from cadence.cli.output import dump, emit_json, safe, table
from cadence.domain.models import Measurable
from cadence.domain.periods import weeks_back
from cadence.domain.units import format_value
from cadence.store import actions
from cadence.store.view import View


@click.group()
def measurable() -> None:
    """Measurables: the numbers on the Scorecard."""


@measurable.command("add")
@click.argument("title")
@click.option("--owner", required=True, help="Person (name or id).")
@click.option("--goal", required=True, help="Like '>= 20', '< 5', 'between 10 and 20'.")
@click.option("--unit", default="number", show_default=True, help="number, currency, percent, yesno or duration")
@click.option("--team", default=None, help="Team (name or id).")
@pass_context
def measurable_add(context: CliContext, title: str, owner: str, goal: str, unit: str, team: str | None) -> None:
    """Add a measurable."""
    with context.write() as tx:
        added = actions.add_measurable(tx, title, owner, goal, unit, team)
    click.echo(f"{added.id} {safe(added.title)} (goal {added.goal.describe(added.unit)})")


def _active(view: View) -> list[Measurable]:
    return sorted((m for m in view.measurables if not m.archived), key=lambda m: (m.order, m.id))


@measurable.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def measurable_list(context: CliContext, as_json: bool) -> None:
    """List measurables."""
    view = context.read()
    measurables = _active(view)
    if as_json:
        emit_json(dump(measurables))
        return
    table(
        ["ID", "OWNER", "GOAL", "UNIT", "TITLE"],
        [[m.id, view.person_name(m.owner_id), m.goal.describe(m.unit), m.unit.value, m.title] for m in measurables],
    )


@click.group()
def score() -> None:
    """Weekly values of measurables."""


@score.command("set")
@click.argument("measurable_id")
@click.argument("value")
@click.option("--week", default=None, help="Any day of the week (default: this week).")
@click.option("--note", default=None, help="A note on this value.")
@pass_context
def score_set(context: CliContext, measurable_id: str, value: str, week: str | None, note: str | None) -> None:
    """Record a measurable's value for a week (12,500 / $12.5k / 85% / yes / 1:30)."""
    with context.write() as tx:
        saved = actions.set_score(tx, measurable_id, value, context.today, week=week, note=note)
        target: Measurable = tx.get(Measurable.kind, saved.measurable_id)  # type: ignore[assignment]
    verdict = "on" if target.goal_for_week(saved.week).is_met(saved.value) else "OFF"
    click.echo(f"{target.id} week of {saved.week}: {format_value(saved.value, target.unit)} ({verdict} goal)")


@score.command("show")
@click.option("--weeks", default=13, show_default=True, type=click.IntRange(1, 104), help="How many weeks.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def score_show(context: CliContext, weeks: int, as_json: bool) -> None:
    """The scorecard: the last weeks, each value marked + (on goal) or - (off goal)."""
    view = context.read()
    week_starts = weeks_back(context.today, weeks, view.meta.week_start_day)
    measurables = _active(view)
    if as_json:
        emit_json(
            [
                {
                    "id": m.id,
                    "title": m.title,
                    "owner": view.person_name(m.owner_id),
                    "unit": m.unit.value,
                    "weeks": {
                        week.isoformat(): _score_json(view, m, week) for week in week_starts
                    },
                }
                for m in measurables
            ]
        )
        return
    rows = []
    for m in measurables:
        cells = []
        for week in week_starts:
            found = view.score_for(m.id, week)
            if found is None:
                cells.append("·")
            else:
                mark = "+" if m.goal_for_week(week).is_met(found.value) else "-"
                cells.append(f"{format_value(found.value, m.unit)}{mark}")
        rows.append([m.id, safe(m.title), m.goal.describe(m.unit), *cells])
    table(["ID", "MEASURABLE", "GOAL", *[w.strftime("%m-%d") for w in week_starts]], rows, max_width=28)


def _score_json(view: View, m: Measurable, week) -> dict | None:  # type: ignore[no-untyped-def, type-arg]
    found = view.score_for(m.id, week)
    if found is None:
        return None
    return {"value": found.value, "on_goal": m.goal_for_week(week).is_met(found.value), "note": found.note}

"""``cadence measurable ...`` and ``cadence score ...``: the weekly numbers.

Every change the Scorecard's keys make has a command here calling the same
store action: add, edit, goal, move, archive and unarchive a measurable; set,
note, clear a week's value and drop a red one to the Issues list.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import click

from cadence.cli.context import CliContext, pass_context
from cadence.cli.output import dump, emit_json, safe, table
from cadence.domain.models import Measurable
from cadence.domain.scorecard import NOTE_MARK, GridCell, GridRow, active_measurables, build_grid, week_periods
from cadence.domain.units import format_value
from cadence.store import actions

if TYPE_CHECKING:
    from cadence.store import Snapshot


ROLLUP_HELP = "sum or average: how weeks add up into months (default: average for percent, duration, yesno; else sum)."


@click.group()
def measurable() -> None:
    """Measurables: the numbers on the Scorecard."""


@measurable.command("add")
@click.argument("title")
@click.option("--owner", required=True, help="Person (name or id).")
@click.option("--goal", required=True, help="Like '>= 20', '< 5', 'between 10 and 20'.")
@click.option("--unit", default="number", show_default=True, help="number, currency, percent, yesno or duration")
@click.option("--team", default=None, help="Team (name or id).")
@click.option("--rollup", default=None, help=ROLLUP_HELP)
@pass_context
def measurable_add(
    context: CliContext, title: str, owner: str, goal: str, unit: str, team: str | None, rollup: str | None
) -> None:
    """Add a measurable. Durations: a bare number is hours (13, 1.5 = 1:30), or 1:30, 90m, 1h30."""
    with context.write() as tx:
        added = actions.add_measurable(tx, title, owner, goal, unit, team, aggregate=rollup)
    click.echo(
        f"{added.id} {safe(added.title)} (goal {added.goal.describe(added.unit)}, rolls up by {added.aggregate.value})"
    )


@measurable.command("edit")
@click.argument("measurable_id")
@click.option("--title", default=None, help="New title.")
@click.option("--owner", default=None, help="Person (name or id).")
@click.option("--unit", default=None, help="number, currency, percent, yesno or duration")
@click.option("--rollup", default=None, help="sum or average: how weeks add up into months and quarters.")
@pass_context
def measurable_edit(
    context: CliContext,
    measurable_id: str,
    title: str | None,
    owner: str | None,
    unit: str | None,
    rollup: str | None,
) -> None:
    """Change a measurable's title, owner, unit or roll-up (goals: ``measurable goal``)."""
    with context.write() as tx:
        changed = actions.edit_measurable(tx, measurable_id, title=title, owner=owner, unit=unit, aggregate=rollup)
    click.echo(f"{changed.id} {safe(changed.title)} ({changed.unit.value}, rolls up by {changed.aggregate.value})")


def _active(view: Snapshot) -> list[Measurable]:
    return active_measurables(view.measurables)


@measurable.command("goal")
@click.argument("measurable_id")
@click.argument("goal")
@click.option("--from", "from_week", default=None, help="Any day of the first week it applies to (default: this week).")
@pass_context
def measurable_goal(context: CliContext, measurable_id: str, goal: str, from_week: str | None) -> None:
    """Change a measurable's goal from a week on; earlier weeks keep the goal they had."""
    with context.write() as tx:
        changed = actions.change_goal(tx, measurable_id, goal, context.today, from_week)
    latest = changed.goal_history[-1]
    click.echo(f"{changed.id} goal {latest.goal.describe(changed.unit)} from the week of {latest.week}")


@measurable.command("move")
@click.argument("measurable_id")
@click.argument("direction", type=click.Choice(["up", "down"]))
@click.option("--team", default=None, help="The scorecard it moves on, as the app shows it (default: its own team's).")
@pass_context
def measurable_move(context: CliContext, measurable_id: str, direction: str, team: str | None) -> None:
    """Move a measurable one row up or down on its scorecard."""
    with context.write() as tx:
        rows = actions.scorecard_rows(tx, tx.find_team(team).id) if team else None
        moved = actions.move_measurable(tx, measurable_id, -1 if direction == "up" else 1, rows)
        order = rows if rows is not None else actions.scorecard_rows(tx, moved.team_id)
    click.echo(f"{moved.id} {safe(moved.title)}: row {order.index(moved.id) + 1} of {len(order)}")


@measurable.command("archive")
@click.argument("measurable_id")
@pass_context
def measurable_archive(context: CliContext, measurable_id: str) -> None:
    """Take a measurable off the Scorecard; its numbers are kept (``unarchive`` brings it back)."""
    with context.write() as tx:
        changed = actions.archive_measurable(tx, measurable_id)
    click.echo(f"{changed.id} {safe(changed.title)} archived")


@measurable.command("unarchive")
@click.argument("measurable_id")
@pass_context
def measurable_unarchive(context: CliContext, measurable_id: str) -> None:
    """Put an archived measurable back on the Scorecard, with its numbers."""
    with context.write() as tx:
        changed = actions.archive_measurable(tx, measurable_id, archived=False)
    click.echo(f"{changed.id} {safe(changed.title)} back on the Scorecard")


@measurable.command("list")
@click.option("--archived", is_flag=True, help="List the archived measurables instead.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def measurable_list(context: CliContext, archived: bool, as_json: bool) -> None:
    """List measurables (active ones, in scorecard order)."""
    view = context.read()
    measurables = [m for m in view.measurables if m.archived] if archived else _active(view)
    this_week = view.week_of(context.today)
    if as_json:
        emit_json(dump(measurables))
        return
    table(
        ["ID", "OWNER", "GOAL", "UNIT", "ROLLUP", "TITLE"],
        [
            [
                m.id,
                view.person_name(m.owner_id),
                m.goal_for_week(this_week).describe(m.unit),
                m.unit.value,
                m.aggregate.value,
                m.title,
            ]
            for m in measurables
        ],
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
    """Record a measurable's value for a week (12,500 / $12.5k / 85% / yes / 1:30).

    For a duration a bare number is hours: 13 is 13:00, 1.5 is 1:30; 90m and 1h30 work too.
    """
    with context.write() as tx:
        saved = actions.set_score(tx, measurable_id, value, context.today, week=week, note=note)
        target = tx.measurable(saved.measurable_id)
    verdict = "on" if target.goal_for_week(saved.week).is_met(saved.value) else "OFF"
    click.echo(f"{target.id} week of {saved.week}: {format_value(saved.value, target.unit)} ({verdict} goal)")


@score.command("note")
@click.argument("measurable_id")
@click.argument("note")
@click.option("--week", default=None, help="Any day of the week (default: this week).")
@pass_context
def score_note(context: CliContext, measurable_id: str, note: str, week: str | None) -> None:
    """Add or change the note on a week's value; an empty NOTE removes it."""
    with context.write() as tx:
        saved = actions.set_score_note(tx, measurable_id, _week(context, week), note)
    shown = f"note {safe(repr(saved.note))}" if saved.note else "no note"
    click.echo(f"{saved.measurable_id} week of {saved.week}: {shown}")


@score.command("clear")
@click.argument("measurable_id")
@click.option("--week", default=None, help="Any day of the week (default: this week).")
@pass_context
def score_clear(context: CliContext, measurable_id: str, week: str | None) -> None:
    """Remove a week's value (and its note)."""
    day = _week(context, week)
    with context.write() as tx:
        cleared = actions.clear_score(tx, measurable_id, day)
        week_start = tx.week_of(day)
    click.echo(f"{measurable_id.upper()} week of {week_start}: " + ("cleared" if cleared else "no value to clear"))


@score.command("drop")
@click.argument("measurable_id")
@click.option("--week", default=None, help="Any day of the week (default: this week).")
@pass_context
def score_drop(context: CliContext, measurable_id: str, week: str | None) -> None:
    """Drop a red (off goal) week's value to the Issues list; once per value."""
    with context.write() as tx:
        issue = actions.drop_score_to_issues(tx, measurable_id, _week(context, week), context.today)
    click.echo(f"{issue.id} {safe(issue.title)}")


def _week(context: CliContext, week: str | None) -> date:
    return actions.parse_date_field(week, context.today, "week") if week else context.today


@score.command("show")
@click.option("--weeks", default=13, show_default=True, type=click.IntRange(1, 104), help="How many weeks.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def score_show(context: CliContext, weeks: int, as_json: bool) -> None:
    """The scorecard: the last weeks, each value marked + (on goal) or - (off goal), * if it has a note.

    Built by the same grid function as the TUI's Scorecard, so both agree.
    """
    view = context.read()
    periods = week_periods(context.today, weeks, view.meta.week_start_day)
    rows = build_grid(_active(view), view.scores, periods)
    if as_json:
        emit_json([_row_json(view, row) for row in rows])
        return
    lines = []
    for row in rows:
        m = row.measurable
        cells = [_cell_text(row, cell) for cell in row.cells]
        lines.append([m.id, safe(m.title), row.goal.describe(m.unit), *cells])
    table(["ID", "MEASURABLE", "GOAL", *[p.start.strftime("%m-%d") for p in periods]], lines, max_width=28)


def _cell_text(row: GridRow, cell: GridCell) -> str:
    if cell.value is None:
        return "·"
    mark = "+" if cell.on_goal else "-"
    return f"{format_value(cell.value, row.measurable.unit)}{mark}{NOTE_MARK if cell.note else ''}"


def _row_json(view: Snapshot, row: GridRow) -> dict[str, Any]:
    m = row.measurable
    return {
        "id": m.id,
        "title": m.title,
        "owner": view.person_name(m.owner_id),
        "unit": m.unit.value,
        "goal": row.goal.describe(m.unit),
        "average": row.average,
        "total": row.total,
        "trend": row.trend,
        "weeks": {
            cell.period.start.isoformat(): None
            if cell.value is None
            else {"value": cell.value, "on_goal": cell.on_goal, "note": cell.note}
            for cell in row.cells
        },
    }

"""``cadence measurable ...`` and ``cadence score ...``: the weekly (monthly, quarterly) numbers.

Every change the Scorecard's keys make has a command here calling the same
store action: add, edit, goal, move, archive and unarchive a measurable; set,
note, clear a period's value and drop a red one to the Issues list.

A measurable is counted weekly, monthly or quarterly (``--frequency``). The
period a value belongs to is named by any day in it (``--week``, or its
synonyms ``--period``, ``--month``, ``--quarter``), or as a month
(``2026-11``) or a quarter (``2026-Q3``); the store files it under the
period's first day. ``score show`` prints one table per frequency, each in
its own periods.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

import click

from cadence.cli.context import CliContext, pass_context
from cadence.cli.history import refuse_archived_score, scores_beyond_live
from cadence.cli.output import dump, emit_json, safe, table
from cadence.domain.models import Frequency, Measurable
from cadence.domain.periods import parse_quarter
from cadence.domain.scorecard import (
    NOTE_MARK,
    GridCell,
    GridRow,
    Period,
    PeriodKind,
    active_measurables,
    build_grid,
    frequency_title,
    of_frequency,
    period_noun,
    periods_for,
)
from cadence.domain.units import format_value
from cadence.store import InputError, actions

if TYPE_CHECKING:
    from cadence.store import Snapshot


ROLLUP_HELP = (
    "sum or average: how weeks add up into months and months into quarters "
    "(default: average for percent, duration, yesno; else sum)."
)
FREQUENCY_HELP = "weekly, monthly or quarterly: how often it is counted (default: weekly)."
PERIOD_HELP = (
    "The week, month or quarter (the measurable's own period): any day in it (2026-11-18, today, -1w), "
    "a month (2026-11) or a quarter (2026-Q3). Default: the current one."
)
_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


def period_option(function: Callable[..., Any]) -> Callable[..., Any]:
    """``--week`` and its synonyms ``--period``, ``--month``, ``--quarter``: one value, read by ``_period_day``."""
    return click.option("--week", "--period", "--month", "--quarter", "week", default=None, help=PERIOD_HELP)(function)


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
@click.option("--frequency", default=None, help=FREQUENCY_HELP)
@pass_context
def measurable_add(
    context: CliContext,
    title: str,
    owner: str,
    goal: str,
    unit: str,
    team: str | None,
    rollup: str | None,
    frequency: str | None,
) -> None:
    """Add a measurable. Durations: a bare number is hours (13, 1.5 = 1:30), or 1:30, 90m, 1h30."""
    with context.write() as tx:
        added = actions.add_measurable(tx, title, owner, goal, unit, team, aggregate=rollup, frequency=frequency)
    click.echo(
        f"{added.id} {safe(added.title)} ({added.frequency.value}, goal {added.goal.describe(added.unit)}, "
        f"rolls up by {added.aggregate.value})"
    )


@measurable.command("edit")
@click.argument("measurable_id")
@click.option("--title", default=None, help="New title.")
@click.option("--owner", default=None, help="Person (name or id).")
@click.option("--unit", default=None, help="number, currency, percent, yesno or duration")
@click.option("--rollup", default=None, help="sum or average: how weeks add up into months and quarters.")
@click.option("--frequency", default=None, help="weekly, monthly or quarterly; only before its first value.")
@pass_context
def measurable_edit(
    context: CliContext,
    measurable_id: str,
    title: str | None,
    owner: str | None,
    unit: str | None,
    rollup: str | None,
    frequency: str | None,
) -> None:
    """Change a measurable's title, owner, unit, roll-up or (before it has values) frequency.

    Goals: ``measurable goal``.
    """
    with context.write() as tx:
        changed = actions.edit_measurable(
            tx, measurable_id, title=title, owner=owner, unit=unit, aggregate=rollup, frequency=frequency
        )
    click.echo(
        f"{changed.id} {safe(changed.title)} ({changed.frequency.value}, {changed.unit.value}, "
        f"rolls up by {changed.aggregate.value})"
    )


def _active(view: Snapshot) -> list[Measurable]:
    return active_measurables(view.measurables)


@measurable.command("goal")
@click.argument("measurable_id")
@click.argument("goal")
@click.option(
    "--from",
    "from_week",
    default=None,
    help="The first week (month, quarter) it applies to: any day in it, 2026-11 or 2026-Q3 (default: the current one).",
)
@pass_context
def measurable_goal(context: CliContext, measurable_id: str, goal: str, from_week: str | None) -> None:
    """Change a measurable's goal from a week (month, quarter) on; earlier ones keep the goal they had."""
    with context.write() as tx:
        day = _period_day(context, tx.meta.fiscal_start_month, from_week)
        changed = actions.change_goal(tx, measurable_id, goal, context.today, day.isoformat())
    latest = changed.goal_history[-1]
    noun = period_noun(changed.frequency)
    click.echo(f"{changed.id} goal {latest.goal.describe(changed.unit)} from the {noun} of {latest.week}")


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
    if as_json:
        emit_json(dump(measurables))
        return
    table(
        ["ID", "OWNER", "GOAL", "UNIT", "ROLLUP", "FREQUENCY", "TITLE"],
        [
            [
                m.id,
                view.person_name(m.owner_id),
                m.goal_for_week(view.period_start(m.frequency, context.today)).describe(m.unit),
                m.unit.value,
                m.aggregate.value,
                m.frequency.value,
                m.title,
            ]
            for m in measurables
        ],
    )


@click.group()
def score() -> None:
    """Values of measurables, one per week (month, quarter for monthly and quarterly ones)."""


@score.command("set")
@click.argument("measurable_id")
@click.argument("value")
@period_option
@click.option("--note", default=None, help="A note on this value.")
@pass_context
def score_set(context: CliContext, measurable_id: str, value: str, week: str | None, note: str | None) -> None:
    """Record a measurable's value for a week, month or quarter (12,500 / $12.5k / 85% / yes / 1:30).

    A monthly measurable's value belongs to a month: --month 2026-11 (or any day of it) names it; a
    quarterly one's to a fiscal quarter: --quarter 2026-Q3. For a duration a bare number is hours:
    13 is 13:00, 1.5 is 1:30; 90m and 1h30 work too.
    """
    _refuse_archived(context, measurable_id, week)
    with context.write() as tx:
        day = _period_day(context, tx.meta.fiscal_start_month, week)
        saved = actions.set_score(tx, measurable_id, value, context.today, week=day.isoformat(), note=note)
        target = tx.measurable(saved.measurable_id)
    verdict = "on" if target.goal_for_week(saved.week).is_met(saved.value) else "OFF"
    click.echo(
        f"{target.id} {period_noun(target.frequency)} of {saved.week}: "
        f"{format_value(saved.value, target.unit)} ({verdict} goal)"
    )


@score.command("note")
@click.argument("measurable_id")
@click.argument("note")
@period_option
@pass_context
def score_note(context: CliContext, measurable_id: str, note: str, week: str | None) -> None:
    """Add or change the note on a period's value; an empty NOTE removes it."""
    _refuse_archived(context, measurable_id, week)
    with context.write() as tx:
        saved = actions.set_score_note(tx, measurable_id, _period_day(context, tx.meta.fiscal_start_month, week), note)
        noun = period_noun(tx.measurable(saved.measurable_id).frequency)
    shown = f"note {safe(repr(saved.note))}" if saved.note else "no note"
    click.echo(f"{saved.measurable_id} {noun} of {saved.week}: {shown}")


@score.command("clear")
@click.argument("measurable_id")
@period_option
@pass_context
def score_clear(context: CliContext, measurable_id: str, week: str | None) -> None:
    """Remove a period's value (and its note)."""
    _refuse_archived(context, measurable_id, week)
    with context.write() as tx:
        day = _period_day(context, tx.meta.fiscal_start_month, week)
        cleared = actions.clear_score(tx, measurable_id, day)
        target = tx.measurable(measurable_id)
        start = tx.period_start(target.frequency, day)
    click.echo(
        f"{target.id} {period_noun(target.frequency)} of {start}: " + ("cleared" if cleared else "no value to clear")
    )


@score.command("drop")
@click.argument("measurable_id")
@period_option
@pass_context
def score_drop(context: CliContext, measurable_id: str, week: str | None) -> None:
    """Drop a red (off goal) period's value to the Issues list; once per value."""
    _refuse_archived(context, measurable_id, week)
    with context.write() as tx:
        day = _period_day(context, tx.meta.fiscal_start_month, week)
        issue = actions.drop_score_to_issues(tx, measurable_id, day, context.today)
    click.echo(f"{issue.id} {safe(issue.title)}")


def _refuse_archived(context: CliContext, measurable_id: str, week: str | None) -> None:
    """A period older than the scorecard shows may have its value in the archive: refuse to write beside it.

    Nothing is read for the current period (no ``--week``) or any the scorecard shows.
    """
    if not week:
        return
    fiscal_start_month = 1  # a date or a month names the same day whatever the fiscal year
    try:
        parse_quarter(week, 1)
        fiscal_start_month = context.read().meta.fiscal_start_month
    except ValueError:
        pass
    try:
        day = _period_day(context, fiscal_start_month, week)
    except InputError:
        return  # the write itself says what is wrong with it
    refuse_archived_score(context, measurable_id, day)


def _period_day(context: CliContext, fiscal_start_month: int, text: str | None) -> date:
    """A day in the period ``text`` names: any date form, a month ``2026-11`` or a quarter ``2026-Q3``.

    The store maps the day to the measurable's own period (its week, month or quarter).
    """
    if not text:
        return context.today
    month = _MONTH.match(text)
    if month:
        year, number = int(month.group(1)), int(month.group(2))
        if not 1 <= number <= 12:
            raise InputError(f"period: {text!r} is not a month (use 2026-11)")
        return date(year, number, 1)
    try:
        return parse_quarter(text, fiscal_start_month).start
    except ValueError:
        pass
    return actions.parse_date_field(text, context.today, "period")


SHOW_COUNTS = {Frequency.WEEKLY: "weeks", Frequency.MONTHLY: "months", Frequency.QUARTERLY: "quarters"}


@score.command("show")
@click.option("--weeks", default=13, show_default=True, type=click.IntRange(1, 104), help="How many weeks.")
@click.option("--months", default=6, show_default=True, type=click.IntRange(1, 36), help="How many months.")
@click.option("--quarters", default=4, show_default=True, type=click.IntRange(1, 12), help="How many quarters.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def score_show(context: CliContext, weeks: int, months: int, quarters: int, as_json: bool) -> None:
    """The scorecard: the last weeks, each value marked + (on goal) or - (off goal), * if it has a note.

    A window reaching back past the last 4 quarters reads the archived values too.

    Monthly and quarterly measurables follow in their own tables, over their own months and
    quarters. Built by the same grid function as the TUI's Scorecard, so both agree.
    """
    view = context.read()
    counts = {Frequency.WEEKLY: weeks, Frequency.MONTHLY: months, Frequency.QUARTERLY: quarters}
    if scores_beyond_live(view, context.today, counts):
        view = context.read_history()  # older values than the live file keeps are in the archive
    active = _active(view)
    blocks: list[tuple[Frequency, list[Period], list[GridRow]]] = []
    for frequency in Frequency:
        measurables = of_frequency(active, frequency)
        if frequency is not Frequency.WEEKLY and not measurables:
            continue
        kind = PeriodKind(period_noun(frequency))
        periods = periods_for(
            kind,
            context.today,
            week_start_day=view.meta.week_start_day,
            fiscal_start_month=view.meta.fiscal_start_month,
            count=counts[frequency],
        )
        blocks.append((frequency, periods, build_grid(measurables, view.scores, periods)))
    if as_json:
        emit_json([_row_json(view, row, SHOW_COUNTS[frequency]) for frequency, _, rows in blocks for row in rows])
        return
    for frequency, periods, rows in blocks:
        if len(blocks) > 1:
            click.echo(("" if frequency is Frequency.WEEKLY else "\n") + frequency_title(frequency))
        lines = []
        for row in rows:
            m = row.measurable
            cells = [_cell_text(row, cell) for cell in row.cells]
            lines.append([m.id, safe(m.title), row.goal.describe(m.unit), *cells])
        table(["ID", "MEASURABLE", "GOAL", *[_column(period) for period in periods]], lines, max_width=28)


def _column(period: Period) -> str:
    """A week by its start (``11-16``), a month and a quarter by their labels (``2026-11``, ``2026-Q3``)."""
    return period.start.strftime("%m-%d") if period.kind is PeriodKind.WEEK else period.label


def _cell_text(row: GridRow, cell: GridCell) -> str:
    if cell.value is None:
        return "·"
    mark = "+" if cell.on_goal else "-"
    return f"{format_value(cell.value, row.measurable.unit)}{mark}{NOTE_MARK if cell.note else ''}"


def _row_json(view: Snapshot, row: GridRow, periods_key: str) -> dict[str, Any]:
    """One row; its values under ``weeks`` (``months``, ``quarters``), keyed by the period's first day."""
    m = row.measurable
    return {
        "id": m.id,
        "frequency": m.frequency.value,
        "title": m.title,
        "owner": view.person_name(m.owner_id),
        "unit": m.unit.value,
        "goal": row.goal.describe(m.unit),
        "average": row.average,
        "total": row.total,
        "trend": row.trend,
        periods_key: {
            cell.period.start.isoformat(): None
            if cell.value is None
            else {"value": cell.value, "on_goal": cell.on_goal, "note": cell.note}
            for cell in row.cells
        },
    }

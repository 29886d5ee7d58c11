"""``cadence scorecard export`` / ``import``: move a spreadsheet scorecard in and out.

Import always says what it will do before it writes, reports every bad cell by
row and column, and writes nothing when any row is bad unless ``--skip-bad``;
whatever it writes goes in one transaction.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from cadence.cli.context import CliContext, pass_context
from cadence.cli.output import safe
from cadence.domain.models import Team
from cadence.store import InputError, scorecard_csv

if TYPE_CHECKING:
    from cadence.store import Snapshot, Transaction


@click.group()
def scorecard() -> None:
    """The Scorecard as a spreadsheet (CSV): export and import."""


def _team(view: Snapshot | Transaction, team: str | None) -> Team | None:
    return view.find_team(team) if team else None


@scorecard.command("export")
@click.option("--format", "format_", type=click.Choice(["csv"]), default="csv", show_default=True, help="File format.")
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write here (default: stdout)."
)
@click.option(
    "--weeks", default=13, show_default=True, type=click.IntRange(1, 520), help="How many weeks, ending this week."
)
@click.option("--team", default=None, help="Only this team's measurables (name or id).")
@click.option("--no-notes", is_flag=True, help="Leave out the note rows.")
@pass_context
def scorecard_export(
    context: CliContext, format_: str, out: Path | None, weeks: int, team: str | None, no_notes: bool
) -> None:
    """Export the scorecard: Measurable, Owner, Goal, Unit, then one column per week."""
    view = context.read()
    text = scorecard_csv.export_csv(view, context.today, weeks, _team(view, team), notes=not no_notes)
    if out is None:
        click.echo(text, nl=False)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as error:
        raise InputError(f"--out: cannot write {out}: {error.strerror or error}") from None
    rows = max(0, text.count("\n") - 1)
    click.echo(f"wrote {out} ({rows} rows, {weeks} weeks)")


@scorecard.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.option("--skip-bad", is_flag=True, help="Import the good rows and skip the bad ones.")
@click.option("--team", default=None, help="Match and create measurables in this team (name or id).")
@pass_context
def scorecard_import(context: CliContext, file: Path, dry_run: bool, skip_bad: bool, team: str | None) -> None:
    """Import a CSV scorecard (the shape `export` writes); shows the plan first."""
    try:
        payload = file.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {file}: {error.strerror or error}") from None
    snapshot = context.read()
    sheet = scorecard_csv.read_sheet(payload, snapshot.week_of)
    if dry_run:
        plan = scorecard_csv.plan_import(snapshot, sheet, context.today, _team(snapshot, team))
        _report(plan, snapshot, skip_bad)
        click.echo("dry run: nothing written")
        if plan.problems and not skip_bad:
            raise InputError(f"{len(plan.bad_rows)} bad row(s) in {file.name}: an import would write nothing")
        return
    with context.write() as tx:
        chosen = _team(tx, team)
        plan = scorecard_csv.plan_import(tx, sheet, context.today, chosen)
        _report(plan, tx, skip_bad)
        if plan.problems and not skip_bad:
            raise InputError(
                f"{len(plan.bad_rows)} bad row(s) in {file.name}: nothing written (fix them, or use --skip-bad)"
            )
        if plan.empty:
            click.echo("nothing to change")
            return
        scorecard_csv.apply_import(tx, plan, chosen)
    click.echo(f"imported: {plan.summary()}")


def _report(plan: scorecard_csv.ImportPlan, view: Snapshot | Transaction, skip_bad: bool) -> None:
    """The plan on stdout; problems (and what is skipped) on stderr."""
    for column in plan.ignored_columns:
        click.echo(f"ignored column {safe(repr(column))} (neither Measurable/Owner/Goal/Unit nor a date)", err=True)
    for problem in plan.problems:
        click.echo(f"error: {safe(str(problem))}", err=True)
    if plan.problems and skip_bad:
        click.echo(f"skipping row(s) {', '.join(str(row) for row in plan.bad_rows)}", err=True)
    for line in scorecard_csv.describe_plan(plan, view, safe):
        click.echo(line)
    click.echo(f"plan: {plan.summary()}")

"""``cadence scorecard export`` / ``import``: move a spreadsheet scorecard in and out.

Import is ``cadence import FILE --kind scorecard`` under the scorecard's own
name: the same options, the same plan first, the same all-or-nothing write
(``run_import``). Export writes CSV (one frequency: weekly unless
``--frequency``) or ``.xlsx`` (a sheet per frequency held), through
``sheet_writer`` so a title like ``=HYPERLINK(...)`` stays harmless text.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cadence.cli.context import CliContext, pass_context
from cadence.cli.history import scores_beyond_live
from cadence.cli.import_command import import_flags, import_options, run_import
from cadence.cli.output import write_out
from cadence.domain.models import Frequency
from cadence.store import InputError


@click.group()
def scorecard() -> None:
    """The Scorecard as a spreadsheet (CSV or .xlsx): export and import."""


@scorecard.command("export")
@click.option(
    "--format", "format_", type=click.Choice(["csv", "xlsx"]), default="csv", show_default=True, help="File format."
)
@click.option(
    "--frequency",
    type=click.Choice([frequency.value for frequency in Frequency]),
    default=None,
    help="Only these measurables (CSV default: weekly; .xlsx default: a sheet for each frequency held).",
)
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write here (default: stdout)."
)
@click.option("--weeks", default=13, show_default=True, type=click.IntRange(1, 520), help="Weeks, ending this week.")
@click.option("--months", default=6, show_default=True, type=click.IntRange(1, 240), help="Months, ending this month.")
@click.option(
    "--quarters", default=4, show_default=True, type=click.IntRange(1, 80), help="Quarters, ending this quarter."
)
@click.option("--team", default=None, help="Only this team's measurables (name or id).")
@click.option("--no-notes", is_flag=True, help="Leave out the note rows.")
@pass_context
def scorecard_export(
    context: CliContext,
    format_: str,
    frequency: str | None,
    out: Path | None,
    weeks: int,
    months: int,
    quarters: int,
    team: str | None,
    no_notes: bool,
) -> None:
    """Export the scorecard: Measurable, Owner, Goal, Unit, Description, then one column per period.

    A window reaching back past the last 4 quarters reads the archived values too.
    """
    from cadence.store.scorecard_export import scorecard_sheets
    from cadence.store.sheet_writer import csv_text, xlsx_bytes

    view = context.read()
    counts = {Frequency.WEEKLY: weeks, Frequency.MONTHLY: months, Frequency.QUARTERLY: quarters}
    if scores_beyond_live(view, context.today, counts):
        view = context.read_history()  # a longer window than the live file keeps: the archived values too
    chosen_team = view.find_team(team) if team else None
    if format_ == "csv":
        frequencies = [Frequency(frequency or Frequency.WEEKLY)]
    else:
        frequencies = [Frequency(frequency)] if frequency else []
    sheets = scorecard_sheets(
        view, context.today, counts=counts, team=chosen_team, notes=not no_notes, frequencies=frequencies
    )
    if format_ == "csv":
        text = csv_text(sheets[0][1])
        if out is None:
            click.echo(text, nl=False)
            return
        write_out(out, text.encode("utf-8"))
        click.echo(f"wrote {out} ({len(sheets[0][1]) - 1} rows, {sheets[0][0].lower()})")
        return
    if out is None:
        if sys.stdout.isatty():
            raise InputError("--format xlsx writes a binary file: give --out card.xlsx")
        sys.stdout.buffer.write(xlsx_bytes(sheets))
        return
    write_out(out, xlsx_bytes(sheets))
    click.echo(f"wrote {out} (sheets {', '.join(name for name, _ in sheets)})")


@scorecard.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@import_flags
@pass_context
def scorecard_import(
    context: CliContext,
    file: Path,
    dry_run: bool,
    skip_bad: bool,
    team: str | None,
    dayfirst: bool | None,
    create_people: bool,
    people_map: tuple[str, ...],
) -> None:
    """Import a scorecard sheet (CSV, TSV, .xlsx; Google Sheets, Ninety, Bloom Growth or cadence's own
    export); shows the plan first; writes nothing if any cell is bad unless --skip-bad."""
    options = import_options(context, team, dayfirst, create_people, people_map)
    run_import(context, file, "scorecard", options, dry_run, skip_bad)

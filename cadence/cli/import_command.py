"""``cadence import FILE``: bring in a spreadsheet or a web tool's export, after showing the plan.

The file's shape is recognised (CSV, TSV, pipe-separated or ``.xlsx``; then a
scorecard, rocks, issues or to-dos sheet, in the generic shape or Ninety's or
Bloom Growth's) and said first. The plan goes to stdout, one line per change;
notes and problems (with their row and column) go to stderr. Nothing is
written when any cell is bad, unless ``--skip-bad``, which skips that cell
and keeps the rest. ``--dry-run`` runs the very same import on a copy and
throws it away.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from cadence.cli.context import CliContext, pass_context
from cadence.cli.output import safe
from cadence.store.errors import InputError
from cadence.store.importing import ImportOptions, ImportReport, import_book
from cadence.store.importing.owners import parse_people_map
from cadence.store.tables import read_workbook

KINDS = ("scorecard", "rocks", "issues", "todos")
PROGRESS_AFTER_SECONDS = 1.0


class ProgressPrinter:
    """Rows read, planned and written on stderr, but only once an import has taken more than a moment,
    and at most a few times a second: a short import prints nothing extra."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.shown = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.started < PROGRESS_AFTER_SECONDS or (now - self.shown < 0.25 and done < total):
            return
        self.shown = now
        click.echo(f"... {stage} {done}/{total}", err=True)


def import_options(
    context: CliContext,
    team: str | None,
    dayfirst: bool | None,
    create_people: bool,
    people_map: tuple[str, ...],
) -> ImportOptions:
    return ImportOptions(
        today=context.today,
        team=team,
        dayfirst=dayfirst,
        create_people=create_people,
        people_map=parse_people_map(people_map),
        progress=ProgressPrinter(),
    )


def run_import(
    context: CliContext, file: Path, kind: str | None, options: ImportOptions, dry_run: bool, skip_bad: bool
) -> None:
    """Read, recognise, plan and (unless ``dry_run``) write ``file``; the CLI's one import path."""
    book = read_workbook(file)

    def starting(kind: str, shape: str) -> None:
        click.echo(f"{safe(file.name)}: {book.shape}; {safe(shape)}", err=True)

    with context.write_or_rehearse(dry_run) as tx:
        reports, unread = import_book(tx, book, options, kind, starting)
        for report in reports:
            _print(report, skip_bad, several=len(reports) > 1)
        if unread:
            why = (
                f"not read by the {kind} import; without --kind each sheet goes to the import for it"
                if kind
                else "nothing cadence imports"
            )
            click.echo(f"note: sheets not imported: {safe(', '.join(unread))} ({why})", err=True)
        problems = [problem for report in reports for problem in report.problems]
        if problems and not skip_bad:
            rows = len({(problem.sheet, problem.row) for problem in problems})
            if dry_run:
                click.echo("dry run: nothing written", err=True)
            written = "an import would write nothing" if dry_run else "nothing written"
            raise InputError(
                f"{len(problems)} problem(s) on {rows} row(s) of {file.name}: {written} "
                "(fix them, or use --skip-bad to skip those cells)"
            )
    changed = [report for report in reports if report.changed]
    summary = "; ".join(
        f"{report.kind}: {report.summary()}" if len(changed) > 1 else report.summary() for report in changed
    )
    if dry_run:
        would = f"would import {summary}" if changed else "the file would change nothing"
        click.echo(f"dry run: {would}; nothing written")
    elif changed:
        click.echo(f"imported: {summary}")
    else:
        click.echo("nothing to change: the workspace already holds everything in the file")


def _print(report: ImportReport, skip_bad: bool, several: bool) -> None:
    for note in report.notes:
        click.echo(f"note: {safe(note)}", err=True)
    for problem in report.problems:
        click.echo(f"{'skipped' if skip_bad else 'error'}: {safe(str(problem))}", err=True)
    for line in report.lines:
        click.echo(safe(line))
    click.echo(f"plan ({report.kind}): {report.summary()}" if several else f"plan: {report.summary()}")


F = TypeVar("F", bound=Callable[..., Any])


def import_flags(command: F) -> F:
    """The options every import takes (``cadence import`` and ``cadence scorecard import``)."""
    for option in reversed(
        [
            click.option("--dry-run", is_flag=True, help="Show what would change; write nothing."),
            click.option("--skip-bad", is_flag=True, help="Skip bad cells (each is listed) and import the rest."),
            click.option("--team", default=None, help="Import into this team (name or id)."),
            click.option(
                "--dayfirst/--monthfirst",
                "dayfirst",
                default=None,
                help="Read 3/10/2025 as 3 October (--dayfirst) or March 10 (--monthfirst) when the file cannot tell.",
            ),
            click.option("--create-people", is_flag=True, help="Add owners the workspace does not know as members."),
            click.option(
                "--map",
                "people_map",
                multiple=True,
                metavar='"NAME=PERSON"',
                help='Read an owner named NAME in the file as PERSON (id or name), e.g. --map "Old Name=P-3".',
            ),
        ]
    ):
        command = option(command)
    return command


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--kind", type=click.Choice(KINDS), default=None, help="What the file holds (default: recognised).")
@import_flags
@pass_context
def import_file(
    context: CliContext,
    file: Path,
    kind: str | None,
    dry_run: bool,
    skip_bad: bool,
    team: str | None,
    dayfirst: bool | None,
    create_people: bool,
    people_map: tuple[str, ...],
) -> None:
    """Import a scorecard, rocks, issues or to-dos file (CSV, TSV, .xlsx; also Ninety and Bloom Growth
    exports). Shows the plan first; writes nothing if any cell is bad unless --skip-bad."""
    options = import_options(context, team, dayfirst, create_people, people_map)
    run_import(context, file, kind, options, dry_run, skip_bad)

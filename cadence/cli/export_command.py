"""``cadence export``: everything out again, as JSON (the whole workspace), or one kind as CSV, ``.xlsx`` or
Markdown.

JSON stays the default and the whole workspace (scripts rely on it). CSV and
``.xlsx`` give each kind in the shape its importer reads, so a team can take
its records to a spreadsheet and bring them back; every cell goes through
``sheet_writer`` so formula-looking text stays text. An ``.xlsx`` is binary:
it is written only to ``--out``, never to a terminal or a pipe. A file that
cannot be written is one line (``error: cannot write ...``) and exit 1.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from cadence.cli.context import CliContext, pass_context
from cadence.cli.output import safe, write_out
from cadence.store.errors import InputError

if TYPE_CHECKING:
    from cadence.store.view import Snapshot

FORMATS = ("json", "csv", "xlsx", "md")
KINDS = ("all", "scorecard", "rocks", "milestones", "issues", "todos", "headlines", "people")
"""The same as ``cadence.store.exporting.KINDS`` (spelt here so ``--help`` does not import the store)."""


@click.command()
@click.option("--kind", type=click.Choice(KINDS), default="all", show_default=True, help="What to export.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write here, not stdout.")
@pass_context
def export(context: CliContext, kind: str, fmt: str, out: Path | None) -> None:
    """Export the workspace: JSON (all of it, the default), or one kind as CSV, .xlsx (needs --out; with
    --kind all, a sheet per kind) or Markdown. CSV and .xlsx read back with `cadence import`."""
    view = context.read_history()
    if fmt == "json":
        if kind != "all":
            raise InputError("--format json exports the whole workspace; for one kind use --format csv, xlsx or md")
        from cadence.store.export import workspace_as_json

        _emit(workspace_as_json(view), out)
        return
    from cadence.store import exporting

    if fmt == "xlsx":
        if out is None:
            raise InputError("an .xlsx file is binary and is not written to the terminal: give --out FILE.xlsx")
        from cadence.store.sheet_writer import xlsx_bytes

        sheets = exporting.kind_sheets(view, kind, context.today)
        write_out(out, xlsx_bytes(sheets))
        shown = ", ".join(f"{name} {len(rows) - 1}" for name, rows in sheets)
        click.echo(f"wrote {safe(str(out))} ({shown})", err=True)
        return
    if fmt == "md":
        _emit(exporting.markdown(view, kind, context.today), out)
        return
    from cadence.store.sheet_writer import csv_text

    rows = exporting.csv_rows(view, kind, context.today)
    if kind == "scorecard":
        _say_other_frequencies(view)
    if kind == "rocks" and any(rock.milestones for rock in view.rocks):
        click.echo("note: a CSV holds the rocks only; their milestones: --kind milestones (or --format xlsx)", err=True)
    _emit(csv_text(rows), out)


def _say_other_frequencies(view: Snapshot) -> None:
    """A CSV holds one frequency's columns: say which measurables it leaves out, and how to get them."""
    from cadence.store.scorecard_export import frequencies_held

    held = frequencies_held(view, None)
    if len(held) > 1:
        others = " / ".join(f"--frequency {frequency.value}" for frequency in held[1:])
        click.echo(
            f"note: this CSV holds the {held[0].value} measurables only; the others: "
            f"cadence scorecard export --format csv {others} (or --format xlsx: a sheet each)",
            err=True,
        )


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        click.echo(safe(text) if sys.stdout.isatty() else text, nl=False)  # no escape sequence reaches a terminal
        return
    write_out(out, text.encode("utf-8"))
    click.echo(f"wrote {safe(str(out))}", err=True)

"""``cadence archive``: move closed history out of the file every edit rewrites.

Finished quarters' rocks, solved issues, done to-dos, past headlines and ended
meetings from before last quarter, and scores older than the scorecard shows,
go to ``archive/<quarter>.json`` (see ``cadence.domain.archiving``). Nothing is
lost: ``check``, ``export`` and every view of history read both as one.
"""

from __future__ import annotations

import click

from cadence.cli.context import CliContext, pass_context
from cadence.store.actions.fields import parse_date_field


@click.command()
@click.option("--dry-run", is_flag=True, help="Say what would move; write nothing.")
@click.option("--as-of", "as_of", metavar="DATE", help="Archive as if today were DATE (default: today).")
@pass_context
def archive(context: CliContext, dry_run: bool, as_of: str | None) -> None:
    """Move closed history into archive/ so edits stay fast; nothing is deleted."""
    day = parse_date_field(as_of, context.today, "--as-of") if as_of else context.today
    report = context.workspace.archive(day, dry_run=dry_run)
    verb = "would move" if dry_run else "moved"
    since = report.window.since.isoformat()
    if not report.total:
        click.echo(f"nothing to archive: everything closed before {since} is archived already")
        return
    for line in report.lines():
        click.echo(f"{verb} to {line}")
    click.echo(f"{verb} {report.total} records: work closed before {since}, and scores older than the scorecard shows")

"""``cadence restore``: list the workspace's backups, or put one back.

Recovery used to mean copying files by hand into a folder others were writing
to. Restoring goes through the store's locked, atomic path instead, after
keeping the current file as a ``pre-restore`` backup, so a restore can itself
be undone with another restore.
"""

from __future__ import annotations

import click

from cadence.cli.context import CliContext, pass_context
from cadence.cli.output import emit_json, safe, table


@click.command()
@click.argument("backup", required=False)
@click.option("--json", "as_json", is_flag=True, help="List the backups as JSON.")
@pass_context
def restore(context: CliContext, backup: str | None, as_json: bool) -> None:
    """List backups (no argument), or replace the workspace with BACKUP after keeping the current file."""
    from cadence.store.backups import list_backups

    workspace = context.workspace
    if backup is None:
        if not workspace.folder.is_dir():
            workspace.read()  # raises the usual "no workspace at ..." message
        found = list_backups(workspace.folder)
        if as_json:
            emit_json(
                [
                    {
                        "name": b.name,
                        "path": str(b.path),
                        "taken": b.taken.isoformat(timespec="seconds"),
                        "size": b.size,
                        "kind": b.kind,
                    }
                    for b in found
                ]
            )
            return
        table(
            ["Backup", "Taken", "Size", "Kind"],
            [[safe(b.name), b.taken.strftime("%Y-%m-%d %H:%M"), f"{b.size:,} B", b.kind] for b in found],
        )
        if found:
            click.echo(f"restore one with: cadence restore {safe(found[-1].name)}", err=True)
        return
    kept = workspace.restore(backup)
    click.echo(f"restored {workspace.path} from {safe(backup)}; the file it replaced is kept as {kept.name}")

"""``cadence init``, ``demo``, ``check``: the workspace as a whole (``export`` is in ``export_command``)."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import click

from cadence.cli.context import CliContext, pass_context
from cadence.cli.output import safe
from cadence.locations import demo_workspace_dir
from cadence.store import Workspace, WorkspaceMissing
from cadence.store.archive import closed_history_count
from cadence.store.integrity import find_problems, record_count


@click.command()
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--company", default="My company", show_default=True, help="The company's name.")
@click.option("--shared", "group", default=None, metavar="GROUP", help="Make it group read/write for GROUP.")
@pass_context
def init(context: CliContext, folder: Path | None, company: str, group: str | None) -> None:
    """Create a workspace (default: --workspace, CADENCE_WORKSPACE or the user data folder)."""
    target = folder or context.folder
    created = Workspace.create(target, company=company, shared_group=group)
    if group is None:
        click.echo(f"created workspace {created.folder}")
        return
    click.echo(f"created workspace {created.folder} shared with group {group}:")
    click.echo(f"  {created.folder}  2770 (group {group}, setgid: files made inside get the group)")
    click.echo(f"  {created.path.name}, {created.lock_path.name}  0660; {created.backups.name}/  2770")
    click.echo(f"  members of {group} can read and write it; nobody else on this machine can read it")


def copy_demo() -> Path:
    """A fresh copy of the bundled demo in a temporary folder, so playing with it harms nothing."""
    source = demo_workspace_dir() / "cadence.json"
    if not source.is_file():
        raise WorkspaceMissing(f"the bundled demo is missing ({source}): reinstall cadence")
    target = Path(tempfile.mkdtemp(prefix="cadence-demo-")) / "workspace"
    target.mkdir()
    shutil.copy2(source, target / "cadence.json")
    return target


@click.command()
@click.option("--path-only", is_flag=True, help="Print the copy's path instead of opening it.")
def demo(path_only: bool) -> None:
    """Open a fresh copy of the bundled demo company."""
    target = copy_demo()
    if path_only:
        click.echo(str(target))
        return
    from cadence.tui.launch import run_tui

    run_tui(target)


@click.command()
@pass_context
def check(context: CliContext) -> None:
    """Validate the whole workspace and report what is wrong (exit 0 when clean)."""
    from cadence.store.sharing import find_sharing_problems

    sharing = find_sharing_problems(context.workspace.folder)
    for problem in sharing:  # before reading: a link at cadence.json stops the read
        click.echo(f"problem: {safe(problem)}")
    view = context.read_history(verify=True)
    records = find_problems(view)
    for problem in records:
        click.echo(f"problem: {safe(problem)}")
    problems = sharing + records
    if problems:
        click.echo(f"{context.workspace.path}: {len(problems)} problems")
        sys.exit(1)
    live = context.read()
    archived = record_count(view) - record_count(live)
    where = f" ({archived} of them in {context.workspace.folder / 'archive'})" if archived else ""
    click.echo(f"{context.workspace.path}: OK, {record_count(view)} records{where}, schema {view.meta.schema_version}")
    closed = closed_history_count(live, context.today)
    if closed:
        records_are = "1 record of closed history is" if closed == 1 else f"{closed} records of closed history are"
        click.echo(f"note: {records_are} in the live file: `cadence archive` moves them")

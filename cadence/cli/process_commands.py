"""``cadence process ...``: the core processes from the shell, as the Vision section's processes screen edits them.

Processes and owners are named by id (``PR-2``, ``P-3``) or by name (any
case, a unique prefix works); steps by their number (1 is the first). Every
change is one store action (``cadence.store.actions.processes``), the same
the screen runs, so a refusal (empty or taken name, unknown or inactive
owner, a step number that is not a step) says why and writes nothing.
``export`` writes the Markdown page the screen's ``x`` writes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from cadence.cli.context import CliContext, pass_context
from cadence.cli.output import dump, emit_json, safe, table, write_out
from cadence.domain.processes import NO_OWNER, processes_markdown, status_line, yes_no
from cadence.store.actions import processes as process_actions

if TYPE_CHECKING:
    from cadence.domain.models import Process
    from cadence.store import Snapshot, Transaction

YES_NO = click.Choice(["yes", "no"], case_sensitive=False)


def _names(view: Snapshot | Transaction) -> dict[str, str]:
    return {person.id: person.name for person in view.people}


def _owner(view: Snapshot | Transaction, process: Process) -> str:
    return view.person_name(process.owner_id) if process.owner_id else NO_OWNER


@click.group()
def process() -> None:
    """Core processes: a named checklist of steps with an owner, documented and followed by all."""


@process.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the processes as stored).")
@pass_context
def process_list(context: CliContext, as_json: bool) -> None:
    """Each process: owner, how many steps, documented, followed by all."""
    view = context.read()
    if as_json:
        emit_json(dump(view.processes))
        return
    if not view.processes:
        click.echo("(no core processes yet: cadence process add NAME --step TEXT ... adds one)")
        return
    rows = [
        [
            item.id,
            item.name,
            _owner(view, item),
            str(len(item.steps)),
            yes_no(item.documented),
            yes_no(item.followed_by_all),
        ]
        for item in view.processes
    ]
    table(["id", "process", "owner", "steps", "documented", "followed by all"], rows)


@process.command("show")
@click.argument("process_name")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the process as stored).")
@pass_context
def process_show(context: CliContext, process_name: str, as_json: bool) -> None:
    """One process: owner, statuses and its numbered steps."""
    view = context.read()
    found = view.find_process(process_name)
    if as_json:
        emit_json(found.model_dump(mode="json"))
        return
    click.echo(f"{found.id} {safe(found.name)}")
    click.echo(f"owner: {safe(_owner(view, found))}")
    click.echo(status_line(found))
    if not found.steps:
        click.echo("(no steps yet: cadence process step add PROCESS TEXT)")
    for number, step in enumerate(found.steps, start=1):
        click.echo(f"{number:>3}. {safe(step)}")


@process.command("add")
@click.argument("name")
@click.option("--owner", default=None, help="Who owns the process (a person's name or id).")
@click.option("--step", "steps", multiple=True, help="A step, in order (repeat for each).")
@pass_context
def process_add(context: CliContext, name: str, owner: str | None, steps: tuple[str, ...]) -> None:
    """Add a process (not yet documented, nor followed by all)."""
    with context.write() as tx:
        added = process_actions.add_process(tx, name, owner, list(steps))
    click.echo(f"{added.id} {safe(added.name)}: {len(added.steps)} steps")


@process.command("rename")
@click.argument("process_name")
@click.argument("name")
@pass_context
def process_rename(context: CliContext, process_name: str, name: str) -> None:
    """Rename a process (names are unique, any case)."""
    with context.write() as tx:
        renamed = process_actions.rename_process(tx, process_name, name)
    click.echo(f"{renamed.id} {safe(renamed.name)}")


@process.command("owner")
@click.argument("process_name")
@click.argument("person", required=False)
@click.option("--none", "nobody", is_flag=True, help="Take the owner off instead.")
@pass_context
def process_owner(context: CliContext, process_name: str, person: str | None, nobody: bool) -> None:
    """Give a process its owner (or --none)."""
    if (person is None) == (not nobody):
        raise click.UsageError("give PERSON or --none (one of them)")
    with context.write() as tx:
        changed = process_actions.set_process_owner(tx, process_name, None if nobody else person)
        owner = _owner(tx, changed)
    click.echo(f"{changed.id} {safe(changed.name)}: owner {safe(owner)}")


@process.group("step")
def step() -> None:
    """A process's steps, by number (1 is the first): add, edit, move, remove."""


def _print_steps(changed: Process) -> None:
    click.echo(f"{changed.id} {safe(changed.name)}: {len(changed.steps)} steps")
    for number, text in enumerate(changed.steps, start=1):
        click.echo(f"{number:>3}. {safe(text)}")


@step.command("add")
@click.argument("process_name")
@click.argument("text")
@click.option("--at", type=int, default=None, help="Its number (the steps from there move down; default: last).")
@pass_context
def step_add(context: CliContext, process_name: str, text: str, at: int | None) -> None:
    """Add a step (last, or at --at N)."""
    with context.write() as tx:
        changed = process_actions.add_step(tx, process_name, text, at)
    _print_steps(changed)


@step.command("edit")
@click.argument("process_name")
@click.argument("number", type=int)
@click.argument("text")
@pass_context
def step_edit(context: CliContext, process_name: str, number: int, text: str) -> None:
    """Rewrite step NUMBER."""
    with context.write() as tx:
        changed = process_actions.edit_step(tx, process_name, number, text)
    _print_steps(changed)


@step.command("move")
@click.argument("process_name")
@click.argument("number", type=int)
@click.argument("to", type=int)
@pass_context
def step_move(context: CliContext, process_name: str, number: int, to: int) -> None:
    """Make step NUMBER step TO (the steps between shift by one)."""
    with context.write() as tx:
        changed = process_actions.move_step(tx, process_name, number, to)
    _print_steps(changed)


@step.command("remove")
@click.argument("process_name")
@click.argument("number", type=int)
@pass_context
def step_remove(context: CliContext, process_name: str, number: int) -> None:
    """Take step NUMBER out (the later steps move up)."""
    with context.write() as tx:
        changed, gone = process_actions.remove_step(tx, process_name, number)
    click.echo(f"removed: {safe(gone)}")
    _print_steps(changed)


@process.command("documented")
@click.argument("process_name")
@click.argument("answer", type=YES_NO)
@pass_context
def process_documented(context: CliContext, process_name: str, answer: str) -> None:
    """Say whether the process is documented (yes or no)."""
    with context.write() as tx:
        changed = process_actions.set_documented(tx, process_name, answer.lower() == "yes")
    click.echo(f"{changed.id} {safe(changed.name)}: {status_line(changed)}")


@process.command("followed")
@click.argument("process_name")
@click.argument("answer", type=YES_NO)
@pass_context
def process_followed(context: CliContext, process_name: str, answer: str) -> None:
    """Say whether the process is followed by all (yes or no)."""
    with context.write() as tx:
        changed = process_actions.set_followed_by_all(tx, process_name, answer.lower() == "yes")
    click.echo(f"{changed.id} {safe(changed.name)}: {status_line(changed)}")


@process.command("delete")
@click.argument("process_name")
@pass_context
def process_delete(context: CliContext, process_name: str) -> None:
    """Delete a process and its steps."""
    with context.write() as tx:
        deleted = process_actions.delete_process(tx, process_name)
    click.echo(f"deleted {deleted.id} {safe(deleted.name)}")


@process.command("export")
@click.argument("process_name", required=False)
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write here (default: stdout)."
)
@pass_context
def process_export(context: CliContext, process_name: str | None, out: Path | None) -> None:
    """One process (or all of them) as a Markdown page: owner, statuses, numbered steps."""
    view = context.read()
    chosen = [view.find_process(process_name)] if process_name else view.processes
    text = processes_markdown(chosen, _names(view), view.meta.company)
    if out is None:
        click.echo(text, nl=False)
        return
    write_out(out, text.encode("utf-8"))
    click.echo(f"wrote {out} (core processes as Markdown)")

"""``cadence seat ...``: the Accountability chart from the shell, as the People section's chart screen edits it.

Seats and people are named by id (``ST-3``, ``P-2``) or by name (any case, a
unique prefix works). Every change is one store action
(``cadence.store.actions.seats``), the same the chart screen runs, so the
rules (five roles, no loops, top seats never under a function) refuse the
same things here, with nothing written. ``list`` draws the tree with its
flags; ``export`` writes the Markdown page the chart screen's ``x`` writes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from cadence.cli.context import CliContext, pass_context
from cadence.cli.output import dump, emit_json, safe, write_out
from cadence.domain.accountability import (
    MAX_SEATS_PER_PERSON,
    chart_lines,
    chart_markdown,
    flag_summary,
    loop_warnings,
)
from cadence.domain.models import SeatKind
from cadence.domain.text import clip
from cadence.store.actions import seats as seat_actions

if TYPE_CHECKING:
    from cadence.store import Snapshot, Transaction

KINDS = click.Choice([kind.value for kind in SeatKind], case_sensitive=False)


@click.group()
def seat() -> None:
    """The Accountability chart: seats, their roles and the people in them."""


def _names(view: Snapshot | Transaction) -> dict[str, str]:
    return {person.id: person.name for person in view.people}


def _stretch_warnings(tx: Transaction, person_ids: list[str]) -> list[str]:
    """A warning for each of these people now in more seats than the chart thinks one person can hold."""
    warnings = []
    for person_id in person_ids:
        held = seat_actions.seats_held(tx, person_id)
        if len(held) > MAX_SEATS_PER_PERSON:
            warnings.append(
                f"warning: {safe(tx.person_name(person_id))} is in {len(held)} seats "
                f"(more than {MAX_SEATS_PER_PERSON}): " + ", ".join(safe(s.name) for s in held)
            )
    return warnings


@seat.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the seats as stored).")
@pass_context
def seat_list(context: CliContext, as_json: bool) -> None:
    """The chart as a tree: each seat, who is in it, its roles; then the flags."""
    view = context.read()
    if as_json:
        emit_json(dump(view.seats))
        return
    if not view.seats:
        click.echo("(no seats yet: cadence seat add NAME starts the chart with its Visionary and Integrator)")
        return
    names = _names(view)
    for line in chart_lines(view.seats):
        seat_ = line.seat
        people = ", ".join(names.get(person, person) for person in seat_.person_ids) or "(nobody)"
        click.echo(f"{line.prefix}{seat_.id} {clip(seat_.name, 40)}: {clip(people, 60)}")
        for role in seat_.roles:
            click.echo(f"{line.under}  · {clip(role, 70)}")
    click.echo(safe(flag_summary(view.seats, names)))
    for warning in loop_warnings(view.seats):
        click.echo(f"warning: {safe(warning)}")


@seat.command("add")
@click.argument("name")
@click.option("--under", default=None, help="The seat it sits under (default: the Integrator seat).")
@click.option("--kind", type=KINDS, default=SeatKind.FUNCTION.value, show_default=True)
@click.option("--role", "roles", multiple=True, help="A role of the seat (repeat, at most 5).")
@click.option("--person", "people", multiple=True, help="Someone in the seat (repeat for several).")
@pass_context
def seat_add(
    context: CliContext, name: str, under: str | None, kind: str, roles: tuple[str, ...], people: tuple[str, ...]
) -> None:
    """Add a seat. An empty chart first gets its Visionary seat and the Integrator seat under it."""
    with context.write() as tx:
        before = {existing.id for existing in tx.seats}
        added = seat_actions.add_seat(tx, name, under, kind, list(roles), list(people))
        made = [top for top in tx.seats if top.id not in before and top.id != added.id]  # an empty chart's top seats
        warnings = _stretch_warnings(tx, added.person_ids)
        where = seat_actions.seat_path(tx, added)
    for top in made:
        click.echo(f"{top.id} {safe(top.name)} (the chart starts with it)")
    click.echo(f"{added.id} {safe(where)}")
    for warning in warnings:
        click.echo(warning, err=True)


@seat.command("rename")
@click.argument("seat_name")
@click.argument("name")
@pass_context
def seat_rename(context: CliContext, seat_name: str, name: str) -> None:
    """Rename a seat (names are unique, any case)."""
    with context.write() as tx:
        renamed = seat_actions.rename_seat(tx, seat_name, name)
    click.echo(f"{renamed.id} {safe(renamed.name)}")


@seat.command("roles")
@click.argument("seat_name")
@click.option("--role", "roles", multiple=True, help="A role (repeat, at most 5); none clears them.")
@pass_context
def seat_roles(context: CliContext, seat_name: str, roles: tuple[str, ...]) -> None:
    """Replace a seat's roles with those given (at most 5)."""
    with context.write() as tx:
        changed = seat_actions.set_seat_roles(tx, seat_name, list(roles))
    click.echo(f"{changed.id} {safe(changed.name)}: {len(changed.roles)} roles")


@seat.command("move")
@click.argument("seat_name")
@click.option("--under", default=None, help="The seat it moves under.")
@click.option("--top", is_flag=True, help="Move it to the top of the chart instead.")
@pass_context
def seat_move(context: CliContext, seat_name: str, under: str | None, top: bool) -> None:
    """Move a seat, with the seats under it, under another seat (or to the top with --top)."""
    if (under is None) == (not top):
        raise click.UsageError("give --under SEAT or --top (one of them)")
    with context.write() as tx:
        moved = seat_actions.move_seat(tx, seat_name, None if top else under)
        where = seat_actions.seat_path(tx, moved)
    click.echo(f"{moved.id} {safe(where)}")


@seat.command("assign")
@click.argument("seat_name")
@click.argument("person_name")
@pass_context
def seat_assign(context: CliContext, seat_name: str, person_name: str) -> None:
    """Put a person in a seat (a seat may hold several people)."""
    with context.write() as tx:
        changed = seat_actions.assign_to_seat(tx, seat_name, person_name)
        names = ", ".join(tx.person_name(person) for person in changed.person_ids)
        warnings = _stretch_warnings(tx, changed.person_ids)
    click.echo(f"{changed.id} {safe(changed.name)}: {safe(names)}")
    for warning in warnings:
        click.echo(warning, err=True)


@seat.command("unassign")
@click.argument("seat_name")
@click.argument("person_name")
@pass_context
def seat_unassign(context: CliContext, seat_name: str, person_name: str) -> None:
    """Take a person out of a seat."""
    with context.write() as tx:
        changed = seat_actions.unassign_from_seat(tx, seat_name, person_name)
        names = ", ".join(tx.person_name(person) for person in changed.person_ids)
    click.echo(f"{changed.id} {safe(changed.name)}: {safe(names) or '(nobody)'}")


@seat.command("delete")
@click.argument("seat_name")
@pass_context
def seat_delete(context: CliContext, seat_name: str) -> None:
    """Delete a seat; the seats under it move up to its parent."""
    with context.write() as tx:
        deleted, moved = seat_actions.delete_seat(tx, seat_name)
        places = [(child, seat_actions.seat_path(tx, child)) for child in moved]
    click.echo(f"deleted {deleted.id} {safe(deleted.name)}")
    for child, where in places:
        click.echo(f"{child.id} {safe(where)}")


@seat.command("export")
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write here (default: stdout)."
)
@pass_context
def seat_export(context: CliContext, out: Path | None) -> None:
    """The chart as one Markdown page (nested list: seats, people, roles; flags at the end)."""
    view = context.read()
    text = chart_markdown(view.seats, _names(view), view.meta.company)
    if out is None:
        click.echo(text, nl=False)
        return
    write_out(out, text.encode("utf-8"))
    click.echo(f"wrote {out} (the Accountability chart as Markdown)")

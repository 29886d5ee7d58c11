"""``cadence person ...`` and ``cadence team ...``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import click

from cadence.cli.context import CliContext, pass_context
from cadence.cli.output import dump, emit_json, safe, table
from cadence.store import actions
from cadence.store.errors import InputError


@click.group()
def person() -> None:
    """People in the workspace."""


@person.command("add")
@click.argument("name")
@click.option("--role", default="member", show_default=True, help="visionary, integrator or member")
@click.option("--team", "team", default=None, help="Add to this team (name or id).")
@click.option("--replace", is_flag=True, help="Take the Visionary/Integrator seat from whoever holds it.")
@pass_context
def person_add(context: CliContext, name: str, role: str, team: str | None, replace: bool) -> None:
    """Add a person (one Visionary and one Integrator per workspace)."""
    with _seat_hint(), context.write() as tx:
        added = actions.add_person(tx, name, role, team, replace=replace)
    click.echo(f"{added.id} {safe(added.name)}")
    if replace and added.role.value in ("visionary", "integrator"):
        click.echo(f"{added.id} is now the {added.role.value.capitalize()}; whoever held the seat is a member")


@person.command("role")
@click.argument("person_name")
@click.argument("role", type=click.Choice(["visionary", "integrator", "member"], case_sensitive=False))
@click.option("--replace", is_flag=True, help="Take the Visionary/Integrator seat from whoever holds it.")
@pass_context
def person_role(context: CliContext, person_name: str, role: str, replace: bool) -> None:
    """Give a person a role (one Visionary and one Integrator per workspace)."""
    with _seat_hint(), context.write() as tx:
        changed, moved = actions.set_role(tx, person_name, role, replace=replace)
    click.echo(f"{changed.id} {safe(changed.name)}: {changed.role.value}")
    for other in moved:
        click.echo(f"{other.id} {safe(other.name)}: member")


@person.command("edit")
@click.argument("person_name")
@click.option("--name", default=None, help="New name (unique, any case).")
@click.option("--email", default=None, help="Email address (an empty value clears it).")
@pass_context
def person_edit(context: CliContext, person_name: str, name: str | None, email: str | None) -> None:
    """Rename a person or set their email; what is not given stays as it is."""
    if name is None and email is None:
        raise click.UsageError("nothing to change: give --name and/or --email")
    with context.write() as tx:
        edited = actions.edit_person(tx, person_name, name, email)
    click.echo(f"{edited.id} {safe(edited.name)}" + (f" <{safe(edited.email)}>" if edited.email else ""))


@person.command("deactivate")
@click.argument("person_name")
@pass_context
def person_deactivate(context: CliContext, person_name: str) -> None:
    """Deactivate a person: their records stay theirs; they leave their teams, seats and Visionary/Integrator role."""
    with context.write() as tx:
        changed = actions.set_active(tx, person_name, False)
    click.echo(f"{changed.id} {safe(changed.name)}: inactive")


@person.command("activate")
@click.argument("person_name")
@pass_context
def person_activate(context: CliContext, person_name: str) -> None:
    """Bring a deactivated person back (as a member, on no team: join them to teams again)."""
    with context.write() as tx:
        changed = actions.set_active(tx, person_name, True)
    click.echo(f"{changed.id} {safe(changed.name)}: active")


@contextmanager
def _seat_hint() -> Iterator[None]:
    """A taken seat says how to hand it over from the shell."""
    try:
        yield
    except actions.SeatTaken as taken:
        raise InputError(f"{taken}; run again with --replace to do that") from None


@person.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def person_list(context: CliContext, as_json: bool) -> None:
    """List people with their role and teams."""
    view = context.read()
    if as_json:
        emit_json(dump(view.people))
        return
    teams_of = {
        person.id: ", ".join(team.name for team in view.teams if person.id in team.member_ids) for person in view.people
    }
    table(
        ["ID", "NAME", "ROLE", "TEAMS"],
        [[p.id, p.name, p.role.value, teams_of[p.id]] for p in view.people],
    )


@click.group()
def team() -> None:
    """Teams (each has its own meeting, scorecard and issues)."""


@team.command("add")
@click.argument("name")
@click.option("--leadership", is_flag=True, help="The leadership team.")
@pass_context
def team_add(context: CliContext, name: str, leadership: bool) -> None:
    """Add a team."""
    with context.write() as tx:
        added = actions.add_team(tx, name, leadership)
    click.echo(f"{added.id} {safe(added.name)}")


@team.command("join")
@click.argument("team_name")
@click.argument("person_name")
@pass_context
def team_join(context: CliContext, team_name: str, person_name: str) -> None:
    """Add a person to a team."""
    with context.write() as tx:
        joined = actions.join_team(tx, person_name, team_name)
    click.echo(f"{joined.id} {safe(joined.name)}: {len(joined.member_ids)} members")


@team.command("leave")
@click.argument("team_name")
@click.argument("person_name")
@pass_context
def team_leave(context: CliContext, team_name: str, person_name: str) -> None:
    """Take a person off a team (their records stay theirs)."""
    with context.write() as tx:
        left = actions.leave_team(tx, person_name, team_name)
    click.echo(f"{left.id} {safe(left.name)}: {len(left.member_ids)} members")


@team.command("edit")
@click.argument("team_name")
@click.option("--name", default=None, help="New name (unique, any case).")
@click.option("--leadership/--no-leadership", default=None, help="The leadership team, or not.")
@pass_context
def team_edit(context: CliContext, team_name: str, name: str | None, leadership: bool | None) -> None:
    """Rename a team or make it the leadership team (or not); what is not given stays as it is."""
    if name is None and leadership is None:
        raise click.UsageError("nothing to change: give --name and/or --leadership/--no-leadership")
    with context.write() as tx:
        edited = actions.edit_team(tx, team_name, name, leadership)
    click.echo(f"{edited.id} {safe(edited.name)}: {'leadership' if edited.leadership else 'team'}")


@team.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def team_list(context: CliContext, as_json: bool) -> None:
    """List teams and their members."""
    view = context.read()
    if as_json:
        emit_json(dump(view.teams))
        return
    table(
        ["ID", "NAME", "KIND", "MEMBERS"],
        [
            [
                t.id,
                t.name,
                "leadership" if t.leadership else "team",
                ", ".join(view.person_name(m) for m in t.member_ids),
            ]
            for t in view.teams
        ],
    )

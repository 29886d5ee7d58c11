"""``cadence rock ...``: quarterly priorities and their milestones.

Every command calls the store action the Rocks panel's key calls, so a rock
edited, moved, dropped or deleted here follows the same rules as in the app.
"""

from __future__ import annotations

import click

from cadence.cli.context import CliContext, pass_context
from cadence.cli.history import archived_line, read_for, read_only_when_archived
from cadence.cli.output import dump, emit_json, safe, table
from cadence.domain.ids import Kind
from cadence.store import actions

ROCK_ID = ("rock_id", Kind.ROCK)


@click.group()
def rock() -> None:
    """Rocks: 90-day priorities."""


@rock.command("add")
@click.argument("title")
@click.option("--owner", required=True, help="Person (name or id).")
@click.option("--company", is_flag=True, help="A company rock rather than an individual one.")
@click.option("--quarter", default=None, help="Like 2026-Q4; default: this quarter.")
@click.option("--due", default=None, help="Due date (2026-12-04, friday, +30d); default: the quarter's last day.")
@click.option("--team", default=None, help="Team (name or id).")
@pass_context
def rock_add(
    context: CliContext, title: str, owner: str, company: bool, quarter: str | None, due: str | None, team: str | None
) -> None:
    """Add a rock."""
    with context.write() as tx:
        added, warnings = actions.add_rock(
            tx, title, owner, context.today, company=company, quarter=quarter, due=due, team=team
        )
    click.echo(f"{added.id} {safe(added.title)} ({added.quarter})")
    for warning in warnings:
        click.echo(f"warning: {safe(warning)}", err=True)


@rock.command("list")
@click.option(
    "--quarter",
    default=None,
    help="Like 2026-Q4; default: this quarter. 'all' for every quarter. Quarters before last come from the archive.",
)
@click.option("--owner", default=None, help="Only this person's rocks.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def rock_list(context: CliContext, quarter: str | None, owner: str | None, as_json: bool) -> None:
    """List rocks."""
    view = context.read()
    if quarter == "all":
        view = context.read_history()
    else:
        label = actions.parse_quarter_field(view, quarter) if quarter else view.quarter_of(context.today).label
        if label < view.quarter_of(context.today).previous().label:  # "2025-Q1" < "2026-Q3": labels sort by time
            view = context.read_history()
    rocks = view.rocks
    if quarter != "all":
        rocks = [r for r in rocks if r.quarter == label]
    if owner:
        owner_id = view.find_person(owner).id
        rocks = [r for r in rocks if r.owner_id == owner_id]
    if as_json:
        emit_json(dump(rocks))
        return
    table(
        ["ID", "QUARTER", "STATUS", "OWNER", "MILESTONES", "TITLE"],
        [
            [
                r.id,
                r.quarter,
                r.status.value,
                ("company / " if r.company else "") + view.person_name(r.owner_id),
                f"{sum(m.done for m in r.milestones)}/{len(r.milestones)}",
                r.title,
            ]
            for r in rocks
        ],
    )


@rock.command("set")
@click.argument("rock_id")
@click.option("--status", required=True, help="on-track, off-track, done or not-done (at quarter end).")
@pass_context
@read_only_when_archived(ROCK_ID)
def rock_set(context: CliContext, rock_id: str, status: str) -> None:
    """Change a rock's status."""
    with context.write() as tx:
        changed = actions.set_rock_status(tx, rock_id, status, context.today)
    click.echo(f"{changed.id} {changed.status.value}")


@rock.command("milestone")
@click.argument("rock_id")
@click.argument("title")
@click.option("--due", required=True, help="Due date (2026-12-04, friday, +14d).")
@pass_context
@read_only_when_archived(ROCK_ID)
def rock_milestone(context: CliContext, rock_id: str, title: str, due: str) -> None:
    """Add a milestone to a rock; prints its id (MS-4) for milestone-done and milestone-delete."""
    with context.write() as tx:
        changed = actions.add_milestone(tx, rock_id, title, due, context.today)
    click.echo(f"{changed.id} {changed.milestones[-1].id}: {len(changed.milestones)} milestones")


@rock.command("show")
@click.argument("rock_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def rock_show(context: CliContext, rock_id: str, as_json: bool) -> None:
    """One rock with its milestones and their ids."""
    view, archived = read_for(context, Kind.ROCK, rock_id)
    shown = view.rock(rock_id)
    if as_json:
        emit_json(dump([shown])[0])
        return
    owner = ("company / " if shown.company else "") + view.person_name(shown.owner_id)
    click.echo(f"{shown.id} {safe(shown.title)}")
    click.echo(f"{shown.quarter} · {shown.status.value} · {safe(owner)} · due {shown.due or '-'}")
    if archived:
        click.echo(archived_line(view, Kind.ROCK, shown.id))
    table(
        ["MILESTONE", "DONE", "DUE", "TITLE"],
        [[m.id, "x" if m.done else "", str(m.due or "-"), m.title] for m in shown.milestones],
    )


@rock.command("milestone-done")
@click.argument("rock_id")
@click.argument("milestone_id")
@click.option("--undo", is_flag=True, help="Mark it not done again.")
@pass_context
@read_only_when_archived(ROCK_ID)
def rock_milestone_done(context: CliContext, rock_id: str, milestone_id: str, undo: bool) -> None:
    """Tick a milestone by its id (MS-4): cadence rock milestone-done R-3 MS-4."""
    with context.write() as tx:
        changed = actions.set_milestone_done(tx, rock_id, milestone_id, done=not undo)
        _, milestone = actions.find_milestone(tx, changed.id, milestone_id)
    click.echo(f"{changed.id} {milestone.id} {'done' if milestone.done else 'open'}: {safe(milestone.title)}")


@rock.command("milestone-delete")
@click.argument("rock_id")
@click.argument("milestone_id")
@pass_context
@read_only_when_archived(ROCK_ID)
def rock_milestone_delete(context: CliContext, rock_id: str, milestone_id: str) -> None:
    """Delete a milestone by its id (MS-4)."""
    with context.write() as tx:
        _, milestone = actions.find_milestone(tx, rock_id, milestone_id)
        changed = actions.remove_milestone(tx, rock_id, milestone.id)
    click.echo(f"{changed.id} {milestone.id} deleted: {safe(milestone.title)}")


@rock.command("edit")
@click.argument("rock_id")
@click.option("--title", default=None, help="New title.")
@click.option("--due", default=None, help="Due date (2026-12-04, friday, +30d); '' for none.")
@click.option("--description", default=None, help="New description ('' to clear it).")
@click.option("--owner", default=None, help="New owner (name or id, an active person).")
@pass_context
@read_only_when_archived(ROCK_ID)
def rock_edit(
    context: CliContext,
    rock_id: str,
    title: str | None,
    due: str | None,
    description: str | None,
    owner: str | None,
) -> None:
    """Change a rock's title, due date, description or owner; what is not given stays."""
    if title is None and due is None and description is None and owner is None:
        raise click.UsageError("nothing to change: give --title, --due, --description or --owner")
    with context.write() as tx:
        changed = actions.edit_rock(
            tx, rock_id, context.today, title=title, due=due, description=description, owner=owner
        )
    click.echo(f"{changed.id} {safe(changed.title)} (due {changed.due or '-'})")


@rock.command("delete")
@click.argument("rock_id")
@pass_context
@read_only_when_archived(ROCK_ID)
def rock_delete(context: CliContext, rock_id: str) -> None:
    """Delete a rock and its milestones."""
    with context.write() as tx:
        deleted = actions.delete_rock(tx, rock_id)
    click.echo(f"{deleted.id} deleted: {safe(deleted.title)}")


@rock.command("drop")
@click.argument("rock_id")
@pass_context
@read_only_when_archived(ROCK_ID)
def rock_drop(context: CliContext, rock_id: str) -> None:
    """Drop a rock to the Issues list (owned by the rock's owner, on its team's list)."""
    with context.write() as tx:
        issue = actions.drop_rock_to_issues(tx, rock_id, context.today)
    click.echo(f"{issue.id} added to the Issues list: {safe(issue.title)}")


@rock.command("move")
@click.argument("rock_id")
@click.argument("quarter")
@pass_context
@read_only_when_archived(ROCK_ID)
def rock_move(context: CliContext, rock_id: str, quarter: str) -> None:
    """Move a rock to another quarter (2027-Q1, or next / previous); a due date outside it moves to its last day."""
    with context.write() as tx:
        step = {"next": 1, "previous": -1}.get(quarter.strip().lower())
        if step is None:
            moved = actions.move_rock(tx, rock_id, quarter)
        else:
            moved = actions.shift_rock_quarter(tx, rock_id, step)
    click.echo(f"{moved.id} is in {moved.quarter} (due {moved.due or '-'})")


@rock.command("milestone-edit")
@click.argument("rock_id")
@click.argument("milestone_id")
@click.option("--title", default=None, help="New title.")
@click.option("--due", default=None, help="Due date (2026-12-04, friday, +14d); '' for none.")
@pass_context
@read_only_when_archived(ROCK_ID)
def rock_milestone_edit(
    context: CliContext, rock_id: str, milestone_id: str, title: str | None, due: str | None
) -> None:
    """Change a milestone's title or due date, by its id (MS-4); what is not given stays."""
    if title is None and due is None:
        raise click.UsageError("nothing to change: give --title or --due")
    with context.write() as tx:
        changed = actions.edit_milestone(tx, rock_id, milestone_id, title, due, context.today)
        _, milestone = actions.find_milestone(tx, changed.id, milestone_id)
    click.echo(f"{changed.id} {milestone.id} (due {milestone.due or '-'}): {safe(milestone.title)}")

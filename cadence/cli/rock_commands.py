"""``cadence rock ...``: quarterly priorities."""

from __future__ import annotations

import click

from cadence.cli.context import CliContext, pass_context
from cadence.cli.output import dump, emit_json, safe, table
from cadence.store import actions


@click.group()
def rock() -> None:
    """Rocks: 90-day priorities."""


@rock.command("add")
@click.argument("title")
@click.option("--owner", required=True, help="Person (name or id).")
@click.option("--company", is_flag=True, help="A company rock rather than an individual one.")
@click.option("--quarter", default=None, help="Like 2026-Q4; default: this quarter.")
@click.option("--due", default=None, help="Due date (2026-12-04, friday, +30d).")
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
@click.option("--quarter", default=None, help="Like 2026-Q4; default: this quarter. 'all' for every quarter.")
@click.option("--owner", default=None, help="Only this person's rocks.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def rock_list(context: CliContext, quarter: str | None, owner: str | None, as_json: bool) -> None:
    """List rocks."""
    view = context.read()
    rocks = view.rocks
    if quarter != "all":
        label = actions.parse_quarter_field(view, quarter) if quarter else view.quarter_of(context.today).label
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
def rock_milestone(context: CliContext, rock_id: str, title: str, due: str) -> None:
    """Add a milestone to a rock."""
    with context.write() as tx:
        changed = actions.add_milestone(tx, rock_id, title, due, context.today)
    click.echo(f"{changed.id}: {len(changed.milestones)} milestones")

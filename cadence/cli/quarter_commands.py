"""``cadence quarter ...``: the quarter's review figures, closing it, and the milestone rule.

The same store actions the quarterly session's meeting sections call, so a
quarter closed from a script follows the meeting's rule: every unfinished rock
is decided explicitly, or nothing is written.
"""

from __future__ import annotations

import click

from cadence.cli.context import CliContext, pass_context
from cadence.cli.output import emit_json, safe
from cadence.domain.metrics import ROCK_GOAL, TODO_GOAL
from cadence.domain.models import QuarterClosing
from cadence.domain.quarter_close import percent
from cadence.store.actions import quarters
from cadence.store.view import View


@click.group()
def quarter() -> None:
    """The quarter: review its figures, close it, turn milestones into to-dos."""


@quarter.command("review")
@click.option(
    "--quarter", "label", default=None, help="Like 2026-Q4; default: the quarter a session held today reviews."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def quarter_review(context: CliContext, label: str | None, as_json: bool) -> None:
    """Rocks done against 80%, to-dos done against 90%, meeting ratings, rocks still undecided."""
    view = context.read()
    review = quarters.review_quarter_of(view, quarters.quarter_to_review(view, label, context.today))
    closings = [closing for closing in view.meta.closed_quarters if closing.quarter == review.quarter]
    if as_json:
        emit_json(
            {
                "quarter": review.quarter,
                "rocks": {"done": review.rocks_done, "total": review.rocks_total, "rate": review.rock_rate},
                "rock_goal": ROCK_GOAL,
                "todos": {"done": review.todos_done, "total": review.todos_total, "rate": review.todo_rate},
                "todo_goal": TODO_GOAL,
                "meeting_ratings": review.ratings,
                "average_rating": review.average_rating,
                "undecided": review.undecided_ids,
                "closed": [closing.model_dump(mode="json") for closing in closings],
            }
        )
        return
    average = "-" if review.average_rating is None else f"{review.average_rating:.1f}"
    click.echo(f"Quarter {review.quarter}")
    rocks = f"{review.rocks_done}/{review.rocks_total} {percent(review.rock_rate)}"
    todos = f"{review.todos_done}/{review.todos_total} {percent(review.todo_rate)}"
    click.echo(f"Rocks done:   {rocks} (goal {percent(ROCK_GOAL)})")
    click.echo(f"To-dos done:  {todos} (goal {percent(TODO_GOAL)})")
    click.echo(f"Meetings:     {len(review.ratings)} rated, average {average}")
    click.echo(f"Undecided:    {', '.join(review.undecided_ids) or 'none'}")
    click.echo(f"Closed:       {'; '.join(closed_text(view, closing) for closing in closings) or 'no'}")


def closed_text(view: View, closing: QuarterClosing) -> str:
    """``2026-12-01 at MT-12 for Leadership``: when, at which meeting, for which team (none: every rock)."""
    text = str(closing.closed_on)
    if closing.meeting_id:
        text += f" at {closing.meeting_id}"
    if closing.team_id:
        team = next((team for team in view.teams if team.id == closing.team_id), None)
        text += f" for {safe(team.name) if team else closing.team_id}"
    return text


@quarter.command("close")
@click.argument("label", metavar="QUARTER")
@click.option("--carry", multiple=True, metavar="ROCK", help="Carry this rock into the next quarter (repeat).")
@click.option("--not-done", "not_done", multiple=True, metavar="ROCK", help="Mark this rock not done (repeat).")
@click.option("--done", multiple=True, metavar="ROCK", help="Mark this rock done (repeat).")
@click.option(
    "--team",
    default=None,
    help="Close for one team (its rocks; a leadership team's, the company rocks too); default: every rock.",
)
@pass_context
def quarter_close(
    context: CliContext,
    label: str,
    carry: tuple[str, ...],
    not_done: tuple[str, ...],
    done: tuple[str, ...],
    team: str | None,
) -> None:
    """Close QUARTER: each unfinished rock carried, not done or done; refused while any is undecided.

    The close is recorded (``cadence quarter review`` shows it). Closed already with nothing left to decide,
    it says so and writes nothing."""
    with context.write() as tx:
        closed = quarters.close_quarter(tx, label, context.today, carry=carry, not_done=not_done, done=done, team=team)
    if closed.already is not None:
        click.echo(f"{safe(closed.quarter)} was closed already: {closed_text(context.read(), closed.already)}")
        return
    for old, new in closed.carried:
        click.echo(f"{old} carried: {new}")
    for rock_id in closed.not_done:
        click.echo(f"{rock_id} not done")
    for rock_id in closed.done:
        click.echo(f"{rock_id} done")
    click.echo(f"{safe(closed.quarter)} closed")


@quarter.command("settle")
@click.argument("rock_id", metavar="ROCK")
@click.argument("decision", type=click.Choice(["carry", "not-done", "done"]))
@pass_context
def quarter_settle(context: CliContext, rock_id: str, decision: str) -> None:
    """One unfinished rock: carry it into the next quarter, or mark it not done or done."""
    with context.write() as tx:
        rock = quarters.settle_rock(tx, rock_id, decision, context.today)
    if decision == "carry":
        click.echo(f"{rock_id.upper()} carried: {rock.id} ({rock.quarter})")
    else:
        click.echo(f"{rock.id} {decision}")


@quarter.command("milestone-todos")
@click.argument("what", type=click.Choice(["on", "off", "run", "status"]))
@pass_context
def milestone_todos(context: CliContext, what: str) -> None:
    """Milestones due in the coming week become to-dos for their owner, once each.

    on/off: the rule (it also runs when a weekly meeting starts); run: apply it now; status: on or off.
    """
    if what == "status":
        click.echo("on" if context.read().meta.milestone_todos else "off")
        return
    with context.write() as tx:
        if what in ("on", "off"):
            quarters.set_milestone_todos(tx, what == "on")
            made = []
        else:
            made = quarters.run_milestone_todos(tx, context.today)
            rule_on = tx.meta.milestone_todos
    if what in ("on", "off"):
        click.echo(f"milestone to-dos {what}")
        return
    if not rule_on:
        click.echo("milestone to-dos are off (cadence quarter milestone-todos on)", err=True)
        return
    for todo in made:
        click.echo(f"{todo.id} {safe(todo.title)} (due {todo.due})")
    if not made:
        click.echo("no milestone due in the coming week without its to-do")

"""``cadence issue ...`` and ``cadence todo ...``."""

from __future__ import annotations

import click

from cadence.cli.context import CliContext, pass_context
from cadence.cli.history import read_only_when_archived
from cadence.cli.output import dump, emit_json, safe, table
from cadence.domain.ids import Kind
from cadence.domain.models import IssueStatus
from cadence.store import actions

ISSUE_ID = ("issue_id", Kind.ISSUE)
TODO_ID = ("todo_id", Kind.TODO)


@click.group()
def issue() -> None:
    """The Issues list, worked with IDS."""


@issue.command("add")
@click.argument("title")
@click.option("--owner", default=None, help="Person (name or id).")
@click.option("--long-term", is_flag=True, help="For the next quarterly session rather than this week.")
@click.option("--team", default=None, help="Team (name or id).")
@pass_context
def issue_add(context: CliContext, title: str, owner: str | None, long_term: bool, team: str | None) -> None:
    """Add an issue."""
    with context.write() as tx:
        added = actions.add_issue(tx, title, context.today, owner=owner, long_term=long_term, team=team)
    click.echo(f"{added.id} {safe(added.title)} ({added.term.value}-term)")


@issue.command("list")
@click.option(
    "--all", "show_all", is_flag=True, help="Include solved and dropped issues, archived ones too (reads the archive)."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def issue_list(context: CliContext, show_all: bool, as_json: bool) -> None:
    """List open issues, top 3 first."""
    view = context.read_history() if show_all else context.read()
    issues = view.issues if show_all else [i for i in view.issues if i.status is IssueStatus.OPEN]
    issues = sorted(issues, key=lambda i: (i.term.value != "short", i.rank or 9))
    if as_json:
        emit_json(dump(issues))
        return
    table(
        ["ID", "TERM", "TOP", "STATUS", "OWNER", "TITLE"],
        [
            [i.id, i.term.value, str(i.rank or ""), i.status.value, view.person_name(i.owner_id), i.title]
            for i in issues
        ],
    )


@issue.command("solve")
@click.argument("issue_id")
@click.option("--decision", required=True, help="What was decided.")
@click.option("--todo", "todos", multiple=True, help='A to-do it creates, "TITLE@OWNER" (repeatable).')
@pass_context
@read_only_when_archived(ISSUE_ID)
def issue_solve(context: CliContext, issue_id: str, decision: str, todos: tuple[str, ...]) -> None:
    """Solve an issue: record the decision and create its to-dos."""
    specs = [actions.parse_todo_spec(spec) for spec in todos]
    with context.write() as tx:
        solved, created = actions.solve_issue(tx, issue_id, decision, context.today, specs)
    click.echo(f"{solved.id} solved")
    for todo in created:
        click.echo(f"{todo.id} {safe(todo.title)} (due {todo.due})")


@issue.command("edit")
@click.argument("issue_id")
@click.option("--title", default=None, help="What the issue is.")
@click.option("--description", default=None, help="More about it.")
@click.option("--root-cause", default=None, help="Why it happens (what Identify found).")
@click.option("--owner", default=None, help='Whose it is (name or id); "" for nobody.')
@pass_context
@read_only_when_archived(ISSUE_ID)
def issue_edit(
    context: CliContext,
    issue_id: str,
    title: str | None,
    description: str | None,
    root_cause: str | None,
    owner: str | None,
) -> None:
    """Change an issue's title, description, root cause or owner."""
    with context.write() as tx:
        edited = actions.edit_issue(
            tx, issue_id, title=title, description=description, root_cause=root_cause, owner=owner
        )
    click.echo(f"{edited.id} {safe(edited.title)} (saved)")


@issue.command("rank")
@click.argument("issue_id")
@click.argument("rank", type=click.IntRange(1, 3))
@pass_context
@read_only_when_archived(ISSUE_ID)
def issue_rank(context: CliContext, issue_id: str, rank: int) -> None:
    """Make an issue #1, #2 or #3 of its team's top 3 (whoever held that rank gives it up)."""
    with context.write() as tx:
        ranked = actions.set_issue_rank(tx, issue_id, rank)
    click.echo(f"{ranked.id} is #{rank} of the top 3")


@issue.command("unrank")
@click.argument("issue_id")
@pass_context
@read_only_when_archived(ISSUE_ID)
def issue_unrank(context: CliContext, issue_id: str) -> None:
    """Take an issue out of the top 3."""
    with context.write() as tx:
        unranked = actions.set_issue_rank(tx, issue_id, None)
    click.echo(f"{unranked.id} is out of the top 3")


@issue.command("move")
@click.argument("issue_id")
@click.option(
    "--to",
    "term",
    type=click.Choice(["short", "long"]),
    default=None,
    help="The list to move it to (default: the other one).",
)
@pass_context
@read_only_when_archived(ISSUE_ID)
def issue_move(context: CliContext, issue_id: str, term: str | None) -> None:
    """Move an issue between the short-term and long-term lists (it leaves the top 3)."""
    with context.write() as tx:
        moved = actions.move_issue(tx, issue_id, term)
    click.echo(f"{moved.id} is on the {moved.term.value}-term list")


@issue.command("drop")
@click.argument("issue_id")
@pass_context
@read_only_when_archived(ISSUE_ID)
def issue_drop(context: CliContext, issue_id: str) -> None:
    """No longer an issue: kept on record as dropped."""
    with context.write() as tx:
        dropped = actions.drop_issue(tx, issue_id, context.today)
    click.echo(f"{dropped.id} dropped")


@issue.command("delete")
@click.argument("issue_id")
@pass_context
@read_only_when_archived(ISSUE_ID)
def issue_delete(context: CliContext, issue_id: str) -> None:
    """Delete an issue for good (drop keeps it on record)."""
    with context.write() as tx:
        deleted = actions.delete_issue(tx, issue_id)
    click.echo(f"{deleted.id} deleted")


@click.group()
def todo() -> None:
    """7-day to-dos."""


@todo.command("add")
@click.argument("title")
@click.option("--owner", required=True, help="Person (name or id).")
@click.option("--due", default=None, help="Due date (default: in 7 days).")
@pass_context
def todo_add(context: CliContext, title: str, owner: str, due: str | None) -> None:
    """Add a to-do."""
    with context.write() as tx:
        added = actions.add_todo(tx, title, owner, context.today, due=due)
    click.echo(f"{added.id} {safe(added.title)} (due {added.due})")


@todo.command("list")
@click.option("--open", "only_open", is_flag=True, help="Only to-dos not done.")
@click.option(
    "--all", "show_all", is_flag=True, help="Include to-dos done before last quarter, from the archive (slower)."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def todo_list(context: CliContext, only_open: bool, show_all: bool, as_json: bool) -> None:
    """List to-dos (those archived, done before last quarter, only with --all)."""
    view = context.read_history() if show_all and not only_open else context.read()
    todos = [t for t in view.todos if not (only_open and t.done)]
    if as_json:
        emit_json(dump(todos))
        return
    today = context.today
    table(
        ["ID", "DONE", "DUE", "OWNER", "TITLE"],
        [
            [
                t.id,
                "x" if t.done else ("OVERDUE" if t.due < today else ""),
                t.due.isoformat(),
                view.person_name(t.owner_id),
                t.title,
            ]
            for t in todos
        ],
    )


@todo.command("done")
@click.argument("todo_id")
@click.option("--undo", is_flag=True, help="Mark it not done again.")
@pass_context
@read_only_when_archived(TODO_ID)
def todo_done(context: CliContext, todo_id: str, undo: bool) -> None:
    """Mark a to-do done."""
    with context.write() as tx:
        changed = actions.set_todo_done(tx, todo_id, context.today, done=not undo)
    click.echo(f"{changed.id} {'done' if changed.done else 'not done'}")


@todo.command("edit")
@click.argument("todo_id")
@click.option("--title", default=None, help="What is to be done.")
@click.option("--due", default=None, help="Due date (friday, +3d, 2026-12-04).")
@pass_context
@read_only_when_archived(TODO_ID)
def todo_edit(context: CliContext, todo_id: str, title: str | None, due: str | None) -> None:
    """Change a to-do's title or due date."""
    with context.write() as tx:
        edited = actions.edit_todo(tx, todo_id, context.today, title=title, due=due)
    click.echo(f"{edited.id} {safe(edited.title)} (due {edited.due})")


@todo.command("reassign")
@click.argument("todo_id")
@click.argument("owner")
@pass_context
@read_only_when_archived(TODO_ID)
def todo_reassign(context: CliContext, todo_id: str, owner: str) -> None:
    """Give a to-do to someone else (an active person)."""
    with context.write() as tx:
        changed = actions.reassign_todo(tx, todo_id, owner)
        name = tx.person_name(changed.owner_id)
    click.echo(f"{changed.id} now {safe(name)}'s")


@todo.command("drop")
@click.argument("todo_id")
@pass_context
@read_only_when_archived(TODO_ID)
def todo_drop(context: CliContext, todo_id: str) -> None:
    """Drop a to-do to the Issues list (once while that issue is open)."""
    with context.write() as tx:
        issue = actions.drop_todo_to_issues(tx, todo_id, context.today)
    click.echo(f"{issue.id} {safe(issue.title)}")


@todo.command("delete")
@click.argument("todo_id")
@pass_context
@read_only_when_archived(TODO_ID)
def todo_delete(context: CliContext, todo_id: str) -> None:
    """Delete a to-do for good."""
    with context.write() as tx:
        deleted = actions.delete_todo(tx, todo_id)
    click.echo(f"{deleted.id} deleted")

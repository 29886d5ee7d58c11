"""``cadence headline ...``: customer and employee news, and dropping one to the Issues list.

The same store actions the Headlines panel calls, so a headline dropped here
is dropped once, as in the app.
"""

from __future__ import annotations

import click

from cadence.cli.context import CliContext, pass_context
from cadence.cli.history import read_only_when_archived
from cadence.cli.output import dump, emit_json, safe, table
from cadence.domain.ids import Kind
from cadence.store import actions

HEADLINE_ID = ("headline_id", Kind.HEADLINE)


@click.group()
def headline() -> None:
    """Customer and employee headlines."""


@headline.command("add")
@click.argument("text")
@click.option("--kind", required=True, help="customer or employee")
@click.option("--by", default=None, help="Who brings it (name or id).")
@click.option("--bad", is_flag=True, help="Bad news rather than good.")
@click.option("--team", default=None, help="Team (name or id).")
@pass_context
def headline_add(context: CliContext, text: str, kind: str, by: str | None, bad: bool, team: str | None) -> None:
    """Add a headline."""
    with context.write() as tx:
        added = actions.add_headline(tx, text, kind, context.today, by=by, good=not bad, team=team)
    click.echo(f"{added.id} {safe(added.text)}")


@headline.command("list")
@click.option("--all", "show_all", is_flag=True, help="Include headlines from before last quarter, from the archive.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def headline_list(context: CliContext, show_all: bool, as_json: bool) -> None:
    """List headlines (those archived, given before last quarter, only with --all)."""
    view = context.read_history() if show_all else context.read()
    if as_json:
        emit_json(dump(view.headlines))
        return
    table(
        ["ID", "KIND", "NEWS", "BY", "ISSUE", "TEXT"],
        [
            [
                h.id,
                h.headline_kind.value,
                "good" if h.good else "bad",
                view.person_name(h.by_id),
                h.dropped_to or "",
                h.text,
            ]
            for h in view.headlines
        ],
    )


@headline.command("drop")
@click.argument("headline_id")
@pass_context
@read_only_when_archived(HEADLINE_ID)
def headline_drop(context: CliContext, headline_id: str) -> None:
    """Drop a headline to the Issues list (once: it remembers the issue)."""
    with context.write() as tx:
        issue = actions.drop_headline_to_issues(tx, headline_id, context.today)
    click.echo(f"{issue.id} added to the Issues list: {safe(issue.title)}")


@headline.command("delete")
@click.argument("headline_id")
@pass_context
@read_only_when_archived(HEADLINE_ID)
def headline_delete(context: CliContext, headline_id: str) -> None:
    """Delete a headline (an issue it was dropped to stays)."""
    with context.write() as tx:
        deleted = actions.delete_headline(tx, headline_id)
    click.echo(f"{deleted.id} deleted: {safe(deleted.text)}")

"""To-dos: 7-day action items with one owner (an active person), edited, reassigned, done or deleted.

The TUI's To-Dos panel and ``cadence todo ...`` both call these, so the rules
(an owner who is still with the company, a due date people can type) hold
whichever way a to-do changes.
"""

from __future__ import annotations

from datetime import date, timedelta

from cadence.domain.models import Person, Todo
from cadence.store.actions.fields import TODO_DAYS, parse_date_field
from cadence.store.errors import InputError
from cadence.store.transaction import Transaction
from cadence.store.view import View


def find_active_person(view: View, text: str, field: str = "owner") -> Person:
    """The person ``text`` names, refused if inactive: new work goes to people still on the team."""
    person = view.find_person(text)
    if not person.active:
        raise InputError(f"{field}: {person.name} is inactive; reactivate them or pick someone else")
    return person


def add_todo(
    tx: Transaction,
    title: str,
    owner: str,
    today: date,
    *,
    due: str | None = None,
    team_id: str | None = None,
    source: str = "",
) -> Todo:
    return tx.add(
        Todo,
        title=title,
        owner_id=find_active_person(tx, owner).id,
        team_id=team_id,
        due=parse_date_field(due, today, "due") if due else today + timedelta(days=TODO_DAYS),
        source=source,
        created=today,
    )


def edit_todo(tx: Transaction, todo_id: str, today: date, *, title: str | None = None, due: str | None = None) -> Todo:
    """Change what the to-do says and when it is due; a field left ``None`` keeps its value."""
    todo = tx.todo(todo_id)
    changes: dict[str, object] = {}
    if title is not None:
        if not title.strip():
            raise InputError("title: must not be empty")
        changes["title"] = title
    if due is not None:
        changes["due"] = parse_date_field(due, today, "due")
    return tx.save(todo, **changes) if changes else todo


def reassign_todo(tx: Transaction, todo_id: str, owner: str) -> Todo:
    """Give the to-do to someone else (an active person: a to-do has one owner who can do it)."""
    return tx.save(tx.todo(todo_id), owner_id=find_active_person(tx, owner).id)


def set_todo_done(tx: Transaction, todo_id: str, today: date, done: bool = True) -> Todo:
    todo = tx.todo(todo_id)
    return tx.save(todo, done=done, done_on=today if done else None)


def delete_todo(tx: Transaction, todo_id: str) -> Todo:
    """Remove the to-do for good; returns it as it was."""
    todo = tx.todo(todo_id)
    tx.delete(todo)
    return todo

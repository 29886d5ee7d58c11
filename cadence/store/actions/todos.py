"""To-dos: 7-day action items, one owner."""

from __future__ import annotations

from datetime import date, timedelta

from cadence.domain.ids import Kind
from cadence.domain.models import (
    Todo,
)
from cadence.store.actions.fields import TODO_DAYS, parse_date_field
from cadence.store.transaction import Transaction


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
        owner_id=tx.find_person(owner).id,
        team_id=team_id,
        due=parse_date_field(due, today, "due") if due else today + timedelta(days=TODO_DAYS),
        source=source,
        created=today,
    )


def set_todo_done(tx: Transaction, todo_id: str, today: date, done: bool = True) -> Todo:
    todo: Todo = tx.get(Kind.TODO, todo_id)  # type: ignore[assignment]
    return tx.save(todo, done=done, done_on=today if done else None)

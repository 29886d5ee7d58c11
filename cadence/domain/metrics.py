"""Rates the method measures itself by: to-dos done (goal 90%), rocks done (goal 80%)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from cadence.domain.models import Rock, RockStatus, Todo

TODO_GOAL = 0.9
ROCK_GOAL = 0.8


def todo_window(today: date) -> tuple[date, date]:
    """The 7 days ending today: the to-dos a weekly meeting reviews."""
    return today - timedelta(days=6), today


def todo_completion(todos: Iterable[Todo], today: date) -> tuple[int, int]:
    """(done, due) among to-dos due in the 7 days ending today."""
    start, end = todo_window(today)
    due = [todo for todo in todos if start <= todo.due <= end]
    return sum(1 for todo in due if todo.done), len(due)


def rock_completion(rocks: Iterable[Rock]) -> tuple[int, int]:
    """(done, total) for a quarter's rocks."""
    listed = list(rocks)
    return sum(1 for rock in listed if rock.status is RockStatus.DONE), len(listed)


def rate(done: int, total: int) -> float | None:
    return done / total if total else None


def is_overdue(todo: Todo, today: date) -> bool:
    return not todo.done and todo.due < today

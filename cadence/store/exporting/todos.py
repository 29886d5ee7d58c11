"""To-dos as rows, in the shape the to-dos importer reads (Ninety's and Bloom's columns): To-do, Details,
Owner, Team, Created, Due Date, Completed (the day it was done, ``yes`` when done on a day nobody kept,
empty when open)."""

from __future__ import annotations

from cadence.store.view import View

HEADERS = ("To-do", "Details", "Owner", "Team", "Created", "Due Date", "Completed")


def todo_rows(view: View) -> list[list[str]]:
    rows = [list(HEADERS)]
    for todo in view.todos:
        completed = (todo.done_on.isoformat() if todo.done_on else "yes") if todo.done else ""
        rows.append(
            [
                todo.title,
                todo.details,
                view.person_name(todo.owner_id),
                view.team_name(todo.team_id),
                todo.created.isoformat(),
                todo.due.isoformat(),
                completed,
            ]
        )
    return rows

"""The meeting's To-Do list: last week's to-dos, done or not one key each, the completion rate against 90% live.

It is the To-Dos panel (its table, its forms, its keys) showing the meeting's
review list (``meetings.review_todos``) instead of everything open. A to-do
not done either carries over (``c``: due a week on) or drops to the Issues
list (``i``). ``space`` belongs to the meeting (pause), so done is ``x`` only.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Static

from cadence.domain.metrics import TODO_GOAL
from cadence.domain.models import Todo
from cadence.store.actions import meetings
from cadence.tui.panels.meeting_base import MeetingPanel
from cadence.tui.panels.meeting_css import styles_of
from cadence.tui.panels.todos import TodosPanel
from cadence.tui.status_styles import muted, verdict_style

HELP = (
    "Last week's to-dos (made before this meeting, open or done since the last one). x: done / not done, "
    "c: carry a not-done one over a week, i: drop it to the Issues list, a: add a to-do."
)


def review_rate_line(done: int, reviewed: int) -> Text:
    if not reviewed:
        return Text("No to-dos from last week to review.", style=muted())
    value = done / reviewed
    good = value >= TODO_GOAL
    return Text.assemble(
        "Done: ",
        (f"{value:.0%} ({done}/{reviewed})", verdict_style(good, strong=True)),
        f"  goal {TODO_GOAL:.0%} ",
        ("✓ on goal" if good else "✗ below goal", verdict_style(good)),
    )


class MeetingTodosPanel(MeetingPanel, TodosPanel, inherit_bindings=False):
    DEFAULT_CSS = styles_of(TodosPanel, "MeetingTodosPanel")
    HELP = HELP
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "toggle_done", "Done", tooltip="Mark done / not done"),
        Binding("c", "carry_over", "Carry over", tooltip="Not done: due a week from today, stays on the list"),
        Binding("i", "to_issue", "To issue", tooltip="Drop the to-do to the Issues list"),
        Binding("a", "add", "Add", tooltip="Add a to-do"),
        Binding("o", "reassign", "Owner", show=False, tooltip="Give the to-do to someone else"),
    ]
    CLI_EQUIVALENTS: ClassVar[dict[str, str]] = {
        **TodosPanel.CLI_EQUIVALENTS,
        "carry_over": "todo edit",  # carrying over is a new due date: todo edit T-5 --due +7d
    }

    def visible_todos(self) -> list[Todo]:
        """Owner by owner, each one's in the order they were made: marking done or carrying over moves no row,
        so going down the list with ``x`` marks the to-do under the cursor, not the one that slid into it."""
        snapshot = self.session.snapshot
        todos = meetings.review_todos(snapshot, self.meeting)
        return sorted(todos, key=lambda todo: (snapshot.person_name(todo.owner_id), int(todo.id.split("-")[1])))

    def refresh_data(self) -> None:
        super().refresh_data()
        done, reviewed = meetings.todo_completion(self.session.snapshot, self.meeting)
        self.query_one("#todo-rate", Static).update(review_rate_line(done, reviewed))

    async def action_carry_over(self) -> None:
        todo = self.selected()
        if todo is None:
            return
        today = self.session.today()
        carried = await self.write(lambda tx: meetings.carry_over_todo(tx, todo.id, today))
        if carried is not None:
            self.app.notify(f"{carried.id} carried over: due {carried.due:%a %d %b}", timeout=3)

"""The To-Dos panel: 7-day action items, open and recently done, with the week's completion rate.

A to-do has one owner and is due in 7 days unless you say otherwise. The rate
line counts the to-dos due in the last 7 days against the 90% goal. Every
change is a named action in ``cadence.store.actions`` run off the event loop,
the same one its ``cadence todo ...`` command runs.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import timedelta
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from cadence.domain.metrics import TODO_GOAL, is_overdue, rate, todo_completion
from cadence.domain.models import Todo
from cadence.store import Transaction, actions
from cadence.tui.panels.base import SectionPanel, panel_css
from cadence.tui.status_styles import Status, muted, status_style, verdict_style
from cadence.tui.widgets.dialogs import ChoiceScreen
from cadence.tui.widgets.fitted_table import FittedTable
from cadence.tui.widgets.forms import FormField
from cadence.tui.widgets.literal import literal
from cadence.tui.widgets.record_table import RecordTable, Row

RECENT_DAYS = 14
NARROW_WIDTH = 70
"""Below this many columns (the meeting's middle at 80x24) owners show by first name: the to-do keeps the room."""

HELP = "Open to-dos and those done in the last 14 days. A to-do is due in 7 days unless you say otherwise."


def completion_line(done: int, due: int) -> Text:
    value = rate(done, due)
    if value is None:
        return Text("To-dos due in the last 7 days: none yet", style=muted())
    good = value >= TODO_GOAL
    return Text.assemble(
        "To-dos done (due in the last 7 days): ",
        (f"{value:.0%} ({done}/{due})", verdict_style(good, strong=True)),
        f"  goal {TODO_GOAL:.0%} ",
        ("✓ on goal" if good else "✗ below goal", verdict_style(good)),
    )


class TodosPanel(SectionPanel):
    DEFAULT_CSS = panel_css(__file__)
    HELP = HELP

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add", tooltip="Add a to-do"),
        Binding("e", "edit", "Edit", tooltip="Edit the to-do's title and due date"),
        Binding("x,space", "toggle_done", "Done", tooltip="Mark done / not done"),
        Binding("o", "reassign", "Owner", tooltip="Give the to-do to someone else"),
        Binding("i", "to_issue", "To issue", tooltip="Drop the to-do to the Issues list"),
        Binding("d", "delete", "Delete", tooltip="Delete the to-do (asks first)"),
    ]
    CLI_EQUIVALENTS: ClassVar[dict[str, str]] = {
        "add": "todo add",
        "edit": "todo edit",
        "toggle_done": "todo done",  # not done again: todo done --undo
        "reassign": "todo reassign",
        "to_issue": "todo drop",
        "delete": "todo delete",
    }
    NAVIGATION = frozenset()

    def compose(self) -> ComposeResult:
        yield Static(id="todo-rate")
        yield FittedTable(["Done", "Due", "Owner", "To-do"], "To-do", least=12, id="todo-table")

    def table(self) -> RecordTable:
        return self.query_one("#todo-table", RecordTable)

    # Data ---------------------------------------------------------------------------

    def visible_todos(self) -> list[Todo]:
        today = self.session.today()
        recent = today - timedelta(days=RECENT_DAYS)
        shown = [
            todo
            for todo in self.session.snapshot.todos
            if self.session.belongs(todo.team_id, todo.owner_id)
            and (not todo.done or (todo.done_on or today) >= recent)
        ]
        return sorted(shown, key=lambda todo: (todo.done, todo.due, todo.id))

    def refresh_data(self) -> None:
        snapshot = self.session.snapshot
        today = self.session.today()
        todos = self.visible_todos()
        self.query_one("#todo-rate", Static).update(completion_line(*todo_completion(todos, today)))
        rows = []
        narrow = self.is_narrow()
        for todo in todos:
            owner = snapshot.person_name(todo.owner_id)
            if todo.done:
                mark = Text("[x] done", style=status_style(Status.DONE))
            elif is_overdue(todo, today):
                mark = Text("[ ] OVERDUE", style=status_style(Status.BAD, strong=True))
            else:
                mark = Text("[ ] open")
            due = Text(f"{todo.due:%a %d %b}", style=status_style(Status.BAD) if is_overdue(todo, today) else "")
            rows.append(
                Row(
                    todo.id,
                    [
                        mark,
                        due,
                        literal(owner.split()[0] if narrow and owner.split() else owner, 18),
                        literal(todo.title, 2000, muted() if todo.done else ""),
                    ],
                )
            )
        self.table().show(rows)

    def is_narrow(self) -> bool:
        return (self.size.width or self.app.size.width) < NARROW_WIDTH

    def layout_key(self) -> Hashable:
        return self.is_narrow()  # first names only when narrow

    def selected(self) -> Todo | None:
        """The to-do under the cursor, as the current snapshot has it (None, and a word, if none)."""
        return self.record_at_cursor(self.table(), self.session.snapshot.todo, "No to-do selected.")

    # Actions --------------------------------------------------------------------------

    def action_add(self) -> None:
        today = self.session.today()
        team_id = self.session.team_id

        def change(tx: Transaction, values: dict[str, str]) -> Todo:
            return actions.add_todo(
                tx, values["title"], values["owner"], today, due=values["due"] or None, team_id=team_id
            )

        self.open_form(
            "New to-do",
            [
                FormField("title", "What", required=True, placeholder="Send the revised quote to Globex"),
                FormField("owner", "Who", required=True, check=self.check_person, suggestions=self.people_names()),
                FormField("due", "Due (default: in 7 days)", placeholder="friday, +3d, 2026-12-04"),
            ],
            change,
            done="To-do added",
        )

    def action_edit(self) -> None:
        todo = self.selected()
        if todo is None:
            return
        today = self.session.today()

        def change(tx: Transaction, values: dict[str, str]) -> Todo:
            return actions.edit_todo(tx, todo.id, today, title=values["title"], due=values["due"])

        self.open_form(
            f"Edit {todo.id}",
            [
                FormField("title", "What", value=todo.title, required=True),
                FormField("due", "Due", value=todo.due.isoformat(), required=True),
            ],
            change,
            done="To-do saved",
            guard=todo,
        )

    async def action_toggle_done(self) -> None:
        todo = self.selected()
        if todo is not None:
            today = self.session.today()
            await self.write(lambda tx: actions.set_todo_done(tx, todo.id, today, done=not todo.done))

    def action_reassign(self) -> None:
        todo = self.selected()
        if todo is None:
            return
        people = [(person.id, person.name) for person in self.session.snapshot.people if person.active]

        def picked(person_id: str | None) -> None:
            if person_id:
                self.write_soon(lambda tx: actions.reassign_todo(tx, todo.id, person_id), done="Reassigned")

        self.app.push_screen(ChoiceScreen(f"Who owns {todo.id}?", people, todo.owner_id), picked)

    async def action_to_issue(self) -> None:
        todo = self.selected()
        if todo is not None:
            today = self.session.today()
            issue = await self.write(lambda tx: actions.drop_todo_to_issues(tx, todo.id, today))
            if issue is not None:
                self.notify(f"{issue.id} added to the Issues list", timeout=3)

    def action_delete(self) -> None:
        todo = self.selected()
        if todo is not None:
            self.confirm(
                f"Delete {todo.id} {todo.title}?",
                lambda: self.write_soon(lambda tx: actions.delete_todo(tx, todo.id), done="To-do deleted"),
            )

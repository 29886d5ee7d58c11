"""To-dos from Ninety's or Bloom Growth's export, a team's own sheet, or cadence's CSV/xlsx export.

Columns: To-do (or Title), Details, Owner, Team, Created, Due Date,
Completed. Decisions:

- **Completed** holds a date (done that day), or ``yes``/``no`` (done, with
  no day known, or not done); an empty cell is not done.
- **Due Date** left empty: seven days after Created (the method's 7-day
  to-do), as ``cadence todo add`` does.
- **Required cells** (a bad one skips the row): To-do, Owner, Due Date.
  **Optional** (a bad one is skipped alone): Created, Completed, Team.
- **Matching**: a to-do with the same title (any case) and owner is
  updated, never duplicated.
"""

from __future__ import annotations

from datetime import timedelta

from cadence.store.actions.fields import TODO_DAYS
from cadence.store.actions.todos import add_todo
from cadence.store.errors import InputError
from cadence.store.importing import ImportOptions, ImportReport
from cadence.store.importing.owners import OwnerResolver, default_team
from cadence.store.importing.record_sheet import (
    Layout,
    SheetRow,
    changed_fields,
    describe_changes,
    find_layout,
    fold,
    owner_of,
    sheets_read,
    team_id_of,
)
from cadence.store.tables import Table, Workbook
from cadence.store.transaction import Transaction

TODO_COLUMNS = {
    "title": ("To-do", "Todo", "To-do Title", "Task", "Title", "Name"),
    "details": ("Details", "Description", "Notes"),
    "owner": ("Owner", "Who", "Assignee", "Accountable", "Owner Name"),
    "team": ("Team", "Team Name"),
    "created": ("Created", "Created Date", "Created On", "Date Created", "Created At"),
    "due": ("Due Date", "Due", "Due By", "Due On", "Deadline"),
    "completed": ("Completed", "Completed On", "Completed Date", "Date Completed", "Done", "Complete"),
}
TODO_SHEETS = frozenset({"todos", "todo", "todolist"})
NOT_TODOS = ("Goal", "Priority", "Quarter", "Rock", "Status", "Measurable")


def todo_layout(table: Table) -> Layout | None:
    """A sheet named To-dos, or one with a To-do column and an Owner, or Title, Owner, Due Date and Completed
    (and nothing of a rock's, an issue's or a scorecard's: Status, Quarter, Priority, Goal)."""
    if fold(table.name) in TODO_SHEETS:
        return find_layout(table, TODO_COLUMNS, ("title", "owner"), ("Goal",))
    layout = find_layout(table, TODO_COLUMNS, ("title", "owner"), NOT_TODOS)
    if layout is None:
        return None
    named_todo = fold(layout.header("title")) in {"todo", "todotitle", "task"}
    if named_todo or (layout.has("due") and layout.has("completed")):
        return layout
    return None


class TodosImporter:
    kind = "todos"

    def _layout(self, book: Workbook) -> Layout | None:
        return next((layout for table in book.tables if (layout := todo_layout(table)) is not None), None)

    def recognise(self, book: Workbook) -> str | None:
        layout = self._layout(book)
        if layout is None:
            return None
        name = f" '{layout.table.name}'" if layout.table.name else ""
        return f"to-dos sheet{name} ({layout.data_rows} rows)"

    def run(self, tx: Transaction, book: Workbook, options: ImportOptions) -> ImportReport:
        layout = self._layout(book)
        report = ImportReport(self.kind, self.recognise(book) or "")
        if layout is None:
            return report
        unused = layout.unused_headers()
        if unused:
            report.notes.append(f"columns not imported: {', '.join(unused)}")
        resolver = OwnerResolver(tx, options)
        fallback_team = default_team(tx, options)
        seen: dict[tuple[str, str], int] = {}
        total = layout.data_rows
        for done, sheet_row in enumerate(layout.rows(), start=1):
            _import_todo(tx, sheet_row, options, resolver, report, fallback_team, seen)
            report.problems.extend(sheet_row.problems)
            if done % 50 == 0 or done == total:
                options.progress("written", done, total)
        report.sheets = sheets_read([layout])
        if resolver.created:
            report.count("new people", len(resolver.created))
            report.notes.append("people added (--create-people): " + ", ".join(resolver.created))
        return report


def _import_todo(
    tx: Transaction,
    row: SheetRow,
    options: ImportOptions,
    resolver: OwnerResolver,
    report: ImportReport,
    fallback_team: str | None,
    seen: dict[tuple[str, str], int],
) -> None:
    title = row.filled("title")
    if not title:
        row.problem("title", "no title")
        return
    owner_ok, owner_id = owner_of(row, resolver, required=True)
    due = row.date("due", options)
    if not owner_ok or owner_id is None or (row.filled("due") and due is None):
        return
    key = (title.casefold(), owner_id)
    if key in seen:
        row.problem("title", f"the same to-do as row {seen[key]} (same title and owner)")
        return
    seen[key] = row.number
    wanted: dict[str, object] = {}
    created = row.date("created", options)
    if created is not None:
        wanted["created"] = created
    if due is not None:
        wanted["due"] = due
    if row.has("details"):
        wanted["details"] = row.text("details")
    team_ok, team_id = team_id_of(tx, row, "team", fallback_team)
    if team_ok and (row.has("team") or fallback_team):
        wanted["team_id"] = team_id
    if row.has("completed"):
        completed = row.flag_or_date("completed", options)
        if completed is not None:
            wanted["done"], wanted["done_on"] = completed
    existing = next((t for t in tx.todos if t.title.casefold() == key[0] and t.owner_id == owner_id), None)
    try:
        if existing is None:
            start = created or options.today
            when = (due or start + timedelta(days=TODO_DAYS)).isoformat()
            todo = add_todo(tx, title, owner_id, start, due=when, team_id=team_id if team_ok else None)
            changes = changed_fields(todo.model_dump(), wanted)
            todo = tx.save(todo, **changes) if changes else todo
        else:
            changes = changed_fields(existing.model_dump(), wanted)
            if not changes:
                return
            todo = tx.save(existing, **changes)
    except InputError as error:
        row.problem(None, str(error))
        return
    if existing is None:
        state = f"done {todo.done_on}" if todo.done and todo.done_on else ("done" if todo.done else "open")
        report.lines.append(
            f"create {todo.id} {todo.title!r} ({tx.person_name(todo.owner_id)}, due {todo.due}, {state})"
        )
        report.count("new to-dos")
    else:
        report.lines.append(f"update {todo.id} {todo.title!r}: {describe_changes(changes)}")
        report.count("updated to-dos")

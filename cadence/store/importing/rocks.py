"""Rocks (and their milestones) from Ninety's or Bloom Growth's export, a team's own sheet, or cadence's.

The shapes: a workbook with sheets ``Rocks`` and ``Milestones`` (Ninety:
Title, Description, Owner, Due Date, Status, Completed On, Team; milestones
name their rock by title), a single sheet or CSV of rocks, or a milestones
sheet alone (``cadence export --kind milestones``) whose rocks are already in
the workspace.

Decisions, said here so the plan can say them too:

- **Quarter**: a Quarter column (``2026-Q4``, ``Q4 2026``), else the quarter
  holding the due date, else this quarter.
- **Company rocks**: only a ``Company`` / ``Type`` / ``Level`` column marks
  them (``yes``, ``company``). A leadership team's rocks are *not* all company
  rocks (its members keep individual rocks too), so the Team column only sets
  the rock's team.
- **Status**: ``On-Track``, ``Off-Track``, ``Done``/``Complete``, ``Not
  Done``; blank is on-track, or done when Completed On has a date. cadence
  keeps no completion date for a rock, so Completed On only says "done".
- **Required cells** (a bad one skips the row under ``--skip-bad``): Title,
  Owner, Due Date, Quarter. **Optional** (a bad one is skipped alone):
  Status, Completed On, Team, Company.
- **Matching**: a rock already in the workspace with the same title (any
  case), owner and quarter is updated, never duplicated, so importing the same
  file twice changes nothing.
"""

from __future__ import annotations

from datetime import date

from cadence.domain.models import Rock, RockStatus
from cadence.domain.periods import parse_quarter
from cadence.store.actions.rocks import add_rock, not_done_allowed
from cadence.store.errors import InputError
from cadence.store.importing import ImportOptions, ImportReport
from cadence.store.importing.milestones import import_milestones, milestone_layout
from cadence.store.importing.owners import OwnerResolver, default_team
from cadence.store.importing.record_sheet import (
    Layout,
    SheetRow,
    changed_fields,
    describe_changes,
    find_layout,
    fold,
    owner_of,
    read_quarter,
    sheets_read,
    team_id_of,
)
from cadence.store.tables import Table, Workbook
from cadence.store.transaction import Transaction

ROCK_COLUMNS = {
    "title": ("Title", "Rock", "Rock Title", "Rock Name", "Name"),
    "description": ("Description", "Details", "Notes"),
    "owner": ("Owner", "Who", "Accountable", "Assignee", "Owner Name"),
    "due": ("Due Date", "Due", "Due By", "Due On", "Deadline"),
    "status": ("Status", "Rock Status"),
    "completed": ("Completed On", "Completed Date", "Date Completed", "Completed"),
    "team": ("Team", "Team Name"),
    "quarter": ("Quarter", "Rock Quarter"),
    "company": ("Company", "Company Rock", "Type", "Level", "Rock Type"),
}
NOT_ROCKS = ("Goal", "Priority", "To-do", "Term", "Measurable")
"""Columns that make a sheet something else: a scorecard (Goal), issues (Priority, Term), to-dos."""

STATUSES = {
    "ontrack": RockStatus.ON_TRACK,
    "notstarted": RockStatus.ON_TRACK,
    "inprogress": RockStatus.ON_TRACK,
    "offtrack": RockStatus.OFF_TRACK,
    "atrisk": RockStatus.OFF_TRACK,
    "behind": RockStatus.OFF_TRACK,
    "done": RockStatus.DONE,
    "complete": RockStatus.DONE,
    "completed": RockStatus.DONE,
    "notdone": RockStatus.NOT_DONE,
    "incomplete": RockStatus.NOT_DONE,
    "missed": RockStatus.NOT_DONE,
}
COMPANY = frozenset({"yes", "y", "true", "x", "1", "company", "companyrock"})
INDIVIDUAL = frozenset(
    {"", "no", "n", "false", "0", "individual", "personal", "departmental", "team", "individualrock"}
)


def rock_layout(table: Table) -> Layout | None:
    """A rocks sheet: one named Rocks with Title and Owner, or any with Title, Owner, Due Date and a Status
    or Quarter (a scorecard's Goal, an issue's Priority or a to-do column say it is something else)."""
    if fold(table.name) == "rocks":
        return find_layout(table, ROCK_COLUMNS, ("title", "owner"), ("Goal",))
    if fold(table.name) == "milestones" or milestone_layout(table) is not None:
        return None
    layout = find_layout(table, ROCK_COLUMNS, ("title", "owner", "due"), NOT_ROCKS)
    if layout is None or not (layout.has("status") or layout.has("quarter")):
        return None
    return layout


class RocksImporter:
    kind = "rocks"

    def _layouts(self, book: Workbook) -> tuple[Layout | None, Layout | None]:
        rocks = next((layout for table in book.tables if (layout := rock_layout(table))), None)
        milestones = next(
            (
                layout
                for table in book.tables
                if table is not (rocks and rocks.table) and (layout := milestone_layout(table))
            ),
            None,
        )
        return rocks, milestones

    def recognise(self, book: Workbook) -> str | None:
        rocks, milestones = self._layouts(book)
        if rocks and milestones:
            return (
                f"Ninety rocks export: {rocks.table.name or 'Rocks'} ({rocks.data_rows} rows) + "
                f"{milestones.table.name or 'Milestones'} ({milestones.data_rows} rows)"
            )
        if rocks:
            return f"rocks sheet{_named(rocks)} ({rocks.data_rows} rows, no milestones)"
        if milestones:
            return f"milestones sheet{_named(milestones)} ({milestones.data_rows} rows) for rocks in the workspace"
        return None

    def run(self, tx: Transaction, book: Workbook, options: ImportOptions) -> ImportReport:
        rocks, milestones = self._layouts(book)
        report = ImportReport(self.kind, self.recognise(book) or "")
        resolver = OwnerResolver(tx, options)
        in_file: list[Rock] = []
        if rocks is not None:
            _note_columns(report, rocks)
            if not rocks.has("company"):
                report.notes.append("no Company/Type column: every rock is imported as an individual rock")
            in_file = _import_rocks(tx, rocks, options, resolver, report)
        if milestones is not None:
            _note_columns(report, milestones)
            import_milestones(tx, milestones, options, in_file, report)
        report.sheets = sheets_read([layout for layout in (rocks, milestones) if layout])
        if resolver.created:
            report.count("new people", len(resolver.created))
            report.notes.append("people added (--create-people): " + ", ".join(resolver.created))
        return report


def _named(layout: Layout) -> str:
    return f" '{layout.table.name}'" if layout.table.name else ""


def _note_columns(report: ImportReport, layout: Layout) -> None:
    unused = layout.unused_headers()
    if unused:
        where = f"{layout.table.name}: " if layout.table.name else ""
        report.notes.append(f"{where}columns not imported: {', '.join(unused)}")


def _import_rocks(
    tx: Transaction, layout: Layout, options: ImportOptions, resolver: OwnerResolver, report: ImportReport
) -> list[Rock]:
    """Create or update one rock per row; the rocks the file names, for its milestones to find."""
    fallback_team = default_team(tx, options)
    seen: dict[tuple[str, str, str], int] = {}
    rocks: list[Rock] = []
    total = layout.data_rows
    for done, sheet_row in enumerate(layout.rows(), start=1):
        rock = _import_rock(tx, sheet_row, options, resolver, report, fallback_team, seen)
        report.problems.extend(sheet_row.problems)
        if rock is not None:
            rocks.append(rock)
        if done % 50 == 0 or done == total:
            options.progress("written", done, total)
    return rocks


def _import_rock(
    tx: Transaction,
    row: SheetRow,
    options: ImportOptions,
    resolver: OwnerResolver,
    report: ImportReport,
    fallback_team: str | None,
    seen: dict[tuple[str, str, str], int],
) -> Rock | None:
    title = row.filled("title")
    if not title:
        row.problem("title", "no title")
        return None
    owner_ok, owner_id = owner_of(row, resolver, required=True)
    due = row.date("due", options)
    due_ok = not row.filled("due") or due is not None
    quarter = _quarter(tx, row, options, due)
    if not owner_ok or owner_id is None or not due_ok or quarter is None:
        return None
    key = (title.casefold(), owner_id, quarter)
    if key in seen:
        row.problem("title", f"the same rock as row {seen[key]} (same title, owner and quarter)")
        return None
    seen[key] = row.number
    wanted: dict[str, object] = {}
    if due is not None:
        wanted["due"] = due
    if row.has("description"):
        wanted["description"] = row.text("description")
    status = _status(tx, row, options, quarter)
    if status is not None:
        wanted["status"] = status
    if row.has("company"):
        company = _company(row)
        if company is not None:
            wanted["company"] = company
    team_ok, team_id = team_id_of(tx, row, "team", fallback_team)
    if team_ok and (row.has("team") or fallback_team):
        wanted["team_id"] = team_id
    existing = next(
        (r for r in tx.rocks if r.title.casefold() == key[0] and r.owner_id == owner_id and r.quarter == quarter), None
    )
    try:
        if existing is None:
            return _create(tx, title, owner_id, quarter, wanted, options, report)
        changes = changed_fields(existing.model_dump(), wanted)
        if not changes:
            return existing
        updated = tx.save(existing, **changes)
    except InputError as error:
        row.problem(None, str(error))
        return None
    report.lines.append(f"update {updated.id} {updated.title!r}: {describe_changes(changes)}")
    report.count("updated rocks")
    return updated


def _create(
    tx: Transaction,
    title: str,
    owner_id: str,
    quarter: str,
    wanted: dict[str, object],
    options: ImportOptions,
    report: ImportReport,
) -> Rock:
    due = wanted.pop("due", None)
    assert due is None or isinstance(due, date)
    rock, warnings = add_rock(
        tx, title, owner_id, options.today, quarter=quarter, due=due.isoformat() if due is not None else None
    )
    rock = tx.save(rock, **wanted) if changed_fields(rock.model_dump(), wanted) else rock
    company = "company rock, " if rock.company else ""
    report.lines.append(
        f"create {rock.id} {rock.title!r} ({company}{tx.person_name(rock.owner_id)}, {rock.quarter}, "
        f"due {rock.due}, {rock.status.value})"
    )
    report.notes.extend(warning for warning in warnings if warning not in report.notes)
    report.count("new rocks")
    return rock


def _quarter(tx: Transaction, row: SheetRow, options: ImportOptions, due: date | None) -> str | None:
    """The Quarter cell's quarter, else the due date's, else this quarter's (None: a bad Quarter cell)."""
    text = row.filled("quarter")
    if text:
        label = read_quarter(tx, text, options.today)
        if label is None:
            row.problem("quarter", f"{text!r} is not a quarter (write it like 2026-Q4 or Q4 2026)")
        return label
    if row.filled("due") and due is None:
        return None  # the due date was bad: said already
    day = due if due is not None else options.today
    return tx.quarter_of(day).label


def _status(tx: Transaction, row: SheetRow, options: ImportOptions, quarter: str) -> RockStatus | None:
    text = row.filled("status")
    if not text:
        completed = row.date("completed", options) if row.has("completed") else None
        return RockStatus.DONE if completed is not None else None
    if row.has("completed"):
        row.date("completed", options)  # a bad date is still said, and skipped alone
    status = STATUSES.get(fold(text))
    if status is None:
        row.problem("status", f"{text!r} is not a rock status (On-Track, Off-Track, Done, Not Done)")
        return None
    if status is RockStatus.NOT_DONE:
        end = parse_quarter(quarter, tx.meta.fiscal_start_month).end
        in_quarter = Rock(id="R-1", title="-", owner_id="P-1", quarter=quarter, created=options.today)
        if not not_done_allowed(tx, in_quarter, options.today):  # the rule reads only the rock's quarter
            row.problem("status", f"a rock is marked not-done only at quarter end ({quarter} ends {end})")
            return None
    return status


def _company(row: SheetRow) -> bool | None:
    text = fold(row.filled("company"))
    if text in COMPANY:
        return True
    if text in INDIVIDUAL:
        return False
    row.problem("company", f"{row.text('company')!r} is not company or individual (yes/no)")
    return None

"""Issues from Ninety's or Bloom Growth's export (sheets ``Short Term`` and ``Long Term``), or one sheet with a
Term column (cadence's CSV export, a team's own list).

Columns: Owner, Title, Description, Team, Priority, Created Date, Completed
On, and cadence's own Term, Status, Decision, Root Cause. Decisions:

- **Priority** 1, 2 or 3 ranks the issue in its list's top 3 (open issues
  only); any other priority (``4``, ``High``) is ignored with a note, since
  cadence ranks only a top 3. Two rows claiming the same rank of the same
  list: the first keeps it, the second is noted.
- **Completed On** with a date closes the issue as solved that day, with
  the Decision cell or "Solved before cadence (completed <date>)" as its
  decision; a Status of ``Dropped`` closes it as dropped instead.
- **Required cells** (a bad one skips the row): Title, and Owner when
  filled (an issue may have no owner, but an unknown one is not guessed).
  **Optional** (a bad one is skipped alone): Team, Term, Created Date,
  Completed On, Status.
- **Matching**: an issue with the same title (any case) and owner is
  updated (its list, rank, text, status), never duplicated.
"""

from __future__ import annotations

from datetime import date

from cadence.domain.models import Issue, IssueStatus, IssueTerm
from cadence.store.actions.issues import add_issue, set_issue_rank
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

ISSUE_COLUMNS = {
    "title": ("Title", "Issue", "Issue Title", "Name"),
    "description": ("Description", "Details", "Notes"),
    "owner": ("Owner", "Who", "Assignee", "Accountable", "Owner Name"),
    "team": ("Team", "Team Name"),
    "priority": ("Priority", "Rank", "Top 3"),
    "created": ("Created Date", "Created", "Created On", "Date Created", "Created At"),
    "completed": ("Completed On", "Completed Date", "Date Completed", "Solved On", "Closed On", "Completed", "Closed"),
    "term": ("Term", "List", "Issue List"),
    "status": ("Status", "Issue Status"),
    "decision": ("Decision", "Solution", "Resolution"),
    "root_cause": ("Root Cause", "Identify"),
}
NOT_ISSUES = ("Goal", "Due Date", "Due", "To-do", "Rock", "Measurable")
SHEET_TERMS = {"shortterm": IssueTerm.SHORT, "shorttermissues": IssueTerm.SHORT, "longterm": IssueTerm.LONG}
SHEET_TERMS["longtermissues"] = IssueTerm.LONG
TERMS = {"short": IssueTerm.SHORT, "shortterm": IssueTerm.SHORT, "st": IssueTerm.SHORT, "weekly": IssueTerm.SHORT}
TERMS |= {"long": IssueTerm.LONG, "longterm": IssueTerm.LONG, "lt": IssueTerm.LONG, "quarterly": IssueTerm.LONG}
STATUSES = {"open": IssueStatus.OPEN, "solved": IssueStatus.SOLVED, "dropped": IssueStatus.DROPPED}
STATUSES |= {"done": IssueStatus.SOLVED, "complete": IssueStatus.SOLVED, "completed": IssueStatus.SOLVED}
STATUSES |= {"closed": IssueStatus.SOLVED, "resolved": IssueStatus.SOLVED}


def issue_layout(table: Table) -> Layout | None:
    """A ``Short Term``/``Long Term`` sheet with a Title; or any sheet with a Title and a Priority, Term or
    Created Date, and no Due Date (rocks, to-dos), Goal (a scorecard) or Rock (milestones)."""
    if fold(table.name) in SHEET_TERMS:
        return find_layout(table, ISSUE_COLUMNS, ("title",), ("Goal",))
    layout = find_layout(table, ISSUE_COLUMNS, ("title",), NOT_ISSUES)
    if layout is None or not any(layout.has(name) for name in ("priority", "term", "created")):
        return None
    return layout


class IssuesImporter:
    kind = "issues"

    def _layouts(self, book: Workbook) -> list[Layout]:
        return [layout for table in book.tables if (layout := issue_layout(table)) is not None]

    def recognise(self, book: Workbook) -> str | None:
        layouts = self._layouts(book)
        if not layouts:
            return None
        if len(layouts) == 1 and not layouts[0].table.name:
            return f"issues sheet ({layouts[0].data_rows} rows)"
        sheets = " + ".join(f"{layout.table.name} ({layout.data_rows} rows)" for layout in layouts)
        if any(fold(layout.table.name) in SHEET_TERMS for layout in layouts):
            return f"Ninety issues export: {sheets}"
        return f"issues sheet: {sheets}"

    def run(self, tx: Transaction, book: Workbook, options: ImportOptions) -> ImportReport:
        report = ImportReport(self.kind, self.recognise(book) or "")
        resolver = OwnerResolver(tx, options)
        claimed: dict[tuple[str | None, IssueTerm, int], int] = {}
        fallback_team = default_team(tx, options)
        for layout in self._layouts(book):
            unused = layout.unused_headers()
            if unused:
                report.notes.append(f"{layout.table.name or 'sheet'}: columns not imported: {', '.join(unused)}")
            if not layout.has("term") and fold(layout.table.name) not in SHEET_TERMS:
                report.notes.append("no Term column: every issue goes on the short-term list")
            total = layout.data_rows
            for done, sheet_row in enumerate(layout.rows(), start=1):
                _import_issue(tx, sheet_row, options, resolver, report, claimed, fallback_team)
                report.problems.extend(sheet_row.problems)
                if done % 50 == 0 or done == total:
                    options.progress("written", done, total)
        report.sheets = sheets_read(self._layouts(book))
        if resolver.created:
            report.count("new people", len(resolver.created))
            report.notes.append("people added (--create-people): " + ", ".join(resolver.created))
        return report


def _import_issue(
    tx: Transaction,
    row: SheetRow,
    options: ImportOptions,
    resolver: OwnerResolver,
    report: ImportReport,
    claimed: dict[tuple[str | None, IssueTerm, int], int],
    fallback_team: str | None,
) -> None:
    title = row.filled("title")
    if not title:
        row.problem("title", "no title")
        return
    owner_ok, owner_id = owner_of(row, resolver, required=False)
    if not owner_ok:
        return
    wanted: dict[str, object] = {}
    term = _term(row)
    if term is not None:
        wanted["term"] = term
    for name in ("description", "root_cause"):
        if row.has(name):
            wanted[name] = row.text(name)
    team_ok, team_id = team_id_of(tx, row, "team", fallback_team)
    if team_ok and (row.has("team") or fallback_team):
        wanted["team_id"] = team_id
    created = row.date("created", options)
    if created is not None:
        wanted["created"] = created
    wanted |= _closing(row, options)
    existing = next((i for i in tx.issues if i.title.casefold() == title.casefold() and i.owner_id == owner_id), None)
    try:
        if existing is None:
            issue = add_issue(
                tx, title, created or options.today, owner=owner_id, long_term=term is IssueTerm.LONG, team=team_id
            )
            changes = changed_fields(issue.model_dump(), wanted)
            issue = tx.save(issue, **changes) if changes else issue
        else:
            issue = existing
            changes = changed_fields(existing.model_dump(), wanted)
            if changes:
                issue = tx.save(existing, **changes)
        rank_change = _rank(tx, row, issue, claimed, report)
    except InputError as error:
        row.problem(None, str(error))
        return
    if existing is None:
        ranked = f", rank {issue.rank}" if rank_change else ""
        owner = tx.person_name(issue.owner_id) or "no owner"
        report.lines.append(
            f"create {issue.id} {issue.title!r} ({owner}, {issue.term.value}-term, {issue.status.value}{ranked})"
        )
        report.count("new issues")
    elif changes or rank_change:
        said = describe_changes({**changes, **({"rank": rank_change[0]} if rank_change else {})})
        report.lines.append(f"update {issue.id} {issue.title!r}: {said}")
        report.count("updated issues")


def _term(row: SheetRow) -> IssueTerm | None:
    text = row.filled("term")
    if text:
        term = TERMS.get(fold(text))
        if term is None:
            row.problem("term", f"{text!r} is not short or long term")
        return term
    return SHEET_TERMS.get(fold(row.layout.table.name))


def _closing(row: SheetRow, options: ImportOptions) -> dict[str, object]:
    """Status, closed date and decision as the row says them (nothing when it says nothing)."""
    completed = row.date("completed", options)
    status_text = row.filled("status")
    status = STATUSES.get(fold(status_text)) if status_text else None
    if status_text and status is None:
        row.problem("status", f"{status_text!r} is not open, solved or dropped")
    if status is None and completed is not None:
        status = IssueStatus.SOLVED
    if status is None:
        return {}
    if status is IssueStatus.OPEN:
        return {"status": status, "closed": None}
    closing: dict[str, object] = {"status": status, "closed": completed, "rank": None}
    decision = row.text("decision")
    if status is IssueStatus.SOLVED:
        closing["decision"] = decision or _solved_before(completed)
    elif decision:
        closing["decision"] = decision
    return closing


def _solved_before(completed: date | None) -> str:
    return f"Solved before cadence (completed {completed})" if completed else "Solved before cadence"


def _rank(
    tx: Transaction,
    row: SheetRow,
    issue: Issue,
    claimed: dict[tuple[str | None, IssueTerm, int], int],
    report: ImportReport,
) -> tuple[int | None] | None:
    """Rank the issue as its Priority cell says; the new rank (in a 1-tuple) when it changed, else None."""
    if not row.has("priority") or issue.status is not IssueStatus.OPEN:
        return None
    text = row.filled("priority")
    rank: int | None = None
    if text:
        if text not in ("1", "2", "3"):
            where = f"{row.layout.table.name or 'sheet'} row {row.number}"
            report.notes.append(f"{where}: priority {text!r} ignored (cadence ranks a top 3: 1, 2 or 3)")
            return None
        rank = int(text)
        key = (issue.team_id, issue.term, rank)
        if key in claimed:
            report.notes.append(f"row {row.number}: rank {rank} is taken by row {claimed[key]}; ignored")
            return None
        claimed[key] = row.number
    if issue.rank == rank:
        return None
    set_issue_rank(tx, issue.id, rank)
    return (rank,)

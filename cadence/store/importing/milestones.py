"""Milestones from a ``Milestones`` sheet, each naming its rock by title, attached through the rock actions.

Ninety's rocks export keeps milestones on their own sheet: Title, Rock (the
rock's title), Owner, Due Date, Completed/Status. A milestone's rock is looked
for among the rocks the same file imported, then among the workspace's; a
Quarter column (cadence's own export writes one) or the Owner tells apart two
rocks with the same title. Milestone ids come from ``add_milestone`` (the
workspace counter), never from the file. cadence keeps no owner per
milestone (a milestone is its rock owner's), so a different Owner is noted.

A bad Due Date or an unknown rock skips the row; a bad Completed cell is
skipped alone. A milestone already on the rock with the same title (any
case) is updated, never added twice.
"""

from __future__ import annotations

from datetime import date

from cadence.domain.models import Milestone, Rock
from cadence.store.actions.rocks import add_milestone, edit_milestone, set_milestone_done
from cadence.store.errors import InputError
from cadence.store.importing import ImportOptions, ImportReport
from cadence.store.importing.record_sheet import Layout, SheetRow, find_layout, fold, read_quarter
from cadence.store.tables import Table
from cadence.store.transaction import Transaction

MILESTONE_COLUMNS = {
    "title": ("Title", "Milestone", "Milestone Title", "Milestone Name", "Name"),
    "rock": ("Rock", "Rock Title", "Rock Name", "Parent Rock"),
    "owner": ("Owner", "Who", "Assignee", "Accountable", "Owner Name"),
    "due": ("Due Date", "Due", "Due By", "Due On", "Deadline"),
    "completed": ("Completed", "Completed On", "Date Completed", "Done", "Complete"),
    "status": ("Status",),
    "quarter": ("Quarter", "Rock Quarter"),
}
DONE_STATUSES = frozenset({"done", "complete", "completed", "yes"})


def milestone_layout(table: Table) -> Layout | None:
    """A milestones sheet: Title and Rock columns (and, unless the sheet is named Milestones, a due date or a
    completed column); never a sheet with a Goal (a scorecard)."""
    if fold(table.name) == "milestones":
        return find_layout(table, MILESTONE_COLUMNS, ("title", "rock"), ("Goal",))
    layout = find_layout(table, MILESTONE_COLUMNS, ("title", "rock"), ("Goal", "Priority"))
    if layout is None or not (layout.has("due") or layout.has("completed")):
        return None
    return layout


def import_milestones(
    tx: Transaction, layout: Layout, options: ImportOptions, in_file: list[Rock], report: ImportReport
) -> None:
    """Create or update one milestone per row, on the rock it names."""
    seen: dict[tuple[str, str], int] = {}
    other_owners: list[int] = []
    for sheet_row in layout.rows():
        _import_one(tx, sheet_row, options, in_file, report, seen, other_owners)
        report.problems.extend(sheet_row.problems)
    if other_owners:
        rows = ", ".join(str(number) for number in other_owners[:10])
        report.notes.append(
            f"milestone owners are not kept (a milestone belongs to its rock's owner): {layout.table.name or 'sheet'} "
            f"row(s) {rows} name someone else"
        )


def _import_one(
    tx: Transaction,
    row: SheetRow,
    options: ImportOptions,
    in_file: list[Rock],
    report: ImportReport,
    seen: dict[tuple[str, str], int],
    other_owners: list[int],
) -> None:
    title = row.filled("title")
    if not title:
        row.problem("title", "no title")
        return
    rock = _rock_of(tx, row, options, in_file)
    due = row.date("due", options)
    if rock is None or (row.filled("due") and due is None):
        return
    key = (rock.id, title.casefold())
    if key in seen:
        row.problem("title", f"the same milestone as row {seen[key]} (same rock and title)")
        return
    seen[key] = row.number
    owner = row.filled("owner")
    if owner and owner.casefold() != tx.person_name(rock.owner_id).casefold():
        other_owners.append(row.number)
    done = _done(row, options)
    existing = next((m for m in rock.milestones if m.title.casefold() == key[1]), None)
    try:
        if existing is None:
            _create(tx, rock, title, due, done, options, report)
        else:
            _update(tx, rock, existing, due, done, options, report)
    except InputError as error:
        row.problem(None, str(error))


def _create(
    tx: Transaction,
    rock: Rock,
    title: str,
    due: date | None,
    done: bool | None,
    options: ImportOptions,
    report: ImportReport,
) -> None:
    rock = add_milestone(tx, rock.id, title, due.isoformat() if due else None, options.today)
    milestone = rock.milestones[-1]
    if done:
        set_milestone_done(tx, rock.id, milestone.id, True)
    when = f", due {milestone.due}" if milestone.due else ""
    report.lines.append(f"create {milestone.id} {title!r} on {rock.id} {rock.title!r}{when}{', done' if done else ''}")
    report.count("new milestones")


def _update(
    tx: Transaction,
    rock: Rock,
    milestone: Milestone,
    due: date | None,
    done: bool | None,
    options: ImportOptions,
    report: ImportReport,
) -> None:
    said: list[str] = []
    if due is not None and due != milestone.due:
        edit_milestone(tx, rock.id, milestone.id, None, due.isoformat(), options.today)
        said.append(f"due {due}")
    if done is not None and done != milestone.done:
        set_milestone_done(tx, rock.id, milestone.id, done)
        said.append("done" if done else "not done")
    if said:
        report.lines.append(f"update {milestone.id} {milestone.title!r} on {rock.id}: {', '.join(said)}")
        report.count("updated milestones")


def _done(row: SheetRow, options: ImportOptions) -> bool | None:
    """Completed (a date or yes/no), else Status (Done/Complete); None when the sheet says neither."""
    if row.filled("completed"):
        read = row.flag_or_date("completed", options)
        return None if read is None else read[0]
    if row.filled("status"):
        return fold(row.filled("status")) in DONE_STATUSES
    if row.has("completed") or row.has("status"):
        return False
    return None


def _rock_of(tx: Transaction, row: SheetRow, options: ImportOptions, in_file: list[Rock]) -> Rock | None:
    """The one rock the row's Rock cell names: among the file's rocks first, then the workspace's."""
    name = row.filled("rock")
    if not name:
        row.problem("rock", "no rock named (the Rock column gives the rock's title)")
        return None
    folded = name.casefold()
    file_ids = {rock.id for rock in in_file}
    candidates = [rock for rock in tx.rocks if rock.id in file_ids and rock.title.casefold() == folded]
    if not candidates:
        candidates = [rock for rock in tx.rocks if rock.title.casefold() == folded]
    quarter_text = row.filled("quarter")
    if quarter_text and len(candidates) > 1:
        quarter = read_quarter(tx, quarter_text, options.today)
        candidates = [rock for rock in candidates if rock.quarter == quarter]
    owner = row.filled("owner").casefold()
    if owner and len(candidates) > 1:
        candidates = [rock for rock in candidates if tx.person_name(rock.owner_id).casefold() == owner] or candidates
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        row.problem("rock", f"no rock titled {name!r} in the file or the workspace")
    else:
        ids = ", ".join(f"{rock.id} ({rock.quarter})" for rock in candidates)
        row.problem("rock", f"{name!r} names {len(candidates)} rocks ({ids}); add a Quarter column to tell them apart")
    return None

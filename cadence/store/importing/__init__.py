"""``cadence import FILE``: one front door for every spreadsheet or web-tool export a team brings.

Each kind of data has an ``Importer`` (scorecard, rocks, issues, to-dos) that
recognises its shapes (``recognise`` says which it found, in words the user
knows: "Ninety scorecard export"), and ``run`` plans and applies the file
inside the caller's one transaction. The contract every importer keeps:

- ``run`` applies everything good and skips everything bad, and each skipped
  thing is a ``Problem`` naming its sheet, row and column. The caller decides:
  without ``--skip-bad`` a report with problems aborts the transaction, so
  nothing at all is written; with it, the good part lands.
- ``--dry-run`` runs the same code in a rehearsal transaction that is thrown
  away (``Workspace.rehearsal``), so the plan shown is exactly what a real
  run does.
- Owners are matched by name through one ``OwnerResolver``; unknown names are
  problems unless ``--create-people`` or ``--map "Old Name=P-3"`` resolve them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from cadence.store.errors import InputError
from cadence.store.tables import Workbook
from cadence.store.transaction import Transaction

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: stage is ``read``, ``planned`` or ``written``."""


def no_progress(stage: str, done: int, total: int) -> None:
    """The default: say nothing."""


@dataclass(frozen=True)
class Problem:
    """One bad cell or row, said the way a spreadsheet user finds it: ``Rocks row 4, column Owner: ...``."""

    row: int
    column: str | None
    message: str
    sheet: str = ""

    def __str__(self) -> str:
        where = f"row {self.row}, column {self.column}" if self.column else f"row {self.row}"
        return f"{self.sheet} {where}: {self.message}" if self.sheet else f"{where}: {self.message}"


@dataclass(frozen=True)
class ImportOptions:
    """What the user said on the command line, shared by every importer."""

    today: date
    team: str | None = None
    dayfirst: bool | None = None
    """True: ``3/10/2025`` is 3 October; False: March 10; None: decide from the file, or ask."""
    create_people: bool = False
    people_map: Mapping[str, str] = field(default_factory=dict)
    """A name as the file writes it (case-insensitive) -> a person in the workspace (id or name)."""
    progress: Progress = no_progress


@dataclass
class ImportReport:
    """What an import did (or, rehearsed, would do), for the CLI to print."""

    kind: str
    shape: str
    lines: list[str] = field(default_factory=list)
    """One line per thing created or changed, in file order."""
    notes: list[str] = field(default_factory=list)
    """What the importer decided about the file: columns skipped, fractions read as percentages..."""
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    """``{"new rocks": 3, "milestones": 5}``: the summary line, in insertion order."""
    sheets: list[str] = field(default_factory=list)
    """The names of the sheets this import read (``""`` for a text file); the front door offers the
    others to the next importer."""

    @property
    def changed(self) -> bool:
        return any(self.counts.values())

    @property
    def bad_rows(self) -> list[int]:
        return sorted({problem.row for problem in self.problems})

    def summary(self) -> str:
        parts = [f"{count} {what}" for what, count in self.counts.items()]
        return ", ".join(parts) if parts else "nothing to change"

    def count(self, what: str, amount: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + amount


class Importer(Protocol):
    """One kind of data a team brings in."""

    kind: str
    """``scorecard``, ``rocks``, ``issues`` or ``todos``: the name ``--kind`` takes."""

    def recognise(self, book: Workbook) -> str | None:
        """The shape found, in the user's words ("Ninety rocks export (Rocks + Milestones sheets)"), or None."""
        ...

    def run(self, tx: Transaction, book: Workbook, options: ImportOptions) -> ImportReport:
        """Plan and apply inside ``tx``: everything good lands, everything bad is a ``Problem`` and skipped."""
        ...


def importers() -> list[Importer]:
    """Every importer, most specific shapes first (a rocks workbook is tried before a plain scorecard)."""
    from cadence.store.importing.registry import IMPORTERS

    return list(IMPORTERS)


def choose_importer(book: Workbook, kind: str | None = None) -> tuple[Importer, str]:
    """The importer for ``book`` and the shape it recognised; ``kind`` forces one (``--kind``)."""
    candidates = importers()
    if kind is not None:
        chosen = [importer for importer in candidates if importer.kind == kind]
        if not chosen:
            raise InputError(f"--kind: {kind!r} is not one of {', '.join(i.kind for i in candidates)}")
        shape = chosen[0].recognise(book)
        if shape is None:
            raise InputError(f"the file does not look like a {kind} sheet ({_expected(chosen[0].kind)})")
        return chosen[0], shape
    found = _recognised(book, set())
    if found is None:
        wanted = "; ".join(f"{importer.kind}: {_expected(importer.kind)}" for importer in candidates)
        raise InputError(f"cannot tell what this file holds ({book.shape}). Expected one of: {wanted}")
    return found


def _recognised(book: Workbook, tried: set[str]) -> tuple[Importer, str] | None:
    """The first importer not yet ``tried`` that recognises ``book``, with the shape it found."""
    for importer in importers():
        if importer.kind not in tried and (shape := importer.recognise(book)) is not None:
            return importer, shape
    return None


def import_book(
    tx: Transaction,
    book: Workbook,
    options: ImportOptions,
    kind: str | None = None,
    starting: Callable[[str, str], None] | None = None,
) -> tuple[list[ImportReport], list[str]]:
    """Run the importer(s) for ``book`` in ``tx``; returns their reports and the sheets nobody read.

    With ``kind`` only that importer runs. Without it, a workbook holding several kinds (``cadence
    export --kind all``: scorecard sheets, Rocks, Milestones, Short Term, To-dos...) is imported whole:
    the first importer that recognises the book reads its sheets, and the sheets left are offered to
    the next, until none is recognised. ``starting(kind, shape)`` is told before each runs.
    """
    reports: list[ImportReport] = []
    remaining = book
    tried: set[str] = set()
    found: tuple[Importer, str] | None = choose_importer(book, kind)  # raises when nothing fits
    while found is not None:
        importer, shape = found
        tried.add(importer.kind)
        if starting is not None:
            starting(importer.kind, shape)
        report = importer.run(tx, remaining, options)
        reports.append(report)
        read = set(report.sheets) if report.sheets else {table.name for table in remaining.tables}
        remaining = Workbook(book.shape, [table for table in remaining.tables if table.name not in read])
        found = _recognised(remaining, tried) if kind is None and remaining.tables else None
    return reports, _unread(remaining)


def _unread(book: Workbook) -> list[str]:
    """Named sheets with something in them that no import read (a read-me sheet, Headlines, People)."""
    return [
        table.name for table in book.tables if table.name and any(cell.strip() for row in table.rows for cell in row)
    ]


EXPECTED_COLUMNS = {
    "scorecard": "Measurable/Title, Owner/Who, Goal, then one column per week, month or quarter",
    "rocks": "Title, Owner, Due Date, Status (and a Milestones sheet)",
    "issues": "Title, Owner, Priority or Created Date (sheets Short Term / Long Term)",
    "todos": "To-do/Title, Owner, Due Date, Completed",
}


def _expected(kind: str) -> str:
    return EXPECTED_COLUMNS.get(kind, "")

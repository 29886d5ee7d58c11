"""Reading a sheet of records (rocks, milestones, issues, to-dos) the way the web tools and teams write them.

The rocks, issues and to-dos importers all face the same sheet: a header row
(not always the first: an export may start with a title line), then one row
per record. Columns are found by their header names, with every spelling the
exports use (``Due Date``, ``Due``, ``Due By``; ``To-do``, ``Todo``, ``Task``),
ignoring case, spaces and punctuation, so ``To-Do`` and ``todo`` are the same
column. Cells are read through one place each: dates through the domain's
``parse_date_cell`` (the importers never parse dates themselves), yes/no
through ``read_flag``; every cell that cannot be read becomes a ``Problem``
naming the sheet, the row number the spreadsheet shows and the column's
header as the file writes it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from cadence.domain.periods import parse_quarter
from cadence.domain.scorecard import PeriodKind
from cadence.domain.sheet_cells import is_empty_cell
from cadence.domain.sheet_dates import parse_date_cell, read_period_headers
from cadence.store.importing import ImportOptions, Problem
from cadence.store.importing.owners import OwnerResolver, exact_team_id
from cadence.store.tables import Table
from cadence.store.view import View

HEADER_SEARCH_ROWS = 5
"""An export may put a title or a blank line above its header row; the header is among the first few."""

YES = frozenset({"yes", "y", "true", "x", "done", "complete", "completed", "✓", "✔", "1"})
NO = frozenset({"no", "n", "false", "", "0", "open", "not done", "incomplete"})


def fold(text: str) -> str:
    """``To-Do``, ``to do`` and ``TODO`` -> ``todo``: how headers and choice cells are compared."""
    return re.sub(r"[^0-9a-z]+", "", text.casefold())


Aliases = Mapping[str, Sequence[str]]
"""A field -> the header spellings that name it (folded or not; they are folded before use)."""


def header_fields(headers: Sequence[str], aliases: Aliases) -> dict[str, int]:
    """Field -> the column that holds it (the first column a field's aliases name)."""
    folded = [fold(header) for header in headers]
    found: dict[str, int] = {}
    for name, spellings in aliases.items():
        wanted = [fold(spelling) for spelling in spellings]
        for spelling in wanted:
            if spelling in folded:
                index = folded.index(spelling)
                if index not in found.values():
                    found[name] = index
                    break
    return found


@dataclass(frozen=True)
class Layout:
    """Where a table's header row is and which field sits in which column."""

    table: Table
    header_row: int
    """0-based index of the header row."""
    columns: dict[str, int]

    @property
    def headers(self) -> list[str]:
        return self.table.rows[self.header_row]

    def has(self, name: str) -> bool:
        return name in self.columns

    def header(self, name: str) -> str:
        """The column's header as the file writes it (what a Problem names)."""
        return self.headers[self.columns[name]].strip()

    @property
    def data_rows(self) -> int:
        return sum(1 for row in self.table.rows[self.header_row + 1 :] if any(cell.strip() for cell in row))

    def unused_headers(self) -> list[str]:
        used = set(self.columns.values())
        return [header.strip() for index, header in enumerate(self.headers) if header.strip() and index not in used]

    def rows(self) -> Iterator[SheetRow]:
        for index in range(self.header_row + 1, len(self.table.rows)):
            cells = self.table.rows[index]
            if any(cell.strip() for cell in cells):
                yield SheetRow(self, index + 1, cells)


def find_layout(
    table: Table, aliases: Aliases, required: Sequence[str], forbidden: Sequence[str] = ()
) -> Layout | None:
    """The first of the table's top rows naming every ``required`` field and no ``forbidden`` one."""
    for index, row in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        columns = header_fields(row, aliases)
        if all(name in columns for name in required):
            folded = {fold(cell) for cell in row}
            if any(fold(name) in folded for name in forbidden):
                return None
            return Layout(table, index, columns)
    return None


@dataclass
class SheetRow:
    """One record's row: cells by field, and the problems found reading them."""

    layout: Layout
    number: int
    """The row number a spreadsheet shows (1-based)."""
    cells: list[str]
    problems: list[Problem] = field(default_factory=list)

    def has(self, name: str) -> bool:
        return self.layout.has(name)

    def text(self, name: str) -> str:
        """The cell's text, outer spaces trimmed; ``""`` when the column is missing."""
        if name not in self.layout.columns:
            return ""
        index = self.layout.columns[name]
        return self.cells[index].strip() if index < len(self.cells) else ""

    def filled(self, name: str) -> str:
        """The cell's text, or ``""`` for an empty mark (``n/a``, ``-``, ``—``)."""
        value = self.text(name)
        return "" if is_empty_cell(value) else value

    def problem(self, name: str | None, message: str) -> None:
        column = self.layout.header(name) if name is not None and name in self.layout.columns else name
        self.problems.append(Problem(self.number, column, message, self.layout.table.name))

    def date(self, name: str, options: ImportOptions) -> dt.date | None:
        """The cell as a date (None when empty); an unreadable one is a problem, and None."""
        value = self.filled(name)
        if not value:
            return None
        try:
            return parse_date_cell(value, options.today, options.dayfirst)
        except ValueError as error:
            self.problem(name, str(error))
            return None

    def flag_or_date(self, name: str, options: ImportOptions) -> tuple[bool, dt.date | None] | None:
        """A Completed cell: a date (done that day), or yes/no; None (and a problem) for anything else."""
        value = self.filled(name)
        if fold(value) in NO or value.casefold() in NO:
            return False, None
        if value.casefold() in YES or fold(value) in YES:
            return True, None
        try:
            return True, parse_date_cell(value, options.today, options.dayfirst)
        except ValueError:
            self.problem(name, f"{value!r} is neither a date nor yes/no")
            return None


def read_quarter(view: View, text: str, today: date) -> str | None:
    """A Quarter cell as a label (``2026-Q4``): ``2026-Q4``, ``Q4 2026``, ``Q4 '26``; None if it names none."""
    try:
        return parse_quarter(text, view.meta.fiscal_start_month).label
    except ValueError:
        pass
    try:
        periods = read_period_headers([text], today, fiscal_start_month=view.meta.fiscal_start_month)
    except ValueError:
        return None
    period = periods.get(0)
    if period is None or period.kind is not PeriodKind.QUARTER:
        return None
    return view.quarter_of(period.start).label


def team_id_of(view: View, sheet_row: SheetRow, name: str, default: str | None) -> tuple[bool, str | None]:
    """(ok, team id) for a Team cell; an empty cell is ``default``; a team nobody has is a problem (not ok)."""
    value = sheet_row.filled(name)
    if not value:
        return True, default
    team_id = exact_team_id(view, value)
    if team_id is not None:
        return True, team_id
    sheet_row.problem(name, f"no team named {value!r} (add it with `cadence team add`, or leave the cell empty)")
    return False, None


def owner_of(sheet_row: SheetRow, resolver: OwnerResolver, required: bool) -> tuple[bool, str | None]:
    """(ok, person id) for the Owner cell: an unknown name is a problem (the row is skipped); an empty
    cell is a problem only where the record needs an owner."""
    name = sheet_row.filled("owner")
    if not name:
        if required:
            sheet_row.problem("owner" if sheet_row.has("owner") else "Owner", "no owner")
        return not required, None
    person_id = resolver.resolve(name, sheet_row.number)
    if person_id is None:
        sheet_row.problem("owner", OwnerResolver.unknown_message(name))
        return False, None
    return True, person_id


def changed_fields(current: Mapping[str, object], wanted: Mapping[str, object]) -> dict[str, object]:
    """The fields of ``wanted`` whose value differs from ``current``'s: what an update changes."""
    return {name: value for name, value in wanted.items() if current.get(name) != value}


TEXT_FIELDS = frozenset({"description", "details", "decision", "root_cause", "title"})


def describe_changes(changes: Mapping[str, object]) -> str:
    """``due 2026-12-01, status done``: an update's plan line, in the words of the fields."""
    parts = []
    for name, value in changes.items():
        shown = getattr(value, "value", value)
        if isinstance(shown, str) and len(shown) > 40:
            shown = repr(shown[:37] + "...")
        elif isinstance(shown, str) and name in TEXT_FIELDS:
            shown = repr(shown)
        label = name.removesuffix("_id").replace("_", " ")
        parts.append(f"{label} {'(none)' if shown in (None, '') else shown}")
    return ", ".join(parts)


def sheets_read(used: Sequence[Layout]) -> list[str]:
    """The names of the sheets an import read, for ``ImportReport.sheets``: the front door hands the
    rest of a workbook (``cadence export --kind all`` holds every kind) to the next importer."""
    return [layout.table.name for layout in used]

"""The rows of a scorecard sheet under its layout: measurables, their note rows, and section headings.

A row with a title and nothing else (``SALES,,,``) is a heading, never an
error: teams group their measurables that way. When the heading (or a group
column's cell) names a team, the rows under it belong to that team;
otherwise it is only a heading and the report says so. A row whose Unit cell
(or Goal cell, without a Unit column) reads ``note`` holds notes for the
measurable on the row above, one per period: the shape cadence's own export
writes. Blank cells and ``n/a``, ``-``, ``—`` are empty
(``sheet_cells.is_empty_cell``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from cadence.domain.sheet_cells import is_empty_cell
from cadence.store.importing import Problem
from cadence.store.importing.scorecard_layout import DESCRIPTION, GOAL, GROUP, NOTES, OWNER, TITLE, UNIT, Layout

NOTE_ROW_MARKS = ("note", "notes")

TeamFinder = Callable[[str], str | None]
"""A heading's text -> the id of the team it names (exactly, case-insensitively), or None."""


@dataclass
class SheetRow:
    """One measurable's row as the sheet has it (texts stripped; ``row`` as the spreadsheet numbers it)."""

    row: int
    title: str
    owner: str
    goal: str
    unit: str
    description: str
    notes_text: str
    cells: dict[int, str]
    """Period column -> the cell's text, for every cell that is not empty."""
    team_id: str | None
    note_cells: dict[int, str] = field(default_factory=dict)
    notes_row: int | None = None


@dataclass
class SheetRows:
    rows: list[SheetRow]
    notes: list[str]
    problems: list[Problem]


def read_rows(layout: Layout, find_team: TeamFinder, default_team: str | None) -> SheetRows:
    """Every measurable row of the sheet, each with the team its heading or group cell names."""
    table = layout.table
    roles = layout.roles

    def text(record: list[str], role: str) -> str:
        index = roles.get(role)
        return record[index].strip() if index is not None and index < len(record) else ""

    rows: list[SheetRow] = []
    notes: list[str] = []
    problems: list[Problem] = []
    unknown_groups: list[str] = []
    team_id = default_team
    note_column = UNIT if UNIT in roles else GOAL
    for index in range(layout.first_data_row, len(table.rows)):
        record = table.rows[index]
        number = index + 1
        if not any(cell.strip() for cell in record):
            continue
        cells = {
            column: record[column].strip()
            for column in layout.periods
            if column < len(record) and not is_empty_cell(record[column])
        }
        if text(record, note_column).casefold() in NOTE_ROW_MARKS:
            owner_row = rows[-1] if rows else None
            title = text(record, TITLE)
            if owner_row is None or (title and title.casefold() != owner_row.title.casefold()):
                problems.append(
                    Problem(number, None, "a note row must come right under its measurable's row", table.name)
                )
                continue
            owner_row.note_cells = cells
            owner_row.notes_row = number
            continue
        group = text(record, GROUP)
        if group:  # a group cell holds for the rows under it too (a merged cell reads as blank below)
            named = find_team(group)
            team_id = named or default_team
            if named is None and group not in unknown_groups:
                unknown_groups.append(group)
                notes.append(f"group {group!r} names no team: read as a heading only")
        title = text(record, TITLE)
        others = [text(record, role) for role in (OWNER, GOAL, UNIT, DESCRIPTION, NOTES)]
        if title and not cells and not any(others):
            team_id = _heading(title, find_team, default_team, number, notes)
            continue
        rows.append(
            SheetRow(
                row=number,
                title=title,
                owner=text(record, OWNER),
                goal=text(record, GOAL),
                unit=text(record, UNIT),
                description=text(record, DESCRIPTION),
                notes_text=text(record, NOTES),
                cells=cells,
                team_id=team_id,
            )
        )
    return SheetRows(rows, notes, problems)


def _heading(title: str, find_team: TeamFinder, default_team: str | None, number: int, notes: list[str]) -> str | None:
    """A section heading: the team it names for the rows under it, or just a heading (noted)."""
    named = find_team(title)
    if named is not None:
        notes.append(f"row {number}: {title!r} is a heading naming team {named}: the rows under it are that team's")
        return named
    notes.append(f"row {number}: {title!r} read as a section heading (it names no team)")
    return default_team

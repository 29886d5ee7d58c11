"""What one scorecard row will do to the workspace, checked cell by cell before anything is written.

A row is matched to an existing measurable by title within its team (the
``--team`` given, or the team its heading names), else it creates one, counted
per week, month or quarter by the columns its values fill. Every cell that
cannot be read is a ``Problem`` naming its row and column, and only that cell
is left out; a row that cannot make a measurable at all (no owner, no goal, an
unknown unit) is one problem and skipped whole. Cells and goals are read the
way people write them (``cadence.domain.sheet_cells``); a percent measurable
whose values were typed as fractions (0.85) reads them as 85%, and says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from cadence.domain.goals import Goal
from cadence.domain.models import Frequency, Measurable
from cadence.domain.scorecard import active_measurables
from cadence.domain.sheet_cells import guess_unit, looks_like_fractions, parse_cell, parse_sheet_goal
from cadence.domain.units import Unit
from cadence.store.importing import Problem
from cadence.store.importing.owners import OwnerResolver
from cadence.store.importing.scorecard_layout import (
    GOAL,
    KIND_FREQUENCY,
    NOTES,
    OWNER,
    TITLE,
    UNIT,
    Layout,
)
from cadence.store.importing.scorecard_rows import SheetRow
from cadence.store.transaction import Transaction


@dataclass(frozen=True)
class PeriodValue:
    start: date
    value: float
    old: float | None


@dataclass(frozen=True)
class PeriodNote:
    start: date
    text: str
    old: str


@dataclass
class RowPlan:
    """One good row: the measurable it makes or changes, and its values and notes that differ."""

    sheet: str
    row: int
    title: str
    existing: Measurable | None
    team_id: str | None
    frequency: Frequency
    unit: Unit
    owner_id: str | None
    goal: Goal | None
    description: str | None
    values: list[PeriodValue] = field(default_factory=list)
    notes: list[PeriodNote] = field(default_factory=list)
    unchanged: int = 0


@dataclass
class Planner:
    """Plans the rows of one sheet inside ``tx``; remembers titles seen so a title twice is caught."""

    tx: Transaction
    layout: Layout
    owners: OwnerResolver
    this_period: Callable[[Frequency], date]
    notes: list[str] = field(default_factory=list)
    seen: dict[tuple[str | None, Frequency, str], int] = field(default_factory=dict)

    def plan(self, row: SheetRow) -> tuple[RowPlan | None, list[Problem]]:
        problems: list[Problem] = []
        sheet = self.layout.table.name

        def bad(role_or_column: str | int, message: str, at: int = row.row) -> None:
            problems.append(Problem(at, self._column(role_or_column), message, sheet))

        frequency = self._frequency(row, bad)
        if frequency is None:
            return None, problems
        existing = self._match(row, frequency, bad)
        if problems:
            return None, problems
        if existing is not None:
            frequency = existing.frequency  # a row without values (a goal change only) keeps its own periods
        owner_id = self._owner(row, existing, bad)
        unit = self._unit(row, existing, bad)
        goal = self._goal(row, existing, unit, bad)
        if existing is None and (problems or owner_id is None or goal is None or unit is None):
            return None, problems
        assert unit is not None
        plan = RowPlan(sheet, row.row, row.title, existing, row.team_id, frequency, unit, owner_id, goal, None)
        if row.description and (existing is None or row.description != existing.description):
            plan.description = row.description
        read = self._values(row, plan, bad)
        self._notes(row, plan, read, bad)
        return plan, problems

    def _column(self, role_or_column: str | int) -> str:
        if isinstance(role_or_column, int):
            return self.layout.column_name(role_or_column)
        index = self.layout.roles.get(role_or_column)
        return self.layout.column_name(index) if index is not None else role_or_column.title()

    def _frequency(self, row: SheetRow, bad: Callable[..., None]) -> Frequency | None:
        kinds = {self.layout.periods[column].kind for column in row.cells}
        if len(kinds) > 1:
            names = " and ".join(sorted(kind.value for kind in kinds))
            bad(TITLE, f"values in both {names} columns: a measurable is counted per week, month or quarter")
            return None
        if kinds:
            return KIND_FREQUENCY[kinds.pop()]
        sheet_kinds = self.layout.kinds()
        return KIND_FREQUENCY[sheet_kinds[0]] if len(sheet_kinds) == 1 else Frequency.WEEKLY

    def _match(self, row: SheetRow, frequency: Frequency, bad: Callable[..., None]) -> Measurable | None:
        if not row.title:
            bad(TITLE, "empty: every row needs the measurable's name")
            return None
        folded = row.title.casefold()
        key = (row.team_id, frequency, folded)
        if key in self.seen:
            bad(TITLE, f"{row.title!r} is already on row {self.seen[key]}")
            return None
        self.seen[key] = row.row
        team = row.team_id
        matches = [
            measurable
            for measurable in active_measurables(self.tx.measurables)
            if measurable.title.casefold() == folded and self.tx.in_team(team, measurable.team_id, measurable.owner_id)
        ]
        if len(matches) > 1:
            matches = [measurable for measurable in matches if measurable.frequency is frequency] or matches
        if len(matches) > 1:
            ids = ", ".join(measurable.id for measurable in matches)
            bad(TITLE, f"{row.title!r} matches {ids}: name the team with --team or a heading row")
            return None
        existing = matches[0] if matches else None
        if existing is not None and existing.frequency is not frequency and row.cells:
            bad(
                TITLE,
                f"{existing.id} is counted {existing.frequency.value} but this row's values are in "
                f"{frequency.value} columns",
            )
            return None
        return existing

    def _owner(self, row: SheetRow, existing: Measurable | None, bad: Callable[..., None]) -> str | None:
        if not row.owner:
            if existing is None:
                bad(OWNER, "empty: every measurable needs an owner")
            return None
        owner_id = self.owners.resolve(row.owner, row.row)
        if owner_id is None:
            bad(OWNER, OwnerResolver.unknown_message(row.owner))
        return owner_id

    def _unit(self, row: SheetRow, existing: Measurable | None, bad: Callable[..., None]) -> Unit | None:
        if existing is not None:
            if row.unit and row.unit.casefold() != existing.unit.value:
                bad(
                    UNIT,
                    f"{row.unit!r} differs from {existing.id}'s unit ({existing.unit.value}): "
                    "change it in the app first",
                )
            return existing.unit
        if row.unit:
            try:
                return Unit(row.unit.casefold())
            except ValueError:
                bad(UNIT, f"{row.unit!r} is not one of {', '.join(member.value for member in Unit)}")
                return None
        from_values = guess_unit(list(row.cells.values()))
        return from_values if from_values is not Unit.NUMBER else guess_unit([row.goal, *row.cells.values()])

    def _goal(
        self, row: SheetRow, existing: Measurable | None, unit: Unit | None, bad: Callable[..., None]
    ) -> Goal | None:
        if not row.goal:
            if existing is None:
                bad(GOAL, "a new measurable needs a goal (like >= 20 or 70%-85%)")
            return None
        if unit is None:
            return None
        try:
            goal = parse_sheet_goal(row.goal, unit)
        except ValueError as error:
            bad(GOAL, str(error))
            return None
        if existing is not None and goal == existing.goal_for_week(self.this_period(existing.frequency)):
            return None
        return goal

    def _values(self, row: SheetRow, plan: RowPlan, bad: Callable[..., None]) -> list[int]:
        """Plan the row's values; returns the columns that read (a bad cell is a problem, and left out)."""
        read: list[int] = []
        fractions = plan.unit is Unit.PERCENT and looks_like_fractions(list(row.cells.values()))
        if fractions:
            self.notes.append(
                f"row {row.row} {row.title!r}: values like 0.85 are fractions of a percent measurable: read as 85%"
            )
        for column, text in sorted(row.cells.items()):
            try:
                value = parse_cell(text, plan.unit, fractions=fractions)
            except ValueError as error:
                bad(column, str(error))
                continue
            read.append(column)
            start = self._start(plan.frequency, column)
            old = self.tx.score_for(plan.existing.id, start) if plan.existing is not None else None
            if old is not None and old.value == value:
                plan.unchanged += 1
            else:
                plan.values.append(PeriodValue(start, value, None if old is None else old.value))
        return read

    def _start(self, frequency: Frequency, column: int) -> date:
        return self.tx.period_start(frequency, self.layout.periods[column].start)

    def _notes(self, row: SheetRow, plan: RowPlan, read: list[int], bad: Callable[..., None]) -> None:
        """Note-row notes by period; a Notes column's note goes with the latest period that has a value."""
        wanted: dict[date, tuple[str, int, int]] = {}
        for column, text in row.note_cells.items():
            wanted[self._start(plan.frequency, column)] = (text, column, row.notes_row or row.row)
        if row.notes_text:
            if not read:
                bad(NOTES, "a note needs a value on its row (it goes with the latest period that has one)")
            else:
                latest = max(read, key=lambda column: self.layout.periods[column].start)
                wanted[self._start(plan.frequency, latest)] = (row.notes_text, -1, row.row)
        new_values = {value.start for value in plan.values}
        for start, (text, column, at) in sorted(wanted.items()):
            old = self.tx.score_for(plan.existing.id, start) if plan.existing is not None else None
            if start not in new_values and old is None:
                bad(column if column >= 0 else NOTES, "a note needs a value in that period", at)
                continue
            old_note = old.note if old is not None else ""
            if text != old_note:
                plan.notes.append(PeriodNote(start, text, old_note))

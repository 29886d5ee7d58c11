"""The Scorecard as a spreadsheet: export to CSV, and import a CSV with a plan shown first.

The shape is the one most teams already keep: one row per measurable, columns
``Measurable``, ``Owner``, ``Goal`` (and optionally ``Unit``), then one column
per week headed by a date (ISO ``2026-11-16``; any day of the week names that
week). Empty cells are weeks without a value. Notes ride in an optional row
under their measurable whose ``Unit`` cell (or ``Goal`` cell, without a Unit
column) reads ``note``; its week cells hold the notes.

Export writes values so they read back exactly (``61850.25``, ``92.4%``,
``yes``, ``1:30``) and the goal in force this week, so export -> import changes
nothing. Import never writes half a file: it reads and checks every row
first (``plan_import``), reports each bad cell by row and column, and only
then applies the good rows in the caller's one transaction (``apply_import``).
Unknown columns (a team's own "Total" or "Comments") are ignored and listed.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from cadence.domain.goals import Goal, parse_goal
from cadence.domain.models import Measurable, Team
from cadence.domain.scorecard import active_measurables, week_periods
from cadence.domain.units import Unit, format_value, parse_value
from cadence.store.actions.scorecard import (
    create_measurable,
    edit_measurable,
    record_score,
    set_goal_from,
    set_score_note,
)
from cadence.store.errors import InputError
from cadence.store.scorecard_values import export_goal, export_value
from cadence.store.transaction import Transaction
from cadence.store.view import View

MEASURABLE = "measurable"
OWNER = "owner"
GOAL = "goal"
UNIT = "unit"
KNOWN_COLUMNS = (MEASURABLE, OWNER, GOAL, UNIT)
NOTE_ROW = "note"
HEADERS = ("Measurable", "Owner", "Goal", "Unit")

_DATE_LIKE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?\s*$")
_REASON_PREFIX = re.compile(r"^(number|amount|percent|duration): ")


# Export -------------------------------------------------------------------------------


def team_measurables(view: View, team: Team | None) -> list[Measurable]:
    """The active measurables of ``team`` as its scorecard shows them (``View.in_team``); all without a team."""
    team_id = team.id if team else None
    return [m for m in active_measurables(view.measurables) if view.in_team(team_id, m.team_id, m.owner_id)]


def export_csv(view: View, today: date, weeks: int = 13, team: Team | None = None, notes: bool = True) -> str:
    """The scorecard for the ``weeks`` weeks ending this week, oldest week first."""
    periods = week_periods(today, weeks, view.meta.week_start_day)
    this_week = view.week_of(today)
    measurables = team_measurables(view, team)
    scores = {(score.measurable_id, score.week): score for score in view.scores}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*HEADERS, *(period.start.isoformat() for period in periods)])
    for measurable in measurables:
        found = [scores.get((measurable.id, period.start)) for period in periods]
        writer.writerow(
            [
                measurable.title,
                view.person_name(measurable.owner_id),
                export_goal(measurable.goal_for_week(this_week), measurable.unit),
                measurable.unit.value,
                *("" if score is None else export_value(score.value, measurable.unit) for score in found),
            ]
        )
        if notes and any(score is not None and score.note for score in found):
            writer.writerow(
                [measurable.title, "", "", NOTE_ROW, *("" if score is None else score.note for score in found)]
            )
    return out.getvalue()


# Reading a sheet --------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One bad cell (or row) of the file, said the way a spreadsheet user finds it."""

    row: int
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}, column {self.column}" if self.column else f"row {self.row}"
        return f"{where}: {self.message}"


@dataclass
class SheetRow:
    row: int
    title: str
    owner: str
    goal: str
    unit: str
    cells: dict[date, str]
    notes: dict[date, str] = field(default_factory=dict)
    notes_row: int | None = None


@dataclass
class Sheet:
    weeks: list[tuple[str, date]]
    rows: list[SheetRow]
    ignored_columns: list[str]
    has_unit: bool
    problems: list[Problem]


def _decode(payload: bytes) -> str:
    try:
        return payload.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("the file is not UTF-8 text (save it from the spreadsheet as CSV UTF-8)") from None


def _records(text: str) -> list[list[str]]:
    """Rows of the file; the delimiter is whichever of , ; or tab the header uses most (Excel in
    many locales writes ``;``)."""
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count) if first else ","
    try:
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as error:
        raise InputError(f"not a readable CSV file: {error}") from None


def read_sheet(payload: bytes | str, week_of: Callable[[date], date]) -> Sheet:
    """Parse the header and rows; problems in the header raise ``InputError``, row problems are collected."""
    text = _decode(payload) if isinstance(payload, bytes) else payload
    records = _records(text)
    if not records or not any(cell.strip() for cell in records[0]):
        raise InputError("the file is empty: expected a header row like Measurable,Owner,Goal,2026-11-16,...")
    header = records[0]
    known: dict[str, int] = {}
    weeks: list[tuple[str, date]] = []
    week_columns: dict[int, date] = {}
    ignored: list[str] = []
    for index, raw in enumerate(header):
        name = raw.strip()
        folded = name.casefold()
        if not name:
            continue
        if folded in KNOWN_COLUMNS:
            if folded in known:
                raise InputError(f"column {index + 1}: {name!r} appears twice in the header")
            known[folded] = index
            continue
        if _DATE_LIKE.match(name):
            week = _header_week(name, index, week_of)
            clash = [text_ for text_, other in weeks if other == week]
            if clash:
                raise InputError(f"columns {clash[0]!r} and {name!r} name the same week (of {week})")
            weeks.append((name, week))
            week_columns[index] = week
            continue
        ignored.append(name)
    for required in (MEASURABLE, OWNER):
        if required not in known:
            raise InputError(f"the header has no {required.title()} column (expected Measurable,Owner,Goal,<dates>)")

    def cell(record: list[str], column: str) -> str:
        index = known.get(column)
        return record[index].strip() if index is not None and index < len(record) else ""

    rows: list[SheetRow] = []
    problems: list[Problem] = []
    note_column = UNIT if UNIT in known else GOAL
    for number, record in enumerate(records[1:], start=2):
        if not any(value.strip() for value in record):
            continue
        cells = {
            week: record[index].strip()
            for index, week in week_columns.items()
            if index < len(record) and record[index].strip()
        }
        if cell(record, note_column).casefold() in (NOTE_ROW, "notes"):
            title = cell(record, MEASURABLE)
            owner_row = rows[-1] if rows else None
            if owner_row is None or (title and title.casefold() != owner_row.title.casefold()):
                problems.append(Problem(number, None, "a note row must come right under its measurable's row"))
                continue
            owner_row.notes = cells
            owner_row.notes_row = number
            continue
        rows.append(
            SheetRow(
                row=number,
                title=cell(record, MEASURABLE),
                owner=cell(record, OWNER),
                goal=cell(record, GOAL),
                unit=cell(record, UNIT),
                cells=cells,
            )
        )
    return Sheet(weeks, rows, ignored, UNIT in known, problems)


def _header_week(name: str, index: int, week_of: Callable[[date], date]) -> date:
    match = _DATE_LIKE.match(name)
    assert match is not None
    try:
        day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise InputError(f"column {index + 1}: {name!r} is not a real date") from None
    return week_of(day)


# Planning --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ValueChange:
    week: date
    old: float | None
    new: float


@dataclass(frozen=True)
class NoteChange:
    week: date
    old: str
    new: str


@dataclass
class RowPlan:
    """What one good row will do: create or change a measurable, set values and notes."""

    row: int
    title: str
    measurable: Measurable | None
    owner_id: str
    unit: Unit
    goal: Goal | None
    owner_changed: bool = False
    goal_changed: bool = False
    values: list[ValueChange] = field(default_factory=list)
    notes: list[NoteChange] = field(default_factory=list)
    unchanged: int = 0

    @property
    def is_new(self) -> bool:
        return self.measurable is None

    @property
    def changes_anything(self) -> bool:
        return self.is_new or self.owner_changed or self.goal_changed or bool(self.values) or bool(self.notes)


@dataclass
class ImportPlan:
    rows: list[RowPlan]
    problems: list[Problem]
    bad_rows: list[int]
    ignored_columns: list[str]
    this_week: date

    @property
    def new_measurables(self) -> list[RowPlan]:
        return [row for row in self.rows if row.is_new]

    @property
    def values_set(self) -> int:
        return sum(1 for row in self.rows for change in row.values if change.old is None)

    @property
    def values_changed(self) -> int:
        return sum(1 for row in self.rows for change in row.values if change.old is not None)

    @property
    def notes_changed(self) -> int:
        return sum(len(row.notes) for row in self.rows)

    @property
    def measurables_changed(self) -> int:
        return sum(1 for row in self.rows if not row.is_new and (row.owner_changed or row.goal_changed))

    @property
    def unchanged(self) -> int:
        return sum(row.unchanged for row in self.rows)

    @property
    def empty(self) -> bool:
        return not any(row.changes_anything for row in self.rows)

    def summary(self) -> str:
        parts = [
            f"{len(self.new_measurables)} new measurable(s)",
            f"{self.measurables_changed} measurable(s) changed",
            f"{self.values_set} value(s) set",
            f"{self.values_changed} value(s) changed",
            f"{self.notes_changed} note(s)",
            f"{self.unchanged} value(s) unchanged",
        ]
        return ", ".join(parts)


def _reason(error: ValueError) -> str:
    return _REASON_PREFIX.sub("", str(error))


def guess_unit(texts: Sequence[str]) -> Unit:
    """A new measurable without a Unit column: read the unit off how its goal and values are written."""
    filled = [text.strip() for text in texts if text.strip()]
    if any(sign in text for text in filled for sign in "$€£¥"):
        return Unit.CURRENCY
    if any(text.endswith("%") for text in filled):
        return Unit.PERCENT
    words = [text.split()[-1].casefold() for text in filled]
    if words and all(word in ("yes", "no", "y", "n") for word in words):
        return Unit.YESNO
    if any(re.search(r"\d:\d\d", text) for text in filled):
        return Unit.DURATION
    return Unit.NUMBER


def plan_import(view: View, sheet: Sheet, today: date, team: Team | None = None) -> ImportPlan:
    """Check every row against the workspace and say what importing it would do; writes nothing."""
    this_week = view.week_of(today)
    problems = list(sheet.problems)
    plans: list[RowPlan] = []
    candidates = team_measurables(view, team)
    seen_titles: dict[str, int] = {}
    scores = {(score.measurable_id, score.week): score for score in view.scores}
    for row in sheet.rows:
        row_problems: list[Problem] = []

        def bad(column: str | None, message: str, row: SheetRow = row, found: list[Problem] = row_problems) -> None:
            found.append(Problem(row.row, column, message))

        if not row.title:
            bad("Measurable", "empty: every row needs the measurable's name")
        folded = row.title.casefold()
        if row.title and folded in seen_titles:
            bad("Measurable", f"{row.title!r} is already on row {seen_titles[folded]}")
        seen_titles.setdefault(folded, row.row)
        matches = [measurable for measurable in candidates if measurable.title.casefold() == folded]
        if len(matches) > 1:
            ids = ", ".join(measurable.id for measurable in matches)
            bad("Measurable", f"{row.title!r} matches {ids}: name the team with --team")
        existing = matches[0] if len(matches) == 1 else None

        owner_id = ""
        if not row.owner:
            bad("Owner", "empty: every measurable needs an owner")
        else:
            try:
                owner_id = view.find_person(row.owner).id
            except InputError as error:
                bad("Owner", f"unknown owner: {error}")

        if existing is not None:
            unit = existing.unit
            if row.unit and row.unit.casefold() != existing.unit.value:
                bad(
                    "Unit",
                    f"{row.unit!r} differs from {existing.id}'s unit ({existing.unit.value}); "
                    "change it in the app first",
                )
        elif row.unit:
            try:
                unit = Unit(row.unit.casefold())
            except ValueError:
                unit = Unit.NUMBER
                bad("Unit", f"{row.unit!r} is not one of {', '.join(member.value for member in Unit)}")
        else:
            unit = guess_unit([row.goal, *row.cells.values()])

        goal: Goal | None = None
        if row.goal:
            try:
                goal = parse_goal(row.goal, unit)
            except ValueError as error:
                bad("Goal", _reason(error))
        elif existing is None:
            bad("Goal", "a new measurable needs a goal (like >= 20)")

        plan = RowPlan(row.row, row.title, existing, owner_id, unit, goal)
        if existing is not None:
            plan.owner_changed = bool(owner_id) and owner_id != existing.owner_id
            plan.goal_changed = goal is not None and goal != existing.goal_for_week(this_week)
        headers = {week: text for text, week in sheet.weeks}
        for week, text in sorted(row.cells.items()):
            try:
                value = parse_value(text, unit)
            except ValueError as error:
                bad(headers[week], _reason(error))
                continue
            old = scores.get((existing.id, week)) if existing is not None else None
            if old is not None and old.value == value:
                plan.unchanged += 1
            else:
                plan.values.append(ValueChange(week, None if old is None else old.value, value))
        for week, text in sorted(row.notes.items()):
            old = scores.get((existing.id, week)) if existing is not None else None
            if week not in row.cells and old is None:
                row_problems.append(
                    Problem(row.notes_row or row.row, headers[week], "a note needs a value in that week")
                )
                continue
            old_note = old.note if old is not None else ""
            if text != old_note:
                plan.notes.append(NoteChange(week, old_note, text))
        if row_problems:
            problems.extend(row_problems)
        else:
            plans.append(plan)
    bad_rows = sorted({problem.row for problem in problems})
    return ImportPlan(plans, problems, bad_rows, list(sheet.ignored_columns), this_week)


def describe_plan(plan: ImportPlan, view: View, show: Callable[[str], str] = str) -> list[str]:
    """One line per thing the import creates or changes; ``show`` makes user text safe to print."""
    lines: list[str] = []
    for row in plan.rows:
        unit = row.unit
        if row.measurable is None:
            goal = row.goal.describe(unit) if row.goal else "?"
            lines.append(
                f"row {row.row}: create {show(repr(row.title))} (owner {show(view.person_name(row.owner_id))}, "
                f"goal {goal}, unit {unit.value})"
            )
            name = show(repr(row.title))
        else:
            name = f"{row.measurable.id} {show(repr(row.measurable.title))}"
            if row.owner_changed:
                lines.append(
                    f"row {row.row}: {name} owner {show(view.person_name(row.measurable.owner_id))} -> "
                    f"{show(view.person_name(row.owner_id))}"
                )
            if row.goal_changed and row.goal is not None:
                lines.append(
                    f"row {row.row}: {name} goal {row.measurable.goal_for_week(plan.this_week).describe(unit)} -> "
                    f"{row.goal.describe(unit)} from the week of {plan.this_week}"
                )
        for change in row.values:
            new = format_value(change.new, unit)
            if change.old is None:
                lines.append(f"row {row.row}: {name} week of {change.week}: set {new}")
            else:
                lines.append(f"row {row.row}: {name} week of {change.week}: {format_value(change.old, unit)} -> {new}")
        for note in row.notes:
            lines.append(f"row {row.row}: {name} week of {note.week}: note {show(repr(note.new))}")
    return lines


# Applying --------------------------------------------------------------------------------


def apply_import(tx: Transaction, plan: ImportPlan, team: Team | None = None) -> list[Measurable]:
    """Make every planned change inside ``tx`` (the caller's one transaction) through the scorecard's
    actions, the same the app and ``cadence score set`` use; returns the new measurables."""
    created: list[Measurable] = []
    for row in plan.rows:
        if row.measurable is None:
            assert row.goal is not None
            measurable = create_measurable(
                tx,
                title=row.title,
                owner_id=row.owner_id,
                team_id=team.id if team else None,
                unit=row.unit,
                goal=row.goal,
            )
            created.append(measurable)
        else:
            measurable = tx.measurable(row.measurable.id)
            if row.owner_changed:
                measurable = edit_measurable(tx, measurable.id, owner=row.owner_id)
            if row.goal_changed and row.goal is not None:
                measurable = set_goal_from(tx, measurable.id, row.goal, plan.this_week)
        notes = {note.week: note.new for note in row.notes}
        for change in row.values:
            record_score(tx, measurable.id, change.week, change.new, notes.pop(change.week, None))
        for week, note in notes.items():
            set_score_note(tx, measurable.id, week, note)
    return created

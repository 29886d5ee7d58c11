"""Scorecards as teams keep them: a Google Sheet, Ninety's or Bloom Growth's export, cadence's own.

``ScorecardImporter`` finds each sheet's layout (``scorecard_layout``: the
header row wherever it sits, the period columns, the extra columns by name),
reads its rows (``scorecard_rows``: headings, note rows), plans every row
against the workspace (``scorecard_plan``) and applies the good ones
(``scorecard_apply``). A workbook may hold several scorecards (cadence's
``.xlsx`` export has a Weekly, a Monthly and a Quarterly sheet): every sheet
that looks like one is imported, and the others are named in the notes.
"""

from __future__ import annotations

from datetime import date

from cadence.domain.models import Frequency
from cadence.store.clock import now
from cadence.store.errors import InputError
from cadence.store.importing import EXPECTED_COLUMNS, ImportOptions, ImportReport
from cadence.store.importing.owners import OwnerResolver, default_team, exact_team_id
from cadence.store.importing.scorecard_apply import apply_row
from cadence.store.importing.scorecard_layout import GOAL, NOTES, TITLE, Layout, find_layout
from cadence.store.importing.scorecard_plan import Planner, RowPlan
from cadence.store.importing.scorecard_rows import read_rows
from cadence.store.importing.scorecard_shape import describe
from cadence.store.tables import Workbook
from cadence.store.transaction import Transaction


class ScorecardImporter:
    """``kind`` scorecard: measurables by row, values by week, month or quarter column."""

    kind = "scorecard"

    def recognise(self, book: Workbook) -> str | None:
        today = now().date()
        layouts = [
            layout
            for table in book.tables
            if (layout := find_layout(table, today, dayfirst=None, recognising=True)) is not None
            and _holds_a_scorecard(layout, book)
        ]
        if not layouts:
            return None
        return "; ".join(describe(layout) for layout in layouts)

    def run(self, tx: Transaction, book: Workbook, options: ImportOptions) -> ImportReport:
        layouts = self._layouts(tx, book, options)
        report = ImportReport(self.kind, "; ".join(describe(layout) for layout in layouts))
        report.sheets = [layout.table.name for layout in layouts]
        fallback_team = default_team(tx, options)
        owners = OwnerResolver(tx, options)
        seen: dict[tuple[str | None, Frequency, str], int] = {}
        unchanged = 0

        def this_period(frequency: Frequency) -> date:
            return tx.period_start(frequency, options.today)

        for layout in layouts:
            sheet = f"sheet {layout.table.name!r}: " if layout.table.name else ""
            report.notes.extend(f"{sheet}column {text!r} skipped: {why}" for text, why in layout.skipped)
            if NOTES in layout.roles:
                report.notes.append(
                    f"{sheet}column {layout.headers[layout.roles[NOTES]]!r}: each note goes with the latest "
                    "period that has a value on its row"
                )
            found = read_rows(layout, lambda text: exact_team_id(tx, text), fallback_team)
            options.progress("read", len(found.rows), len(found.rows))
            report.notes.extend(sheet + note for note in found.notes)
            report.problems.extend(found.problems)
            planner = Planner(tx, layout, owners, this_period, seen=seen)
            plans: list[RowPlan] = []
            for done, row in enumerate(found.rows, start=1):
                plan, problems = planner.plan(row)
                report.problems.extend(problems)
                if plan is not None:
                    plans.append(plan)
                options.progress("planned", done, len(found.rows))
            report.notes.extend(sheet + note for note in planner.notes)
            for done, plan in enumerate(plans, start=1):
                apply_row(tx, plan, this_period(plan.frequency), report)
                unchanged += plan.unchanged
                options.progress("written", done, len(plans))
        if owners.created:
            report.count("new people", len(owners.created))
            report.notes.append("people added (--create-people): " + ", ".join(owners.created))
        if unchanged:
            report.notes.append(f"{unchanged} value(s) already in the workspace, unchanged")
        report.problems.sort(key=lambda problem: (problem.sheet, problem.row))
        return report

    def _layouts(self, tx: Transaction, book: Workbook, options: ImportOptions) -> list[Layout]:
        """Every sheet that holds a scorecard (the front door names the others: a workbook often has a
        notes sheet)."""
        layouts: list[Layout] = []
        for table in book.tables:
            layout = find_layout(
                table,
                options.today,
                dayfirst=options.dayfirst,
                week_start_day=tx.meta.week_start_day,
                fiscal_start_month=tx.meta.fiscal_start_month,
            )
            if layout is not None and TITLE in layout.roles and _holds_a_scorecard(layout, book):
                layouts.append(layout)
        if not layouts:
            raise InputError(f"the header has no Measurable column (expected {EXPECTED_COLUMNS['scorecard']})")
        return layouts


def _holds_a_scorecard(layout: Layout, book: Workbook) -> bool:
    """A workbook's sheet is a scorecard only with period columns or a Goal column: a Rocks or Issues
    sheet (Title, Owner, Due Date) beside the scorecard's sheets is not. A text file is one sheet,
    and the user chose to import it."""
    text_file = len(book.tables) == 1 and not book.tables[0].name
    return text_file or bool(layout.periods) or GOAL in layout.roles

"""Everything out again: each kind of record as the rows of a sheet, for CSV, ``.xlsx`` and Markdown.

Each kind's module gives rows in **exactly the column shape its importer
reads** (rocks and milestones, issues, to-dos), so export -> import gives the
same records back, and importing an export into the workspace it came from
changes nothing. Headlines and people have no importer; their rows are for
reading and other tools. The scorecard's sheets come from
``cadence.store.scorecard_export`` (the scorecard's own export).

Writing goes through ``cadence.store.sheet_writer`` (formula-looking text is
neutralised); this package only decides what the rows are.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from cadence.domain.models import IssueTerm
from cadence.store.errors import InputError
from cadence.store.exporting.headlines import headline_rows, people_rows
from cadence.store.exporting.issues import issue_rows
from cadence.store.exporting.markdown import document
from cadence.store.exporting.rocks import milestone_rows, rock_rows
from cadence.store.exporting.todos import todo_rows
from cadence.store.sheet_writer import Cell
from cadence.store.view import View

Rows = Sequence[Sequence[Cell]]
Sheet = tuple[str, Rows]

KINDS = ("all", "scorecard", "rocks", "milestones", "issues", "todos", "headlines", "people")
TITLES = {
    "scorecard": "Scorecard",
    "rocks": "Rocks",
    "milestones": "Milestones",
    "issues": "Issues",
    "todos": "To-dos",
    "headlines": "Headlines",
    "people": "People",
}


def scorecard_sheets(view: View, today: date) -> list[Sheet]:
    """The scorecard's sheets (``Weekly``, ``Monthly``, ``Quarterly``), from the scorecard's own export."""
    from cadence.store.scorecard_export import scorecard_sheets as sheets

    return list(sheets(view, today))


def kind_sheets(view: View, kind: str, today: date) -> list[Sheet]:
    """The sheets an ``.xlsx`` export of ``kind`` holds (``all``: every kind's, in the order of ``KINDS``)."""
    if kind == "all":
        return [sheet for each in KINDS[1:] if each != "milestones" for sheet in kind_sheets(view, each, today)]
    if kind == "scorecard":
        return scorecard_sheets(view, today)
    if kind == "rocks":
        return [("Rocks", rock_rows(view)), ("Milestones", milestone_rows(view))]
    if kind == "milestones":
        return [("Milestones", milestone_rows(view))]
    if kind == "issues":
        return [("Short Term", issue_rows(view, IssueTerm.SHORT)), ("Long Term", issue_rows(view, IssueTerm.LONG))]
    if kind == "todos":
        return [("To-dos", todo_rows(view))]
    if kind == "headlines":
        return [("Headlines", headline_rows(view))]
    if kind == "people":
        return [("People", people_rows(view))]
    raise InputError(f"--kind: {kind!r} is not one of {', '.join(KINDS)}")


def csv_rows(view: View, kind: str, today: date) -> Rows:
    """The one table a CSV export of ``kind`` holds: rocks without milestones (``--kind milestones`` gives
    those), issues of both lists with a Term column, the weekly scorecard."""
    if kind == "all":
        raise InputError("a CSV holds one kind: pick one with --kind, or use --format xlsx for everything")
    if kind == "issues":
        return issue_rows(view)
    return kind_sheets(view, kind, today)[0][1]


def markdown(view: View, kind: str, today: date) -> str:
    """A Markdown document with a table per sheet of ``kind`` (``all``: every kind)."""
    sheets = kind_sheets(view, kind, today)
    if kind == "issues" or kind == "all":
        sheets = [(f"Issues: {name}" if name in ("Short Term", "Long Term") else name, rows) for name, rows in sheets]
    title = f"{view.meta.company}: {TITLES.get(kind, 'everything')}"
    return document(title, sheets)

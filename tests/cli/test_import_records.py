"""`cadence import` of rocks (with milestones), issues and to-dos, in Ninety's shapes and plain sheets, driven
through the real CLI and checked against the workspace file on disk.

The workspace is ``team_workspace``: Ann and Bob in the Leadership team, today 2026-11-23 (2026-Q4).
The ``.xlsx`` workbooks are built here with openpyxl, with real date cells as Ninety writes them;
the CSV fixtures are in tests/fixtures/import/.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from cadence.store.importing.issues import IssuesImporter
from cadence.store.importing.rocks import RocksImporter
from cadence.store.importing.todos import TodosImporter
from cadence.store.tables import read_workbook

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def stored(workspace_dir: Path) -> dict[str, Any]:
    return json.loads((workspace_dir / "cadence.json").read_text("utf-8"))


def records(workspace_dir: Path, table: str) -> list[dict[str, Any]]:
    return sorted(stored(workspace_dir)[table].values(), key=lambda record: int(record["id"].split("-")[1]))


def workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def ninety_rocks(path: Path) -> Path:
    """Ninety's rocks export: a Rocks sheet and a Milestones sheet naming their rock by title; date cells."""
    return workbook(
        path,
        {
            "Rocks": [
                ["Title", "Description", "Owner", "Due Date", "Status", "Completed On", "Team"],
                [
                    "Ship the new website",
                    "Copy, photos and the quote form",
                    "Ann",
                    datetime(2026, 12, 18),
                    "On-Track",
                    None,
                    "Leadership",
                ],
                ["Hire a warehouse lead", None, "bob", datetime(2026, 12, 31), "Off-Track", None, "Leadership"],
                ["Move to the new bank", None, "Ann", datetime(2026, 11, 30), "Complete", datetime(2026, 11, 20), None],
            ],
            "Milestones": [
                ["Title", "Rock", "Owner", "Due Date", "Completed"],
                ["Copy written", "Ship the new website", "Ann", datetime(2026, 11, 27), "Yes"],
                ["Photos taken", "ship the new website", "Ann", datetime(2026, 12, 4), None],
                ["Post the job", "Hire a warehouse lead", "Bob", datetime(2026, 12, 1), datetime(2026, 11, 19)],
            ],
        },
    )


def test_ninety_rocks_workbook_imports_rocks_and_milestones(
    team_workspace, workspace_dir: Path, tmp_path: Path
) -> None:
    file = ninety_rocks(tmp_path / "rocks.xlsx")
    result = team_workspace("import", str(file))
    assert result.code == 0, result.err
    assert "Ninety rocks export: Rocks (3 rows) + Milestones (3 rows)" in result.err
    assert "imported: 3 new rocks, 3 new milestones" in result.out
    rocks = records(workspace_dir, "rocks")
    assert [(r["id"], r["title"], r["owner_id"], r["quarter"], r["status"], r["due"], r["team_id"]) for r in rocks] == [
        ("R-1", "Ship the new website", "P-1", "2026-Q4", "on-track", "2026-12-18", "TM-1"),
        ("R-2", "Hire a warehouse lead", "P-2", "2026-Q4", "off-track", "2026-12-31", "TM-1"),
        ("R-3", "Move to the new bank", "P-1", "2026-Q4", "done", "2026-11-30", None),
    ]
    assert rocks[0]["description"] == "Copy, photos and the quote form"
    assert not any(rock["company"] for rock in rocks)
    assert [(m["id"], m["title"], m["due"], m["done"]) for m in rocks[0]["milestones"]] == [
        ("MS-1", "Copy written", "2026-11-27", True),
        ("MS-2", "Photos taken", "2026-12-04", False),
    ]
    assert [(m["id"], m["done"]) for m in rocks[1]["milestones"]] == [("MS-3", True)]
    assert stored(workspace_dir)["_meta"]["1"]["counters"]["milestones"] == 3

    before = (workspace_dir / "cadence.json").read_bytes()
    again = team_workspace("import", str(file))
    assert again.code == 0, again.err
    assert "nothing to change" in again.out
    assert (workspace_dir / "cadence.json").read_bytes() == before


def test_changed_cells_update_the_matching_records(team_workspace, workspace_dir: Path, tmp_path: Path) -> None:
    assert team_workspace("import", str(ninety_rocks(tmp_path / "rocks.xlsx"))).code == 0
    changed = workbook(
        tmp_path / "changed.xlsx",
        {
            "Rocks": [
                ["Title", "Owner", "Due Date", "Status"],
                ["SHIP THE NEW WEBSITE", "Ann", datetime(2026, 12, 11), "Done"],
            ],
            "Milestones": [
                ["Title", "Rock", "Due Date", "Completed"],
                ["Photos taken", "Ship the new website", None, "yes"],
            ],
        },
    )
    result = team_workspace("import", str(changed))
    assert result.code == 0, result.err
    assert "update R-1 'Ship the new website': due 2026-12-11, status done" in result.out
    assert "update MS-2 'Photos taken' on R-1: done" in result.out
    assert "imported: 1 updated rocks, 1 updated milestones" in result.out
    rock = records(workspace_dir, "rocks")[0]
    assert (rock["title"], rock["due"], rock["status"], len(records(workspace_dir, "rocks"))) == (
        "Ship the new website",
        "2026-12-11",
        "done",
        3,
    )
    assert [m["done"] for m in rock["milestones"]] == [True, True]


def test_plain_rocks_csv_with_quarter_and_company_columns(team_workspace, workspace_dir: Path) -> None:
    result = team_workspace("import", str(FIXTURES / "rocks_plain.csv"))
    assert result.code == 0, result.err
    assert "rocks sheet (3 rows, no milestones)" in result.err
    rocks = records(workspace_dir, "rocks")
    assert [(r["title"], r["quarter"], r["company"], r["due"], r["status"], r["team_id"]) for r in rocks] == [
        ("Open the Riverside depot", "2027-Q1", True, "2027-03-31", "on-track", "TM-1"),
        ("Hire two drivers", "2027-Q1", False, "2027-02-15", "off-track", None),
        ("Clean up the CRM", "2026-Q4", False, "2026-12-18", "done", "TM-1"),
    ]
    assert rocks[0]["description"] == "Lease signed, fit-out in January"


def test_bad_cells_are_reported_by_row_and_column_and_nothing_is_written(team_workspace, workspace_dir: Path) -> None:
    before = (workspace_dir / "cadence.json").read_bytes()
    result = team_workspace("import", str(FIXTURES / "rocks_bad_cells.csv"))
    assert result.code == 1
    assert "error: row 3, column Due Date: 'soon' is not a date" in result.err
    assert "error: row 4, column Completed On: 'someday' is not a date" in result.err
    assert "error: row 5, column Owner: unknown owner 'Casey Morgan'" in result.err
    assert "nothing written" in result.err
    assert (workspace_dir / "cadence.json").read_bytes() == before


def test_skip_bad_skips_a_row_with_a_bad_required_cell_and_only_the_bad_optional_cell(
    team_workspace, workspace_dir: Path
) -> None:
    result = team_workspace("import", str(FIXTURES / "rocks_bad_cells.csv"), "--skip-bad")
    assert result.code == 0, result.err
    assert "skipped: row 3, column Due Date" in result.err
    rocks = records(workspace_dir, "rocks")
    # The row with a bad due date (required) and the stranger's are skipped; the bad Completed On alone.
    assert [(r["title"], r["status"]) for r in rocks] == [("Good rock", "on-track"), ("Rock done someday", "done")]


def test_unknown_owners_are_resolved_by_create_people_or_map(team_workspace, workspace_dir: Path) -> None:
    file = str(FIXTURES / "rocks_bad_cells.csv")
    mapped = team_workspace("import", file, "--map", "Casey Morgan=Bob", "--skip-bad", "--dry-run")
    assert mapped.code == 0, mapped.err
    assert "create R-3 'Rock of a stranger' (Bob, 2026-Q4" in mapped.out
    assert "dry run" in mapped.out and records(workspace_dir, "rocks") == []
    created = team_workspace("import", file, "--create-people", "--skip-bad")
    assert created.code == 0, created.err
    people = {p["name"]: p["id"] for p in records(workspace_dir, "people")}
    assert "Casey Morgan" in people
    assert any(r["owner_id"] == people["Casey Morgan"] for r in records(workspace_dir, "rocks"))


def test_ninety_issues_workbook_short_and_long_term(team_workspace, workspace_dir: Path, tmp_path: Path) -> None:
    file = workbook(
        tmp_path / "issues.xlsx",
        {
            "Short Term": [
                ["Owner", "Title", "Description", "Team", "Priority", "Created Date", "Completed On"],
                [
                    "Ann",
                    "Cash is tight in January",
                    "Two invoices land late",
                    "Leadership",
                    1,
                    datetime(2026, 11, 2),
                    None,
                ],
                ["Bob", "Forklift keeps breaking", None, "Leadership", 5, datetime(2026, 11, 9), None],
                ["Ann", "Printer jams", None, None, None, datetime(2026, 10, 12), datetime(2026, 10, 20)],
            ],
            "Long Term": [
                ["Owner", "Title", "Description", "Team", "Priority", "Created Date", "Completed On"],
                ["Bob", "Open on Saturdays?", None, None, None, datetime(2026, 10, 1), None],
            ],
        },
    )
    result = team_workspace("import", str(file))
    assert result.code == 0, result.err
    assert "Ninety issues export: Short Term (3 rows) + Long Term (1 rows)" in result.err
    assert "priority '5' ignored" in result.err
    issues = records(workspace_dir, "issues")
    assert [(i["title"], i["owner_id"], i["term"], i["rank"], i["status"], i["created"]) for i in issues] == [
        ("Cash is tight in January", "P-1", "short", 1, "open", "2026-11-02"),
        ("Forklift keeps breaking", "P-2", "short", None, "open", "2026-11-09"),
        ("Printer jams", "P-1", "short", None, "solved", "2026-10-12"),
        ("Open on Saturdays?", "P-2", "long", None, "open", "2026-10-01"),
    ]
    assert issues[2]["decision"] == "Solved before cadence (completed 2026-10-20)"
    assert issues[2]["closed"] == "2026-10-20"
    before = (workspace_dir / "cadence.json").read_bytes()
    again = team_workspace("import", str(file))
    assert "nothing to change" in again.out and (workspace_dir / "cadence.json").read_bytes() == before


def test_issues_in_one_sheet_with_a_term_column(team_workspace, workspace_dir: Path) -> None:
    result = team_workspace("import", str(FIXTURES / "issues_one_sheet.csv"))
    assert result.code == 0, result.err
    assert "issues sheet (5 rows)" in result.err
    issues = records(workspace_dir, "issues")
    assert [(i["title"], i["term"], i["rank"], i["status"], i["owner_id"]) for i in issues] == [
        ("Cash is tight in January", "short", 1, "open", "P-1"),
        ("Forklift keeps breaking", "short", 2, "open", "P-2"),
        ("Should we open on Saturdays?", "long", None, "open", "P-2"),
        ("Printer jams", "short", None, "solved", "P-1"),
        ("Parking for visitors", "short", None, "open", None),
    ]
    assert "priority 'High' ignored" in result.err


def test_todos_with_details_and_every_completed_form(team_workspace, workspace_dir: Path) -> None:
    result = team_workspace("import", str(FIXTURES / "todos_ninety.csv"))
    assert result.code == 0, result.err
    assert "to-dos sheet (4 rows)" in result.err
    todos = records(workspace_dir, "todos")
    assert [
        (t["title"], t["owner_id"], t["created"], t["due"], t["done"], t["done_on"], t["team_id"]) for t in todos
    ] == [
        ("Call the insurer", "P-1", "2026-11-16", "2026-11-23", True, "2026-11-20", "TM-1"),
        ("Order pallets", "P-2", "2026-11-16", "2026-11-23", False, None, "TM-1"),
        ("Fix the gate sensor", "P-2", "2026-11-18", "2026-11-25", True, None, None),
        ("Send the board pack", "P-1", "2026-11-20", "2026-11-27", False, None, None),
    ]
    assert todos[0]["details"] == "Policy 44-A, ask about the\nflood rider"
    before = (workspace_dir / "cadence.json").read_bytes()
    assert "nothing to change" in team_workspace("import", str(FIXTURES / "todos_ninety.csv")).out
    assert (workspace_dir / "cadence.json").read_bytes() == before


def test_a_scorecard_sheet_is_not_taken_for_rocks_issues_or_todos(team_workspace, workspace_dir: Path) -> None:
    book = read_workbook(FIXTURES / "scorecard_not_records.csv")
    assert [importer.recognise(book) for importer in (RocksImporter(), IssuesImporter(), TodosImporter())] == [
        None,
        None,
        None,
    ]
    forced = team_workspace("import", str(FIXTURES / "scorecard_not_records.csv"), "--kind", "rocks")
    assert forced.code == 1 and "does not look like a rocks sheet" in forced.err
    # and the record sheets are not taken for each other
    for name, kind in (("rocks_plain.csv", "rocks"), ("issues_one_sheet.csv", "issues"), ("todos_ninety.csv", "todos")):
        found = [
            i.kind
            for i in (RocksImporter(), IssuesImporter(), TodosImporter())
            if i.recognise(read_workbook(FIXTURES / name))
        ]
        assert found == [kind], name


@pytest.mark.parametrize(
    "text",
    [
        # Ninety's scorecard: a group column, status, Title, Description, Owner, Goal, Average, week ranges
        "Group,Status,Title,Description,Owner,Goal,Average,Oct 13 - Oct 19,Oct 20 - Oct 26\n"
        "Sales,On Track,Calls,,Ann,>= 20,21,22,20\n",
        # Bloom Growth's: week starts above Who, Measurables, Goal and week ends
        ",,,10/13/2025,10/20/2025\nWho,Measurables,Goal,10/19/2025,10/26/2025\nAnn,Calls,>= 20,22,20\n",
        # a plain one with a Due-looking column name and a Status column
        "Title,Owner,Goal,Status,Due Date,2026-11-02\nCalls,Ann,>= 20,ok,,21\n",
    ],
    ids=["ninety", "bloom", "plain"],
)
def test_scorecard_shapes_are_not_rocks_issues_or_todos(text: str) -> None:
    from cadence.store.tables import read_text

    book = read_text(text, "scorecard.csv")
    assert [i.recognise(book) for i in (RocksImporter(), IssuesImporter(), TodosImporter())] == [None, None, None]


def test_unknown_team_is_a_problem_on_its_cell(team_workspace, workspace_dir: Path, tmp_path: Path) -> None:
    file = tmp_path / "todos.csv"
    file.write_text("To-do,Owner,Due Date,Team\nCall Dana,Ann,2026-11-30,Warehouse\n", "utf-8")
    refused = team_workspace("import", str(file))
    assert refused.code == 1 and "row 2, column Team: no team named 'Warehouse'" in refused.err
    skipped = team_workspace("import", str(file), "--skip-bad")
    assert skipped.code == 0, skipped.err
    assert [(t["title"], t["team_id"]) for t in records(workspace_dir, "todos")] == [("Call Dana", None)]


def test_not_done_only_for_a_quarter_at_its_end(team_workspace, workspace_dir: Path, tmp_path: Path) -> None:
    file = tmp_path / "rocks.csv"
    file.write_text(
        "Title,Owner,Quarter,Due Date,Status\n"
        "Last quarter's miss,Ann,2026-Q3,2026-09-30,Not Done\n"
        "This quarter's,Bob,2026-Q4,2026-12-31,Not Done\n",
        "utf-8",
    )
    refused = team_workspace("import", str(file))
    assert refused.code == 1
    assert "row 3, column Status: a rock is marked not-done only at quarter end (2026-Q4 ends 2026-12-31)" in (
        refused.err
    )
    assert team_workspace("import", str(file), "--skip-bad").code == 0
    assert [(r["title"], r["status"]) for r in records(workspace_dir, "rocks")] == [
        ("Last quarter's miss", "not-done"),
        ("This quarter's", "on-track"),
    ]


@pytest.mark.parametrize(
    ("text", "kind", "summary"),
    [
        ("Rock,Who,Due By,Status\nHire a lead,Ann,12/18/2026,On Track\n", "rocks", "1 new rocks"),
        ("Rock Title,Assignee,Deadline,Quarter\nHire a lead,ann,2026-12-18,2026-Q4\n", "rocks", "1 new rocks"),
        ("Issue,Who,Created\nToo many meetings,Bob,Nov 2, 2026\n", "issues", "1 new issues"),
        ("Issue Title,Owner,Rank,Issue List\nToo many meetings,Bob,2,long\n", "issues", "1 new issues"),
        ("Todo,Who,Due,Complete,Notes\nCall Dana,Ann,11/30/2026,FALSE,ask about Q1\n", "todos", "1 new to-dos"),
        ("Title,Owner,Due Date,Completed\nCall Dana,Ann,2026-11-30,no\n", "todos", "1 new to-dos"),
    ],
    ids=["rocks-who", "rocks-deadline", "issues-who", "issues-rank", "todos-bloomish", "todos-title"],
)
def test_header_spellings(team_workspace, tmp_path: Path, text: str, kind: str, summary: str) -> None:
    file = tmp_path / "sheet.csv"
    file.write_text(text.replace("Nov 2, 2026", '"Nov 2, 2026"'), "utf-8")
    book = read_workbook(file)
    found = [i.kind for i in (RocksImporter(), IssuesImporter(), TodosImporter()) if i.recognise(book)]
    assert found == [kind]
    result = team_workspace("import", str(file))
    assert result.code == 0, result.err
    assert f"imported: {summary}" in result.out

"""`cadence export --kind K --format csv|xlsx|md`: every kind out again, in the shape its importer reads.

Round trips through the real CLI: export from a workspace, import into a fresh one with the same people,
export again -> the same output; and the export imported back into its source changes nothing (the
workspace file's bytes are compared).
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from cadence.store.tables import read_workbook

FORMULA = '=HYPERLINK("http://x","y")'


@pytest.fixture
def source(team_workspace, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Rocks with milestones (two rocks share a title across quarters), issues of every state, to-dos."""
    run = team_workspace
    details = tmp_path / "details.csv"
    details.write_text('To-do,Owner,Due Date,Details\n-1 box short,Bob,2026-12-01,"Count again, then\ncall | them"\n')
    for args in (
        ("rock", "add", FORMULA, "--owner", "Ann", "--company", "--team", "Leadership", "--due", "2026-12-18"),
        ("rock", "edit", "R-1", "--description", 'Line one\nLine two, "quoted" | piped'),
        ("rock", "add", "Hire a lead", "--owner", "Bob", "--quarter", "2027-Q1"),
        ("rock", "add", "Hire a lead", "--owner", "Bob", "--due", "2026-12-11"),
        ("rock", "set", "R-2", "--status", "off-track"),
        ("rock", "milestone", "R-1", "Draft", "--due", "2026-12-01"),
        ("rock", "milestone-done", "R-1", "MS-1"),
        ("rock", "milestone", "R-1", "+ review", "--due", "2026-12-08"),
        ("rock", "milestone", "R-2", "Post the job", "--due", "2027-01-15"),
        ("rock", "milestone", "R-3", "Post the job", "--due", "2026-12-04"),
        ("issue", "add", "Cash is tight", "--owner", "Ann", "--team", "Leadership"),
        ("issue", "rank", "I-1", "1"),
        ("issue", "add", "@margin is down", "--owner", "Bob", "--long-term"),
        ("issue", "add", "Parking for visitors"),
        ("issue", "add", "Printer jams", "--owner", "Ann"),
        ("issue", "solve", "I-4", "--decision", "New fuser, | service contract"),
        ("issue", "add", "Old idea", "--owner", "Bob"),
        ("issue", "drop", "I-5"),
        ("issue", "edit", "I-2", "--description", "Down 3 points\nsince June"),
        ("todo", "add", "Call the bank", "--owner", "Ann", "--due", "2026-11-27"),
        ("todo", "done", "T-1"),
        ("todo", "add", "Order pallets", "--owner", "Bob"),
        ("import", str(details)),
    ):
        result = run(*args)
        assert result.code == 0, (args, result.err)
    return run


def fresh_with_same_people(cadence, folder: Path) -> None:  # type: ignore[no-untyped-def]
    for args in (
        ("init", "--company", "Acme"),
        ("team", "add", "Leadership", "--leadership"),
        ("person", "add", "Ann", "--role", "integrator", "--team", "Leadership"),
        ("person", "add", "Bob", "--team", "leadership"),
    ):
        assert cadence("--workspace", str(folder), *args).code == 0


def contents(path: Path) -> object:
    """What a file holds, cell by cell (an .xlsx's bytes carry a timestamp, its cells do not)."""
    if path.suffix == ".xlsx":
        return [(table.name, table.rows) for table in read_workbook(path).tables]
    return path.read_text("utf-8")


ROUND_TRIPS = [
    ("rocks", "csv", ("rocks", "milestones")),
    ("rocks", "xlsx", ("rocks",)),
    ("issues", "csv", ("issues",)),
    ("issues", "xlsx", ("issues",)),
    ("todos", "csv", ("todos",)),
    ("todos", "xlsx", ("todos",)),
]


@pytest.mark.parametrize(("kind", "fmt", "exports"), ROUND_TRIPS, ids=[f"{k}-{f}" for k, f, _ in ROUND_TRIPS])
def test_export_import_export_is_lossless(
    source, cadence, workspace_dir: Path, tmp_path: Path, kind: str, fmt: str, exports: tuple[str, ...]
) -> None:
    first = [tmp_path / f"first-{each}.{fmt}" for each in exports]
    for each, path in zip(exports, first, strict=True):
        result = source("export", "--kind", each, "--format", fmt, "--out", str(path))
        assert result.code == 0, result.err

    fresh = tmp_path / "fresh"
    fresh_with_same_people(cadence, fresh)
    for path in first:
        imported = cadence("--workspace", str(fresh), "import", str(path))
        assert imported.code == 0, imported.err
        assert "imported:" in imported.out
    second = [tmp_path / f"second-{each}.{fmt}" for each in exports]
    for each, path in zip(exports, second, strict=True):
        assert (
            cadence("--workspace", str(fresh), "export", "--kind", each, "--format", fmt, "--out", str(path)).code == 0
        )
    assert [contents(path) for path in second] == [contents(path) for path in first]

    before = (workspace_dir / "cadence.json").read_bytes()
    for path in first:
        again = source("import", str(path))
        assert again.code == 0, again.err
        assert "nothing to change" in again.out
    assert (workspace_dir / "cadence.json").read_bytes() == before


def test_rocks_csv_has_the_importers_columns_and_formula_text_is_neutralised(source, tmp_path: Path) -> None:
    result = source("export", "--kind", "rocks", "--format", "csv")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == "Title,Description,Owner,Team,Quarter,Company,Due Date,Status"
    assert lines[1].startswith('"\'=HYPERLINK(""http://x"",""y"")",')
    assert "milestones: --kind milestones" in result.err
    milestones = source("export", "--kind", "milestones", "--format", "csv").out.splitlines()
    assert milestones[0] == "Title,Rock,Owner,Quarter,Due Date,Completed"
    assert "'+ review" in milestones[2]

    out = tmp_path / "rocks.xlsx"
    assert source("export", "--kind", "rocks", "--format", "xlsx", "--out", str(out)).code == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Rocks", "Milestones"]
    cell = book["Rocks"]["A2"]
    assert (cell.value, cell.data_type) == (FORMULA, "s")
    assert book["Milestones"]["A3"].data_type == "s"


def test_markdown_is_a_table_per_kind_with_user_text_escaped(source) -> None:
    result = source("export", "--kind", "rocks", "--format", "md")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "# Acme: Rocks"
    assert "## Rocks" in lines and "## Milestones" in lines
    rows = [line for line in lines if line.startswith("| ")]
    # every row has the header's number of cells: the | in user text is escaped, newlines are <br>
    for row in rows:
        unescaped = row.replace("\\|", "")
        assert unescaped.count("|") in (9, 7), row
    assert 'Line one<br>Line two, "quoted" \\| piped' in result.out
    issues = source("export", "--kind", "issues", "--format", "md").out
    assert "## Issues: Short Term" in issues and "## Issues: Long Term" in issues
    assert "New fuser, \\| service contract" in issues
    everything = source("export", "--kind", "all", "--format", "md").out
    for heading in ("## Rocks", "## Milestones", "## To-dos", "## Headlines", "## People"):
        assert heading in everything


def test_all_as_xlsx_has_a_sheet_per_kind(source, tmp_path: Path) -> None:
    out = tmp_path / "everything.xlsx"
    result = source("export", "--kind", "all", "--format", "xlsx", "--out", str(out))
    assert result.code == 0, result.err
    names = openpyxl.load_workbook(out).sheetnames
    assert names[-7:] == ["Rocks", "Milestones", "Short Term", "Long Term", "To-dos", "Headlines", "People"]
    assert names[0] == "Weekly"
    people = [table for table in read_workbook(out).tables if table.name == "People"][0]
    assert people.rows[0] == ["Name", "Role", "Email", "Active", "Teams"]
    assert [row[0] for row in people.rows[1:]] == ["Ann", "Bob"]


def test_json_stays_the_default_and_the_whole_workspace(source, workspace_dir: Path) -> None:
    plain = source("export")
    assert plain.code == 0
    assert plain.out == source("export", "--format", "json", "--kind", "all").out
    exported = json.loads(plain.out)
    assert exported["format"] == "cadence-export"
    assert len(exported["rocks"]) == 3 and len(exported["issues"]) == 5


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--kind", "rocks", "--format", "xlsx"), "an .xlsx file is binary and is not written to the terminal"),
        (("--kind", "all", "--format", "csv"), "a CSV holds one kind"),
        (("--kind", "rocks", "--format", "json"), "--format json exports the whole workspace"),
    ],
)
def test_exports_that_cannot_be_made_say_why(source, args: tuple[str, ...], message: str) -> None:
    result = source("export", *args)
    assert result.code == 1
    assert result.out == ""
    assert result.err.startswith("error: ") and message in result.err


def test_an_out_path_that_cannot_be_written_is_one_line(source, tmp_path: Path) -> None:
    missing = tmp_path / "no such folder" / "rocks.csv"
    result = source("export", "--kind", "rocks", "--format", "csv", "--out", str(missing))
    assert result.code == 1
    assert f"error: cannot write {missing}: the folder it goes in does not exist" in result.err
    assert "Traceback" not in result.err
    blocker = tmp_path / "a file"
    blocker.write_text("x")
    under_file = blocker / "rocks.xlsx"
    result = source("export", "--kind", "rocks", "--format", "xlsx", "--out", str(under_file))
    assert result.code == 1
    assert result.err.strip().splitlines()[-1] == (
        f"error: cannot write {under_file}: part of the path is a file, not a folder; nothing was exported"
    )
    assert not missing.exists()


def test_markdown_shows_markup_and_control_characters_as_typed(source) -> None:
    assert source("headline", "add", "<b>Big</b> order \x1b[31m", "--kind", "customer", "--by", "Ann").code == 0
    result = source("export", "--kind", "headlines", "--format", "md")
    assert result.code == 0, result.err
    assert "| &lt;b>Big&lt;/b> order \\x1b[31m | customer | good | Ann |" in result.out
    assert "\x1b" not in result.out


def test_scorecard_csv_says_which_measurables_it_leaves_out(source) -> None:
    for args in (
        ("Leads", "--owner", "Ann", "--goal", ">= 10"),
        ("Revenue booked", "--owner", "Bob", "--goal", ">= 100000", "--frequency", "monthly"),
    ):
        assert source("measurable", "add", *args).code == 0
    result = source("export", "--kind", "scorecard", "--format", "csv")
    assert result.code == 0, result.err
    assert result.out.splitlines()[0].startswith("Measurable,Owner,Goal,Unit")
    assert "Leads,Ann" in result.out and "Revenue booked" not in result.out
    assert "the weekly measurables only; the others: cadence scorecard export --format csv --frequency monthly" in (
        result.err
    )


def test_the_everything_workbook_imports_whole_in_one_command(source, cadence, tmp_path: Path) -> None:
    """`export --kind all` then `import`: each importer reads its own sheets, the scorecard's are not
    taken for rocks, and the sheets nothing imports are named; a second import changes nothing."""
    assert source("measurable", "add", "Leads", "--owner", "Bob", "--goal", ">= 12", "--team", "Leadership").code == 0
    assert source("score", "set", "M-1", "14", "--note", "trade show").code == 0
    out = tmp_path / "everything.xlsx"
    assert source("export", "--kind", "all", "--format", "xlsx", "--out", str(out)).code == 0
    fresh = tmp_path / "fresh"
    fresh_with_same_people(cadence, fresh)
    before = (fresh / "cadence.json").read_bytes()
    found = cadence("--workspace", str(fresh), "import", str(out), "--dry-run")
    assert found.code == 0, found.err
    assert "Ninety rocks export: Rocks (3 rows) + Milestones (4 rows)" in found.err
    assert "note: sheets not imported: Headlines, People (nothing cadence imports)" in found.err
    assert (fresh / "cadence.json").read_bytes() == before

    result = cadence("--workspace", str(fresh), "import", str(out))
    assert result.code == 0, result.err
    assert "rocks: 3 new rocks, 4 new milestones" in result.out
    assert "issues: 5 new issues" in result.out
    assert "todos: 3 new to-dos" in result.out
    assert "scorecard: 1 new measurable" in result.out
    for kind in ("rocks", "milestones", "issues", "todos", "scorecard"):
        again = cadence("--workspace", str(fresh), "export", "--kind", kind, "--format", "csv").out
        assert sorted(again.splitlines()) == sorted(source("export", "--kind", kind, "--format", "csv").out.splitlines())
    assert "nothing to change" in cadence("--workspace", str(fresh), "import", str(out)).out

    for kind, summary in (("rocks", "nothing to change"), ("todos", "nothing to change")):
        result = cadence("--workspace", str(fresh), "import", str(out), "--kind", kind)
        assert result.code == 0, result.err
        assert summary in result.out

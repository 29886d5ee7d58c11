"""``cadence import`` / ``cadence scorecard import`` of scorecard sheets in the shapes teams keep them
(fixtures in tests/fixtures/import/scorecard_*), checked against the workspace file afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest

from cadence.domain.models import Frequency
from cadence.store import Workspace

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"
PEOPLE = (
    "Dana Okafor",
    "Marcus Lindqvist",
    "Priya Raman",
    "Tom Becker",
    "Elena Sokolova",
    "Jamal Whitfield",
    "Sofia Marchetti",
)


@pytest.fixture
def northwind(cadence):  # type: ignore[no-untyped-def]
    """An empty scorecard with the demo's people and a Sales team (Marcus and Priya)."""
    assert cadence("init", "--company", "Northwind Print").code == 0
    assert cadence("team", "add", "Sales").code == 0
    for name in PEOPLE:
        extra = ("--team", "Sales") if name in ("Marcus Lindqvist", "Priya Raman") else ()
        assert cadence("person", "add", name, *extra).code == 0
    return cadence


def stored(folder: Path):  # type: ignore[no-untyped-def]
    return Workspace(folder).read()


def values(folder: Path) -> dict[tuple[str, str], float]:
    view = stored(folder)
    titles = {m.id: m.title for m in view.measurables}
    return {(titles[s.measurable_id], s.week.isoformat()): s.value for s in view.scores}


def notes(folder: Path) -> dict[tuple[str, str], str]:
    view = stored(folder)
    titles = {m.id: m.title for m in view.measurables}
    return {(titles[s.measurable_id], s.week.isoformat()): s.note for s in view.scores if s.note}


SHAPES = [
    pytest.param(
        "scorecard_google_us.csv",
        (),
        "CSV; Google Sheets-style scorecard: 4 week columns (US dates), a Notes column, header on row 3",
        {
            ("Win rate", "2026-11-09"): 90.0,
            ("Revenue invoiced", "2026-11-02"): 104200.0,
            ("Safety walk done", "2026-11-16"): 0.0,
            ("New qualified leads", "2026-10-26"): 18.0,
        },
        18,
        id="google-sheets-us-dates",
    ),
    pytest.param(
        "scorecard_nov_headers.csv",
        (),
        "Google Sheets-style scorecard: 3 week columns (dates without a year)",
        {("Cash in bank", "2026-11-16"): 190100.0, ("New qualified leads", "2026-11-02"): 23.0},
        6,
        id="nov-2-headers",
    ),
    pytest.param(
        "scorecard_bloom.csv",
        (),
        "Bloom Growth scorecard export (two header rows)",
        {("Win rate", "2026-11-09"): 69.0, ("New qualified leads", "2026-11-16"): 25.0},
        6,
        id="bloom-two-header-rows",
    ),
    pytest.param(
        "scorecard_ninety.csv",
        (),
        "Ninety scorecard export (weeks headed Dec 22 - Dec 28)",
        {
            ("Cash in bank", "2025-12-22"): 158000.0,
            ("Cash in bank", "2025-12-29"): 149000.0,
            ("New qualified leads", "2026-01-05"): 25.0,
            ("Quotes sent", "2025-12-29"): 19.0,
        },
        9,
        id="ninety-crossing-a-year",
    ),
    pytest.param(
        "scorecard_monthly.csv",
        (),
        "monthly scorecard (6 month columns), header on row 2",
        {("Revenue invoiced", "2026-01-01"): 412000.0, ("Customer complaints", "2026-06-01"): 2.0},
        12,
        id="monthly",
    ),
    pytest.param(
        "scorecard_quarterly.csv",
        (),
        "quarterly scorecard (4 quarter columns)",
        {("Gross margin on shipped jobs", "2025-10-01"): 38.0, ("Customer retention", "2026-07-01"): 95.0},
        8,
        id="quarterly",
    ),
    pytest.param(
        "scorecard_dayfirst.csv",
        (),
        "3 week columns (day-first dates)",
        {("Quotes sent", "2026-10-12"): 22.0, ("Quotes sent", "2026-10-26"): 24.0},
        3,
        id="day-first-proven",
    ),
    pytest.param(
        "scorecard_tabs.tsv",
        (),
        "tab-separated text; Google Sheets-style scorecard: 3 week columns (ISO dates)",
        {("On-time shipments", "2026-11-09"): 93.5},
        6,
        id="tsv",
    ),
    pytest.param(
        "scorecard_pipes.txt",
        (),
        "pipe-separated text; Google Sheets-style scorecard: 3 week columns (ISO week labels)",
        {("Press utilisation", "2026-11-16"): 85.0, ("Quotes sent", "2026-11-02"): 22.0},
        6,
        id="pipes-and-week-labels",
    ),
    pytest.param(
        "scorecard_ambiguous.csv",
        ("--dayfirst",),
        "1 week column",
        {("Quotes sent", "2026-09-28"): 22.0},
        1,
        id="ambiguous-with-dayfirst",
    ),
]


@pytest.mark.parametrize(("name", "flags", "shape", "expected", "count"), SHAPES)
@pytest.mark.parametrize("door", [("import",), ("scorecard", "import")])
def test_each_shape_imports_its_values(
    northwind,
    workspace_dir: Path,
    name: str,
    flags: tuple[str, ...],
    shape: str,
    expected: dict[tuple[str, str], float],
    count: int,
    door: tuple[str, ...],
) -> None:
    result = northwind(*door, str(FIXTURES / name), *flags)
    assert result.code == 0, result.err
    assert shape in result.err.splitlines()[0], "the first line says what was found"
    found = values(workspace_dir)
    assert len(found) == count
    for key, value in expected.items():
        assert found[key] == value, key
    again = northwind(*door, str(FIXTURES / name), *flags)
    assert again.code == 0 and "nothing to change" in again.out, "importing the same file twice changes nothing"


def test_google_sheet_headings_notes_fractions_and_skipped_columns(northwind, workspace_dir: Path) -> None:
    result = northwind("import", str(FIXTURES / "scorecard_google_us.csv"))
    assert result.code == 0, result.err
    assert "column 'Total' skipped: cadence works totals out itself" in result.err
    assert "column 'Notes': each note goes with the latest period that has a value on its row" in result.err
    assert "row 4: 'SALES' is a heading naming team TM-1" in result.err
    assert "row 8: 'OPERATIONS' read as a section heading (it names no team)" in result.err
    assert "row 7 'Win rate': values like 0.85 are fractions of a percent measurable: read as 85%" in result.err
    view = stored(workspace_dir)
    teams = {m.title: m.team_id for m in view.measurables}
    assert teams["Quotes sent"] == "TM-1" and teams["Win rate"] == "TM-1" and teams["Revenue invoiced"] is None
    units = {m.title: m.unit.value for m in view.measurables}
    assert units == {
        "New qualified leads": "number",
        "Quotes sent": "number",
        "Win rate": "percent",
        "Revenue invoiced": "currency",
        "Safety walk done": "yesno",
    }
    goals = {m.title: m.goal.describe(m.unit) for m in view.measurables}
    assert goals["Win rate"] == "between 70% and 85%" and goals["New qualified leads"] == "> 20"
    assert goals["Quotes sent"] == ">= 20" and goals["Revenue invoiced"] == ">= $100,000"
    assert ("Quotes sent", "2026-11-02") not in values(workspace_dir), "'-' is an empty cell"
    assert notes(workspace_dir) == {
        ("New qualified leads", "2026-11-16"): "trade show week",  # n/a on 11/9: the latest value is 11/16
        ("Safety walk done", "2026-11-16"): "forklift inspection overran",
    }


def test_ninety_description_group_and_skipped_columns(northwind, workspace_dir: Path) -> None:
    result = northwind("import", str(FIXTURES / "scorecard_ninety.csv"))
    assert result.code == 0, result.err
    assert "column 'Status' skipped" in result.err and "column 'Average' skipped" in result.err
    assert "group 'Finance' names no team" in result.err
    view = stored(workspace_dir)
    by_title = {m.title: m for m in view.measurables}
    assert by_title["Cash in bank"].description == "Closing balance on Friday"
    assert by_title["New qualified leads"].team_id == "TM-1" and by_title["Cash in bank"].team_id is None
    assert by_title["Quotes sent"].team_id == "TM-1", "a blank group cell (merged) keeps the group above"


def test_monthly_and_quarterly_rows_make_measurables_of_that_frequency(northwind, workspace_dir: Path) -> None:
    assert northwind("import", str(FIXTURES / "scorecard_monthly.csv")).code == 0
    assert northwind("import", str(FIXTURES / "scorecard_quarterly.csv")).code == 0
    frequencies = {m.title: m.frequency for m in stored(workspace_dir).measurables}
    assert frequencies["Revenue invoiced"] is Frequency.MONTHLY
    assert frequencies["Customer retention"] is Frequency.QUARTERLY
    weekly = northwind("import", str(FIXTURES / "scorecard_google_us.csv"))
    assert weekly.code == 1
    assert "row 9, column Measurable: M-1 is counted monthly but this row's values are in weekly columns" in weekly.err


def test_ambiguous_dates_ask_for_dayfirst_and_write_nothing(northwind, workspace_dir: Path) -> None:
    before = (workspace_dir / "cadence.json").read_bytes()
    result = northwind("import", str(FIXTURES / "scorecard_ambiguous.csv"))
    assert result.code == 1
    assert "'3/10/2026'" in result.err and "--dayfirst" in result.err and "--monthfirst" in result.err
    assert (workspace_dir / "cadence.json").read_bytes() == before
    assert northwind("import", str(FIXTURES / "scorecard_ambiguous.csv"), "--monthfirst").code == 0
    assert values(workspace_dir) == {("Quotes sent", "2026-03-09"): 22.0}


BAD_ROW = (
    "Measurable,Owner,Goal,2026-11-02,2026-11-09,2026-11-16\n"
    "Quotes sent,Marcus Lindqvist,>= 20,21,abc,25\n"
    "Win rate,Priya Raman,>= 70%,n/a,—,80%\n"
)


def test_a_bad_cell_stops_the_import_and_skip_bad_skips_only_that_cell(
    northwind, workspace_dir: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "bad.csv"
    sheet.write_text(BAD_ROW)
    before = (workspace_dir / "cadence.json").read_bytes()
    result = northwind("scorecard", "import", str(sheet))
    assert result.code == 1
    assert "error: row 2, column 2026-11-09: 'abc' is not a number" in result.err
    assert "n/a" not in result.err and "—" not in result.err, "n/a and — are empty cells, not bad ones"
    assert (workspace_dir / "cadence.json").read_bytes() == before, "nothing written"

    skipped = northwind("scorecard", "import", str(sheet), "--skip-bad")
    assert skipped.code == 0, skipped.err
    assert "skipped: row 2, column 2026-11-09: 'abc' is not a number" in skipped.err
    assert values(workspace_dir) == {
        ("Quotes sent", "2026-11-02"): 21.0,
        ("Quotes sent", "2026-11-16"): 25.0,
        ("Win rate", "2026-11-16"): 80.0,
    }


def test_unknown_owners_create_people_and_map(northwind, workspace_dir: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "owners.csv"
    sheet.write_text(
        "Measurable,Owner,Goal,2026-11-16\nReferrals,Nadia Ferreira,>= 3,4\nQuotes sent,M. Lindqvist,>= 20,22\n"
    )
    before = (workspace_dir / "cadence.json").read_bytes()
    result = northwind("import", str(sheet))
    assert result.code == 1
    assert "row 2, column Owner: unknown owner 'Nadia Ferreira'" in result.err
    assert "row 3, column Owner: unknown owner 'M. Lindqvist'" in result.err
    assert (workspace_dir / "cadence.json").read_bytes() == before
    done = northwind("import", str(sheet), "--create-people", "--map", "M. Lindqvist=Marcus Lindqvist")
    assert done.code == 0, done.err
    view = stored(workspace_dir)
    names = {p.id: p.name for p in view.people}
    owners = {m.title: names[m.owner_id] for m in view.measurables}
    assert owners == {"Referrals": "Nadia Ferreira", "Quotes sent": "Marcus Lindqvist"}


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("Owner,Goal,2026-11-16\nAnn,>= 2,3\n", "no Measurable column"),
        ("Measurable,Owner,2026-11-16,2026-11-18\n", "name the same week"),
        ("Measurable,Owner,Goal,Owner,2026-11-16\n", "'Owner' appears twice"),
    ],
)
def test_header_problems_stop_the_import(northwind, tmp_path: Path, text: str, says: str) -> None:
    sheet = tmp_path / "header.csv"
    sheet.write_text(text)
    result = northwind("scorecard", "import", str(sheet))
    assert result.code == 1 and says in result.err


def test_note_rows_and_existing_values(northwind, workspace_dir: Path, tmp_path: Path) -> None:
    """cadence's own note rows keep working; a changed value says old -> new."""
    sheet = tmp_path / "card.csv"
    sheet.write_text(
        "Measurable,Owner,Goal,Unit,2026-11-09,2026-11-16\n"
        "Quotes sent,Marcus Lindqvist,>= 20,number,19,22\n"
        "Quotes sent,,,note,,two big bids\n"
    )
    assert northwind("import", str(sheet)).code == 0
    sheet.write_text("Measurable,Owner,Goal,2026-11-09,2026-11-16\nQuotes sent,Marcus Lindqvist,>= 20,19,23\n")
    changed = northwind("import", str(sheet), "--dry-run")
    assert "row 2: M-1 'Quotes sent' week of 2026-11-16: 22 -> 23" in changed.out
    assert notes(workspace_dir) == {("Quotes sent", "2026-11-16"): "two big bids"}
    assert values(workspace_dir)[("Quotes sent", "2026-11-16")] == 22, "a dry run writes nothing"


def test_a_goal_only_row_changes_the_goal_from_the_measurables_own_period(
    northwind, workspace_dir: Path, tmp_path: Path
) -> None:
    """A monthly measurable named on a weekly sheet without values: its goal changes from this month,
    and a blank Description cell leaves its description alone."""
    assert northwind("import", str(FIXTURES / "scorecard_monthly.csv")).code == 0
    described = tmp_path / "described.csv"
    described.write_text('Measurable,Owner,Description,June\nRevenue invoiced,Dana Okafor,"Invoiced, not booked",\n')
    assert northwind("import", str(described)).code == 0
    sheet = tmp_path / "goals.csv"
    sheet.write_text("Measurable,Owner,Goal,Description,2026-11-16\nRevenue invoiced,Dana Okafor,>= $420K,,\n")
    result = northwind("import", str(sheet))
    assert result.code == 0, result.err
    assert "goal >= $400,000 -> >= $420,000 from the month of 2026-11-01" in result.out
    revenue = next(m for m in stored(workspace_dir).measurables if m.id == "M-1")
    assert [(change.week.isoformat(), change.goal.value) for change in revenue.goal_history] == [
        ("2026-11-01", 420000.0)
    ]
    assert revenue.description == "Invoiced, not booked"

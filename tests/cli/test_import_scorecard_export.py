"""``cadence scorecard export --format csv|xlsx`` and importing what it wrote: harmless formula-looking
text, and export -> import changing nothing (same workspace) or recreating the scorecard (a fresh one)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from cadence.store import Workspace

PEOPLE = ("Dana Okafor", "Marcus Lindqvist", "Priya Raman")


def setup_people(run, *prefix: str) -> None:  # type: ignore[no-untyped-def]
    assert run(*prefix, "init", "--company", "Northwind Print").code == 0
    assert run(*prefix, "team", "add", "Sales").code == 0
    for name in PEOPLE:
        assert run(*prefix, "person", "add", name).code == 0


@pytest.fixture
def card(cadence):  # type: ignore[no-untyped-def]
    """Weekly, monthly and quarterly measurables with values and notes; one titled like a formula."""
    setup_people(cadence)
    for args in (
        ('=HYPERLINK("http://x","y")', "--owner", "Dana Okafor", "--goal", ">= 5"),
        ("Quotes sent", "--owner", "Marcus Lindqvist", "--goal", ">= 20", "--team", "Sales"),
        ("Win rate", "--owner", "Priya Raman", "--goal", "between 70% and 85%", "--unit", "percent"),
        (
            "Revenue booked",
            "--owner",
            "Dana Okafor",
            "--goal",
            ">= 400k",
            "--unit",
            "currency",
            "--frequency",
            "monthly",
        ),
        ("Customer NPS", "--owner", "Priya Raman", "--goal", ">= 50", "--frequency", "quarterly"),
    ):
        assert cadence("measurable", "add", *args).code == 0
    for measurable, value, period, note in (
        ("M-1", "7", "--week=2026-11-16", ""),
        ("M-2", "-3", "--week=2026-11-09", "returns netted off"),
        ("M-2", "22", "--week=2026-11-16", ""),
        ("M-3", "81.25%", "--week=2026-11-16", "=SUM(A1:A9) is what the sheet said"),
        ("M-4", "$412,000.50", "--month=2026-10", "one big order"),
        ("M-4", "$388,000", "--month=2026-11", ""),
        ("M-5", "52", "--quarter=2026-Q3", "survey of 40 customers"),
    ):
        extra = ("--note", note) if note else ()
        result = cadence("score", "set", measurable, period, *extra, "--", value)
        assert result.code == 0, result.err
    return cadence


def snapshot_of(folder: Path) -> list[tuple[object, ...]]:
    view = Workspace(folder).read()
    names = {p.id: p.name for p in view.people}
    teams = {t.id: t.name for t in view.teams}
    titles = {m.id: m.title for m in view.measurables}
    measurables = [
        (
            m.title,
            names[m.owner_id],
            teams.get(m.team_id or ""),
            m.unit.value,
            m.frequency.value,
            m.goal_for_week(date(2026, 11, 23)).model_dump_json(),
            m.description,
        )
        for m in view.measurables
    ]
    scores = [(titles[s.measurable_id], s.week, s.value, s.note) for s in view.scores]
    return sorted(measurables, key=str) + sorted(scores, key=str)


def test_a_formula_title_exports_harmless(card, tmp_path: Path) -> None:
    text = card("scorecard", "export").out
    row = next(line for line in text.splitlines() if "HYPERLINK" in line)
    assert row.startswith('"\'=HYPERLINK(""http://x"",""y"")"'), row
    out = tmp_path / "card.xlsx"
    assert card("scorecard", "export", "--format", "xlsx", "--out", str(out)).code == 0
    sheet = openpyxl.load_workbook(io.BytesIO(out.read_bytes()))["Weekly"]
    cell = next(c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value)
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://x","y")'


@pytest.mark.parametrize(
    ("flags", "suffix", "kept"),
    [
        (("--format", "csv"), "csv", {"weekly"}),
        (("--format", "csv", "--frequency", "monthly"), "csv", {"monthly"}),
        (("--format", "csv", "--frequency", "quarterly"), "csv", {"quarterly"}),
        (("--format", "xlsx"), "xlsx", {"weekly", "monthly", "quarterly"}),
    ],
    ids=["csv-weekly", "csv-monthly", "csv-quarterly", "xlsx-all"],
)
def test_export_then_import_changes_nothing_and_moves_the_scorecard(
    card, cadence, workspace_dir: Path, tmp_path: Path, flags: tuple[str, ...], suffix: str, kept: set[str]
) -> None:
    out = tmp_path / f"card.{suffix}"
    exported = card("scorecard", "export", *flags, "--out", str(out))
    assert exported.code == 0, exported.err
    before = (workspace_dir / "cadence.json").read_bytes()
    again = card("scorecard", "import", str(out))
    assert again.code == 0, again.err
    assert "nothing to change" in again.out
    assert (workspace_dir / "cadence.json").read_bytes() == before

    fresh = tmp_path / "fresh"
    setup_people(cadence, "--workspace", str(fresh))
    moved = cadence("--workspace", str(fresh), "import", str(out))
    assert moved.code == 0, moved.err
    frequencies = {m.title: m.frequency.value for m in Workspace(workspace_dir).read().measurables}
    assert snapshot_of(fresh) == [item for item in snapshot_of(workspace_dir) if frequencies[str(item[0])] in kept]
    assert len(snapshot_of(fresh)) >= 2, "something moved"


def test_xlsx_export_has_a_sheet_per_frequency(card, tmp_path: Path) -> None:
    out = tmp_path / "card.xlsx"
    assert card("scorecard", "export", "--format", "xlsx", "--out", str(out), "--months", "3").code == 0
    book = openpyxl.load_workbook(io.BytesIO(out.read_bytes()))
    assert book.sheetnames == ["Weekly", "Monthly", "Quarterly"]
    monthly = [[c.value for c in row] for row in book["Monthly"].iter_rows()]
    assert monthly[0] == ["Measurable", "Owner", "Goal", "Unit", "Description", "2026-09", "2026-10", "2026-11"]
    assert monthly[1][:4] == ["Revenue booked", "Dana Okafor", ">= $400000", "currency"]


def test_xlsx_to_a_pipe_and_not_to_a_terminal(card, workspace_dir: Path, tmp_path: Path) -> None:
    """Piped, the workbook's bytes go to stdout; to a terminal it asks for --out (as a user would run it)."""
    env = {**os.environ, "CADENCE_WORKSPACE": str(workspace_dir), "CADENCE_TODAY": "2026-11-23"}
    piped = subprocess.run(
        [sys.executable, "-m", "cadence", "scorecard", "export", "--format", "xlsx"], capture_output=True, env=env
    )
    assert piped.returncode == 0, piped.stderr
    assert openpyxl.load_workbook(io.BytesIO(piped.stdout)).sheetnames == ["Weekly", "Monthly", "Quarterly"]
    script = "import sys; sys.stdout.isatty = lambda: True; from cadence.cli import main; main(sys.argv[1:])"
    to_terminal = subprocess.run(
        [sys.executable, "-c", script, "scorecard", "export", "--format", "xlsx"], capture_output=True, env=env
    )
    assert to_terminal.returncode == 1 and b"give --out" in to_terminal.stderr and not to_terminal.stdout


def test_a_teams_own_workbook_with_two_scorecard_sheets(cadence, workspace_dir: Path, tmp_path: Path) -> None:
    """Real date cells and a percent format in the Weekly sheet, month names in the Monthly one, a read-me sheet."""
    setup_people(cadence)
    book = openpyxl.Workbook()
    readme = book.active
    readme.title = "Read me"
    readme.append(["Numbers are entered every Monday by each owner."])
    weekly = book.create_sheet("Weekly")
    weekly.append(["Measurable", "Owner", "Goal", date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16)])
    weekly.append(["Win rate", "Priya Raman", ">= 70%", 0.72, 0.65, 0.8])
    for cell in weekly[2][3:]:
        cell.number_format = "0%"
    weekly.append(["Quotes sent", "Marcus Lindqvist", "20+", 21, None, 25])
    monthly = book.create_sheet("Monthly")
    monthly.append(["Metric", "Owner", "Target", "Sep 2026", "Oct 2026"])
    monthly.append(["Revenue booked", "Dana Okafor", "$400K", 405000, 398000])
    path = tmp_path / "team.xlsx"
    book.save(path)

    result = cadence("import", str(path))
    assert result.code == 0, result.err
    assert "Excel workbook (3 sheets)" in result.err
    assert "note: sheets not imported: Read me (nothing cadence imports)" in result.err
    view = Workspace(workspace_dir).read()
    titles = {m.id: (m.title, m.frequency.value) for m in view.measurables}
    got = {(titles[s.measurable_id], s.week.isoformat()): s.value for s in view.scores}
    assert got == {
        (("Win rate", "weekly"), "2026-11-02"): 72.0,
        (("Win rate", "weekly"), "2026-11-09"): 65.0,
        (("Win rate", "weekly"), "2026-11-16"): 80.0,
        (("Quotes sent", "weekly"), "2026-11-02"): 21.0,
        (("Quotes sent", "weekly"), "2026-11-16"): 25.0,
        (("Revenue booked", "monthly"), "2026-09-01"): 405000.0,
        (("Revenue booked", "monthly"), "2026-10-01"): 398000.0,
    }


def test_a_rocks_sheet_beside_the_scorecard_is_not_read_as_measurables(card, workspace_dir: Path) -> None:
    """``cadence export --kind all --format xlsx`` holds Rocks and Issues sheets (Title, Owner...) beside
    the scorecard's: importing it as a scorecard takes only the sheets with periods or a Goal."""
    out = workspace_dir.parent / "all.xlsx"
    assert card("rock", "add", "Open the Leeds depot", "--owner", "Dana Okafor").code == 0
    assert card("export", "--kind", "all", "--format", "xlsx", "--out", str(out)).code == 0
    before = (workspace_dir / "cadence.json").read_bytes()
    result = card("scorecard", "import", str(out))
    assert result.code == 0, result.err
    assert "note: sheets not imported: Rocks, Milestones, Short Term" in result.err
    assert "not read by the scorecard import; without --kind each sheet goes to the import for it" in result.err
    assert "nothing to change" in result.out
    assert (workspace_dir / "cadence.json").read_bytes() == before

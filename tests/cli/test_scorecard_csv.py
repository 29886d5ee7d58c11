"""`cadence scorecard export` / `import` driven through the real CLI, checked against the file on disk."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from cadence.domain.models import Frequency
from cadence.domain.scorecard import active_measurables, build_grid, week_periods
from cadence.locations import demo_workspace_dir
from cadence.store import Workspace


def stored(folder: Path):  # type: ignore[no-untyped-def]
    return Workspace(folder).read()


@pytest.fixture
def scorecard(team_workspace):  # type: ignore[no-untyped-def]
    """Ann and Bob with one measurable of every unit, values that need full precision, and notes."""
    run = team_workspace
    for args in (
        ("Revenue", "--owner", "Ann", "--goal", ">= 52.5k", "--unit", "currency"),
        ("Margin", "--owner", "Bob", "--goal", "between 37.5% and 45%", "--unit", "percent"),
        ("Leads", "--owner", "Bob", "--goal", ">= 12"),
        ("Safety walk", "--owner", "Ann", "--goal", "= yes", "--unit", "yesno"),
        ("Turnaround", "--owner", "Ann", "--goal", "<= 24:00", "--unit", "duration"),
    ):
        assert run("measurable", "add", *args, "--team", "Leadership").code == 0
    for measurable, value, week, note in (
        ("M-1", "61850.25", "2026-11-16", "holiday order"),
        ("M-1", "$48,720", "2026-11-09", ""),
        ("M-2", "36.875%", "2026-11-16", "board at spot price, \"expedited\""),
        ("M-3", "0.1", "2026-11-16", ""),
        ("M-3", "14", "2026-11-23", ""),
        ("M-4", "no", "2026-11-16", "nobody covered"),
        ("M-4", "yes", "2026-11-09", ""),
        ("M-5", "90.5", "2026-11-16", ""),
        ("M-5", "13:40", "2026-11-09", ""),
    ):
        extra = ("--note", note) if note else ()
        assert run("score", "set", measurable, value, "--week", week, *extra).code == 0
    return run


def snapshot_of(folder: Path) -> dict[str, object]:
    view = stored(folder)
    names = {p.id: p.name for p in view.people}
    measurables = {m.id: m for m in view.measurables}
    return {
        "measurables": sorted(
            (m.title, names[m.owner_id], m.unit.value, m.goal_for_week(date(2026, 11, 23)).model_dump_json())
            for m in view.measurables
        ),
        "scores": sorted((measurables[s.measurable_id].title, s.week, s.value, s.note) for s in view.scores),
    }


def test_round_trip_is_lossless(scorecard, workspace_dir: Path, tmp_path: Path, cadence) -> None:
    out = tmp_path / "card.csv"
    exported = scorecard("scorecard", "export", "--format", "csv", "--out", str(out), "--weeks", "4")
    assert exported.code == 0, exported.err
    text = out.read_text()
    assert text.splitlines()[0] == "Measurable,Owner,Goal,Unit,Description,2026-11-02,2026-11-09,2026-11-16,2026-11-23"
    assert text.splitlines()[1] == "Leadership", "a heading row names the measurables' team"
    assert "Revenue,Ann,>= $52500,currency,,,$48720,$61850.25," in text
    assert "Revenue,,,note,,,,holiday order," in text

    before = (workspace_dir / "cadence.json").read_bytes()
    again = scorecard("scorecard", "import", str(out))
    assert again.code == 0, again.err
    assert "nothing to change" in again.out
    assert (workspace_dir / "cadence.json").read_bytes() == before, "importing its own export changes nothing"

    # Into a fresh workspace with the same people: the same scorecard comes out.
    fresh = tmp_path / "fresh"
    assert cadence("--workspace", str(fresh), "init").code == 0
    assert cadence("--workspace", str(fresh), "team", "add", "Leadership").code == 0
    for name in ("Ann", "Bob"):
        assert cadence("--workspace", str(fresh), "person", "add", name).code == 0
    moved = cadence("--workspace", str(fresh), "scorecard", "import", str(out))
    assert moved.code == 0, moved.err
    assert "create 'Revenue'" in moved.out and "imported:" in moved.out
    assert snapshot_of(fresh) == snapshot_of(workspace_dir)
    second = cadence("--workspace", str(fresh), "scorecard", "export", "--weeks", "4")
    assert second.out == text


def test_a_bad_cell_is_reported_by_row_and_column_and_nothing_is_written(scorecard, workspace_dir: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "bad.csv"
    sheet.write_text(
        "Measurable,Owner,Goal,2026-11-09,2026-11-16\n"
        "Revenue,Ann,>= 52.5k,50000,51000\n"
        "Leads,Bob,>= 12,abc,13\n"
        "Margin,Bob,between 37.5% and 45%,40%,lots%\n"
    )
    before = (workspace_dir / "cadence.json").read_bytes()
    result = scorecard("scorecard", "import", str(sheet))
    assert result.code == 1
    assert "error: row 3, column 2026-11-09: 'abc' is not a number" in result.err
    assert "error: row 4, column 2026-11-16: 'lots%' is not a percent" in result.err
    assert "nothing written" in result.err
    assert (workspace_dir / "cadence.json").read_bytes() == before

    skipped = scorecard("scorecard", "import", str(sheet), "--skip-bad")
    assert skipped.code == 0, skipped.err
    assert "skipped: row 3, column 2026-11-09: 'abc' is not a number" in skipped.err
    view = stored(workspace_dir)
    assert view.score_for("M-1", date(2026, 11, 9)).value == 50000  # type: ignore[union-attr]
    assert view.score_for("M-3", date(2026, 11, 9)) is None, "the bad cell wrote nothing"
    assert view.score_for("M-3", date(2026, 11, 16)).value == 13, "the rest of its row did"  # type: ignore[union-attr]
    assert view.score_for("M-2", date(2026, 11, 9)).value == 40  # type: ignore[union-attr]


def test_unknown_owners_are_errors_naming_the_row(scorecard, workspace_dir: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "owners.csv"
    sheet.write_text(
        "Measurable,Owner,Goal,2026-11-16\n"
        "Quotes sent,Zed,>= 20,25\n"
        "Leads,Bob,>= 12,15\n"
        "Calls,,>= 5,6\n"
    )
    before = (workspace_dir / "cadence.json").read_bytes()
    result = scorecard("scorecard", "import", str(sheet))
    assert result.code == 1
    assert "row 2, column Owner: unknown owner 'Zed'" in result.err
    assert "row 4, column Owner: empty" in result.err
    assert (workspace_dir / "cadence.json").read_bytes() == before


def test_dry_run_shows_the_plan_and_writes_nothing(scorecard, workspace_dir: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "plan.csv"
    sheet.write_text(
        "Measurable,Owner,Goal,2026-11-18,2026-11-25\n"  # Wednesdays name their weeks
        "Quotes sent,Bob,>= 20,25,\n"
        "Leads,Ann,>= 15,0.1,16\n"
    )
    path = workspace_dir / "cadence.json"
    before = path.read_bytes()
    result = scorecard("scorecard", "import", str(sheet), "--dry-run")
    assert result.code == 0, result.err
    out = result.out
    assert "row 2: create 'Quotes sent' (owner Bob, goal >= 20, unit number)" in out
    assert "row 2: 'Quotes sent' week of 2026-11-16: set 25" in out
    assert "row 3: M-3 'Leads' owner Bob -> Ann" in out
    assert "row 3: M-3 'Leads' goal >= 12 -> >= 15 from the week of 2026-11-23" in out
    assert "row 3: M-3 'Leads' week of 2026-11-23: 14 -> 16" in out
    assert "1 value(s) already in the workspace, unchanged" in result.err
    assert "dry run: would import 1 new measurables, 1 values set, 1 measurables changed, 1 values changed" in out
    assert path.read_bytes() == before

    applied = scorecard("scorecard", "import", str(sheet))
    assert applied.code == 0, applied.err
    view = stored(workspace_dir)
    leads = next(m for m in view.measurables if m.id == "M-3")
    assert leads.owner_id == "P-1"
    assert leads.goal_for_week(date(2026, 11, 16)).value == 12, "past weeks keep their goal"
    assert leads.goal_for_week(date(2026, 11, 23)).value == 15
    assert view.score_for("M-3", date(2026, 11, 23)).value == 16  # type: ignore[union-attr]
    assert [m.title for m in view.measurables][-1] == "Quotes sent"


def test_a_spreadsheet_of_its_own_shape(team_workspace, workspace_dir: Path, tmp_path: Path) -> None:
    """Semicolons and a BOM (Excel), no Unit column (read off the values), an extra column ignored."""
    sheet = tmp_path / "excel.csv"
    sheet.write_bytes(
        "\ufeffMeasurable;Owner;Goal;Total;2026-11-09;2026-11-16\n"
        "Revenue;Ann;>= $50k;;$48,720;$61,850\n"
        "On time;Bob;>= 95%;;93.1%;96%\n"
        "Safety walk;Bob;= yes;;yes;no\n"
        "Turnaround;Ann;<= 24:00;;13:40;11:03\n".encode()
    )
    result = team_workspace("scorecard", "import", str(sheet), "--team", "Leadership")
    assert result.code == 0, result.err
    assert "column 'Total' skipped: cadence works totals out itself" in result.err
    view = stored(workspace_dir)
    units = {m.title: m.unit.value for m in view.measurables}
    assert units == {"Revenue": "currency", "On time": "percent", "Safety walk": "yesno", "Turnaround": "duration"}
    assert all(m.team_id == "TM-1" for m in view.measurables)
    values = sorted((s.measurable_id, str(s.week), s.value) for s in view.scores)
    assert ("M-1", "2026-11-16", 61850.0) in values and ("M-4", "2026-11-09", 820.0) in values


@pytest.mark.parametrize(
    ("header", "says"),
    [
        ("Owner,Goal,2026-11-16", "no Measurable column"),
        ("Measurable,Owner,2026-11-16,2026-11-18", "name the same week"),
        ("", "does not look like a scorecard"),
    ],
)
def test_header_problems_stop_the_import(team_workspace, tmp_path: Path, header: str, says: str) -> None:
    sheet = tmp_path / "header.csv"
    sheet.write_text(header + "\n")
    result = team_workspace("scorecard", "import", str(sheet))
    assert result.code == 1 and says in result.err


def test_score_show_agrees_with_the_grid(cadence, workspace_dir: Path) -> None:
    workspace_dir.mkdir(parents=True)
    shutil.copy2(demo_workspace_dir() / "cadence.json", workspace_dir / "cadence.json")
    shown = cadence("score", "show", "--json")
    assert shown.code == 0
    listed = json.loads(shown.out)
    view = stored(workspace_dir)
    weekly = [m for m in active_measurables(view.measurables) if m.frequency is Frequency.WEEKLY]
    rows = build_grid(weekly, view.scores, week_periods(date(2026, 11, 23), 13))
    listed = [item for item in listed if item["id"] in {m.id for m in weekly}]
    assert [item["id"] for item in listed] == [row.measurable.id for row in rows]
    for item, row in zip(listed, rows):
        assert item["trend"] == row.trend and item["average"] == row.average
        for cell in row.cells:
            found = item["weeks"][cell.period.start.isoformat()]
            assert (None if found is None else (found["value"], found["on_goal"])) == (
                None if cell.value is None else (cell.value, cell.on_goal)
            )
    text = cadence("score", "show", "--weeks", "2").out
    assert "$61,850+*" in text, "on goal, with a note"
    assert "92.4%-" in text, "off goal"


def test_measurable_goal_changes_from_a_week_and_list_shows_the_current_goal(scorecard, workspace_dir: Path) -> None:
    changed = scorecard("measurable", "goal", "M-3", ">= 15", "--from", "2026-11-18")
    assert changed.code == 0, changed.err
    assert "M-3 goal >= 15 from the week of 2026-11-16" in changed.out
    leads = next(m for m in stored(workspace_dir).measurables if m.id == "M-3")
    assert leads.goal.value == 12 and leads.goal_for_week(date(2026, 11, 9)).value == 12
    listed = scorecard("measurable", "list").out
    assert ">= 15" in listed
    shown = json.loads(scorecard("score", "show", "--weeks", "2", "--json").out)
    leads_row = next(item for item in shown if item["id"] == "M-3")
    assert leads_row["weeks"]["2026-11-16"] == {"value": 0.1, "on_goal": False, "note": ""}
    assert scorecard("measurable", "goal", "M-3", "lots").code == 1

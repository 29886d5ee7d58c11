"""`cadence import`'s front door: what it says about a file it cannot place, what --kind insists on,
and that a dry run (even one adding people) leaves the workspace file as it was."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def test_a_file_of_no_known_shape_says_what_each_kind_expects(team_workspace, workspace_dir: Path, tmp_path: Path) -> None:
    before = (workspace_dir / "cadence.json").read_bytes()
    odd = tmp_path / "contacts.csv"
    odd.write_text("Name,Phone\nAnn,555-0100\n", encoding="utf-8")
    result = team_workspace("import", str(odd))
    assert result.code == 1
    assert "cannot tell what this file holds (CSV)" in result.err
    for expected in ("rocks: Title, Owner, Due Date", "todos: To-do/Title", "scorecard: Measurable/Title"):
        assert expected in result.err
    assert (workspace_dir / "cadence.json").read_bytes() == before


def test_kind_insists_and_says_when_the_file_is_not_that_kind(team_workspace, workspace_dir: Path) -> None:
    before = (workspace_dir / "cadence.json").read_bytes()
    result = team_workspace("import", str(FIXTURES / "scorecard_google_us.csv"), "--kind", "rocks")
    assert result.code == 1
    assert "does not look like a rocks sheet" in result.err
    assert (workspace_dir / "cadence.json").read_bytes() == before


def test_a_dry_run_shows_the_people_it_would_add_and_writes_nothing(team_workspace, workspace_dir: Path) -> None:
    before = (workspace_dir / "cadence.json").read_bytes()
    backups = sorted(path.name for path in (workspace_dir / "backups").glob("*"))
    result = team_workspace("import", str(FIXTURES / "scorecard_google_us.csv"), "--dry-run", "--create-people")
    assert result.code == 0, result.err
    assert "scorecard_google_us.csv: CSV; Google Sheets-style scorecard" in result.err.splitlines()[0]
    assert "people added (--create-people): Marcus Lindqvist, Priya Raman, Dana Okafor, Tom Becker" in result.err
    assert "row 5: create 'New qualified leads'" in result.out
    assert "dry run: would import 5 new measurables, 18 values set, 2 notes, 4 new people; nothing written" in result.out
    assert (workspace_dir / "cadence.json").read_bytes() == before
    assert sorted(path.name for path in (workspace_dir / "backups").glob("*")) == backups

    done = team_workspace("import", str(FIXTURES / "scorecard_google_us.csv"), "--create-people")
    assert done.code == 0, done.err
    assert "imported: 5 new measurables, 18 values set, 2 notes, 4 new people" in done.out
    again = team_workspace("import", str(FIXTURES / "scorecard_google_us.csv"), "--dry-run")
    assert "dry run: the file would change nothing; nothing written" in again.out


def test_a_map_to_nobody_is_refused_before_anything_is_written(team_workspace, workspace_dir: Path) -> None:
    before = (workspace_dir / "cadence.json").read_bytes()
    result = team_workspace(
        "import", str(FIXTURES / "scorecard_google_us.csv"), "--map", "Marcus Lindqvist=Zed", "--skip-bad"
    )
    assert result.code == 1
    assert "Zed" in result.err and "Traceback" not in result.err
    assert (workspace_dir / "cadence.json").read_bytes() == before

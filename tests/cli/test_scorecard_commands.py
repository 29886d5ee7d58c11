"""Every change the Scorecard's keys make, from the shell: clear, note, drop a red cell, move, archive.

Each runs the real ``cadence`` entry point and reads the workspace file back,
as a script would. The app's keys call the same store actions (see
``ScorecardPanel.CLI_EQUIVALENTS``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest


def stored(workspace_dir: Path, table: str) -> dict[str, dict[str, Any]]:
    return json.loads((workspace_dir / "cadence.json").read_text())[table]


def scores(workspace_dir: Path) -> dict[tuple[str, str], dict[str, Any]]:
    return {(s["measurable_id"], s["week"]): s for s in stored(workspace_dir, "scores").values()}


@pytest.fixture
def scorecard(team_workspace):  # type: ignore[no-untyped-def]
    """Leads (>= 10), Quotes (>= 20), Calls (>= 30) on the leadership scorecard; Quotes was 7 last week."""
    for title, goal in (("Leads", ">= 10"), ("Quotes", ">= 20"), ("Calls", ">= 30")):
        added = team_workspace("measurable", "add", title, "--owner", "Ann", "--goal", goal, "--team", "Leadership")
        assert added.code == 0, added.err
    assert team_workspace("score", "set", "M-1", "12", "--week", "2026-11-16").code == 0
    assert team_workspace("score", "set", "M-2", "7", "--week", "2026-11-18", "--note", "expo").code == 0
    return team_workspace


def test_score_clear_removes_the_weeks_value(scorecard, workspace_dir: Path) -> None:
    result = scorecard("score", "clear", "M-2", "--week", "2026-11-20")
    assert result.code == 0, result.err
    assert result.out.strip() == "M-2 week of 2026-11-16: cleared"
    assert ("M-2", "2026-11-16") not in scores(workspace_dir)
    assert ("M-1", "2026-11-16") in scores(workspace_dir)
    again = scorecard("score", "clear", "M-2", "--week", "2026-11-16")
    assert (again.code, again.out.strip()) == (0, "M-2 week of 2026-11-16: no value to clear")


def test_score_note_changes_and_removes_the_note(scorecard, workspace_dir: Path) -> None:
    assert scorecard("score", "note", "M-1", "Trade show", "--week", "2026-11-16").code == 0
    assert scores(workspace_dir)[("M-1", "2026-11-16")]["note"] == "Trade show"
    assert scorecard("score", "note", "M-1", "", "--week", "2026-11-16").code == 0
    assert scores(workspace_dir)[("M-1", "2026-11-16")]["note"] == ""
    before = (workspace_dir / "cadence.json").read_bytes()
    result = scorecard("score", "note", "M-3", "x", "--week", "2026-11-16")
    assert result.code == 1 and "value for that week first" in result.err
    assert (workspace_dir / "cadence.json").read_bytes() == before


def test_score_drop_puts_a_red_value_on_the_issues_list_once(scorecard, workspace_dir: Path) -> None:
    result = scorecard("score", "drop", "M-2", "--week", "2026-11-16")
    assert result.code == 0, result.err
    assert result.out.strip() == "I-1 Off goal: Quotes (week of 2026-11-16: 7)"
    issues = list(stored(workspace_dir, "issues").values())
    assert [(i["title"], i["source"], i["owner_id"], i["status"]) for i in issues] == [
        ("Off goal: Quotes (week of 2026-11-16: 7)", "M-2", "P-1", "open")
    ]
    before = (workspace_dir / "cadence.json").read_bytes()
    again = scorecard("score", "drop", "M-2", "--week", "2026-11-16")
    assert again.code == 1 and "already on the Issues list as I-1" in again.err
    green = scorecard("score", "drop", "M-1", "--week", "2026-11-16")
    assert green.code == 1 and "only a red" in green.err
    empty = scorecard("score", "drop", "M-3")
    assert empty.code == 1 and "no value" in empty.err
    assert (workspace_dir / "cadence.json").read_bytes() == before


def test_measurable_move_up_and_down_on_its_scorecard(scorecard, workspace_dir: Path) -> None:
    result = scorecard("measurable", "move", "M-3", "up")
    assert result.code == 0, result.err
    assert result.out.strip() == "M-3 Calls: row 2 of 3"
    orders = {m["id"]: m["order"] for m in stored(workspace_dir, "measurables").values()}
    assert orders == {"M-1": 1, "M-3": 2, "M-2": 3}
    assert scorecard("measurable", "move", "M-1", "down", "--team", "Leadership").code == 0
    orders = {m["id"]: m["order"] for m in stored(workspace_dir, "measurables").values()}
    assert orders == {"M-3": 1, "M-1": 2, "M-2": 3}
    assert [row["id"] for row in json.loads(scorecard("measurable", "list", "--json").out)] == ["M-3", "M-1", "M-2"]
    bad = scorecard("measurable", "move", "M-1", "sideways")
    assert bad.code != 0


def test_measurable_archive_and_unarchive_keep_the_numbers(scorecard, workspace_dir: Path) -> None:
    result = scorecard("measurable", "archive", "M-2")
    assert (result.code, result.out.strip()) == (0, "M-2 Quotes archived")
    assert stored(workspace_dir, "measurables")["2"]["archived"] is True
    assert ("M-2", "2026-11-16") in scores(workspace_dir), "its numbers are kept"
    assert "Quotes" not in scorecard("measurable", "list").out
    assert "Quotes" in scorecard("measurable", "list", "--archived").out
    twice = scorecard("measurable", "archive", "M-2")
    assert twice.code == 1 and "already archived" in twice.err
    back = scorecard("measurable", "unarchive", "M-2")
    assert (back.code, back.out.strip()) == (0, "M-2 Quotes back on the Scorecard")
    assert stored(workspace_dir, "measurables")["2"]["archived"] is False
    missing = scorecard("measurable", "archive", "M-99")
    assert missing.code == 1


def test_measurable_edit_changes_title_owner_unit_and_rollup(scorecard, workspace_dir: Path) -> None:
    result = scorecard("measurable", "edit", "M-3", "--title", "Calls made", "--owner", "Bob", "--unit", "percent",
                       "--rollup", "average")
    assert result.code == 0, result.err
    calls = stored(workspace_dir, "measurables")["3"]
    assert (calls["title"], calls["owner_id"], calls["unit"], calls["aggregate"]) == (
        "Calls made", "P-2", "percent", "average"
    )
    bad = scorecard("measurable", "edit", "M-3", "--unit", "furlongs")
    assert bad.code == 1 and "unit" in bad.err


def test_the_score_commands_never_import_textual(workspace_dir: Path, scorecard) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    code = (
        "import sys; from cadence.cli import main\n"
        "try: main(['score', 'clear', 'M-1', '--week', '2026-11-16'])\n"
        "except SystemExit: pass\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    env = {"CADENCE_WORKSPACE": str(workspace_dir), "CADENCE_TODAY": "2026-11-23", "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert ("M-1", "2026-11-16") not in scores(workspace_dir)

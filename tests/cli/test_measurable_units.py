"""Roll-ups and durations from the command line, checked in the workspace file.

A percent or duration measurable averages its weeks into a month (25% and
40% make 32.5%, never 65%); a bare number typed for a duration is hours.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from cadence.domain.scorecard import PeriodKind, build_grid, periods_for
from cadence.store import Workspace


def stored_measurables(workspace_dir: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    data = json.loads((workspace_dir / "cadence.json").read_text())
    return {record["id"]: record for record in data["measurables"].values()}


def stored_scores(workspace_dir: Path) -> dict[tuple[str, str], float]:
    data = json.loads((workspace_dir / "cadence.json").read_text())
    return {(record["measurable_id"], record["week"]): record["value"] for record in data["scores"].values()}


@pytest.mark.parametrize(
    ("unit", "goal", "rollup"),
    [("percent", ">= 30%", "average"), ("duration", "<= 24:00", "average"), ("yesno", "= yes", "average"),
     ("number", ">= 20", "sum"), ("currency", ">= $5k", "sum")],
)
def test_a_new_measurable_rolls_up_by_its_unit(team_workspace, workspace_dir: Path, unit: str, goal: str, rollup: str) -> None:
    result = team_workspace("measurable", "add", "Thing", "--owner", "Ann", "--goal", goal, "--unit", unit)
    assert result.code == 0, result.err
    assert f"rolls up by {rollup}" in result.out
    assert stored_measurables(workspace_dir)["M-1"]["aggregate"] == rollup


def test_percent_weeks_average_into_the_month(team_workspace, workspace_dir: Path) -> None:
    assert team_workspace("measurable", "add", "Close rate", "--owner", "Ann", "--goal", ">= 30%", "--unit", "percent").code == 0
    assert team_workspace("score", "set", "M-1", "25%", "--week", "2026-11-09").code == 0
    assert team_workspace("score", "set", "M-1", "40%", "--week", "2026-11-16").code == 0
    view = Workspace(workspace_dir).read()
    months = periods_for(PeriodKind.MONTH, date(2026, 11, 23))
    november = build_grid(view.measurables, view.scores, months)[0].cells[-1]
    assert november.period.label == "2026-11"
    assert november.value == pytest.approx(32.5), "the average of 25% and 40%, not their sum (65%)"


def test_rollup_is_chosen_on_add_and_changed_on_edit(team_workspace, workspace_dir: Path) -> None:
    result = team_workspace("measurable", "add", "Calls", "--owner", "Ann", "--goal", ">= 20", "--rollup", "average")
    assert result.code == 0, result.err
    assert stored_measurables(workspace_dir)["M-1"]["aggregate"] == "average"
    result = team_workspace("measurable", "edit", "M-1", "--rollup", "sum", "--title", "Calls made")
    assert result.code == 0, result.err
    stored = stored_measurables(workspace_dir)["M-1"]
    assert (stored["aggregate"], stored["title"]) == ("sum", "Calls made")
    assert "sum" in team_workspace("measurable", "list").out


def test_a_bad_rollup_is_one_line_and_changes_nothing(team_workspace, workspace_dir: Path) -> None:
    before = (workspace_dir / "cadence.json").read_bytes()
    result = team_workspace("measurable", "add", "Calls", "--owner", "Ann", "--goal", ">= 20", "--rollup", "median")
    assert result.code == 1
    assert "rollup: 'median' is not one of sum, average" in result.err
    assert (workspace_dir / "cadence.json").read_bytes() == before


@pytest.mark.parametrize(("typed", "minutes", "shown"), [("13", 780, "13:00"), ("1.5", 90, "1:30"), ("90m", 90, "1:30"),
                                                         ("1h30", 90, "1:30"), ("1:30", 90, "1:30")])
def test_a_bare_number_for_a_duration_is_hours(team_workspace, workspace_dir: Path, typed: str, minutes: int, shown: str) -> None:
    assert team_workspace("measurable", "add", "Turnaround", "--owner", "Ann", "--goal", "<= 24", "--unit", "duration").code == 0
    assert stored_measurables(workspace_dir)["M-1"]["goal"]["value"] == 24 * 60, "the goal's bare 24 is hours too"
    result = team_workspace("score", "set", "M-1", typed)
    assert result.code == 0, result.err
    assert f"{shown} (on goal)" in result.out
    assert stored_scores(workspace_dir)[("M-1", "2026-11-23")] == minutes


def test_a_bad_duration_says_what_a_duration_looks_like(team_workspace, workspace_dir: Path) -> None:
    assert team_workspace("measurable", "add", "Turnaround", "--owner", "Ann", "--goal", "<= 24:00", "--unit", "duration").code == 0
    before = (workspace_dir / "cadence.json").read_bytes()
    result = team_workspace("score", "set", "M-1", "1:75")
    assert result.code == 1
    assert "minutes after ':' are 00-59" in result.err
    assert (workspace_dir / "cadence.json").read_bytes() == before

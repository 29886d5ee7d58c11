"""``cadence quarter ...``: review figures, closing a quarter rock by rock, and the milestone rule.

Run through the real entry point on a small workspace fixed to 2026-11-23
(2026-Q4). Every change is read back from the file; every refused close exits 1
naming what is wrong and leaves the file byte for byte as it was.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest


def table(workspace_dir: Path, name: str) -> dict[str, dict[str, Any]]:
    document = json.loads((workspace_dir / "cadence.json").read_text(encoding="utf-8"))
    return {record["id"]: record for record in document.get(name, {}).values()}


def meta(workspace_dir: Path) -> dict[str, Any]:
    document = json.loads((workspace_dir / "cadence.json").read_text(encoding="utf-8"))
    return next(iter(document["_meta"].values()))


@pytest.fixture
def quarter_workspace(team_workspace):  # type: ignore[no-untyped-def]
    """Four Q4 rocks: R-1 done, R-2 on track (company, with milestones), R-3 off track, R-4 on track."""
    cadence = team_workspace
    assert cadence("rock", "add", "Ship v2", "--owner", "Ann").code == 0
    assert cadence("rock", "add", "Open Denver", "--owner", "Bob", "--company", "--team", "Leadership").code == 0
    assert cadence("rock", "add", "Hire a CFO", "--owner", "Ann").code == 0
    assert cadence("rock", "add", "New website", "--owner", "Bob").code == 0
    assert cadence("rock", "set", "R-1", "--status", "done").code == 0
    assert cadence("rock", "set", "R-3", "--status", "off-track").code == 0
    return cadence


def test_close_refuses_while_a_rock_is_undecided_and_writes_nothing(quarter_workspace, workspace_dir: Path) -> None:
    before = (workspace_dir / "cadence.json").read_bytes()
    result = quarter_workspace("quarter", "close", "2026-Q4", "--carry", "R-2", "--not-done", "R-3")
    assert result.code == 1
    assert "undecided rock: R-4 (New website)" in result.err
    assert (workspace_dir / "cadence.json").read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--carry", "R-2", "--not-done", "R-2", "--done", "R-3", "--done", "R-4"),
            "R-2: choose one of carry and not-done",
        ),
        (("--carry", "R-1", "--carry", "R-2", "--done", "R-3", "--done", "R-4"), "R-1 is already done"),
        (("--carry", "R-99", "--carry", "R-2", "--done", "R-3", "--done", "R-4"), "R-99"),
        (("--carry", "R-5", "--carry", "R-2", "--done", "R-3", "--done", "R-4"), "R-5 is in 2027-Q1, not 2026-Q4"),
    ],
)
def test_close_refusals_name_the_problem_and_write_nothing(
    quarter_workspace, workspace_dir: Path, args: tuple[str, ...], message: str
) -> None:
    assert quarter_workspace("rock", "add", "Next year", "--owner", "Ann", "--quarter", "2027-Q1").code == 0
    before = (workspace_dir / "cadence.json").read_bytes()
    result = quarter_workspace("quarter", "close", "2026-Q4", *args)
    assert result.code == 1
    assert message in result.err
    assert (workspace_dir / "cadence.json").read_bytes() == before


def test_close_carries_one_rock_and_marks_the_others(quarter_workspace, workspace_dir: Path) -> None:
    assert quarter_workspace("rock", "milestone", "R-2", "Lease signed", "--due", "2026-11-01").code == 0
    assert quarter_workspace("rock", "milestone", "R-2", "First hire", "--due", "2026-12-10").code == 0
    assert quarter_workspace("rock", "milestone-done", "R-2", "MS-1").code == 0
    result = quarter_workspace("quarter", "close", "2026-Q4", "--carry", "r-2", "--not-done", "R-3", "--done", "R-4")
    assert result.code == 0, result.err
    assert result.out.splitlines() == ["R-2 carried: R-5", "R-3 not done", "R-4 done", "2026-Q4 closed"]
    rocks = table(workspace_dir, "rocks")
    assert {rock_id: rocks[rock_id]["status"] for rock_id in ("R-1", "R-2", "R-3", "R-4")} == {
        "R-1": "done",
        "R-2": "not-done",
        "R-3": "not-done",
        "R-4": "done",
    }
    carried = rocks["R-5"]
    assert carried["quarter"] == "2027-Q1"
    assert carried["title"] == "Open Denver"
    assert carried["owner_id"] == rocks["R-2"]["owner_id"]
    assert carried["company"] is True
    assert carried["team_id"] == rocks["R-2"]["team_id"]
    assert carried["status"] == "on-track"
    assert carried["due"] == "2027-03-31"
    assert carried["description"].startswith("Carried from R-2.")
    assert [(m["title"], m["due"], m["done"]) for m in carried["milestones"]] == [("First hire", "2026-12-10", False)]
    assert carried["milestones"][0]["id"] == "MS-3"


def test_close_with_everything_settled_needs_no_choice(quarter_workspace, workspace_dir: Path) -> None:
    for rock_id in ("R-2", "R-3", "R-4"):
        assert quarter_workspace("quarter", "settle", rock_id, "done").code == 0
    result = quarter_workspace("quarter", "close", "2026-Q4")
    assert result.code == 0, result.err
    assert result.out.splitlines() == ["2026-Q4 closed"]
    assert meta(workspace_dir)["closed_quarters"] == [
        {
            "quarter": "2026-Q4",
            "team_id": None,
            "closed_on": "2026-11-23",
            "meeting_id": None,
            "done": [],
            "not_done": [],
            "carried": [],
        }
    ]


def test_a_close_is_recorded_with_its_decisions_and_a_second_one_writes_nothing(
    quarter_workspace, workspace_dir: Path
) -> None:
    assert quarter_workspace("quarter", "review").out.splitlines()[-1] == "Closed:       no"
    result = quarter_workspace("quarter", "close", "2026-Q4", "--carry", "R-2", "--not-done", "R-3", "--done", "R-4")
    assert result.code == 0, result.err
    (closing,) = meta(workspace_dir)["closed_quarters"]
    assert (closing["done"], closing["not_done"], closing["carried"]) == (["R-4"], ["R-3"], [["R-2", "R-5"]])
    before = (workspace_dir / "cadence.json").read_bytes()
    again = quarter_workspace("quarter", "close", "2026-Q4")
    assert again.code == 0, again.err
    assert again.out.splitlines() == ["2026-Q4 was closed already: 2026-11-23"]
    assert (workspace_dir / "cadence.json").read_bytes() == before
    assert quarter_workspace("quarter", "review").out.splitlines()[-1] == "Closed:       2026-11-23"
    as_json = json.loads(quarter_workspace("quarter", "review", "--json").out)
    assert [item["carried"] for item in as_json["closed"]] == [[["R-2", "R-5"]]]
    # a rock added to the closed quarter afterwards needs a decision again, and the second close is recorded too
    assert quarter_workspace("rock", "add", "Late addition", "--owner", "Ann", "--quarter", "2026-Q4").code == 0
    late = quarter_workspace("quarter", "close", "2026-Q4")
    assert late.code == 1 and "undecided rock: R-6 (Late addition)" in late.err
    assert quarter_workspace("quarter", "close", "2026-Q4", "--not-done", "R-6").code == 0
    assert [item["not_done"] for item in meta(workspace_dir)["closed_quarters"]] == [["R-3"], ["R-6"]]


def test_a_teams_close_decides_its_own_rocks_and_only_leadership_decides_company_rocks(
    quarter_workspace, workspace_dir: Path
) -> None:
    assert quarter_workspace("team", "add", "Sales").code == 0
    assert quarter_workspace("person", "add", "Cy", "--team", "Sales").code == 0
    assert quarter_workspace("rock", "add", "Ten new clients", "--owner", "Cy", "--team", "Sales").code == 0
    before = (workspace_dir / "cadence.json").read_bytes()
    for other in ("R-4", "R-2"):  # Leadership's own rock, and a company rock: neither is Sales's to decide
        refused = quarter_workspace("quarter", "close", "2026-Q4", "--team", "Sales", "--done", "R-5", "--done", other)
        assert refused.code == 1
        assert f"{other} is not a rock of Sales\n" in refused.err
    assert (workspace_dir / "cadence.json").read_bytes() == before
    assert quarter_workspace("quarter", "close", "2026-Q4", "--team", "Sales").code == 1  # R-5 undecided
    result = quarter_workspace("quarter", "close", "2026-Q4", "--team", "Sales", "--carry", "R-5")
    assert result.code == 0, result.err
    rocks = table(workspace_dir, "rocks")
    assert [rocks[rock_id]["status"] for rock_id in ("R-2", "R-3", "R-4")] == ["on-track", "off-track", "on-track"]
    teams = table(workspace_dir, "teams")
    sales_id = next(team_id for team_id, team in teams.items() if team["name"] == "Sales")
    assert [item["team_id"] for item in meta(workspace_dir)["closed_quarters"]] == [sales_id]
    assert quarter_workspace("quarter", "review").out.splitlines()[-1] == "Closed:       2026-11-23 for Sales"
    # Leadership's close: the company rock R-2 and its members' R-3, R-4; Sales's rocks are not asked about
    leadership = quarter_workspace("quarter", "close", "2026-Q4", "--team", "Leadership", "--done", "R-2")
    assert leadership.code == 1 and "R-3" in leadership.err and "R-4" in leadership.err and "R-6" not in leadership.err
    args = ("--done", "R-2", "--not-done", "R-3", "--carry", "R-4")
    assert quarter_workspace("quarter", "close", "2026-Q4", "--team", "Leadership", *args).code == 0
    # the whole workspace is not closed by the teams' closes: Sales's carried rock is in 2027-Q1, so nothing is
    # left in 2026-Q4, and a close without a team is recorded as the workspace's own
    assert quarter_workspace("quarter", "close", "2026-Q4").out == "2026-Q4 closed\n"


def test_review_prints_the_figures_and_json(quarter_workspace, workspace_dir: Path) -> None:
    assert quarter_workspace("todo", "add", "Call the bank", "--owner", "Ann", "--due", "2026-11-20").code == 0
    assert quarter_workspace("todo", "add", "Book the venue", "--owner", "Bob", "--due", "2026-11-21").code == 0
    assert quarter_workspace("todo", "done", "T-1").code == 0
    result = quarter_workspace("quarter", "review", "--quarter", "2026-Q4")
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "Quarter 2026-Q4",
        "Rocks done:   1/4 25% (goal 80%)",
        "To-dos done:  1/2 50% (goal 90%)",
        "Meetings:     0 rated, average -",
        "Undecided:    R-2, R-3, R-4",
        "Closed:       no",
    ]
    as_json = json.loads(quarter_workspace("quarter", "review", "--json").out)
    assert as_json["quarter"] == "2026-Q4"  # 2026-11-23 is late in Q4: the session reviews Q4
    assert as_json["rocks"] == {"done": 1, "total": 4, "rate": 0.25}
    assert as_json["todos"] == {"done": 1, "total": 2, "rate": 0.5}
    assert as_json["undecided"] == ["R-2", "R-3", "R-4"]


def test_milestone_rule_makes_each_to_do_once(quarter_workspace, workspace_dir: Path) -> None:
    cadence = quarter_workspace
    assert cadence("rock", "milestone", "R-2", "Lease signed", "--due", "2026-11-27").code == 0  # this week
    assert cadence("rock", "milestone", "R-2", "Fit-out", "--due", "2026-12-20").code == 0  # later
    assert cadence("rock", "milestone", "R-3", "Shortlist", "--due", "2026-11-30").code == 0  # in 7 days
    assert cadence("rock", "milestone", "R-1", "Beta", "--due", "2026-11-25").code == 0  # rock done
    first = cadence("quarter", "milestone-todos", "run")
    assert first.code == 0, first.err
    assert first.out.splitlines() == [
        "T-1 Lease signed (milestone of R-2) (due 2026-11-27)",
        "T-2 Shortlist (milestone of R-3) (due 2026-11-30)",
    ]
    todos = table(workspace_dir, "todos")
    assert {(t["owner_id"], t["due"], t["source"]) for t in todos.values()} == {
        ("P-2", "2026-11-27", "MS-1"),
        ("P-1", "2026-11-30", "MS-3"),
    }
    milestones = {m["id"]: m for rock in table(workspace_dir, "rocks").values() for m in rock["milestones"]}
    assert (milestones["MS-1"]["todo_id"], milestones["MS-2"]["todo_id"], milestones["MS-3"]["todo_id"]) == (
        "T-1",
        None,
        "T-2",
    )
    # Once: a second run, even after the to-do is deleted, makes nothing.
    assert cadence("todo", "delete", "T-1").code == 0
    again = cadence("quarter", "milestone-todos", "run")
    assert again.out.splitlines() == ["no milestone due in the coming week without its to-do"]
    assert set(table(workspace_dir, "todos")) == {"T-2"}


def test_milestone_rule_can_be_turned_off(quarter_workspace, workspace_dir: Path) -> None:
    cadence = quarter_workspace
    assert cadence("rock", "milestone", "R-2", "Lease signed", "--due", "2026-11-27").code == 0
    assert cadence("quarter", "milestone-todos", "status").out == "on\n"
    assert cadence("quarter", "milestone-todos", "off").out == "milestone to-dos off\n"
    assert meta(workspace_dir)["milestone_todos"] is False
    result = cadence("quarter", "milestone-todos", "run")
    assert result.code == 0
    assert "off" in result.err
    assert cadence("meeting", "start", "--team", "Leadership").code == 0
    assert table(workspace_dir, "todos") == {}
    assert cadence("quarter", "milestone-todos", "on").code == 0
    assert meta(workspace_dir)["milestone_todos"] is True
    assert cadence("quarter", "milestone-todos", "run").out.startswith("T-1 Lease signed")


def test_a_weekly_meeting_start_runs_the_rule_once(quarter_workspace, workspace_dir: Path) -> None:
    cadence = quarter_workspace
    assert cadence("rock", "milestone", "R-2", "Lease signed", "--due", "2026-11-27").code == 0
    assert cadence("meeting", "start", "--team", "Leadership").code == 0
    todos = table(workspace_dir, "todos")
    assert [(t["title"], t["source"]) for t in todos.values()] == [("Lease signed (milestone of R-2)", "MS-1")]
    meeting = next(iter(table(workspace_dir, "meetings").values()))
    assert meeting["new_todo_ids"] == []  # made before the meeting: on its to-do list, not among its new ones
    assert cadence("meeting", "end").code == 0
    assert cadence("meeting", "start", "--team", "Leadership").code == 0
    assert len(table(workspace_dir, "todos")) == 1


def test_settle_decides_one_rock_at_a_time(quarter_workspace, workspace_dir: Path) -> None:
    cadence = quarter_workspace
    assert cadence("quarter", "settle", "R-2", "carry").out == "R-2 carried: R-5 (2027-Q1)\n"
    assert cadence("quarter", "settle", "R-3", "not-done").out == "R-3 not-done\n"
    rocks = table(workspace_dir, "rocks")
    assert (rocks["R-2"]["status"], rocks["R-3"]["status"], rocks["R-5"]["quarter"]) == (
        "not-done",
        "not-done",
        "2027-Q1",
    )
    before = (workspace_dir / "cadence.json").read_bytes()
    refused = cadence("quarter", "settle", "R-1", "carry")
    assert (refused.code, refused.err) == (1, "error: R-1 is already done\n")
    assert (workspace_dir / "cadence.json").read_bytes() == before
    assert cadence("quarter", "review").out.splitlines()[-2] == "Undecided:    R-4"

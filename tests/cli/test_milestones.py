"""Milestones from the shell, addressed by id (issue 8 item 10): a tick or delete never lands on another one."""

from __future__ import annotations

import json
from pathlib import Path

from cadence.store import Workspace, actions


def _milestones(workspace_dir: Path, rock: str = "1") -> list[tuple[str, str, bool]]:
    data = json.loads((workspace_dir / "cadence.json").read_text("utf-8"))
    return [(m["id"], m["title"], m["done"]) for m in data["rocks"][rock]["milestones"]]


def _rock_with_three(team_workspace) -> None:  # type: ignore[no-untyped-def]
    assert team_workspace("rock", "add", "Launch v2", "--owner", "ann").code == 0
    for title in ("alpha", "bravo", "charlie"):
        added = team_workspace("rock", "milestone", "R-1", title, "--due", "friday")
        assert added.code == 0, added


def test_milestone_prints_its_id_and_show_lists_them(team_workspace, workspace_dir: Path) -> None:
    assert team_workspace("rock", "add", "Launch v2", "--owner", "ann").code == 0
    added = team_workspace("rock", "milestone", "R-1", "alpha", "--due", "friday")
    assert added.out.strip() == "R-1 MS-1: 1 milestones"
    shown = team_workspace("rock", "show", "r1")
    assert shown.code == 0 and "MS-1" in shown.out and "alpha" in shown.out
    assert json.loads(team_workspace("rock", "show", "R-1", "--json").out)["milestones"][0]["id"] == "MS-1"


def test_done_and_delete_by_id_after_another_writer_removed_one(team_workspace, workspace_dir: Path) -> None:
    _rock_with_three(team_workspace)
    assert [m[:2] for m in _milestones(workspace_dir)] == [("MS-1", "alpha"), ("MS-2", "bravo"), ("MS-3", "charlie")]
    with Workspace(workspace_dir).transaction() as tx:  # someone else deletes alpha
        actions.remove_milestone(tx, "R-1", "MS-1")

    ticked = team_workspace("rock", "milestone-done", "R-1", "ms3")
    assert ticked.code == 0 and "MS-3 done: charlie" in ticked.out
    deleted = team_workspace("rock", "milestone-delete", "R-1", "MS-2")
    assert deleted.code == 0 and "MS-2 deleted: bravo" in deleted.out
    assert _milestones(workspace_dir) == [("MS-3", "charlie", True)]
    assert team_workspace("rock", "milestone-done", "R-1", "MS-3", "--undo").code == 0
    assert _milestones(workspace_dir) == [("MS-3", "charlie", False)]

    before = (workspace_dir / "cadence.json").read_bytes()
    gone = team_workspace("rock", "milestone-done", "R-1", "MS-1")
    assert gone.code == 1 and "R-1 has no milestone MS-1" in gone.err
    bad = team_workspace("rock", "milestone-delete", "R-1", "first")
    assert bad.code == 1 and "not a milestone id" in bad.err
    assert (workspace_dir / "cadence.json").read_bytes() == before


def test_a_deleted_milestone_id_is_never_given_again(team_workspace, workspace_dir: Path) -> None:
    _rock_with_three(team_workspace)
    assert team_workspace("rock", "milestone-delete", "R-1", "MS-3").code == 0
    assert team_workspace("rock", "milestone", "R-1", "delta", "--due", "friday").out.startswith("R-1 MS-4")


def test_check_reports_a_milestone_id_copied_to_another_rock(team_workspace, workspace_dir: Path) -> None:
    _rock_with_three(team_workspace)
    assert team_workspace("rock", "add", "Second", "--owner", "bob").code == 0
    path = workspace_dir / "cadence.json"
    data = json.loads(path.read_text("utf-8"))
    data["rocks"]["2"]["milestones"] = [data["rocks"]["1"]["milestones"][0]]  # pasted by hand
    path.write_text(json.dumps(data, indent=2, sort_keys=True), "utf-8")
    checked = team_workspace("check")
    assert checked.code == 1 and "MS-1: milestone id used by 2 rocks (R-1, R-2)" in checked.out

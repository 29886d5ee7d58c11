"""The Rocks and Headlines keys from the shell: edit, delete, drop to Issues, move, milestone edit.

Each command calls the store action the panel's key calls; the tests read the
workspace file afterwards, and a refused command leaves it byte for byte.
"""

from __future__ import annotations

import json
from pathlib import Path


def on_file(workspace_dir: Path) -> dict:
    return json.loads((workspace_dir / "cadence.json").read_text("utf-8"))


def test_rock_add_without_due_is_due_at_quarter_end(team_workspace, workspace_dir: Path) -> None:
    assert team_workspace("rock", "add", "Launch v2", "--owner", "ann").code == 0
    assert on_file(workspace_dir)["rocks"]["1"]["due"] == "2026-12-31"


def test_rock_edit_changes_only_what_is_given(team_workspace, workspace_dir: Path) -> None:
    assert team_workspace("rock", "add", "Launch v2", "--owner", "ann").code == 0
    edited = team_workspace("rock", "edit", "r1", "--description", "Depends on I-3", "--owner", "bob")
    assert edited.code == 0, edited
    rock = on_file(workspace_dir)["rocks"]["1"]
    assert (rock["title"], rock["due"], rock["description"], rock["owner_id"]) == (
        "Launch v2",
        "2026-12-31",
        "Depends on I-3",
        "P-2",
    )
    assert team_workspace("rock", "edit", "R-1", "--title", "Launch v3", "--due", "friday").code == 0
    rock = on_file(workspace_dir)["rocks"]["1"]
    assert (rock["title"], rock["due"]) == ("Launch v3", "2026-11-27")
    assert team_workspace("rock", "edit", "R-1", "--due", "").code == 0
    assert on_file(workspace_dir)["rocks"]["1"]["due"] is None


def test_rock_edit_refuses_bad_input_and_changes_nothing(team_workspace, workspace_dir: Path) -> None:
    assert team_workspace("rock", "add", "Launch v2", "--owner", "ann").code == 0
    before = (workspace_dir / "cadence.json").read_bytes()
    for args, message in [
        (("rock", "edit", "R-1"), "nothing to change"),
        (("rock", "edit", "R-1", "--due", "someday"), "due:"),
        (("rock", "edit", "R-1", "--owner", "zed"), "zed"),
        (("rock", "edit", "R-9", "--title", "x"), "no rock R-9"),
    ]:
        refused = team_workspace(*args)
        assert refused.code == 1 and message in refused.err, (args, refused)
    assert (workspace_dir / "cadence.json").read_bytes() == before


def test_rock_delete(team_workspace, workspace_dir: Path) -> None:
    assert team_workspace("rock", "add", "Launch v2", "--owner", "ann").code == 0
    deleted = team_workspace("rock", "delete", "R-1")
    assert deleted.code == 0 and "R-1 deleted: Launch v2" in deleted.out
    assert on_file(workspace_dir)["rocks"] == {}
    assert team_workspace("rock", "delete", "R-1").code == 1


def test_rock_drop_to_issues(team_workspace, workspace_dir: Path) -> None:
    assert team_workspace("rock", "add", "Launch v2", "--owner", "bob", "--team", "Leadership").code == 0
    dropped = team_workspace("rock", "drop", "R-1")
    assert dropped.code == 0 and dropped.out.startswith("I-1 added to the Issues list")
    issue = on_file(workspace_dir)["issues"]["1"]
    assert (issue["title"], issue["source"], issue["owner_id"], issue["team_id"]) == (
        "Rock off track: Launch v2",
        "R-1",
        "P-2",
        "TM-1",
    )


def test_rock_move_by_label_and_by_step(team_workspace, workspace_dir: Path) -> None:
    assert team_workspace("rock", "add", "Launch v2", "--owner", "ann").code == 0
    assert team_workspace("rock", "move", "R-1", "next").code == 0
    rock = on_file(workspace_dir)["rocks"]["1"]
    assert (rock["quarter"], rock["due"]) == ("2027-Q1", "2027-03-31")
    assert team_workspace("rock", "move", "R-1", "2026-Q3").code == 0
    rock = on_file(workspace_dir)["rocks"]["1"]
    assert (rock["quarter"], rock["due"]) == ("2026-Q3", "2026-09-30")
    assert team_workspace("rock", "move", "R-1", "previous").code == 0
    assert on_file(workspace_dir)["rocks"]["1"]["quarter"] == "2026-Q2"
    refused = team_workspace("rock", "move", "R-1", "2026-Q9")
    assert refused.code == 1 and "quarter:" in refused.err


def test_milestone_edit_by_id(team_workspace, workspace_dir: Path) -> None:
    assert team_workspace("rock", "add", "Launch v2", "--owner", "ann").code == 0
    assert team_workspace("rock", "milestone", "R-1", "alpha", "--due", "friday").code == 0
    assert team_workspace("rock", "milestone", "R-1", "bravo", "--due", "friday").code == 0
    edited = team_workspace("rock", "milestone-edit", "R-1", "ms2", "--title", "bravo prime")
    assert edited.code == 0 and "MS-2" in edited.out, edited
    milestones = on_file(workspace_dir)["rocks"]["1"]["milestones"]
    assert [(m["id"], m["title"], m["due"]) for m in milestones] == [
        ("MS-1", "alpha", "2026-11-27"),
        ("MS-2", "bravo prime", "2026-11-27"),
    ]
    assert team_workspace("rock", "milestone-edit", "R-1", "MS-1", "--due", "").code == 0
    assert on_file(workspace_dir)["rocks"]["1"]["milestones"][0]["due"] is None
    gone = team_workspace("rock", "milestone-edit", "R-1", "MS-7", "--title", "x")
    assert gone.code == 1 and "no milestone MS-7" in gone.err


def test_headline_drop_once_then_delete(team_workspace, workspace_dir: Path) -> None:
    added = team_workspace("headline", "add", "Globex renewed", "--kind", "customer", "--by", "bob", "--team", "leadership")
    assert added.code == 0 and added.out.startswith("H-1")
    dropped = team_workspace("headline", "drop", "h1")
    assert dropped.code == 0 and dropped.out.startswith("I-1 added to the Issues list")
    data = on_file(workspace_dir)
    assert data["headlines"]["1"]["dropped_to"] == "I-1"
    assert data["headlines"]["1"]["team_id"] == "TM-1"
    assert (data["issues"]["1"]["title"], data["issues"]["1"]["source"]) == ("Globex renewed", "H-1")

    before = (workspace_dir / "cadence.json").read_bytes()
    again = team_workspace("headline", "drop", "H-1")
    assert again.code == 1 and "already on the Issues list as I-1" in again.err
    assert (workspace_dir / "cadence.json").read_bytes() == before
    assert "I-1" in team_workspace("headline", "list").out

    deleted = team_workspace("headline", "delete", "H-1")
    assert deleted.code == 0 and "H-1 deleted: Globex renewed" in deleted.out
    data = on_file(workspace_dir)
    assert data["headlines"] == {} and "1" in data["issues"], "the issue it became stays"
    assert team_workspace("headline", "delete", "H-1").code == 1


"""The rock and headline actions the Rocks and Headlines panels and their CLI commands share.

Each rule lives in the action, so a screen, the meeting and the shell keep it
alike: a new rock's default due date, an active owner, a blank due clearing
it, a milestone edited by id, a headline dropped to Issues once.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from cadence.store import Workspace, actions
from cadence.store.errors import InputError

TODAY = date(2026, 3, 2)  # Q1 of a January fiscal year


def seed(workspace: Workspace) -> None:
    with workspace.transaction() as tx:
        actions.add_team(tx, "Leadership", leadership=True)
        actions.add_person(tx, "Ann", team="Leadership")
        actions.add_person(tx, "Bob", team="Leadership")
        actions.add_rock(tx, "Launch v2", "Ann", TODAY, team="Leadership")
        actions.add_headline(tx, "Globex renewed", "customer", TODAY, by="Bob", team="Leadership")  # H-1


def on_file(workspace: Workspace, table: str) -> dict[str, dict]:
    return json.loads((Path(workspace.folder) / "cadence.json").read_text("utf-8"))[table]


def test_a_new_rock_is_due_by_its_quarters_last_day_unless_told(workspace: Workspace) -> None:
    seed(workspace)
    with workspace.transaction() as tx:
        actions.add_rock(tx, "Next quarter", "Ann", TODAY, quarter="2026-Q2")
        actions.add_rock(tx, "Own date", "Ann", TODAY, due="2026-03-20")
        actions.add_rock(tx, "Blank date", "Ann", TODAY, due="  ")
    rocks = on_file(workspace, "rocks")
    assert [rocks[key]["due"] for key in ("1", "2", "3", "4")] == [
        "2026-03-31",
        "2026-06-30",
        "2026-03-20",
        "2026-03-31",
    ]


def test_edit_rock_changes_only_what_was_given(workspace: Workspace) -> None:
    seed(workspace)
    with workspace.transaction() as tx:
        actions.edit_rock(tx, "r1", TODAY, description="Depends on I-3")
    rock = on_file(workspace, "rocks")["1"]
    assert (rock["title"], rock["due"], rock["description"], rock["owner_id"]) == (
        "Launch v2",
        "2026-03-31",
        "Depends on I-3",
        "P-1",
    )
    with workspace.transaction() as tx:
        actions.edit_rock(tx, "R-1", TODAY, title="Launch v3", due="", owner="bob")
    rock = on_file(workspace, "rocks")["1"]
    assert (rock["title"], rock["due"], rock["owner_id"]) == ("Launch v3", None, "P-2")


def test_edit_rock_refuses_an_inactive_owner_and_a_bad_date(workspace: Workspace) -> None:
    seed(workspace)
    with workspace.transaction() as tx:
        actions.set_active(tx, "Bob", False)
    before = (Path(workspace.folder) / "cadence.json").read_bytes()
    with pytest.raises(InputError, match="Bob is inactive"), workspace.transaction() as tx:
        actions.edit_rock(tx, "R-1", TODAY, owner="Bob")
    with pytest.raises(InputError, match="due:"), workspace.transaction() as tx:
        actions.edit_rock(tx, "R-1", TODAY, title="x", due="someday")
    assert (Path(workspace.folder) / "cadence.json").read_bytes() == before


def test_delete_rock_and_an_unknown_id(workspace: Workspace) -> None:
    seed(workspace)
    with workspace.transaction() as tx:
        deleted = actions.delete_rock(tx, "R-1")
    assert deleted.title == "Launch v2"
    assert on_file(workspace, "rocks") == {}
    with pytest.raises(InputError, match="no rock R-1"), workspace.transaction() as tx:
        actions.delete_rock(tx, "R-1")


def test_drop_rock_to_issues(workspace: Workspace) -> None:
    seed(workspace)
    with workspace.transaction() as tx:
        issue = actions.drop_rock_to_issues(tx, "R-1", TODAY)
    stored = on_file(workspace, "issues")[issue.id.split("-")[1]]
    assert (stored["title"], stored["source"], stored["owner_id"], stored["team_id"]) == (
        "Rock off track: Launch v2",
        "R-1",
        "P-1",
        "TM-1",
    )


def test_shift_rock_quarter_both_ways_keeps_due_inside_the_quarter(workspace: Workspace) -> None:
    seed(workspace)
    with workspace.transaction() as tx:
        actions.shift_rock_quarter(tx, "R-1", 1)
    rock = on_file(workspace, "rocks")["1"]
    assert (rock["quarter"], rock["due"]) == ("2026-Q2", "2026-06-30")
    with workspace.transaction() as tx:
        actions.shift_rock_quarter(tx, "R-1", -2)
    rock = on_file(workspace, "rocks")["1"]
    assert (rock["quarter"], rock["due"]) == ("2025-Q4", "2025-12-31")


def test_edit_milestone_leaves_out_what_was_not_given(workspace: Workspace) -> None:
    seed(workspace)
    with workspace.transaction() as tx:
        actions.add_milestone(tx, "R-1", "alpha", "2026-03-10", TODAY)
        actions.edit_milestone(tx, "R-1", "MS-1", "alpha prime", None, TODAY)
    milestone = on_file(workspace, "rocks")["1"]["milestones"][0]
    assert (milestone["title"], milestone["due"]) == ("alpha prime", "2026-03-10")
    with workspace.transaction() as tx:
        actions.edit_milestone(tx, "R-1", "ms1", None, "", TODAY)
    milestone = on_file(workspace, "rocks")["1"]["milestones"][0]
    assert (milestone["title"], milestone["due"]) == ("alpha prime", None)


def test_delete_headline(workspace: Workspace) -> None:
    seed(workspace)
    with workspace.transaction() as tx:
        assert actions.delete_headline(tx, "h1").text == "Globex renewed"
    assert on_file(workspace, "headlines") == {}


def test_a_headline_is_dropped_to_issues_once(workspace: Workspace) -> None:
    seed(workspace)
    with workspace.transaction() as tx:
        issue = actions.drop_headline_to_issues(tx, "H-1", TODAY)
    assert on_file(workspace, "headlines")["1"]["dropped_to"] == issue.id
    with pytest.raises(InputError, match="already on the Issues list"), workspace.transaction() as tx:
        actions.drop_headline_to_issues(tx, "H-1", TODAY)
    assert len(on_file(workspace, "issues")) == 1

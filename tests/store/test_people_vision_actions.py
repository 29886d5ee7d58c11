"""The people, team and V/TO actions the People and Vision panels and their CLI commands share.

The rules live in the actions: which V/TO is the workspace's (``V-1``, else
the first with no team, the first save creating it), list parts one item a
line, an edit leaving the fields it was not given, names unique.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cadence.domain.models import Vision
from cadence.store import Workspace, actions
from cadence.store.errors import InputError


def on_file(workspace: Workspace, table: str) -> dict[str, dict]:
    return json.loads((Path(workspace.folder) / "cadence.json").read_text("utf-8"))[table]


def test_the_first_part_saved_creates_the_workspace_vto(workspace: Workspace) -> None:
    with workspace.transaction() as tx:
        actions.set_vision_part(tx, "guarantee", "  On time or free  ")
    with workspace.transaction() as tx:
        actions.set_vision_part(tx, "three-uniques", "Food-safe inks\n\n  48-hour proofs \nSmall runs")
    visions = on_file(workspace, "vision")
    assert list(visions) == ["1"]
    stored = visions["1"]
    assert (stored["id"], stored["team_id"], stored["guarantee"]) == ("V-1", None, "On time or free")
    assert stored["three_uniques"] == ["Food-safe inks", "48-hour proofs", "Small runs"]


def test_without_v1_the_first_vto_of_no_team_is_the_workspace_one(workspace: Workspace) -> None:
    with workspace.transaction() as tx:
        team = actions.add_team(tx, "Sales")
        first = tx.add(Vision, guarantee="Old")  # V-1, deleted below
        tx.add(Vision, team_id=team.id, guarantee="Team promise")  # V-2, a team's
        workspace_vto = tx.add(Vision, guarantee="Company promise")  # V-3, no team
        tx.delete(first)
    with workspace.transaction() as tx:
        saved = actions.set_vision_part(tx, "guarantee", "New promise")
    assert saved.id == workspace_vto.id == "V-3"
    visions = on_file(workspace, "vision")
    assert (visions["2"]["guarantee"], visions["3"]["guarantee"]) == ("Team promise", "New promise")


def test_an_unknown_part_is_refused_and_nothing_written(workspace: Workspace) -> None:
    with pytest.raises(InputError, match="'mission' is not a part of the V/TO"):
        with workspace.transaction() as tx:
            actions.set_vision_part(tx, "mission", "x")
    assert on_file(workspace, "vision") == {}


def test_text_parts_keep_their_lines_and_lists_take_items(workspace: Workspace) -> None:
    assert actions.vision_value("one_year_plan", ["Revenue $9M", "", "Profit 12%"]) == "Revenue $9M\n\nProfit 12%"
    assert actions.vision_value("Core-Values", ["Own it", " ", "Be kind\nSay it"]) == ["Own it", "Be kind", "Say it"]
    assert actions.VISION_LIST_PARTS == {"core_values", "three_uniques"}


def test_person_and_team_edits_leave_what_they_are_not_given(workspace: Workspace) -> None:
    with workspace.transaction() as tx:
        actions.add_team(tx, "Leadership", leadership=True)
        actions.add_person(tx, "Ann", team="Leadership")
        actions.edit_person(tx, "ann", email="ann@acme.test")
        actions.edit_person(tx, "ann", name="Ann Lee")
        actions.edit_team(tx, "leadership", name="Leaders")
    person = on_file(workspace, "people")["1"]
    team = on_file(workspace, "teams")["1"]
    assert (person["name"], person["email"]) == ("Ann Lee", "ann@acme.test")
    assert (team["name"], team["leadership"]) == ("Leaders", True)
    with workspace.transaction() as tx:
        actions.edit_team(tx, "TM-1", leadership=False)
    assert on_file(workspace, "teams")["1"]["name"] == "Leaders"
    assert on_file(workspace, "teams")["1"]["leadership"] is False

"""Rules of the method kept by the store for every caller, not only by the TUI (issue 8 item 12)."""

from __future__ import annotations

import json
from pathlib import Path

from cadence.store import Workspace, actions


def _people(workspace_dir: Path) -> list[tuple[str, str, str]]:
    data = json.loads((workspace_dir / "cadence.json").read_text("utf-8"))
    return sorted((p["id"], p["name"], p["role"]) for p in data["people"].values())


def test_a_second_visionary_is_refused_with_who_holds_the_seat(team_workspace, workspace_dir: Path) -> None:
    assert team_workspace("person", "add", "Vera", "--role", "visionary").code == 0
    before = (workspace_dir / "cadence.json").read_bytes()

    second = team_workspace("person", "add", "Second One", "--role", "visionary")

    assert second.code == 1
    assert "Vera (P-3) is the Visionary" in second.err and "one Visionary per workspace" in second.err
    assert "--replace" in second.err
    assert (workspace_dir / "cadence.json").read_bytes() == before
    integrator = team_workspace("person", "add", "Ian", "--role", "INTEGRATOR")  # Ann is the Integrator
    assert integrator.code == 1 and "Ann (P-1) is the Integrator" in integrator.err
    assert (workspace_dir / "cadence.json").read_bytes() == before


def test_replace_hands_the_seat_over(team_workspace, workspace_dir: Path) -> None:
    assert team_workspace("person", "add", "Vera", "--role", "visionary").code == 0
    replaced = team_workspace("person", "add", "Second One", "--role", "visionary", "--replace")
    assert replaced.code == 0, replaced
    assert _people(workspace_dir) == [
        ("P-1", "Ann", "integrator"),
        ("P-2", "Bob", "member"),
        ("P-3", "Vera", "member"),
        ("P-4", "Second One", "visionary"),
    ]


def test_person_role_refuses_a_taken_seat_unless_replacing(team_workspace, workspace_dir: Path) -> None:
    refused = team_workspace("person", "role", "bob", "integrator")
    assert refused.code == 1 and "Ann (P-1) is the Integrator" in refused.err
    assert _people(workspace_dir)[:2] == [("P-1", "Ann", "integrator"), ("P-2", "Bob", "member")]
    moved = team_workspace("person", "role", "bob", "integrator", "--replace")
    assert moved.code == 0 and "P-1 Ann: member" in moved.out
    assert _people(workspace_dir)[:2] == [("P-1", "Ann", "member"), ("P-2", "Bob", "integrator")]
    assert team_workspace("person", "role", "ann", "visionary").code == 0  # a free seat needs no --replace
    assert _people(workspace_dir)[0] == ("P-1", "Ann", "visionary")


def test_check_reports_two_visionaries_from_a_hand_edit(team_workspace, workspace_dir: Path) -> None:
    assert team_workspace("person", "add", "Vera", "--role", "visionary").code == 0
    path = workspace_dir / "cadence.json"
    data = json.loads(path.read_text("utf-8"))
    data["people"]["2"]["role"] = "visionary"  # Bob, by hand
    path.write_text(json.dumps(data, indent=2, sort_keys=True), "utf-8")

    checked = team_workspace("check")

    assert checked.code == 1
    assert "2 people are the Visionary (P-2 Bob, P-3 Vera)" in checked.out
    assert team_workspace("person", "add", "Cy", "--role", "visionary").code == 1


def test_a_rock_cannot_go_to_someone_inactive(team_workspace, workspace_dir: Path) -> None:
    with Workspace(workspace_dir).transaction() as tx:
        actions.set_active(tx, "bob", False)
    before = (workspace_dir / "cadence.json").read_bytes()
    refused = team_workspace("rock", "add", "Hire a CFO", "--owner", "bob")
    assert refused.code == 1 and "owner: Bob is inactive" in refused.err
    assert (workspace_dir / "cadence.json").read_bytes() == before

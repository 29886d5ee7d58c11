"""Every People and Vision key has a command: person edit/deactivate/activate, team edit/leave, vision show/set.

Each runs the real entry point on a small workspace and checks the file on disk.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cadence.domain.models import Role
from cadence.store import Workspace


def stored(workspace_dir: Path):  # type: ignore[no-untyped-def]
    return Workspace(workspace_dir).read()


# People and teams ---------------------------------------------------------------------------------


def test_person_edit_changes_only_what_is_given(team_workspace, workspace_dir: Path) -> None:
    assert team_workspace("person", "edit", "bob", "--email", "bob@acme.test").code == 0
    assert (stored(workspace_dir).person("P-2").name, stored(workspace_dir).person("P-2").email) == (
        "Bob",
        "bob@acme.test",
    )
    renamed = team_workspace("person", "edit", "P-2", "--name", "Robert")
    assert renamed.code == 0 and renamed.out.strip() == "P-2 Robert <bob@acme.test>"
    bob = stored(workspace_dir).person("P-2")
    assert (bob.name, bob.email) == ("Robert", "bob@acme.test")
    assert team_workspace("person", "edit", "robert", "--email", "").code == 0
    assert stored(workspace_dir).person("P-2").email == ""


def test_person_edit_refuses_bad_input_and_changes_nothing(team_workspace, workspace_dir: Path) -> None:
    before = (workspace_dir / "cadence.json").read_bytes()
    taken = team_workspace("person", "edit", "bob", "--name", "ANN")
    assert taken.code == 1 and "already a person named 'ANN'" in taken.err
    not_email = team_workspace("person", "edit", "bob", "--email", "bob at acme")
    assert not_email.code == 1 and "not an email address" in not_email.err
    nothing = team_workspace("person", "edit", "bob")
    assert nothing.code == 1 and "nothing to change" in nothing.err
    nobody = team_workspace("person", "edit", "Zed", "--name", "Z")
    assert nobody.code == 1
    assert (workspace_dir / "cadence.json").read_bytes() == before


def test_deactivate_takes_them_off_teams_and_seats_and_activate_brings_them_back(
    team_workspace, workspace_dir: Path
) -> None:
    assert team_workspace("todo", "add", "Call the bank", "--owner", "ann").code == 0
    gone = team_workspace("person", "deactivate", "ann")
    assert gone.code == 0 and gone.out.strip() == "P-1 Ann: inactive"
    after = stored(workspace_dir)
    ann = after.person("P-1")
    assert (ann.active, ann.role) == (False, Role.MEMBER)
    assert after.team("TM-1").member_ids == ["P-2"]
    assert [todo.owner_id for todo in after.todos] == ["P-1"], "records stay theirs"
    back = team_workspace("person", "activate", "P-1")
    assert back.code == 0 and back.out.strip() == "P-1 Ann: active"
    assert stored(workspace_dir).person("P-1").active


def test_team_leave_and_edit(team_workspace, workspace_dir: Path) -> None:
    left = team_workspace("team", "leave", "leadership", "bob")
    assert left.code == 0 and left.out.strip() == "TM-1 Leadership: 1 members"
    assert stored(workspace_dir).team("TM-1").member_ids == ["P-1"]
    assert team_workspace("team", "add", "Sales").code == 0
    edited = team_workspace("team", "edit", "sales", "--name", "Sales & Service", "--leadership")
    assert edited.code == 0 and edited.out.strip() == "TM-2 Sales & Service: leadership"
    sales = stored(workspace_dir).team("TM-2")
    assert (sales.name, sales.leadership) == ("Sales & Service", True)
    assert team_workspace("team", "edit", "TM-2", "--no-leadership").code == 0
    sales = stored(workspace_dir).team("TM-2")
    assert (sales.name, sales.leadership) == ("Sales & Service", False)
    before = (workspace_dir / "cadence.json").read_bytes()
    clash = team_workspace("team", "edit", "TM-2", "--name", "leadership")
    assert clash.code == 1 and "already a team named" in clash.err
    assert (workspace_dir / "cadence.json").read_bytes() == before


# Vision -----------------------------------------------------------------------------------------


def test_vision_set_creates_the_vto_and_show_reads_it_back(team_workspace, workspace_dir: Path) -> None:
    empty = team_workspace("vision", "show")
    assert empty.code == 0 and "no V/TO yet" in empty.out
    assert stored(workspace_dir).visions == []

    first = team_workspace("vision", "set", "ten-year-target", "$20M and 100 people")
    assert first.code == 0 and first.out.strip() == "V-1 ten-year-target: 1 lines"
    values = team_workspace("vision", "set", "Core_Values", "  Own the outcome ", "", "Say it plainly\nKeep promises")
    assert values.code == 0 and values.out.strip() == "V-1 core-values: 3 items"

    vision = stored(workspace_dir).vision()
    assert vision is not None and vision.id == "V-1" and vision.team_id is None
    assert vision.ten_year_target == "$20M and 100 people"
    assert vision.core_values == ["Own the outcome", "Say it plainly", "Keep promises"]

    one = team_workspace("vision", "show", "core-values")
    assert one.out.splitlines() == ["Own the outcome", "Say it plainly", "Keep promises"]
    as_json = json.loads(team_workspace("vision", "show", "--json").out)
    assert as_json["id"] == "V-1" and as_json["core_values"] == vision.core_values
    assert as_json["guarantee"] == "" and set(as_json) == {"id", *vision.model_dump(exclude={"id", "kind", "team_id"})}
    assert json.loads(team_workspace("vision", "show", "three-uniques", "--json").out) == []
    whole = team_workspace("vision", "show").out
    assert "ten-year-target:\n  $20M and 100 people" in whole and "guarantee:\n  (empty)" in whole


def test_vision_set_refuses_an_unknown_part_and_changes_nothing(team_workspace, workspace_dir: Path) -> None:
    assert team_workspace("vision", "set", "guarantee", "On time or free").code == 0
    before = (workspace_dir / "cadence.json").read_bytes()
    wrong = team_workspace("vision", "set", "mission", "Be good")
    assert wrong.code == 1 and "'mission' is not a part of the V/TO" in wrong.err and "ten-year-target" in wrong.err
    assert team_workspace("vision", "show", "mission").code == 1
    assert (workspace_dir / "cadence.json").read_bytes() == before


def test_vision_set_reads_stdin_and_prints_text_safely(team_workspace, workspace_dir: Path) -> None:
    plan = "Revenue $9M\n\nProfit 12%\n\x1b[31mred"
    result = subprocess.run(
        [sys.executable, "-m", "cadence", "--workspace", str(workspace_dir), "vision", "set", "one-year-plan", "-"],
        input=plan,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert stored(workspace_dir).vision().one_year_plan == plan  # type: ignore[union-attr]
    shown = team_workspace("vision", "show", "one-year-plan").out
    assert "\x1b" not in shown and "\\x1b[31mred" in shown

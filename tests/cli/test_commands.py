"""The scriptable commands, driven the way a shell user would, checked against the file on disk."""

from __future__ import annotations

import json
from pathlib import Path

from cadence.store import Workspace


def stored(workspace_dir: Path):  # type: ignore[no-untyped-def]
    return Workspace(workspace_dir).read()


def test_init_creates_workspace_and_refuses_twice(cadence, workspace_dir: Path) -> None:
    first = cadence("init", "--company", "Acme")
    assert first.code == 0
    assert (workspace_dir / "cadence.json").is_file()
    assert stored(workspace_dir).meta.company == "Acme"
    again = cadence("init")
    assert again.code == 1
    assert "already" in again.err


def test_init_takes_a_folder_argument(cadence, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere"
    assert cadence("init", str(target)).code == 0
    assert (target / "cadence.json").is_file()


def test_people_and_teams(team_workspace, workspace_dir: Path) -> None:
    listing = team_workspace("person", "list", "--json")
    people = json.loads(listing.out)
    assert [(p["id"], p["name"], p["role"]) for p in people] == [("P-1", "Ann", "integrator"), ("P-2", "Bob", "member")]
    teams = json.loads(team_workspace("team", "list", "--json").out)
    assert teams[0]["member_ids"] == ["P-1", "P-2"] and teams[0]["leadership"] is True
    duplicate = team_workspace("person", "add", "ann")
    assert duplicate.code == 1 and "already" in duplicate.err
    bad_role = team_workspace("person", "add", "Cy", "--role", "boss")
    assert bad_role.code == 1 and "role" in bad_role.err
    assert len(stored(workspace_dir).people) == 2


def test_rock_lifecycle(team_workspace, workspace_dir: Path) -> None:
    added = team_workspace("rock", "add", "Launch v2", "--owner", "ann", "--company", "--due", "+30d")
    assert added.code == 0 and added.out.startswith("R-1")
    assert team_workspace("rock", "milestone", "R-1", "Beta out", "--due", "friday").code == 0
    assert team_workspace("rock", "set", "r1", "--status", "off-track").code == 0
    rock = stored(workspace_dir).rocks[0]
    assert rock.quarter == "2026-Q4" and rock.company and rock.owner_id == "P-1"
    assert rock.status.value == "off-track"
    assert str(rock.due) == "2026-12-23"
    assert [(m.title, str(m.due)) for m in rock.milestones] == [("Beta out", "2026-11-27")]
    early = team_workspace("rock", "set", "R-1", "--status", "not-done")
    assert early.code == 1 and "quarter end" in early.err
    assert stored(workspace_dir).rocks[0].status.value == "off-track"
    listed = json.loads(team_workspace("rock", "list", "--owner", "Ann", "--json").out)
    assert [r["id"] for r in listed] == ["R-1"]
    assert json.loads(team_workspace("rock", "list", "--quarter", "2027-Q1", "--json").out) == []


def test_more_than_seven_rocks_warns_but_adds(team_workspace, workspace_dir: Path) -> None:
    for number in range(8):
        result = team_workspace("rock", "add", f"Rock {number}", "--owner", "Bob")
        assert result.code == 0
    assert "guidance" in result.err
    assert len(stored(workspace_dir).rocks) == 8


def test_scores_parse_units_and_show(team_workspace, workspace_dir: Path) -> None:
    assert team_workspace("measurable", "add", "Revenue", "--owner", "Bob", "--goal", ">= 12.5k", "--unit", "currency").code == 0
    assert team_workspace("score", "set", "M-1", "$13,000", "--note", "big deal").code == 0
    assert team_workspace("score", "set", "M-1", "9k", "--week", "2026-11-18").code == 0
    bad = team_workspace("score", "set", "M-1", "lots")
    assert bad.code == 1 and "value" in bad.err
    scores = {str(s.week): (s.value, s.note) for s in stored(workspace_dir).scores}
    assert scores == {"2026-11-23": (13000.0, "big deal"), "2026-11-16": (9000.0, "")}
    grid = json.loads(team_workspace("score", "show", "--weeks", "2", "--json").out)
    assert grid[0]["weeks"]["2026-11-16"]["on_goal"] is False
    assert grid[0]["weeks"]["2026-11-23"]["on_goal"] is True
    text = team_workspace("score", "show", "--weeks", "2").out
    assert "$9,000-" in text and "$13,000+" in text


def test_issue_solved_into_todos(team_workspace, workspace_dir: Path) -> None:
    assert team_workspace("issue", "add", "Hiring is slow", "--owner", "Ann").code == 0
    assert team_workspace("issue", "add", "Office move", "--long-term").code == 0
    solved = team_workspace("issue", "solve", "I-1", "--decision", "Use an agency", "--todo", "Call agency@Ann", "--todo", "Write the JD@bob")
    assert solved.code == 0
    view = stored(workspace_dir)
    issue = view.issues[0]
    assert issue.status.value == "solved" and issue.decision == "Use an agency"
    assert [(t.title, t.owner_id, str(t.due), t.source) for t in view.todos] == [
        ("Call agency", "P-1", "2026-11-30", "I-1"),
        ("Write the JD", "P-2", "2026-11-30", "I-1"),
    ]
    open_issues = json.loads(team_workspace("issue", "list", "--json").out)
    assert [(i["id"], i["term"]) for i in open_issues] == [("I-2", "long")]


def test_solve_with_bad_todo_changes_nothing(team_workspace, workspace_dir: Path) -> None:
    team_workspace("issue", "add", "Churn")
    before = (workspace_dir / "cadence.json").read_bytes()
    result = team_workspace("issue", "solve", "I-1", "--decision", "x", "--todo", "Call@Nobody")
    assert result.code == 1 and "Nobody" in result.err
    assert (workspace_dir / "cadence.json").read_bytes() == before


def test_todos(team_workspace, workspace_dir: Path) -> None:
    assert team_workspace("todo", "add", "Send deck", "--owner", "bob", "--due", "tomorrow").code == 0
    assert team_workspace("todo", "add", "Book venue", "--owner", "ann").code == 0
    assert team_workspace("todo", "done", "T-1").code == 0
    todos = stored(workspace_dir).todos
    assert (todos[0].done, str(todos[0].done_on), str(todos[0].due)) == (True, "2026-11-23", "2026-11-24")
    assert str(todos[1].due) == "2026-11-30"
    open_only = json.loads(team_workspace("todo", "list", "--open", "--json").out)
    assert [t["id"] for t in open_only] == ["T-2"]


def test_headlines(team_workspace, workspace_dir: Path) -> None:
    assert team_workspace("headline", "add", "Won Globex", "--kind", "customer", "--by", "Bob").code == 0
    bad = team_workspace("headline", "add", "x", "--kind", "gossip")
    assert bad.code == 1 and "kind" in bad.err
    headline = stored(workspace_dir).headlines[0]
    assert (headline.text, headline.headline_kind.value, headline.by_id) == ("Won Globex", "customer", "P-2")


def test_bad_input_is_one_line_exit_1_and_writes_nothing(team_workspace, workspace_dir: Path) -> None:
    before = (workspace_dir / "cadence.json").read_bytes()
    cases = [
        ("todo", "add", "x", "--owner", "Zed"),
        ("todo", "add", "x", "--owner", "Ann", "--due", "2026-13-40"),
        ("todo", "add", "", "--owner", "Ann"),
        ("rock", "add", "x", "--owner", "Ann", "--quarter", "2026-Q7"),
        ("measurable", "add", "x", "--owner", "Ann", "--goal", "lots"),
        ("todo", "done", "I-3"),
        ("rock", "add"),
        ("score", "show", "--weeks", "0"),
    ]
    for args in cases:
        result = team_workspace(*args)
        assert result.code == 1, args
        assert result.err.count("\n") == 1 and result.err.startswith("error: "), (args, result.err)
    assert (workspace_dir / "cadence.json").read_bytes() == before
    ambiguous = team_workspace("person", "add", "Anna")
    assert ambiguous.code == 0
    result = team_workspace("todo", "add", "x", "--owner", "an")
    assert result.code == 1 and "ambiguous" in result.err


def test_missing_and_broken_workspace_exit_2(cadence, workspace_dir: Path) -> None:
    missing = cadence("todo", "list")
    assert missing.code == 2 and "cadence init" in missing.err
    cadence("init")
    path = workspace_dir / "cadence.json"
    path.write_bytes(path.read_bytes()[:40])
    broken = cadence("todo", "add", "x", "--owner", "Ann")
    assert broken.code == 2 and str(path) in broken.err and "backups" in broken.err


def test_export_is_stable_and_complete(team_workspace, workspace_dir: Path, tmp_path: Path) -> None:
    team_workspace("todo", "add", "Send deck", "--owner", "bob")
    out = tmp_path / "export.json"
    assert team_workspace("export", "--format", "json", "--out", str(out)).code == 0
    first = out.read_text()
    assert team_workspace("export").out == first
    data = json.loads(first)
    assert data["meta"]["company"] == "Acme"
    assert [t["title"] for t in data["todos"]] == ["Send deck"]
    assert {"people", "teams", "rocks", "measurables", "scores", "issues", "todos", "headlines", "meetings"} <= set(data)


def test_check_reports_dangling_references(team_workspace, workspace_dir: Path) -> None:
    clean = team_workspace("check")
    assert clean.code == 0 and "OK" in clean.out
    team_workspace("todo", "add", "x", "--owner", "Ann")
    path = workspace_dir / "cadence.json"
    data = json.loads(path.read_text())
    data["todos"]["1"]["owner_id"] = "P-99"
    path.write_text(json.dumps(data))
    result = team_workspace("check")
    assert result.code == 1 and "P-99" in result.out


def test_hostile_text_is_stored_literally_and_printed_safely(team_workspace, workspace_dir: Path) -> None:
    hostile = "[bold]x[/] \x1b[2J 🚀 漢字 שלום"
    assert team_workspace("todo", "add", hostile, "--owner", "Ann").code == 0
    assert stored(workspace_dir).todos[0].title == hostile
    listing = team_workspace("todo", "list").out
    assert "\x1b" not in listing and "\\x1b[2J" in listing and "[bold]x[/]" in listing
    assert json.loads(team_workspace("todo", "list", "--json").out)[0]["title"] == hostile


def test_demo_path_only_copies_the_bundled_workspace(cadence) -> None:
    result = cadence("demo", "--path-only")
    assert result.code == 0
    copy = Path(result.out.strip())
    assert (copy / "cadence.json").is_file()
    assert len(Workspace(copy).read().people) >= 6

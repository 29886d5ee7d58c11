"""Every Issues and To-Dos key has a command: edit, rank, move, drop, delete, reassign, checked on disk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cadence.domain.models import IssueStatus, IssueTerm
from cadence.store import Workspace, actions


def stored(workspace_dir: Path):  # type: ignore[no-untyped-def]
    return Workspace(workspace_dir).read()


@pytest.fixture
def with_issues(team_workspace):  # type: ignore[no-untyped-def]
    """Ann and Bob, issues I-1 and I-2 (short-term, leadership team) and to-do T-1 (Ann's)."""
    assert team_workspace("issue", "add", "Quotes are slow", "--owner", "ann", "--team", "leadership").code == 0
    assert team_workspace("issue", "add", "Hiring lag", "--team", "leadership").code == 0
    assert team_workspace("todo", "add", "Call the bank", "--owner", "ann").code == 0
    return team_workspace


def deactivate_bob(workspace_dir: Path) -> None:
    with Workspace(workspace_dir).transaction() as tx:
        actions.set_active(tx, "Bob", False)


def test_issue_edit_changes_only_the_fields_given(with_issues, workspace_dir: Path) -> None:
    edited = with_issues("issue", "edit", "I-1", "--title", "Quotes take 3 days", "--root-cause", "Manual pricing")
    assert edited.code == 0 and edited.out.startswith("I-1")
    issue = stored(workspace_dir).issue("I-1")
    assert (issue.title, issue.root_cause, issue.description, issue.owner_id) == (
        "Quotes take 3 days",
        "Manual pricing",
        "",
        "P-1",
    )
    assert with_issues("issue", "edit", "i1", "--owner", "bob", "--description", "Since May").code == 0
    issue = stored(workspace_dir).issue("I-1")
    assert (issue.owner_id, issue.description, issue.title) == ("P-2", "Since May", "Quotes take 3 days")
    assert with_issues("issue", "edit", "I-1", "--owner", "").code == 0
    assert stored(workspace_dir).issue("I-1").owner_id is None


def test_issue_edit_refuses_bad_input_and_changes_nothing(with_issues, workspace_dir: Path) -> None:
    before = stored(workspace_dir).issues
    empty = with_issues("issue", "edit", "I-1", "--title", "  ")
    assert empty.code == 1 and "title" in empty.err
    unknown = with_issues("issue", "edit", "I-9", "--title", "x")
    assert unknown.code == 1 and "no issue I-9" in unknown.err
    deactivate_bob(workspace_dir)
    inactive = with_issues("issue", "edit", "I-1", "--owner", "bob")
    assert inactive.code == 1 and "Bob is inactive" in inactive.err
    assert stored(workspace_dir).issues == before


def test_issue_rank_unrank_within_the_top_three(with_issues, workspace_dir: Path) -> None:
    assert with_issues("issue", "rank", "I-1", "1").code == 0
    assert with_issues("issue", "rank", "I-2", "1").code == 0
    ranks = {issue.id: issue.rank for issue in stored(workspace_dir).issues}
    assert ranks == {"I-1": None, "I-2": 1}, "the previous #1 gave the rank up"
    assert with_issues("issue", "rank", "I-1", "3").code == 0
    listed = json.loads(with_issues("issue", "list", "--json").out)
    assert [(issue["id"], issue["rank"]) for issue in listed] == [("I-2", 1), ("I-1", 3)]
    bad = with_issues("issue", "rank", "I-1", "4")
    assert bad.code == 1 and "RANK" in bad.err
    assert with_issues("issue", "unrank", "I-2").code == 0
    assert stored(workspace_dir).issue("I-2").rank is None
    assert stored(workspace_dir).issue("I-1").rank == 3


def test_issue_move_toggles_or_goes_to_the_list_named(with_issues, workspace_dir: Path) -> None:
    assert with_issues("issue", "rank", "I-1", "1").code == 0
    moved = with_issues("issue", "move", "I-1")
    assert moved.code == 0 and "long-term" in moved.out
    issue = stored(workspace_dir).issue("I-1")
    assert (issue.term, issue.rank) == (IssueTerm.LONG, None), "a moved issue leaves the top 3"
    assert with_issues("issue", "move", "I-1", "--to", "long").code == 0
    assert stored(workspace_dir).issue("I-1").term is IssueTerm.LONG, "already there: stays"
    assert with_issues("issue", "move", "I-1", "--to", "short").code == 0
    assert stored(workspace_dir).issue("I-1").term is IssueTerm.SHORT


def test_issue_drop_keeps_it_on_record_and_delete_removes_it(with_issues, workspace_dir: Path) -> None:
    assert with_issues("issue", "rank", "I-1", "2").code == 0
    assert with_issues("issue", "drop", "I-1").code == 0
    issue = stored(workspace_dir).issue("I-1")
    assert (issue.status, issue.rank, str(issue.closed)) == (IssueStatus.DROPPED, None, "2026-11-23")
    again = with_issues("issue", "drop", "I-1")
    assert again.code == 1 and "already dropped" in again.err
    rank_closed = with_issues("issue", "rank", "I-1", "1")
    assert rank_closed.code == 1 and "already dropped" in rank_closed.err
    assert with_issues("issue", "delete", "I-1").code == 0
    assert [issue.id for issue in stored(workspace_dir).issues] == ["I-2"]
    gone = with_issues("issue", "delete", "I-1")
    assert gone.code == 1 and "no issue I-1" in gone.err


def test_issue_add_and_solve_refuse_an_inactive_owner(with_issues, workspace_dir: Path) -> None:
    deactivate_bob(workspace_dir)
    before = stored(workspace_dir)
    added = with_issues("issue", "add", "Churn", "--owner", "bob")
    assert added.code == 1 and "Bob is inactive" in added.err
    solved = with_issues("issue", "solve", "I-1", "--decision", "Price list", "--todo", "Write it@bob")
    assert solved.code == 1 and "Bob is inactive" in solved.err
    after = stored(workspace_dir)
    assert (after.issues, after.todos) == (before.issues, before.todos)


def test_todo_edit_reassign_and_delete(with_issues, workspace_dir: Path) -> None:
    edited = with_issues("todo", "edit", "T-1", "--title", "Call the bank back", "--due", "friday")
    assert edited.code == 0 and "2026-11-27" in edited.out
    todo = stored(workspace_dir).todo("T-1")
    assert (todo.title, str(todo.due), todo.owner_id) == ("Call the bank back", "2026-11-27", "P-1")
    bad_date = with_issues("todo", "edit", "T-1", "--due", "someday")
    assert bad_date.code == 1 and "due" in bad_date.err
    assert str(stored(workspace_dir).todo("T-1").due) == "2026-11-27"
    assert with_issues("todo", "reassign", "t1", "bob").code == 0
    assert stored(workspace_dir).todo("T-1").owner_id == "P-2"
    assert with_issues("todo", "delete", "T-1").code == 0
    assert stored(workspace_dir).todos == []


def test_todo_add_and_reassign_refuse_an_inactive_owner(with_issues, workspace_dir: Path) -> None:
    deactivate_bob(workspace_dir)
    before = stored(workspace_dir).todos
    added = with_issues("todo", "add", "Send quote", "--owner", "Bob")
    assert added.code == 1 and "Bob is inactive" in added.err
    reassigned = with_issues("todo", "reassign", "T-1", "Bob")
    assert reassigned.code == 1 and "Bob is inactive" in reassigned.err
    assert stored(workspace_dir).todos == before


def test_todo_drop_goes_to_issues_once(with_issues, workspace_dir: Path) -> None:
    dropped = with_issues("todo", "drop", "T-1")
    assert dropped.code == 0 and dropped.out.startswith("I-3")
    issue = stored(workspace_dir).issue("I-3")
    assert (issue.title, issue.source, issue.owner_id) == ("To-do not done: Call the bank", "T-1", "P-1")
    twice = with_issues("todo", "drop", "T-1")
    assert twice.code == 1 and "already on the Issues list as I-3" in twice.err
    assert len(stored(workspace_dir).issues) == 3

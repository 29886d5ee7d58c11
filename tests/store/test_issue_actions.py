"""The issue actions the Issues and Headlines screens rely on: top 3 per team and list, one drop per headline."""

from __future__ import annotations

from datetime import date

import pytest

from cadence.store import Workspace, actions
from cadence.store.errors import InputError

TODAY = date(2026, 3, 2)


def seed(workspace: Workspace) -> None:
    with workspace.transaction() as tx:
        actions.add_person(tx, "Ann")
        actions.add_team(tx, "Leadership", leadership=True)
        actions.add_team(tx, "Sales")
        actions.add_issue(tx, "Lead one", TODAY, team="Leadership")  # I-1
        actions.add_issue(tx, "Lead two", TODAY, team="Leadership")  # I-2
        actions.add_issue(tx, "Sales one", TODAY, team="Sales")  # I-3
        actions.add_issue(tx, "Lead long", TODAY, team="Leadership", long_term=True)  # I-4


def ranks(workspace: Workspace) -> dict[str, int | None]:
    return {issue.id: issue.rank for issue in workspace.read().issues}


def test_a_rank_moves_within_one_teams_list_only(workspace: Workspace) -> None:
    seed(workspace)
    with workspace.transaction() as tx:
        actions.set_issue_rank(tx, "I-1", 1)
        actions.set_issue_rank(tx, "I-3", 1)
        actions.set_issue_rank(tx, "I-4", 1)
    assert ranks(workspace) == {"I-1": 1, "I-2": None, "I-3": 1, "I-4": 1}, "other teams and lists keep their #1"
    with workspace.transaction() as tx:
        actions.set_issue_rank(tx, "I-2", 1)
    assert ranks(workspace) == {"I-1": None, "I-2": 1, "I-3": 1, "I-4": 1}, "the previous #1 of that list gave it up"


def test_a_headline_is_dropped_to_issues_once(workspace: Workspace) -> None:
    seed(workspace)
    with workspace.transaction() as tx:
        headline = actions.add_headline(tx, "Globex renewed", "customer", TODAY, by="Ann", team="Sales")
        issue = actions.drop_to_issues(tx, headline, TODAY)
    assert workspace.read().get(headline.kind, headline.id).dropped_to == issue.id
    with pytest.raises(InputError, match="already on the Issues list"):
        with workspace.transaction() as tx:
            actions.drop_to_issues(tx, tx.get(headline.kind, headline.id), TODAY)
    assert len(workspace.read().issues) == 5


def test_a_headline_whose_issue_was_deleted_can_be_dropped_again(workspace: Workspace) -> None:
    seed(workspace)
    with workspace.transaction() as tx:
        headline = actions.add_headline(tx, "Globex renewed", "customer", TODAY)
        issue = actions.drop_to_issues(tx, headline, TODAY)
        tx.delete(tx.get(issue.kind, issue.id))
    with workspace.transaction() as tx:
        again = actions.drop_to_issues(tx, tx.get(headline.kind, headline.id), TODAY)
    assert workspace.read().get(headline.kind, headline.id).dropped_to == again.id


def test_an_inactive_person_gets_no_new_issue_todo_or_reassignment(workspace: Workspace) -> None:
    seed(workspace)
    with workspace.transaction() as tx:
        actions.add_person(tx, "Bob")
        actions.add_todo(tx, "Call the bank", "Ann", TODAY)  # T-1
        actions.set_active(tx, "Bob", False)
    before = workspace.read()
    for change in (
        lambda tx: actions.add_issue(tx, "Churn", TODAY, owner="Bob"),
        lambda tx: actions.edit_issue(tx, "I-1", owner="Bob"),
        lambda tx: actions.add_todo(tx, "Send quote", "Bob", TODAY),
        lambda tx: actions.reassign_todo(tx, "T-1", "Bob"),
        lambda tx: actions.solve_issue(tx, "I-1", "Price list", TODAY, [("Write it", "Bob")]),
    ):
        with pytest.raises(InputError, match="Bob is inactive"):
            with workspace.transaction() as tx:
                change(tx)
    after = workspace.read()
    assert (after.issues, after.todos) == (before.issues, before.todos)


def test_a_todo_goes_to_issues_again_once_its_issue_is_closed(workspace: Workspace) -> None:
    seed(workspace)
    with workspace.transaction() as tx:
        actions.add_todo(tx, "Call the bank", "Ann", TODAY)  # T-1
        first = actions.drop_todo_to_issues(tx, "T-1", TODAY)
    with pytest.raises(InputError, match=f"already on the Issues list as {first.id}"):
        with workspace.transaction() as tx:
            actions.drop_todo_to_issues(tx, "T-1", TODAY)
    with workspace.transaction() as tx:
        actions.drop_issue(tx, first.id, TODAY)
        again = actions.drop_todo_to_issues(tx, "T-1", TODAY)
    assert again.id != first.id and workspace.read().issue(again.id).source == "T-1"


def test_edit_keeps_fields_not_given_and_delete_returns_what_was_removed(workspace: Workspace) -> None:
    seed(workspace)
    with workspace.transaction() as tx:
        actions.edit_issue(tx, "I-1", description="Since May")
        actions.add_todo(tx, "Call the bank", "Ann", TODAY, due="2026-03-06")  # T-1
        actions.edit_todo(tx, "T-1", TODAY, title="Call the bank back")
    stored = workspace.read()
    assert (stored.issue("I-1").title, stored.issue("I-1").description) == ("Lead one", "Since May")
    assert (stored.todo("T-1").title, str(stored.todo("T-1").due)) == ("Call the bank back", "2026-03-06")
    with workspace.transaction() as tx:
        assert actions.delete_issue(tx, "I-1").title == "Lead one"
        assert actions.delete_todo(tx, "T-1").title == "Call the bank back"
    assert [issue.id for issue in workspace.read().issues] == ["I-2", "I-3", "I-4"]
    assert workspace.read().todos == []

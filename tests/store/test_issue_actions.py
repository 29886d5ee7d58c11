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

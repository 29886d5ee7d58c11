"""The Issues list: adding, editing, ranking the top 3, moving between lists, solving into to-dos,
dropping (no longer an issue), deleting, and dropping anything else to it.

The Issues panel and ``cadence issue ...`` call these, so the rules hold
whichever way an issue changes: an owner is an active person, only an open
issue is ranked, moved, dropped or solved, and a rank is 1, 2 or 3 of its
team's list.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from cadence.domain.models import (
    Headline,
    Issue,
    IssueStatus,
    IssueTerm,
    Measurable,
    Record,
    Rock,
    Score,
    Todo,
)
from cadence.domain.scorecard import period_noun
from cadence.domain.units import format_value
from cadence.store.actions.fields import choice
from cadence.store.actions.todos import add_todo, find_active_person
from cadence.store.errors import InputError
from cadence.store.transaction import Transaction


def add_issue(
    tx: Transaction,
    title: str,
    today: date,
    *,
    owner: str | None = None,
    long_term: bool = False,
    team: str | None = None,
    source: str = "",
    description: str = "",
) -> Issue:
    return tx.add(
        Issue,
        title=title,
        owner_id=find_active_person(tx, owner).id if owner else None,
        team_id=tx.find_team(team).id if team else None,
        term=IssueTerm.LONG if long_term else IssueTerm.SHORT,
        source=source,
        description=description,
        created=today,
    )


def parse_todo_spec(spec: str) -> tuple[str, str]:
    """``"Call the bank@Ann"`` -> (``Call the bank``, ``Ann``); the last ``@`` splits."""
    title, separator, owner = spec.rpartition("@")
    if not separator or not title.strip() or not owner.strip():
        raise InputError(f'todo: {spec!r} should look like "TITLE@OWNER"')
    return title.strip(), owner.strip()


def solve_issue(
    tx: Transaction,
    issue_id: str,
    decision: str,
    today: date,
    todos: Sequence[tuple[str, str]] = (),
    root_cause: str = "",
) -> tuple[Issue, list[Todo]]:
    """Record the decision, close the issue, and create its to-dos (due in 7 days) in one write."""
    issue = open_issue(tx, issue_id)
    if not decision.strip():
        raise InputError("decision: must not be empty")
    created = [add_todo(tx, title, owner, today, team_id=issue.team_id, source=issue.id) for title, owner in todos]
    solved = tx.save(
        issue,
        status=IssueStatus.SOLVED,
        decision=decision,
        root_cause=root_cause or issue.root_cause,
        closed=today,
        rank=None,
    )
    return solved, created


def open_issue(tx: Transaction, issue_id: str) -> Issue:
    """The issue, refused unless it is still open (solved and dropped ones are on record as they were)."""
    issue = tx.issue(issue_id)
    if issue.status is not IssueStatus.OPEN:
        raise InputError(f"{issue.id} is already {issue.status.value}")
    return issue


def edit_issue(
    tx: Transaction,
    issue_id: str,
    *,
    title: str | None = None,
    description: str | None = None,
    root_cause: str | None = None,
    owner: str | None = None,
) -> Issue:
    """Change what an issue says and whose it is; ``None`` keeps a field, ``owner=""`` clears the owner."""
    issue = tx.issue(issue_id)
    changes: dict[str, object] = {}
    if title is not None:
        if not title.strip():
            raise InputError("title: must not be empty")
        changes["title"] = title
    if description is not None:
        changes["description"] = description
    if root_cause is not None:
        changes["root_cause"] = root_cause
    if owner is not None:
        changes["owner_id"] = find_active_person(tx, owner).id if owner.strip() else None
    return tx.save(issue, **changes) if changes else issue


def delete_issue(tx: Transaction, issue_id: str) -> Issue:
    """Remove an issue for good (dropping keeps it on record); returns it as it was."""
    issue = tx.issue(issue_id)
    tx.delete(issue)
    return issue


def drop_issue(tx: Transaction, issue_id: str, today: date) -> Issue:
    """No longer an issue: kept on record as dropped, out of the top 3."""
    issue = open_issue(tx, issue_id)
    return tx.save(issue, status=IssueStatus.DROPPED, closed=today, rank=None)


TOP = 3


def set_issue_rank(tx: Transaction, issue_id: str, rank: int | None) -> Issue:
    """Make an issue number ``rank`` of its team's top 3 on its list (whoever held that rank gives it up).

    ``None`` (or 0) takes it out of the top 3.
    """
    issue = open_issue(tx, issue_id)
    if rank is not None and not 0 <= rank <= TOP:
        raise InputError(f"rank: {rank} is not 1, 2 or 3 (0 takes it out of the top {TOP})")
    rank = rank or None
    if rank is not None:
        for other in tx.open_issues():
            same_list = other.term is issue.term and other.team_id == issue.team_id
            if other.id != issue.id and other.rank == rank and same_list:
                tx.save(other, rank=None)
    return tx.save(issue, rank=rank)


def move_issue(tx: Transaction, issue_id: str, term: str | None = None) -> Issue:
    """To the other list (or to ``term``: short or long); it leaves the top 3 of the list it was on."""
    issue = open_issue(tx, issue_id)
    if term is None:
        target = IssueTerm.LONG if issue.term is IssueTerm.SHORT else IssueTerm.SHORT
    else:
        target = choice(IssueTerm, term.removesuffix("-term"), "list")
    if target is issue.term:
        return issue
    return tx.save(issue, term=target, rank=None)


def drop_todo_to_issues(tx: Transaction, todo_id: str, today: date) -> Issue:
    """A to-do that is not getting done goes to the Issues list (once while that issue is open)."""
    todo = tx.todo(todo_id)
    for issue in tx.open_issues():
        if issue.source == todo.id:
            raise InputError(f"{todo.id} is already on the Issues list as {issue.id}")
    return drop_to_issues(tx, todo, today)


def drop_to_issues(tx: Transaction, record: Record, today: date, extra: str = "") -> Issue:
    """One key from an off-track rock, a missed to-do, a red number or a headline to the Issues list."""
    owner: str | None
    match record:
        case Rock():
            title, owner = f"Rock off track: {record.title}", record.owner_id
        case Todo():
            title, owner = f"To-do not done: {record.title}", record.owner_id
        case Headline():
            title, owner = record.text, record.by_id
        case Measurable():
            title, owner = f"Off goal: {record.title}{extra}", record.owner_id
        case _:
            raise InputError(f"{record.id} cannot be dropped to the Issues list")
    if isinstance(record, Headline) and record.dropped_to and any(i.id == record.dropped_to for i in tx.issues):
        raise InputError(f"{record.id} is already on the Issues list as {record.dropped_to}")
    team_id = getattr(record, "team_id", None)
    issue = tx.add(
        Issue,
        title=title[:2000],
        owner_id=owner,
        team_id=team_id,
        source=record.id,
        created=today,
    )
    if isinstance(record, Headline):
        tx.save(record, dropped_to=issue.id)
    return issue


def describe_score(measurable: Measurable, score: Score) -> str:
    """`` (week of 2026-11-16: 7)``; a monthly (quarterly) value says ``month`` (``quarter``)."""
    return f" ({period_noun(measurable.frequency)} of {score.week}: {format_value(score.value, measurable.unit)})"

"""The Issues list: adding, ranking the top 3, solving into to-dos, dropping anything to it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from cadence.domain.ids import Kind
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
from cadence.domain.units import format_value
from cadence.store.actions.todos import add_todo
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
        owner_id=tx.find_person(owner).id if owner else None,
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
    issue: Issue = tx.get(Kind.ISSUE, issue_id)  # type: ignore[assignment]
    if issue.status is not IssueStatus.OPEN:
        raise InputError(f"{issue.id} is already {issue.status.value}")
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


def drop_issue(tx: Transaction, issue_id: str, today: date) -> Issue:
    issue: Issue = tx.get(Kind.ISSUE, issue_id)  # type: ignore[assignment]
    return tx.save(issue, status=IssueStatus.DROPPED, closed=today, rank=None)


def set_issue_rank(tx: Transaction, issue_id: str, rank: int | None) -> Issue:
    """Make an issue number ``rank`` of its team's top 3 on its list (whoever held that rank gives it up)."""
    issue: Issue = tx.get(Kind.ISSUE, issue_id)  # type: ignore[assignment]
    if rank is not None:
        for other in tx.open_issues():
            same_list = other.term is issue.term and other.team_id == issue.team_id
            if other.id != issue.id and other.rank == rank and same_list:
                tx.save(other, rank=None)
    return tx.save(issue, rank=rank)


def move_issue(tx: Transaction, issue_id: str) -> Issue:
    issue: Issue = tx.get(Kind.ISSUE, issue_id)  # type: ignore[assignment]
    term = IssueTerm.LONG if issue.term is IssueTerm.SHORT else IssueTerm.SHORT
    return tx.save(issue, term=term, rank=None)


def drop_to_issues(tx: Transaction, record: Record, today: date, extra: str = "") -> Issue:
    """One key from an off-track rock, a missed to-do, a red number or a headline to the Issues list."""
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
    return f" (week of {score.week}: {format_value(score.value, measurable.unit)})"

"""Operations a person asks for, shared by the CLI and the TUI.

Each takes an open ``Transaction`` and the words a person typed (names, ids,
dates, values), resolves and checks them, and makes the change. Anything that
does not make sense raises ``InputError`` naming the field, and since the
transaction then ends without writing, nothing changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from cadence.domain.goals import parse_goal
from cadence.domain.ids import Kind
from cadence.domain.models import (
    Headline,
    HeadlineKind,
    Issue,
    IssueStatus,
    IssueTerm,
    Measurable,
    Milestone,
    Person,
    Record,
    Rock,
    RockStatus,
    Role,
    Score,
    Team,
    Todo,
)
from cadence.domain.periods import parse_quarter, parse_user_date
from cadence.domain.units import Unit, format_value, parse_value
from cadence.store.errors import InputError
from cadence.store.transaction import Transaction
from cadence.store.view import View

ROCKS_PER_PERSON_GUIDANCE = 7
TODO_DAYS = 7


def parse_date_field(text: str, today: date, field: str) -> date:
    try:
        return parse_user_date(text, today)
    except ValueError as error:
        raise InputError(f"{field}: {error}") from None


def parse_quarter_field(view: View, text: str) -> str:
    try:
        return parse_quarter(text, view.meta.fiscal_start_month).label
    except ValueError as error:
        raise InputError(f"quarter: {error}") from None


def _choice(enum: type, text: str, field: str):  # type: ignore[no-untyped-def]
    try:
        return enum(text.strip().lower())
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise InputError(f"{field}: {text!r} is not one of {allowed}") from None


# People and teams -------------------------------------------------------------


def add_person(tx: Transaction, name: str, role: str = "member", team: str | None = None) -> Person:
    role_value = _choice(Role, role, "role")
    if any(person.name.casefold() == name.strip().casefold() for person in tx.people):
        raise InputError(f"name: there is already a person named {name.strip()!r}")
    person = tx.add(Person, name=name, role=role_value)
    if team:
        join_team(tx, person.id, team)
    return person


def add_team(tx: Transaction, name: str, leadership: bool = False) -> Team:
    if any(team.name.casefold() == name.strip().casefold() for team in tx.teams):
        raise InputError(f"name: there is already a team named {name.strip()!r}")
    return tx.add(Team, name=name, leadership=leadership)


def join_team(tx: Transaction, person_text: str, team_text: str) -> Team:
    person = tx.find_person(person_text)
    team = tx.find_team(team_text)
    if person.id in team.member_ids:
        return team
    return tx.save(team, member_ids=[*team.member_ids, person.id])


# Rocks --------------------------------------------------------------------------


def add_rock(
    tx: Transaction,
    title: str,
    owner: str,
    today: date,
    *,
    company: bool = False,
    quarter: str | None = None,
    due: str | None = None,
    team: str | None = None,
) -> tuple[Rock, list[str]]:
    """Add a rock; the second value holds warnings (more than 7 rocks for the owner) that do not block."""
    person = tx.find_person(owner)
    label = parse_quarter_field(tx, quarter) if quarter else tx.quarter_of(today).label
    rock = tx.add(
        Rock,
        title=title,
        owner_id=person.id,
        quarter=label,
        company=company,
        team_id=tx.find_team(team).id if team else None,
        due=parse_date_field(due, today, "due") if due else None,
        created=today,
    )
    return rock, rock_load_warnings(tx, person.id, label)


def rock_load_warnings(view: View, owner_id: str, quarter: str) -> list[str]:
    count = sum(1 for rock in view.rocks if rock.owner_id == owner_id and rock.quarter == quarter)
    if count > ROCKS_PER_PERSON_GUIDANCE:
        return [
            f"{view.person_name(owner_id)} has {count} rocks in {quarter}; "
            f"the guidance is 3-{ROCKS_PER_PERSON_GUIDANCE} per person"
        ]
    return []


def set_rock_status(tx: Transaction, rock_id: str, status: str, today: date) -> Rock:
    rock: Rock = tx.get(Kind.ROCK, rock_id)  # type: ignore[assignment]
    new_status = _choice(RockStatus, status, "status")
    if new_status is RockStatus.NOT_DONE:
        quarter = parse_quarter(rock.quarter, tx.meta.fiscal_start_month)
        if today < quarter.end - timedelta(days=13):
            raise InputError(
                f"status: a rock is marked not-done only at quarter end ({rock.quarter} ends {quarter.end})"
            )
    return tx.save(rock, status=new_status)


def add_milestone(tx: Transaction, rock_id: str, title: str, due: str | None, today: date) -> Rock:
    rock: Rock = tx.get(Kind.ROCK, rock_id)  # type: ignore[assignment]
    milestone = Milestone(title=title, due=parse_date_field(due, today, "due") if due else None)
    return tx.save(rock, milestones=[*rock.milestones, milestone])


# Scorecard -----------------------------------------------------------------------


def add_measurable(
    tx: Transaction,
    title: str,
    owner: str,
    goal: str,
    unit: str = "number",
    team: str | None = None,
) -> Measurable:
    unit_value = _choice(Unit, unit, "unit")
    try:
        parsed_goal = parse_goal(goal, unit_value)
    except ValueError as error:
        raise InputError(f"goal: {error}") from None
    order = max((measurable.order for measurable in tx.measurables), default=0) + 1
    return tx.add(
        Measurable,
        title=title,
        owner_id=tx.find_person(owner).id,
        team_id=tx.find_team(team).id if team else None,
        unit=unit_value,
        goal=parsed_goal,
        order=order,
    )


def set_score(
    tx: Transaction,
    measurable_id: str,
    value: str,
    today: date,
    *,
    week: str | None = None,
    note: str | None = None,
) -> Score:
    """Record one measurable's value for a week (any day of the week names it); replaces an earlier value."""
    measurable: Measurable = tx.get(Kind.MEASURABLE, measurable_id)  # type: ignore[assignment]
    try:
        number = parse_value(value, measurable.unit)
    except ValueError as error:
        raise InputError(f"value: {error}") from None
    week_start = tx.week_of(parse_date_field(week, today, "week") if week else today)
    existing = tx.score_for(measurable.id, week_start)
    if existing is not None:
        changes: dict[str, object] = {"value": number}
        if note is not None:
            changes["note"] = note
        return tx.save(existing, **changes)
    return tx.add(Score, measurable_id=measurable.id, week=week_start, value=number, note=note or "")


def clear_score(tx: Transaction, measurable_id: str, week: date) -> bool:
    measurable = tx.get(Kind.MEASURABLE, measurable_id)
    existing = tx.score_for(measurable.id, tx.week_of(week))
    if existing is None:
        return False
    tx.delete(existing)
    return True


# Issues ---------------------------------------------------------------------------


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
        raise InputError(f"todo: {spec!r} should look like \"TITLE@OWNER\"")
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
    created = [
        add_todo(tx, title, owner, today, team_id=issue.team_id, source=issue.id) for title, owner in todos
    ]
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
    """Make an issue number ``rank`` of the top 3 (whoever held that rank gives it up)."""
    issue: Issue = tx.get(Kind.ISSUE, issue_id)  # type: ignore[assignment]
    if rank is not None:
        for other in tx.open_issues():
            if other.id != issue.id and other.rank == rank and other.term is issue.term:
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


# To-dos -----------------------------------------------------------------------------


def add_todo(
    tx: Transaction,
    title: str,
    owner: str,
    today: date,
    *,
    due: str | None = None,
    team_id: str | None = None,
    source: str = "",
) -> Todo:
    return tx.add(
        Todo,
        title=title,
        owner_id=tx.find_person(owner).id,
        team_id=team_id,
        due=parse_date_field(due, today, "due") if due else today + timedelta(days=TODO_DAYS),
        source=source,
        created=today,
    )


def set_todo_done(tx: Transaction, todo_id: str, today: date, done: bool = True) -> Todo:
    todo: Todo = tx.get(Kind.TODO, todo_id)  # type: ignore[assignment]
    return tx.save(todo, done=done, done_on=today if done else None)


# Headlines ----------------------------------------------------------------------------


def add_headline(
    tx: Transaction,
    text: str,
    kind: str,
    today: date,
    *,
    by: str | None = None,
    good: bool = True,
    team: str | None = None,
) -> Headline:
    return tx.add(
        Headline,
        text=text,
        headline_kind=_choice(HeadlineKind, kind, "kind"),
        by_id=tx.find_person(by).id if by else None,
        team_id=tx.find_team(team).id if team else None,
        good=good,
        created=today,
    )

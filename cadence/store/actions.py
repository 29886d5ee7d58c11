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
    Aggregate,
    GoalChange,
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


def leave_team(tx: Transaction, person_text: str, team_text: str) -> Team:
    """Take a person off a team; their records stay theirs."""
    person = tx.find_person(person_text)
    team = tx.find_team(team_text)
    if person.id not in team.member_ids:
        return team
    return tx.save(team, member_ids=[member for member in team.member_ids if member != person.id])


def edit_person(tx: Transaction, person_text: str, name: str, email: str = "") -> Person:
    person = tx.find_person(person_text)
    wanted = name.strip()
    if any(other.id != person.id and other.name.casefold() == wanted.casefold() for other in tx.people):
        raise InputError(f"name: there is already a person named {wanted!r}")
    if email.strip() and "@" not in email:
        raise InputError(f"email: {email.strip()!r} is not an email address")
    return tx.save(person, name=name, email=email)


def edit_team(tx: Transaction, team_text: str, name: str, leadership: bool) -> Team:
    team = tx.find_team(team_text)
    wanted = name.strip()
    if any(other.id != team.id and other.name.casefold() == wanted.casefold() for other in tx.teams):
        raise InputError(f"name: there is already a team named {wanted!r}")
    return tx.save(team, name=name, leadership=leadership)


SINGLE_ROLES = (Role.VISIONARY, Role.INTEGRATOR)


def role_holders(view: View, role: str, except_id: str | None = None) -> list[Person]:
    """Who else holds ``role``; Visionary and Integrator are one seat each per workspace."""
    role_value = _choice(Role, role, "role")
    if role_value not in SINGLE_ROLES:
        return []
    return [person for person in view.people if person.role is role_value and person.id != except_id]


def set_role(tx: Transaction, person_text: str, role: str) -> tuple[Person, list[Person]]:
    """Give a person a role; whoever held the Visionary or Integrator seat before becomes a member.

    Returns the person and those moved to member, so the caller can say so.
    """
    person = tx.find_person(person_text)
    role_value = _choice(Role, role, "role")
    if not person.active and role_value is not Role.MEMBER:
        raise InputError(f"role: {person.name} is inactive; reactivate them first")
    moved = [tx.save(other, role=Role.MEMBER) for other in role_holders(tx, role_value, except_id=person.id)]
    return tx.save(person, role=role_value), moved


def set_active(tx: Transaction, person_text: str, active: bool) -> Person:
    """Deactivate (or bring back) a person. Nothing they own is deleted or reassigned.

    Deactivating also takes them off every team and gives up a Visionary or
    Integrator seat, so meetings, team views and the one-per-workspace seats
    only count people who are still here; reactivating brings back neither.
    """
    person = tx.find_person(person_text)
    if not active:
        for team in tx.teams:
            if person.id in team.member_ids:
                tx.save(team, member_ids=[member for member in team.member_ids if member != person.id])
        return tx.save(person, active=False, role=Role.MEMBER)
    return tx.save(person, active=True)


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


def not_done_allowed(view: View, rock: Rock, today: date) -> bool:
    """A rock may be marked not-done only in the last two weeks of its quarter (or after it)."""
    quarter = parse_quarter(rock.quarter, view.meta.fiscal_start_month)
    return today >= quarter.end - timedelta(days=13)


def set_rock_status(tx: Transaction, rock_id: str, status: str, today: date) -> Rock:
    rock: Rock = tx.get(Kind.ROCK, rock_id)  # type: ignore[assignment]
    new_status = _choice(RockStatus, status, "status")
    if new_status is RockStatus.NOT_DONE and not not_done_allowed(tx, rock, today):
        quarter = parse_quarter(rock.quarter, tx.meta.fiscal_start_month)
        raise InputError(
            f"status: a rock is marked not-done only at quarter end ({rock.quarter} ends {quarter.end})"
        )
    return tx.save(rock, status=new_status)


ROCK_STATUS_CYCLE = (RockStatus.ON_TRACK, RockStatus.OFF_TRACK, RockStatus.DONE, RockStatus.NOT_DONE)


def cycle_rock_status(tx: Transaction, rock_id: str, today: date) -> Rock:
    """on-track -> off-track -> done -> (not-done, only at quarter end) -> on-track."""
    rock: Rock = tx.get(Kind.ROCK, rock_id)  # type: ignore[assignment]
    index = ROCK_STATUS_CYCLE.index(rock.status)
    following = ROCK_STATUS_CYCLE[(index + 1) % len(ROCK_STATUS_CYCLE)]
    if following is RockStatus.NOT_DONE and not not_done_allowed(tx, rock, today):
        following = RockStatus.ON_TRACK
    return set_rock_status(tx, rock.id, following.value, today)


def move_rock(tx: Transaction, rock_id: str, quarter: str) -> Rock:
    """Carry a rock to another quarter; a due date outside the new quarter moves to its last day."""
    rock: Rock = tx.get(Kind.ROCK, rock_id)  # type: ignore[assignment]
    label = parse_quarter_field(tx, quarter)
    target = parse_quarter(label, tx.meta.fiscal_start_month)
    due = rock.due if rock.due is None or target.contains(rock.due) else target.end
    return tx.save(rock, quarter=label, due=due)


def add_milestone(tx: Transaction, rock_id: str, title: str, due: str | None, today: date) -> Rock:
    rock: Rock = tx.get(Kind.ROCK, rock_id)  # type: ignore[assignment]
    milestone = Milestone(title=title, due=parse_date_field(due, today, "due") if due else None)
    return tx.save(rock, milestones=[*rock.milestones, milestone])


def _milestone_index(rock: Rock, index: int) -> int:
    if not 0 <= index < len(rock.milestones):
        raise InputError(f"milestone: {rock.id} has no milestone number {index + 1}")
    return index


def set_milestone_done(tx: Transaction, rock_id: str, index: int, done: bool = True) -> Rock:
    """Tick (or untick) a rock's milestone; ``index`` counts from 0 in the rock's list."""
    rock: Rock = tx.get(Kind.ROCK, rock_id)  # type: ignore[assignment]
    position = _milestone_index(rock, index)
    milestones = list(rock.milestones)
    milestones[position] = milestones[position].model_copy(update={"done": done})
    return tx.save(rock, milestones=milestones)


def remove_milestone(tx: Transaction, rock_id: str, index: int) -> Rock:
    rock: Rock = tx.get(Kind.ROCK, rock_id)  # type: ignore[assignment]
    position = _milestone_index(rock, index)
    return tx.save(rock, milestones=[m for number, m in enumerate(rock.milestones) if number != position])


# Scorecard -----------------------------------------------------------------------


def add_measurable(
    tx: Transaction,
    title: str,
    owner: str,
    goal: str,
    unit: str = "number",
    team: str | None = None,
    aggregate: str = "sum",
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
        aggregate=_choice(Aggregate, aggregate, "aggregate"),
        order=order,
    )


def edit_measurable(
    tx: Transaction,
    measurable_id: str,
    *,
    title: str | None = None,
    owner: str | None = None,
    unit: str | None = None,
    aggregate: str | None = None,
) -> Measurable:
    """Change what a measurable is called, who owns it, its unit or how it rolls up (goals: ``change_goal``)."""
    measurable: Measurable = tx.get(Kind.MEASURABLE, measurable_id)  # type: ignore[assignment]
    changes: dict[str, object] = {}
    if title is not None:
        changes["title"] = title
    if owner is not None:
        changes["owner_id"] = tx.find_person(owner).id
    if unit is not None:
        changes["unit"] = _choice(Unit, unit, "unit")
    if aggregate is not None:
        changes["aggregate"] = _choice(Aggregate, aggregate, "aggregate")
    return tx.save(measurable, **changes) if changes else measurable


def change_goal(tx: Transaction, measurable_id: str, goal: str, today: date, from_week: str | None = None) -> Measurable:
    """A new goal from a week on (default: this week); earlier weeks keep theirs. See ``Measurable``."""
    measurable: Measurable = tx.get(Kind.MEASURABLE, measurable_id)  # type: ignore[assignment]
    try:
        parsed = parse_goal(goal, measurable.unit)
    except ValueError as error:
        raise InputError(f"goal: {error}") from None
    week = tx.week_of(parse_date_field(from_week, today, "week") if from_week else today)
    kept = [change for change in measurable.goal_history if change.week < week]
    history = sorted([*kept, GoalChange(week=week, goal=parsed)], key=lambda change: change.week)
    return tx.save(measurable, goal_history=history)


def archive_measurable(tx: Transaction, measurable_id: str, archived: bool = True) -> Measurable:
    """Off the Scorecard but kept, with its scores, for the record."""
    measurable: Measurable = tx.get(Kind.MEASURABLE, measurable_id)  # type: ignore[assignment]
    return tx.save(measurable, archived=archived)


def move_measurable(tx: Transaction, measurable_id: str, step: int, order_ids: Sequence[str]) -> Measurable:
    """Move one row of a scorecard up (-1) or down (+1) among ``order_ids`` (the rows as shown).

    The rows shown are renumbered 1..n so ties left by older files sort out too.
    """
    ids = list(order_ids)
    if measurable_id not in ids:
        raise InputError(f"{measurable_id} is not on this scorecard")
    index = ids.index(measurable_id)
    target = max(0, min(len(ids) - 1, index + step))
    ids.insert(target, ids.pop(index))
    moved: Measurable | None = None
    for position, record_id in enumerate(ids, start=1):
        current: Measurable = tx.get(Kind.MEASURABLE, record_id)  # type: ignore[assignment]
        if current.order != position:
            current = tx.save(current, order=position)
        if record_id == measurable_id:
            moved = current
    assert moved is not None
    return moved


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


def set_score_note(tx: Transaction, measurable_id: str, week: date, note: str) -> Score:
    """Add, change or (with an empty note) remove the note on a week's value."""
    measurable = tx.get(Kind.MEASURABLE, measurable_id)
    existing = tx.score_for(measurable.id, tx.week_of(week))
    if existing is None:
        raise InputError("note: enter a value for that week first")
    return tx.save(existing, note=note.strip())


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

"""The quarter's end: its review figures, closing it rock by rock, and milestones turned into to-dos.

Closing is the one place a quarter's unfinished rocks are settled, and it
settles only what it is told: each unfinished rock is done, not done, or
carried (a new rock in the next quarter, same owner, title, company flag and
team, "Carried from R-n." in its description; the old one not done). While
any unfinished rock is undecided the close is refused, naming them, and
nothing is written. A close is recorded in ``_meta.closed_quarters`` with what
it decided, so the workspace can say the quarter is closed, when, and at which
meeting. A team's close (its quarterly session) covers the team's rocks, and a
leadership team's the company rocks too; a close without a team covers every
rock. Ending a quarterly session and ``cadence quarter close`` both call
``close_quarter``.

The milestone rule (on unless ``_meta.milestone_todos`` is off): a milestone of
an open rock due within the coming week becomes a to-do for the rock's owner,
once: the milestone keeps the to-do's id, so a to-do finished, edited or deleted
is never made again. It runs when a weekly meeting starts and on
``cadence quarter milestone-todos run``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from cadence.domain.models import Meeting, QuarterClosing, Rock, RockStatus, Team, Todo
from cadence.domain.periods import Quarter, parse_quarter
from cadence.domain.quarter_close import (
    CARRIED_FROM,
    QuarterReview,
    closing_of,
    default_review_quarter,
    milestones_due,
    review_quarter,
    undecided,
    unfinished,
)
from cadence.store.actions.fields import parse_quarter_field
from cadence.store.errors import InputError
from cadence.store.transaction import Transaction
from cadence.store.view import View


def review_quarter_of(view: View, quarter: Quarter) -> QuarterReview:
    return review_quarter(quarter, view.rocks, view.todos, view.meetings)


def quarter_to_review(view: View, text: str | None, today: date) -> Quarter:
    """The quarter typed (``2026-Q4``), or the one a session held today reviews (``default_review_quarter``)."""
    if text and text.strip():
        return parse_quarter(parse_quarter_field(view, text), view.meta.fiscal_start_month)
    return default_review_quarter(today, view.quarter_of(today))


@dataclass(frozen=True)
class ClosedQuarter:
    """What a close did: the rocks marked done and not done, and each carried rock with its new rock.
    ``already`` is the earlier close when this one found it closed with nothing left to decide (nothing written)."""

    quarter: str
    done: list[str]
    not_done: list[str]
    carried: list[tuple[str, str]]
    already: QuarterClosing | None = None


def in_scope(view: View, rock: Rock, team: Team | None) -> bool:
    """Is the rock one a close for ``team`` decides: every rock without a team, else the team's own (as its
    Rocks section shows them) and, for a leadership team, the company rocks, which are the leadership's to
    decide: a department's session never closes them."""
    if team is None:
        return True
    return view.in_team(team.id, rock.team_id, rock.owner_id) or (rock.company and team.leadership)


def rocks_to_settle(view: View, quarter: str, team: Team | None = None) -> list[Rock]:
    """The quarter's unfinished rocks in the close's scope, in id order: the ones a close must be told about."""
    return [rock for rock in unfinished(view.rocks, quarter) if in_scope(view, rock, team)]


def closing_for(view: View, quarter: str, team: Team | None = None) -> QuarterClosing | None:
    """The latest close covering ``quarter`` for ``team`` (its own or the whole workspace's), if any."""
    return closing_of(view.meta.closed_quarters, quarter, team.id if team else None)


def quarter_reviewed_at(view: View, meeting: Meeting) -> Quarter:
    """The quarter a quarterly session reviews and closes, fixed by the day it started: a session running past
    midnight, or an annual one over two days, keeps its quarter."""
    day = meeting.started_at.date()
    return default_review_quarter(day, view.quarter_of(day))


def team_of(view: View, meeting: Meeting) -> Team | None:
    """The meeting's team, whose rocks its close decides (``in_scope``); None for a team gone or none."""
    return next((team for team in view.teams if team.id == meeting.team_id), None)


def close_quarter(
    tx: Transaction,
    quarter: str,
    today: date,
    *,
    carry: Sequence[str] = (),
    not_done: Sequence[str] = (),
    done: Sequence[str] = (),
    team: str | None = None,
    meeting_id: str | None = None,
) -> ClosedQuarter:
    """Settle every unfinished rock of ``quarter`` in scope as told and record the close; refused, naming them,
    while any is undecided. Closed already with nothing new to decide, it writes nothing and says when."""
    label = parse_quarter_field(tx, quarter)
    scope = tx.find_team(team) if team else None
    choices = {"carry": _rocks(tx, carry), "not-done": _rocks(tx, not_done), "done": _rocks(tx, done)}
    seen: dict[str, str] = {}
    for decision, rocks in choices.items():
        for rock in rocks:
            if rock.quarter != label:
                raise InputError(f"{rock.id} is in {rock.quarter}, not {label}")
            if not in_scope(tx, rock, scope):
                company = " or the company's" if scope and scope.leadership else ""
                raise InputError(f"{rock.id} is not a rock of {scope.name if scope else ''}{company}")
            if rock.id in seen and seen[rock.id] != decision:
                raise InputError(f"{rock.id}: choose one of {seen[rock.id]} and {decision}")
            seen[rock.id] = decision
    for rock in choices["carry"]:
        if rock.status not in (RockStatus.ON_TRACK, RockStatus.OFF_TRACK):
            raise InputError(f"{rock.id} is already {rock.status.value}; only an unfinished rock is carried")
    left = [rock for rock in undecided(tx.rocks, label, seen) if in_scope(tx, rock, scope)]
    if left:
        names = ", ".join(f"{rock.id} ({_short(rock.title)})" for rock in left)
        raise InputError(
            f"{label}: undecided rock{'s' if len(left) > 1 else ''}: {names}; carry, not-done or done each"
        )
    earlier = closing_for(tx, label, scope)
    if earlier is not None and not seen:
        return ClosedQuarter(quarter=label, done=[], not_done=[], carried=[], already=earlier)
    following = parse_quarter(label, tx.meta.fiscal_start_month).next()
    carried = [(rock.id, carry_rock(tx, rock, following, today).id) for rock in choices["carry"]]
    for rock in choices["not-done"]:
        tx.save(tx.rock(rock.id), status=RockStatus.NOT_DONE)
    for rock in choices["done"]:
        tx.save(tx.rock(rock.id), status=RockStatus.DONE)
    closed = ClosedQuarter(
        quarter=label,
        done=[rock.id for rock in choices["done"]],
        not_done=[rock.id for rock in choices["not-done"]],
        carried=carried,
    )
    record = QuarterClosing(
        quarter=label,
        team_id=scope.id if scope else None,
        closed_on=today,
        meeting_id=meeting_id,
        done=closed.done,
        not_done=closed.not_done,
        carried=closed.carried,
    )
    tx.update_meta(closed_quarters=[*tx.meta.closed_quarters, record])
    return closed


def close_at_session_end(
    tx: Transaction,
    meeting_id: str,
    today: date,
    *,
    carry: Sequence[str] = (),
    not_done: Sequence[str] = (),
    done: Sequence[str] = (),
) -> ClosedQuarter:
    """Close the quarter a quarterly or annual session reviews, for the session's team, recorded against the
    meeting: what ending the session does, in the same write as ``meetings.end_meeting``."""
    meeting = tx.meeting(meeting_id)
    team = team_of(tx, meeting)
    label = quarter_reviewed_at(tx, meeting).label
    return close_quarter(
        tx,
        label,
        today,
        carry=carry,
        not_done=not_done,
        done=done,
        team=team.id if team else None,
        meeting_id=meeting_id,
    )


def closed_with_nothing_left(view: View, meeting: Meeting) -> QuarterClosing | None:
    """The close of the session's quarter for its team when no rock is left to decide (ending the session is
    then a plain yes or no); None when ending it must close the quarter."""
    quarter = quarter_reviewed_at(view, meeting).label
    team = team_of(view, meeting)
    closing = closing_for(view, quarter, team)
    return None if closing is None or rocks_to_settle(view, quarter, team) else closing


def _short(title: str, width: int = 40) -> str:
    return title if len(title) <= width else title[: width - 1] + "…"


def _rocks(view: View, ids: Sequence[str]) -> list[Rock]:
    found: dict[str, Rock] = {}
    for rock_id in ids:
        rock = view.rock(rock_id)
        found.setdefault(rock.id, rock)
    return list(found.values())


def carry_rock(tx: Transaction, rock: Rock, following: Quarter, today: date) -> Rock:
    """A new rock in ``following`` continuing ``rock`` (its open milestones go along with new ids); the old one
    is marked not done, since it was not done in its quarter."""
    from cadence.store.actions.rocks import next_milestone_id

    note = CARRIED_FROM.format(rock_id=rock.id)
    milestones = [
        milestone.model_copy(update={"id": next_milestone_id(tx), "todo_id": None})
        for milestone in rock.milestones
        if not milestone.done
    ]
    new = tx.add(
        Rock,
        title=rock.title,
        owner_id=rock.owner_id,
        quarter=following.label,
        company=rock.company,
        team_id=rock.team_id,
        due=following.end,
        description=f"{note}\n{rock.description}".strip(),
        milestones=milestones,
        created=today,
    )
    tx.save(rock, status=RockStatus.NOT_DONE)
    return new


def set_milestone_todos(tx: Transaction, on: bool) -> bool:
    """Turn the milestone rule on or off; returns the setting."""
    tx.update_meta(milestone_todos=on)
    return on


def run_milestone_todos(tx: Transaction, today: date) -> list[Todo]:
    """The rule, once: a to-do for each open milestone due in the coming week that has none yet.

    Off (``_meta.milestone_todos`` false), it makes nothing. A rock whose owner has left makes none either
    (new work goes to people still on the team); it is picked up if they come back."""
    if not tx.meta.milestone_todos:
        return []
    made: list[Todo] = []
    for rock, milestone in milestones_due(tx.rocks, today):
        owner = tx.person(rock.owner_id)
        if not owner.active or milestone.due is None:
            continue
        todo = tx.add(
            Todo,
            title=f"{milestone.title} (milestone of {rock.id})"[:2000],
            owner_id=owner.id,
            team_id=rock.team_id,
            due=milestone.due,
            source=milestone.id,
            created=today,
        )
        current = tx.rock(rock.id)
        tx.save(
            current,
            milestones=[
                item.model_copy(update={"todo_id": todo.id}) if item.id == milestone.id else item
                for item in current.milestones
            ],
        )
        made.append(todo)
    return made


def settle_rock(tx: Transaction, rock_id: str, decision: str, today: date) -> Rock:
    """One unfinished rock decided at the quarterly session: ``done``, ``not-done`` or ``carry`` (returns the
    new rock in the next quarter). A rock already done or not done is refused: it was decided before."""
    rock = tx.rock(rock_id)
    if rock.status not in (RockStatus.ON_TRACK, RockStatus.OFF_TRACK):
        raise InputError(f"{rock.id} is already {rock.status.value}")
    if decision == "carry":
        return carry_rock(tx, rock, parse_quarter(rock.quarter, tx.meta.fiscal_start_month).next(), today)
    if decision == "done":
        return tx.save(rock, status=RockStatus.DONE)
    if decision == "not-done":
        return tx.save(rock, status=RockStatus.NOT_DONE)
    raise InputError(f"decision: carry, not-done or done, not {decision!r}")

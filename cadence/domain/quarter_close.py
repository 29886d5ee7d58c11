"""Closing a quarter: which rocks are still undecided, the quarter's figures, and which milestones are due.

A quarter ends at the quarterly session. Every rock still on or off track then
needs an explicit decision (done, not done, or carried into the next quarter):
nothing is closed silently, so the rules here only say what is undecided and
never decide it. The figures are the ones the session reviews: rocks done
against the 80% goal, to-dos done that were due in the quarter, the weekly
meetings' ratings. Pure: the store supplies the records.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from cadence.domain.metrics import ROCK_GOAL, TODO_GOAL, rate, rock_completion
from cadence.domain.models import Meeting, Milestone, QuarterClosing, Rock, RockStatus, Todo
from cadence.domain.periods import Quarter

UNFINISHED = (RockStatus.ON_TRACK, RockStatus.OFF_TRACK)
MILESTONE_DAYS_AHEAD = 7
"""A milestone due today or within the next 7 days becomes a to-do: the to-dos' own 7-day horizon."""

CARRIED_FROM = "Carried from {rock_id}."
"""The first line of a carried rock's description, naming the rock it continues."""


class Decision:
    """What becomes of a rock when its quarter closes."""

    DONE = "done"
    NOT_DONE = "not-done"
    CARRY = "carry"


def unfinished(rocks: Iterable[Rock], quarter: str) -> list[Rock]:
    """The quarter's rocks neither done nor not-done: each needs a decision before the quarter closes."""
    return [rock for rock in rocks if rock.quarter == quarter and rock.status in UNFINISHED]


def undecided(rocks: Iterable[Rock], quarter: str, decided: Iterable[str]) -> list[Rock]:
    """The unfinished rocks of ``quarter`` whose id is not in ``decided``."""
    chosen = set(decided)
    return [rock for rock in unfinished(rocks, quarter) if rock.id not in chosen]


def closing_of(closings: Sequence[QuarterClosing], quarter: str, team_id: str | None) -> QuarterClosing | None:
    """The latest close that covers ``quarter`` for ``team_id``: the team's own, or one of the whole workspace.
    For the whole workspace (``team_id`` None) only a whole-workspace close counts."""
    covering = [
        closing
        for closing in closings
        if closing.quarter == quarter and (closing.team_id is None or closing.team_id == team_id)
    ]
    return covering[-1] if covering else None


def default_review_quarter(today: date, current: Quarter) -> Quarter:
    """The quarter a quarterly session reviews: in the first 45 days of a quarter the one just ended
    (a session held after the quarter turned), else the current one (a session in its last weeks)."""
    return current.previous() if today < current.start + timedelta(days=45) else current


@dataclass(frozen=True)
class QuarterReview:
    """The figures of one quarter, as the quarterly session reviews them."""

    quarter: str
    rocks_done: int
    rocks_total: int
    todos_done: int
    todos_total: int
    ratings: list[float] = field(default_factory=list)
    undecided_ids: list[str] = field(default_factory=list)

    @property
    def rock_rate(self) -> float | None:
        return rate(self.rocks_done, self.rocks_total)

    @property
    def rocks_on_goal(self) -> bool | None:
        value = self.rock_rate
        return None if value is None else value >= ROCK_GOAL

    @property
    def todo_rate(self) -> float | None:
        return rate(self.todos_done, self.todos_total)

    @property
    def todos_on_goal(self) -> bool | None:
        value = self.todo_rate
        return None if value is None else value >= TODO_GOAL

    @property
    def average_rating(self) -> float | None:
        return sum(self.ratings) / len(self.ratings) if self.ratings else None


def review_quarter(
    quarter: Quarter, rocks: Iterable[Rock], todos: Iterable[Todo], meetings: Iterable[Meeting]
) -> QuarterReview:
    """Rocks done of the quarter's rocks, to-dos done of those due in it, the average rating of each
    finished meeting in it that was rated."""
    listed = [rock for rock in rocks if rock.quarter == quarter.label]
    done, total = rock_completion(listed)
    due = [todo for todo in todos if quarter.contains(todo.due)]
    ratings = [
        meeting.average_rating
        for meeting in sorted(meetings, key=lambda item: item.started_at)
        if meeting.finished and quarter.contains(meeting.started_at.date()) and meeting.average_rating is not None
    ]
    return QuarterReview(
        quarter=quarter.label,
        rocks_done=done,
        rocks_total=total,
        todos_done=sum(1 for todo in due if todo.done),
        todos_total=len(due),
        ratings=[value for value in ratings if value is not None],
        undecided_ids=[rock.id for rock in unfinished(listed, quarter.label)],
    )


def milestones_due(rocks: Sequence[Rock], today: date) -> list[tuple[Rock, Milestone]]:
    """Open milestones of open rocks due from today to a week on that have not made their to-do yet."""
    horizon = today + timedelta(days=MILESTONE_DAYS_AHEAD)
    return [
        (rock, milestone)
        for rock in rocks
        if rock.status in UNFINISHED
        for milestone in rock.milestones
        if not milestone.done and milestone.todo_id is None and milestone.due and today <= milestone.due <= horizon
    ]


def percent(value: float | None) -> str:
    """``83%``, or ``-`` when there is nothing to count."""
    return "-" if value is None else f"{round(value * 100)}%"

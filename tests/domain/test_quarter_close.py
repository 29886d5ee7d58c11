"""The quarter-close rules: which quarter a session reviews, what is undecided, which milestones are due."""

from __future__ import annotations

from datetime import date

from cadence.domain.models import Milestone, Rock, RockStatus
from cadence.domain.periods import quarter_of
from cadence.domain.quarter_close import default_review_quarter, milestones_due, undecided


def rock(number: int, status: RockStatus = RockStatus.ON_TRACK, quarter: str = "2026-Q4", **fields: object) -> Rock:
    return Rock(
        id=f"R-{number}", title=f"Rock {number}", owner_id="P-1", quarter=quarter, status=status,
        created=date(2026, 10, 1), **fields,
    )  # fmt: skip


def test_a_session_early_in_a_quarter_reviews_the_one_just_ended() -> None:
    assert default_review_quarter(date(2027, 1, 6), quarter_of(date(2027, 1, 6))).label == "2026-Q4"
    assert default_review_quarter(date(2027, 2, 14), quarter_of(date(2027, 2, 14))).label == "2026-Q4"  # day 45
    assert default_review_quarter(date(2027, 2, 15), quarter_of(date(2027, 2, 15))).label == "2027-Q1"
    assert default_review_quarter(date(2026, 12, 18), quarter_of(date(2026, 12, 18))).label == "2026-Q4"


def test_undecided_is_the_quarters_open_rocks_not_named() -> None:
    rocks = [
        rock(1),
        rock(2, RockStatus.OFF_TRACK),
        rock(3, RockStatus.DONE),
        rock(4, RockStatus.NOT_DONE),
        rock(5, quarter="2027-Q1"),
    ]
    assert [r.id for r in undecided(rocks, "2026-Q4", [])] == ["R-1", "R-2"]
    assert [r.id for r in undecided(rocks, "2026-Q4", ["R-2"])] == ["R-1"]


def test_milestones_due_from_today_to_a_week_on_without_their_to_do() -> None:
    today = date(2026, 11, 23)
    milestones = [
        Milestone(id="MS-1", title="yesterday", due=date(2026, 11, 22)),
        Milestone(id="MS-2", title="today", due=today),
        Milestone(id="MS-3", title="a week on", due=date(2026, 11, 30)),
        Milestone(id="MS-4", title="eight days", due=date(2026, 12, 1)),
        Milestone(id="MS-5", title="done", due=today, done=True),
        Milestone(id="MS-6", title="made", due=today, todo_id="T-1"),
        Milestone(id="MS-7", title="no date"),
    ]
    rocks = [
        rock(1, milestones=milestones),
        rock(2, RockStatus.DONE, milestones=[Milestone(id="MS-8", title="x", due=today)]),
    ]
    assert [m.id for _, m in milestones_due(rocks, today)] == ["MS-2", "MS-3"]

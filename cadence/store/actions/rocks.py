"""Rocks: adding, editing, deleting, status (not-done only at quarter end), moving quarter, milestones (by id).

The rules of the method live here, so the app and the shell keep them alike:
a rock is due by its quarter's last day unless told otherwise, its owner is an
active person, and a milestone is addressed by its id, never its place.
"""

from __future__ import annotations

from datetime import date, timedelta

from pydantic import ValidationError

from cadence.domain.errors import describe
from cadence.domain.ids import (
    MILESTONE_COUNTER,
    MILESTONE_PREFIX,
    id_number,
    normalise_milestone_id,
)
from cadence.domain.models import (
    Issue,
    Milestone,
    Person,
    Rock,
    RockStatus,
)
from cadence.domain.periods import parse_quarter
from cadence.store.actions.fields import (
    ROCKS_PER_PERSON_GUIDANCE,
    choice,
    parse_date_field,
    parse_quarter_field,
)
from cadence.store.actions.issues import drop_to_issues
from cadence.store.errors import InputError
from cadence.store.transaction import Transaction
from cadence.store.view import View


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
    """Add a rock, due by its quarter's last day unless ``due`` says otherwise.

    The second value holds warnings (more than 7 rocks for the owner) that do not block.
    """
    person = _active_owner(tx, owner)
    label = parse_quarter_field(tx, quarter) if quarter and quarter.strip() else tx.quarter_of(today).label
    rock = tx.add(
        Rock,
        title=title,
        owner_id=person.id,
        quarter=label,
        company=company,
        team_id=tx.find_team(team).id if team else None,
        due=_due_or_quarter_end(tx, due, label, today),
        created=today,
    )
    return rock, rock_load_warnings(tx, person.id, label)


def _active_owner(view: View, owner: str) -> Person:
    person = view.find_person(owner)
    if not person.active:
        raise InputError(f"owner: {person.name} is inactive; reactivate them or give the rock to someone else")
    return person


def _due_or_quarter_end(view: View, due: str | None, quarter: str, today: date) -> date:
    """What the user typed for a due date; left blank, the quarter's last day (rocks are 90-day priorities)."""
    if due and due.strip():
        return parse_date_field(due, today, "due")
    return parse_quarter(quarter, view.meta.fiscal_start_month).end


def edit_rock(
    tx: Transaction,
    rock_id: str,
    today: date,
    *,
    title: str | None = None,
    due: str | None = None,
    description: str | None = None,
    owner: str | None = None,
) -> Rock:
    """Change what was given (``None``: unchanged); a blank ``due`` means no due date."""
    rock = tx.rock(rock_id)
    changes: dict[str, object] = {}
    if title is not None:
        changes["title"] = title
    if due is not None:
        changes["due"] = parse_date_field(due, today, "due") if due.strip() else None
    if description is not None:
        changes["description"] = description
    if owner is not None:
        changes["owner_id"] = _active_owner(tx, owner).id
    return tx.save(rock, **changes) if changes else rock


def delete_rock(tx: Transaction, rock_id: str) -> Rock:
    """Delete a rock with its milestones; the deleted rock is returned (to name it)."""
    rock = tx.rock(rock_id)
    tx.delete(rock)
    return rock


def drop_rock_to_issues(tx: Transaction, rock_id: str, today: date) -> Issue:
    """The rock onto its team's Issues list, owned by the rock's owner."""
    return drop_to_issues(tx, tx.rock(rock_id), today)


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
    rock = tx.rock(rock_id)
    new_status = choice(RockStatus, status, "status")
    if new_status is RockStatus.NOT_DONE and not not_done_allowed(tx, rock, today):
        quarter = parse_quarter(rock.quarter, tx.meta.fiscal_start_month)
        raise InputError(f"status: a rock is marked not-done only at quarter end ({rock.quarter} ends {quarter.end})")
    return tx.save(rock, status=new_status)


ROCK_STATUS_CYCLE = (RockStatus.ON_TRACK, RockStatus.OFF_TRACK, RockStatus.DONE, RockStatus.NOT_DONE)


def cycle_rock_status(tx: Transaction, rock_id: str, today: date) -> Rock:
    """on-track -> off-track -> done -> (not-done, only at quarter end) -> on-track."""
    rock = tx.rock(rock_id)
    index = ROCK_STATUS_CYCLE.index(rock.status)
    following = ROCK_STATUS_CYCLE[(index + 1) % len(ROCK_STATUS_CYCLE)]
    if following is RockStatus.NOT_DONE and not not_done_allowed(tx, rock, today):
        following = RockStatus.ON_TRACK
    return set_rock_status(tx, rock.id, following.value, today)


def move_rock(tx: Transaction, rock_id: str, quarter: str) -> Rock:
    """Carry a rock to another quarter; a due date outside the new quarter moves to its last day."""
    rock = tx.rock(rock_id)
    label = parse_quarter_field(tx, quarter)
    target = parse_quarter(label, tx.meta.fiscal_start_month)
    due = rock.due if rock.due is None or target.contains(rock.due) else target.end
    return tx.save(rock, quarter=label, due=due)


def shift_rock_quarter(tx: Transaction, rock_id: str, step: int) -> Rock:
    """Move a rock ``step`` quarters on (``-1``: back one), from the quarter it is in now."""
    rock = tx.rock(rock_id)
    target = parse_quarter(rock.quarter, tx.meta.fiscal_start_month)
    for _ in range(abs(step)):
        target = target.next() if step > 0 else target.previous()
    return move_rock(tx, rock.id, target.label)


def next_milestone_id(tx: Transaction) -> str:
    """One past both the workspace counter and the highest milestone id present; the counter moves on."""
    highest = max((id_number(milestone.id) for rock in tx.rocks for milestone in rock.milestones), default=0)
    number = max(tx.meta.counters.get(MILESTONE_COUNTER, 0), highest) + 1
    tx.update_meta(counters={**tx.meta.counters, MILESTONE_COUNTER: number})
    return f"{MILESTONE_PREFIX}-{number}"


def add_milestone(tx: Transaction, rock_id: str, title: str, due: str | None, today: date) -> Rock:
    """Add a milestone at the end of the rock's list; the returned rock's last milestone is the new one."""
    rock = tx.rock(rock_id)
    try:
        milestone = Milestone(
            id=next_milestone_id(tx), title=title, due=parse_date_field(due, today, "due") if due else None
        )
    except ValidationError as error:
        raise InputError(describe(error)) from None
    return tx.save(rock, milestones=[*rock.milestones, milestone])


def find_milestone(view: View, rock_id: str, milestone_id: str) -> tuple[Rock, Milestone]:
    """The rock and its milestone by id; a milestone deleted meanwhile is an error, never another one."""
    rock = view.rock(rock_id)
    try:
        wanted = normalise_milestone_id(milestone_id)
    except ValueError as error:
        raise InputError(f"milestone: {error}") from None
    milestone = rock.milestone(wanted)
    if milestone is None:
        raise InputError(f"milestone: {rock.id} has no milestone {wanted} (deleted meanwhile?)")
    return rock, milestone


def _replace_milestone(tx: Transaction, rock: Rock, milestone: Milestone) -> Rock:
    return tx.save(rock, milestones=[milestone if item.id == milestone.id else item for item in rock.milestones])


def set_milestone_done(tx: Transaction, rock_id: str, milestone_id: str, done: bool = True) -> Rock:
    """Tick (or untick) a rock's milestone, by its id."""
    rock, milestone = find_milestone(tx, rock_id, milestone_id)
    return _replace_milestone(tx, rock, milestone.model_copy(update={"done": done}))


def edit_milestone(
    tx: Transaction,
    rock_id: str,
    milestone_id: str,
    title: str | None,
    due: str | None,
    today: date,
) -> Rock:
    """Change a milestone's title and due date. ``None``: unchanged; a blank ``due``: no due date."""
    rock, milestone = find_milestone(tx, rock_id, milestone_id)
    changes: dict[str, object] = {}
    if title is not None:
        changes["title"] = title
    if due is not None:
        changes["due"] = parse_date_field(due, today, "due") if due.strip() else None
    try:
        changed = Milestone.model_validate({**milestone.model_dump(), **changes})
    except ValidationError as error:
        raise InputError(describe(error)) from None
    return _replace_milestone(tx, rock, changed)


def remove_milestone(tx: Transaction, rock_id: str, milestone_id: str) -> Rock:
    rock, milestone = find_milestone(tx, rock_id, milestone_id)
    return tx.save(rock, milestones=[item for item in rock.milestones if item.id != milestone.id])

"""People and teams: adding, editing, roles (one Visionary, one Integrator), membership."""

from __future__ import annotations

from cadence.domain.models import (
    Person,
    Role,
    Team,
)
from cadence.store.actions.fields import choice
from cadence.store.errors import InputError
from cadence.store.transaction import Transaction
from cadence.store.view import View


class SeatTaken(InputError):
    """The Visionary or Integrator seat is held by someone else; the caller may ask, then ``replace``."""

    def __init__(self, role: Role, holder: Person, wanted: str) -> None:
        self.role = role
        self.holder = holder
        self.wanted = wanted
        word = role.value.capitalize()
        super().__init__(
            f"role: {holder.name} ({holder.id}) is the {word}, and there is one {word} per workspace; "
            f"replacing them makes {wanted} the {word} and {holder.name} a member"
        )


def _take_seat(tx: Transaction, role: Role, wanted: str, except_id: str | None, replace: bool) -> list[Person]:
    """Free a single seat for someone: refuse while it is held, unless asked to ``replace`` the holder."""
    holders = role_holders(tx, role.value, except_id=except_id)
    if holders and not replace:
        raise SeatTaken(role, holders[0], wanted)
    return [tx.save(other, role=Role.MEMBER) for other in holders]


def add_person(
    tx: Transaction, name: str, role: str = "member", team: str | None = None, *, replace: bool = False
) -> Person:
    """Add a person; a Visionary or Integrator seat that is taken is refused unless ``replace``."""
    role_value = choice(Role, role, "role")
    if any(person.name.casefold() == name.strip().casefold() for person in tx.people):
        raise InputError(f"name: there is already a person named {name.strip()!r}")
    _take_seat(tx, role_value, name.strip(), None, replace)
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


def edit_person(tx: Transaction, person_text: str, name: str | None = None, email: str | None = None) -> Person:
    """Rename a person and/or set their email (blank clears it); ``None`` leaves a field as it is.

    Names stay unique (any case), since people are picked by name everywhere.
    """
    person = tx.find_person(person_text)
    name = person.name if name is None else name
    email = person.email if email is None else email
    wanted = name.strip()
    if any(other.id != person.id and other.name.casefold() == wanted.casefold() for other in tx.people):
        raise InputError(f"name: there is already a person named {wanted!r}")
    if email.strip() and "@" not in email:
        raise InputError(f"email: {email.strip()!r} is not an email address")
    return tx.save(person, name=name, email=email)


def edit_team(tx: Transaction, team_text: str, name: str | None = None, leadership: bool | None = None) -> Team:
    """Rename a team and/or make it the leadership team or not; ``None`` leaves a field as it is."""
    team = tx.find_team(team_text)
    name = team.name if name is None else name
    leadership = team.leadership if leadership is None else leadership
    wanted = name.strip()
    if any(other.id != team.id and other.name.casefold() == wanted.casefold() for other in tx.teams):
        raise InputError(f"name: there is already a team named {wanted!r}")
    return tx.save(team, name=name, leadership=leadership)


SINGLE_ROLES = (Role.VISIONARY, Role.INTEGRATOR)


def role_holders(view: View, role: str, except_id: str | None = None) -> list[Person]:
    """Who else holds ``role``; Visionary and Integrator are one seat each per workspace."""
    role_value = choice(Role, role, "role")
    if role_value not in SINGLE_ROLES:
        return []
    return [person for person in view.people if person.role is role_value and person.id != except_id]


def set_role(tx: Transaction, person_text: str, role: str, *, replace: bool = False) -> tuple[Person, list[Person]]:
    """Give a person a role. A Visionary or Integrator seat held by someone else raises ``SeatTaken``
    unless ``replace`` (the caller asked the user): then the holder becomes a member.

    Returns the person and those moved to member, so the caller can say so.
    """
    person = tx.find_person(person_text)
    role_value = choice(Role, role, "role")
    if not person.active and role_value is not Role.MEMBER:
        raise InputError(f"role: {person.name} is inactive; reactivate them first")
    moved = _take_seat(tx, role_value, person.name, person.id, replace)
    return tx.save(person, role=role_value), moved


def set_active(tx: Transaction, person_text: str, active: bool) -> Person:
    """Deactivate (or bring back) a person. Nothing they own is deleted or reassigned.

    Deactivating also takes them off every team, out of every seat of the
    Accountability chart (so a seat they leave empty is flagged), and gives up
    a Visionary or Integrator role, so meetings, team views, the chart and the
    one-per-workspace roles only count people who are still here;
    reactivating brings back none of them.
    """
    person = tx.find_person(person_text)
    if not active:
        for team in tx.teams:
            if person.id in team.member_ids:
                tx.save(team, member_ids=[member for member in team.member_ids if member != person.id])
        for seat in tx.seats:
            if person.id in seat.person_ids:
                tx.save(seat, person_ids=[held for held in seat.person_ids if held != person.id])
        return tx.save(person, active=False, role=Role.MEMBER)
    return tx.save(person, active=True)

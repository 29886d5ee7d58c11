"""The Accountability chart's writes: seats added, renamed, given roles, moved, filled, emptied, deleted.

``cadence seat ...`` and the app's chart screen call these and nothing else,
so the chart's rules hold whoever writes:

- the chart starts with a Visionary seat and an Integrator seat under it (the
  first add makes them, holding whoever has that role among the people);
  there is one seat of each, and a function goes under the Integrator unless
  told where;
- a seat has at most ``MAX_ROLES`` roles; a sixth is refused, not dropped;
- a move never makes a seat its own ancestor, and never puts the Visionary or
  Integrator seat under a function;
- deleting a seat moves the seats under it up to its parent, so nothing is
  lost from the chart.

Seats stay live (no archive): the chart is the company as it is now. Names
are unique (any case) because seats are picked by name, as people are.
"""

from __future__ import annotations

from collections.abc import Sequence

from cadence.domain.accountability import KIND_WORDS, MAX_ROLES, TOP_KINDS, ancestors, would_loop
from cadence.domain.models import Person, Role, Seat, SeatKind
from cadence.store.actions.fields import choice
from cadence.store.errors import InputError
from cadence.store.transaction import Transaction
from cadence.store.view import View

TOP_SEAT_NAMES = {SeatKind.VISIONARY: "Visionary", SeatKind.INTEGRATOR: "Integrator"}
ROLE_OF_SEAT = {SeatKind.VISIONARY: Role.VISIONARY, SeatKind.INTEGRATOR: Role.INTEGRATOR}


def seat_of_kind(view: View, kind: SeatKind) -> Seat | None:
    return next((seat for seat in view.seats if seat.seat_kind is kind), None)


def ensure_top_seats(tx: Transaction) -> list[Seat]:
    """An empty chart gets its Visionary seat and the Integrator seat under it; returns the seats made.

    Whoever holds the Visionary or Integrator role among the people (``cadence
    person role``) sits in that seat. A chart that has any seat is left as it is.
    """
    if tx.seats:
        return []
    made: list[Seat] = []
    parent: str | None = None
    for kind in TOP_KINDS:
        holders = [person.id for person in tx.people if person.active and person.role is ROLE_OF_SEAT[kind]]
        seat = tx.add(Seat, name=TOP_SEAT_NAMES[kind], seat_kind=kind, person_ids=holders, parent_id=parent)
        made.append(seat)
        parent = seat.id
    return made


def _unique_name(view: View, name: str, except_id: str | None = None) -> str:
    wanted = name.strip()
    if not wanted:
        raise InputError("name: required")
    for seat in view.seats:
        if seat.id != except_id and seat.name.casefold() == wanted.casefold():
            raise InputError(f"name: there is already a seat named {seat.name!r} ({seat.id})")
    return wanted


def clean_roles(roles: Sequence[str]) -> list[str]:
    """Roles as given, blanks dropped; more than ``MAX_ROLES`` refused with the count."""
    kept = [role.strip() for role in roles if role.strip()]
    if len(kept) > MAX_ROLES:
        raise InputError(
            f"roles: a seat has at most {MAX_ROLES} roles ({len(kept)} given); a seat that needs more is two seats"
        )
    return kept


def _people(tx: Transaction, texts: Sequence[str]) -> list[str]:
    found: list[str] = []
    for text in texts:
        person = _active_person(tx, text)
        if person.id not in found:
            found.append(person.id)
    return found


def _active_person(view: View, text: str) -> Person:
    person = view.find_person(text)
    if not person.active:
        raise InputError(f"person: {person.name} is inactive (cadence person activate brings them back)")
    return person


def _check_place(view: View, seat: Seat | None, kind: SeatKind, parent: Seat | None) -> None:
    """A top seat never sits under a function; no seat sits under itself or under a seat below it."""
    name = seat.name if seat else TOP_SEAT_NAMES.get(kind, "the seat")
    if parent is None:
        return
    if kind in TOP_KINDS and parent.seat_kind is SeatKind.FUNCTION:
        raise InputError(
            f"under: the {KIND_WORDS[kind]} seat ({name}) stays at the top of the chart; "
            f"it cannot sit under {parent.name} (a function)"
        )
    if seat is not None and would_loop(view.seats, seat.id, parent.id):
        if parent.id == seat.id:
            raise InputError(f"under: {seat.name} cannot sit under itself")
        raise InputError(f"under: {parent.name} sits under {seat.name}, so {seat.name} cannot move under it")


def add_seat(
    tx: Transaction,
    name: str,
    under: str | None = None,
    kind: str = SeatKind.FUNCTION.value,
    roles: Sequence[str] = (),
    people: Sequence[str] = (),
) -> Seat:
    """Add a seat (the chart's top seats first, if it has none).

    With no ``under``, a function goes under the Integrator seat, the
    Integrator under the Visionary, the Visionary at the top.
    """
    seat_kind = choice(SeatKind, kind, "kind")
    wanted = name.strip()
    role_list = clean_roles(roles)
    person_ids = _people(tx, people)
    made = {seat.id for seat in ensure_top_seats(tx)}
    if seat_kind in TOP_KINDS:
        held = seat_of_kind(tx, seat_kind)
        if held is not None and held.id in made:  # this add made the chart's top seats: it names and fills its own
            return tx.save(
                held,
                name=_unique_name(tx, wanted, except_id=held.id),
                roles=role_list,
                person_ids=person_ids or held.person_ids,
            )
        if held is not None:
            raise InputError(
                f"kind: there is one {KIND_WORDS[seat_kind]} seat per chart, and it is {held.name} ({held.id})"
            )
    wanted = _unique_name(tx, wanted)
    if under is not None:
        parent: Seat | None = tx.find_seat(under)
    elif seat_kind is SeatKind.FUNCTION:
        parent = seat_of_kind(tx, SeatKind.INTEGRATOR) or seat_of_kind(tx, SeatKind.VISIONARY)
    elif seat_kind is SeatKind.INTEGRATOR:
        parent = seat_of_kind(tx, SeatKind.VISIONARY)
    else:
        parent = None
    _check_place(tx, None, seat_kind, parent)
    return tx.add(
        Seat,
        name=wanted,
        seat_kind=seat_kind,
        roles=role_list,
        person_ids=person_ids,
        parent_id=parent.id if parent else None,
    )


def rename_seat(tx: Transaction, seat_text: str, name: str) -> Seat:
    seat = tx.find_seat(seat_text)
    return tx.save(seat, name=_unique_name(tx, name, except_id=seat.id))


def set_seat_roles(tx: Transaction, seat_text: str, roles: Sequence[str]) -> Seat:
    """Replace the seat's roles (none clears them); more than ``MAX_ROLES`` is refused."""
    seat = tx.find_seat(seat_text)
    return tx.save(seat, roles=clean_roles(roles))


def move_seat(tx: Transaction, seat_text: str, under: str | None) -> Seat:
    """Put a seat (and everything under it) under another seat; ``None``: at the top of the chart."""
    seat = tx.find_seat(seat_text)
    parent = tx.find_seat(under) if under is not None else None
    _check_place(tx, seat, seat.seat_kind, parent)
    return tx.save(seat, parent_id=parent.id if parent else None)


def assign_to_seat(tx: Transaction, seat_text: str, person_text: str) -> Seat:
    """Put a person in a seat (already there: nothing changes). Several people may share a seat."""
    seat = tx.find_seat(seat_text)
    person = _active_person(tx, person_text)
    if person.id in seat.person_ids:
        return seat
    return tx.save(seat, person_ids=[*seat.person_ids, person.id])


def unassign_from_seat(tx: Transaction, seat_text: str, person_text: str) -> Seat:
    """Take a person out of a seat; someone not in it is refused by name."""
    seat = tx.find_seat(seat_text)
    person = tx.find_person(person_text)
    if person.id not in seat.person_ids:
        raise InputError(f"person: {person.name} is not in the {seat.name} seat")
    return tx.save(seat, person_ids=[held for held in seat.person_ids if held != person.id])


def delete_seat(tx: Transaction, seat_text: str) -> tuple[Seat, list[Seat]]:
    """Delete a seat; the seats right under it move up to its parent. Returns the seat and those moved."""
    seat = tx.find_seat(seat_text)
    parent = next((other for other in tx.seats if other.id == seat.parent_id), None)
    moved: list[Seat] = []
    for child in [other for other in tx.seats if other.parent_id == seat.id]:
        if child.seat_kind in TOP_KINDS and parent is not None and parent.seat_kind is SeatKind.FUNCTION:
            moved.append(tx.save(child, parent_id=None))  # a top seat never lands under a function
        else:
            moved.append(tx.save(child, parent_id=parent.id if parent else None))
    tx.delete(seat)
    return seat, moved


def seats_held(view: View, person_id: str) -> list[Seat]:
    return [seat for seat in view.seats if person_id in seat.person_ids]


def seat_path(view: View, seat: Seat) -> str:
    """``Visionary / Integrator / Sales``: where a seat sits, for messages."""
    by_id = {other.id: other for other in view.seats}
    names = [by_id[above].name for above in reversed(ancestors(view.seats, seat.id))]
    return " / ".join([*names, seat.name])

"""The Accountability chart's rules and its text: the tree of seats, its flags, its Markdown page.

The chart is the company's structure as seats, not people: each seat has a
name, up to five roles, and the person or people in it; seats sit under one
another (the Integrator under the Visionary, the functions under the
Integrator). The store's seat actions enforce the rules when something is
written; the CLI, the app's chart screen and the Markdown export all read the
tree from here, so they show the same order and the same flags.

Pure: seats and people's names in, lines and text out. A hand-edited file
with a seat whose parent is gone, or a loop of parents, still draws: such a
seat is shown at the top rather than lost, and a loop is named under the
flags (``loop_warnings``; ``cadence check`` reports it as a problem).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from cadence.domain.minutes_markdown import cell
from cadence.domain.models import Seat, SeatKind

MAX_ROLES = 5
"""Roles per seat. The method gives each seat about five roles: more, and the seat is not clear enough for
one person to be accountable for it (split the seat instead)."""

MAX_SEATS_PER_PERSON = 2
"""Seats one person can hold before the chart flags it. In a small company one person often sits in two
seats (the Integrator who also runs Finance); in three or more, they are stretched past the capacity the
People analyzer's "Capacity to do it" asks about, so the chart points at it. A flag, never a refusal."""

KIND_ORDER = {SeatKind.VISIONARY: 0, SeatKind.INTEGRATOR: 1, SeatKind.FUNCTION: 2}
TOP_KINDS = (SeatKind.VISIONARY, SeatKind.INTEGRATOR)
KIND_WORDS = {SeatKind.VISIONARY: "Visionary", SeatKind.INTEGRATOR: "Integrator", SeatKind.FUNCTION: "function"}


@dataclass(frozen=True)
class ChartLine:
    """One seat in drawing order: how deep it sits, the box-drawing lines in front of its name, and those in
    front of any line written under it (its roles) so the tree's lines carry on past them."""

    seat: Seat
    depth: int
    prefix: str
    under: str


def _number(seat: Seat) -> int:
    tail = seat.id.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def _order(seat: Seat) -> tuple[int, int]:
    """Visionary, then Integrator, then functions in the order they were added."""
    return KIND_ORDER[seat.seat_kind], _number(seat)


def children_of(seats: Sequence[Seat]) -> dict[str | None, list[Seat]]:
    """Each seat's children in drawing order; ``None`` holds the top seats (and any whose parent is missing)."""
    known = {seat.id for seat in seats}
    tree: dict[str | None, list[Seat]] = {}
    for seat in seats:
        parent = seat.parent_id if seat.parent_id in known and seat.parent_id != seat.id else None
        tree.setdefault(parent, []).append(seat)
    for kids in tree.values():
        kids.sort(key=_order)
    return tree


def chart_lines(seats: Sequence[Seat]) -> list[ChartLine]:
    """Every seat once, depth first from the top, with ``├─``/``└─`` lines; a loop of parents is broken at the top."""
    tree = children_of(seats)
    drawn: set[str] = set()
    lines: list[ChartLine] = []

    def walk(seat: Seat, depth: int, lead: str, last: bool) -> None:
        drawn.add(seat.id)
        prefix = "" if depth == 0 else lead + ("└─ " if last else "├─ ")
        below = [kid for kid in tree.get(seat.id, []) if kid.id not in drawn]
        lead_below = "" if depth == 0 else lead + ("   " if last else "│  ")
        lines.append(ChartLine(seat, depth, prefix, lead_below + ("│  " if below else "   ")))
        for index, kid in enumerate(below):
            if kid.id not in drawn:
                walk(kid, depth + 1, lead_below, index == len(below) - 1)

    for top in tree.get(None, []):
        walk(top, 0, "", True)
    for seat in sorted(seats, key=_order):  # a loop of parents has no top: draw it from its first seat
        if seat.id not in drawn:
            walk(seat, 0, "", True)
    return lines


def ancestors(seats: Sequence[Seat], seat_id: str) -> list[str]:
    """The ids above ``seat_id``, nearest first (stops at a loop)."""
    by_id = {seat.id: seat for seat in seats}
    found: list[str] = []
    current = by_id.get(seat_id)
    while current is not None and current.parent_id in by_id and current.parent_id not in found:
        if current.parent_id == seat_id:
            break
        found.append(current.parent_id)
        current = by_id[current.parent_id]
    return found


def would_loop(seats: Sequence[Seat], seat_id: str, new_parent_id: str) -> bool:
    """Would putting ``seat_id`` under ``new_parent_id`` make a seat its own ancestor?"""
    return new_parent_id == seat_id or seat_id in ancestors(seats, new_parent_id)


def parent_loops(seats: Sequence[Seat]) -> list[list[Seat]]:
    """Each loop of parents once (a seat under itself, or A under B under A...), from its first seat in chart
    order, each seat followed by the one it sits under. Only a hand-edited file has one: the actions refuse it."""
    by_id = {seat.id: seat for seat in seats}
    walked: set[str] = set()
    loops: list[list[Seat]] = []
    for start in sorted(seats, key=_order):
        path: list[Seat] = []
        place: dict[str, int] = {}
        current: Seat | None = start
        while current is not None and current.id not in place and current.id not in walked:
            place[current.id] = len(path)
            path.append(current)
            current = by_id.get(current.parent_id) if current.parent_id is not None else None
        if current is not None and current.id in place:
            loop = path[place[current.id] :]
            first = min(range(len(loop)), key=lambda index: _order(loop[index]))
            loops.append(loop[first:] + loop[:first])
        walked.update(seat.id for seat in path)
    return loops


def loop_text(loop: Sequence[Seat]) -> str:
    """``Sales (S-4) sits under Marketing (S-5), which sits under Sales (S-4)``: a loop in words."""
    named = [f"{seat.name} ({seat.id})" for seat in [*loop, loop[0]]]
    if len(loop) == 1:
        return f"{named[0]} sits under itself"
    return f"{named[0]} sits under " + ", which sits under ".join(named[1:])


def loop_warnings(seats: Sequence[Seat]) -> list[str]:
    """A line per loop of parents for the chart's readers (the list, the page, the screen): plain text."""
    return [
        f"a loop of seat parents, drawn from the top: {loop_text(loop)} (cadence check; cadence seat move breaks it)"
        for loop in parent_loops(seats)
    ]


def empty_seats(seats: Sequence[Seat]) -> list[Seat]:
    """Seats with nobody in them, in chart order."""
    return [line.seat for line in chart_lines(seats) if not line.seat.person_ids]


def stretched_people(seats: Sequence[Seat]) -> dict[str, list[str]]:
    """People in more than ``MAX_SEATS_PER_PERSON`` seats: person id -> the seat ids, in chart order."""
    held: dict[str, list[str]] = {}
    for line in chart_lines(seats):
        for person_id in line.seat.person_ids:
            held.setdefault(person_id, []).append(line.seat.id)
    return {person: ids for person, ids in held.items() if len(ids) > MAX_SEATS_PER_PERSON}


def flag_summary(seats: Sequence[Seat], names: Mapping[str, str]) -> str:
    """One line: how many seats, which are empty, who is in too many (plain text; the caller escapes it)."""
    if not seats:
        return "No seats yet."
    parts = [f"{len(seats)} seat{'s' if len(seats) != 1 else ''}"]
    empty = empty_seats(seats)
    if empty:
        parts.append(f"{len(empty)} with nobody: " + ", ".join(seat.name for seat in empty))
    stretched = stretched_people(seats)
    if stretched:
        parts.append(
            f"in more than {MAX_SEATS_PER_PERSON} seats: "
            + ", ".join(f"{names.get(person, person)} ({len(ids)})" for person, ids in stretched.items())
        )
    if not empty and not stretched:
        parts.append("every seat filled, nobody in more than " + str(MAX_SEATS_PER_PERSON))
    return " · ".join(parts)


def chart_markdown(seats: Sequence[Seat], names: Mapping[str, str], company: str) -> str:
    """The chart as a nested Markdown list: each seat with its people, its roles numbered, then the seats under it.

    Roles are a numbered list and seats a bulleted one, so under a seat the two read as two lists.
    """
    lines = [f"# {cell(company)}: Accountability chart", ""]
    if not seats:
        lines += ["_No seats yet._", ""]
        return "\n".join(lines)
    stretched = stretched_people(seats)
    for line in chart_lines(seats):
        seat = line.seat
        indent = "  " * line.depth
        word = KIND_WORDS[seat.seat_kind]
        kind = f" ({word})" if seat.seat_kind in TOP_KINDS and seat.name.casefold() != word.casefold() else ""
        people = ", ".join(
            cell(names.get(person, person)) + (" ⚑" if person in stretched else "") for person in seat.person_ids
        )
        lines.append(f"{indent}- **{cell(seat.name)}**{kind}: {people or '_nobody_ ⚑'}")
        for number, role in enumerate(seat.roles, start=1):  # numbered: a list apart from the seats under it
            lines.append(f"{indent}  {number}. {cell(role)}")
    lines.append("")
    lines.append(f"⚑ {cell(flag_summary(seats, names))}")
    lines.append("")
    for warning in loop_warnings(seats):
        lines += [f"⚑ {cell(warning)}", ""]
    return "\n".join(lines)

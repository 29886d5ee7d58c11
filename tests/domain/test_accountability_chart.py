"""The chart's tree, flags and loop checks, from seats alone (no workspace)."""

from __future__ import annotations

from cadence.domain.accountability import (
    MAX_SEATS_PER_PERSON,
    chart_lines,
    chart_markdown,
    empty_seats,
    flag_summary,
    loop_text,
    loop_warnings,
    parent_loops,
    stretched_people,
    would_loop,
)
from cadence.domain.models import Seat, SeatKind


def seat(number: int, name: str, parent: int | None = None, people: tuple[str, ...] = (), **fields: object) -> Seat:
    return Seat(
        id=f"ST-{number}",
        name=name,
        parent_id=f"ST-{parent}" if parent else None,
        person_ids=list(people),
        **fields,  # type: ignore[arg-type]
    )


CHART = [
    seat(4, "Ops", 2, ("P-3",)),
    seat(1, "Visionary", None, ("P-1",), seat_kind=SeatKind.VISIONARY),
    seat(3, "Sales", 2, ("P-2",)),
    seat(2, "Integrator", 1, ("P-2",), seat_kind=SeatKind.INTEGRATOR),
    seat(5, "Accounts", 3),
]


def test_the_tree_is_drawn_top_down_in_the_order_seats_were_added() -> None:
    assert [(line.prefix + line.seat.name) for line in chart_lines(CHART)] == [
        "Visionary",
        "└─ Integrator",
        "   ├─ Sales",
        "   │  └─ Accounts",
        "   └─ Ops",
    ]
    assert [line.depth for line in chart_lines(CHART)] == [0, 1, 2, 3, 2]


def test_a_missing_parent_or_a_loop_still_draws_every_seat_once() -> None:
    broken = [
        seat(1, "Orphan", 9),
        seat(2, "A", 3),
        seat(3, "B", 2),
        seat(4, "Self", 4),
    ]
    drawn = [line.seat.id for line in chart_lines(broken)]
    assert sorted(drawn) == ["ST-1", "ST-2", "ST-3", "ST-4"]
    assert len(drawn) == len(set(drawn))


def test_loops_are_seen_before_a_move() -> None:
    assert would_loop(CHART, "ST-3", "ST-5"), "Accounts sits under Sales"
    assert would_loop(CHART, "ST-1", "ST-5"), "everything sits under the Visionary"
    assert would_loop(CHART, "ST-3", "ST-3")
    assert not would_loop(CHART, "ST-5", "ST-4")


def test_flags_name_the_empty_seats_and_the_stretched_people() -> None:
    assert [s.name for s in empty_seats(CHART)] == ["Accounts"]
    assert stretched_people(CHART) == {}
    busy = [*CHART, seat(6, "Finance", 2, ("P-2",))]
    assert MAX_SEATS_PER_PERSON == 2
    assert stretched_people(busy) == {"P-2": ["ST-2", "ST-3", "ST-6"]}
    names = {"P-1": "Ann", "P-2": "Bob", "P-3": "Cy"}
    assert flag_summary(busy, names) == "6 seats · 1 with nobody: Accounts · in more than 2 seats: Bob (3)"
    filled = [s for s in CHART if s.person_ids]
    assert flag_summary(filled, names) == "4 seats · every seat filled, nobody in more than 2"


def test_markdown_nests_seats_with_numbered_roles() -> None:
    chart = [*CHART[:4], seat(5, "Accounts", 3, roles=["Renewals", "1. Onboarding"])]
    page = chart_markdown(chart, {"P-1": "Ann", "P-2": "Bob", "P-3": "Cy"}, "Acme")
    assert page.splitlines() == [
        "# Acme: Accountability chart",
        "",
        "- **Visionary**: Ann",
        "  - **Integrator**: Bob",
        "    - **Sales**: Bob",
        "      - **Accounts**: _nobody_ ⚑",
        "        1. Renewals",
        "        2. 1\\. Onboarding",
        "    - **Ops**: Cy",
        "",
        "⚑ 5 seats · 1 with nobody: Accounts",
    ]


def test_each_loop_of_parents_is_found_once_from_its_first_seat() -> None:
    seats = [
        seat(1, "Visionary", None, seat_kind=SeatKind.VISIONARY),
        seat(6, "Tail", 4),  # under a loop, not in it
        seat(4, "Four", 5),
        seat(5, "Five", 3),
        seat(3, "Three", 4),  # 3 under 4 under 5 under 3
        seat(7, "Alone", 7),  # under itself
    ]
    loops = parent_loops(seats)
    assert [[item.id for item in loop] for loop in loops] == [["ST-3", "ST-4", "ST-5"], ["ST-7"]]
    assert loop_text(loops[0]) == (
        "Three (ST-3) sits under Four (ST-4), which sits under Five (ST-5), which sits under Three (ST-3)"
    )
    assert loop_text(loops[1]) == "Alone (ST-7) sits under itself"
    assert len(loop_warnings(seats)) == 2
    assert sorted(line.seat.id for line in chart_lines(seats)) == sorted(item.id for item in seats), "all drawn"
    assert parent_loops(CHART) == [] and loop_warnings(CHART) == []

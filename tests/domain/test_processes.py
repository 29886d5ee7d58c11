"""Core processes' pure rules: which step numbers exist, how a move reorders, and the Markdown page."""

from __future__ import annotations

from cadence.domain.models import Process
from cadence.domain.processes import moved, processes_markdown, status_line, step_problem


def ship(steps: list[str]) -> Process:
    return Process(id="PR-1", name="Ship", owner_id="P-1", steps=steps, documented=True)


def test_step_numbers_start_at_one_and_extra_allows_a_new_last_step() -> None:
    process = ship(["Pack", "Label"])
    assert step_problem(process, 1) is None and step_problem(process, 2) is None
    assert step_problem(process, 3) == "step: 3 is not a step of Ship (it has steps 1 to 2)"
    assert step_problem(process, 0) is not None
    assert step_problem(process, 3, extra=1) is None
    assert step_problem(ship([]), 1) == "step: Ship has no steps yet"
    assert step_problem(ship([]), 1, extra=1) is None


def test_a_move_keeps_the_other_steps_in_order() -> None:
    assert moved(["a", "b", "c", "d"], 0, 2) == ["b", "c", "a", "d"]
    assert moved(["a", "b", "c", "d"], 3, 0) == ["d", "a", "b", "c"]
    assert moved(["a", "b"], 1, 1) == ["a", "b"]


def test_the_page_lists_owner_statuses_and_numbered_steps() -> None:
    page = processes_markdown([ship(["Pack", "Label"]), Process(id="PR-2", name="Bill")], {"P-1": "Ann"}, "Acme")
    assert page == (
        "# Acme: Core processes\n\n"
        "## Ship\n\n- Owner: Ann\n- Documented: yes\n- Followed by all: no\n\n1. Pack\n2. Label\n\n"
        "## Bill\n\n- Owner: (no owner)\n- Documented: no\n- Followed by all: no\n\n_No steps yet._\n"
    )
    assert processes_markdown([], {}, "") == "# Core processes\n\n_No core processes yet._\n"
    assert status_line(ship([])) == "documented: yes · followed by all: no"

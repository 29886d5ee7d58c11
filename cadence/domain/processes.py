"""Core processes: the rules for a process's steps, its status words, and its Markdown page.

A core process is the handful of steps everyone follows to do one thing the
company's way (quote to order, month-end close). The method asks two things
of each: is it documented, and is it followed by all. Both are shown
together wherever a process is listed, so "documented but not followed"
stands out.

Steps are a checklist in order; people name a step by its number (1 is the
first), so the checks for "which step" live here, once, for the CLI and the
app. Pure: no I/O; user text goes through ``minutes_markdown``'s escaping
when it becomes Markdown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from cadence.domain.minutes_markdown import cell, literal
from cadence.domain.models import Process

NO_OWNER = "(no owner)"


def yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def step_problem(process: Process, number: int, extra: int = 0) -> str | None:
    """Why ``number`` (1-based) is not a step of the process, or ``None``; ``extra=1`` allows a new last step."""
    count = len(process.steps) + extra
    if count == 0:
        return f"step: {process.name} has no steps yet"
    if not 1 <= number <= count:
        return f"step: {number} is not a step of {process.name} (it has steps 1 to {count})"
    return None


def moved(steps: Sequence[str], old: int, new: int) -> list[str]:
    """The steps with the one at index ``old`` now at index ``new``, the rest in their order."""
    order = list(steps)
    step = order.pop(old)
    order.insert(new, step)
    return order


def status_line(process: Process) -> str:
    """``documented: yes · followed by all: no``."""
    return f"documented: {yes_no(process.documented)} · followed by all: {yes_no(process.followed_by_all)}"


def process_sections(process: Process, owner: str) -> list[str]:
    """One process as a ``##`` section: owner and statuses, then its steps as a numbered checklist."""
    lines = [
        f"## {cell(process.name)}",
        "",
        f"- Owner: {cell(owner) if owner else NO_OWNER}",
        f"- Documented: {yes_no(process.documented)}",
        f"- Followed by all: {yes_no(process.followed_by_all)}",
        "",
    ]
    if not process.steps:
        lines.append("_No steps yet._")
    lines += [f"{number}. {cell(step)}" for number, step in enumerate(process.steps, start=1)]
    return lines


def processes_markdown(processes: Sequence[Process], names: Mapping[str, str], company: str = "") -> str:
    """A page of core processes (one, or all of them), each under its own heading; ends with one newline."""
    title = (f"{literal(company)}: " if company.strip() else "") + "Core processes"
    lines = [f"# {title}"]
    if not processes:
        lines += ["", "_No core processes yet._"]
    for process in processes:
        owner = names.get(process.owner_id, process.owner_id) if process.owner_id else ""
        lines += ["", *process_sections(process, owner)]
    return "\n".join(lines) + "\n"

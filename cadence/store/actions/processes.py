"""Core processes' writes: add, rename, set the owner, edit the steps, tick the two statuses, delete.

``cadence process ...`` and the app's Core processes screen (Vision ``p``)
call these and nothing else, so the same things are refused whoever writes:
an empty or taken name, an unknown or inactive owner, a step number that is
not a step. A refusal raises ``InputError`` inside the transaction, so the
file is left as it was.

Processes stay live (no archive): the list is how the company works now.
Names are unique (any case) because processes are picked by name.
"""

from __future__ import annotations

from collections.abc import Sequence

from cadence.domain.models import Process
from cadence.domain.processes import moved, step_problem
from cadence.store.errors import InputError
from cadence.store.transaction import Transaction
from cadence.store.view import View


def _unique_name(view: View, name: str, except_id: str | None = None) -> str:
    wanted = name.strip()
    if not wanted:
        raise InputError("name: required")
    for process in view.processes:
        if process.id != except_id and process.name.casefold() == wanted.casefold():
            raise InputError(f"name: there is already a process named {process.name!r} ({process.id})")
    return wanted


def _owner(view: View, text: str | None) -> str | None:
    """The owner's id; blank or ``None`` means no owner. An inactive person is refused."""
    if text is None or not text.strip():
        return None
    person = view.find_person(text)
    if not person.active:
        raise InputError(f"owner: {person.name} is inactive (cadence person activate brings them back)")
    return person.id


def _step_text(text: str) -> str:
    step = text.strip()
    if not step:
        raise InputError("step: the text is empty")
    return step


def _index(process: Process, number: int, extra: int = 0) -> int:
    problem = step_problem(process, number, extra)
    if problem is not None:
        raise InputError(problem)
    return number - 1


def add_process(tx: Transaction, name: str, owner: str | None = None, steps: Sequence[str] = ()) -> Process:
    """A new process, not yet documented nor followed by all; blank steps are refused."""
    wanted = _unique_name(tx, name)
    return tx.add(Process, name=wanted, owner_id=_owner(tx, owner), steps=[_step_text(step) for step in steps])


def rename_process(tx: Transaction, process_text: str, name: str) -> Process:
    process = tx.find_process(process_text)
    return tx.save(process, name=_unique_name(tx, name, except_id=process.id))


def set_process_owner(tx: Transaction, process_text: str, owner: str | None) -> Process:
    """Give the process an owner (a blank or ``None`` owner: nobody)."""
    process = tx.find_process(process_text)
    return tx.save(process, owner_id=_owner(tx, owner))


def add_step(tx: Transaction, process_text: str, text: str, at: int | None = None) -> Process:
    """A step at number ``at`` (1-based; the others move down), or last when ``at`` is ``None``."""
    process = tx.find_process(process_text)
    step = _step_text(text)
    index = len(process.steps) if at is None else _index(process, at, extra=1)
    steps = list(process.steps)
    steps.insert(index, step)
    return tx.save(process, steps=steps)


def edit_step(tx: Transaction, process_text: str, number: int, text: str) -> Process:
    process = tx.find_process(process_text)
    index = _index(process, number)
    step = _step_text(text)
    steps = list(process.steps)
    steps[index] = step
    return tx.save(process, steps=steps)


def move_step(tx: Transaction, process_text: str, number: int, to: int) -> Process:
    """Step ``number`` becomes step ``to``; the steps between shift by one."""
    process = tx.find_process(process_text)
    old = _index(process, number)
    new = _index(process, to)
    return tx.save(process, steps=moved(process.steps, old, new))


def remove_step(tx: Transaction, process_text: str, number: int) -> tuple[Process, str]:
    """Take step ``number`` out; returns the process and the step's text."""
    process = tx.find_process(process_text)
    index = _index(process, number)
    steps = list(process.steps)
    gone = steps.pop(index)
    return tx.save(process, steps=steps), gone


def set_documented(tx: Transaction, process_text: str, documented: bool) -> Process:
    process = tx.find_process(process_text)
    return tx.save(process, documented=documented)


def set_followed_by_all(tx: Transaction, process_text: str, followed: bool) -> Process:
    process = tx.find_process(process_text)
    return tx.save(process, followed_by_all=followed)


def delete_process(tx: Transaction, process_text: str) -> Process:
    process = tx.find_process(process_text)
    tx.delete(process)
    return process

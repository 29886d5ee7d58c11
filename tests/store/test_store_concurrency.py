"""Locked read-modify-write: processes and stale Workspace objects never lose or clash on an add."""

from __future__ import annotations

import multiprocessing
import time
import traceback
from pathlib import Path

import pytest

from cadence.domain.ids import Kind
from cadence.domain.models import Person
from cadence.store import Workspace
from store_helpers import raw

PROCESSES = 8
ADDS_EACH = 100


def _adder(folder: str, worker: int, start, results) -> None:
    """One process: ADDS_EACH separate transactions, each adding one person."""
    try:
        # Generous: filelock polls, so one busy writer can keep the others waiting for a while.
        workspace = Workspace(folder, lock_timeout=120)
        start.wait(timeout=60)
        ids = []
        for number in range(ADDS_EACH):
            with workspace.transaction() as txn:
                ids.append(txn.add(Person, name=f"worker {worker} add {number}").id)
        results.put((worker, "ok", ids))
    except BaseException:  # noqa: BLE001 - reported to the parent, which fails the test
        results.put((worker, "error", traceback.format_exc()))
        raise


@pytest.mark.slow
def test_eight_processes_adding_at_once_keep_every_add(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    Workspace.create(folder, company="Acme")
    context = multiprocessing.get_context("fork")
    start = context.Event()
    results = context.Queue()
    workers = [context.Process(target=_adder, args=(str(folder), n, start, results)) for n in range(PROCESSES)]
    began = time.perf_counter()
    for worker in workers:
        worker.start()
    start.set()
    reports = [results.get(timeout=300) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    seconds = time.perf_counter() - began

    errors = [report for report in reports if report[1] != "ok"]
    assert not errors, "\n".join(str(report[2]) for report in errors)
    assert [worker.exitcode for worker in workers] == [0] * PROCESSES

    snapshot = Workspace(folder).read()  # parses and validates every record
    people = snapshot.people
    numbers = sorted(int(person.id.removeprefix("P-")) for person in people)
    print(f"\nconcurrency: {len(people)} records from {PROCESSES} processes x {ADDS_EACH} adds in {seconds:.2f}s")
    assert len(people) == PROCESSES * ADDS_EACH
    assert numbers == list(range(1, PROCESSES * ADDS_EACH + 1))
    assert snapshot.meta.counters == {Kind.PERSON.value: PROCESSES * ADDS_EACH}

    # Every process got the ids it was told about, and no two processes were told the same one.
    told = [person_id for report in reports for person_id in report[2]]
    assert sorted(told) == sorted(person.id for person in people)
    names = {person.id: person.name for person in people}
    for worker, _, ids in reports:
        assert [names[person_id] for person_id in ids] == [f"worker {worker} add {n}" for n in range(ADDS_EACH)]
    # The raw file agrees with the snapshot (TinyDB layout: doc id = id number).
    assert sorted(int(doc_id) for doc_id in raw(Workspace(folder))["people"]) == numbers


def test_two_workspace_objects_taking_turns_see_each_other(folder: Path) -> None:
    """Two long-lived Workspace objects on one folder, as two sessions would hold: no stale ids."""
    Workspace.create(folder, company="Acme")
    first, second = Workspace(folder), Workspace(folder)
    expected: list[str] = []
    for turn in range(50):
        for label, workspace, other in (("a", first, second), ("b", second, first)):
            with workspace.transaction() as txn:
                added = txn.add(Person, name=f"{label} {turn}")
            expected.append(added.id)
            # The other session's next read sees this add straight away.
            seen = other.read()
            assert [person.id for person in seen.people] == expected
            assert seen.get(Kind.PERSON, added.id) == added
    final = first.read()
    assert len(final.people) == 100
    assert [person.id for person in final.people] == [f"P-{n}" for n in range(1, 101)]
    assert [person.name for person in final.people] == [f"{label} {t}" for t in range(50) for label in "ab"]


def test_a_transaction_reads_the_file_afresh_even_after_an_outside_edit(folder: Path) -> None:
    """A session whose file was replaced behind its back (git checkout, another tool) uses the new file."""
    Workspace.create(folder, company="Acme")
    session = Workspace(folder)
    with session.transaction() as txn:
        txn.add(Person, name="one")
    other = Workspace(folder)
    with other.transaction() as txn:
        txn.add(Person, name="two")
        txn.add(Person, name="three")
    with session.transaction() as txn:
        assert [p.name for p in txn.people] == ["one", "two", "three"]
        assert txn.add(Person, name="four").id == "P-4"
    assert [p.id for p in session.read().people] == ["P-1", "P-2", "P-3", "P-4"]

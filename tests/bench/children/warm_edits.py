"""Child of figure 3: one edit in a warm app session against writing the same bytes, interleaved.

``warm_edits.py FOLDER OWNER MEASURABLE_ID ROUNDS``: loads the workspace once in a
``WorkspaceSession`` (as the app does), then each round times, in turn, the
floor (the live file's bytes written to a temp file, fsynced, renamed, folder
fsynced: the least an atomic write of that file costs) and one edit through
``session.write_blocking`` with the store's actions: add a to-do, set a score,
solve an open issue into two to-dos (a floor before each). One untimed warm-up
round first (the day's first write copies the file to backups/). Prints
every timing as JSON.
"""

import json
import os
import sys
import tempfile
import time
from pathlib import Path


def write_floor(folder: Path, payload: bytes) -> float:
    started = time.perf_counter()
    descriptor, temp = tempfile.mkstemp(dir=folder, prefix=".bench-floor.")
    try:
        os.write(descriptor, payload)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    os.replace(temp, folder / "bench-floor.json")
    folder_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(folder_fd)
    finally:
        os.close(folder_fd)
    return time.perf_counter() - started


def main() -> None:
    from cadence.store import clock_from_environment
    from cadence.store.actions import issues, scorecard, todos
    from cadence.tui.session import WorkspaceSession

    folder, owner, measurable_id, rounds = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
    session = WorkspaceSession(folder, clock_from_environment())
    today = session.today()
    open_issues = [issue.id for issue in session.snapshot.issues if issue.status.value == "open"]
    counter = iter(range(10**6))

    def add_todo(tx):  # type: ignore[no-untyped-def]
        return todos.add_todo(tx, f"Bench to-do {next(counter)}", owner, today)

    def set_score(tx):  # type: ignore[no-untyped-def]
        return scorecard.set_score(tx, measurable_id, str(100 + next(counter)), today)

    def solve(tx):  # type: ignore[no-untyped-def]
        issue_id = open_issues.pop()
        todo_pair = [(f"Bench follow-up {next(counter)}", owner), (f"Bench check {next(counter)}", owner)]
        return issues.solve_issue(tx, issue_id, "Bench decision", today, todo_pair)

    edits = {"add a to-do": add_todo, "set a score": set_score, "solve an issue into two to-dos": solve}
    timings: dict[str, list[float]] = {name: [] for name in ["floor", *edits]}
    for round_number in range(rounds + 1):
        for name, edit in edits.items():
            payload = (folder / "cadence.json").read_bytes()
            floor = write_floor(folder, payload)
            started = time.perf_counter()
            session.write_blocking(edit)
            took = time.perf_counter() - started
            if round_number:  # round 0 warms up
                timings["floor"].append(floor)
                timings[name].append(took)
    (folder / "bench-floor.json").unlink()
    print(json.dumps(timings))


if __name__ == "__main__":
    main()

"""How long one scorecard cell write takes on a large workspace, as a ratio to writing the same bytes.

Run: ``python -m tests.bench.bench_store [--runs 15] [--records 20000]``. Builds a
workspace from the bundled demo plus ``--records`` old scores and done to-dos
(generated as JSON with the store's own encoder, so building it is quick), then
times, in the same run:

- the baseline: writing the file's bytes with temp file + fsync + rename, the
  least any atomic write of that file can cost;
- parsing the file (``json.loads``), the least any read can cost;
- the write the TUI session did before issue 10: ``transaction()`` + a full
  re-read + a stat;
- ``Workspace.apply``: the write the session does now;
- ``read_if_changed``: a poll that finds a change (full read) and one that
  does not (one stat).

To get "before" figures, copy this file into an older checkout and run it
there (the cases that need ``Workspace.apply`` are left out).

Prints medians and ratios; asserts nothing (timings on shared machines are
noisy, so the suite never fails on speed).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from cadence.domain.ids import id_number
from cadence.domain.models import Score, Todo
from cadence.locations import demo_workspace_dir
from cadence.store import Workspace, actions
from cadence.store.fileformat import encode

CELL = "M-1"


def build_large_workspace(folder: Path, records: int) -> Path:
    """The demo plus ``records`` extra rows: three quarters scores in earlier weeks, a quarter done to-dos."""
    data = json.loads((demo_workspace_dir() / "cadence.json").read_bytes())
    counters = data["_meta"]["1"]["counters"]
    measurable_ids = sorted(data["measurables"].values(), key=lambda m: id_number(m["id"]))
    first_week = date(2000, 1, 3)  # a Monday, long before the demo's weeks
    next_score = max(int(key) for key in data["scores"]) + 1
    scores = records * 3 // 4
    for offset in range(scores):
        measurable = measurable_ids[offset % len(measurable_ids)]
        week = first_week + timedelta(weeks=offset // len(measurable_ids))
        score = Score(id=f"S-{next_score}", measurable_id=measurable["id"], week=week, value=float(offset % 97))
        data["scores"][str(next_score)] = score.model_dump(mode="json")
        next_score += 1
    next_todo = max(int(key) for key in data["todos"]) + 1
    for offset in range(records - scores):
        day = first_week + timedelta(days=offset % 9000)
        todo = Todo(
            id=f"T-{next_todo}",
            title=f"Old action item number {offset}",
            owner_id="P-1",
            due=day + timedelta(days=7),
            created=day,
            done=True,
            done_on=day + timedelta(days=3),
        )
        data["todos"][str(next_todo)] = todo.model_dump(mode="json")
        next_todo += 1
    counters["scores"], counters["todos"] = next_score - 1, next_todo - 1
    folder.mkdir(parents=True)
    path = folder / "cadence.json"
    path.write_bytes(encode(data))
    return path


def median_seconds(action: Callable[[], object], runs: int) -> float:
    action()  # warm up: imports, caches, the first-write-of-the-day backup
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def write_bytes_atomically(folder: Path, payload: bytes) -> None:
    """Temp file + fsync + rename + folder fsync, nothing else: the floor for an atomic write."""
    descriptor, temp = tempfile.mkstemp(dir=folder, prefix=".baseline.")
    try:
        os.write(descriptor, payload)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    os.replace(temp, folder / "baseline.json")
    folder_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(folder_fd)
    finally:
        os.close(folder_fd)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--records", type=int, default=20000)
    options = parser.parse_args()
    root = Path(tempfile.mkdtemp())
    try:
        path = build_large_workspace(root / "ws", options.records)
        workspace = Workspace(root / "ws")
        payload = path.read_bytes()
        today = date.today()
        values = iter(range(10**9))

        def set_cell(tx):  # type: ignore[no-untyped-def]
            return actions.set_score(tx, CELL, str(1000 + next(values)), today)

        def old_session_write() -> None:
            with workspace.transaction() as tx:
                set_cell(tx)
            workspace.read()
            workspace.fingerprint()

        def poll_that_finds_a_change() -> None:
            workspace.read_if_changed(None)

        cases: dict[str, Callable[[], object]] = {
            "write same bytes atomically": lambda: write_bytes_atomically(root, payload),
            "json.loads of the file": lambda: json.loads(payload),
            "transaction + re-read (before)": old_session_write,
        }
        if hasattr(Workspace, "apply"):  # so the same file can time an older checkout, for "before" figures
            cases["Workspace.apply(set_score)"] = lambda: workspace.apply(set_cell)
            cases["read_if_changed: changed"] = poll_that_finds_a_change
            cases["read_if_changed: unchanged"] = lambda: workspace.read_if_changed(workspace.fingerprint())
        baseline = median_seconds(cases["write same bytes atomically"], options.runs)
        size = path.stat().st_size
        print(
            f"{'case':34} {'median':>9} {'x baseline':>11}   "
            f"({options.runs} runs, {size / 1e6:.1f} MB workspace, {options.records} extra records)"
        )
        for name, action in cases.items():
            seconds = baseline if name.startswith("write same bytes") else median_seconds(action, options.runs)
            print(f"{name:34} {seconds * 1000:7.1f}ms {seconds / baseline:10.1f}x")
    finally:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()

"""How long one scripted command takes, as a ratio to starting Python itself, measured in the same run.

Run: ``python -m tests.bench.bench_cli [--runs 15]``. Prints medians; asserts nothing
(timings on shared machines are noisy, so the suite never fails on speed).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cadence.locations import demo_workspace_dir


def median_seconds(command: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    folder = Path(tempfile.mkdtemp()) / "ws"
    folder.mkdir()
    shutil.copy2(demo_workspace_dir() / "cadence.json", folder / "cadence.json")
    cadence = [sys.executable, "-m", "cadence", "--workspace", str(folder)]
    cases = {
        "python -c pass (baseline)": [sys.executable, "-c", "pass"],
        "cadence --version": [*cadence, "--version"],
        "cadence todo list": [*cadence, "todo", "list"],
        "cadence todo add": [*cadence, "todo", "add", "Benchmark to-do", "--owner", "Dana"],
        "cadence score show": [*cadence, "score", "show"],
    }
    baseline = median_seconds(cases["python -c pass (baseline)"], runs)
    print(f"{'command':32} {'median':>9} {'x baseline':>11}   ({runs} runs, demo workspace)")
    for name, command in cases.items():
        seconds = baseline if name.endswith("(baseline)") else median_seconds(command, runs)
        print(f"{name:32} {seconds * 1000:7.1f}ms {seconds / baseline:10.1f}x")
    shutil.rmtree(folder.parent)


if __name__ == "__main__":
    main()

"""Running the children the figures time: one environment for all, wall time and peak memory per process.

Every child gets the same pinned day (``CADENCE_TODAY``), its own empty config,
data and cache folders (no user's settings or theme leak in), and
``PYTHONPATH`` set to the code under test (``--code DIR``: an older checkout
for "before" figures), run from a scratch folder so ``python -m cadence``
imports that code and nothing in the current directory. A child's peak RSS
comes from ``os.wait4`` (the kernel's own count for that one process).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CHILDREN = Path(__file__).resolve().parent / "children"
TODAY = "2026-11-30"
TIMEOUT = 1800.0  # a child that hangs (waiting for a screen that never comes) is killed; old code on org x2 is slow


@dataclass
class Finished:
    seconds: float
    started_at: float  # time.time() just before the process started
    stdout: str
    stderr: str
    maxrss_kib: int

    def json(self) -> dict:  # type: ignore[type-arg]
        """The child's last line of output, parsed."""
        return json.loads(self.stdout.strip().splitlines()[-1])


class Runner:
    """Starts children with the code under test; keeps one scratch folder for their home and config."""

    def __init__(self, code: Path | None, scratch: Path) -> None:
        self.code = (code or REPO).resolve()
        self.scratch = scratch
        home = scratch / "home"
        for name in ("config", "data", "cache"):
            (home / name).mkdir(parents=True, exist_ok=True)
        self.env = {
            **os.environ,
            "CADENCE_TODAY": TODAY,
            "PYTHONPATH": str(self.code),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        for name in ("CADENCE_WORKSPACE", "NO_COLOR", "TEXTUAL"):
            self.env.pop(name, None)

    def cadence(self, folder: Path, *args: str) -> list[str]:
        return [sys.executable, "-m", "cadence", "--workspace", str(folder), *args]

    def child(self, script: str, *args: str) -> list[str]:
        return [sys.executable, str(CHILDREN / script), *args]

    def run(self, command: Sequence[str], *, extra_env: dict[str, str] | None = None) -> Finished:
        """Run to the end; raise with its stderr if it fails."""
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            started_at = time.time()
            started = time.perf_counter()
            process = subprocess.Popen(
                list(command), stdout=out, stderr=err, cwd=self.scratch, env={**self.env, **(extra_env or {})}
            )
            watchdog = threading.Timer(TIMEOUT, process.kill)
            watchdog.start()
            try:
                _pid, status, usage = os.wait4(process.pid, 0)
            finally:
                watchdog.cancel()
            seconds = time.perf_counter() - started
            process.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            err.seek(0)
            stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
        if process.returncode:
            raise RuntimeError(f"{' '.join(command)} exited {process.returncode}:\n{stderr[-3000:]}")
        return Finished(seconds, started_at, stdout, stderr, usage.ru_maxrss)


def interleaved(cases: dict[str, Callable[[], float]], runs: int, warmup: bool = True) -> dict[str, list[float]]:
    """Each case once per round, in turn (A B C A B C ...), ``runs`` rounds; one untimed round first."""
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for round_number in range(runs + (1 if warmup else 0)):
        for name, case in cases.items():
            value = case()
            if round_number or not warmup:
                samples[name].append(value)
    return samples


def median(values: Sequence[float]) -> float:
    return statistics.median(values)

"""A real ``cadence serve`` on a free loopback port, for the HTTP and browser tests.

The server is the command a user runs (a subprocess), so what is tested is
what ships: the printed link is read from its output, its log from stderr.
"""

from __future__ import annotations

import queue
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from cadence.locations import demo_workspace_dir

LINK = re.compile(r"(http://127\.0\.0\.1:(\d+))/\?token=([A-Za-z0-9_\-]+)")
START_SECONDS = 30


@dataclass
class Served:
    """A running server: its base URL, login token, workspace folder and log so far."""

    process: subprocess.Popen[str]
    base: str
    port: int
    token: str
    folder: Path
    log_lines: list[str] = field(default_factory=list)

    @property
    def link(self) -> str:
        return f"{self.base}/?token={self.token}"

    @property
    def workspace_file(self) -> Path:
        return self.folder / "cadence.json"

    def log(self) -> str:
        return "".join(self.log_lines)

    def wait_for_log(self, pattern: str, timeout: float = 20) -> str:
        """The first log line matching ``pattern``, waiting for it (bounded) as the server writes it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.log_lines):
                if re.search(pattern, line):
                    return line
            self._new_log_line.wait(timeout=0.2)
            self._new_log_line.clear()
        raise AssertionError(f"no log line like {pattern!r} in:\n{self.log()}")

    def follow_log(self) -> None:
        """Keep the server's stderr (its log) as it is written; runs in a thread until the server ends."""
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.log_lines.append(line)
            self._new_log_line.set()

    def __post_init__(self) -> None:
        self._new_log_line = threading.Event()


def start_server(folder: Path, *options: str) -> Served:
    """``cadence --workspace FOLDER serve --port 0 OPTIONS``, once it has printed its link."""
    process = subprocess.Popen(
        [sys.executable, "-m", "cadence", "--workspace", str(folder), "serve", "--port", "0", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=folder.parent,
    )
    lines: queue.Queue[str] = queue.Queue()
    assert process.stdout is not None and process.stderr is not None
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()  # type: ignore[union-attr]
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            assert process.poll() is None, process.stderr.read()
            continue
        match = LINK.search(line)
        if match:
            served = Served(process, match.group(1), int(match.group(2)), match.group(3), folder)
            threading.Thread(target=served.follow_log, daemon=True).start()
            return served
    process.kill()
    raise AssertionError("cadence serve printed no link")


def stop_server(served: Served) -> None:
    served.process.terminate()
    try:
        served.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        served.process.kill()
        served.process.wait()


@pytest.fixture
def team_folder(tmp_path: Path) -> Path:
    """A copy of the demo workspace."""
    folder = tmp_path / "team"
    folder.mkdir()
    shutil.copy2(demo_workspace_dir() / "cadence.json", folder / "cadence.json")
    return folder


@pytest.fixture
def served(team_folder: Path) -> Iterator[Served]:
    server = start_server(team_folder)
    yield server
    stop_server(server)

"""A real ``cadence serve`` on a free loopback port, for the HTTP and browser tests.

The server is the command a user runs (a subprocess), so what is tested is
what ships: the printed link is read from its output, its log from stderr,
each kept by a thread as the server writes it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pytest
from cadence.locations import demo_workspace_dir

LINK = re.compile(r"(http://127\.0\.0\.1:(\d+))/\?token=([A-Za-z0-9_\-]+)")
START_SECONDS = 30


@dataclass
class Lines:
    """A stream's lines as they arrive, and a bounded wait for one like a pattern."""

    lines: list[str] = field(default_factory=list)
    arrived: threading.Event = field(default_factory=threading.Event)
    ended: bool = False

    def follow(self, stream: IO[str]) -> None:
        for line in stream:
            self.lines.append(line)
            self.arrived.set()
        self.ended = True
        self.arrived.set()

    def wait_for(self, pattern: str, timeout: float = 20) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.lines):
                if found := re.search(pattern, line):
                    return found
            if self.ended:
                break
            self.arrived.wait(timeout=0.2)
            self.arrived.clear()
        raise AssertionError(f"no line like {pattern!r} in:\n{''.join(self.lines)}")


@dataclass
class Served:
    """A running server: its base URL, login token, workspace folder, output and log."""

    process: subprocess.Popen[str]
    base: str
    port: int
    token: str
    folder: Path
    output: Lines
    errors: Lines

    @property
    def link(self) -> str:
        return f"{self.base}/?token={self.token}"

    @property
    def workspace_file(self) -> Path:
        return self.folder / "cadence.json"

    def log(self) -> str:
        return "".join(self.errors.lines)

    def wait_for_log(self, pattern: str, timeout: float = 20) -> str:
        """The first log line matching ``pattern``, waiting (bounded) for the server to write it."""
        return self.errors.wait_for(pattern, timeout).string


def start_server(folder: Path, *options: str) -> Served:
    """``cadence --workspace FOLDER serve --port 0 OPTIONS``, once it has printed its link."""
    process = subprocess.Popen(
        [sys.executable, "-m", "cadence", "--workspace", str(folder), "serve", "--port", "0", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=folder.parent,
    )
    assert process.stdout is not None and process.stderr is not None
    output, errors = Lines(), Lines()
    threading.Thread(target=output.follow, args=(process.stdout,), daemon=True).start()
    threading.Thread(target=errors.follow, args=(process.stderr,), daemon=True).start()
    try:
        link = output.wait_for(LINK.pattern, timeout=START_SECONDS)
    except AssertionError:
        process.kill()
        process.wait()
        raise AssertionError(f"cadence serve printed no link; it said:\n{''.join(errors.lines)}") from None
    return Served(process, link.group(1), int(link.group(2)), link.group(3), folder, output, errors)


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

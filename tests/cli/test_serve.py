"""``cadence serve`` answers on loopback with the textual-serve page, and binds 127.0.0.1 by default."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from cadence.cli.serve_command import serve_command_line


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_command_runs_this_python_on_the_workspace() -> None:
    line = serve_command_line("/srv/team space")
    assert line.startswith(sys.executable) and "-m cadence --workspace '/srv/team space'" in line


def test_serve_answers_on_loopback(tmp_path: Path, clean_env: dict[str, str]) -> None:
    folder = tmp_path / "ws"
    subprocess.run([sys.executable, "-m", "cadence", "init", str(folder)], check=True, env=clean_env)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "cadence", "--workspace", str(folder), "serve", "--port", str(port)],
        env=clean_env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        page = ""
        while time.monotonic() < deadline and not page:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    page = response.read().decode("utf-8", "replace")
            except OSError:
                assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
                time.sleep(0.2)  # waiting for the server to start listening, bounded by the deadline
        assert "cadence" in page.lower() and "textual" in page.lower()
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_refuses_a_missing_workspace(tmp_path: Path, clean_env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cadence", "--workspace", str(tmp_path / "none"), "serve"],
        env=clean_env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and "cadence init" in result.stderr

"""``cadence serve`` from the shell: what it prints, the token file, and what it refuses to start with."""

from __future__ import annotations

import socket
import stat
import subprocess
import sys
from pathlib import Path

from cadence.cli.serve_command import serve_command_line

from tests.serve.conftest import start_server, stop_server


def serve(folder: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """A run that is expected to stop by itself (refused), bounded in time."""
    return subprocess.run(
        [sys.executable, "-m", "cadence", "--workspace", str(folder), "serve", *options],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_each_tab_runs_this_python_on_the_workspace() -> None:
    line = serve_command_line("/srv/team space")
    assert line.startswith(sys.executable) and "-m cadence --workspace '/srv/team space'" in line


def test_a_missing_workspace_is_refused_before_listening(tmp_path: Path) -> None:
    result = serve(tmp_path / "none")
    assert result.returncode == 2 and "cadence init" in result.stderr


def test_the_link_and_the_tunnel_are_printed_and_nothing_is_written_to_the_workspace(team_folder: Path) -> None:
    before = sorted(path.name for path in team_folder.iterdir())
    served = start_server(team_folder)
    try:
        assert served.link.startswith("http://127.0.0.1:") and len(served.token) >= 40
        served.output.wait_for(rf"^From another machine: ssh -L {served.port}:127.0.0.1:{served.port} ")
    finally:
        stop_server(served)
    assert sorted(path.name for path in team_folder.iterdir()) == before
    assert served.token not in (team_folder / "cadence.json").read_text(encoding="utf-8")


def test_a_token_file_is_created_private_and_keeps_the_link(team_folder: Path, tmp_path: Path) -> None:
    token_file = tmp_path / "secrets" / "cadence-token"
    token_file.parent.mkdir()
    first = start_server(team_folder, "--token-file", str(token_file))
    stop_server(first)
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    assert token_file.read_text().strip() == first.token
    second = start_server(team_folder, "--token-file", str(token_file))
    stop_server(second)
    assert second.token == first.token


def test_a_token_file_others_can_read_is_refused(team_folder: Path, tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("x" * 43 + "\n")
    token_file.chmod(0o644)
    result = serve(team_folder, "--token-file", str(token_file), "--port", "0")
    assert result.returncode == 1
    assert "mode 0644" in result.stderr and "chmod 600" in result.stderr


def test_a_token_file_that_is_a_link_is_refused(team_folder: Path, tmp_path: Path) -> None:
    planted = tmp_path / "planted"
    planted.write_text("y" * 43)
    planted.chmod(0o600)
    link = tmp_path / "token"
    link.symlink_to(planted)
    result = serve(team_folder, "--token-file", str(link), "--port", "0")
    assert result.returncode == 1 and "not a link" in result.stderr


def test_a_token_file_in_the_workspace_is_refused(team_folder: Path) -> None:
    result = serve(team_folder, "--token-file", str(team_folder / "token"), "--port", "0")
    assert result.returncode == 1 and "inside the workspace folder" in result.stderr
    assert not (team_folder / "token").exists()


def test_a_short_token_in_the_file_is_refused(team_folder: Path, tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("1234")
    token_file.chmod(0o600)
    result = serve(team_folder, "--token-file", str(token_file), "--port", "0")
    assert result.returncode == 1 and "usable token" in result.stderr


def test_a_port_in_use_is_a_clear_error(team_folder: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = serve(team_folder, "--port", str(port))
    assert result.returncode == 1 and f"cannot listen on 127.0.0.1:{port}" in result.stderr


def test_a_public_url_must_be_a_url(team_folder: Path) -> None:
    result = serve(team_folder, "--public-url", "cadence.example.com")
    assert result.returncode == 1 and "https://cadence.example.com" in result.stderr


def test_listening_beyond_loopback_warns(team_folder: Path) -> None:
    """Bound to every address for the moment it takes to print; no traffic is sent to it."""
    served = start_server(team_folder, "--host", "0.0.0.0")
    try:
        warning = served.wait_for_log("warning: listening on 0.0.0.0, not loopback")
    finally:
        stop_server(served)
    assert "TLS" in warning and "SSH tunnel" in warning


def test_a_public_url_under_a_path_is_refused(team_folder: Path) -> None:
    result = serve(team_folder, "--public-url", "https://example.com/cadence")
    assert result.returncode == 1 and "root of a host name" in result.stderr

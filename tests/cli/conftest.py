"""Run the real ``cadence`` entry point in-process and capture what a shell user would see."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from cadence.cli import main


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def workspace_dir(tmp_path: Path) -> Path:
    return tmp_path / "ws"


@pytest.fixture
def cadence(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):  # type: ignore[no-untyped-def]
    """``cadence("rock", "add", ...)`` -> Result, on a workspace fixed to 2026-11-23 (a Monday)."""
    monkeypatch.setenv("CADENCE_WORKSPACE", str(workspace_dir))
    monkeypatch.setenv("CADENCE_TODAY", "2026-11-23")

    def run(*args: str) -> Result:
        capsys.readouterr()
        try:
            main(list(args))
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def team_workspace(cadence):  # type: ignore[no-untyped-def]
    """A small workspace: Ann (integrator), Bob, and a leadership team."""
    assert cadence("init", "--company", "Acme").code == 0
    assert cadence("team", "add", "Leadership", "--leadership").code == 0
    assert cadence("person", "add", "Ann", "--role", "integrator", "--team", "Leadership").code == 0
    assert cadence("person", "add", "Bob", "--team", "leadership").code == 0
    return cadence

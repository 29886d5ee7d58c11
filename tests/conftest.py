"""Fixtures shared by every test folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user's config or default workspace."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CADENCE_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("CADENCE_CACHE_DIR", str(home / "cache"))
    monkeypatch.delenv("CADENCE_WORKSPACE", raising=False)
    monkeypatch.delenv("CADENCE_TODAY", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent


@pytest.fixture
def clean_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("CADENCE_WORKSPACE", None)
    return env


@pytest.fixture
def validated_kinds(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The kinds the store validates from the file from now on, in order (``fileformat.validate_table`` watched)."""
    from cadence.store import fileformat

    seen: list[object] = []
    validate = fileformat.validate_table

    def watching(kind, table, path):  # type: ignore[no-untyped-def]
        seen.append(kind)
        return validate(kind, table, path)

    monkeypatch.setattr(fileformat, "validate_table", watching)
    return seen

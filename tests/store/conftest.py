"""Fixtures for the store's robustness tests."""

from __future__ import annotations

import grp
import os
import sys
from datetime import datetime
from pathlib import Path

import pytest

from cadence.store import Workspace

# The test modules import ``store_helpers`` by its plain name: make that work whether or not
# tests/ is a package (pytest only puts this folder on sys.path itself when it is not).
_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)


class Clock:
    """A settable clock for ``Workspace(clock=...)``."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 3, 2, 9, 30))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "ws"


@pytest.fixture
def workspace(folder: Path, clock: Clock) -> Workspace:
    Workspace.create(folder, company="Acme")
    return Workspace(folder, clock=clock, lock_timeout=5)


@pytest.fixture
def other_group(folder: Path) -> grp.struct_group:
    """An existing group that is neither ours nor the one new files get, so a chgrp shows."""
    mine = {os.getgid(), *os.getgroups()}
    preferred = ["users", "daemon", "staff", "nogroup", "adm"]
    groups = sorted(grp.getgrall(), key=lambda g: (g.gr_name not in preferred, g.gr_gid))
    for group in groups:
        if group.gr_gid not in mine:
            return group
    raise AssertionError("no second group on this machine to chgrp to")  # pragma: no cover


@pytest.fixture
def umask_restored():
    previous = os.umask(0o022)
    os.umask(previous)
    yield
    os.umask(previous)

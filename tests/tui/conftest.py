"""A copy of the demo workspace, a fixed clock and private user settings for every app under test."""

from __future__ import annotations

import asyncio
import shutil
import sys
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from pathlib import Path

import pytest

from cadence.locations import demo_workspace_dir
from cadence.store import Workspace
from cadence.store.view import Snapshot
from cadence.tui.app import CadenceApp
from cadence.tui.config import UserSettings

FIXED_NOW = datetime(2026, 11, 23, 9, 0)
SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def demo_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "workspace"
    folder.mkdir()
    shutil.copy2(demo_workspace_dir() / "cadence.json", folder / "cadence.json")
    return folder


@pytest.fixture
def settings(tmp_path: Path) -> UserSettings:
    return UserSettings(folder=tmp_path / "config")


@pytest.fixture
def make_app(demo_folder: Path, settings: UserSettings) -> Callable[..., CadenceApp]:
    """``make_app()`` -> a CadenceApp on the demo copy at 2026-11-23 09:00; keywords pass through."""

    def build(**options: object) -> CadenceApp:
        options.setdefault("clock", lambda: FIXED_NOW)
        options.setdefault("settings", settings)
        folder = options.pop("folder", demo_folder)
        return CadenceApp(folder, **options)  # type: ignore[arg-type]

    return build


@pytest.fixture
def on_disk(demo_folder: Path) -> Callable[[], Snapshot]:
    """What the workspace file holds right now, read fresh."""
    return lambda: Workspace(demo_folder).read()


HANG_SECONDS = 240


def _report_hang_and_cancel(loop: asyncio.AbstractEventLoop) -> None:
    """A test stuck this long is hung, not slow: print where every task waits, then fail it instead of waiting forever."""
    print(f"\n=== hang watchdog: still running after {HANG_SECONDS}s; tasks and where they wait ===", file=sys.stderr)
    for task in asyncio.all_tasks(loop):
        task.print_stack(file=sys.stderr)
    for task in asyncio.all_tasks(loop):
        task.cancel()


@pytest.fixture(autouse=True)
async def hang_watchdog() -> AsyncIterator[None]:
    """Diagnose a hung app test (a lost key, a worker never awaited) with the stacks, and let the run go on."""
    loop = asyncio.get_running_loop()
    handle = loop.call_later(HANG_SECONDS, _report_hang_and_cancel, loop)
    yield
    handle.cancel()

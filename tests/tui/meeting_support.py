"""What the meeting screen's tests share: a hand-moved clock, a started leadership meeting, waiting for a write.

Writes run in a thread, so a test lets the app run until the file (or the
screen) shows the change, with a generous bound that only a hang reaches.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from cadence.locations import agendas_dir
from cadence.store import Workspace
from cadence.store.actions import meetings
from cadence.store.agendas import load_agendas
from cadence.tui.app import CadenceApp
from textual.pilot import Pilot

MEETING_AT = datetime(2026, 11, 24, 9, 0)  # the demo's leadership meeting: Tuesday 09:00


class Clock:
    """A clock a test moves by hand; the app reads it, nothing ticks on its own."""

    def __init__(self, now: datetime = MEETING_AT) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def start_meeting(
    folder: Path, agenda: str = "weekly", at: datetime = MEETING_AT, driver: str = meetings.ANYONE
) -> str:
    """Start the leadership team's meeting on ``agenda`` (as Meetings' ``s`` does); its id."""
    template = load_agendas(agendas_dir()).get(agenda)
    workspace = Workspace(folder)
    leadership = next(team for team in workspace.read().teams if team.leadership)
    applied = workspace.apply(lambda tx: meetings.start_meeting(tx, template, at, team=leadership.id, driver=driver))
    return applied.result.id


async def wait_for(pilot: Pilot[object], condition: Callable[[], bool], seconds: float = 10.0) -> bool:
    """Let the app run until ``condition()`` holds (a write runs in a thread); False if it never does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        await asyncio.sleep(0.02)  # the write's thread and the app's tasks run
        await pilot.pause()  # then the app settles (a panel swap finishes) before the screen is looked at
    return condition()


def toasts(app: CadenceApp) -> str:
    return " ".join(f"{note.title} {note.message}" for note in app._notifications)


def start_meeting_of(folder: Path, team_id: str, agenda: str = "department", at: datetime = MEETING_AT) -> str:
    """Start another team's meeting (Sales meets on the department agenda); its id."""
    template = load_agendas(agendas_dir()).get(agenda)
    applied = Workspace(folder).apply(lambda tx: meetings.start_meeting(tx, template, at, team=team_id))
    return applied.result.id

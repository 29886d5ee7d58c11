"""The meeting screen (the frame): moving through the agenda, the clocks, pause, attendance, take over, end.

Every test drives the app with keys and asserts the workspace file afterwards.
The clock is injected and advanced by hand: the screen draws clocks from the
record and the clock, never from a counter, so no test sleeps.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from cadence.domain.meeting_clock import section_seconds
from cadence.store import Snapshot, Workspace
from cadence.store.actions import meetings
from cadence.store.agendas import load_agendas
from cadence.locations import agendas_dir
from cadence.tui.app import CadenceApp
from cadence.tui.screens.meeting import MeetingScreen, open_meeting

MEETING_AT = datetime(2026, 11, 24, 9, 0)


class Clock:
    """A clock a test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def start_leadership_meeting(folder: Path, at: datetime = MEETING_AT, driver: str = meetings.ANYONE) -> str:
    """This week's leadership meeting, started on the weekly agenda (as Meetings' `s` would)."""
    template = load_agendas(agendas_dir()).get("weekly")
    workspace = Workspace(folder)
    leadership = next(team for team in workspace.read().teams if team.leadership)
    return workspace.apply(
        lambda tx: meetings.start_meeting(tx, template, at, team=leadership.id, driver=driver)
    ).result.id


@pytest.fixture
def clock() -> Clock:
    return Clock(MEETING_AT)


async def test_the_meeting_screen_opens_on_the_current_section(
    make_app: Callable[..., CadenceApp], demo_folder: Path, on_disk: Callable[[], Snapshot], clock: Clock
) -> None:
    meeting_id = start_leadership_meeting(demo_folder)
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        open_meeting(app, meeting_id)
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("n")
        await pilot.pause()
    assert on_disk().meeting(meeting_id).current == 1

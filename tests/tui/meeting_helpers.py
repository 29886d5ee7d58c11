"""What the meeting section tests share: a clock a test moves, a started meeting, the agenda's sections by kind.

A meeting is started through the store's action, as the Meetings section's
``s`` would, at this week's leadership slot (Tue 2026-11-24 09:00 in the
demo); the app gets a clock the test advances by hand, so clocks are exact
and nothing sleeps.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from cadence.domain.meeting_parts import SectionKind
from cadence.locations import agendas_dir
from cadence.store import Workspace
from cadence.store.actions import meetings
from cadence.store.agendas import load_agendas

MEETING_AT = datetime(2026, 11, 24, 9, 0)


class Clock:
    """A clock a test moves by hand."""

    def __init__(self, now: datetime = MEETING_AT) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def start_meeting(
    folder: Path,
    agenda: str = "weekly",
    *,
    at: datetime = MEETING_AT,
    driver: str = meetings.ANYONE,
    team: str = "lead",
) -> str:
    """A meeting on ``agenda`` for the leadership team (``team="lead"``), another team, or none (``team=""``)."""
    template = load_agendas(agendas_dir()).get(agenda)
    workspace = Workspace(folder)
    snapshot = workspace.read()
    team_id = next(t.id for t in snapshot.teams if t.leadership) if team == "lead" else (team or None)
    return workspace.apply(lambda tx: meetings.start_meeting(tx, template, at, team=team_id, driver=driver)).result.id


def go_to(folder: Path, meeting_id: str, kind: SectionKind, at: datetime = MEETING_AT) -> int:
    """Move the meeting to its first section of ``kind`` (as the driver's ``n`` presses would); its index."""
    workspace = Workspace(folder)
    index = next(n for n, s in enumerate(workspace.read().meeting(meeting_id).sections) if s.kind is kind)
    workspace.apply(lambda tx: meetings.go_to_section(tx, meeting_id, index, at))
    return index


async def type_text(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` key by key, as a person would (spaces and punctuation by their key names)."""
    names = {" ": "space", "@": "at", ";": "semicolon", ",": "comma", "-": "minus", ".": "full_stop", "'": "apostrophe"}
    await pilot.press(*(names.get(char, char) for char in text))

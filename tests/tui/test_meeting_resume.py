"""A meeting whose app went away mid-section comes back where it was: the section, the clock, the words typed.

App 1 types half a segue line (saved when the writing ends, as on any blur),
then goes away without ending the meeting. App 2 opens it ten minutes later:
the same section, the clock ten minutes on (the clock is the record plus
time since it started), and the line there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cadence.store import Snapshot
from cadence.tui.app import CadenceApp
from cadence.tui.panels.meeting_notes import MeetingNotesPanel
from cadence.tui.panels.meeting_segue import MeetingSeguePanel
from cadence.tui.screens.meeting import MeetingScreen, open_meeting
from cadence.tui.widgets.agenda_sidebar import AgendaSidebar
from cadence.tui.widgets.autosave_text import AutosaveText
from textual import events

from tests.tui.meeting_support import Clock, start_meeting, wait_for


async def test_a_meeting_reopened_after_its_app_went_away_is_where_it_was(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], demo_folder: Path
) -> None:
    clock = Clock()
    meeting_id = start_meeting(demo_folder)
    first = make_app(clock=clock)
    async with first.run_test(size=(80, 24)) as pilot:
        open_meeting(first, meeting_id)
        await pilot.pause()
        clock.advance(minutes=2)
        await pilot.press("enter", *"closed the Tidewell ac")  # half a line
        await pilot.press("escape")  # the writing ends: saved (as on any blur)
        assert await wait_for(pilot, lambda: bool(on_disk().meeting(meeting_id).segue))
    # App 1 is gone without ending the meeting; ten minutes pass.
    clock.advance(minutes=10)
    second = make_app(clock=clock)
    async with second.run_test(size=(80, 24)) as pilot:
        open_meeting(second, meeting_id)
        await pilot.pause()
        screen = second.screen
        assert isinstance(screen, MeetingScreen)
        assert isinstance(screen.panel, MeetingSeguePanel)
        person = on_disk().meeting(meeting_id).attendee_ids[0]
        assert screen.query_one(f"#segue-{person}", AutosaveText).text == "closed the Tidewell ac"
        header = str(screen.query_one("#meeting-header").render())
        assert "12:00 / 1:30:00" in header
        assert "12:00 +7:00 over" in str(screen.query_one(AgendaSidebar).render())


async def test_notes_typed_in_a_section_survive_the_app_going_away_mid_sentence(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], demo_folder: Path
) -> None:
    """The same-page meeting's notes section; the app goes away with the text still in the box (unmount saves it)."""
    clock = Clock()
    meeting_id = start_meeting(demo_folder, agenda="same-page")
    first = make_app(clock=clock)
    async with first.run_test(size=(80, 24)) as pilot:
        open_meeting(first, meeting_id)
        await pilot.pause()
        notes_at = next(i for i, s in enumerate(on_disk().meeting(meeting_id).sections) if s.kind.value == "notes")
        for step in range(1, notes_at + 1):
            await pilot.press("n")
            assert await wait_for(pilot, lambda step=step: first.screen._shown == step)
        assert isinstance(first.screen.panel, MeetingNotesPanel)
        await pilot.press("enter", *"we agree on the hiring plan but")
        await pilot.pause()
    assert on_disk().meeting(meeting_id).sections[notes_at].notes == "we agree on the hiring plan but"
    clock.advance(minutes=10)
    second = make_app(clock=clock)
    async with second.run_test(size=(80, 24)) as pilot:
        open_meeting(second, meeting_id)
        await pilot.pause()
        assert second.screen.meeting.current == notes_at
        box = second.screen.query_one("#section-notes", AutosaveText)
        assert box.text == "we agree on the hiring plan but"


async def test_keys_typed_in_one_burst_after_enter_all_reach_the_line(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], demo_folder: Path
) -> None:
    """Over SSH a fast typist's Enter and first letters arrive in one read: none may be lost to the focus change."""
    meeting_id = start_meeting(demo_folder)
    app = make_app(clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        open_meeting(app, meeting_id)
        await pilot.pause()
        for key in ("enter", *"half a line", "escape"):
            app.post_message(events.Key(key, "\r" if key == "enter" else None if len(key) > 1 else key))
        assert await wait_for(pilot, lambda: bool(on_disk().meeting(meeting_id).segue))
    assert on_disk().meeting(meeting_id).segue[0].text == "half a line"


async def test_killed_mid_ids_with_half_a_note_typed_it_resumes_at_ids_with_the_clock_right_and_the_note_there(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], demo_folder: Path
) -> None:
    """The issue's own case. The note reaches the file while the app still runs (the typing timer, no Esc, no
    blur), as it must for a terminal that is killed: app 1 is then dropped, and app 2 comes back ten minutes on."""
    from datetime import timedelta

    from cadence.domain.meeting_clock import issue_seconds, section_seconds
    from cadence.store import Workspace
    from cadence.store.actions import meetings
    from cadence.tui.panels.meeting_ids import IdsPanel

    from tests.tui.meeting_support import MEETING_AT

    clock = Clock()
    meeting_id = start_meeting(demo_folder)
    ids_at = next(i for i, s in enumerate(on_disk().meeting(meeting_id).sections) if s.kind.value == "ids")
    Workspace(demo_folder).apply(lambda tx: meetings.go_to_section(tx, meeting_id, ids_at, MEETING_AT))
    first = make_app(clock=clock)
    async with first.run_test(size=(80, 24)) as pilot:
        open_meeting(first, meeting_id)
        assert await wait_for(pilot, lambda: isinstance(getattr(first.screen, "panel", None), IdsPanel))
        await pilot.press("enter")  # work on the top issue: its own clock starts
        assert await wait_for(pilot, lambda: on_disk().meeting(meeting_id).ids_current is not None)
        issue_id = on_disk().meeting(meeting_id).ids_current
        clock.advance(minutes=3)
        await pilot.press("i", *"the board supplier ships la")  # half a note, and the terminal dies
        assert await wait_for(
            pilot,
            lambda: any(w.identify == "the board supplier ships la" for w in on_disk().meeting(meeting_id).ids_work),
            seconds=5,
        ), "typed text reaches the file within two seconds, without leaving the box"
    clock.advance(minutes=10)
    second = make_app(clock=clock)
    async with second.run_test(size=(80, 24)) as pilot:
        open_meeting(second, meeting_id)
        assert await wait_for(pilot, lambda: isinstance(getattr(second.screen, "panel", None), IdsPanel))
        meeting = on_disk().meeting(meeting_id)
        assert meeting.current == ids_at and meeting.ids_current == issue_id
        assert section_seconds(meeting, ids_at, clock()) == timedelta(minutes=13).total_seconds()
        assert issue_seconds(meeting, issue_id or "", clock()) == timedelta(minutes=13).total_seconds()
        panel = second.screen.panel
        assert isinstance(panel, IdsPanel)
        assert panel.box("identify").text == "the board supplier ships la"
        assert "13:00" in str(second.screen.query_one(AgendaSidebar).render())

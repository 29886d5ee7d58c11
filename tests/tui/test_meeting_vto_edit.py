"""The V/TO edited from a quarterly session's V/TO section (``v``), driven with keys, checked on disk.

A fresh workspace (a leadership team of one, no V/TO yet) starts the bundled
quarterly session; at its V/TO section the driver presses ``v``, writes the
core focus's purpose in the Vision editor over the meeting, and Esc brings the
meeting back with the page redrawn. A follower's ``v`` and a digit pressed in
the editor are refused. Snapshots of the editor over the meeting at 80x24 and
120x40 (the section's own, with its footer, are in test_meeting_quarter.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cadence.domain.models import Meeting
from cadence.store import Snapshot, Workspace, actions
from cadence.store.actions import meetings
from cadence.tui.app import CadenceApp
from cadence.tui.panels.meeting_vto import NOT_DRIVING, MeetingVtoPanel
from cadence.tui.screens.meeting import MeetingScreen, open_meeting
from cadence.tui.screens.vto_editor import VtoEditorScreen
from textual.widgets import Markdown

from tests.tui.conftest import SIZES
from tests.tui.meeting_support import MEETING_AT, Clock, start_meeting, toasts, wait_for

VTO = 2  # segue, review the quarter, then the V/TO (data/agendas/quarterly.toml)
PURPOSE = "Packaging that disappears after use"


@pytest.fixture
def fresh_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "fresh"
    Workspace.create(folder, company="Acme")
    with Workspace(folder).transaction() as tx:
        actions.add_team(tx, "Leadership", leadership=True)
        actions.add_person(tx, "Ann", team="Leadership")
    return folder


def meeting_of(folder: Path, meeting_id: str) -> Meeting:
    return Workspace(folder).read().meeting(meeting_id)


async def open_vto_section(app: CadenceApp, pilot, meeting_id: str) -> MeetingScreen:  # type: ignore[no-untyped-def]
    open_meeting(app, meeting_id)
    await pilot.pause()
    for step in range(1, VTO + 1):
        await pilot.press("n")
        assert await wait_for(pilot, lambda step=step: app.screen.meeting.current == step and app.screen._shown == step)
    screen = app.screen
    assert isinstance(screen, MeetingScreen) and isinstance(screen.panel, MeetingVtoPanel)
    return screen


async def test_the_driver_edits_the_core_focus_and_the_page_redraws(
    make_app: Callable[..., CadenceApp], fresh_folder: Path
) -> None:
    meeting_id = start_meeting(fresh_folder, agenda="quarterly")
    on_disk: Callable[[], Snapshot] = lambda: Workspace(fresh_folder).read()  # noqa: E731
    assert on_disk().vision() is None
    app = make_app(folder=fresh_folder, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_vto_section(app, pilot, meeting_id)
        assert PURPOSE not in screen.panel.page()
        before = meeting_of(fresh_folder, meeting_id)

        await pilot.press("v")
        assert await wait_for(pilot, lambda: isinstance(app.screen, VtoEditorScreen))
        title = str(app.screen.query_one("#vto-editor-title").render())
        assert "Esc back to the meeting · Leadership: Quarterly session" in title
        # core values first, then the core focus's purpose
        await pilot.press("down", "e")
        assert await wait_for(pilot, lambda: app.screen.__class__.__name__ == "TextAreaFormScreen")
        await pilot.press(*PURPOSE, "ctrl+s")
        assert await wait_for(pilot, lambda: isinstance(app.screen, VtoEditorScreen))
        vision = on_disk().vision()
        assert vision is not None and vision.core_focus_purpose == PURPOSE

        await pilot.press("escape")
        assert await wait_for(pilot, lambda: app.screen is screen)
        panel = screen.panel
        assert isinstance(panel, MeetingVtoPanel)
        assert PURPOSE in panel.page()
        assert PURPOSE in panel.query_one("#vto-text", Markdown).source, "the page on screen is redrawn"
        after = meeting_of(fresh_folder, meeting_id)
        assert after.current == VTO and after.ended_at is None, "the meeting goes on where it was"
        assert after.sections == before.sections


async def test_a_digit_in_the_editor_keeps_the_meeting(make_app: Callable[..., CadenceApp], fresh_folder: Path) -> None:
    meeting_id = start_meeting(fresh_folder, agenda="quarterly")
    app = make_app(folder=fresh_folder, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_vto_section(app, pilot, meeting_id)
        await pilot.press("v")
        assert await wait_for(pilot, lambda: isinstance(app.screen, VtoEditorScreen))
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, VtoEditorScreen)
        assert "Esc goes back to it" in toasts(app)
        await pilot.press("escape")
        assert await wait_for(pilot, lambda: app.screen is screen)


async def test_a_follower_is_told_to_take_over_and_nothing_opens(
    make_app: Callable[..., CadenceApp], fresh_folder: Path
) -> None:
    meeting_id = start_meeting(fresh_folder, agenda="quarterly", driver="dana@server:101")
    Workspace(fresh_folder).apply(
        lambda tx: meetings.go_to_section(tx, meeting_id, VTO, MEETING_AT, driver="dana@server:101")
    )
    app = make_app(folder=fresh_folder, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        app.session.driver_label = "tom@server:202"
        open_meeting(app, meeting_id)
        assert await wait_for(pilot, lambda: isinstance(getattr(app.screen, "panel", None), MeetingVtoPanel))
        file = fresh_folder / "cadence.json"
        before = file.read_bytes()
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert NOT_DRIVING in toasts(app)
        assert file.read_bytes() == before


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_vto_editor_over_the_session_snapshot(
    make_app: Callable[..., CadenceApp], snap_compare, demo_folder: Path, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    meeting = start_meeting(demo_folder, agenda="quarterly")

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        app = pilot.app
        await open_vto_section(app, pilot, meeting)
        await pilot.press("v")
        assert await wait_for(pilot, lambda: isinstance(app.screen, VtoEditorScreen))

    assert snap_compare(make_app(clock=Clock()), run_before=run_before, terminal_size=size)

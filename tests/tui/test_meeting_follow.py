"""Two terminals on one workspace: the second follows the driver's section, adds to the meeting, and can take over.

Both apps run in this test on the same folder; the follower sees the driver's
writes when it polls the file (``poll_workspace``, what its timer does each
second). Each app's session gets its own driver label, as two processes would.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cadence.store import Snapshot, Workspace
from cadence.store.actions import meetings
from cadence.tui.app import CadenceApp
from cadence.tui.panels.meeting_scorecard import MeetingScorecardPanel
from cadence.tui.panels.meeting_segue import MeetingSeguePanel
from cadence.tui.screens.meeting import FOLLOWER_SAYS, MeetingScreen, join_meeting, open_meeting
from cadence.tui.widgets.autosave_text import AutosaveText
from cadence.tui.widgets.dialogs import ChoiceScreen

from tests.tui.meeting_support import MEETING_AT, Clock, start_meeting, toasts, wait_for


async def test_the_follower_follows_the_drivers_section_and_can_take_over(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], demo_folder: Path
) -> None:
    clock = Clock()
    meeting_id = start_meeting(demo_folder, driver="dana@server:101")
    driver = make_app(clock=clock, poll_seconds=3600)
    follower = make_app(clock=clock, poll_seconds=3600)
    driver.session.driver_label = "dana@server:101"
    follower.session.driver_label = "tom@server:202"
    async with driver.run_test(size=(80, 24)) as driving, follower.run_test(size=(80, 24)) as following:
        # Each app's steps run in its own context (Textual finds "the app" through a context variable).
        with driver._context():
            open_meeting(driver, meeting_id)
            await driving.pause()
        with follower._context():
            join_meeting(follower, "running")
            assert await wait_for(following, lambda: isinstance(follower.screen, ChoiceScreen))  # "Who are you?"
            await following.press("down", "down", "down", "enter")
            assert await wait_for(following, lambda: isinstance(follower.screen, MeetingScreen))
            tom = follower.session.me
            assert tom is not None and on_disk().person_name(tom)
            screen = follower.screen
            assert isinstance(screen, MeetingScreen) and isinstance(screen.panel, MeetingSeguePanel)
            # The follower types their own segue line.
            await following.press("enter", *"new baby", "escape")
            assert await wait_for(
                following, lambda: any(line.text == "new baby" for line in on_disk().meeting(meeting_id).segue)
            )

        with driver._context():
            # The driver sees it on its next poll, then moves on.
            await driver.poll_workspace()
            await driving.pause()
            assert driver.screen.query_one(f"#segue-{tom}", AutosaveText).text == "new baby"
            clock.advance(minutes=5)
            await driving.press("n")
            assert await wait_for(driving, lambda: on_disk().meeting(meeting_id).current == 1)

        with follower._context():
            # The follower's screen follows within one poll; its n changes nothing but says why.
            await follower.poll_workspace()
            assert await wait_for(following, lambda: isinstance(screen.panel, MeetingScorecardPanel))
            await following.press("n")
            await following.pause()
            assert FOLLOWER_SAYS in toasts(follower)
            assert on_disk().meeting(meeting_id).current == 1
            # T takes over (after asking).
            await following.press("T")
            assert await wait_for(following, lambda: not isinstance(follower.screen, MeetingScreen))
            await following.press("y")
            assert await wait_for(following, lambda: on_disk().meeting(meeting_id).driver == "tom@server:202")

        with driver._context():
            # The old driver is told on its next poll, and can no longer move the agenda.
            await driver.poll_workspace()
            assert await wait_for(driving, lambda: "tom@server:202 took over" in toasts(driver))
            await driving.press("n")
            await driving.pause()
            assert FOLLOWER_SAYS in toasts(driver)

        with follower._context():
            await following.press("n")
            assert await wait_for(following, lambda: on_disk().meeting(meeting_id).current == 2)
    meeting = on_disk().meeting(meeting_id)
    assert meeting.driver == "tom@server:202" and meeting.current == 2


async def test_a_follower_adds_a_todo_in_the_meeting(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], demo_folder: Path
) -> None:
    """Anyone at the meeting adds to-dos, issues and headlines from their own terminal; only moving is the driver's."""
    meeting_id = start_meeting(demo_folder, driver="dana@server:101")
    todos_at = [s.kind.value for s in on_disk().meeting(meeting_id).sections].index("todos")
    Workspace(demo_folder).apply(lambda tx: meetings.go_to_section(tx, meeting_id, todos_at, MEETING_AT))
    before = len(on_disk().todos)
    app = make_app(clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        with app._context():
            open_meeting(app, meeting_id)
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen) and not app.screen.driving
        await pilot.press("a", *"Call the board supplier", "tab", *"tom", "ctrl+s")
        assert await wait_for(pilot, lambda: len(on_disk().todos) == before + 1)
    added = on_disk().todos[-1]
    assert added.title == "Call the board supplier"
    assert added in meetings.new_todos(on_disk(), on_disk().meeting(meeting_id))

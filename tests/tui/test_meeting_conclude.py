"""Conclude driven with keys: the new to-dos recap, cascading messages, ratings by the driver and by a follower.

Each test opens the running meeting at Conclude, presses keys, and reads the
workspace file afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from cadence.domain.meeting_parts import SectionKind
from cadence.store import Snapshot, Workspace
from cadence.store.actions import meetings
from cadence.tui.app import CadenceApp
from cadence.tui.panels.meeting_conclude import ConcludePanel
from cadence.tui.screens.meeting import open_meeting

from tests.tui.conftest import SIZES
from tests.tui.meeting_helpers import MEETING_AT, Clock, go_to, start_meeting, type_text


@pytest.fixture
def clock() -> Clock:
    return Clock(MEETING_AT + timedelta(minutes=85))


@pytest.fixture
def at_conclude(demo_folder: Path) -> str:
    """The leadership meeting at Conclude, with one issue solved into a to-do during IDS."""
    meeting_id = start_meeting(demo_folder)
    workspace = Workspace(demo_folder)
    workspace.apply(
        lambda tx: meetings.solve_in_meeting(
            tx, meeting_id, "I-13", "Second carrier", MEETING_AT + timedelta(minutes=40), [("Call Fastline", "Tom")]
        )
    )
    go_to(demo_folder, meeting_id, SectionKind.CONCLUDE, MEETING_AT + timedelta(minutes=84))
    return meeting_id


async def open_conclude(app: CadenceApp, pilot, meeting_id: str) -> ConcludePanel:  # type: ignore[no-untyped-def]
    open_meeting(app, meeting_id)
    await pilot.pause()
    return app.screen.query_one(ConcludePanel)


async def test_the_new_todos_are_recapped_with_owner_and_due(
    make_app: Callable[..., CadenceApp], at_conclude: str, on_disk: Callable[[], Snapshot], clock: Clock
) -> None:
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await open_conclude(app, pilot, at_conclude)
        table = panel.query_one("#conclude-todos")
        todo = next(t for t in on_disk().todos if t.source == "I-13")
        cells = [str(cell) for cell in table.get_row(todo.id)]
    assert cells == [todo.id, "Call Fastline", "Tom Becker", "Tue 01 Dec"]


async def test_c_adds_a_cascading_message_for_the_other_teams_and_C_removes_it(
    make_app: Callable[..., CadenceApp], at_conclude: str, on_disk: Callable[[], Snapshot], clock: Clock
) -> None:
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_conclude(app, pilot, at_conclude)
        await pilot.press("c")
        await type_text(pilot, "Prices go up on 1 January")
        await pilot.press("enter", "enter")  # the teams field starts with every other team
        await pilot.pause()
        snapshot = on_disk()
        others = [t.id for t in snapshot.teams if t.id != snapshot.meeting(at_conclude).team_id]
        assert [(c.text, c.team_ids) for c in snapshot.meeting(at_conclude).cascading] == [
            ("Prices go up on 1 January", others)
        ]
        await pilot.press("c")
        await type_text(pilot, "New hire starts")
        await pilot.press("enter", *["backspace"] * 40)
        await type_text(pilot, "Sales")
        await pilot.press("enter")
        await pilot.pause()
        assert on_disk().meeting(at_conclude).cascading[1].team_ids == ["TM-2"]
        await pilot.press("C")
        await pilot.press("backspace")
        await type_text(pilot, "1")
        await pilot.press("enter")
        await pilot.pause()
    assert [c.text for c in on_disk().meeting(at_conclude).cascading] == ["New hire starts"]


async def test_a_cascade_to_an_unknown_team_is_refused_in_the_form(
    make_app: Callable[..., CadenceApp], at_conclude: str, on_disk: Callable[[], Snapshot], clock: Clock
) -> None:
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_conclude(app, pilot, at_conclude)
        await pilot.press("c")
        await type_text(pilot, "Hello")
        await pilot.press("enter", *["backspace"] * 40)
        await type_text(pilot, "Nowhere")
        await pilot.press("enter")
        await pilot.pause()
        assert "Nowhere" in str(app.screen.query_one("#error-teams").render())
        await pilot.press("escape")
        await pilot.pause()
    assert on_disk().meeting(at_conclude).cascading == []


async def test_the_driver_rates_each_attendee_and_under_8_needs_a_why(
    make_app: Callable[..., CadenceApp], at_conclude: str, on_disk: Callable[[], Snapshot], clock: Clock
) -> None:
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await open_conclude(app, pilot, at_conclude)
        first, second = on_disk().meeting(at_conclude).attendee_ids[:2]
        assert panel.ratings_table.selected_key == first
        await pilot.press("r", "9", "enter", "enter")
        await pilot.pause()
        assert panel.ratings_table.selected_key == second, "the cursor moves on to the next person"
        await pilot.press("r", "6", "enter", "enter")
        await pilot.pause()
        assert "under 8 needs a one-line why" in str(app.screen.query_one("#error-why").render())
        await type_text(pilot, "We ran over on IDS")
        await pilot.press("enter")
        await pilot.pause()
        assert "average 7.5 (2 of" in str(panel.query_one("#conclude-ratings-heading").render())
    ratings = {r.person_id: (r.score, r.why) for r in on_disk().meeting(at_conclude).ratings}
    assert ratings == {first: (9, ""), second: (6, "We ran over on IDS")}


async def test_a_follower_rates_themselves(
    make_app: Callable[..., CadenceApp], demo_folder: Path, on_disk: Callable[[], Snapshot], clock: Clock
) -> None:
    meeting_id = start_meeting(demo_folder, driver="driver@elsewhere:1")
    go_to(demo_folder, meeting_id, SectionKind.CONCLUDE)
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.session.me = "P-3"
        panel = await open_conclude(app, pilot, meeting_id)
        assert panel.ratings_table.selected_key != "P-3"
        await pilot.press("r", "8", "enter", "enter")
        await pilot.pause()
    assert [(r.person_id, r.score) for r in on_disk().meeting(meeting_id).ratings] == [("P-3", 8)]


async def test_an_agenda_without_ratings_says_so(
    make_app: Callable[..., CadenceApp], demo_folder: Path, on_disk: Callable[[], Snapshot], clock: Clock
) -> None:
    meeting_id = start_meeting(demo_folder, "same-page")
    go_to(demo_folder, meeting_id, SectionKind.CONCLUDE)
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await open_conclude(app, pilot, meeting_id)
        assert "no ratings" in str(panel.query_one("#conclude-ratings-heading").render())
        await pilot.press("r")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "MeetingScreen", "r opens no rating form"
    assert on_disk().meeting(meeting_id).ratings == []


@pytest.mark.parametrize("size", SIZES)
def test_conclude_snapshot(
    make_app: Callable[..., CadenceApp],
    demo_folder: Path,
    at_conclude: str,
    snap_compare,
    size,  # type: ignore[no-untyped-def]
) -> None:
    workspace = Workspace(demo_folder)
    workspace.apply(lambda tx: meetings.add_cascade(tx, at_conclude, "Price list changes on 1 January", ["Sales"]))
    workspace.apply(lambda tx: meetings.rate_meeting(tx, at_conclude, "P-1", 9))
    workspace.apply(lambda tx: meetings.rate_meeting(tx, at_conclude, "P-2", 7, "IDS ran long"))
    app = make_app(clock=Clock(MEETING_AT + timedelta(minutes=87)))

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        open_meeting(app, at_conclude)
        await pilot.pause()

    assert snap_compare(app, run_before=run_before, terminal_size=size)


def test_the_shell_removes_a_cascading_message_as_C_does(demo_folder: Path, on_disk: Callable[[], Snapshot]) -> None:
    """``C`` names ``cadence meeting uncascade N``: the same change from a script."""
    from cadence.cli import cli
    from click.testing import CliRunner

    meeting_id = start_meeting(demo_folder)
    workspace = Workspace(demo_folder)
    for text in ("First", "Second"):
        workspace.apply(lambda tx, text=text: meetings.add_cascade(tx, meeting_id, text, ["Sales"]))
    result = CliRunner().invoke(cli, ["--workspace", str(demo_folder), "meeting", "uncascade", "1"])
    assert result.exit_code == 0, result.output
    assert [c.text for c in on_disk().meeting(meeting_id).cascading] == ["Second"]
    refused = CliRunner().invoke(cli, ["--workspace", str(demo_folder), "meeting", "uncascade", "5"])
    assert refused.exit_code != 0 and "no message 5" in refused.output + str(refused.exception)
    assert [c.text for c in on_disk().meeting(meeting_id).cascading] == ["Second"]

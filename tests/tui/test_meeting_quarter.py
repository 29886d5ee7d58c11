"""The quarterly and annual sessions on the meeting screen: deciding each rock by key, next quarter's rocks.

Driven with keys on a copy of the demo (Tue 2026-11-24, late in 2026-Q4, so
the session reviews Q4 and sets 2027-Q1). After each key the workspace file is
read back. Snapshots of each new section at 80x24 and 120x40.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cadence.domain.models import IssueStatus, IssueTerm, RockStatus
from cadence.store import Snapshot
from cadence.tui.app import CadenceApp
from cadence.tui.panels.meeting_ids import IdsPanel
from cadence.tui.panels.meeting_next_rocks import NextRocksPanel
from cadence.tui.panels.meeting_quarter import QuarterReviewPanel
from cadence.tui.panels.meeting_vto import MeetingVtoPanel
from cadence.tui.screens.meeting import open_meeting
from cadence.tui.widgets.forms import FormScreen

from tests.tui.conftest import SIZES
from tests.tui.meeting_support import Clock, start_meeting, wait_for

SEGUE, REVIEW, VTO, NEXT_ROCKS, LONG_TERM_IDS = range(5)


async def open_at(app: CadenceApp, pilot, meeting_id: str, section: int):  # type: ignore[no-untyped-def]
    open_meeting(app, meeting_id)
    await pilot.pause()
    for step in range(1, section + 1):
        await pilot.press("n")
        assert await wait_for(pilot, lambda step=step: app.screen.meeting.current == step and app.screen._shown == step)
    return app.screen


async def test_closing_the_quarter_by_keys_carries_one_rock_and_marks_one_not_done(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], demo_folder: Path
) -> None:
    meeting_id = start_meeting(demo_folder, agenda="quarterly")
    app = make_app(clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_at(app, pilot, meeting_id, REVIEW)
        panel = screen.panel
        assert isinstance(panel, QuarterReviewPanel)
        assert panel.quarter.label == "2026-Q4"
        first = panel.rock_here()
        assert first is not None and first.status in (RockStatus.ON_TRACK, RockStatus.OFF_TRACK)
        rocks_before = {rock.id for rock in on_disk().rocks}

        await pilot.press("c")
        assert await wait_for(pilot, lambda: on_disk().rock(first.id).status is RockStatus.NOT_DONE)
        view = on_disk()
        (new_id,) = {rock.id for rock in view.rocks} - rocks_before
        carried = view.rock(new_id)
        assert (carried.quarter, carried.title, carried.owner_id, carried.company, carried.status) == (
            "2027-Q1",
            first.title,
            first.owner_id,
            first.company,
            RockStatus.ON_TRACK,
        )
        assert carried.description.startswith(f"Carried from {first.id}.")

        await pilot.press("down")
        while (second := panel.rock_here()) is None or second.status not in (RockStatus.ON_TRACK, RockStatus.OFF_TRACK):
            await pilot.press("down")
        await pilot.press("x")
        assert await wait_for(pilot, lambda: on_disk().rock(second.id).status is RockStatus.NOT_DONE)
        view = on_disk()
        assert len(view.rocks) == len(rocks_before) + 1  # not done carries nothing
        assert view.rock(first.id).status is RockStatus.NOT_DONE

        await pilot.press("c")  # a rock decided already is refused, nothing written
        await pilot.pause()
        assert on_disk().rock(second.id).status is RockStatus.NOT_DONE
        assert len(on_disk().rocks) == len(rocks_before) + 1
        assert "undecided" in str(panel.figures())


async def test_next_quarters_rocks_a_adds_a_rock_for_the_next_quarter_with_the_guidance_counted(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], demo_folder: Path
) -> None:
    meeting_id = start_meeting(demo_folder, agenda="quarterly")
    app = make_app(clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_at(app, pilot, meeting_id, NEXT_ROCKS)
        panel = screen.panel
        assert isinstance(panel, NextRocksPanel)
        assert panel.quarter.label == "2027-Q1"
        before = len(on_disk().rocks)
        await pilot.press("a")
        assert await wait_for(pilot, lambda: isinstance(app.screen, FormScreen))
        form = app.screen
        form.query_one("#field-title").value = "Open the Denver plant"
        form.query_one("#field-owner").value = "Tom Becker"
        form.query_one("#field-company").value = "yes"
        await pilot.press("ctrl+s")
        assert await wait_for(pilot, lambda: len(on_disk().rocks) == before + 1)
        added = max(on_disk().rocks, key=lambda rock: int(rock.id.split("-")[1]))
        assert (added.title, added.quarter, added.company) == ("Open the Denver plant", "2027-Q1", True)
        assert await wait_for(pilot, lambda: "Company rocks 1 of 3-7" in str(panel.guidance()))


async def test_the_vto_section_shows_the_vision_read_only_and_keeps_the_notes_typed(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], demo_folder: Path
) -> None:
    meeting_id = start_meeting(demo_folder, agenda="quarterly")
    vision = on_disk().vision()
    assert vision is not None
    app = make_app(clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_at(app, pilot, meeting_id, VTO)
        panel = screen.panel
        assert isinstance(panel, MeetingVtoPanel)
        assert vision.ten_year_target.splitlines()[0][:30] in panel.page()
        await pilot.press("enter", *"Raise", "space", *"the", "space", *"target", "escape", "n")
        assert await wait_for(pilot, lambda: on_disk().meeting(meeting_id).current == NEXT_ROCKS)
    assert on_disk().meeting(meeting_id).sections[VTO].notes == "Raise the target"
    assert on_disk().vision() == vision  # read-only: the V/TO is unchanged


async def test_the_sessions_ids_works_the_long_term_list_first(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], demo_folder: Path
) -> None:
    meeting_id = start_meeting(demo_folder, agenda="quarterly")
    long_term = [i.id for i in on_disk().issues if i.term is IssueTerm.LONG and i.status is IssueStatus.OPEN]
    assert long_term, "the demo keeps a long-term list"
    app = make_app(clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_at(app, pilot, meeting_id, LONG_TERM_IDS)
        panel = screen.panel
        assert isinstance(panel, IdsPanel)
        listed = [issue.id for issue in panel.issues()]
        assert set(long_term) <= set(listed)
        await pilot.press("enter")
        assert await wait_for(pilot, lambda: on_disk().meeting(meeting_id).ids_current is not None)
    assert on_disk().issue(on_disk().meeting(meeting_id).ids_current).term is IssueTerm.LONG


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("section", [REVIEW, VTO, NEXT_ROCKS], ids=["review", "vto", "next-rocks"])
@pytest.mark.parametrize("agenda", ["quarterly", "annual"])
def test_session_section_snapshot(
    make_app: Callable[..., CadenceApp],
    snap_compare,
    demo_folder: Path,
    size: tuple[int, int],
    section: int,
    agenda: str,
) -> None:  # type: ignore[no-untyped-def]
    if agenda == "annual" and section != REVIEW:
        # the annual session has team health first; its V/TO sections are the 3-year picture and the 1-year plan
        section = {VTO: 3, NEXT_ROCKS: 5}[section]
    meeting = start_meeting(demo_folder, agenda=agenda)
    clock = Clock()

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        app = pilot.app
        open_meeting(app, meeting)
        await pilot.pause()
        for step in range(1, section + 1):
            clock.advance(minutes=20)
            await pilot.press("n")
            assert await wait_for(pilot, lambda step=step: app.screen._shown == step)
        clock.advance(minutes=2)
        app.screen.redraw_clocks()
        await pilot.pause()

    assert snap_compare(make_app(clock=clock), run_before=run_before, terminal_size=size)

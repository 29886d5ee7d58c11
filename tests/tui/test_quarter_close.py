"""Ending a quarterly session closes its quarter, each unfinished rock decided by one key; nothing silently.

Driven with keys on a copy of the demo (the session starts Tue 2026-11-24, late
in 2026-Q4, so it closes Q4 for the leadership team). After each step the
workspace file is read back: an Esc or a refused Enter writes nothing; Enter
ends the meeting and closes the quarter in one write; ``o`` ends it and leaves
the quarter open. Snapshots of the close screen at 80x24 and 120x40.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from cadence.domain.models import RockStatus
from cadence.store import Snapshot
from cadence.store.actions import meetings
from cadence.tui.app import CadenceApp
from cadence.tui.screens.meeting import MeetingScreen, open_meeting
from cadence.tui.screens.minutes import MinutesScreen
from cadence.tui.screens.quarter_close import QuarterCloseScreen
from cadence.tui.widgets.dialogs import ConfirmScreen

from tests.tui.conftest import SIZES
from tests.tui.meeting_support import Clock, start_meeting, start_meeting_of, toasts, wait_for

UNFINISHED = (RockStatus.ON_TRACK, RockStatus.OFF_TRACK)


def to_decide(view: Snapshot) -> list[str]:
    """The leadership session's rocks to decide: Q4's unfinished company rocks and the leadership team's."""
    leadership = next(team for team in view.teams if team.leadership)
    return [
        rock.id
        for rock in view.rocks
        if rock.quarter == "2026-Q4"
        and rock.status in UNFINISHED
        and (rock.company or view.in_team(leadership.id, rock.team_id, rock.owner_id))
    ]


async def press_end(app: CadenceApp, pilot, meeting_id: str) -> QuarterCloseScreen:  # type: ignore[no-untyped-def]
    open_meeting(app, meeting_id)
    await pilot.pause()
    await pilot.press("e")
    assert await wait_for(pilot, lambda: isinstance(app.screen, QuarterCloseScreen))
    return app.screen  # type: ignore[return-value]


async def test_ending_closes_the_quarter_with_one_rock_carried_one_not_done_and_the_rest_done(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], demo_folder: Path
) -> None:
    meeting_id = start_meeting(demo_folder, agenda="quarterly")
    before = on_disk()
    rocks = to_decide(before)
    assert len(rocks) >= 3, "the demo has unfinished Q4 rocks"
    app = make_app(clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await press_end(app, pilot, meeting_id)
        assert [rock.id for rock in screen.rocks] == rocks

        await pilot.press("enter")  # every rock undecided: refused, named, nothing written
        await pilot.pause()
        assert isinstance(app.screen, QuarterCloseScreen)
        assert f"Decide {', '.join(rocks)} first" in toasts(app)
        assert on_disk().meeting(meeting_id).ended_at is None

        await pilot.press("c", "x")  # each key decides the row and moves down
        await pilot.press(*["d"] * (len(rocks) - 2))
        assert screen.decisions == {rocks[0]: "carry", rocks[1]: "not-done", **{r: "done" for r in rocks[2:]}}
        assert on_disk().rocks == before.rocks  # nothing written until Enter
        await pilot.press("enter")
        assert await wait_for(pilot, lambda: isinstance(app.screen, MinutesScreen))

    view = on_disk()
    assert view.meeting(meeting_id).ended_at is not None
    assert view.rock(rocks[0]).status is RockStatus.NOT_DONE
    assert view.rock(rocks[1]).status is RockStatus.NOT_DONE
    assert all(view.rock(rock_id).status is RockStatus.DONE for rock_id in rocks[2:])
    (carried,) = [rock for rock in view.rocks if rock.description.startswith(f"Carried from {rocks[0]}.")]
    assert (carried.quarter, carried.title, carried.status) == ("2027-Q1", before.rock(rocks[0]).title, UNFINISHED[0])
    (closing,) = view.meta.closed_quarters
    leadership = next(team for team in view.teams if team.leadership)
    assert (closing.quarter, closing.team_id, closing.meeting_id) == ("2026-Q4", leadership.id, meeting_id)
    assert closing.carried == [(rocks[0], carried.id)]
    assert (closing.not_done, closing.done) == ([rocks[1]], rocks[2:])
    assert to_decide(view) == []
    minutes = meetings.minutes_text(view, view.meeting(meeting_id), view.meeting(meeting_id).ended_at)
    assert "## Quarter closed" in minutes
    assert f"- {rocks[0]} carried over as {carried.id}" in minutes and f"- {rocks[1]} not done" in minutes


async def test_esc_writes_nothing_and_o_ends_the_session_leaving_the_quarter_open(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], demo_folder: Path
) -> None:
    meeting_id = start_meeting(demo_folder, agenda="quarterly")
    before = on_disk()
    app = make_app(clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await press_end(app, pilot, meeting_id)
        await pilot.press("c", "up", "delete")  # decided, then cleared again
        assert screen.decisions == {}
        await pilot.press("c", "escape")
        assert await wait_for(pilot, lambda: isinstance(app.screen, MeetingScreen))
        assert on_disk().rocks == before.rocks and on_disk().meeting(meeting_id).ended_at is None

        await pilot.press("e")
        assert await wait_for(pilot, lambda: isinstance(app.screen, QuarterCloseScreen))
        assert app.screen.decisions == {}  # a new dialog: the choice left with Esc is gone
        await pilot.press("o")
        assert await wait_for(pilot, lambda: isinstance(app.screen, MinutesScreen))
    view = on_disk()
    assert view.meeting(meeting_id).ended_at is not None
    assert view.rocks == before.rocks and view.meta.closed_quarters == []


async def test_a_second_session_after_the_close_ends_with_a_plain_question(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], demo_folder: Path
) -> None:
    first = start_meeting(demo_folder, agenda="quarterly")
    app = make_app(clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await press_end(app, pilot, first)
        await pilot.press(*["x"] * len(to_decide(on_disk())), "enter")
        assert await wait_for(pilot, lambda: isinstance(app.screen, MinutesScreen))
    closed_on = on_disk().meta.closed_quarters[0].closed_on
    second = start_meeting(demo_folder, agenda="quarterly")
    app = make_app(clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        open_meeting(app, second)
        await pilot.pause()
        await pilot.press("e")
        assert await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert f"2026-Q4 was closed on {closed_on}." in app.screen.question
        await pilot.press("y")
        assert await wait_for(pilot, lambda: on_disk().meeting(second).ended_at is not None)
    assert len(on_disk().meta.closed_quarters) == 1


async def test_a_rock_decided_elsewhere_meanwhile_makes_enter_refuse_and_write_nothing(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], demo_folder: Path
) -> None:
    from cadence.store import Workspace
    from cadence.store.actions import quarters

    meeting_id = start_meeting(demo_folder, agenda="quarterly")
    rocks = to_decide(on_disk())
    app = make_app(clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await press_end(app, pilot, meeting_id)
        await pilot.press(*["c"] * len(rocks))
        # another member marks the first rock done from the CLI while the dialog is open
        Workspace(demo_folder).apply(lambda tx: quarters.settle_rock(tx, rocks[0], "done", date(2026, 11, 24)))
        before = on_disk()
        await pilot.press("enter")
        assert await wait_for(pilot, lambda: "already done" in toasts(app))
    assert on_disk().rocks == before.rocks
    assert on_disk().meeting(meeting_id).ended_at is None


async def test_a_department_session_closes_its_own_rocks_never_the_company_ones(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], demo_folder: Path
) -> None:
    view = on_disk()
    sales = next(team for team in view.teams if not team.leadership)
    own = [
        rock.id
        for rock in view.rocks
        if rock.quarter == "2026-Q4" and rock.status in UNFINISHED and view.in_team(sales.id, rock.team_id, rock.owner_id)
    ]
    assert own and all(not view.rock(rock_id).company for rock_id in own)
    meeting_id = start_meeting_of(demo_folder, sales.id, agenda="quarterly")
    app = make_app(clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await press_end(app, pilot, meeting_id)
        assert [rock.id for rock in screen.rocks] == own
        await pilot.press(*["x"] * len(own), "enter")
        assert await wait_for(pilot, lambda: isinstance(app.screen, MinutesScreen))
    after = on_disk()
    assert [after.rock(rock_id).status for rock_id in own] == [RockStatus.NOT_DONE] * len(own)
    assert [(c.team_id, c.not_done) for c in after.meta.closed_quarters] == [(sales.id, own)]
    assert to_decide(after) == to_decide(view)  # the leadership's and the company's rocks are left as they were


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_close_screen_snapshot(
    make_app: Callable[..., CadenceApp], snap_compare, demo_folder: Path, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    meeting_id = start_meeting(demo_folder, agenda="quarterly")

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        app = pilot.app
        open_meeting(app, meeting_id)
        assert await wait_for(pilot, lambda: isinstance(app.screen, MeetingScreen) and app.screen._shown == 0)
        await pilot.press("e")
        assert await wait_for(pilot, lambda: isinstance(app.screen, QuarterCloseScreen))
        await pilot.press("c", "x")

    assert snap_compare(make_app(clock=Clock()), run_before=run_before, terminal_size=size)

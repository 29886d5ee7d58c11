"""IDS in the meeting driven with keys: the list, the top 3, one issue at a time on its clock, notes, solve, move, drop.

Each test opens the running meeting at its IDS section, presses keys as the
Integrator would, and reads the workspace file afterwards. The clock is
injected and moved by hand: an issue's time comes from the record and the
clock, so the numbers are exact.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from cadence.domain.meeting_parts import IdsOutcome, SectionKind
from cadence.domain.models import IssueStatus, IssueTerm
from cadence.store import Snapshot, Workspace, actions
from cadence.store.actions import meetings
from cadence.tui.app import CadenceApp
from cadence.tui.panels.meeting_ids import IdsPanel
from cadence.tui.screens.meeting import open_meeting

from tests.tui.conftest import SIZES
from tests.tui.meeting_helpers import MEETING_AT, Clock, go_to, start_meeting, type_text


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def at_ids(demo_folder: Path) -> str:
    """The leadership meeting, started at 09:00 and at IDS since 09:25."""
    meeting_id = start_meeting(demo_folder)
    go_to(demo_folder, meeting_id, SectionKind.IDS, MEETING_AT + timedelta(minutes=25))
    return meeting_id


def panel(app: CadenceApp) -> IdsPanel:
    return app.screen.query_one(IdsPanel)


async def open_ids(app: CadenceApp, pilot, meeting_id: str) -> IdsPanel:  # type: ignore[no-untyped-def]
    open_meeting(app, meeting_id)
    await pilot.pause()
    return panel(app)


async def move_to(pilot, ids: IdsPanel, key: str) -> None:  # type: ignore[no-untyped-def]
    for _ in range(ids.table.row_count):
        if ids.table.selected_key == key:
            return
        await pilot.press("down")
    assert ids.table.selected_key == key


async def test_the_list_has_the_team_short_term_issues_top_three_first_and_what_this_meeting_dropped(
    make_app: Callable[..., CadenceApp], demo_folder: Path, at_ids: str, clock: Clock
) -> None:
    workspace = Workspace(demo_folder)
    dropped = workspace.apply(lambda tx: actions.drop_rock_to_issues(tx, "R-2", MEETING_AT.date())).result
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        ids = await open_ids(app, pilot, at_ids)
        keys = [ids.table.coordinate_to_cell_key((row, 0)).row_key.value for row in range(ids.table.row_count)]
    expected = [i.id for i in meetings.ids_list(workspace.read(), workspace.read().meeting(at_ids))]
    assert keys == expected
    assert keys[:3] == ["I-13", "I-14", "I-15"], "the top 3 first, in order"
    assert dropped.id in keys, "an issue dropped earlier in this meeting is on the IDS list"


async def test_shifted_number_keys_pick_the_top_three_and_0_clears(
    make_app: Callable[..., CadenceApp], at_ids: str, on_disk: Callable[[], Snapshot], clock: Clock
) -> None:
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        ids = await open_ids(app, pilot, at_ids)
        await move_to(pilot, ids, "I-19")
        await pilot.press("exclamation_mark")
        await pilot.pause()
        await move_to(pilot, ids, "I-13")
        await pilot.press("0")
        await pilot.pause()
    issues = {i.id: i for i in on_disk().issues}
    assert issues["I-19"].rank == 1
    assert issues["I-13"].rank is None


async def test_enter_works_one_issue_at_a_time_each_on_its_own_clock(
    make_app: Callable[..., CadenceApp], at_ids: str, on_disk: Callable[[], Snapshot], clock: Clock
) -> None:
    clock.advance(minutes=30)
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        ids = await open_ids(app, pilot, at_ids)
        await pilot.press("enter")
        await pilot.pause()
        clock.advance(minutes=4, seconds=5)
        ids.refresh_data()
        await pilot.pause()
        assert str(ids.table.get_cell("I-13", "Time")) == "4:05", "the worked issue's clock shows next to it"
        assert "Working I-13 4:05" in str(ids.query_one("#ids-status").render())
        await pilot.press("down", "enter")
        await pilot.pause()
        clock.advance(minutes=1)
    meeting = on_disk().meeting(at_ids)
    assert meeting.ids_current == "I-14"
    assert meeting.ids_since == MEETING_AT + timedelta(minutes=34, seconds=5)
    work = {w.issue_id: w for w in meeting.ids_work}
    assert work["I-13"].seconds == 245, "moving on banks the first issue's time"


async def test_identify_and_discuss_notes_reach_the_file_as_typed(
    make_app: Callable[..., CadenceApp], at_ids: str, on_disk: Callable[[], Snapshot], clock: Clock
) -> None:
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_ids(app, pilot, at_ids)
        await pilot.press("enter", "i")
        await type_text(pilot, "Carrier misses pickups")
        await pilot.press("escape")  # leaves the box: saved
        await pilot.pause()
        assert app.focused is panel(app).table, "Esc gives the keys back to the list"
        await pilot.press("D")
        await type_text(pilot, "Two quotes this week")
        await pilot.press("escape", "n")  # the section changes: the frame flushes the panel first
        await pilot.pause()
    meeting = on_disk().meeting(at_ids)
    work = {w.issue_id: w for w in meeting.ids_work}
    assert (work["I-13"].identify, work["I-13"].discuss) == ("Carrier misses pickups", "Two quotes this week")


async def test_notes_follow_the_issue_being_worked(
    make_app: Callable[..., CadenceApp], demo_folder: Path, at_ids: str, clock: Clock
) -> None:
    Workspace(demo_folder).apply(lambda tx: meetings.set_ids_notes(tx, at_ids, "I-14", identify="Referral fee unclear"))
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        ids = await open_ids(app, pilot, at_ids)
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.pause()
        assert ids.box("identify").text == "Referral fee unclear"
        assert ids.box("identify").issue_id == "I-14"


async def test_solve_records_the_decision_and_title_at_owner_todos_due_in_a_week(
    make_app: Callable[..., CadenceApp], at_ids: str, on_disk: Callable[[], Snapshot], clock: Clock
) -> None:
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        ids = await open_ids(app, pilot, at_ids)
        await pilot.press("enter", "i")
        await type_text(pilot, "One carrier")
        await pilot.press("escape", "s")
        await type_text(pilot, "Add a second carrier")
        await pilot.press("enter")
        await type_text(pilot, "Call Fastline@Tom; Update the SOP@Marcus")
        await pilot.press("enter")
        await pilot.pause()
        shown = [ids.table.coordinate_to_cell_key((r, 0)).row_key.value for r in range(ids.table.row_count)]
        assert "I-13" not in shown, "a solved issue leaves the list"
        assert "Solved this meeting: 1" in str(ids.query_one("#ids-status").render())
    snapshot = on_disk()
    issue = snapshot.issue("I-13")
    assert (issue.status, issue.decision, issue.root_cause) == (
        IssueStatus.SOLVED,
        "Add a second carrier",
        "One carrier",
    )
    made = [t for t in snapshot.todos if t.source == "I-13"]
    assert [(t.title, snapshot.person_name(t.owner_id), t.due) for t in made] == [
        ("Call Fastline", "Tom Becker", date(2026, 12, 1)),
        ("Update the SOP", "Marcus Lindqvist", date(2026, 12, 1)),
    ]
    meeting = snapshot.meeting(at_ids)
    assert set(meeting.new_todo_ids) == {t.id for t in made}
    assert [w.outcome for w in meeting.ids_work if w.issue_id == "I-13"] == [IdsOutcome.SOLVED]


async def test_solve_refuses_a_todo_without_a_known_owner_and_writes_nothing(
    make_app: Callable[..., CadenceApp], at_ids: str, on_disk: Callable[[], Snapshot], clock: Clock
) -> None:
    before = on_disk()
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_ids(app, pilot, at_ids)
        await pilot.press("s")
        await type_text(pilot, "Decide")
        await pilot.press("enter")
        await type_text(pilot, "Call@Zed")
        await pilot.press("enter")
        await pilot.pause()
        assert "no person" in str(app.screen.query_one("#error-todos").render())
        await pilot.press("escape")
        await pilot.pause()
    after = on_disk()
    assert after.issue("I-13").status is IssueStatus.OPEN
    assert after.todos == before.todos


async def test_l_moves_to_long_term_and_d_drops_after_asking(
    make_app: Callable[..., CadenceApp], at_ids: str, on_disk: Callable[[], Snapshot], clock: Clock
) -> None:
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_ids(app, pilot, at_ids)
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ConfirmScreen"
        await pilot.press("y")
        await pilot.pause()
    snapshot = on_disk()
    assert snapshot.issue("I-13").term is IssueTerm.LONG
    assert snapshot.issue("I-14").status is IssueStatus.DROPPED
    outcomes = {w.issue_id: w.outcome for w in snapshot.meeting(at_ids).ids_work}
    assert outcomes == {"I-13": IdsOutcome.LONG_TERM, "I-14": IdsOutcome.DROPPED}


async def test_a_adds_an_issue_to_the_meeting_team_list(
    make_app: Callable[..., CadenceApp], at_ids: str, on_disk: Callable[[], Snapshot], clock: Clock
) -> None:
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        ids = await open_ids(app, pilot, at_ids)
        await pilot.press("a")
        await type_text(pilot, "Forklift battery")
        await pilot.press("enter", "enter")
        await pilot.pause()
        added = on_disk().issues[-1]
        assert ids.table.selected_key == added.id
    meeting = on_disk().meeting(at_ids)
    assert (added.title, added.team_id, added.term) == ("Forklift battery", meeting.team_id, IssueTerm.SHORT)


async def test_a_follower_cannot_move_ids_to_another_issue(
    make_app: Callable[..., CadenceApp], demo_folder: Path, on_disk: Callable[[], Snapshot], clock: Clock
) -> None:
    meeting_id = start_meeting(demo_folder, driver="someone@else:1")
    go_to(demo_folder, meeting_id, SectionKind.IDS)
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_ids(app, pilot, meeting_id)
        await pilot.press("enter")
        await pilot.pause()
    assert on_disk().meeting(meeting_id).ids_current is None


@pytest.mark.parametrize("size", SIZES)
def test_ids_snapshot(
    make_app: Callable[..., CadenceApp],
    demo_folder: Path,
    at_ids: str,
    snap_compare,
    size,  # type: ignore[no-untyped-def]
) -> None:
    workspace = Workspace(demo_folder)
    worked_at = MEETING_AT + timedelta(minutes=26)
    workspace.apply(lambda tx: meetings.work_on_issue(tx, at_ids, "I-13", worked_at))
    workspace.apply(lambda tx: meetings.set_ids_notes(tx, at_ids, "I-13", identify="One carrier", discuss="Fastline?"))
    clock = Clock(worked_at + timedelta(minutes=7, seconds=30))
    app = make_app(clock=clock)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        open_meeting(app, at_ids)
        await pilot.pause()

    assert snap_compare(app, run_before=run_before, terminal_size=size)


async def test_the_footer_shows_the_ids_keys_and_the_meetings_whole_at_80_columns(
    make_app: Callable[..., CadenceApp], at_ids: str, clock: Clock
) -> None:
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_ids(app, pilot, at_ids)
        await pilot.pause()
        shown = list(app.screen.query_one(Footer).query(FooterKey))
        palette = next(item for item in shown if item.has_class("-command-palette"))
        for item in shown:
            if item is not palette:
                assert item.region.right <= palette.region.x, f"{item.key} {item.description} runs under the palette"
        keys = {item.key for item in shown}
    assert {"s", "exclamation_mark", "l", "d", "a", "n", "p", "space"} <= keys
    # i and D are named on screen, over their boxes: "Identify (i)", "Discuss (D)"

"""The meeting screen (the frame): moving through the agenda, the clocks, pause, attendance, end, and its sections.

Every test drives the app with keys and asserts the workspace file. The clock
is injected and moved by hand: the screen draws clocks from the record and the
clock, never from a counter, so nothing sleeps and nothing is timed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from cadence.domain.models import Issue, IssueStatus, RockStatus
from cadence.store import Snapshot, Workspace
from cadence.store.actions import meetings
from cadence.tui.app import CadenceApp
from cadence.tui.panels.meeting_headlines import MeetingHeadlinesPanel
from cadence.tui.panels.meeting_rocks import MeetingRocksPanel
from cadence.tui.panels.meeting_scorecard import MeetingScorecardPanel
from cadence.tui.panels.meeting_segue import MeetingSeguePanel
from cadence.tui.panels.meeting_todos import MeetingTodosPanel
from cadence.tui.screens.attendance import AttendanceScreen
from cadence.tui.screens.help import HelpScreen
from cadence.tui.screens.meeting import FOLLOWER_SAYS, MeetingScreen, open_meeting
from cadence.tui.screens.minutes import MinutesScreen
from cadence.tui.widgets.agenda_sidebar import AgendaSidebar
from cadence.tui.widgets.autosave_text import AutosaveText
from cadence.tui.widgets.record_table import RecordTable
from textual import events
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from tests.tui.conftest import SIZES
from tests.tui.meeting_support import Clock, start_meeting, start_meeting_of, toasts, wait_for

SEGUE, SCORECARD, ROCKS, HEADLINES, TODOS, IDS, CONCLUDE = range(7)
SECTION_NAMES = ["segue", "scorecard", "rocks", "headlines", "todos", "ids", "conclude"]


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def meeting_id(demo_folder: Path) -> str:
    return start_meeting(demo_folder)


def raised(snapshot: Snapshot, meeting_id: str) -> list[Issue]:
    return meetings.raised_issues(snapshot, snapshot.meeting(meeting_id))


def shown(app: CadenceApp) -> str:
    screen = app.screen
    assert isinstance(screen, MeetingScreen)
    return str(screen.query_one("#meeting-header").render()) + "\n" + str(screen.query_one(AgendaSidebar).render())


async def open_at(app: CadenceApp, pilot, meeting_id: str, section: int = 0):  # type: ignore[no-untyped-def]
    open_meeting(app, meeting_id)
    await pilot.pause()
    for step in range(1, section + 1):
        await pilot.press("n")
        assert await wait_for(pilot, lambda step=step: app.screen.meeting.current == step and app.screen._shown == step)
    return app.screen


async def test_n_p_tab_move_through_the_agenda_and_each_section_keeps_its_time(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], meeting_id: str, clock: Clock
) -> None:
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_at(app, pilot, meeting_id)
        assert isinstance(screen.panel, MeetingSeguePanel)
        clock.advance(minutes=4)
        await pilot.press("n")
        assert await wait_for(pilot, lambda: on_disk().meeting(meeting_id).current == SCORECARD)
        assert await wait_for(pilot, lambda: isinstance(screen.panel, MeetingScorecardPanel))
        clock.advance(minutes=2)
        await pilot.press("tab")
        assert await wait_for(pilot, lambda: on_disk().meeting(meeting_id).current == ROCKS)
        await pilot.press("shift+tab")
        assert await wait_for(pilot, lambda: on_disk().meeting(meeting_id).current == SCORECARD)
        await pilot.press("p")
        assert await wait_for(pilot, lambda: on_disk().meeting(meeting_id).current == SEGUE)
    sections = on_disk().meeting(meeting_id).sections
    assert sections[SEGUE].elapsed_seconds == 4 * 60
    assert sections[SCORECARD].elapsed_seconds == 2 * 60


async def test_space_pauses_and_resumes_the_clock_on_the_record(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], meeting_id: str, clock: Clock
) -> None:
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_at(app, pilot, meeting_id)
        clock.advance(minutes=3)
        await pilot.press("space")
        assert await wait_for(pilot, lambda: on_disk().meeting(meeting_id).paused)
        assert "PAUSED" in shown(app)
        assert "3:00 / 1:30:00" in shown(app)
        clock.advance(minutes=10)  # a paused clock does not move
        app.screen.redraw_clocks()
        assert "3:00 / 1:30:00" in shown(app)
        await pilot.press("space")
        assert await wait_for(pilot, lambda: not on_disk().meeting(meeting_id).paused)
        clock.advance(minutes=1)
        app.screen.redraw_clocks()
        assert "4:00 / 1:30:00" in shown(app)
        assert "PAUSED" not in shown(app)
    meeting = on_disk().meeting(meeting_id)
    assert meeting.sections[SEGUE].elapsed_seconds == 3 * 60
    assert meeting.running_since == clock.now.replace(minute=13)


async def test_space_while_writing_is_a_space_and_the_line_reaches_the_file_on_the_section_change(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], meeting_id: str, clock: Clock
) -> None:
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_at(app, pilot, meeting_id)
        await pilot.press("enter")  # write: the first attendee's line
        assert isinstance(screen.focused, AutosaveText)
        await pilot.press(*"won a deal", "escape")  # n, space and e are text here; Esc ends writing
        assert not on_disk().meeting(meeting_id).paused
        await pilot.press("n")
        assert await wait_for(pilot, lambda: on_disk().meeting(meeting_id).current == SCORECARD)
    meeting = on_disk().meeting(meeting_id)
    assert [line.text for line in meeting.segue] == ["won a deal"]
    assert meeting.segue[0].person_id == meeting.attendee_ids[0]
    assert not meeting.paused


async def test_a_section_past_its_budget_says_so_in_words(
    make_app: Callable[..., CadenceApp], meeting_id: str, clock: Clock
) -> None:
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_at(app, pilot, meeting_id)
        clock.advance(minutes=7, seconds=10)
        app.screen.redraw_clocks()
        assert "7:10 +2:10 over" in shown(app)
        assert "7:10 / 1:30:00" in shown(app)


async def test_attendance_at_the_start_records_who_is_absent(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], meeting_id: str, clock: Clock
) -> None:
    everyone = on_disk().meeting(meeting_id).attendee_ids
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        open_meeting(app, meeting_id, take_attendance=True)
        assert await wait_for(pilot, lambda: isinstance(app.screen, AttendanceScreen))
        await pilot.press("down", "space", "enter")  # the second person is not here
        assert await wait_for(pilot, lambda: isinstance(app.screen, MeetingScreen))
    meeting = on_disk().meeting(meeting_id)
    assert meeting.absent_ids == [everyone[1]]
    assert everyone[1] not in meeting.attendee_ids and len(meeting.attendee_ids) == len(everyone) - 1


async def test_e_ends_the_meeting_after_asking_and_freezes_the_minutes(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], meeting_id: str, clock: Clock
) -> None:
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_at(app, pilot, meeting_id)
        clock.advance(minutes=5)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("n")  # "no": nothing happens
        await pilot.pause()
        assert on_disk().meeting(meeting_id).ended_at is None
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("y")
        assert await wait_for(pilot, lambda: on_disk().meeting(meeting_id).ended_at is not None)
        assert await wait_for(pilot, lambda: isinstance(app.screen, MinutesScreen))  # the minutes, read-only
    meeting = on_disk().meeting(meeting_id)
    assert meeting.ended_at == clock.now
    assert meeting.minutes is not None


async def test_a_follower_cannot_move_the_agenda_or_the_clock(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], demo_folder: Path, clock: Clock
) -> None:
    meeting_id = start_meeting(demo_folder, driver="someone@else:1")
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_at(app, pilot, meeting_id)
        await pilot.press("n", "space", "p")
        await pilot.pause()
        assert FOLLOWER_SAYS in toasts(app)
        assert "driver someone@else:1" in shown(app)
    meeting = on_disk().meeting(meeting_id)
    assert meeting.current == SEGUE and not meeting.paused


async def test_escape_leaves_and_the_meeting_keeps_running(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], meeting_id: str, clock: Clock
) -> None:
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_at(app, pilot, meeting_id)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, MeetingScreen)
    meeting = on_disk().meeting(meeting_id)
    assert meeting.ended_at is None and not meeting.paused


async def test_a_number_key_in_the_meeting_stays_in_it_and_says_how_to_leave(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], meeting_id: str, clock: Clock
) -> None:
    """Typing "48000" without Enter first used to switch to Issues, then Vision: the digits now stay put."""
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_at(app, pilot, meeting_id, SCORECARD)
        await pilot.press("4", "8")
        await pilot.pause()
        assert app.screen is screen
        assert "Esc leaves it" in toasts(app)
    assert on_disk().meeting(meeting_id).current == SCORECARD


# The sections' own keys -------------------------------------------------------------------


async def test_todos_x_marks_done_c_carries_over_i_drops_to_issues_with_the_rate_live(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], meeting_id: str, clock: Clock
) -> None:
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_at(app, pilot, meeting_id, TODOS)
        panel = screen.panel
        assert isinstance(panel, MeetingTodosPanel)
        reviewed = [todo for todo in panel.visible_todos() if not todo.done]
        first, second, third = (todo.id for todo in reviewed[:3])
        assert "17% (1/6)" in str(panel.query_one("#todo-rate").render())
        panel.table().move_cursor(row=[t.id for t in panel.visible_todos()].index(first))
        await pilot.press("x")
        assert await wait_for(pilot, lambda: on_disk().todo(first).done)
        assert await wait_for(pilot, lambda: "33% (2/6)" in str(panel.query_one("#todo-rate").render()))
        panel.table().move_cursor(row=[t.id for t in panel.visible_todos()].index(second))
        due_before = on_disk().todo(second).due
        await pilot.press("c")
        assert await wait_for(pilot, lambda: on_disk().todo(second).due > due_before)
        panel.table().move_cursor(row=[t.id for t in panel.visible_todos()].index(third))
        await pilot.press("i")
        assert await wait_for(pilot, lambda: len(raised(on_disk(), meeting_id)) == 1)
    assert on_disk().todo(third).title in raised(on_disk(), meeting_id)[0].title
    assert on_disk().meeting(meeting_id).current == TODOS  # x, c and i never moved the agenda


async def test_going_down_the_todo_review_with_x_marks_each_row_under_the_cursor(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], meeting_id: str, clock: Clock
) -> None:
    """Marking one done moves no row: "x, down, x, down, c" acts on the first three rows as they were shown."""
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_at(app, pilot, meeting_id, TODOS)
        panel = screen.panel
        assert isinstance(panel, MeetingTodosPanel)
        shown_order = [todo.id for todo in panel.visible_todos()]
        open_ones = [todo_id for todo_id in shown_order if not on_disk().todo(todo_id).done]
        assert len(open_ones) >= 3
        panel.table().move_cursor(row=shown_order.index(open_ones[0]))
        await pilot.press("x")
        assert await wait_for(pilot, lambda: on_disk().todo(open_ones[0]).done)
        assert [todo.id for todo in panel.visible_todos()] == shown_order
        panel.table().move_cursor(row=shown_order.index(open_ones[1]))
        await pilot.press("x")
        assert await wait_for(pilot, lambda: on_disk().todo(open_ones[1]).done)
        assert panel.table().selected_key == open_ones[1]
        await pilot.press("down")
        due_before = on_disk().todo(shown_order[shown_order.index(open_ones[1]) + 1]).due
        await pilot.press("c")
        below = shown_order[shown_order.index(open_ones[1]) + 1]
        assert await wait_for(pilot, lambda: on_disk().todo(below).due > due_before or on_disk().todo(below).done)
        assert [todo.id for todo in panel.visible_todos()] == shown_order


async def test_rocks_o_and_f_set_the_status_and_i_drops_an_off_track_rock(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], meeting_id: str, clock: Clock
) -> None:
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_at(app, pilot, meeting_id, ROCKS)
        panel = screen.panel
        assert isinstance(panel, MeetingRocksPanel)
        rock = panel.rock_here()
        assert rock is not None
        await pilot.press("o")
        assert await wait_for(pilot, lambda: on_disk().rock(rock.id).status is RockStatus.ON_TRACK)
        await pilot.press("f")
        assert await wait_for(pilot, lambda: on_disk().rock(rock.id).status is RockStatus.OFF_TRACK)
        await pilot.press("i")
        assert await wait_for(pilot, lambda: len(raised(on_disk(), meeting_id)) == 1)
    issue = raised(on_disk(), meeting_id)[0]
    assert issue.status is IssueStatus.OPEN and rock.title in issue.title


async def test_scorecard_n_and_p_stay_the_meetings_keys_and_i_drops_a_red_number(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], meeting_id: str, clock: Clock
) -> None:
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_at(app, pilot, meeting_id, SCORECARD)
        assert isinstance(screen.panel, MeetingScorecardPanel)
        await pilot.press("p")  # not the Scorecard's period key: the previous section
        assert await wait_for(pilot, lambda: on_disk().meeting(meeting_id).current == SEGUE)


# Headlines: cascaded messages show ------------------------------------------------------------


async def test_a_message_cascaded_from_another_teams_meeting_shows_in_headlines(
    make_app: Callable[..., CadenceApp], demo_folder: Path, meeting_id: str, clock: Clock
) -> None:
    workspace = Workspace(demo_folder)
    view = workspace.read()
    leadership = next(team for team in view.teams if team.leadership)
    sales = next(team for team in view.teams if not team.leadership)
    sent = start_meeting_of(demo_folder, sales.id)
    workspace.apply(lambda tx: meetings.add_cascade(tx, sent, "Price list changes on 1 Dec", [leadership.id]))
    workspace.apply(lambda tx: meetings.end_meeting(tx, sent, clock.now))
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_at(app, pilot, meeting_id, HEADLINES)
        panel = screen.panel
        assert isinstance(panel, MeetingHeadlinesPanel)
        texts = [headline.text for headline in panel.visible_headlines()]
        assert "Price list changes on 1 Dec" in texts
        assert "cascade" in str(panel.query_one("#headline-table", RecordTable).get_row_at(0))


# Snapshots ------------------------------------------------------------------------------------

SPENT = [4.5, 6, 3, 2, 5]  # minutes in each section before moving on (the scorecard ran over)


async def walk_to(pilot, section: int, clock: Clock, agenda_meeting: str) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    open_meeting(app, agenda_meeting)
    await pilot.pause()
    for step in range(1, section + 1):
        clock.advance(minutes=SPENT[(step - 1) % len(SPENT)])
        await pilot.press("n")
        assert await wait_for(pilot, lambda step=step: app.screen._shown == step)
    clock.advance(minutes=2)
    app.screen.redraw_clocks()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("section", [SEGUE, SCORECARD, ROCKS, HEADLINES, TODOS], ids=lambda n: SECTION_NAMES[n])
def test_weekly_meeting_section_snapshot(
    make_app: Callable[..., CadenceApp], snap_compare, demo_folder: Path, size: tuple[int, int], section: int
) -> None:  # type: ignore[no-untyped-def]
    meeting = start_meeting(demo_folder)
    clock = Clock()

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await walk_to(pilot, section, clock, meeting)

    assert snap_compare(make_app(clock=clock), run_before=run_before, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("section", [1, 2], ids=["notes", "people"])
def test_same_page_meeting_section_snapshot(
    make_app: Callable[..., CadenceApp], snap_compare, demo_folder: Path, size: tuple[int, int], section: int
) -> None:  # type: ignore[no-untyped-def]
    meeting = start_meeting(demo_folder, agenda="same-page")
    clock = Clock()

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await walk_to(pilot, section, clock, meeting)

    assert snap_compare(make_app(clock=clock), run_before=run_before, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_attendance_snapshot(
    make_app: Callable[..., CadenceApp], snap_compare, demo_folder: Path, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    meeting = start_meeting(demo_folder)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        open_meeting(pilot.app, meeting, take_attendance=True)
        assert await wait_for(pilot, lambda: isinstance(pilot.app.screen, AttendanceScreen))
        await pilot.press("down", "space")

    assert snap_compare(make_app(clock=Clock()), run_before=run_before, terminal_size=size)


async def test_a_meeting_started_without_a_driver_is_driven_by_the_first_terminal_that_moves_it(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], meeting_id: str, clock: Clock
) -> None:
    assert on_disk().meeting(meeting_id).driver == ""  # started from the CLI
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_at(app, pilot, meeting_id)
        await pilot.press("n")
        assert await wait_for(pilot, lambda: on_disk().meeting(meeting_id).current == SCORECARD)
    assert on_disk().meeting(meeting_id).driver == app.session.driver_label


async def test_scorecard_a_missing_number_is_entered_and_a_red_one_drops_to_issues(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], meeting_id: str, clock: Clock
) -> None:
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_at(app, pilot, meeting_id, SCORECARD)
        cash = next(m for m in on_disk().measurables if m.title == "Cash in bank")
        week = on_disk().week_of(clock.now.date()) - timedelta(days=7)  # the meeting reviews the week just ended
        scores_before = len(on_disk().scores)
        # Cash in bank, last week: no number yet. Enter types it (ENTRY); n and p are digits' neighbours, not moves.
        await pilot.press("down", "enter", *"190000", "enter", "escape")
        assert await wait_for(pilot, lambda: len(on_disk().scores) == scores_before + 1)
        score = next(s for s in on_disk().scores if s.measurable_id == cash.id and s.week == week)
        assert score.value == 190000  # under the $200,000 goal: red
        await pilot.press("up", "i")
        assert await wait_for(pilot, lambda: len(raised(on_disk(), meeting_id)) == 1)
    assert "Cash in bank" in raised(on_disk(), meeting_id)[0].title
    assert on_disk().meeting(meeting_id).current == SCORECARD


async def test_tab_while_writing_moves_to_the_next_persons_line_not_the_next_section(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], meeting_id: str, clock: Clock
) -> None:
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_at(app, pilot, meeting_id)
        await pilot.press("enter", *"first", "tab", *"second", "escape")
        assert await wait_for(pilot, lambda: len(on_disk().meeting(meeting_id).segue) == 2)
        await pilot.press("tab")  # not writing: the next section
        assert await wait_for(pilot, lambda: on_disk().meeting(meeting_id).current == SCORECARD)
    meeting = on_disk().meeting(meeting_id)
    assert [(line.person_id, line.text) for line in meeting.segue] == list(
        zip(meeting.attendee_ids[:2], ["first", "second"], strict=True)
    )


async def test_a_sections_key_typed_in_the_same_burst_as_n_reaches_the_new_section(
    make_app: Callable[..., CadenceApp], on_disk: Callable[[], Snapshot], meeting_id: str, clock: Clock
) -> None:
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_at(app, pilot, meeting_id, HEADLINES)
        reviewed = meetings.review_todos(on_disk(), on_disk().meeting(meeting_id))
        snapshot = on_disk()
        first_row = min(reviewed, key=lambda todo: (snapshot.person_name(todo.owner_id), int(todo.id[2:])))
        for key in ("n", "x"):  # one read from the terminal: next section, then done/not done on its first row
            app.post_message(events.Key(key, key))
        assert await wait_for(pilot, lambda: on_disk().todo(first_row.id).done is not first_row.done)
    assert on_disk().meeting(meeting_id).current == TODOS


# Keys: the footer fits 80 columns, and ? lists every key ------------------------------------------------

FOOTER_KEYS = {
    ("weekly", SEGUE): {"enter", "n", "p", "space"},
    ("weekly", SCORECARD): {"enter", "N", "i", "n", "p", "space"},
    ("weekly", ROCKS): {"o", "f", "i", "n", "p", "space"},
    ("weekly", HEADLINES): {"a", "i", "n", "p", "space"},
    ("weekly", TODOS): {"x", "c", "i", "n", "p", "space"},
    ("same-page", 1): {"enter", "n", "p", "space"},
    ("same-page", 2): {"a", "E", "n", "p", "space"},
}


@pytest.mark.parametrize("where", list(FOOTER_KEYS), ids=lambda where: f"{where[0]}-{where[1]}")
async def test_each_sections_footer_shows_its_keys_whole_at_80_columns(
    make_app: Callable[..., CadenceApp], demo_folder: Path, where: tuple[str, int]
) -> None:
    agenda, section = where
    meeting = start_meeting(demo_folder, agenda=agenda)
    app = make_app(clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_at(app, pilot, meeting, section)
        await pilot.pause()  # the footer redraws for the focused panel's keys
        shown = list(app.screen.query_one(Footer).query(FooterKey))
        palette = next(item for item in shown if item.has_class("-command-palette"))
        for item in shown:
            if item is not palette:
                assert item.region.right <= palette.region.x, (
                    f"{item.key} {item.description} runs under the palette key"
                )
                assert item.region.width == item.get_content_width(item.size, item.size), f"{item.key} is cut"
        keys = {item.key for item in shown}
        wanted = {{"space": "space"}.get(k, k) for k in FOOTER_KEYS[where]} | {"question_mark"}
        assert wanted <= keys, f"missing from the footer: {wanted - keys}"


@pytest.mark.parametrize("section", [SEGUE, SCORECARD, ROCKS, HEADLINES, TODOS], ids=lambda n: SECTION_NAMES[n])
async def test_help_lists_the_meetings_keys_and_the_sections(
    make_app: Callable[..., CadenceApp], meeting_id: str, section: int
) -> None:
    app = make_app(clock=Clock())
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_at(app, pilot, meeting_id, section)
        active = {item.binding.action for item in screen.active_bindings.values()}
        wanted = [
            binding
            for node in [screen, *screen.query("*")]
            for cls in type(node).__mro__
            if cls.__module__.startswith("cadence.") and cls.__dict__.get("BINDINGS")
            for binding in cls.__dict__["BINDINGS"]
            if isinstance(binding, Binding) and binding.action in active
        ]
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        listed = {description for _, description in app.screen.keys}
        missing = [b.action for b in wanted if (b.tooltip or b.description) not in listed]
        assert not missing, f"keys that work but are not in help: {missing}"

"""The Meetings section (key 7) driven with keys, checked against the workspace file on disk.

Covers the history rows (figures from the file), ``s`` starting this week's
meeting, Enter opening read-only minutes, ``x`` exporting them (and never
overwriting without a yes), ``e`` changing the team's slot, the toast for a
bad agenda template, and the offer to resume a running meeting on start.
"""

from __future__ import annotations

import time
from datetime import datetime
from datetime import time as clock_time
from pathlib import Path

import pytest
from cadence.domain.meeting_clock import clock_text
from cadence.domain.minutes_markdown import minutes_markdown
from cadence.store import Workspace
from cadence.store.actions import meetings
from cadence.store.agendas import load_agendas

from tests.tui.conftest import FIXED_NOW, SIZES

LEADERSHIP = "TM-1"


async def wait_for(pilot, condition, seconds: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    """Let the app run until ``condition()`` holds (a write runs in a thread); False if it never does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        await pilot.pause(0.05)
    return condition()


def keys_of(table) -> list[str]:  # type: ignore[no-untyped-def]
    return [table.coordinate_to_cell_key((row, 0)).row_key.value for row in range(table.row_count)]


def cell_texts(table, key: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(cell) for cell in table.get_row(key)]


def meeting_screen(app):  # type: ignore[no-untyped-def]
    """The meeting screen if it is open (it may have its attendance or who-are-you dialog over it), else None."""
    return next((screen for screen in app.screen_stack if screen.__class__.__name__ == "MeetingScreen"), None)


def toasts(app) -> str:  # type: ignore[no-untyped-def]
    return " ".join(f"{note.title} {note.message}" for note in app._notifications)


def start_running_meeting(folder: Path, driver: str, at: datetime, section: int = 0) -> str:
    """A meeting left running by another (gone) terminal, moved to ``section``, as a killed app leaves it."""
    weekly = load_agendas().get("weekly")

    def change(tx):  # type: ignore[no-untyped-def]
        meeting = meetings.start_meeting(tx, weekly, at, team=LEADERSHIP, driver=driver)
        if section:
            meeting = meetings.go_to_section(tx, meeting.id, section, at.replace(minute=at.minute + 20), driver=driver)
        return meeting.id

    return Workspace(folder).apply(change).result


async def test_key_7_shows_the_leadership_history_from_the_file(make_app, on_disk) -> None:
    app = make_app()
    past = meetings.past_meetings(on_disk(), LEADERSHIP)
    assert [m.id for m in past] == ["MT-3", "MT-2", "MT-1"], "the demo's leadership meetings, newest first"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("7")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "MeetingsScreen"
        table = app.screen.query_one("RecordTable")
        assert keys_of(table) == [m.id for m in past], "the picked team's meetings only (MT-4 is Sales')"
        for meeting in past:
            cells = cell_texts(table, meeting.id)
            length = sum(section.elapsed_seconds for section in meeting.sections)
            budget = sum(section.budget_minutes for section in meeting.sections)
            assert cells[1] == f"{meeting.started_at:%a %d %b %Y}"
            assert cells[2] == f"{clock_text(length)} / {budget}"
            assert cells[3].startswith(f"{meeting.average_rating:.1f}")
            assert cells[5] == str(len(meeting.new_todo_ids))
        assert "7.4 ✗" in cell_texts(table, "MT-2")[3], "a rating under 8 is marked, not only coloured"
        slots = str(app.screen.query_one("#meeting-slots").render())
        assert "Leadership team  Tue 09:00 · Weekly meeting, 90 min · next Tue 24 Nov 09:00 (tomorrow)" in slots
        assert "Sales  Wed 14:00 · Department weekly (60 min) · next Wed 25 Nov 14:00 (in 2 days)" in slots


async def test_s_starts_this_weeks_meeting_on_the_teams_agenda(make_app, on_disk) -> None:
    app = make_app()
    before = len(on_disk().meetings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7", "s")
        assert await wait_for(pilot, lambda: meeting_screen(app) is not None)
        label = app.session.driver_label
    after = on_disk()
    assert len(after.meetings) == before + 1
    started = after.meetings[-1]
    assert (started.team_id, started.agenda, started.started_at, started.ended_at, started.driver) == (
        LEADERSHIP,
        "weekly",
        FIXED_NOW,
        None,
        label,
    )
    assert [section.name for section in started.sections] == [
        "Segue",
        "Scorecard",
        "Rock review",
        "Headlines",
        "To-Do list",
        "IDS",
        "Conclude",
    ]
    assert started.running_since == FIXED_NOW, "the clock runs from the start"


async def test_s_with_a_meeting_running_joins_it_and_starts_no_other(make_app, demo_folder, on_disk) -> None:
    running_id = start_running_meeting(demo_folder, "someone@else:1", FIXED_NOW)
    before = on_disk().meetings
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # not now, to the resume offer
        await pilot.press("7")
        await pilot.pause()
        table = app.screen.query_one("RecordTable")
        assert keys_of(table)[0] == running_id, "the running meeting sits on top of the history"
        assert "running" in cell_texts(table, running_id)[-1]
        running_text = str(app.screen.query_one("#meeting-running").render())
        assert f"{running_id} running · Segue, 0:00 in" in running_text
        assert "driven by someone@else:1" in running_text
        assert "s: join" in running_text and "Enter" not in running_text  # Enter opens the highlighted row
        await pilot.press("down", "s")  # the cursor on a past meeting: s still joins the running one
        assert await wait_for(pilot, lambda: meeting_screen(app) is not None)
        assert meeting_screen(app).meeting_id == running_id
    assert on_disk().meetings == before, "joining writes nothing (T takes over driving)"


async def test_enter_on_a_past_meeting_shows_its_minutes_read_only(make_app, on_disk, demo_folder) -> None:
    app = make_app()
    snapshot = on_disk()
    file_before = (demo_folder / "cadence.json").read_bytes()
    meeting = snapshot.meeting("MT-3")
    expected = minutes_markdown(meeting, meetings.minutes_names(snapshot), "Leadership team", FIXED_NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7", "enter")
        assert await wait_for(
            pilot, lambda: app.screen.__class__.__name__ == "MinutesScreen" and bool(app.screen.query("MarkdownViewer"))
        )
        viewer = app.screen.query_one("MarkdownViewer")
        assert viewer.document.source == expected
        assert "MT-3" in str(app.screen.query_one("#minutes-title").render())
        await pilot.press("pagedown", "down", "escape")
        assert await wait_for(pilot, lambda: app.screen.__class__.__name__ == "MeetingsScreen")
    assert (demo_folder / "cadence.json").read_bytes() == file_before, "reading minutes changes nothing"


async def test_x_exports_minutes_and_asks_before_overwriting(make_app, on_disk, tmp_path, monkeypatch) -> None:
    where = tmp_path / "out"
    where.mkdir()
    monkeypatch.chdir(where)
    snapshot = on_disk()
    expected = minutes_markdown(
        snapshot.meeting("MT-2"), meetings.minutes_names(snapshot), "Leadership team", FIXED_NOW
    )
    target = where / "minutes-MT-2-2026-11-10.md"
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7", "down", "x")
        await pilot.pause()
        await pilot.press("enter")  # the default name, in the current directory
        assert await wait_for(pilot, target.exists)
        assert await wait_for(pilot, lambda: f"written to {target}" in toasts(app))
        assert target.read_text(encoding="utf-8") == expected
        target.write_text("my own notes\n", encoding="utf-8")
        await pilot.press("x", "enter")
        assert await wait_for(pilot, lambda: app.screen.__class__.__name__ == "ConfirmScreen")
        await pilot.press("n")
        assert await wait_for(pilot, lambda: "kept as it was" in toasts(app))
        assert target.read_text(encoding="utf-8") == "my own notes\n", "no means no"
        await pilot.press("x", "enter")
        assert await wait_for(pilot, lambda: app.screen.__class__.__name__ == "ConfirmScreen")
        await pilot.press("y")
        assert await wait_for(pilot, lambda: target.read_text(encoding="utf-8") == expected)
    assert sorted(path.name for path in where.iterdir()) == [target.name], "no temporary file left behind"


async def test_x_to_a_folder_that_is_not_there_says_so_under_the_field(make_app, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7", "x", "ctrl+u", *"missing/dir/m.md", "enter")
        assert await wait_for(pilot, lambda: "No such file" in str(app.screen.query_one("#error-path").render()))
        await pilot.press("escape")
    assert not (tmp_path / "missing").exists()


async def test_e_changes_the_teams_slot_in_the_file(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7", "e")
        await pilot.pause()
        await pilot.press("ctrl+u", *"thu", "enter", "ctrl+u", *"10:30", "enter", "ctrl+u", *"department", "enter")
        assert await wait_for(pilot, lambda: app.session.snapshot.team(LEADERSHIP).meeting_day == 3)
        await pilot.pause()
        slots = str(app.screen.query_one("#meeting-slots").render())
        assert "Leadership team  Thu 10:30 · Department weekly (60 min) · next Thu 26 Nov" in slots
    team = on_disk().team(LEADERSHIP)
    assert (team.meeting_day, team.meeting_time, team.agenda) == (3, clock_time(10, 30), "department")


async def test_e_refuses_an_unknown_agenda_and_writes_nothing(make_app, on_disk) -> None:
    before = on_disk().team(LEADERSHIP)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7")
        await pilot.pause()
        await pilot.press("e", "enter", "enter", "ctrl+u", *"weekly-ish", "ctrl+s")
        await pilot.pause()
        assert "one of:" in str(app.screen.query_one("#error-agenda").render())
        await pilot.press("escape")
    assert on_disk().team(LEADERSHIP) == before


async def test_a_bad_agenda_template_is_reported_once(make_app, tmp_path, monkeypatch) -> None:
    mine = tmp_path / "agendas"
    mine.mkdir()
    (mine / "broken.toml").write_text('name = "No sections"\n', encoding="utf-8")
    monkeypatch.setattr("cadence.store.agendas.user_agendas_dir", lambda: mine)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7")
        assert await wait_for(pilot, lambda: "broken.toml" in toasts(app))
        await pilot.press("1", "7")
        await pilot.pause()
        assert toasts(app).count("broken.toml") == 1


async def test_start_offers_to_resume_a_running_meeting_and_takes_over(make_app, demo_folder, on_disk) -> None:
    """A killed terminal left MT-5 in Rock review; the app started again offers it and drives it on yes."""
    started = datetime(2026, 11, 23, 8, 30)
    running_id = start_running_meeting(demo_folder, "gone@host:4242", started, section=2)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        # the dialog is the screen before its widgets are mounted: wait for its title, not only its class
        assert await wait_for(
            pilot, lambda: app.screen.__class__.__name__ == "ChoiceScreen" and bool(app.screen.query(".dialog-title"))
        )
        assert str(app.screen.query_one(".dialog-title").render()) == f"Resume {running_id} (Rock review, 30:00 in)?"
        await pilot.press("enter")
        assert await wait_for(pilot, lambda: meeting_screen(app) is not None)
        assert meeting_screen(app).meeting_id == running_id
        label = app.session.driver_label
    meeting = on_disk().meeting(running_id)
    assert meeting.driver == label, "this terminal drives now"
    assert (meeting.current, meeting.ended_at) == (2, None), "still at Rock review, still running"


async def test_resume_not_now_leaves_the_meeting_as_it_was(make_app, demo_folder, on_disk) -> None:
    running_id = start_running_meeting(demo_folder, "gone@host:4242", FIXED_NOW)
    before = (demo_folder / "cadence.json").read_bytes()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert await wait_for(pilot, lambda: app.screen.__class__.__name__ == "ChoiceScreen")
        await pilot.press("down", "enter")
        assert await wait_for(pilot, lambda: app.screen.__class__.__name__ == "DashboardScreen")
    assert (demo_folder / "cadence.json").read_bytes() == before, "not now writes nothing"
    assert on_disk().meeting(running_id).driver == "gone@host:4242"


async def test_no_resume_offer_without_a_running_meeting(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.__class__.__name__ == "DashboardScreen"


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_meetings_snapshot(make_app, snap_compare, size) -> None:
    assert snap_compare(make_app(), press=["7"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_minutes_viewer_snapshot(make_app, snap_compare, size) -> None:
    assert snap_compare(make_app(), press=["7", "enter"], terminal_size=size)


async def test_dashboard_shows_the_running_meeting_and_points_at_key_7(make_app, demo_folder) -> None:
    running_id = start_running_meeting(demo_folder, "gone@host:4242", datetime(2026, 11, 23, 8, 30), section=2)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        assert await wait_for(pilot, lambda: app.screen.__class__.__name__ == "ChoiceScreen")
        await pilot.press("down", "enter")  # not now
        assert await wait_for(
            pilot,
            lambda: app.screen.__class__.__name__ == "DashboardScreen"
            and bool(app.screen.query("#panel-meeting .summary-text")),
        )
        box = str(app.screen.query_one("#panel-meeting .summary-text").content)
        assert f"{running_id} running: Rock review, 30:00 in" in box
        assert "Join it in Meetings (7)" in box
        await pilot.press("7")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "MeetingsScreen"


async def test_dashboard_follows_the_teams_own_slot_and_agenda(make_app, demo_folder) -> None:
    with Workspace(demo_folder).transaction() as tx:
        meetings.set_team_meeting(tx, LEADERSHIP, day="wednesday", at="08:15", agenda="department")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        assert await wait_for(
            pilot,
            lambda: "Department weekly (60 min)" in str(app.screen.query_one("#panel-meeting .summary-text").content),
        )
        box = str(app.screen.query_one("#panel-meeting .summary-text").content)
    assert "Wednesday 25 Nov 2026, 08:15" in box and "start it in Meetings (7)" in box

"""History in the app after ``cadence archive``: Rocks of a quarter before last, and the older meetings.

The demo workspace is archived as of 2027-04-05 (2027-Q2), so its 2026-Q3 and
2026-Q4 rocks and all its meetings (November 2026) move to the archive, and
the app runs on that day. Stepping Rocks back to an archived quarter reads
history in a thread (a loading line meanwhile), shows that quarter's rows and
its real completion figure, and refuses changes there; the Meetings section
lists the live meetings at once and the archived ones after ``h``, whose
minutes open with Enter. The weekly views never read the archive.
"""

from __future__ import annotations

import threading
import time
from datetime import date, datetime
from pathlib import Path

import pytest
from cadence.domain.models import Person, RockStatus, Todo
from cadence.store import Workspace
from cadence.tui.session import WorkspaceSession

from tests.tui.conftest import SIZES

DAY = date(2027, 4, 5)
NOW = datetime(2027, 4, 5, 9, 0)
LEADERSHIP = "TM-1"


async def wait_for(pilot, condition, seconds: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    """Let the app run until ``condition()`` holds (history is read in a thread); False if it never does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        await pilot.pause(0.05)
    return condition()


def rock_ids(app) -> set[str]:  # type: ignore[no-untyped-def]
    table = app.screen.query_one("RecordTable")
    keys = [table.coordinate_to_cell_key((index, 0))[0].value for index in range(table.row_count)]
    return {key for key in keys if key.startswith("R-") and "#" not in key}


def line(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(selector).render())


def files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in [folder / "cadence.json", *sorted((folder / "archive").iterdir())]}


@pytest.fixture
def archived_demo(demo_folder: Path) -> Workspace:
    workspace = Workspace(demo_folder)
    report = workspace.archive(DAY)
    assert "2026-Q3.json" in report.moved and "2026-Q4.json" in report.moved
    return workspace


@pytest.fixture
def history_reads(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """Counts ``history_blocking`` calls; each waits for ``gate`` (set by default) so a test can hold it."""
    state: dict[str, object] = {"calls": 0, "gate": threading.Event()}
    state["gate"].set()  # type: ignore[union-attr]
    original = WorkspaceSession.history_blocking

    def held(self: WorkspaceSession):  # type: ignore[no-untyped-def]
        state["calls"] = int(state["calls"]) + 1  # type: ignore[call-overload]
        assert state["gate"].wait(30)  # type: ignore[union-attr]
        return original(self)

    monkeypatch.setattr(WorkspaceSession, "history_blocking", held)
    return state


async def test_rocks_of_an_archived_quarter_load_from_history_with_their_real_completion(
    make_app, archived_demo: Workspace, history_reads
) -> None:  # type: ignore[no-untyped-def]
    history = archived_demo.read_history()
    q3 = [r for r in history.rocks if r.quarter == "2026-Q3" and (r.company or r.team_id == LEADERSHIP)]
    q4 = [r for r in history.rocks if r.quarter == "2026-Q4" and (r.company or r.team_id == LEADERSHIP)]
    assert q3 and q4 and not [r for r in archived_demo.read().rocks if r.quarter in ("2026-Q3", "2026-Q4")]
    q3_done = sum(r.status is RockStatus.DONE for r in q3)
    app = make_app(clock=lambda: NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert "2027-Q2" in line(app, "#rock-period")
        await pilot.press("left_square_bracket")  # 2027-Q1: last quarter, live
        await pilot.pause()
        assert "2027-Q1" in line(app, "#rock-period") and history_reads["calls"] == 0
        history_reads["gate"].clear()  # hold the read: the loading line shows meanwhile
        await pilot.press("left_square_bracket")  # 2026-Q4: archived
        assert await wait_for(pilot, lambda: history_reads["calls"] == 1)
        assert "Loading 2026-Q4 from the archive" in line(app, "#rock-rate") and rock_ids(app) == set()
        history_reads["gate"].set()
        assert await wait_for(pilot, lambda: rock_ids(app) == {r.id for r in q4})
        q4_done = sum(r.status is RockStatus.DONE for r in q4)
        assert f"({q4_done}/{len(q4)})" in line(app, "#rock-rate")
        await pilot.press("left_square_bracket")  # 2026-Q3: the history already read
        assert await wait_for(pilot, lambda: rock_ids(app) == {r.id for r in q3})
        rate = line(app, "#rock-rate")
        assert f"Done: {q3_done / len(q3):.0%} ({q3_done}/{len(q3)})" in rate and "not-done" in rate
        assert history_reads["calls"] == 1  # nothing changed on disk: not read again
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert "2027-Q2" in line(app, "#rock-period") and "Loading" not in line(app, "#rock-rate")


async def test_an_archived_quarter_is_read_only(make_app, archived_demo: Workspace, demo_folder: Path) -> None:  # type: ignore[no-untyped-def]
    before = files(demo_folder)
    app = make_app(clock=lambda: NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "left_square_bracket", "left_square_bracket")
        assert await wait_for(pilot, lambda: bool(rock_ids(app)))
        for key in ("s", "e", "a", "i", "greater_than_sign", "d", "n"):
            app._notifications.clear()
            await pilot.press(key)
            await pilot.pause()
            assert app.screen.__class__.__name__ == "RocksScreen", key  # no form, no question
            assert any(n.message == "archived quarter: read-only" for n in app._notifications), key
    assert files(demo_folder) == before


async def test_meetings_list_live_ones_at_once_and_older_ones_on_h(
    make_app, archived_demo: Workspace, history_reads
) -> None:  # type: ignore[no-untyped-def]
    history = archived_demo.read_history()
    older = sorted(
        (m for m in history.meetings if m.team_id == LEADERSHIP and m.ended_at),
        key=lambda m: m.started_at,
        reverse=True,
    )
    assert [m.id for m in older] == ["MT-3", "MT-2", "MT-1"] and not archived_demo.read().meetings
    app = make_app(clock=lambda: NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7")
        await pilot.pause()
        table = app.screen.query_one("RecordTable")
        assert table.row_count == 0 and "h: older meetings" in line(app, "#meeting-older")
        assert history_reads["calls"] == 0
        await pilot.press("h")
        assert await wait_for(pilot, lambda: table.row_count == 3)
        keys = [table.coordinate_to_cell_key((row, 0)).row_key.value for row in range(table.row_count)]
        assert keys == ["MT-3", "MT-2", "MT-1"]
        assert "With 3 older meetings from the archive" in line(app, "#meeting-older")
        await pilot.press("enter")
        assert await wait_for(
            pilot, lambda: app.screen.__class__.__name__ == "MinutesScreen" and bool(app.screen.query("MarkdownViewer"))
        )
        assert "MT-3" in line(app, "#minutes-title")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "MeetingsScreen" and table.row_count == 3


def test_the_sessions_history_is_kept_until_the_live_file_or_the_archive_changes(
    archived_demo: Workspace, demo_folder: Path
) -> None:
    session = WorkspaceSession(demo_folder, clock=lambda: NOW)
    first = session.history_blocking()
    assert session.history_blocking() is first  # nothing changed: no second read
    assert {m.id for m in first.meetings} >= {"MT-1", "MT-4"}
    session.write_blocking(lambda tx: tx.add(Person, name="Zoe"))
    after_write = session.history_blocking()
    assert after_write is not first and "Zoe" in {p.name for p in after_write.people}
    done_long_ago = session.write_blocking(
        lambda tx: tx.add(
            Todo,
            title="Old call",
            owner_id="P-1",
            due=date(2026, 8, 3),
            done=True,
            done_on=date(2026, 8, 3),
            created=date(2026, 8, 3),
        )
    )
    archived_demo.archive(DAY)  # moves it to archive/2026-Q3.json
    moved = session.history_blocking()
    assert moved is not after_write and done_long_ago.id in {t.id for t in moved.todos}
    assert done_long_ago.id not in {t.id for t in archived_demo.read().todos}


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_archived_quarter_snapshot(make_app, archived_demo: Workspace, snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    app = make_app(clock=lambda: NOW)

    async def to_2026_q4(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("2", "left_square_bracket", "left_square_bracket")
        assert await wait_for(pilot, lambda: bool(rock_ids(app)))
        await pilot.press("enter")  # its first rock's milestones, as they were left

    assert snap_compare(app, run_before=to_2026_q4, terminal_size=size)

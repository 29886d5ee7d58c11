"""Headlines shows the current ones (this quarter and last); h brings the rest; a cursor move sorts nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from cadence.store import Workspace, actions
from cadence.tui.panels import headlines as headlines_module

OLD_DAYS = [date(2025, 2, 3), date(2026, 3, 2), date(2026, 6, 29)]  # before 1 Jul 2026: last quarter's start
NEW_DAY = date(2026, 7, 1)  # the first current day (the app's today is 23 Nov 2026, Q4)


def add_old_headlines(folder: Path) -> list[str]:
    """Old headlines of the leadership team, and one on the first current day; their ids, oldest first."""
    ids = []
    with Workspace(folder).transaction() as tx:
        for day in [*OLD_DAYS, NEW_DAY]:
            ids.append(actions.add_headline(tx, f"News of {day:%d %b %Y}", "customer", day, team="TM-1").id)
    return ids


def listed(app) -> list[str]:
    table = app.screen.query_one("#headline-table")
    return [table.coordinate_to_cell_key((row, 0)).row_key.value for row in range(table.row_count)]


async def test_the_list_holds_this_quarter_and_last_and_h_brings_the_rest(make_app, demo_folder) -> None:
    old_and_new = add_old_headlines(demo_folder)
    *old, new = old_and_new
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("6")
        await pilot.pause()
        shown = listed(app)
        assert new in shown, "1 Jul 2026 is last quarter's first day: current"
        assert not set(old) & set(shown), "older headlines wait for h"
        assert "h: the older ones too" in str(app.screen.query_one("#headline-older").render())

        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.pause()
        every = listed(app)
        assert set(old) <= set(every)
        assert every[-3:] == list(reversed(old)), "still newest first, the oldest at the bottom"

        await pilot.press("h")
        await pilot.pause()
        assert listed(app) == shown


@pytest.mark.skipif(not hasattr(Workspace, "archive"), reason="archives are the store's, not here yet")
async def test_archived_headlines_come_with_h_and_are_read_only(make_app, demo_folder) -> None:
    *old, _new = add_old_headlines(demo_folder)
    Workspace(demo_folder).archive(as_of=date(2026, 11, 23))
    live_ids = {headline.id for headline in Workspace(demo_folder).read().headlines}
    assert not set(old) & live_ids, "the archive took the headlines from before last quarter"
    before = (demo_folder / "cadence.json").read_bytes()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("6", "h")
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(20):  # the archive is read in a thread: wait for its rows, not for a time
            if set(old) <= set(listed(app)):
                break
            await pilot.pause(0.05)
        assert set(old) <= set(listed(app))
        table = app.screen.query_one("#headline-table")
        table.move_cursor(row=listed(app).index(old[0]))
        await pilot.press("d")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "HeadlinesScreen", "no question asked about history"
        assert any("read-only" in str(note.message) for note in app._notifications)
    assert (demo_folder / "cadence.json").read_bytes() == before


async def test_a_cursor_move_filters_and_sorts_nothing(make_app, demo_folder, monkeypatch) -> None:
    add_old_headlines(demo_folder)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("6")
        await pilot.pause()
        sorts = []
        original = headlines_module.newest_first
        monkeypatch.setattr(headlines_module, "newest_first", lambda rows: sorts.append(1) or original(rows))
        detail = app.screen.query_one("#headline-detail")
        first = str(detail.render())
        await pilot.press("down", "down", "down")
        await pilot.pause()
        assert str(detail.render()) != first, "the detail follows the cursor"
        assert sorts == [], "a cursor move looks its row up; it does not list and sort again"


@pytest.mark.skipif(not hasattr(Workspace, "archive"), reason="archives are the store's, not here yet")
async def test_older_headlines_follow_the_archive_after_another_session_changes_it(make_app, demo_folder) -> None:
    """h read the history once; another session then adds an old headline and archives it: h shows it."""
    app = make_app(poll_seconds=3600)  # polled by hand, once the other session's writes are on disk
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("6", "h")
        await app.workers.wait_for_complete()
        await pilot.press("h")
        await pilot.pause()
        (late,) = add_old_headlines_of(demo_folder, [date(2025, 5, 5)])
        Workspace(demo_folder).archive(as_of=date(2026, 11, 23))
        assert late not in {headline.id for headline in Workspace(demo_folder).read().headlines}
        await app.poll_workspace()
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert late in listed(app), "the archive is read again for the newer snapshot"


def add_old_headlines_of(folder: Path, days: list[date]) -> list[str]:
    with Workspace(folder).transaction() as tx:
        return [actions.add_headline(tx, f"Late news of {day:%d %b %Y}", "employee", day, team="TM-1").id for day in days]

"""Headlines driven with keys, checked against the file on disk."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from cadence.domain.models import HeadlineKind

from tests.tui.conftest import SIZES


def keys_of(table) -> list[str]:
    return [table.coordinate_to_cell_key((row, 0)).row_key.value for row in range(table.row_count)]


async def test_add_headline_with_keys(make_app, on_disk) -> None:
    app = make_app()
    before = len(on_disk().headlines)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6", "a")
        await pilot.press(*"Ana trained two new press operators", "enter", *"emp", "enter", *"Dana", "enter")
        await pilot.press(*"bad", "enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "HeadlinesScreen"
        table = app.screen.query_one("RecordTable")
        newest = keys_of(table)[0]
    headlines = on_disk().headlines
    assert len(headlines) == before + 1
    added = headlines[-1]
    assert newest == added.id, "newest first"
    assert (added.text, added.headline_kind, added.by_id, added.good, added.team_id, added.created) == (
        "Ana trained two new press operators",
        HeadlineKind.EMPLOYEE,
        "P-1",
        False,
        "TM-1",
        date(2026, 11, 23),
    )


async def test_add_refuses_an_unknown_kind(make_app, on_disk) -> None:
    app = make_app()
    before = on_disk().headlines
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6", "a", *"Big news", "enter", *"vendor", "ctrl+s")
        await pilot.pause()
        assert "one of: customer, employee" in str(app.screen.query_one("#error-kind").render())
        await pilot.press("escape")
        await pilot.pause()
    assert on_disk().headlines == before


async def test_drop_headline_to_issues_once(make_app, on_disk) -> None:
    app = make_app()
    issues_before = len(on_disk().issues)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        table = app.screen.query_one("RecordTable")
        # H-13 is the Sales meeting's cascaded message (demo MT-4), newest.
        assert keys_of(table) == ["H-13", "H-4", "H-7", "H-2", "H-5"], "the team's headlines, newest first"
        await pilot.press("down", "down")
        assert table.selected_key == "H-7"
        await pilot.press("i")
        await pilot.pause()
        assert "→ I-21" in str(table.get_row("H-7")[-1])
        await pilot.press("i")
        await pilot.pause()
    after = on_disk()
    assert len(after.issues) == issues_before + 1, "a second i does not drop it twice"
    issue = after.issues[-1]
    assert (issue.title, issue.source, issue.owner_id, issue.team_id) == (
        "Six people finished the first-aid course on Saturday",
        "H-7",
        "P-2",
        "TM-1",
    )
    headline = next(h for h in after.headlines if h.id == "H-7")
    assert headline.dropped_to == issue.id


async def test_delete_asks_first(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        key = app.screen.query_one("RecordTable").selected_key
        await pilot.press("d", "n")
        await pilot.pause()
        assert any(h.id == key for h in on_disk().headlines)
        await pilot.press("d", "y")
        await pilot.pause()
    assert not any(h.id == key for h in on_disk().headlines)


@pytest.mark.parametrize("size", SIZES)
def test_headlines_snapshot(make_app, snap_compare, size) -> None:
    assert snap_compare(make_app(), press=["6"], terminal_size=size)


def test_the_summary_counts_cascaded_messages_without_calling_them_good_or_bad(demo_folder: Path) -> None:
    from cadence.store import Workspace
    from cadence.tui.panels.headlines import summary_line

    with Workspace(demo_folder).transaction() as tx:
        headlines = tx.headlines
    cascaded = [h for h in headlines if h.headline_kind is HeadlineKind.CASCADE]
    assert cascaded, "the demo has a message cascaded from a meeting"
    line = summary_line(headlines).plain
    assert f"Cascaded: {len(cascaded)}" in line
    assert "Cascade:" not in line and len(line) <= 80

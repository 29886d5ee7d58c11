"""Rocks driven with keys, checked against the file on disk.

The demo's leadership team has eight rocks in 2026-Q4; the cursor opens on
the first one, the company rock R-12 (off-track, three milestones).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from cadence.domain.models import Rock, RockStatus
from cadence.store import Workspace, actions
from tests.tui.conftest import SIZES


def rock(snapshot, rock_id: str) -> Rock:
    return next(r for r in snapshot.rocks if r.id == rock_id)


def shown_rock_ids(app) -> list[str]:
    table = app.screen.query_one("RecordTable")
    keys = [table.coordinate_to_cell_key((index, 0))[0].value for index in range(table.row_count)]
    return [key for key in keys if key.startswith("R-") and "#" not in key]


def messages(app) -> list[str]:
    return [notification.message for notification in app._notifications]


async def test_opens_on_the_first_rock_grouped_company_first(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one("RecordTable")
        assert table.selected_key == "R-12"
        keys = [table.coordinate_to_cell_key((index, 0))[0].value for index in range(table.row_count)]
        assert keys[:3] == ["group:company", "R-12", "R-13"]
        assert "group:P-1" in keys
        shown = set(shown_rock_ids(app))
    disk = on_disk()
    expected = {r.id for r in disk.rocks if r.quarter == "2026-Q4" and (r.company or r.team_id == "TM-1")}
    assert shown == expected
    assert "R-19" not in expected, "a Sales rock is not the leadership team's"


async def test_add_rock_with_keys(make_app, on_disk) -> None:
    app = make_app()
    before = len(on_disk().rocks)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "a")
        await pilot.press(*"Open the Leeds warehouse", "enter", *"Priya", "enter")
        await pilot.press("ctrl+u", *"yes", "enter", "enter", "enter")
        await pilot.pause()
        assert app.screen.query_one("RecordTable").selected_key == f"R-{before + 1}"
    rocks = on_disk().rocks
    assert len(rocks) == before + 1
    added = rocks[-1]
    assert (added.title, added.owner_id, added.company, added.quarter, added.team_id) == (
        "Open the Leeds warehouse",
        "P-3",
        True,
        "2026-Q4",
        "TM-1",
    )
    assert added.due == date(2026, 12, 31), "an empty due date means the quarter's last day"


async def test_bad_quarter_is_refused_and_nothing_saved(make_app, on_disk) -> None:
    app = make_app()
    before = on_disk().rocks
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "a", *"Something", "enter", *"Priya", "enter", "enter")
        await pilot.press("ctrl+u", *"next year", "enter", "enter")
        await pilot.pause()
        assert "not a quarter" in str(app.screen.query_one("#error-quarter").render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "RocksScreen"
    assert on_disk().rocks == before


async def test_more_than_seven_rocks_warns_but_adds(make_app, on_disk, demo_folder) -> None:
    with Workspace(demo_folder).transaction() as tx:
        for number in range(6):
            actions.add_rock(tx, f"Extra rock {number}", "Priya", date(2026, 11, 23), team="TM-1")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "a", *"One more", "enter", *"Priya", "enter", "enter", "enter", "enter")
        await pilot.pause()
        assert any("Priya Raman has 9 rocks in 2026-Q4" in message for message in messages(app))
        table = app.screen.query_one("RecordTable")
        heading = table.get_row("group:P-3")[1]
        assert "⚠ 9" in str(heading)
    priya = [r for r in on_disk().rocks if r.owner_id == "P-3" and r.quarter == "2026-Q4"]
    assert len(priya) == 9
    assert priya[-1].title == "One more"


async def test_cycle_status_skips_not_done_before_quarter_end(make_app, on_disk) -> None:
    app = make_app()
    seen = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        for _ in range(3):
            await pilot.press("s")
            await pilot.pause()
            seen.append(rock(on_disk(), "R-12").status)
    assert seen == [RockStatus.DONE, RockStatus.ON_TRACK, RockStatus.OFF_TRACK]


async def test_cycle_status_offers_not_done_at_quarter_end(make_app, on_disk) -> None:
    app = make_app(clock=lambda: datetime(2026, 12, 21, 9, 0))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "s", "s")
        await pilot.pause()
        assert rock(on_disk(), "R-12").status is RockStatus.NOT_DONE
        await pilot.press("s")
        await pilot.pause()
    assert rock(on_disk(), "R-12").status is RockStatus.ON_TRACK


async def test_add_a_milestone_then_tick_it(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "n", *"Board stock for January ordered", "enter", *"friday", "enter")
        await pilot.pause()
        added = rock(on_disk(), "R-12").milestones[-1]
        assert (added.title, added.due, added.done) == ("Board stock for January ordered", date(2026, 11, 27), False)
        table = app.screen.query_one("RecordTable")
        assert table.selected_key == f"R-12#{added.id}", "the new milestone is shown, under the cursor"
        await pilot.press("x")
        await pilot.pause()
        assert rock(on_disk(), "R-12").milestones[3].done
        await pilot.press("up", "space")
        await pilot.pause()
    milestones = rock(on_disk(), "R-12").milestones
    assert [m.done for m in milestones] == [True, False, True, True]


async def test_enter_opens_milestones_and_x_works_only_on_them(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "x")
        await pilot.pause()
        assert [m.done for m in rock(on_disk(), "R-12").milestones] == [True, False, False]
        await pilot.press("enter")
        await pilot.pause()
        table = app.screen.query_one("RecordTable")
        assert table.get_row_index("R-12#MS-30") == table.get_row_index("R-12") + 2
        await pilot.press("down", "down", "x")
        await pilot.pause()
        assert [m.done for m in rock(on_disk(), "R-12").milestones] == [True, True, False]
        await pilot.press("m")
        await pilot.pause()
        assert table.selected_key == "R-12"
        assert "R-12#MS-29" not in [table.coordinate_to_cell_key((i, 0))[0].value for i in range(table.row_count)]


async def test_edit_rock_description(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "e", "enter", "ctrl+u", *"2026-12-18", "enter", "ctrl+u", *"Depends on I-13", "enter")
        await pilot.pause()
    changed = rock(on_disk(), "R-12")
    assert (changed.title, changed.due, changed.description) == (
        "On-time shipments at 97% for six straight weeks",
        date(2026, 12, 18),
        "Depends on I-13",
    )


async def test_move_to_next_quarter_and_back(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "greater_than_sign")
        await pilot.pause()
        moved = rock(on_disk(), "R-12")
        assert (moved.quarter, moved.due) == ("2027-Q1", date(2027, 3, 31))
        assert "R-12" not in shown_rock_ids(app)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert shown_rock_ids(app) == ["R-12"]
        assert "2027-Q1" in str(app.screen.query_one("#rock-period").content)
        await pilot.press("less_than_sign")
        await pilot.pause()
    assert rock(on_disk(), "R-12").quarter == "2026-Q4"


async def test_drop_to_issues(make_app, on_disk) -> None:
    app = make_app()
    before = len(on_disk().issues)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "i")
        await pilot.pause()
    issues = on_disk().issues
    assert len(issues) == before + 1
    assert (issues[-1].source, issues[-1].owner_id, issues[-1].team_id) == ("R-12", "P-4", "TM-1")
    assert issues[-1].title.startswith("Rock off track: On-time shipments")


async def test_filter_by_owner_and_back_to_everyone(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "f", "down", "down", "down", "enter")  # Everyone, Dana, Marcus, Priya
        await pilot.pause()
        priya = {r.id for r in on_disk().rocks if r.owner_id == "P-3" and r.quarter == "2026-Q4" and r.team_id == "TM-1"}
        assert set(shown_rock_ids(app)) == priya == {"R-18"}
        assert "Priya Raman" in str(app.screen.query_one("#rock-period").content)
        await pilot.press("f", "home", "enter")
        await pilot.pause()
        assert len(shown_rock_ids(app)) == 8


async def test_team_picked_shows_its_rocks_and_company_rocks(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "t", "down", "enter")
        await pilot.pause()
        shown = set(shown_rock_ids(app))
    disk = on_disk()
    assert shown == {r.id for r in disk.rocks if r.quarter == "2026-Q4" and (r.company or r.team_id == "TM-2")}
    assert {"R-12", "R-16", "R-19"} <= shown


async def test_delete_asks_first(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "d", "n")
        await pilot.pause()
        assert any(r.id == "R-12" for r in on_disk().rocks)
        await pilot.press("d", "y")
        await pilot.pause()
    assert not any(r.id == "R-12" for r in on_disk().rocks)


async def test_deleting_the_last_rock_shown_leaves_an_empty_quarter(make_app, on_disk) -> None:
    """The table empties under the cursor: the section stays open, saying there are no rocks."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "greater_than_sign", "right_square_bracket")
        await pilot.pause()
        assert shown_rock_ids(app) == ["R-12"]
        await pilot.press("d", "y")
        await pilot.pause()
        assert shown_rock_ids(app) == []
        assert "No rocks here yet" in str(app.screen.query_one("#rock-rate").content)
        assert app.screen.__class__.__name__ == "RocksScreen"
    assert not any(r.id == "R-12" for r in on_disk().rocks)


async def test_delete_a_milestone_asks_first(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "enter", "down", "d", "n")
        await pilot.pause()
        assert len(rock(on_disk(), "R-12").milestones) == 3
        await pilot.press("d", "y")
        await pilot.pause()
    assert [m.title for m in rock(on_disk(), "R-12").milestones] == [
        "Material check added to job release",
        "Six weeks at 97% or better",
    ]


async def test_change_elsewhere_shows_after_poll(make_app, demo_folder) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        with Workspace(demo_folder).transaction() as tx:
            actions.set_rock_status(tx, "R-13", "done", date(2026, 11, 23))
        await app.poll_workspace()
        await pilot.pause()
        assert "1/8" in str(app.screen.query_one("#rock-rate").content)
        assert "done" in str(app.screen.query_one("RecordTable").get_row("R-13")[0])


async def test_user_text_is_shown_as_typed(make_app, demo_folder) -> None:
    with Workspace(demo_folder).transaction() as tx:
        added, _ = actions.add_rock(tx, "[bold]Ship[/] \x1b[31m now", "Dana", date(2026, 11, 23), team="TM-1")
        first = actions.add_milestone(tx, added.id, "[red]first[/red]", None, date(2026, 11, 23)).milestones[0]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        app.screen.query_one("RecordTable").select_key(added.id)
        await pilot.press("enter")
        await pilot.pause()
        table = app.screen.query_one("RecordTable")
        assert "[bold]Ship[/] \\x1b[31m now" in str(table.get_row(added.id)[1])
        assert "[red]first[/red]" in str(table.get_row(f"{added.id}#{first.id}")[1])
        detail = str(app.screen.query_one("#rock-detail-text").content)
        assert "[bold]Ship[/] \\x1b[31m now" in detail and "\x1b" not in detail


@pytest.mark.parametrize("size", SIZES)
def test_rocks_snapshot(make_app, snap_compare, size) -> None:
    assert snap_compare(make_app(), press=["2", "enter"], terminal_size=size)


async def test_deleting_a_milestone_another_session_moved_deletes_that_one(make_app, demo_folder, on_disk) -> None:
    """Issue 8 item 10: A shows alpha, bravo, charlie; B deletes alpha; A deletes bravo -> charlie stays."""
    with Workspace(demo_folder).transaction() as tx:
        added, _ = actions.add_rock(tx, "Race", "Dana", date(2026, 11, 23), company=True, team="TM-1")
        for title in ("alpha", "bravo", "charlie"):
            milestones = actions.add_milestone(tx, added.id, title, None, date(2026, 11, 23)).milestones
    alpha, bravo, charlie = milestones
    app = make_app(poll_seconds=3600)  # session A has not seen B's write when its key lands
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        table = app.screen.query_one("RecordTable")
        table.select_key(added.id)
        await pilot.press("enter")
        await pilot.pause()
        table.select_key(f"{added.id}#{bravo.id}")
        with Workspace(demo_folder).transaction() as tx:  # session B
            actions.remove_milestone(tx, added.id, alpha.id)
        await pilot.press("d", "y")
        await pilot.pause()
    assert [(m.title, m.done) for m in rock(on_disk(), added.id).milestones] == [("charlie", False)]


async def test_ticking_a_milestone_another_session_deleted_changes_nothing(make_app, demo_folder, on_disk) -> None:
    with Workspace(demo_folder).transaction() as tx:
        added, _ = actions.add_rock(tx, "Race", "Dana", date(2026, 11, 23), company=True, team="TM-1")
        for title in ("alpha", "bravo"):
            milestones = actions.add_milestone(tx, added.id, title, None, date(2026, 11, 23)).milestones
    app = make_app(poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        table = app.screen.query_one("RecordTable")
        table.select_key(added.id)
        await pilot.press("enter")
        await pilot.pause()
        table.select_key(f"{added.id}#{milestones[0].id}")
        with Workspace(demo_folder).transaction() as tx:
            actions.remove_milestone(tx, added.id, milestones[0].id)
        await pilot.press("x")
        await pilot.pause()
        assert any("no milestone" in message for message in messages(app))
    assert [(m.title, m.done) for m in rock(on_disk(), added.id).milestones] == [("bravo", False)]


def footer_keys(app) -> set[str]:  # type: ignore[no-untyped-def]
    return {key.key_display for key in app.screen.query("FooterKey")}


def help_keys(app) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return dict(app.screen.keys)


async def test_every_rocks_key_is_in_the_footer_or_announced_and_in_help(make_app) -> None:
    """Issue 8 item 11: n, x, < > [ ] f work, so they are shown."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        on_rock = footer_keys(app)
        assert {"a", "e", "s", "n", "i", "d", "<", ">"} <= on_rock, on_rock
        period = str(app.screen.query_one("#rock-period").content)
        assert "press [ or ]" in period and "press f" in period  # the keys that change what is shown
        await pilot.press("question_mark")
        await pilot.pause()
        keys = help_keys(app)
        for key in ("a", "e", "s", "m", "n", "i", "d", "f", "[", "]", "<", ">"):
            assert key in keys, (key, keys)
        assert "milestone" in keys["n"] and "quarter" in keys["<"] and "quarter" in keys["]"]
        await pilot.press("escape", "enter", "down")
        await pilot.pause()
        on_milestone = footer_keys(app)
        assert {"x", "n", "e", "d"} <= on_milestone and not {"s", "i", "<", ">"} & on_milestone
        await pilot.press("question_mark")
        await pilot.pause()
        assert {"x", "space", "n", "m"} <= set(help_keys(app))


async def test_group_headings_cannot_be_selected(make_app, on_disk) -> None:
    """Issue 8 item 11: the cursor passes over owner/company headings, so i always has a rock."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "up")
        await pilot.pause()
        table = app.screen.query_one("RecordTable")
        assert table.selected_key == "R-12", "up from the first rock stays on it, not on COMPANY ROCKS"
        keys = [table.coordinate_to_cell_key((index, 0))[0].value for index in range(table.row_count)]
        after_company = keys.index("R-13") + 1
        assert keys[after_company].startswith("group:")
        await pilot.press("down", "down")
        await pilot.pause()
        landed = table.selected_key
        assert landed == keys[after_company + 1] and not landed.startswith("group:")
        await pilot.press("up")
        await pilot.pause()
        assert table.selected_key == "R-13", "up passes over the heading too"
        await pilot.press("down", "i")
        await pilot.pause()
    assert [issue.source for issue in on_disk().issues if issue.source.startswith("R-")][-1] == landed

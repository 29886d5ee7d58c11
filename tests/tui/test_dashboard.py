"""The Dashboard shows the demo's numbers and follows changes made elsewhere.

At the fixed clock (Monday 2026-11-23 09:00) the leadership team has 8 rocks
in 2026-Q4 (6 on-track, 2 off-track, none done), 3 of the 4 to-dos due in the
last 7 days done, one overdue to-do (T-11, 6 days), 10 open issues with a top
3, and its weekly meeting on Tuesdays at 09:00.
"""

from __future__ import annotations

from datetime import date

import pytest
from cadence.store import Workspace, actions
from cadence.store.actions import meetings

from tests.tui.conftest import SIZES


def panel(app, name: str) -> str:
    return str(app.screen.query_one(f"#panel-{name} .summary-text").content)


async def test_shows_the_demo_numbers(make_app, on_disk) -> None:
    app = make_app()
    disk = on_disk()
    top = sorted(
        (i for i in disk.issues if i.status.value == "open" and i.rank and i.team_id == "TM-1"), key=lambda i: i.rank
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.__class__.__name__ == "DashboardScreen"
        rocks, todos, issues, meeting = (panel(app, name) for name in ("rocks", "todos", "issues", "meeting"))
    assert "● 6 on-track" in rocks and "▲ 2 off-track" in rocks and "0% (0/8)" in rocks
    assert "75% (3/4)" in todos and "goal 90%" in todos
    assert "[ ] Confirm the ERP job-costing" in todos and "6d late" in todos
    assert [issue.title for issue in top] == [
        "On-time shipments red three weeks running",
        "Co-packer referral rock is off track",
        "Marrowbrook is asking for net-60 terms",
    ]
    for number, issue in enumerate(top, start=1):
        assert f" {number}  {issue.title}" in issues
    assert "10 open: 6 for this week, 4 long-term" in issues
    assert "Tuesday 24 Nov 2026, 09:00" in meeting and "(tomorrow)" in meeting


async def test_narrow_stacks_the_panels_and_keeps_the_essentials(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#dash").has_class("-grid")
        assert "Off track:" in panel(app, "rocks")
        assert "Every rock" not in panel(app, "rocks")
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert app.screen.query_one("#dash").has_class("-grid")
        assert "Every rock, off track first:" in panel(app, "rocks")


async def test_changes_elsewhere_show_after_poll(make_app, demo_folder) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "75% (3/4)" in panel(app, "todos")
        with Workspace(demo_folder).transaction() as tx:
            actions.set_todo_done(tx, "T-11", date(2026, 11, 23))
            actions.set_rock_status(tx, "R-12", "done", date(2026, 11, 23))
            actions.set_issue_rank(tx, "I-19", 1)
            meetings.set_team_meeting(tx, "TM-1", day="monday", at="15:30")
        await app.poll_workspace()
        await pilot.pause()
        todos, rocks, issues, meeting = (panel(app, name) for name in ("todos", "rocks", "issues", "meeting"))
    assert "100% (4/4)" in todos and "Nothing overdue" in todos
    assert "(1/8)" in rocks and "▲ 1 off-track" in rocks
    assert " 1  Forklift charger keeps tripping the breaker" in issues
    assert "On-time shipments red three weeks running" not in issues
    assert "Monday 23 Nov 2026, 15:30" in meeting and "today, in 6 h 30 min" in meeting


async def test_team_picked_changes_the_numbers(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t", "down", "enter")
        await pilot.pause()
        rocks, todos = panel(app, "rocks"), panel(app, "todos")
    # Sales: its own rocks plus the two company rocks.
    assert "✔ 2 done" in rocks and "40% (2/5)" in rocks
    assert "Confirm the ERP job-costing" not in todos, "a leadership to-do"
    assert "Overdue (2):" in todos and "13d late" in todos and "3d late" in todos
    assert "[ ] Send a sample kit" in todos


@pytest.mark.parametrize("size", SIZES)
def test_dashboard_snapshot(make_app, snap_compare, size) -> None:
    assert snap_compare(make_app(), terminal_size=size)

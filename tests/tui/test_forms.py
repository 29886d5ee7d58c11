"""Forms under fast typing: keys that arrive in one burst (paste, a fast typist over SSH) land where typed."""

from __future__ import annotations

from textual import events


def burst(app, text: str) -> None:  # type: ignore[no-untyped-def]
    """Queue keys the way a terminal delivers one read: all at once, no pause between."""
    for char in text:
        if char == "\r":
            app.post_message(events.Key("enter", "\r"))
        else:
            app.post_message(events.Key(char, char))


async def test_a_burst_of_keys_fills_each_field_and_saves(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "a")
        burst(app, "Check the burst\rmar\r+2d\r")
        await pilot.pause()
        await pilot.pause()
    added = on_disk().todos[-1]
    assert (added.title, added.owner_id, str(added.due)) == ("Check the burst", "P-2", "2026-11-25")


async def test_escape_after_typing_changes_nothing(make_app, on_disk) -> None:
    app = make_app()
    before = on_disk().todos
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "a", *"Never saved", "enter", *"Dana", "escape")
        await pilot.pause()
    assert on_disk().todos == before


async def test_a_burst_fills_the_solve_dialog(make_app, on_disk) -> None:
    """Decision, then two to-dos (Ctrl+N between them), typed in one read."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        issue_id = app.screen.query_one("RecordTable").selected_key
        await pilot.press("s")
        await pilot.pause()
        burst(app, "Fit a dedicated circuit\r\rBook the electrician\rmarc")
        app.post_message(events.Key("ctrl+n", None))
        burst(app, "Log every trip\rtom\r")
        await pilot.pause()
        await pilot.pause()
    after = on_disk()
    solved = next(issue for issue in after.issues if issue.id == issue_id)
    assert solved.status.value == "solved" and solved.decision == "Fit a dedicated circuit"
    made = [(todo.title, todo.owner_id) for todo in after.todos if todo.source == issue_id]
    assert made == [("Book the electrician", "P-2"), ("Log every trip", "P-4")]

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

"""Every write the app makes runs in a thread, never on the event loop (a large workspace must not freeze keys).

The session's one writing door (``WorkspaceSession.write_blocking``) is watched
while a user works through several sections with keys; each write must have
run off the event loop's thread, and the file on disk holds every change.
"""

from __future__ import annotations

import threading

from cadence.tui.panels.base import SessionUser
from cadence.tui.screens.base import SectionScreen
from cadence.tui.session import WorkspaceSession


async def test_writes_from_every_kind_of_screen_run_in_a_thread(make_app, on_disk, monkeypatch) -> None:
    on_loop: list[bool] = []
    original = WorkspaceSession.write_blocking

    def watched(self, change):  # type: ignore[no-untyped-def]
        on_loop.append(threading.current_thread() is threading.main_thread())
        return original(self, change)

    monkeypatch.setattr(WorkspaceSession, "write_blocking", watched)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5", "a", *"Call the bank", "enter", *"Dana", "enter", *"friday", "enter")
        await pilot.pause()
        await pilot.press("6", "a", *"Globex renewed", "enter", *"cus", "enter", *"Dana", "enter", *"good", "enter")
        await pilot.pause()
        await pilot.press("3", "enter", *"55k", "enter", "escape")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    snapshot = on_disk()
    assert any(todo.title == "Call the bank" for todo in snapshot.todos)
    assert any(headline.text == "Globex renewed" for headline in snapshot.headlines)
    assert len(on_loop) >= 3, "three writes, at least"
    assert not any(on_loop), "no write ran on the event loop's thread"


def test_section_screens_write_as_panels_do() -> None:
    """No section screen keeps a blocking write of its own (it ran the transaction on the event loop)."""
    assert SectionScreen.write is SessionUser.write

"""Child of figure 7: a keystroke in a running meeting to the file on disk.

``meeting_key.py FOLDER PRESSES``: starts the leadership team's weekly meeting
through the store (``actions.meetings.start_meeting``, as the Meetings section's
``s`` does), opens the app headless on the meeting screen, then presses ``n``
and ``p`` in turn (next / previous section: each writes the meeting) and times
each press until the workspace file is replaced (its stat changes), waiting for
the screen to show the new section before the next press.

The file is watched from a thread of its own, started before the key goes in:
``pilot.press`` returns only once the app has handled the key entirely (the
write, then mounting the next section's panel), and a watcher that started
after it would time the screen's redraw as well as the write.
"""

import asyncio
import os
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

from child_support import finish, report


def stat_of(path: Path) -> tuple[int, int, int]:
    info = os.stat(path)
    return (info.st_mtime_ns, info.st_size, info.st_ino)


def watch_for_change(path: Path, before: tuple[int, int, int], seen: list[float]) -> threading.Thread:
    """A thread that notes the moment ``path``'s stat differs from ``before`` (polled every 0.2 ms)."""

    def watch() -> None:
        deadline = time.perf_counter() + 60
        while stat_of(path) == before and time.perf_counter() < deadline:
            time.sleep(0.0002)
        seen.append(time.perf_counter())

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    return watcher


def start_meeting(folder: Path) -> str:
    from cadence.store import Workspace, clock_from_environment
    from cadence.store.actions import meetings
    from cadence.store.agendas import load_agendas

    clock = clock_from_environment()
    workspace = Workspace(folder, clock=clock)
    team_id = next(team.id for team in workspace.read().teams if team.leadership)
    template = load_agendas().get("weekly")
    now = datetime.combine(clock().date(), datetime.now().time()).replace(microsecond=0)
    return workspace.apply(lambda tx: meetings.start_meeting(tx, template, now, team=team_id)).result.id


async def main(folder: Path, presses: int) -> None:
    from cadence.tui.app import CadenceApp
    from cadence.tui.screens.meeting import open_meeting

    meeting_id = start_meeting(folder)
    path = folder / "cadence.json"
    app = CadenceApp(folder)
    timings = []
    async with app.run_test(headless=True, size=(80, 24)) as pilot:
        await pilot.pause()
        if type(app.screen).__name__ == "ChoiceScreen":  # the start-up offer to resume the running meeting
            await pilot.press("enter")
        else:
            open_meeting(app, meeting_id)
        while type(app.screen).__name__ != "MeetingScreen":
            await asyncio.sleep(0.005)
        await pilot.pause()
        for press in range(presses + 1):
            key, expected = ("n", 1) if press % 2 == 0 else ("p", 0)
            before, seen = stat_of(path), []
            watcher = watch_for_change(path, before, seen)
            started = time.perf_counter()
            await pilot.press(key)
            while watcher.is_alive():
                await asyncio.sleep(0.001)
            took = seen[0] - started
            while app.session.snapshot.meeting(meeting_id).current != expected:
                await asyncio.sleep(0.005)
            await pilot.pause()
            if press:  # the first press warms up (the day's first write copies the file to backups/)
                timings.append(took)
        report({"key_to_disk": timings})


if __name__ == "__main__":
    finish(lambda: main(Path(sys.argv[1]), int(sys.argv[2])))

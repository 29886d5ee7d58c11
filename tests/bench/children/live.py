"""Child of figure 6: another process writes while the app runs; how soon it shows, how long the loop stalls, idle CPU.

``live.py FOLDER TITLE IDLE_SECONDS WRITER_JSON``: opens the app headless on FOLDER,
starts a ticker task that wakes every 5 ms and records the longest gap between
wakes (an event-loop stall), lets the app settle, then runs WRITER (a
``cadence todo add TITLE`` command line) as a subprocess without blocking the loop.
Measures:

- ``refresh``: from the new file's mtime (the write landing) to the moment the
  app's session holds a to-do titled TITLE;
- ``stall``: the longest ticker gap from the writer's start until one second
  after the refresh (the re-read and redraw included);
- ``idle_cpu``: CPU seconds of this process per wall second over IDLE_SECONDS
  with the ticker stopped and nothing happening (the app's own poll keeps running).
"""

import asyncio
import json
import os
import sys
import time
from pathlib import Path

from child_support import finish, report

TICK = 0.005


class Ticker:
    def __init__(self) -> None:
        self.longest = 0.0
        self.last = time.perf_counter()

    def reset(self) -> None:
        self.longest, self.last = 0.0, time.perf_counter()

    async def run(self) -> None:
        while True:
            await asyncio.sleep(TICK)
            now = time.perf_counter()
            self.longest = max(self.longest, now - self.last - TICK)
            self.last = now


def has_todo(app, title: str) -> bool:  # type: ignore[no-untyped-def]
    return any(todo.title == title for todo in app.session.snapshot.todos)


async def main(folder: str, title: str, idle_seconds: float, writer: list[str]) -> None:
    from cadence.tui.app import CadenceApp

    app = CadenceApp(Path(folder))
    async with app.run_test(headless=True, size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("5")  # the To-Dos section: the new to-do has a list to appear in
        await pilot.pause()
        await asyncio.sleep(1.5)  # let start-up work (first poll, resume offer) finish before watching
        ticker = Ticker()
        ticking = asyncio.ensure_future(ticker.run())
        await asyncio.sleep(0.1)
        ticker.reset()
        process = await asyncio.create_subprocess_exec(
            *writer, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE
        )
        _, errors = await process.communicate()
        if process.returncode:
            raise SystemExit(f"the writer failed: {errors.decode()}")
        written = os.stat(Path(folder) / "cadence.json").st_mtime
        while not has_todo(app, title):
            await asyncio.sleep(0.002)
        seen = time.time()
        await asyncio.sleep(1.0)
        stall = ticker.longest
        ticking.cancel()
        await asyncio.sleep(0.2)
        cpu_before, wall_before = time.process_time(), time.perf_counter()
        await asyncio.sleep(idle_seconds)
        idle_cpu = (time.process_time() - cpu_before) / (time.perf_counter() - wall_before)
        report({"refresh": seen - written, "stall": stall, "idle_cpu": idle_cpu})


if __name__ == "__main__":
    finish(lambda: main(sys.argv[1], sys.argv[2], float(sys.argv[3]), json.loads(sys.argv[4])))

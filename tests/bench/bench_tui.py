"""How long the app takes to open the demo workspace, as a ratio to a bare Textual app, in the same run.

Run: ``python -m tests.bench.bench_tui [--runs 5]``. Each run is a fresh
process (imports included) that opens the app headless at 80x24, waits for
the first screen, and exits. Prints medians; asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cadence.locations import demo_workspace_dir

BARE = """
import asyncio
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("hello")
async def main():
    async with Bare().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
asyncio.run(main())
"""

CADENCE = """
import asyncio, sys
from pathlib import Path
from cadence.tui.app import CadenceApp
from cadence.tui.config import UserSettings
async def main():
    app = CadenceApp(Path(sys.argv[1]), settings=UserSettings(folder=Path(sys.argv[2])))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in "{keys}":
            await pilot.press(key)
asyncio.run(main())
"""


def median_seconds(command: list[str], runs: int) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    scratch = Path(tempfile.mkdtemp())
    folder = scratch / "ws"
    folder.mkdir()
    shutil.copy2(demo_workspace_dir() / "cadence.json", folder / "cadence.json")
    args = [str(folder), str(scratch / "config")]
    baseline = median_seconds([sys.executable, "-c", BARE], runs)
    opened = median_seconds([sys.executable, "-c", CADENCE.format(keys=""), *args], runs)
    toured = median_seconds([sys.executable, "-c", CADENCE.format(keys="23456891"), *args], runs)
    print(f"{'case':44} {'median':>9} {'x bare':>8}   ({runs} runs, 80x24, demo workspace)")
    print(f"{'bare Textual app (baseline)':44} {baseline * 1000:7.0f}ms {1.0:7.1f}x")
    print(f"{'cadence: open on the Dashboard':44} {opened * 1000:7.0f}ms {opened / baseline:7.1f}x")
    print(f"{'cadence: open and visit every section':44} {toured * 1000:7.0f}ms {toured / baseline:7.1f}x")
    shutil.rmtree(scratch)


if __name__ == "__main__":
    main()

"""Child of figure 1: open the app (or the bare baseline app) headless; print the wall-clock moment it is usable.

``first_frame.py cadence FOLDER COMPANY``: usable = the Dashboard is the screen and
the company name (its start: the header clips it at 80 columns) is on it. ``first_frame.py bare``: usable = a Header, a
DataTable of 30 rows and a Footer are mounted. The parent takes the time before
it starts this process, so imports and start-up count, as they do for a person.
"""

import asyncio
import sys
import time
from pathlib import Path

from child_support import finish, report

POLL = 0.002


def shows(app, company: str) -> bool:  # type: ignore[no-untyped-def]
    from textual.widgets import Static

    if "Dashboard" not in type(app.screen).__name__:
        return False
    shown = company[:8]  # the header clips a long name to fit 80 columns: its start is always there
    return any(shown in str(widget.content) for widget in app.screen.query(Static))


async def open_cadence(folder: str, company: str) -> None:
    from cadence.tui.app import CadenceApp

    app = CadenceApp(Path(folder))
    async with app.run_test(headless=True, size=(80, 24)):
        while not shows(app, company):
            await asyncio.sleep(POLL)
        report({"seen": time.time()})


async def open_bare() -> None:
    from textual.app import App
    from textual.widgets import DataTable, Footer, Header

    class Bare(App[None]):
        def compose(self):  # type: ignore[no-untyped-def]
            yield Header()
            yield DataTable()
            yield Footer()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("id", "title", "owner", "due")
            for n in range(30):
                table.add_row(f"T-{n}", f"Action item number {n}", "Dana Okafor", "Tue 01 Dec")

    app = Bare()
    async with app.run_test(headless=True, size=(80, 24)):
        while app.query_one(DataTable).row_count < 30:
            await asyncio.sleep(POLL)
        report({"seen": time.time()})


if __name__ == "__main__":
    finish(lambda: open_cadence(sys.argv[2], sys.argv[3]) if sys.argv[1] == "cadence" else open_bare())

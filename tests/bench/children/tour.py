"""Child of figure 5: open the app headless, visit every section, return to the Dashboard, exit.

``tour.py FOLDER``. Prints this process's peak RSS (``VmHWM``, KiB; see ``peak_rss``)
after the tour, and ``ru_maxrss`` (which on Linux can include the parent's peak).
"""

import resource
import sys
from pathlib import Path

from child_support import finish, report
from peak_rss import peak_kib


async def main(folder: str) -> None:
    from cadence.tui.app import CadenceApp

    app = CadenceApp(Path(folder))
    async with app.run_test(headless=True, size=(80, 24)) as pilot:
        await pilot.pause()
        for key in "234567891":
            await pilot.press(key)
            await pilot.pause()
        report({"maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "peak_kib": peak_kib()})


if __name__ == "__main__":
    finish(lambda: main(sys.argv[1]))

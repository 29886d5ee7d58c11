"""Child of figure 5: open the app headless, visit every section, return to the Dashboard, exit.

``tour.py FOLDER``. The parent reads this process's peak RSS (``os.wait4``); the
child also prints its own ``ru_maxrss`` (KiB) as a cross-check.
"""

import resource
import sys
from pathlib import Path

from child_support import finish, report


async def main(folder: str) -> None:
    from cadence.tui.app import CadenceApp

    app = CadenceApp(Path(folder))
    async with app.run_test(headless=True, size=(80, 24)) as pilot:
        await pilot.pause()
        for key in "234567891":
            await pilot.press(key)
            await pilot.pause()
        report({"maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss})


if __name__ == "__main__":
    finish(lambda: main(sys.argv[1]))

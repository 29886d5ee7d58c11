"""Child of figure 4: 500 arrow moves on a team's Scorecard, and switching sections, timed inside the app.

``keys.py FOLDER TEAM_ID [MOVES]``: opens the app headless at 80x24 with the team picked,
goes to the Scorecard (3), then times MOVES (500) arrow presses (down, right, up, left in
runs the grid can take), then 18 section switches (2 3 4 5 6 7 8 9 1, twice).
Each press is posted and processed as Pilot does for a person typing.
"""

import sys
import time
from pathlib import Path

from child_support import finish, report

ROUND = ["down"] * 10 + ["right"] * 15 + ["up"] * 10 + ["left"] * 15  # 50 moves the grid can take
SECTIONS = list("234567891") * 2


async def main(folder: str, team_id: str, moves: int) -> None:
    from cadence.tui.app import CadenceApp

    app = CadenceApp(Path(folder))
    app.session.pick_team(team_id)
    async with app.run_test(headless=True, size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        arrow_keys = (ROUND * (moves // len(ROUND) + 1))[:moves]
        started = time.perf_counter()
        await pilot.press(*arrow_keys)
        await pilot.pause()
        arrows = time.perf_counter() - started
        started = time.perf_counter()
        for key in SECTIONS:
            await pilot.press(key)
            await pilot.pause()
        sections = time.perf_counter() - started
        report({"arrows": arrows, "sections": sections, "arrow_presses": moves, "switches": len(SECTIONS)})


if __name__ == "__main__":
    finish(lambda: main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 500))

"""What every app child shares: print the result as soon as it is measured, and survive a crash on the way out.

A child prints its one JSON line inside ``run_test`` (before the app is torn
down). An exception raised after that, while the app shuts down, is reported
on stderr as a teardown error and does not cost the figure: it is a bug to
report, not a measurement.
"""

import asyncio
import json
import sys
import traceback
from collections.abc import Awaitable, Callable

_printed = False


def report(result: dict) -> None:  # type: ignore[type-arg]
    global _printed
    print(json.dumps(result), flush=True)
    _printed = True


def finish(main: Callable[[], Awaitable[object]]) -> None:
    try:
        asyncio.run(main())  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001
        if not _printed:
            raise
        print("teardown error after the measurement (a bug in the app, not in the bench):", file=sys.stderr)
        traceback.print_exc()

"""The one clock the CLI and the app share: now, or the day ``CADENCE_TODAY`` names.

``CADENCE_TODAY=2026-11-23`` makes every command *and* the app run as if on
that day (at the real time of day), for scripts, demos and tests. Both read
it here, so ``cadence score set`` and the Scorecard's "this week" always
agree. A value that is not an ISO date is refused with one clear line.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, datetime

from cadence.store.errors import InputError

TODAY_VARIABLE = "CADENCE_TODAY"

Clock = Callable[[], datetime]


def _pinned() -> date | datetime | None:
    override = os.environ.get(TODAY_VARIABLE, "").strip()
    if not override:
        return None
    try:
        return date.fromisoformat(override)
    except ValueError:
        pass
    if "T" in override:
        try:
            return datetime.fromisoformat(override).replace(tzinfo=None)
        except ValueError:
            pass
    raise InputError(f"{TODAY_VARIABLE}: {override!r} is not an ISO date (like 2026-11-23)")


def clock_from_environment() -> Clock:
    """``datetime.now``; with ``CADENCE_TODAY`` a date, that day at the real time; a date and time, that moment."""
    pinned = _pinned()
    if pinned is None:
        return datetime.now
    if isinstance(pinned, datetime):
        moment = pinned
        return lambda: moment
    day = pinned
    return lambda: datetime.combine(day, datetime.now().time())


def now() -> datetime:
    """The current moment by the shared clock (reads ``CADENCE_TODAY`` each time)."""
    return clock_from_environment()()

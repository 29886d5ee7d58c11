"""How many browser sessions, how big a terminal, how long idle.

Each tab is a whole app process (about 50 MB) streaming its screen, so a
server with no limits is one loop of ``new WebSocket`` from running out of
memory, and one tab asking for a 2000x2000 terminal streams megabytes a
second. The book counts open sessions, refuses past the cap, names each one
for the log, and clamps every size a browser asks for.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field

DEFAULT_MAX_SESSIONS = 8
DEFAULT_IDLE_MINUTES = 60
MAX_COLUMNS = 300
MAX_ROWS = 100
MIN_COLUMNS = 20
MIN_ROWS = 5


def clamp_size(width: object, height: object) -> tuple[int, int]:
    """A terminal size within the cap; anything that is not a number gets the classic 80x24."""
    columns = _number(width, 80)
    rows = _number(height, 24)
    return max(MIN_COLUMNS, min(columns, MAX_COLUMNS)), max(MIN_ROWS, min(rows, MAX_ROWS))


def _number(value: object, default: int) -> int:
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            return default
    return default


@dataclass
class Session:
    """One browser tab's app: a number for the log, where it came from, when it last did something."""

    number: int
    remote: str
    opened: float = field(default_factory=time.monotonic)
    last_input: float = field(default_factory=time.monotonic)

    def touch(self) -> None:
        self.last_input = time.monotonic()

    def idle_for(self) -> float:
        return time.monotonic() - self.last_input

    def age_text(self) -> str:
        seconds = int(time.monotonic() - self.opened)
        return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


@dataclass
class SessionBook:
    """The open sessions, at most ``limit`` of them."""

    limit: int = DEFAULT_MAX_SESSIONS
    open: dict[int, Session] = field(default_factory=dict)
    _numbers: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def full(self) -> bool:
        return len(self.open) >= self.limit

    def start(self, remote: str) -> Session | None:
        """A new session, or None when the cap is reached."""
        if self.full:
            return None
        session = Session(next(self._numbers), remote)
        self.open[session.number] = session
        return session

    def end(self, session: Session) -> None:
        self.open.pop(session.number, None)

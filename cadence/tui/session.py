"""The app's one door to the workspace: the current snapshot, the team picked, and writes.

Widgets ask the session; they never touch the store directly. The session's
blocking calls (``write_blocking``, ``read_blocking``) do file I/O and are
meant for a worker thread, never the event loop: ``cadence.tui.background``
runs them there. Writes take the workspace lock for at most ``LOCK_TIMEOUT``
seconds so a session never waits long on someone else's write; on
``WorkspaceBusy`` the caller keeps the user's input and offers a retry.

What screens look up again and again is prepared with each snapshot, in the
worker thread that read or wrote it (``SnapshotIndex``: every kind's list in
id order, scores by measurable), so a screen's build costs what it shows and
not a pass over years of records on the event loop.

A snapshot is only ever replaced by one read or written later: the
fingerprint taken with it (under the lock, for a write; before and after the
read, for a poll) is what says a change was seen, so none is missed and an
older read never hides a newer write.
"""

from __future__ import annotations

import getpass
import os
import socket
import threading
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TypeVar

from cadence.domain.ids import Kind
from cadence.domain.models import Score, Team
from cadence.domain.periods import Quarter
from cadence.store import Fingerprint, Snapshot, Transaction, Workspace

T = TypeVar("T")
LOCK_TIMEOUT = 1.5


def session_label() -> str:
    """Who this terminal is, for a meeting's driver: ``user@host:pid`` (unique per running app)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container)
        user = str(os.getuid())
    return f"{user}@{socket.gethostname()}:{os.getpid()}"


class SnapshotIndex:
    """One snapshot's lookups that screens make often, built with it (in the worker thread, for a new one)."""

    def __init__(self, snapshot: Snapshot) -> None:
        for kind in Kind:
            snapshot.records(kind)  # each kind's list in id order, sorted here once rather than on first use
        self.scores_by_measurable: dict[str, list[Score]] = {}
        for score in snapshot.scores:
            self.scores_by_measurable.setdefault(score.measurable_id, []).append(score)


class WorkspaceSession:
    def __init__(self, folder: Path, clock: Callable[[], datetime] = datetime.now) -> None:
        self.workspace = Workspace(folder, lock_timeout=LOCK_TIMEOUT, clock=clock)
        self.clock = clock
        self._guard = threading.Lock()
        self._generation = 0
        self._fingerprint: Fingerprint | None = None
        seen = self.workspace.read_if_changed(None)
        if seen is None:  # pragma: no cover - read_if_changed(None) always reads
            raise RuntimeError("the workspace read nothing")
        self.snapshot: Snapshot = seen[0]
        self._index: SnapshotIndex | None = None  # the first snapshot's: built when first asked (start-up stays short)
        self._fingerprint = seen[1]
        self.team_id: str | None = None
        self.driver_label = session_label()
        self._history_cache: tuple[object, Snapshot] | None = None  # (what it was read from, the history)
        self.me: str | None = None  # the person at this terminal, once they say who they are (a meeting asks)

    # Time ------------------------------------------------------------------

    def today(self) -> date:
        return self.clock().date()

    def quarter(self) -> Quarter:
        return self.snapshot.quarter_of(self.today())

    def week(self) -> date:
        return self.snapshot.week_of(self.today())

    # Team ------------------------------------------------------------------

    @property
    def team(self) -> Team | None:
        for team in self.snapshot.teams:
            if team.id == self.team_id:
                return team
        return None

    def pick_team(self, team_id: str | None) -> None:
        """Use ``team_id`` if it exists, else the leadership team, else the first team, else none."""
        teams = self.snapshot.teams
        ids = {team.id for team in teams}
        if team_id in ids:
            self.team_id = team_id
            return
        leadership = [team.id for team in teams if team.leadership]
        choices: list[str | None] = [*leadership, *(team.id for team in teams), None]
        self.team_id = choices[0]

    def belongs(self, team_id: str | None, owner_id: str | None) -> bool:
        """Is a record in the picked team's view: its own team, or no team and owned by a member (``View.in_team``)."""
        return self.snapshot.in_team(self.team_id, team_id, owner_id)

    # Reading and writing (blocking: call from a worker thread) -------------------------

    def read_blocking(self) -> bool:
        """Re-read when the file changed on disk (another session, the CLI). Cheap (one stat) when it did not."""
        since = self._fingerprint
        seen = self.workspace.read_if_changed(since)
        if seen is None:
            return False
        return self._adopt(seen[0], seen[1], since)

    def write_blocking(self, change: Callable[[Transaction], T]) -> T:
        """Run ``change`` in one locked transaction and keep the snapshot it left. Errors propagate unchanged.

        The snapshot on screen goes along: if nobody wrote since, the write starts from it instead of
        reading and validating the file again (``Workspace.apply``'s ``known``).
        """
        with self._guard:
            known = (self.snapshot, self._fingerprint) if self._fingerprint is not None else None
        applied = self.workspace.apply(change, known=known)
        self._adopt(applied.snapshot, applied.fingerprint, None)
        return applied.result

    def _adopt(self, snapshot: Snapshot, fingerprint: Fingerprint | None, read_since: Fingerprint | None) -> bool:
        """Take a newer snapshot; a poll that started before a write finished must not undo it.

        Runs in the worker thread: the snapshot's records are all validated here, so no screen
        validates a kind on the event loop when it first shows it.
        """
        snapshot.load_all()
        index = SnapshotIndex(snapshot)
        with self._guard:
            if read_since is not None and read_since != self._fingerprint:
                return False  # a write landed while this read ran; the next poll decides
            self.snapshot = snapshot
            self._index = index
            self._fingerprint = fingerprint
            self._generation += 1
            self.pick_team(self.team_id)
            return True

    @property
    def index(self) -> SnapshotIndex:
        """The current snapshot's lookups (built in the worker thread that adopted it; the first one's on demand)."""
        index = self._index
        if index is None:
            index = self._index = SnapshotIndex(self.snapshot)
        return index

    @property
    def generation(self) -> int:
        """Counts snapshots taken; a screen drawn from an older one redraws."""
        return self._generation

    # History (blocking: call from a worker thread) ----------------------------------------

    def history_blocking(self) -> Snapshot:
        """Live and archived records as one (``Workspace.read_history``), for the views that show history.

        Slow (it reads every archive file), so only a view asked for history calls it, from a thread
        (``cadence.tui.background.in_thread``). Kept until the live file or the archive folder (its
        names, sizes and mtimes) changes; the key is taken before the read, so a change during the
        read only makes the next call read again.
        """
        key = (self.workspace.fingerprint(), self._archive_listing())
        cached = self._history_cache
        if cached is not None and cached[0] == key:
            return cached[1]
        history = self.workspace.read_history()
        self._history_cache = (key, history)
        return history

    def _archive_listing(self) -> tuple[tuple[str, int, int], ...]:
        """The archive folder's files, each with its size and mtime (nothing followed through a link)."""
        try:
            entries = list(os.scandir(self.workspace.folder / "archive"))
        except (FileNotFoundError, NotADirectoryError):
            return ()
        listing = []
        for entry in entries:
            info = entry.stat(follow_symlinks=False)
            listing.append((entry.name, info.st_size, info.st_mtime_ns))
        return tuple(sorted(listing))

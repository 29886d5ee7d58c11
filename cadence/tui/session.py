"""The app's one door to the workspace: the current snapshot, the team picked, and writes.

Widgets ask the session; they never touch the store directly. Writes take the
workspace lock for at most ``LOCK_TIMEOUT`` seconds so the UI never hangs on
someone else's long write; on ``WorkspaceBusy`` the caller keeps the user's
input and offers a retry.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TypeVar

from cadence.domain.models import Team
from cadence.domain.periods import Quarter
from cadence.store import Workspace
from cadence.store.transaction import Transaction
from cadence.store.view import Snapshot
from cadence.store.workspace import Fingerprint

T = TypeVar("T")
LOCK_TIMEOUT = 1.5


class WorkspaceSession:
    def __init__(self, folder: Path, clock: Callable[[], datetime] = datetime.now) -> None:
        self.workspace = Workspace(folder, lock_timeout=LOCK_TIMEOUT, clock=clock)
        self.clock = clock
        self.snapshot: Snapshot = self.workspace.read()
        self._fingerprint: Fingerprint | None = self.workspace.fingerprint()
        self.team_id: str | None = None

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
        self.team_id = (leadership or [team.id for team in teams] or [None])[0]

    def belongs(self, team_id: str | None, owner_id: str | None) -> bool:
        """Is a record in the picked team's view: its own team, or no team and owned by a member."""
        team = self.team
        if team is None:
            return True
        if team_id is not None:
            return team_id == team.id
        return owner_id is None or owner_id in team.member_ids

    # Reading and writing ------------------------------------------------------

    def reload_if_changed(self) -> bool:
        """Re-read when the file changed on disk (another session, the CLI). Cheap when it did not."""
        fingerprint = self.workspace.fingerprint()
        if fingerprint == self._fingerprint:
            return False
        self.snapshot = self.workspace.read()
        self._fingerprint = fingerprint
        self.pick_team(self.team_id)
        return True

    def write(self, change: Callable[[Transaction], T]) -> T:
        """Run ``change`` in one locked transaction and refresh the snapshot. Errors propagate unchanged."""
        with self.workspace.transaction() as transaction:
            result = change(transaction)
        self.snapshot = self.workspace.read()
        self._fingerprint = self.workspace.fingerprint()
        return result

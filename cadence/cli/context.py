"""What every subcommand needs: the chosen workspace and today's date.

``CADENCE_TODAY`` (ISO date) makes a script or a test run as if on that day.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import click

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cadence.store.transaction import Transaction
    from cadence.store.view import Snapshot
    from cadence.store.workspace import Workspace


def _now() -> datetime:
    override = os.environ.get("CADENCE_TODAY")
    if override:
        try:
            day = date.fromisoformat(override)
        except ValueError:
            raise click.UsageError(f"CADENCE_TODAY: {override!r} is not an ISO date") from None
        return datetime.combine(day, datetime.now().time())
    return datetime.now()


@dataclass
class CliContext:
    folder: Path

    @property
    def workspace(self) -> Workspace:
        from cadence.store.workspace import Workspace

        return Workspace(self.folder, clock=_now)

    @property
    def today(self) -> date:
        return _now().date()

    def read(self) -> Snapshot:
        return self.workspace.read()

    @contextmanager
    def write(self) -> Iterator[Transaction]:
        with self.workspace.transaction() as transaction:
            yield transaction


pass_context = click.make_pass_decorator(CliContext)

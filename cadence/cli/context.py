"""What every subcommand needs: the chosen workspace and today's date.

``CADENCE_TODAY`` (ISO date) makes a script or a test run as if on that day.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from cadence.store.transaction import Transaction
    from cadence.store.view import Snapshot
    from cadence.store.workspace import Workspace


def _now() -> datetime:
    """The store's shared clock (``CADENCE_TODAY`` honoured the same way the app honours it)."""
    from cadence.store.clock import now
    from cadence.store.errors import InputError

    try:
        return now()
    except InputError as error:
        raise click.UsageError(str(error)) from None


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
        """The live file: what the weekly rhythm works on."""
        return self.workspace.read()

    def read_history(self, *, verify: bool = False) -> Snapshot:
        """Live and archived records as one workspace: for check, export and every view of history."""
        return self.workspace.read_history(verify=verify)

    @contextmanager
    def write(self) -> Iterator[Transaction]:
        with self.workspace.transaction() as transaction:
            yield transaction

    @contextmanager
    def write_or_rehearse(self, dry_run: bool) -> Iterator[Transaction]:
        """The real transaction, or with ``dry_run`` one on a copy that is thrown away (``Workspace.rehearsal``)."""
        if dry_run:
            with self.workspace.rehearsal() as transaction:
                yield transaction
        else:
            with self.workspace.transaction() as transaction:
                yield transaction


pass_context = click.make_pass_decorator(CliContext)

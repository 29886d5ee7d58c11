"""The workspace on disk: atomic, locked, validated, versioned storage and typed access.

This is the store's public face. Import from here: ``Workspace``, ``Snapshot``
(a validated read), ``Transaction`` (the type a ``change(tx)`` callable takes),
``Applied`` and ``Fingerprint`` (what ``Workspace.apply`` returns), the errors,
the clock (``CADENCE_TODAY``) and the atomic file write (for files that are not
the workspace, like a user's settings); and ``cadence.store.actions`` for
every write. The other modules of the
package are internals. Everything but the errors is imported on first use, so
importing ``cadence.store`` stays cheap for the CLI.
"""

from importlib import import_module
from typing import TYPE_CHECKING

from cadence.store.errors import (
    InputError,
    WorkspaceBusy,
    WorkspaceCorrupt,
    WorkspaceError,
    WorkspaceMissing,
    WorkspaceReadOnly,
    WorkspaceUnsafe,
    WorkspaceUnwritable,
)

if TYPE_CHECKING:
    from cadence.store.applied import Applied, Fingerprint
    from cadence.store.atomic import atomic_write_bytes
    from cadence.store.clock import clock_from_environment
    from cadence.store.transaction import Transaction
    from cadence.store.view import Snapshot
    from cadence.store.workspace import Workspace

_LAZY = {
    "atomic_write_bytes": "cadence.store.atomic",
    "clock_from_environment": "cadence.store.clock",
    "Applied": "cadence.store.applied",
    "Fingerprint": "cadence.store.applied",
    "Snapshot": "cadence.store.view",
    "Transaction": "cadence.store.transaction",
    "Workspace": "cadence.store.workspace",
}


def __getattr__(name: str) -> object:
    """The public classes are imported on first use: importing the errors alone stays cheap."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'cadence.store' has no attribute {name!r}")
    return getattr(import_module(module), name)


__all__ = [
    "atomic_write_bytes",
    "clock_from_environment",
    "Applied",
    "Fingerprint",
    "InputError",
    "Snapshot",
    "Transaction",
    "Workspace",
    "WorkspaceBusy",
    "WorkspaceCorrupt",
    "WorkspaceError",
    "WorkspaceMissing",
    "WorkspaceReadOnly",
    "WorkspaceUnsafe",
    "WorkspaceUnwritable",
]

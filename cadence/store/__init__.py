"""The workspace on disk: atomic, locked, validated, versioned storage and typed access.

Import from here: ``Workspace``, the errors, and ``actions`` for operations
the CLI and the TUI share.
"""

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

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cadence.store.workspace import Workspace


def __getattr__(name: str) -> object:
    """``Workspace`` is imported on first use: importing the errors alone stays cheap."""
    if name == "Workspace":
        from cadence.store.workspace import Workspace

        return Workspace
    raise AttributeError(f"module 'cadence.store' has no attribute {name!r}")

__all__ = [
    "InputError",
    "Workspace",
    "WorkspaceBusy",
    "WorkspaceCorrupt",
    "WorkspaceError",
    "WorkspaceMissing",
    "WorkspaceReadOnly",
    "WorkspaceUnsafe",
    "WorkspaceUnwritable",
]

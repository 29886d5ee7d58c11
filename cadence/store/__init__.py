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
)
from cadence.store.workspace import Workspace

__all__ = [
    "InputError",
    "Workspace",
    "WorkspaceBusy",
    "WorkspaceCorrupt",
    "WorkspaceError",
    "WorkspaceMissing",
    "WorkspaceReadOnly",
]

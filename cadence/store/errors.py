"""What can go wrong with a workspace, each with a message meant for the user.

``WorkspaceError`` and its children mean the workspace cannot be used as asked
(the CLI exits 2); ``InputError`` means the request itself was bad (exit 1).
"""

from __future__ import annotations


class WorkspaceError(Exception):
    """The workspace cannot be opened or written."""


class WorkspaceMissing(WorkspaceError):
    """No workspace at that path."""


class WorkspaceCorrupt(WorkspaceError):
    """The file does not parse or holds records that do not validate. It is never overwritten."""


class WorkspaceReadOnly(WorkspaceError):
    """The file comes from a newer cadence: reading works, writing is refused."""


class WorkspaceBusy(WorkspaceError):
    """Another session held the lock for too long; the caller keeps its input and may retry."""


class WorkspaceUnwritable(WorkspaceError):
    """The OS refused a write (permissions, full disk, read-only mount...); the old file is intact."""


class WorkspaceUnsafe(WorkspaceUnwritable):
    """A link or a non-regular file sits where cadence expects its own file; nothing is written through it."""


class InputError(ValueError):
    """The user asked for something that does not make sense (unknown person, bad date...)."""

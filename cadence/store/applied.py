"""What one write hands back: its result, the workspace as it left it, and the file's fingerprint.

A caller that shows the workspace (the TUI session) needs all three from the
same locked moment: the snapshot so it need not re-read the file it just
wrote, and the fingerprint taken under the lock right after the replace, so
the next stat poll tells "my own write" from "someone else's" without a gap
in which another writer could slip by unnoticed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from cadence.store.view import Snapshot

T = TypeVar("T")

Fingerprint = tuple[int, int, int]
"""(mtime_ns, size, inode) of ``cadence.json``: a cheap, exact change detector (the file is only ever replaced)."""


@dataclass(frozen=True)
class Applied(Generic[T]):
    """The outcome of ``Workspace.apply``: what ``change`` returned and the workspace just after it."""

    result: T
    snapshot: Snapshot
    fingerprint: Fingerprint | None

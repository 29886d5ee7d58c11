"""Turn an ``OSError`` met while writing a workspace into one line a person can act on.

A full disk, a read-only mount, a folder someone else owns or a link planted
where cadence keeps its files all reach the user as ``error: <path>: <what
happened>; <what to do>`` (exit 2 in the CLI, a message in the open form in
the TUI), never as a traceback.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cadence.store.errors import WorkspaceUnsafe, WorkspaceUnwritable

NOTHING_CHANGED = "nothing was changed"

_ADVICE: dict[int, str] = {
    errno.ENOSPC: "the disk is full: free some space and try again",
    errno.EDQUOT: "your disk quota is used up: free some space and try again",
    errno.EROFS: "it is on a read-only file system: remount it read-write or use another workspace",
    errno.EACCES: "permission denied: ask the workspace's owner for write access "
    "(a shared workspace is made with: cadence init --shared GROUP)",
    errno.EPERM: "operation not permitted: ask the workspace's owner for write access",
    errno.ELOOP: "it is a symbolic link, and cadence never writes through links in a workspace: remove it",
    errno.ENOTDIR: "a file sits where a folder belongs: move it away",
    errno.EISDIR: "a folder sits where a file belongs: move it away",
    errno.EIO: "the disk reported an I/O error: check the disk",
}


def describe_os_error(path: Path | str, error: OSError, *, saved: bool = False) -> str:
    reason = _ADVICE.get(error.errno or 0, os.strerror(error.errno) if error.errno else str(error))
    outcome = "the change was saved but may not be on disk yet" if saved else NOTHING_CHANGED
    return f"cannot write {path}: {reason}; {outcome}"


def unsafe(path: Path | str, what: str, expected: str = "file") -> WorkspaceUnsafe:
    return WorkspaceUnsafe(
        f"{path} is {what}, not the {expected} cadence made: cadence refuses to read or write through it "
        f"(another user may have put it there); {NOTHING_CHANGED}. Remove it, or restore from backups/"
    )


def kind_of(mode: int) -> str:
    """'a symbolic link', 'a folder', 'a named pipe'... for messages about what sits at a name."""
    import stat

    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a regular file"


@contextmanager
def os_errors(path: Path | str, *, saved: bool = False) -> Iterator[None]:
    """Re-raise any ``OSError`` in the block as ``WorkspaceUnwritable`` naming ``path``."""
    try:
        yield
    except WorkspaceUnwritable:
        raise
    except OSError as error:
        raise WorkspaceUnwritable(describe_os_error(path, error, saved=saved)) from error

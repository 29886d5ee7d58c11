"""The workspace's write lock: ``flock`` on the workspace folder's own descriptor.

People delete "stale" lock files. A lock held on a file can then be taken a
second time by the next writer, who creates a fresh file with the same name,
and two writes interleave (one is lost, an id is reused). A folder cannot be
deleted while it holds the workspace, so cadence locks the folder itself:
deleting, replacing or planting anything at ``cadence.json.lock`` cannot
release it.

``cadence.json.lock`` is still taken as well, after the folder, so that an
older cadence (which only knew the file lock) waits for this one during an
upgrade. It is opened without following links (a link there is refused) and
read-only: ``flock`` needs no write access, so its mode never matters.

``flock`` is an advisory lock on local file systems; on NFS Linux emulates it
with byte-range locks that a read-only folder descriptor cannot take, so keep
a shared workspace on a local disk of the server everyone logs in to.
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cadence.store.atomic import own_descriptor_mode
from cadence.store.errors import WorkspaceBusy
from cadence.store.oserrors import kind_of, os_errors, unsafe

POLL_SECONDS = 0.01
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


@contextmanager
def workspace_lock(
    folder_fd: int,
    lock_name: str,
    *,
    lock_path: Path,
    timeout: float,
    new_file_mode: int,
    gid: int | None,
) -> Iterator[None]:
    """Hold the folder's lock, then the lock file's; ``WorkspaceBusy`` once ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    with os_errors(lock_path):
        _flock_by(folder_fd, deadline, lock_path, timeout)
    try:
        with os_errors(lock_path):
            lock_fd = _open_lock_file(folder_fd, lock_name, lock_path, new_file_mode, gid)
        try:
            with os_errors(lock_path):
                _flock_by(lock_fd, deadline, lock_path, timeout)
            yield
        finally:
            os.close(lock_fd)  # closing releases its flock
    finally:
        fcntl.flock(folder_fd, fcntl.LOCK_UN)


def _flock_by(descriptor: int, deadline: float, lock_path: Path, timeout: float) -> None:
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        if time.monotonic() >= deadline:
            raise WorkspaceBusy(
                f"the workspace is locked by another session ({lock_path}) for more than "
                f"{timeout:g}s; nothing was changed, try again"
            )
        time.sleep(POLL_SECONDS)


def _open_lock_file(folder_fd: int, name: str, shown: Path, mode: int, gid: int | None) -> int:
    """Open the lock file read-only without following a link, creating it (with ``mode``) if missing."""
    for _attempt in range(10):
        try:
            descriptor = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | _CLOEXEC, dir_fd=folder_fd)
        except FileNotFoundError:
            try:
                descriptor = os.open(
                    name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | _CLOEXEC, 0o600, dir_fd=folder_fd
                )
            except FileExistsError:
                continue  # someone made it between our two calls: open theirs
            try:
                own_descriptor_mode(descriptor, mode, gid)
            except BaseException:
                os.close(descriptor)
                raise
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise unsafe(shown, "a symbolic link") from None
            raise
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            os.close(descriptor)
            raise unsafe(shown, kind_of(info.st_mode))
        return descriptor
    raise WorkspaceBusy(f"{shown} keeps appearing and disappearing; nothing was changed, try again")

"""Write a file so that a crash at any moment leaves the old bytes or the new ones.

The new content goes to a temporary file in the same folder, is fsynced, takes
the old file's mode and group (``mkstemp`` makes 0600 files, which would lock
a team out of a shared workspace), and replaces the old file with
``os.replace``; the folder is fsynced so the rename itself survives a crash.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def current_umask() -> int:
    """The process umask, read without changing it where the OS allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    folder = path.parent
    try:
        previous: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        previous = None
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(payload)
            temp.flush()
            if previous is not None:
                os.fchmod(temp.fileno(), stat.S_IMODE(previous.st_mode))
                if previous.st_gid != os.fstat(temp.fileno()).st_gid:
                    try:
                        os.fchown(temp.fileno(), -1, previous.st_gid)
                    except PermissionError:
                        pass
            else:
                os.fchmod(temp.fileno(), 0o666 & ~current_umask())
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        try:
            os.unlink(temp_name)
        except FileNotFoundError:
            pass
        raise
    fsync_folder(folder)


def fsync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)

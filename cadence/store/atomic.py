"""Open, read and replace files inside a workspace folder without ever following a link.

In a shared workspace every name in the folder can be replaced by another
member at any moment, even between two of our system calls. So everything
here works relative to a descriptor of the folder (``dir_fd``), opens with
``O_NOFOLLOW``, creates only fresh random names with ``O_EXCL``, and sets
modes and groups with ``fchmod``/``fchown`` on descriptors it just created:
no name is trusted twice.

A replace writes a temporary file inside a fresh private (0700) folder of
ours, fsyncs it, renames it over the old name with ``os.replace`` (which swaps the name itself, never a
link's target) and
fsyncs the folder, so a crash leaves the old bytes or the new ones.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path

from cadence.store.oserrors import kind_of, os_errors, unsafe

_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = os.O_NOFOLLOW
DIRECTORY_FLAGS = os.O_RDONLY | os.O_DIRECTORY | _CLOEXEC
FILE_MODE_MASK = 0o666  # never an executable, setuid or sticky bit on a data file, whatever the old one had
TEMP_SUFFIX = ".tmp"
PRIVATE_FILE = "new"  # the temporary file's name inside its private folder


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


def open_folder(path: Path) -> int:
    """A descriptor of the workspace folder itself. Links in the user's own path to it are followed."""
    return os.open(path, DIRECTORY_FLAGS)


def lstat_at(folder_fd: int, name: str) -> os.stat_result | None:
    """What sits at ``name`` (not following a link), or ``None``."""
    try:
        return os.stat(name, dir_fd=folder_fd, follow_symlinks=False)
    except FileNotFoundError:
        return None


def open_subfolder(folder_fd: int, name: str, shown: Path) -> int:
    """Open a folder inside the workspace, refusing a link or a file at that name."""
    try:
        return os.open(name, DIRECTORY_FLAGS | _NOFOLLOW, dir_fd=folder_fd)
    except OSError as error:
        if error.errno in (errno.ENOTDIR, errno.ELOOP):
            found = lstat_at(folder_fd, name)
            if found is not None:
                raise unsafe(shown, kind_of(found.st_mode), expected="folder") from None
        raise


def read_regular(folder_fd: int, name: str, shown: Path) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file and its stat, read through one descriptor. Links, pipes and devices are refused."""
    try:
        # O_NONBLOCK: a named pipe planted at the name must not hang us before fstat can refuse it.
        descriptor = os.open(name, os.O_RDONLY | _NOFOLLOW | os.O_NONBLOCK | _CLOEXEC, dir_fd=folder_fd)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise unsafe(shown, "a symbolic link") from None
        raise
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise unsafe(shown, kind_of(info.st_mode))
        chunks = []
        while chunk := os.read(descriptor, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks), info
    finally:
        os.close(descriptor)


def own_descriptor_mode(descriptor: int, mode: int, gid: int | None) -> None:
    """Set the mode and group of a file this process just created, through its descriptor (umask-proof)."""
    if gid is not None and os.fstat(descriptor).st_gid != gid:
        try:
            os.fchown(descriptor, -1, gid)
        except PermissionError:
            pass  # not a member of that group: the file keeps our group, still group-readable by the folder's
    os.fchmod(descriptor, mode & FILE_MODE_MASK)


def replace_file(
    folder_fd: int,
    name: str,
    payload: bytes,
    *,
    shown: Path,
    mode: int,
    gid: int | None = None,
) -> None:
    """Atomically make ``name`` hold ``payload``; refuse if a link or non-file sits there now."""
    found = lstat_at(folder_fd, name)
    if found is not None and not stat.S_ISREG(found.st_mode):
        raise unsafe(shown, kind_of(found.st_mode))
    with os_errors(shown):
        private_fd, private_name = _make_private_folder(folder_fd, f".{name}.")
        try:
            descriptor = os.open(
                PRIVATE_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o600, dir_fd=private_fd
            )
            try:
                own_descriptor_mode(descriptor, mode, gid)
                view = memoryview(payload)
                while view:
                    written = os.write(descriptor, view)
                    view = view[written:]
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
            # From our private folder, which no one else can enter, to the name itself: a link
            # planted at ``name`` meanwhile is replaced, never followed.
            os.replace(PRIVATE_FILE, name, src_dir_fd=private_fd, dst_dir_fd=folder_fd)
        except BaseException:
            _unlink_quietly(private_fd, PRIVATE_FILE)
            raise
        finally:
            os.close(private_fd)
            _rmdir_quietly(folder_fd, private_name)
    with os_errors(shown, saved=True):
        fsync_folder(folder_fd)


def _make_private_folder(folder_fd: int, prefix: str) -> tuple[int, str]:
    """A fresh 0700 folder of ours next to the target, for the temporary file.

    A temporary file right in a group-writable folder could be swapped for a link by another
    member between our write and our rename, and the rename would then put their link in
    place. Nobody else can add, remove or rename anything inside a 0700 folder we own.
    """
    for _attempt in range(100):
        name = f"{prefix}{secrets.token_hex(6)}{TEMP_SUFFIX}"
        try:
            os.mkdir(name, 0o700, dir_fd=folder_fd)
        except FileExistsError:
            continue
        try:
            descriptor = os.open(name, DIRECTORY_FLAGS | _NOFOLLOW, dir_fd=folder_fd)
        except OSError:
            continue  # swapped for something else between mkdir and open: try another name
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode) and info.st_uid == os.geteuid() and not stat.S_IMODE(info.st_mode) & 0o077:
            return descriptor, name
        os.close(descriptor)
    raise FileExistsError(errno.EEXIST, "no free temporary name", prefix)  # pragma: no cover


def fsync_folder(folder_fd: int) -> None:
    """Make a rename durable. Errors propagate, except EINVAL/ENOTSUP: file systems that cannot fsync a folder."""
    try:
        os.fsync(folder_fd)
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.ENOTSUP):
            raise


def remove_temp_files(folder_fd: int, prefix: str) -> None:
    """Delete a killed writer's leftovers (names ``prefix*.tmp``). Only ever called under the lock.

    Another member's private leftover folder cannot be emptied by us; it stays until they write again.
    """
    try:
        names = os.listdir(folder_fd)
    except OSError:
        return
    for name in names:
        if name.startswith(prefix) and name.endswith(TEMP_SUFFIX):
            try:
                inner = os.open(name, DIRECTORY_FLAGS | _NOFOLLOW, dir_fd=folder_fd)
            except OSError:
                _unlink_quietly(folder_fd, name)  # a plain file (or a link) of that name
                continue
            try:
                _unlink_quietly(inner, PRIVATE_FILE)
            finally:
                os.close(inner)
            _rmdir_quietly(folder_fd, name)


def _rmdir_quietly(folder_fd: int, name: str) -> None:
    try:
        os.rmdir(name, dir_fd=folder_fd)
    except OSError:
        pass


def _unlink_quietly(folder_fd: int, name: str) -> None:
    try:
        os.unlink(name, dir_fd=folder_fd)
    except OSError:
        pass


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    """Replace the file at ``path`` (its folder followed as given), keeping its mode, or the umask's for a new one."""
    folder_fd = open_folder(path.parent)
    try:
        found = lstat_at(folder_fd, path.name)
        if found is not None and stat.S_ISREG(found.st_mode):
            mode, gid = stat.S_IMODE(found.st_mode), found.st_gid
        else:
            mode, gid = 0o666 & ~current_umask(), None
        replace_file(folder_fd, path.name, payload, shown=path, mode=mode, gid=gid)
    finally:
        os.close(folder_fd)

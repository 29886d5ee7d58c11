"""Open, read and replace files inside a workspace folder without ever following a link.

In a shared workspace every name in the folder can be replaced by another
member at any moment, even between two of our system calls. So everything
here works relative to a descriptor of the folder (``dir_fd``), opens with
``O_NOFOLLOW``, creates only fresh random names with ``O_EXCL``, and sets
modes and groups with ``fchmod``/``fchown`` on descriptors it just created:
no name is trusted twice.

A replace writes a temporary file, fsyncs it, renames it over the old name
with ``os.replace`` (which swaps the name itself, never a link's target) and
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
                raise unsafe(shown, kind_of(found.st_mode)) from None
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


def create_exclusive(folder_fd: int, prefix: str, mode: int, gid: int | None) -> tuple[int, str]:
    """A new file under a fresh random name that nobody else can have planted (``O_EXCL|O_NOFOLLOW``)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC
    for _attempt in range(100):
        name = f"{prefix}{secrets.token_hex(6)}{TEMP_SUFFIX}"
        try:
            descriptor = os.open(name, flags, 0o600, dir_fd=folder_fd)
        except FileExistsError:
            continue
        try:
            own_descriptor_mode(descriptor, mode, gid)
        except BaseException:
            os.close(descriptor)
            _unlink_quietly(folder_fd, name)
            raise
        return descriptor, name
    raise FileExistsError(errno.EEXIST, "no free temporary name", prefix)  # pragma: no cover


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
        descriptor, temp_name = create_exclusive(folder_fd, f".{name}.", mode, gid)
        try:
            try:
                view = memoryview(payload)
                while view:
                    written = os.write(descriptor, view)
                    view = view[written:]
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
            # Renames the name itself: a link planted at ``name`` meanwhile is replaced, never followed.
            os.replace(temp_name, name, src_dir_fd=folder_fd, dst_dir_fd=folder_fd)
        except BaseException:
            _unlink_quietly(folder_fd, temp_name)
            raise
    with os_errors(shown, saved=True):
        fsync_folder(folder_fd)


def fsync_folder(folder_fd: int) -> None:
    """Make a rename durable. Errors propagate, except EINVAL/ENOTSUP: file systems that cannot fsync a folder."""
    try:
        os.fsync(folder_fd)
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.ENOTSUP):
            raise


def remove_temp_files(folder_fd: int, prefix: str) -> None:
    """Delete a killed writer's leftovers (names ``prefix*.tmp``). Only ever called under the lock."""
    try:
        names = os.listdir(folder_fd)
    except OSError:
        return
    for name in names:
        if name.startswith(prefix) and name.endswith(TEMP_SUFFIX):
            _unlink_quietly(folder_fd, name)


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

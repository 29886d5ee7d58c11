"""``backups/``: the daily copy, the copies taken before a migration or a restore, and listing them.

Any member of a shared workspace may be the one whose write takes the day's
backup, and any member may have replaced ``backups/`` or a name in it with a
link. So the folder is opened with ``O_NOFOLLOW|O_DIRECTORY`` relative to the
workspace folder's descriptor, created (by whoever comes first) with the
workspace folder's mode via ``fchmod`` on the folder we just made, and never
chmodded after; a copy is written from the bytes already read under the lock
(never copied by path) through ``atomic.replace_file``.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cadence.store.atomic import lstat_at, open_folder, open_subfolder, read_regular, remove_temp_files, replace_file
from cadence.store.errors import WorkspaceUnwritable
from cadence.store.oserrors import describe_os_error, kind_of, os_errors, unsafe

FOLDER_NAME = "backups"
DAILY_PATTERN = "cadence-????-??-??.json"
ALL_PATTERN = "cadence-*.json"
FOLDER_MODE_MASK = 0o2777  # the workspace folder's permissions and setgid bit, nothing else


def open_backups(folder_fd: int, workspace_folder: Path, *, create_mode: int | None) -> int:
    """A descriptor of ``backups/``; made (with ``create_mode``) if missing and ``create_mode`` is given."""
    return open_or_make_subfolder(folder_fd, FOLDER_NAME, workspace_folder / FOLDER_NAME, create_mode=create_mode)


def open_or_make_subfolder(folder_fd: int, name: str, shown: Path, *, create_mode: int | None) -> int:
    """A descriptor of the workspace's subfolder ``name`` (``backups/``, ``archive/``), never through a link.

    Made if missing and ``create_mode`` is given, by whoever comes first; only the folder this call
    made is chmodded, through its own descriptor.
    """
    try:
        return open_subfolder(folder_fd, name, shown)
    except FileNotFoundError:
        if create_mode is None:
            raise
    except OSError as error:
        raise WorkspaceUnwritable(describe_os_error(shown, error)) from error
    with os_errors(shown):
        try:
            os.mkdir(name, 0o700, dir_fd=folder_fd)
            made = True
        except FileExistsError:
            made = False  # another member made it between our calls: use theirs, never chmod it
        descriptor = open_subfolder(folder_fd, name, shown)
        if made:
            info = os.fstat(descriptor)
            # Only our own fresh folder is chmodded, through its descriptor: if someone swapped the
            # name in the meantime the owner check fails and we leave theirs alone.
            if stat.S_ISDIR(info.st_mode) and info.st_uid == os.geteuid():
                os.fchmod(descriptor, create_mode & FOLDER_MODE_MASK)
        return descriptor


def folder_mode_for_backups(folder_info: os.stat_result) -> int:
    return stat.S_IMODE(folder_info.st_mode) & FOLDER_MODE_MASK


def remove_dead_temp_files(backups_fd: int) -> None:
    remove_temp_files(backups_fd, ".cadence-")


def write_copy(
    backups_fd: int, workspace_folder: Path, name: str, payload: bytes, *, mode: int, gid: int | None
) -> Path:
    """Keep ``payload`` as ``backups/name``, atomically; a link or non-file already at that name is refused."""
    shown = workspace_folder / FOLDER_NAME / name
    replace_file(backups_fd, name, payload, shown=shown, mode=mode, gid=gid)
    return shown


def has_regular(backups_fd: int, workspace_folder: Path, name: str) -> bool:
    """Is there a backup file at ``name``? A link or anything else there is refused, not taken as one."""
    found = lstat_at(backups_fd, name)
    if found is None:
        return False
    if not stat.S_ISREG(found.st_mode):
        raise unsafe(workspace_folder / FOLDER_NAME / name, kind_of(found.st_mode))
    return True


def prune(backups_fd: int, pattern: str, keep: int) -> None:
    """Keep the newest ``keep`` files matching ``pattern`` (names sort by date)."""
    names = sorted(name for name in os.listdir(backups_fd) if fnmatch.fnmatchcase(name, pattern))
    for old in names[:-keep] if keep else names:
        try:
            os.unlink(old, dir_fd=backups_fd)
        except FileNotFoundError:
            pass


@dataclass(frozen=True)
class BackupInfo:
    name: str
    path: Path
    taken: datetime
    size: int

    @property
    def kind(self) -> str:
        if fnmatch.fnmatchcase(self.name, DAILY_PATTERN):
            return "daily"
        stem = self.name.removesuffix(".json")
        return stem.rsplit("-", 1)[-1] if "-pre-" not in stem else "pre-" + stem.split("-pre-", 1)[1]


def list_backups(workspace_folder: Path) -> list[BackupInfo]:
    """Every regular ``cadence-*.json`` in ``backups/``, oldest first; links and the like are skipped."""
    folder_fd = open_folder(workspace_folder)
    try:
        try:
            backups_fd = open_backups(folder_fd, workspace_folder, create_mode=None)
        except FileNotFoundError:
            return []
        try:
            found = []
            for name in os.listdir(backups_fd):
                if not fnmatch.fnmatchcase(name, ALL_PATTERN):
                    continue
                info = lstat_at(backups_fd, name)
                if info is None or not stat.S_ISREG(info.st_mode):
                    continue
                found.append(
                    BackupInfo(
                        name, workspace_folder / FOLDER_NAME / name, datetime.fromtimestamp(info.st_mtime), info.st_size
                    )
                )
            return sorted(found, key=lambda backup: (backup.taken, backup.name))
        finally:
            os.close(backups_fd)
    finally:
        os.close(folder_fd)


def read_backup(folder_fd: int, workspace_folder: Path, name: str) -> bytes:
    """The bytes of ``backups/name``, refusing links and non-files."""
    backups_fd = open_backups(folder_fd, workspace_folder, create_mode=None)
    try:
        payload, _info = read_regular(backups_fd, name, workspace_folder / FOLDER_NAME / name)
        return payload
    finally:
        os.close(backups_fd)

"""What ``cadence check`` says about who can get into a workspace folder.

A shared workspace (its folder group-writable) holds a company's issues and
people notes: nobody outside the group should read it, and every file must be
cadence's own regular file, not a link a member planted. This looks at names
with ``lstat`` only (it never follows a link) and never changes anything.
"""

from __future__ import annotations

import grp
import os
import pwd
import stat
from pathlib import Path

from cadence.store.archive import FOLDER_NAME as ARCHIVE
from cadence.store.backups import FOLDER_NAME as BACKUPS
from cadence.store.oserrors import kind_of

WORKSPACE_FILES = ("cadence.json", "cadence.json.lock")


def is_shared(folder_info: os.stat_result) -> bool:
    return bool(folder_info.st_mode & stat.S_IWGRP)


def find_sharing_problems(folder: Path) -> list[str]:
    """Links or odd files at cadence's names; in a shared folder, modes that let others in or shut members out."""
    try:
        folder_info = os.stat(folder)
    except OSError:
        return []  # reading the workspace reports a missing folder better
    shared = is_shared(folder_info)
    problems: list[str] = []
    if shared:
        problems += _mode_problems(folder, folder_info, folder_info, want_group_bits=stat.S_IRWXG)
        if not folder_info.st_mode & stat.S_ISGID:
            problems.append(f"{folder}: shared but not setgid (chmod g+s): new files will not get the group")
    subfolders = {folder / BACKUPS, folder / ARCHIVE}
    entries = [folder / name for name in WORKSPACE_FILES] + sorted(subfolders)
    for subfolder in sorted(subfolders):
        if subfolder.is_dir() and not subfolder.is_symlink():
            entries += sorted(path for path in subfolder.iterdir())
    for path in entries:
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            continue
        want_dir = path in subfolders
        if (
            stat.S_ISLNK(info.st_mode)
            or (stat.S_ISDIR(info.st_mode) != want_dir)
            or not (stat.S_ISDIR(info.st_mode) or stat.S_ISREG(info.st_mode))
        ):
            problems.append(
                f"{path}: is {kind_of(info.st_mode)}, not cadence's own {'folder' if want_dir else 'file'}: "
                "cadence refuses to write through it; remove it (someone may have planted it)"
            )
            continue
        if shared:
            wanted = stat.S_IRWXG if want_dir else stat.S_IRGRP | stat.S_IWGRP
            if path.parent == folder / BACKUPS:
                wanted = stat.S_IRGRP  # a backup only needs to be readable by the group
            problems += _mode_problems(path, info, folder_info, want_group_bits=wanted)
    return problems


def _mode_problems(path: Path, info: os.stat_result, folder_info: os.stat_result, *, want_group_bits: int) -> list[str]:
    problems = []
    mode = stat.S_IMODE(info.st_mode)
    if mode & stat.S_IRWXO:
        problems.append(
            f"{path}: mode {mode:04o} lets everyone on this machine in (o+{_bits(mode & stat.S_IRWXO)}); "
            f"fix with: chmod o-rwx {path}"
        )
    if info.st_gid != folder_info.st_gid:
        problems.append(
            f"{path}: group {_group_name(info.st_gid)}, not the workspace's {_group_name(folder_info.st_gid)}; "
            f"fix with: chgrp {_group_name(folder_info.st_gid)} {path}"
        )
    if mode & want_group_bits != want_group_bits:
        problems.append(
            f"{path}: mode {mode:04o} shuts other members out (owner {_user_name(info.st_uid)}); "
            f"fix with: chmod g+{_bits(want_group_bits >> 3)} {path}"
        )
    return problems


def _bits(triplet: int) -> str:
    return "".join(letter for letter, bit in (("r", 4), ("w", 2), ("x", 1)) if triplet & bit)


def _group_name(gid: int) -> str:
    try:
        return grp.getgrgid(gid).gr_name
    except KeyError:
        return str(gid)


def _user_name(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)

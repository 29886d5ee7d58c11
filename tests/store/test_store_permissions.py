"""File mode and group survive the atomic replace; new workspaces follow the umask or the shared group."""

from __future__ import annotations

import grp
import os
import stat
from pathlib import Path

from cadence.domain.models import Person
from cadence.store import Workspace
from store_helpers import add_todos


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_mode_and_group_survive_a_write(workspace: Workspace, other_group: grp.struct_group) -> None:
    os.chmod(workspace.path, 0o664)
    os.chown(workspace.path, -1, other_group.gr_gid)
    inode = os.stat(workspace.path).st_ino
    add_todos(workspace, 1)
    info = os.stat(workspace.path)
    assert info.st_ino != inode  # it really was replaced, not rewritten in place
    assert stat.S_IMODE(info.st_mode) == 0o664
    assert info.st_gid == other_group.gr_gid
    # An unusual mode is kept as it is too, not reset to a default.
    os.chmod(workspace.path, 0o640)
    add_todos(workspace, 1)
    assert _mode(workspace.path) == 0o640
    assert os.stat(workspace.path).st_gid == other_group.gr_gid


def test_a_shared_workspace_is_group_writable_and_stays_so(
    folder: Path, other_group: grp.struct_group, umask_restored
) -> None:
    os.umask(0o022)  # the common default: without --shared the group could only read
    Workspace.create(folder, company="Acme", shared_group=other_group.gr_name)
    workspace = Workspace(folder)
    gid = other_group.gr_gid

    folder_info = os.stat(folder)
    assert folder_info.st_mode & stat.S_ISGID, "setgid folder: files made later get the group too"
    assert folder_info.st_mode & stat.S_IRWXG == stat.S_IRWXG
    assert folder_info.st_gid == gid
    for path in (workspace.path, workspace.lock_path):
        info = os.stat(path)
        assert info.st_mode & (stat.S_IRGRP | stat.S_IWGRP) == stat.S_IRGRP | stat.S_IWGRP, path
        assert info.st_gid == gid, path

    with workspace.transaction() as txn:
        txn.add(Person, name="Ada")
    add_todos(workspace, 2)
    for path in (workspace.path, workspace.lock_path):
        info = os.stat(path)
        assert info.st_mode & (stat.S_IRGRP | stat.S_IWGRP) == stat.S_IRGRP | stat.S_IWGRP, path
        assert info.st_gid == gid, path
    # The backups a teammate's session writes land group-writable in the group as well.
    backups = list(workspace.backups.iterdir())
    assert backups, "the first write of the day takes a backup"
    assert os.stat(workspace.backups).st_gid == gid
    assert _mode(workspace.backups) & stat.S_IRWXG == stat.S_IRWXG
    for backup in backups:
        assert os.stat(backup).st_gid == gid
    assert [person.name for person in workspace.read().people] == ["Ada"]


def test_a_new_workspace_follows_the_umask(folder: Path, umask_restored) -> None:
    os.umask(0o077)
    workspace = Workspace.create(folder, company="Acme")
    assert _mode(workspace.path) == 0o600
    assert _mode(workspace.lock_path) == 0o600
    add_todos(workspace, 1)
    assert _mode(workspace.path) == 0o600
    assert _mode(workspace.lock_path) == 0o600
    for backup in workspace.backups.iterdir():
        assert _mode(backup) & 0o077 == 0, backup


def test_a_new_workspace_with_a_relaxed_umask(folder: Path, umask_restored) -> None:
    os.umask(0o002)
    workspace = Workspace.create(folder, company="Acme")
    assert _mode(workspace.path) == 0o664
    add_todos(workspace, 1)
    assert _mode(workspace.path) == 0o664

"""Every OS error on a write is one line naming the path and what to do, exit 2, the old file intact.

A full disk and a read-only mount are real: a small tmpfs mounted for the
test (skipped where this process may not mount). Errors that need another
uid (a read-only file for a non-root user, a lock only its owner can read)
are in tests/store/test_store_shared_members.py.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from cadence.store import Workspace


def _mount_tmpfs(target: Path, size: str) -> str | None:
    """Mount a tmpfs at ``target``; the reason it cannot be done, or ``None``."""
    if os.geteuid() != 0:
        return "mounting a tmpfs needs root"
    target.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(target)], capture_output=True, text=True
    )
    return None if done.returncode == 0 else f"cannot mount a tmpfs here: {done.stderr.strip()}"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "disk"
    reason = _mount_tmpfs(mount_point, "256k")
    if reason:
        pytest.skip(reason)
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _fill(disk: Path) -> None:
    """Take every free byte of the disk."""
    descriptor = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 4096, 512, 1):
            try:
                while os.write(descriptor, b"x" * size):
                    pass
            except OSError:
                continue
    finally:
        os.close(descriptor)


def _listing(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def _decoy(tmp_path: Path) -> tuple[Path, bytes]:
    decoy = tmp_path / "decoy.txt"
    decoy.write_bytes(b"someone's own file\n")
    return decoy, decoy.read_bytes()


def test_disk_full_during_the_days_backup(cadence, small_disk: Path, monkeypatch, tmp_path: Path) -> None:
    workspace = small_disk / "ws"
    monkeypatch.setenv("CADENCE_WORKSPACE", str(workspace))
    decoy, decoy_bytes = _decoy(tmp_path)
    assert cadence("init", "--company", "Acme").code == 0
    assert cadence("person", "add", "Ann").code == 0
    for number in range(30):  # a file big enough that its backup cannot squeeze in
        assert cadence("todo", "add", f"to-do number {number} with a longer title", "--owner", "Ann").code == 0
    payload = (workspace / "cadence.json").read_bytes()
    _fill(small_disk)
    listing = _listing(workspace)
    monkeypatch.setenv("CADENCE_TODAY", "2026-11-24")  # a new day: the first write takes a backup
    full = cadence("todo", "add", "Call the bank", "--owner", "Ann")
    assert full.code == 2
    assert full.err == (
        f"error: cannot write {workspace / 'backups' / 'cadence-2026-11-24.json'}: the disk is full: "
        "free some space and try again; nothing was changed\n"
    )
    assert (workspace / "cadence.json").read_bytes() == payload
    assert _listing(workspace) == listing  # no temporary file left behind
    # Space freed: the same command goes through, backup first.
    (small_disk / "filler").unlink()
    assert cadence("todo", "add", "Call the bank", "--owner", "Ann").code == 0
    assert (workspace / "backups" / "cadence-2026-11-24.json").read_bytes() == payload
    assert Workspace(workspace).read().todos[-1].title == "Call the bank"
    assert decoy.read_bytes() == decoy_bytes


def test_disk_full_during_the_write_itself(cadence, small_disk: Path, monkeypatch) -> None:
    workspace = small_disk / "ws"
    monkeypatch.setenv("CADENCE_WORKSPACE", str(workspace))
    assert cadence("init").code == 0
    assert cadence("person", "add", "Ann").code == 0  # today's backup is taken
    payload = (workspace / "cadence.json").read_bytes()
    _fill(small_disk)
    listing = _listing(workspace)
    full = cadence("todo", "add", "Call the bank", "--owner", "Ann")
    assert full.code == 2
    assert full.err.startswith(f"error: cannot write {workspace / 'cadence.json'}: the disk is full")
    assert full.err.count("\n") == 1
    assert (workspace / "cadence.json").read_bytes() == payload
    assert _listing(workspace) == listing


def test_a_read_only_mount(cadence, small_disk: Path, monkeypatch) -> None:
    workspace = small_disk / "ws"
    monkeypatch.setenv("CADENCE_WORKSPACE", str(workspace))
    assert cadence("init").code == 0
    assert cadence("person", "add", "Ann").code == 0
    payload = (workspace / "cadence.json").read_bytes()
    remounted = subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True, text=True)
    if remounted.returncode != 0:
        pytest.skip(f"cannot remount read-only: {remounted.stderr.strip()}")
    refused = cadence("todo", "add", "Call the bank", "--owner", "Ann")
    assert refused.code == 2
    assert "on a read-only file system" in refused.err and str(workspace) in refused.err
    assert "Traceback" not in refused.err
    assert (workspace / "cadence.json").read_bytes() == payload
    assert cadence("todo", "list").code == 0  # reading still works


def test_backups_being_a_file(cadence, workspace_dir: Path, monkeypatch) -> None:
    assert cadence("init").code == 0
    (workspace_dir / "backups").rmdir()
    (workspace_dir / "backups").write_text("not a folder")
    payload = (workspace_dir / "cadence.json").read_bytes()
    refused = cadence("person", "add", "Ann")
    assert refused.code == 2
    assert refused.err.startswith(f"error: {workspace_dir / 'backups'} is a regular file, not the folder cadence made")
    assert (workspace_dir / "cadence.json").read_bytes() == payload
    assert sorted(p.name for p in workspace_dir.iterdir()) == ["backups", "cadence.json", "cadence.json.lock"]


def test_a_lock_path_that_is_a_link(cadence, workspace_dir: Path, tmp_path: Path) -> None:
    assert cadence("init").code == 0
    decoy, decoy_bytes = _decoy(tmp_path)
    (workspace_dir / "cadence.json.lock").unlink()
    (workspace_dir / "cadence.json.lock").symlink_to(decoy)
    refused = cadence("person", "add", "Ann")
    assert refused.code == 2
    assert f"{workspace_dir / 'cadence.json.lock'} is a symbolic link" in refused.err
    assert decoy.read_bytes() == decoy_bytes
    assert Workspace(workspace_dir).read().people == []


def test_a_read_only_file_is_respected_even_by_root(cadence, workspace_dir: Path) -> None:
    assert cadence("init").code == 0
    os.chmod(workspace_dir / "cadence.json", 0o444)
    payload = (workspace_dir / "cadence.json").read_bytes()
    refused = cadence("person", "add", "Ann")
    assert refused.code == 2
    assert refused.err == (
        f"error: cannot write {workspace_dir / 'cadence.json'}: it is read-only (mode 0444); nothing was "
        "changed. Make it writable (chmod u+w, or g+w in a shared workspace) to change it\n"
    )
    assert (workspace_dir / "cadence.json").read_bytes() == payload

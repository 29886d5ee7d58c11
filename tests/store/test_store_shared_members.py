"""A shared workspace tried by real separate users in one group, the way a careless or hostile member would.

Ann and Bob are members of one group; Eve is not. Every test keeps decoys
outside the workspace (Ann's ``.bashrc`` and ``.ssh``) and checks that their
bytes, modes and owners are unchanged, and that every write cadence
acknowledged is in the file afterwards.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cadence.store import Workspace
from members import Member, as_member, cadence_as, fingerprint, make_team, remove_team, warm_up, why_not

pytestmark = pytest.mark.skipif(why_not() is not None, reason=why_not() or "")


@pytest.fixture(scope="session")
def team(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Member]]:
    warm_up(tmp_path_factory.mktemp("warm"))
    members = make_team()
    yield members
    remove_team()


@pytest.fixture
def base() -> Iterator[Path]:
    """A folder every user can reach and make a workspace in (pytest's own tmp folders are root-only)."""
    folder = Path(tempfile.mkdtemp(prefix="cadence-shared-", dir="/tmp"))
    os.chmod(folder, 0o1777)  # like /tmp: anyone may make a workspace folder here
    yield folder
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def decoys(base: Path, team: dict[str, Member]) -> list[Path]:
    """Ann's own files outside the workspace, which no write to the workspace may touch."""
    ann = team["ann"]
    home = base / "home-ann"
    ssh = home / ".ssh"
    ssh.mkdir(parents=True)
    (home / ".bashrc").write_text("export PATH=$HOME/bin:$PATH\n")
    (ssh / "authorized_keys").write_text("ssh-ed25519 AAAA ann@laptop\n")
    for path in (home, ssh, home / ".bashrc", ssh / "authorized_keys"):
        os.chown(path, ann.uid, ann.gid)
    os.chmod(home, 0o755)
    os.chmod(ssh, 0o700)
    os.chmod(ssh / "authorized_keys", 0o600)
    os.chmod(home / ".bashrc", 0o644)
    return [home, ssh, home / ".bashrc", ssh / "authorized_keys"]


@pytest.fixture
def shared(base: Path, team: dict[str, Member]) -> Path:
    """A workspace Ann made with ``init --shared`` under the usual umask."""
    folder = base / "acme"
    made = cadence_as(team["ann"], "init", "--company", "Acme", "--shared", team["ann"].group, workspace=folder)
    assert made.code == 0, made.err
    assert cadence_as(team["ann"], "person", "add", "Ann", workspace=folder).code == 0
    return folder


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def _titles(folder: Path) -> list[str]:
    return [todo.title for todo in Workspace(folder).read().todos]


def test_init_shared_is_group_only_whatever_the_umask(base: Path, team: dict[str, Member]) -> None:
    folder = base / "acme"
    ann, eve = team["ann"], team["eve"]
    made = cadence_as(ann, "init", "--shared", ann.group, workspace=folder, umask=0o022)
    assert made.code == 0, made.err
    assert "2770" in made.out and "0660" in made.out and "nobody else" in made.out
    assert _mode(folder) == 0o2770
    assert _mode(folder / "cadence.json") == 0o660
    assert _mode(folder / "cadence.json.lock") == 0o660
    assert _mode(folder / "backups") == 0o2770
    for path in (folder, folder / "cadence.json", folder / "cadence.json.lock", folder / "backups"):
        assert os.lstat(path).st_gid == ann.gid, path
    # Someone outside the group cannot read a word of it.
    peek = as_member(eve, lambda: (folder / "cadence.json").read_text())
    assert peek.code == 99 and "PermissionError" in peek.err
    checked = cadence_as(ann, "check", workspace=folder)
    assert checked.code == 0, checked.out
    # A member who opens it up to everyone is told so by check.
    os.chmod(folder / "cadence.json", 0o664)
    checked = cadence_as(ann, "check", workspace=folder)
    assert checked.code == 1
    assert checked.out.count("cadence.json: mode 0664 lets everyone on this machine in") == 1
    assert checked.out.endswith("1 problems\n")


def test_any_member_makes_the_first_write_of_a_day(shared: Path, team: dict[str, Member], decoys: list[Path]) -> None:
    ann, bob = team["ann"], team["bob"]
    before = fingerprint(decoys)
    backups_before = os.lstat(shared / "backups")
    titles = []
    for day, member in (("2026-11-24", bob), ("2026-11-25", ann), ("2026-11-26", bob), ("2026-11-26", ann)):
        title = f"{member.name} on {day}"
        added = cadence_as(member, "todo", "add", title, "--owner", "Ann", workspace=shared, today=day)
        assert added.code == 0, added.err
        titles.append(title)
    assert _titles(shared) == titles
    days = sorted(p.name for p in (shared / "backups").iterdir())
    assert days == [f"cadence-2026-11-{d}.json" for d in (23, 24, 25, 26)]
    owners = {p.name: os.lstat(p).st_uid for p in (shared / "backups").iterdir()}
    assert owners["cadence-2026-11-24.json"] == bob.uid  # Bob took that day's backup himself
    backups_after = os.lstat(shared / "backups")
    assert (backups_after.st_mode, backups_after.st_uid) == (backups_before.st_mode, backups_before.st_uid)
    assert _mode(shared / "cadence.json") == 0o660
    assert fingerprint(decoys) == before


def test_a_workspace_made_by_an_admin_is_writable_by_members(base: Path, team: dict[str, Member]) -> None:
    """root runs init; the members write every day after, backups included, and nothing needs root again."""
    folder = base / "acme"
    Workspace.create(folder, company="Acme", shared_group=team["bob"].group)
    for day in ("2026-11-23", "2026-11-24"):
        added = cadence_as(team["bob"], "person", "add", f"Bob {day}", workspace=folder, today=day)
        assert added.code == 0, added.err
    assert [p.name for p in Workspace(folder).read().people] == ["Bob 2026-11-23", "Bob 2026-11-24"]


def test_backups_as_a_link_to_a_members_folder_is_refused(
    shared: Path, team: dict[str, Member], decoys: list[Path]
) -> None:
    ann, bob = team["ann"], team["bob"]
    ssh = decoys[1]

    def plant() -> None:
        os.rename(shared / "backups", shared / "backups.old")
        os.symlink(ssh, shared / "backups")

    planted = as_member(bob, plant)
    assert planted.code == 0, planted.err
    before = fingerprint(decoys)
    payload = (shared / "cadence.json").read_bytes()
    refused = cadence_as(ann, "todo", "add", "Call the bank", "--owner", "Ann", workspace=shared, today="2026-11-24")
    assert refused.code == 2
    assert f"error: {shared / 'backups'} is a symbolic link" in refused.err
    assert "Traceback" not in refused.err
    assert fingerprint(decoys) == before
    assert _mode(ssh) == 0o700
    assert (shared / "cadence.json").read_bytes() == payload
    assert "backups: is a symbolic link" in cadence_as(ann, "check", workspace=shared).out


def test_links_planted_at_temporary_names_during_writes_change_nothing(
    shared: Path, team: dict[str, Member], decoys: list[Path]
) -> None:
    """Bob keeps planting links for a few seconds: at the old fixed temp names, and over every temp he sees."""
    ann, bob = team["ann"], team["bob"]
    bashrc = decoys[2]
    before = fingerprint(decoys)
    days = [f"2026-12-{day:02d}" for day in range(1, 21)]
    read_fd, write_fd = os.pipe()

    def attack() -> int:
        """Until Ann is done (her pipe closes) or 10 s pass: link every temp name to her .bashrc."""
        os.set_blocking(read_fd, False)
        planted = 0
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                if os.read(read_fd, 1) == b"":
                    break
            except BlockingIOError:
                pass
            for folder in (shared, shared / "backups"):
                names = [f".cadence-{day}.json.tmp" for day in days] if folder.name == "backups" else []
                try:
                    names += [n for n in os.listdir(folder) if n.endswith(".tmp")]
                except OSError:
                    continue
                for name in names:
                    target = folder / name
                    try:
                        if target.is_dir() and not target.is_symlink():
                            os.rename(target, folder / f"{name}.moved")
                        elif target.exists() or target.is_symlink():
                            target.unlink()
                        os.symlink(bashrc, target)
                        planted += 1
                    except OSError:
                        continue
        return planted

    attacker = os.fork()
    if attacker == 0:
        os.close(write_fd)
        outcome = as_member(bob, attack)
        os._exit(0 if outcome.code == 0 and outcome.value > 0 else 1)
    os.close(read_fd)
    try:
        acknowledged = []
        for day in days:
            title = f"to-do of {day}"
            added = cadence_as(ann, "todo", "add", title, "--owner", "Ann", workspace=shared, today=day)
            if added.code == 0:
                acknowledged.append(title)
            else:
                assert added.code == 2 and "Traceback" not in added.err, added.err
    finally:
        os.close(write_fd)
        _, status = os.waitpid(attacker, 0)
    assert os.waitstatus_to_exitcode(status) == 0, "the attacker ran and planted links"
    assert len(acknowledged) == len(days)
    assert _titles(shared) == acknowledged
    assert stat.S_ISREG(os.lstat(shared / "cadence.json").st_mode)
    assert fingerprint(decoys) == before
    for backup in (shared / "backups").glob("cadence-*.json"):
        assert stat.S_ISREG(os.lstat(backup).st_mode)


def test_a_deleted_lock_file_loses_no_write(shared: Path) -> None:
    """Someone deletes the "stale" lock while a write holds it: the next writer still waits its turn."""
    first = Workspace(shared, lock_timeout=5)
    impatient = Workspace(shared, lock_timeout=0)
    from cadence.domain.models import Todo
    from cadence.store import WorkspaceBusy

    fields = {"owner_id": "P-1", "due": "2026-11-27", "created": "2026-11-23"}
    with first.transaction() as txn:
        mine = txn.add(Todo, title="first", **fields)
        os.unlink(shared / "cadence.json.lock")
        with pytest.raises(WorkspaceBusy):
            with impatient.transaction() as other:
                other.add(Todo, title="lost", **fields)
    with impatient.transaction() as other:
        theirs = other.add(Todo, title="second", **fields)
    assert (mine.id, theirs.id) == ("T-1", "T-2")
    assert _titles(shared) == ["first", "second"]


def test_a_lock_path_that_is_a_link_is_refused(shared: Path, team: dict[str, Member], decoys: list[Path]) -> None:
    ann, bob = team["ann"], team["bob"]
    before = fingerprint(decoys)
    payload = (shared / "cadence.json").read_bytes()

    def plant() -> None:
        (shared / "cadence.json.lock").unlink()
        os.symlink(decoys[2], shared / "cadence.json.lock")

    assert as_member(bob, plant).code == 0
    refused = cadence_as(ann, "todo", "add", "Call", "--owner", "Ann", workspace=shared)
    assert refused.code == 2
    assert f"error: {shared / 'cadence.json.lock'} is a symbolic link" in refused.err
    assert fingerprint(decoys) == before
    assert (shared / "cadence.json").read_bytes() == payload


def test_a_link_in_place_of_the_workspace_file_is_refused(
    shared: Path, team: dict[str, Member], decoys: list[Path]
) -> None:
    ann, bob = team["ann"], team["bob"]
    private = decoys[0] / "private.json"
    private.write_bytes((shared / "cadence.json").read_bytes())  # Ann's own, private workspace
    os.chown(private, ann.uid, ann.gid)
    os.chmod(private, 0o600)
    before = fingerprint([*decoys, private])

    def plant() -> None:
        os.replace(shared / "cadence.json", shared / "old.json")
        os.symlink(private, shared / "cadence.json")

    assert as_member(bob, plant).code == 0
    refused = cadence_as(ann, "todo", "add", "Secret plan", "--owner", "Ann", workspace=shared)
    assert refused.code == 2
    assert "cadence.json is a symbolic link" in refused.err
    assert fingerprint([*decoys, private]) == before


def test_a_read_only_workspace_file_is_not_written_by_a_member(shared: Path, team: dict[str, Member]) -> None:
    os.chmod(shared / "cadence.json", 0o440)
    payload = (shared / "cadence.json").read_bytes()
    refused = cadence_as(team["bob"], "todo", "add", "Call", "--owner", "Ann", workspace=shared)
    assert refused.code == 2
    assert refused.err.startswith(f"error: cannot write {shared / 'cadence.json'}: it is read-only (mode 0440)")
    assert (shared / "cadence.json").read_bytes() == payload


def test_a_lock_file_a_member_cannot_read_is_one_clear_line(shared: Path, team: dict[str, Member]) -> None:
    os.chmod(shared / "cadence.json.lock", 0o600)  # Ann's, and only hers
    payload = (shared / "cadence.json").read_bytes()
    refused = cadence_as(team["bob"], "todo", "add", "Call", "--owner", "Ann", workspace=shared)
    assert refused.code == 2
    assert refused.err.startswith(f"error: cannot write {shared / 'cadence.json.lock'}: permission denied")
    assert (shared / "cadence.json").read_bytes() == payload


def test_a_read_only_folder_is_one_clear_line_and_leaves_nothing(shared: Path, team: dict[str, Member]) -> None:
    assert cadence_as(team["bob"], "todo", "add", "Today's", "--owner", "Ann", workspace=shared).code == 0
    os.chmod(shared, 0o2550)
    listing = sorted(os.listdir(shared))
    payload = (shared / "cadence.json").read_bytes()
    refused = cadence_as(team["bob"], "todo", "add", "Call", "--owner", "Ann", workspace=shared)
    assert refused.code == 2, refused.err
    assert "permission denied" in refused.err and "Traceback" not in refused.err
    assert refused.err.count("\n") == 1
    assert (shared / "cadence.json").read_bytes() == payload
    assert sorted(os.listdir(shared)) == listing
    assert errno.EACCES  # the code the message stands for

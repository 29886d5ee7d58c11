"""Real separate users for the shared-workspace tests: two members of one group, and an outsider.

The suite runs as root in CI. ``team()`` makes the users once (``groupadd``/
``useradd``) and removes them at the end of the session; ``as_member`` runs a
function in a forked child that has dropped to that user's uid, gid and
groups, the way a teammate's own SSH session would run cadence. The Python
install may sit under a folder only root can enter (``/root/.pyenv``), so the
child never starts a new interpreter: everything it needs is imported here,
before the fork. Its result comes back through a pipe as JSON.
"""

from __future__ import annotations

import grp
import hashlib
import io
import json
import os
import pwd
import shutil
import subprocess
import traceback
from collections.abc import Callable, Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Imported before any fork: a child running as a member may not be able to read the install.
import cadence.cli.issue_commands  # noqa: F401
import cadence.cli.people_commands  # noqa: F401
import cadence.cli.restore_command  # noqa: F401
import cadence.cli.workspace_commands  # noqa: F401
import cadence.store.sharing  # noqa: F401
import cadence.store.transaction  # noqa: F401
import encodings.ascii  # noqa: F401
from cadence.cli import main

GROUP = "cadence-t-team"
OUTSIDERS = "cadence-t-out"
NAMES = {"ann": GROUP, "bob": GROUP, "eve": OUTSIDERS}


@dataclass(frozen=True)
class Member:
    name: str
    uid: int
    gid: int

    @property
    def group(self) -> str:
        return grp.getgrgid(self.gid).gr_name


@dataclass
class Outcome:
    code: int
    out: str
    err: str
    value: Any = None


def why_not() -> str | None:
    """Why real users cannot be made here, or ``None`` when they can."""
    if os.geteuid() != 0:
        return "needs root to create two users in one group (run the suite as root, as CI does)"
    if not (shutil.which("useradd") and shutil.which("groupadd")):
        return "useradd/groupadd are not installed"
    return None


def warm_up(scratch: Path) -> None:
    """Run each command once as root, so that every module they import lazily is loaded before a fork."""
    folder = str(scratch / "warm")
    for args in (
        ["init", "--shared", "0"], ["person", "add", "Warm"], ["todo", "add", "Warm", "--owner", "Warm"],
        ["todo", "list"], ["check"], ["restore"], ["restore", "--json"],
    ):
        with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
            try:
                main(["--workspace", folder, *args])
            except SystemExit:
                pass


def make_team() -> dict[str, Member]:
    for group in (GROUP, OUTSIDERS):
        if _lookup_group(group) is None:
            subprocess.run(["groupadd", group], check=True)
    members = {}
    for name, group in NAMES.items():
        login = f"cadence-t-{name}"
        try:
            pwd.getpwnam(login)
        except KeyError:
            subprocess.run(["useradd", "-M", "-N", "-g", group, "-s", "/usr/sbin/nologin", login], check=True)
        entry = pwd.getpwnam(login)
        members[name] = Member(login, entry.pw_uid, entry.pw_gid)
    return members


def remove_team() -> None:
    for name in NAMES:
        subprocess.run(["userdel", f"cadence-t-{name}"], check=False, capture_output=True)
    for group in (GROUP, OUTSIDERS):
        subprocess.run(["groupdel", group], check=False, capture_output=True)


def _lookup_group(name: str) -> grp.struct_group | None:
    try:
        return grp.getgrnam(name)
    except KeyError:
        return None


def as_member(member: Member, work: Callable[[], Any], *, umask: int = 0o022, env: dict[str, str] | None = None) -> Outcome:
    """Run ``work()`` as ``member`` in a forked child; its exit code, output and JSON-able return value."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop to the member for good, never return into pytest
        code = 70
        out, err = io.StringIO(), io.StringIO()
        value = None
        try:
            os.close(read_fd)
            os.setgroups([member.gid])
            os.setresgid(member.gid, member.gid, member.gid)
            os.setresuid(member.uid, member.uid, member.uid)
            os.umask(umask)
            os.environ.update(env or {})
            with redirect_stdout(out), redirect_stderr(err):
                try:
                    value = work()
                    code = 0
                except SystemExit as exit_:
                    code = exit_.code if isinstance(exit_.code, int) else 1
        except BaseException:  # noqa: BLE001 - report anything to the parent, as a crash
            err.write(traceback.format_exc())
            code = 99
        try:
            payload = json.dumps({"code": code, "out": out.getvalue(), "err": err.getvalue(), "value": value})
            with os.fdopen(write_fd, "w", encoding="utf-8") as pipe:
                pipe.write(payload)
        finally:
            os._exit(0)
    os.close(write_fd)
    with os.fdopen(read_fd, encoding="utf-8") as pipe:
        text = pipe.read()
    os.waitpid(pid, 0)
    result = json.loads(text)
    return Outcome(result["code"], result["out"], result["err"], result["value"])


def cadence_as(member: Member, *args: str, workspace: Path, today: str = "2026-11-23", umask: int = 0o022) -> Outcome:
    """``cadence ARGS`` as ``member``, through the real entry point (exit codes and stderr as a shell sees them)."""
    env = {"CADENCE_WORKSPACE": str(workspace), "CADENCE_TODAY": today}
    return as_member(member, lambda: main(list(args)), umask=umask, env=env)


def fingerprint(paths: list[Path]) -> dict[str, tuple[str, int, int, int]]:
    """Hash, mode, owner and group of each decoy (as root, not following links), to compare before and after."""
    seen = {}
    for path in paths:
        info = os.lstat(path)
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() and not path.is_symlink() else ""
        seen[str(path)] = (digest, info.st_mode, info.st_uid, info.st_gid)
    return seen


def walk(folder: Path) -> Iterator[Path]:
    yield folder
    for path in sorted(folder.rglob("*")):
        yield path


"""Helpers shared by the store tests (imported as a plain module: tests/store is on sys.path)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from cadence.domain.models import Todo
from cadence.store import Workspace

DAY = date(2026, 3, 2)


def todo_fields(title: str, owner: str = "P-1") -> dict[str, Any]:
    return {"title": title, "owner_id": owner, "due": DAY, "created": DAY}


def raw(workspace: Workspace) -> dict[str, Any]:
    """The file as plain JSON, no cadence code involved."""
    return json.loads(workspace.path.read_bytes().decode("utf-8"))


def write_raw(workspace: Workspace, data: Any) -> bytes:
    payload = json.dumps(data, indent=2, sort_keys=True).encode("utf-8")
    workspace.path.write_bytes(payload)
    return payload


@dataclass(frozen=True)
class FileState:
    """What a failed write must leave untouched: the bytes, the inode, the mtime, the folder listing."""

    payload: bytes
    inode: int
    mtime_ns: int
    listing: tuple[str, ...]


def file_state(workspace: Workspace) -> FileState:
    info = os.stat(workspace.path)
    listing = tuple(sorted(str(p.relative_to(workspace.folder)) for p in workspace.folder.rglob("*")))
    return FileState(workspace.path.read_bytes(), info.st_ino, info.st_mtime_ns, listing)


def age_file(path: Path, seconds: int = 3600) -> None:
    """Push the mtime into the past so that any rewrite shows as an mtime change."""
    info = os.stat(path)
    os.utime(path, ns=(info.st_atime_ns - seconds * 10**9, info.st_mtime_ns - seconds * 10**9))


def add_todos(workspace: Workspace, count: int, prefix: str = "todo") -> list[Todo]:
    added = []
    with workspace.transaction() as txn:
        for number in range(count):
            added.append(txn.add(Todo, **todo_fields(f"{prefix} {number}")))
    return added

"""Printing for the CLI: user text made safe for a terminal, tables, JSON.

Anything a person typed can hold escape sequences; printed raw they would
reach the terminal, so text output shows control characters as visible
escapes (``\\x1b``). JSON output is JSON-escaped already.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from cadence.domain.text import clip, display_width, visible
from cadence.store.errors import InputError

safe = visible


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], max_width: int = 60) -> None:
    """Aligned columns; long cells cut so one record stays on one line."""
    if not rows:
        click.echo("(none)")
        return
    cells = [[clip(str(cell), max_width) for cell in row] for row in rows]
    widths = [
        max(display_width(header), *(display_width(row[index]) for row in cells))
        for index, header in enumerate(headers)
    ]

    def line(values: Sequence[str]) -> str:
        return "  ".join(value + " " * (widths[i] - display_width(value)) for i, value in enumerate(values)).rstrip()

    click.echo(line(headers))
    for row in cells:
        click.echo(line(row))


def emit_json(payload: Any) -> None:
    click.echo(json.dumps(payload, indent=2, ensure_ascii=False, sort_keys=True))


def dump(records: Sequence[Any]) -> list[dict[str, Any]]:
    return [record.model_dump(mode="json") for record in records]


_WHY_NOT_WRITTEN = {
    errno.ENOENT: "the folder it goes in does not exist",
    errno.ENOTDIR: "part of the path is a file, not a folder",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EISDIR: "it is a folder",
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "the disk is full",
}


def write_out(out: Path, payload: bytes) -> None:
    """Write an export to ``--out``; any failure is one line saying which file and why, never a traceback.

    Not the workspace (that goes through the store's atomic, locked path): a file the user asked for.
    """
    try:
        out.write_bytes(payload)
    except OSError as error:
        why = _WHY_NOT_WRITTEN.get(error.errno or 0) or (os.strerror(error.errno) if error.errno else str(error))
        raise InputError(f"cannot write {out}: {why}; nothing was exported") from None

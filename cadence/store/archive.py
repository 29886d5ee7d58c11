"""``archive/``: closed history, one file per fiscal quarter, out of the file every edit rewrites.

Each file (``archive/2025-Q3.json``) has the live file's format and schema
version: the same tables, a ``_meta`` copied from the workspace, sorted keys
and indentation, so it opens, diffs and validates like ``cadence.json``. It is
written under the workspace lock, atomically, through the folder's own
descriptor (never a link), with the live file's mode and group, and only ever
grows: a move merges into what the file holds.

A move writes the archive first and the live file second, so a crash between
the two leaves the records in both places, never in neither; readers prefer the
live copy, and the next move tidies it. Which records move is the domain's
rule (``cadence.domain.archiving``).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from cadence.domain.archiving import ARCHIVED_KINDS, LiveWindow
from cadence.domain.ids import Kind, id_number
from cadence.domain.models import SCHEMA_VERSION, Meta, Record
from cadence.domain.periods import Quarter
from cadence.store import fileformat
from cadence.store.atomic import lstat_at, read_regular, remove_temp_files, replace_file
from cadence.store.backups import folder_mode_for_backups, open_or_make_subfolder
from cadence.store.errors import WorkspaceCorrupt
from cadence.store.fileformat import META_DOC_ID, META_TABLE, RawTables
from cadence.store.migrations import migrate
from cadence.store.oserrors import os_errors
from cadence.store.view import View

FOLDER_NAME = "archive"
_FILE_NAME = re.compile(r"^(\d{4})-Q([1-4])\.json$")

Moves = dict[Quarter, list[Record]]


def file_name(quarter: Quarter) -> str:
    return f"{quarter.label}.json"


@dataclass
class ArchiveReport:
    """What a move did (or, in a dry run, would do): counts per archive file and kind."""

    window: LiveWindow
    moved: dict[str, dict[Kind, int]] = field(default_factory=dict)
    dry_run: bool = False

    @property
    def total(self) -> int:
        return sum(sum(counts.values()) for counts in self.moved.values())

    def lines(self) -> list[str]:
        """One line per archive file: ``archive/2025-Q3.json: 120 scores, 14 rocks``."""
        return [
            f"{FOLDER_NAME}/{name}: "
            + ", ".join(f"{count} {kind.label}{'' if count == 1 else 's'}" for kind, count in counts.items())
            for name, counts in sorted(self.moved.items())
        ]


def plan_moves(view: View, window: LiveWindow) -> Moves:
    """The closed records of ``view``, by the quarter whose archive each belongs in."""
    frequencies = {measurable.id: measurable.frequency for measurable in view.measurables}
    moves: Moves = {}
    for model in ARCHIVED_KINDS:
        for record in view.all_of(model):
            quarter = window.archive_quarter(record, frequencies)
            if quarter is not None:
                moves.setdefault(quarter, []).append(record)
    return moves


def closed_history_count(view: View, today: date) -> int:
    """How many records of ``view`` a move on ``today`` would take out of the live file."""
    window = LiveWindow.on(today, view.meta.fiscal_start_month, view.meta.week_start_day)
    return sum(len(records) for records in plan_moves(view, window).values())


def report_of(moves: Moves, window: LiveWindow, dry_run: bool) -> ArchiveReport:
    report = ArchiveReport(window, dry_run=dry_run)
    for quarter, records in moves.items():
        counts = report.moved.setdefault(file_name(quarter), {})
        for record in records:
            counts[record.kind] = counts.get(record.kind, 0) + 1
    return report


def write_moves(folder_fd: int, workspace_folder: Path, moves: Moves, meta: Meta, live_info: os.stat_result) -> None:
    """Merge each quarter's records into its archive file (made if missing). The caller holds the lock."""
    shown_folder = workspace_folder / FOLDER_NAME
    folder_mode = folder_mode_for_backups(os.fstat(folder_fd))  # the workspace folder's, as backups/ gets
    archive_fd = open_or_make_subfolder(folder_fd, FOLDER_NAME, shown_folder, create_mode=folder_mode)
    try:
        remove_temp_files(archive_fd, ".")  # we hold the lock: a temp file here is a killed writer's
        for quarter, records in sorted(moves.items()):
            name = file_name(quarter)
            data = None
            if lstat_at(archive_fd, name) is not None:
                data = _read_tables(archive_fd, shown_folder / name)
                fileformat.validate_records(data, shown_folder / name)  # a bad file is never overwritten
            tables = data if data is not None else fileformat.empty_tables(meta)
            tables[META_TABLE] = {META_DOC_ID: meta.model_dump(mode="json")}
            for record in records:
                table = tables.setdefault(record.kind.value, {})
                table[str(id_number(record.id))] = record.model_dump(mode="json")
            with os_errors(shown_folder / name):
                replace_file(
                    archive_fd,
                    name,
                    fileformat.encode(tables),
                    shown=shown_folder / name,
                    mode=stat.S_IMODE(live_info.st_mode),
                    gid=live_info.st_gid,
                )
    finally:
        os.close(archive_fd)


def archive_names(folder_fd: int, workspace_folder: Path) -> list[str]:
    """The archive files present, oldest quarter first (none if there is no ``archive/``)."""
    try:
        archive_fd = open_or_make_subfolder(folder_fd, FOLDER_NAME, workspace_folder / FOLDER_NAME, create_mode=None)
    except FileNotFoundError:
        return []
    try:
        return sorted(name for name in os.listdir(archive_fd) if _FILE_NAME.match(name))
    finally:
        os.close(archive_fd)


def read_archived(folder_fd: int, workspace_folder: Path) -> Iterator[tuple[str, dict[Kind, dict[str, Record]]]]:
    """Each archive file's validated records, by name; a damaged file raises ``WorkspaceCorrupt`` naming it."""
    names = archive_names(folder_fd, workspace_folder)
    if not names:
        return
    shown_folder = workspace_folder / FOLDER_NAME
    archive_fd = open_or_make_subfolder(folder_fd, FOLDER_NAME, shown_folder, create_mode=None)
    try:
        for name in names:
            path = shown_folder / name
            data = _read_tables(archive_fd, path)
            yield name, fileformat.validate_records(data, path)
    finally:
        os.close(archive_fd)


def _read_tables(archive_fd: int, path: Path) -> RawTables:
    """An archive file's tables at this cadence's schema (migrated in memory); newer or damaged ones are refused."""
    try:
        payload, _info = read_regular(archive_fd, path.name, path)
    except OSError as error:
        raise WorkspaceCorrupt(f"cannot read {path}: {os.strerror(error.errno or 0)}") from None
    data = fileformat.decode(payload, path)
    version = fileformat.schema_version(data, path)
    if version > SCHEMA_VERSION:
        raise WorkspaceCorrupt(
            f"{path} was written by a newer cadence (schema {version}): upgrade cadence to read the history"
        )
    if version < SCHEMA_VERSION:
        data = migrate(data, version, SCHEMA_VERSION)
    fileformat.validate_meta(data, path)
    return data

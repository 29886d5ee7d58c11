"""A workspace folder: ``cadence.json``, its lock, and ``backups/``.

Every write goes through ``Workspace.transaction()``: take the exclusive lock,
read the file afresh (another process may have changed it), check and
migrate it, apply the change through TinyDB in memory, validate, and replace
the file atomically. Reads take no lock: the file is only ever replaced whole,
so a reader sees the old version or the new one.
"""

from __future__ import annotations

import grp
import os
import shutil
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from cadence.domain.errors import describe
from cadence.domain.ids import Kind
from cadence.domain.models import MODELS, SCHEMA_VERSION, Meta, Record
from cadence.store import fileformat
from cadence.store.atomic import atomic_write_bytes, current_umask
from cadence.store.errors import InputError, WorkspaceBusy, WorkspaceCorrupt, WorkspaceMissing, WorkspaceReadOnly
from cadence.store.fileformat import META_DOC_ID, META_TABLE, RawTables
from cadence.store.migrations import migrate
from cadence.store.view import Snapshot

if TYPE_CHECKING:
    from cadence.store.transaction import Transaction

FILE_NAME = "cadence.json"
DAILY_BACKUPS_KEPT = 7
MIGRATION_BACKUPS_KEPT = 5

Fingerprint = tuple[int, int, int]


class Workspace:
    """The one door to a workspace on disk, for the CLI and the TUI alike."""

    def __init__(
        self,
        folder: Path | str,
        *,
        lock_timeout: float = 10.0,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.folder = Path(folder).expanduser()
        self.path = self.folder / FILE_NAME
        self.lock_path = self.folder / (FILE_NAME + ".lock")
        self.backups = self.folder / "backups"
        self.lock_timeout = lock_timeout
        self.clock = clock

    def today(self) -> date:
        return self.clock().date()

    def __repr__(self) -> str:
        return f"Workspace({str(self.folder)!r})"

    # Creating -------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        folder: Path | str,
        *,
        company: str = "My company",
        shared_group: str | None = None,
        **options: object,
    ) -> Workspace:
        """Make a new workspace; ``shared_group`` makes it group read/write with a setgid folder."""
        workspace = cls(folder, **options)  # type: ignore[arg-type]
        if workspace.path.exists():
            raise InputError(f"{workspace.path} already exists: that folder is a workspace already")
        try:
            meta = Meta(company=company)
        except ValueError as error:
            raise InputError(f"company: {error}") from None
        gid = _group_id(shared_group) if shared_group else None
        workspace.folder.mkdir(parents=True, exist_ok=True)
        if gid is not None:
            os.chown(workspace.folder, -1, gid)
            mode = stat.S_IMODE(os.stat(workspace.folder).st_mode)
            os.chmod(workspace.folder, mode | stat.S_IRWXG | stat.S_ISGID)
        atomic_write_bytes(workspace.path, fileformat.encode(fileformat.empty_tables(meta)))
        workspace.lock_path.touch()
        workspace._ensure_backups_folder()
        if gid is not None:
            for path in (workspace.path, workspace.lock_path):
                os.chown(path, -1, gid)
                os.chmod(path, stat.S_IMODE(os.stat(path).st_mode) | stat.S_IRGRP | stat.S_IWGRP)
        return workspace

    def exists(self) -> bool:
        return self.path.is_file()

    # Reading --------------------------------------------------------------------

    def fingerprint(self) -> Fingerprint | None:
        """Cheap change detector for live refresh: (mtime_ns, size, inode), ``None`` if missing."""
        try:
            info = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (info.st_mtime_ns, info.st_size, info.st_ino)

    def read(self) -> Snapshot:
        """A validated snapshot, without the lock. Newer-schema files read as read-only."""
        data = self._load()
        version = fileformat.schema_version(data, self.path)
        if version > SCHEMA_VERSION:
            return _lenient_snapshot(data, self.path)
        if version < SCHEMA_VERSION:
            data = migrate(data, version, SCHEMA_VERSION)
        meta = fileformat.validate_meta(data, self.path)
        return Snapshot(meta, fileformat.validate_records(data, self.path))

    def _load(self) -> RawTables:
        try:
            payload = self.path.read_bytes()
        except FileNotFoundError:
            raise WorkspaceMissing(
                f"no workspace at {self.folder} (create one with: cadence init {self.folder})"
            ) from None
        except PermissionError:
            raise WorkspaceMissing(f"cannot read {self.path}: permission denied") from None
        return fileformat.decode(payload, self.path)

    # Writing --------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """Locked read-modify-write. Raises before yielding if the file must not be written."""
        with self._locked():
            data = self._load()
            version = fileformat.schema_version(data, self.path)
            if version > SCHEMA_VERSION:
                raise WorkspaceReadOnly(
                    f"{self.path} was written by a newer cadence (schema {version}, this one knows "
                    f"{SCHEMA_VERSION}): it is open read-only. Upgrade cadence to change it."
                )
            migrated = version < SCHEMA_VERSION
            from cadence.store.transaction import Transaction  # TinyDB is only needed to write

            if migrated:
                self._backup(f"pre-migration-v{version}", keep=MIGRATION_BACKUPS_KEPT)
                data = migrate(data, version, SCHEMA_VERSION)
            meta = fileformat.validate_meta(data, self.path)
            fileformat.validate_records(data, self.path)
            transaction = Transaction(data, meta)
            yield transaction
            if transaction.changed or migrated:
                result = transaction.storage.data
                fileformat.validate_records(result, self.path)
                self._daily_backup()
                atomic_write_bytes(self.path, fileformat.encode(result))

    @contextmanager
    def _locked(self) -> Iterator[None]:
        if not self.folder.is_dir():
            raise WorkspaceMissing(f"no workspace at {self.folder} (create one with: cadence init {self.folder})")
        import filelock  # only writers need it; reads stay light

        lock = filelock.FileLock(self.lock_path, timeout=self.lock_timeout, mode=self._lock_mode())
        try:
            lock.acquire()
        except filelock.Timeout:
            raise WorkspaceBusy(
                f"the workspace is locked by another session ({self.lock_path}) for more than "
                f"{self.lock_timeout:g}s; nothing was changed, try again"
            ) from None
        except PermissionError:
            raise WorkspaceMissing(f"cannot lock {self.lock_path}: permission denied") from None
        try:
            self._remove_dead_temp_files()
            yield
        finally:
            lock.release()

    def _remove_dead_temp_files(self) -> None:
        """Temp files are only made under the lock, so any found while we hold it are a killed writer's."""
        for pattern in (f".{FILE_NAME}.*.tmp", "backups/.*.tmp"):
            for leftover in self.folder.glob(pattern):
                leftover.unlink(missing_ok=True)

    def _lock_mode(self) -> int:
        try:
            return stat.S_IMODE(os.stat(self.path).st_mode)
        except FileNotFoundError:
            return 0o666 & ~current_umask()

    # Backups ----------------------------------------------------------------------

    def _ensure_backups_folder(self) -> None:
        self.backups.mkdir(exist_ok=True)
        folder_mode = stat.S_IMODE(os.stat(self.folder).st_mode)
        if folder_mode & stat.S_IWGRP:
            os.chmod(self.backups, folder_mode)

    def _daily_backup(self) -> None:
        """Once a day, before the first write of the day, keep a copy of the file as it was."""
        target = self.backups / f"cadence-{self.today().isoformat()}.json"
        if target.exists() or not self.path.exists():
            return
        self._ensure_backups_folder()
        _copy_whole(self.path, target)
        _prune(self.backups, "cadence-????-??-??.json", DAILY_BACKUPS_KEPT)

    def _backup(self, label: str, keep: int) -> Path:
        self._ensure_backups_folder()
        stamp = self.clock().strftime("%Y-%m-%dT%H%M%S")
        target = self.backups / f"cadence-{stamp}-{label}.json"
        _copy_whole(self.path, target)
        _prune(self.backups, f"cadence-*-{label.split('-v')[0]}-v*.json", keep)
        return target


def _copy_whole(source: Path, target: Path) -> None:
    """Copy under a temporary name, then rename: a crash mid-copy never leaves a torn backup under the real name."""
    temp = target.with_name(f".{target.name}.tmp")
    shutil.copy2(source, temp)
    os.replace(temp, target)


def _prune(folder: Path, pattern: str, keep: int) -> None:
    for old in sorted(folder.glob(pattern))[:-keep]:
        old.unlink(missing_ok=True)


def _group_id(name: str) -> int:
    try:
        return grp.getgrnam(name).gr_gid
    except KeyError:
        if name.isdigit():
            return int(name)
        raise InputError(f"no group named {name!r} on this machine") from None


def _lenient_snapshot(data: RawTables, path: Path) -> Snapshot:
    """Read a newer file with what this version knows: unknown fields are ignored, nothing is written."""
    known_meta = {key: value for key, value in data[META_TABLE][META_DOC_ID].items() if key in Meta.model_fields}
    known_meta["schema_version"] = data[META_TABLE][META_DOC_ID]["schema_version"]
    try:
        meta = Meta.model_validate(known_meta)
    except ValidationError as error:
        raise WorkspaceCorrupt(
            f"{path} was written by a newer cadence (schema {known_meta['schema_version']}) and its settings "
            f"cannot be read by this one ({describe(error)}): upgrade cadence to open it. {fileformat.backup_hint(path)}"
        ) from None
    records: dict[Kind, dict[str, Record]] = {}
    for kind, model in MODELS.items():
        by_id: dict[str, Record] = {}
        for document in data.get(kind.value, {}).values():
            try:
                record = model.model_validate({k: v for k, v in document.items() if k in model.model_fields})
            except ValueError:
                continue
            by_id[record.id] = record
        records[kind] = by_id
    return Snapshot(meta, records, read_only=True)

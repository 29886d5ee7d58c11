"""A workspace folder: ``cadence.json``, its lock, and ``backups/``.

Every write goes through ``Workspace.apply()`` (or ``transaction()``): take the
exclusive lock, read the file afresh (another process may have changed it),
check, migrate and validate it once, apply the change through TinyDB in memory
(each record added or saved is validated as it goes in), and replace the file
atomically. ``apply`` hands back the workspace as the write left it, built
from those validated records, so the caller need not read the file again. Reads take no lock: the file
is only ever replaced whole,
so a reader sees the old version or the new one.

Every name is opened relative to one descriptor of the workspace folder and
never through a link (see ``atomic``); the lock is the folder's own (see
``lock``); backups are written from the bytes read under the lock (see
``backups``). Any ``OSError`` on the way becomes ``WorkspaceUnwritable`` with
the path and what to do.
"""

from __future__ import annotations

import grp
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pydantic import ValidationError

from cadence.domain.errors import describe
from cadence.domain.ids import Kind
from cadence.domain.models import MODELS, SCHEMA_VERSION, Meta, Record
from cadence.store import backups, fileformat, validated_files
from cadence.store.applied import Applied, Fingerprint
from cadence.store.atomic import (
    current_umask,
    lstat_at,
    open_folder,
    read_regular,
    remove_temp_files,
    replace_file,
)
from cadence.store.errors import (
    InputError,
    WorkspaceCorrupt,
    WorkspaceMissing,
    WorkspaceReadOnly,
    WorkspaceUnwritable,
)
from cadence.store.file_tables import FileTables
from cadence.store.fileformat import META_DOC_ID, META_TABLE, RawTables
from cadence.store.gc_pause import collector_paused
from cadence.store.lazy_records import LazyRecords
from cadence.store.lock import workspace_lock
from cadence.store.migrations import migrate
from cadence.store.oserrors import os_errors
from cadence.store.view import Snapshot

if TYPE_CHECKING:
    from cadence.store.archive import ArchiveReport
    from cadence.store.transaction import Transaction

FILE_NAME = "cadence.json"
LOCK_NAME = FILE_NAME + ".lock"
SHARED_FOLDER_MODE = 0o2770  # setgid: files made inside get the group; nobody outside it gets in
SHARED_FILE_MODE = 0o660
DAILY_BACKUPS_KEPT = 7
MIGRATION_BACKUPS_KEPT = 5
READ_ATTEMPTS = 3  # re-reads when the file is replaced while being read, before settling for a consistent older copy

T = TypeVar("T")
Known = tuple[Snapshot, Fingerprint]
"""A snapshot and the fingerprint of the file it came from (see ``Workspace.apply``)."""


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
        self.lock_path = self.folder / LOCK_NAME
        self.backups = self.folder / backups.FOLDER_NAME
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
        """Make a new workspace. ``shared_group``: folder 2770 (setgid), files 0660, whatever the umask."""
        workspace = cls(folder, **options)  # type: ignore[arg-type]
        if os.path.lexists(workspace.path):
            raise InputError(f"{workspace.path} already exists: that folder is a workspace already")
        try:
            meta = Meta(company=company, milestone_todos=True)  # the milestone rule: on for new workspaces
        except ValueError as error:
            raise InputError(f"company: {error}") from None
        gid = _group_id(shared_group) if shared_group else None
        with os_errors(workspace.folder):
            workspace.folder.mkdir(parents=True, exist_ok=True)
            folder_fd = open_folder(workspace.folder)
        try:
            if gid is not None:
                with os_errors(workspace.folder):
                    os.fchown(folder_fd, -1, gid)
                    os.fchmod(folder_fd, SHARED_FOLDER_MODE)
                file_mode, folder_mode = SHARED_FILE_MODE, SHARED_FOLDER_MODE
            else:
                umask = current_umask()
                file_mode, folder_mode = 0o666 & ~umask, 0o777 & ~umask
            payload = fileformat.encode(fileformat.empty_tables(meta))
            replace_file(folder_fd, FILE_NAME, payload, shown=workspace.path, mode=file_mode, gid=gid)
            with workspace_lock(
                folder_fd,
                LOCK_NAME,
                lock_path=workspace.lock_path,
                timeout=workspace.lock_timeout,
                new_file_mode=file_mode,
                gid=gid,
            ):
                os.close(backups.open_backups(folder_fd, workspace.folder, create_mode=folder_mode))
        finally:
            os.close(folder_fd)
        return workspace

    def exists(self) -> bool:
        try:
            return stat.S_ISREG(os.lstat(self.path).st_mode)
        except OSError:
            return False

    # Reading --------------------------------------------------------------------

    def fingerprint(self) -> Fingerprint | None:
        """Cheap change detector for live refresh: (mtime_ns, size, inode), ``None`` if missing."""
        try:
            info = os.lstat(self.path)
        except FileNotFoundError:
            return None
        return _fingerprint(info)

    def read(self) -> Snapshot:
        """A validated snapshot, without the lock. Newer-schema files read as read-only."""
        with self._folder() as folder_fd:
            payload, _info = self._read_file(folder_fd)
        return self._snapshot_of(payload)

    def read_if_changed(self, since: Fingerprint | None) -> tuple[Snapshot, Fingerprint] | None:
        """The workspace and the fingerprint of exactly the bytes read, or ``None`` if it still matches ``since``.

        ``since=None`` (nothing seen yet) always reads, so a missing workspace raises ``WorkspaceMissing``.

        Stat first (cheap, and what makes "nothing changed" free); read only when it differs. The
        fingerprint returned is the read descriptor's own, so a write landing after the stat is
        never mistaken for the one already shown: the next call sees it. If the file was replaced
        while being read, read again (a few times) so the caller gets the newest.
        """
        if since is not None and self.fingerprint() == since:
            return None
        for _attempt in range(READ_ATTEMPTS):
            with self._folder() as folder_fd:
                payload, info = self._read_file(folder_fd)
            snapshot, read = self._snapshot_of(payload), _fingerprint(info)
            if self.fingerprint() == read:
                break
        return snapshot, read

    def _snapshot_of(self, payload: bytes, *, verify: bool = False) -> Snapshot:
        """``verify``: validate every record now, whatever this user's cadence knows of these bytes."""
        tables, version = self._tables_of(payload)
        if version > SCHEMA_VERSION:
            return _lenient_snapshot(tables.everything(), self.path)
        current = version == SCHEMA_VERSION
        meta = fileformat.validate_meta(tables.meta_tables(), self.path)
        records = _records_of(tables, payload if current and not verify else None)
        # The tables go with the snapshot only when they are the file's own: a warm write starts from them.
        return Snapshot(meta, records, tables=tables if current else None)

    def _tables_of(self, payload: bytes) -> tuple[FileTables, int]:
        """The file's tables at this cadence's schema (migrated in memory if older), and the file's own version."""
        with collector_paused():
            tables = FileTables.read(payload, self.path)
        version = fileformat.schema_version(tables.meta_tables(), self.path)
        if version < SCHEMA_VERSION:
            tables = FileTables.whole(migrate(tables.everything(), version, SCHEMA_VERSION), self.path)
        return tables, version

    @contextmanager
    def _folder(self) -> Iterator[int]:
        """A descriptor of the workspace folder: every name inside is opened relative to it."""
        try:
            folder_fd = open_folder(self.folder)
        except (FileNotFoundError, NotADirectoryError):
            raise self._missing() from None
        except PermissionError:
            raise WorkspaceMissing(f"cannot open {self.folder}: permission denied") from None
        try:
            yield folder_fd
        finally:
            os.close(folder_fd)

    def _missing(self) -> WorkspaceMissing:
        return WorkspaceMissing(f"no workspace at {self.folder} (create one with: cadence init {self.folder})")

    def _read_file(self, folder_fd: int) -> tuple[bytes, os.stat_result]:
        try:
            return read_regular(folder_fd, FILE_NAME, self.path)
        except FileNotFoundError:
            raise self._missing() from None
        except PermissionError:
            raise WorkspaceMissing(f"cannot read {self.path}: permission denied") from None
        except OSError as error:
            raise WorkspaceMissing(f"cannot read {self.path}: {os.strerror(error.errno or 0)}") from None

    # Writing --------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """Locked read-modify-write. Raises before yielding if the file must not be written."""
        with self._folder() as folder_fd, self._locked(folder_fd), self._transaction(folder_fd) as transaction:
            yield transaction

    def apply(self, change: Callable[[Transaction], T], *, known: Known | None = None) -> Applied[T]:
        """Run ``change`` in one locked transaction; return its result, the workspace after it, and the fingerprint.

        The fingerprint is taken under the lock right after the replace, so it is this write's and no
        one else's. If ``change`` raises, nothing is written and the error propagates unchanged.

        ``known``: a snapshot this process read or wrote, with its fingerprint. If the file under
        the lock still has that fingerprint, nobody has written since, and the transaction starts
        from that snapshot's tables and validated records instead of reading, parsing and
        validating the file again: a warm session's edit costs the change and the write, not the
        history held in the file.
        """
        with self._folder() as folder_fd, self._locked(folder_fd):
            with self._transaction(folder_fd, known) as transaction:
                result = change(transaction)
            info = lstat_at(folder_fd, FILE_NAME)
        return Applied(result, transaction.snapshot(), _fingerprint(info) if info is not None else None)

    @contextmanager
    def _transaction(self, folder_fd: int, known: Known | None = None) -> Iterator[Transaction]:
        """The read-modify-write itself; the caller holds the lock on ``folder_fd``."""
        from cadence.store.transaction import Transaction  # TinyDB is only needed to write

        start = self._unchanged_since(folder_fd, known)
        if start is not None:
            info, snapshot = start
            _refuse_read_only_file(self.path, info)
            assert snapshot.tables is not None
            transaction = Transaction(
                snapshot.tables, snapshot.meta.model_copy(), snapshot.record_source(), snapshot.sorted_records()
            )
            yield transaction
            self._commit(folder_fd, transaction, info, lambda: self._read_file(folder_fd)[0])
            return
        payload, info = self._read_file(folder_fd)
        tables, version = self._tables_of(payload)
        if version > SCHEMA_VERSION:
            raise WorkspaceReadOnly(
                f"{self.path} was written by a newer cadence (schema {version}, this one knows "
                f"{SCHEMA_VERSION}): it is open read-only. Upgrade cadence to change it."
            )
        _refuse_read_only_file(self.path, info)
        migrated = version < SCHEMA_VERSION
        if migrated:
            self._backup(folder_fd, payload, info, f"pre-migration-v{version}", keep=MIGRATION_BACKUPS_KEPT)
        # A file not known to be valid is validated whole here: one that does not validate is never written.
        meta = fileformat.validate_meta(tables.meta_tables(), self.path)
        transaction = Transaction(tables, meta, _records_of(tables, None if migrated else payload))
        yield transaction
        self._commit(folder_fd, transaction, info, lambda: payload, force=migrated)

    def _commit(
        self,
        folder_fd: int,
        transaction: Transaction,
        info: os.stat_result,
        old_payload: Callable[[], bytes],
        *,
        force: bool = False,
    ) -> None:
        """Write what ``transaction`` changed, after the day's backup; its file is known valid from then on.

        Every record added or saved was validated by the transaction; the rest were valid on load.
        """
        payload = transaction.commit(force=force)
        if payload is None:
            return
        self._daily_backup(folder_fd, old_payload, info)
        self._replace(folder_fd, payload, info)
        validated_files.remember_valid(validated_files.digest(payload))

    def _unchanged_since(self, folder_fd: int, known: Known | None) -> tuple[os.stat_result, Snapshot] | None:
        """The file's stat and ``known``'s snapshot, if the file is still exactly the one that snapshot came from."""
        if known is None or known[0].tables is None or known[0].read_only:
            return None
        info = lstat_at(folder_fd, FILE_NAME)
        if info is None or not stat.S_ISREG(info.st_mode) or _fingerprint(info) != known[1]:
            return None
        return info, known[0]

    @contextmanager
    def rehearsal(self) -> Iterator[Transaction]:
        """A transaction on the file as it is now that is never written: a dry run (``import --dry-run``)
        makes exactly the changes the real run would and reports them, without the lock or write access.
        """
        from cadence.store.transaction import Transaction  # TinyDB is only needed to write

        with self._folder() as folder_fd:
            payload, _info = self._read_file(folder_fd)
        tables, version = self._tables_of(payload)
        if version > SCHEMA_VERSION:
            raise WorkspaceReadOnly(f"{self.path} was written by a newer cadence: upgrade cadence to change it.")
        meta = fileformat.validate_meta(tables.meta_tables(), self.path)
        yield Transaction(tables, meta, _records_of(tables, payload if version == SCHEMA_VERSION else None))

    # History ----------------------------------------------------------------------

    def archive(self, as_of: date | None = None, *, dry_run: bool = False) -> ArchiveReport:
        """Move closed history (``cadence.domain.archiving``) out of the live file, into ``archive/``.

        Under the lock: the archive files are written first, the live file second, so a crash in
        between leaves records in both places (readers prefer the live copy) and never in neither.
        ``dry_run`` reports what would move and writes nothing.
        """
        from cadence.domain.archiving import LiveWindow
        from cadence.store import archive

        day = as_of or self.today()
        if dry_run:
            with self.rehearsal() as transaction:
                window = LiveWindow.on(day, transaction.meta.fiscal_start_month, transaction.meta.week_start_day)
                return archive.report_of(archive.plan_moves(transaction, window), window, dry_run=True)
        with self._folder() as folder_fd, self._locked(folder_fd):
            with self._transaction(folder_fd) as transaction:
                meta = transaction.meta
                window = LiveWindow.on(day, meta.fiscal_start_month, meta.week_start_day)
                moves = archive.plan_moves(transaction, window)
                if moves:
                    info = lstat_at(folder_fd, FILE_NAME) or os.fstat(folder_fd)
                    archive.write_moves(folder_fd, self.folder, moves, meta, info)
                    for records in moves.values():
                        for record in records:
                            transaction.delete(record)
        return archive.report_of(moves, window, dry_run=False)

    def read_history(self, *, verify: bool = False) -> Snapshot:
        """The whole workspace, live file and archives as one (the live copy wins), for history views, check, export.

        ``verify`` (``cadence check``): validate the live file whole even if its bytes are known valid.
        """
        from cadence.store import archive

        with self._folder() as folder_fd:
            payload, _info = self._read_file(folder_fd)
            live = self._snapshot_of(payload, verify=verify)
            merged: dict[Kind, dict[str, Record]] = {kind: {} for kind in Kind}
            for _name, records in archive.read_archived(folder_fd, self.folder):
                for kind, by_id in records.items():
                    merged[kind].update(by_id)
        for kind in Kind:
            merged[kind].update((record.id, record) for record in live.records(kind))
        return Snapshot(live.meta, merged, read_only=live.read_only)

    def archive_names(self) -> list[str]:
        """The archive files present (``2025-Q3.json``), oldest first."""
        from cadence.store import archive

        with self._folder() as folder_fd:
            return archive.archive_names(folder_fd, self.folder)

    def restore(self, name: str) -> Path:
        """Replace the workspace file with ``backups/name`` after checking it; returns the copy of the current file.

        The current bytes are read and kept under the lock without being validated: a damaged file
        is exactly what one restores over.
        """
        name = _backup_name(name)
        with self._folder() as folder_fd:
            try:
                restored = backups.read_backup(folder_fd, self.folder, name)
            except FileNotFoundError:
                raise InputError(
                    f"no backup named {name} in {self.backups} (list them with: cadence restore)"
                ) from None
            except PermissionError:
                raise InputError(f"cannot read {self.backups / name}: permission denied") from None
            _check_restorable(restored, self.backups / name)
            with self._locked(folder_fd):
                current, info = self._read_file(folder_fd)
                _refuse_read_only_file(self.path, info)
                kept = self._backup(folder_fd, current, info, "pre-restore", keep=MIGRATION_BACKUPS_KEPT)
                self._replace(folder_fd, restored, info)
        return kept

    def _replace(self, folder_fd: int, payload: bytes, info: os.stat_result) -> None:
        """The new file takes the old one's mode and group (through our own descriptor, never the name)."""
        replace_file(folder_fd, FILE_NAME, payload, shown=self.path, mode=stat.S_IMODE(info.st_mode), gid=info.st_gid)

    @contextmanager
    def _locked(self, folder_fd: int) -> Iterator[None]:
        new_lock_mode = 0o666 & ~current_umask()
        file_info = lstat_at(folder_fd, FILE_NAME)
        gid = None
        if file_info is not None and stat.S_ISREG(file_info.st_mode):
            new_lock_mode, gid = stat.S_IMODE(file_info.st_mode), file_info.st_gid
        with workspace_lock(
            folder_fd,
            LOCK_NAME,
            lock_path=self.lock_path,
            timeout=self.lock_timeout,
            new_file_mode=new_lock_mode,
            gid=gid,
        ):
            remove_temp_files(folder_fd, f".{FILE_NAME}.")
            yield

    # Backups ----------------------------------------------------------------------

    @contextmanager
    def _backups_folder(self, folder_fd: int) -> Iterator[int]:
        mode = backups.folder_mode_for_backups(os.fstat(folder_fd))
        backups_fd = backups.open_backups(folder_fd, self.folder, create_mode=mode)
        try:
            backups.remove_dead_temp_files(backups_fd)  # we hold the lock: any temp here is a killed writer's
            yield backups_fd
        finally:
            os.close(backups_fd)

    def _daily_backup(self, folder_fd: int, payload: Callable[[], bytes], info: os.stat_result) -> None:
        """Once a day, before the first write of the day, keep a copy of the file as it was (read only if due)."""
        name = f"cadence-{self.today().isoformat()}.json"
        with self._backups_folder(folder_fd) as backups_fd:
            if backups.has_regular(backups_fd, self.folder, name):
                return
            # Make room first: a kill between the two steps then leaves fewer copies, never more.
            backups.prune(backups_fd, backups.DAILY_PATTERN, DAILY_BACKUPS_KEPT - 1)
            mode, gid = stat.S_IMODE(info.st_mode), info.st_gid
            backups.write_copy(backups_fd, self.folder, name, payload(), mode=mode, gid=gid)

    def _backup(self, folder_fd: int, payload: bytes, info: os.stat_result, label: str, keep: int) -> Path:
        stamp = self.clock().strftime("%Y-%m-%dT%H%M%S")
        name = f"cadence-{stamp}-{label}.json"
        with self._backups_folder(folder_fd) as backups_fd:
            backups.prune(backups_fd, f"cadence-*-{label.split('-v')[0]}*.json", keep - 1)
            target = backups.write_copy(
                backups_fd, self.folder, name, payload, mode=stat.S_IMODE(info.st_mode), gid=info.st_gid
            )
        return target


def _records_of(tables: FileTables, payload: bytes | None) -> LazyRecords:
    """The records of ``tables``: validated whole now, unless these exact bytes are known valid (then as used)."""
    records = LazyRecords(tables)
    file_digest = validated_files.digest(payload) if payload is not None else None
    if file_digest is None or not validated_files.is_known_valid(file_digest):
        records.load_all()
        if file_digest is not None:
            validated_files.remember_valid(file_digest)
    return records


def _fingerprint(info: os.stat_result) -> Fingerprint:
    return (info.st_mtime_ns, info.st_size, info.st_ino)


def _refuse_read_only_file(path: Path, info: os.stat_result) -> None:
    """A file someone made read-only (``chmod a-w``) is a request not to change it: honour it, even as root."""
    if not _may_write(info):
        raise WorkspaceUnwritable(
            f"cannot write {path}: it is read-only (mode {stat.S_IMODE(info.st_mode):04o}); nothing was changed. "
            f"Make it writable (chmod u+w, or g+w in a shared workspace) to change it"
        )


def _may_write(info: os.stat_result) -> bool:
    uid = os.geteuid()
    if uid == 0:
        return bool(info.st_mode & 0o222)
    if info.st_uid == uid:
        return bool(info.st_mode & stat.S_IWUSR)
    if info.st_gid == os.getegid() or info.st_gid in os.getgroups():
        return bool(info.st_mode & stat.S_IWGRP)
    return bool(info.st_mode & stat.S_IWOTH)


def _backup_name(name: str) -> str:
    """A backup's file name: the name alone, or a path inside ``backups/``."""
    candidate = Path(name).name
    if not candidate or candidate in (".", "..") or not candidate.endswith(".json"):
        raise InputError(f"{name!r} is not a backup's name (list them with: cadence restore)")
    return candidate


def _check_restorable(payload: bytes, path: Path) -> None:
    """A backup must be a workspace this cadence can open and write: same checks as the workspace file."""
    try:
        data = fileformat.decode(payload, path)
        version = fileformat.schema_version(data, path)
        if version > SCHEMA_VERSION:
            raise InputError(f"{path} was written by a newer cadence (schema {version}): upgrade cadence to restore it")
        if version < SCHEMA_VERSION:
            data = migrate(data, version, SCHEMA_VERSION)
        fileformat.validate_meta(data, path)
        fileformat.validate_records(data, path)
    except WorkspaceCorrupt as error:
        message = str(error).split(" Nothing was changed.")[0]
        raise InputError(f"cannot restore: {message} Nothing was changed.") from None


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
            f"cannot be read by this one ({describe(error)}): upgrade cadence to open it. "
            f"{fileformat.backup_hint(path)}"
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

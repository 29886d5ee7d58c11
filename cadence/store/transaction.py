"""One locked read-modify-write of the workspace, through TinyDB tables.

TinyDB runs over ``BufferedStorage``: the tables the workspace read under its
lock, held in memory, so a transaction that touches several records (solving
an issue into to-dos) reaches the disk as one atomic write or not at all. A new
TinyDB is made for every transaction, so no cached document ids or query
results outlive the lock (the trap that gives "Document with ID already
exists" when two processes take turns).

The typed records come from the validation the workspace does on load: a
transaction validates only what it adds or saves, keeps its typed records in
step, and hands them to ``Workspace.apply`` for the snapshot after the write,
so nothing is parsed or validated twice.

Writes are gathered per table and handed to TinyDB once, when the workspace
commits (``flush``): TinyDB rebuilds a whole table for every insert or
remove, so doing that per record made an import of N records cost N times
the table (a 156-cell scorecard import took 48 s on a five-year workspace).
Reads during the transaction come from the typed records, which are always
current, so nothing reads a table before it is flushed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import ValidationError
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document

from cadence.domain.errors import describe
from cadence.domain.ids import Kind, id_number, make_id
from cadence.domain.models import Meta, Record
from cadence.store.errors import InputError
from cadence.store.fileformat import META_DOC_ID, META_TABLE, RawTables
from cadence.store.view import RecordsByKind, Snapshot, View

if TYPE_CHECKING:
    from cadence.store.file_tables import FileTables

R = TypeVar("R", bound=Record)


class BufferedStorage(Storage):
    """TinyDB storage holding one transaction's tables in memory until the workspace commits them."""

    def __init__(self, data: RawTables) -> None:
        self.data = data
        self.changed = False

    def read(self) -> RawTables:
        return self.data

    def write(self, data: RawTables) -> None:
        self.data = data
        self.changed = True


class Transaction(View):
    """Typed changes to the workspace; nothing reaches the disk until the ``with`` block ends cleanly."""

    def __init__(
        self,
        tables: FileTables,
        meta: Meta,
        records: Mapping[Kind, Mapping[str, Record]],
        sorted_records: Mapping[Kind, list[Record]] | None = None,
    ) -> None:
        """``tables``: the file's; ``records``: its records by kind, valid (validated already, or as asked for);
        ``sorted_records``: kinds already in id order (a warm write's snapshot has them all), copied here.
        """
        self._tables = tables
        self._db = TinyDB({}, storage=BufferedStorage)  # holds the tables this transaction changes, once flushed
        self._meta = meta
        self._source = records
        self._records: dict[Kind, dict[str, Record]] = {}
        self._added: dict[Kind, dict[str, Record]] = {}  # adds to a kind not asked for yet: no need to load it
        self._sorted: dict[Kind, list[Record]] = {kind: list(listed) for kind, listed in (sorted_records or {}).items()}
        self._highest: dict[Kind, int] = {}
        # Per table: document number -> the record to store there, or None to remove it.
        self._pending: dict[Kind, dict[int, Record | None]] = {}
        self._meta_changed = False

    @property
    def storage(self) -> BufferedStorage:
        return self._db.storage  # type: ignore[return-value]

    @property
    def changed(self) -> bool:
        return self.storage.changed or self._meta_changed or any(self._pending.values())

    @property
    def meta(self) -> Meta:
        return self._meta

    def records(self, kind: Kind) -> list[Record]:
        listed = self._sorted.get(kind)
        if listed is None:
            listed = self._sorted[kind] = sorted(self._kind(kind).values(), key=lambda record: id_number(record.id))
        return list(listed)

    def _record_by_id(self, kind: Kind, record_id: str) -> Record | None:
        return self._kind(kind).get(record_id)

    def snapshot(self) -> Snapshot:
        """The workspace as this transaction leaves it (its records are validated already)."""
        tables = None if self._pending or self._meta_changed else self._tables  # only tables that match the records
        return Snapshot(self._meta.model_copy(), RecordsByKind(self._kind), sorted_records=self._sorted, tables=tables)

    # Writes -------------------------------------------------------------------

    def add(self, model: type[R], **fields: Any) -> R:
        """Validate a new record, give it the next id of its kind, store it."""
        kind = model.kind
        number = self._next_number(kind)
        record = self._validated(model, {"id": make_id(kind, number), **fields})
        self._highest[kind] = number
        self._meta.counters = {**self._meta.counters, kind.value: number}
        self._meta_changed = True
        self._pending.setdefault(kind, {})[number] = record
        if kind in self._records:
            self._records[kind][record.id] = record
        else:
            self._added.setdefault(kind, {})[record.id] = record
        listed = self._sorted.get(kind)
        if listed is not None:
            listed.append(record)  # the new number is the highest: the list stays in id order
        return record

    def save(self, record: R, **changes: Any) -> R:
        """Store a changed copy of an existing record (validated as a whole)."""
        kind = record.kind
        if "id" in changes and changes["id"] != record.id:
            raise InputError(f"{record.id}: the id of a record cannot change")
        updated = self._validated(type(record), {**record.model_dump(), **changes})
        records = self._kind(kind)
        if updated.id not in records:
            raise InputError(f"{updated.id} no longer exists")
        self._pending.setdefault(kind, {})[id_number(updated.id)] = updated
        records[updated.id] = updated
        self._in_sorted(kind, updated, updated)
        return updated

    def delete(self, record: Record) -> None:
        kind = record.kind
        records = self._kind(kind)
        if record.id not in records:
            raise InputError(f"{record.id} no longer exists")
        self._pending.setdefault(kind, {})[id_number(record.id)] = None
        del records[record.id]
        self._in_sorted(kind, record, None)

    def update_meta(self, **changes: Any) -> Meta:
        try:
            self._meta = Meta.model_validate({**self._meta.model_dump(), **changes})
        except ValidationError as error:
            raise InputError(describe(error)) from None
        self._meta_changed = True
        return self._meta

    def flush(self) -> RawTables:
        """Hand every gathered change to TinyDB, one removal and one insertion per table; the tables changed."""
        data = self.storage.data
        for kind, changes in self._pending.items():
            if not changes:
                continue
            data.setdefault(kind.value, self._tables.table(kind.value))
            table = self._db.table(kind.value)
            present = [number for number in changes if table.contains(doc_id=number)]
            if present:
                table.remove(doc_ids=present)
            kept = [Document(record.model_dump(mode="json"), doc_id=n) for n, record in changes.items() if record]
            if kept:
                table.insert_multiple(kept)
        self._pending = {}
        if self._meta_changed:
            data.setdefault(META_TABLE, self._tables.table(META_TABLE))
            meta_table = self._db.table(META_TABLE)
            if meta_table.contains(doc_id=int(META_DOC_ID)):
                meta_table.remove(doc_ids=[int(META_DOC_ID)])
            meta_table.insert(Document(self._meta.model_dump(mode="json"), doc_id=int(META_DOC_ID)))
            self._meta_changed = False
        return self.storage.data

    def commit(self, *, force: bool = False) -> bytes | None:
        """The new file's bytes if anything changed (or ``force``: a migrated file is written even so), else ``None``.

        Only the tables changed are encoded; the rest keep the bytes they had (``FileTables.after``).
        """
        if not (self.changed or force):
            return None
        self._tables, payload = self._tables.after(self.flush())
        self._db = TinyDB({}, storage=BufferedStorage)  # the next changes start from the tables just written
        return payload

    # Internals ----------------------------------------------------------------

    def _kind(self, kind: Kind) -> dict[str, Record]:
        """This transaction's own copy of a kind's records, made the first time the kind is asked for."""
        found = self._records.get(kind)
        if found is None:
            found = self._records[kind] = {**self._source.get(kind, {}), **self._added.pop(kind, {})}
        return found

    def _in_sorted(self, kind: Kind, record: Record, replacement: Record | None) -> None:
        """Replace (or, with ``None``, remove) ``record`` in the kind's id-ordered list, if there is one, in place."""
        listed = self._sorted.get(kind)
        if listed is None:
            return
        at = bisect_left(listed, id_number(record.id), key=lambda listed_record: id_number(listed_record.id))
        if at == len(listed) or listed[at].id != record.id:
            self._sorted.pop(kind, None)  # not where it should be: sort again when next asked
        elif replacement is None:
            del listed[at]
        else:
            listed[at] = replacement

    def _validated(self, model: type[R], fields: dict[str, Any]) -> R:
        try:
            return model.model_validate(fields)
        except ValidationError as error:
            raise InputError(describe(error)) from None

    def _next_number(self, kind: Kind) -> int:
        """One past both the stored counter and the highest id present (a hand-edited file stays safe)."""
        highest = self._highest.get(kind)
        if highest is None:
            highest = self._highest[kind] = max((int(doc_id) for doc_id in self._tables.table(kind.value)), default=0)
        return max(self._meta.counters.get(kind.value, 0), highest) + 1

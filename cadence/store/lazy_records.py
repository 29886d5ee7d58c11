"""A workspace's records, each kind validated from its table the first time that kind is asked for.

Validation through the models is most of what reading a workspace costs. A
command that lists to-dos needs the to-dos (and the people it names), not
every meeting's minutes; ``LazyRecords`` validates a kind when code first asks
for it. Whether a file may be read this way at all is the workspace's call:
a file not known to be valid is validated whole before anything is shown or
written (``load_all``), so a bad record anywhere still stops every command.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from cadence.domain.ids import Kind
from cadence.domain.models import Record
from cadence.store import fileformat
from cadence.store.file_tables import FileTables
from cadence.store.gc_pause import collector_paused


class LazyRecords(Mapping[Kind, dict[str, Record]]):
    """Kind -> records by id, validated on first use (never changed after: callers copy what they change)."""

    def __init__(self, tables: FileTables) -> None:
        self._tables = tables
        self._done: dict[Kind, dict[str, Record]] = {}

    def __getitem__(self, kind: Kind) -> dict[str, Record]:
        done = self._done.get(kind)
        if done is None:
            if not isinstance(kind, Kind):
                raise KeyError(kind)
            with collector_paused():
                done = fileformat.validate_table(kind, self._tables.table(kind.value), self._tables.path)
            self._done[kind] = done
        return done

    def __iter__(self) -> Iterator[Kind]:
        return iter(Kind)

    def __len__(self) -> int:
        return len(Kind)

    def load_all(self) -> None:
        """Validate every kind now (and refuse a table cadence does not know): a bad record raises here."""
        fileformat.check_table_names(self._tables.names(), self._tables.path)
        for kind in Kind:
            self[kind]

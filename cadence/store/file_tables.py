"""The workspace file's tables, each parsed only when something asks for it, and written back by splicing.

A file cadence wrote is canonical (sorted keys, two-space indent), so each
top-level table starts on a line of its own with exactly two spaces before
its name: the file splits into one slice per table without parsing it. A
to-do added from the shell then parses the to-dos (and ``_meta``), not five
years of meetings, and the new file is the untouched tables' bytes as they
were with the changed tables encoded in between: the cost of an edit follows
the tables it touches, not the size of the file.

Each slice is checked when parsed, as the whole file was: parsed and written
again it must give its own bytes (which rules out a duplicate key or an
overlong number, as ``fileformat.decode`` explains). A file that does not
split this way, or a slice that fails the check, is read whole by
``fileformat.decode``, which says precisely what is wrong.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from cadence.store import fileformat
from cadence.store.fileformat import META_TABLE, RawTables

_ENTRY_START = b'\n  "'  # a line two spaces in, starting a key: in a canonical file, only tables


def split(payload: bytes) -> dict[str, memoryview] | None:
    """Each table's slice (``  "todos": {...}``) by name, or ``None`` if the file is not laid out canonically.

    The slices are views of ``payload``, not copies: a large file is held once.
    """
    if not payload.startswith(b'{\n  "') or not payload.endswith(b"\n}\n"):
        return None
    if b"\x00" in payload:  # damage: the whole-file reader names it, whichever table's name the zeros cut into
        return None
    starts = []
    found = payload.find(_ENTRY_START)
    while found >= 0:
        starts.append(found + 1)
        found = payload.find(_ENTRY_START, found + 4)
    entries: dict[str, memoryview] = {}
    view = memoryview(payload)
    previous = ""
    for index, start in enumerate(starts):
        if index + 1 < len(starts):
            end = starts[index + 1] - 2  # before ",\n"
            if payload[end : end + 2] != b",\n":
                return None
        else:
            end = len(payload) - 3  # before "\n}\n"
        close = payload.find(b'": ', start, end)
        raw_name = payload[start + 3 : close]
        if close < 0 or not raw_name.isascii() or b'"' in raw_name or b"\\" in raw_name:
            return None
        name = raw_name.decode("ascii")
        if name <= previous:  # keys sorted and unique, as json.dumps(sort_keys=True) leaves them
            return None
        entries[name] = view[start:end]
        previous = name
    return entries


class FileTables:
    """One file's tables: parsed on demand from their slices, or all at once from a file that does not split."""

    def __init__(
        self, path: Path, entries: dict[str, memoryview | bytes] | None, parsed: RawTables, payload: bytes | None
    ) -> None:
        self.path = path
        self._entries = entries
        self._parsed = parsed
        self._payload = payload

    @classmethod
    def read(cls, payload: bytes, path: Path) -> FileTables:
        """The tables of ``payload``; raises ``WorkspaceCorrupt`` for a file that is not a cadence workspace."""
        entries = split(payload)
        if entries is None:
            return cls.whole(fileformat.decode(payload, path), path)
        tables = cls(path, dict(entries), {}, payload)
        fileformat.check_meta_present({META_TABLE: tables.table(META_TABLE)} if META_TABLE in entries else {}, path)
        return tables

    @classmethod
    def whole(cls, data: RawTables, path: Path) -> FileTables:
        """Tables already parsed (a migrated file, a new workspace): written whole."""
        return cls(path, None, data, None)

    def names(self) -> list[str]:
        return sorted(self._entries if self._entries is not None else self._parsed)

    def table(self, name: str) -> dict[str, dict[str, Any]]:
        """The table ``name`` (empty if the file has none), parsed and checked the first time it is asked for."""
        found = self._parsed.get(name)
        if found is not None:
            return found
        if self._entries is None or name not in self._entries:
            return {}
        entry = self._entries[name]
        try:
            value = orjson.loads(b"{" + entry + b"}")[name]
        except (orjson.JSONDecodeError, KeyError, TypeError):
            value = None
        if value is None or fileformat.encode_entry(name, value) != entry:
            return self._read_whole().get(name, {})
        fileformat.check_shape(name, value, self.path)
        self._parsed[name] = value
        return self._parsed[name]

    def everything(self) -> RawTables:
        """Every table, parsed (for a migration, a check of the whole file, a lenient read)."""
        return {name: self.table(name) for name in self.names()}

    def meta_tables(self) -> RawTables:
        """Only ``_meta``, shaped as the whole-file checks (schema version, settings) take a file's tables."""
        return {META_TABLE: self.table(META_TABLE)}

    def after(self, changed: RawTables) -> tuple[FileTables, bytes]:
        """The file with ``changed`` tables in place of (or beside) this one's, and its bytes.

        Tables not in ``changed`` keep their bytes exactly; the returned tables are those of the new file.
        """
        if self._entries is None:
            data = {**self._parsed, **changed}
            payload = fileformat.encode(data)
            return FileTables.whole(data, self.path), payload
        entries: dict[str, memoryview | bytes] = dict(self._entries)
        for name, table in changed.items():
            entries[name] = fileformat.encode_entry(name, table)
        names = sorted(entries)
        payload = b"{\n" + b",\n".join(entries[name] for name in names) + b"\n}\n"
        # The new tables are views of the new bytes: no older file is kept alive by a table that did not change.
        view, offset, fresh = memoryview(payload), 2, {}
        for name in names:
            size = len(entries[name])
            fresh[name] = view[offset : offset + size]
            offset += size + 2
        return FileTables(self.path, dict(fresh), {**self._parsed, **changed}, payload), payload

    def _read_whole(self) -> RawTables:
        """A slice failed its check: read the whole file strictly (raises with the exact place, or reads it whole)."""
        assert self._payload is not None
        data = fileformat.decode(self._payload, self.path)
        self._entries, self._parsed, self._payload = None, data, None
        return data

"""The bytes of ``cadence.json``: how they are read, checked and written.

The layout is TinyDB's own (``{table: {doc_id: record}}``) so the file opens
with plain TinyDB too, written with sorted keys and indentation so that it
diffs well in git. Reading checks everything and raises a message that names
the file, the table, the record and the field; it never repairs.
"""

from __future__ import annotations

import json
import math
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from cadence.domain.errors import describe
from cadence.domain.ids import Kind, id_number, make_id
from cadence.domain.models import MODELS, SCHEMA_VERSION, Meta, Record
from cadence.store.errors import WorkspaceCorrupt
from cadence.store.strict_json import StrictJsonError, loads_strict

META_TABLE = "_meta"
META_DOC_ID = "1"
RawTables = dict[str, dict[str, dict[str, Any]]]


def backup_hint(path: Path) -> str:
    return f"Nothing was changed. Earlier copies are in {path.parent / 'backups'}/."


def encode(data: RawTables) -> bytes:
    """The file's bytes: exactly ``json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\\n"``.

    The standard library pretty-prints in pure Python (its C encoder does not indent), which
    was most of the cost of a write on a large workspace; this does the same for the types a
    workspace holds at about twice the speed, and hands anything else to ``json.dumps``.
    """
    parts: list[str] = []
    try:
        _write_json(data, "\n", parts)
    except _UnusualValue:
        return (json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8")
    parts.append("\n")
    return "".join(parts).encode("utf-8")


class _UnusualValue(Exception):
    """A value outside plain JSON types (or a non-text key): let ``json.dumps`` decide."""


def _write_json(value: Any, newline: str, parts: list[str]) -> None:
    """Append ``value`` as indented JSON; ``newline`` is a line break plus the current indent."""
    kind = type(value)
    if kind is str:
        parts.append(encode_basestring(value))
    elif kind is dict:
        if not value:
            parts.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key in sorted(value):
            if type(key) is not str:
                raise _UnusualValue
            parts.append(separator + encode_basestring(key) + ": ")
            _write_json(value[key], inner, parts)
            separator = "," + inner
        parts.append(newline + "}")
    elif kind is list:
        if not value:
            parts.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:
            parts.append(separator)
            _write_json(item, inner, parts)
            separator = "," + inner
        parts.append(newline + "]")
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif kind is int:
        parts.append(int.__repr__(value))
    elif kind is float:
        if not math.isfinite(value):
            raise ValueError("Out of range float values are not JSON compliant")
        parts.append(float.__repr__(value))
    else:
        raise _UnusualValue


def decode(payload: bytes, path: Path) -> RawTables:
    """Parse and check the shape (tables of records keyed by number)."""
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError as error:
        raise WorkspaceCorrupt(f"{path} is not valid UTF-8 text (byte {error.start}). {backup_hint(path)}") from None
    if "\x00" in text:
        raise WorkspaceCorrupt(f"{path} contains NUL bytes: it is damaged. {backup_hint(path)}")
    try:
        data = loads_strict(text)
    except json.JSONDecodeError as error:
        raise WorkspaceCorrupt(
            f"{path} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg}). {backup_hint(path)}"
        ) from None
    except StrictJsonError as error:
        raise WorkspaceCorrupt(
            f"{path}: line {error.line}, {where(error.keys)}: {error.problem}. {backup_hint(path)}"
        ) from None
    if not isinstance(data, dict):
        raise WorkspaceCorrupt(f"{path} does not hold cadence tables. {backup_hint(path)}")
    for table, documents in data.items():
        if not isinstance(documents, dict):
            raise WorkspaceCorrupt(f"{path}: table {table!r} is not an object. {backup_hint(path)}")
        for doc_id, document in documents.items():
            if not doc_id.isdigit() or not isinstance(document, dict):
                raise WorkspaceCorrupt(f"{path}: table {table!r} holds a bad entry {doc_id!r}. {backup_hint(path)}")
    if META_TABLE not in data or META_DOC_ID not in data[META_TABLE]:
        raise WorkspaceCorrupt(f"{path} has no {META_TABLE} table: it is not a cadence workspace. {backup_hint(path)}")
    return data


def where(keys: tuple[str, ...]) -> str:
    """``todos record T-3, field title`` from the keys leading to a value."""
    if not keys:
        return "at the top level"
    table, rest = keys[0], keys[1:]
    if table == META_TABLE:
        return "in _meta" + (f", field {'.'.join(rest[1:])}" if len(rest) > 1 else "")
    if not rest:
        return f"in table {table!r}"
    doc_id, fields = rest[0], rest[1:]
    try:
        label = make_id(Kind.of_table(table), int(doc_id))
    except ValueError:
        label = f"#{doc_id}"
    place = f"{table} record {label}"
    return place + (f", field {'.'.join(fields)}" if fields else "")


def schema_version(data: RawTables, path: Path) -> int:
    version = data[META_TABLE][META_DOC_ID].get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise WorkspaceCorrupt(f"{path}: _meta.schema_version is missing or not a number. {backup_hint(path)}")
    return version


def validate_meta(data: RawTables, path: Path) -> Meta:
    try:
        return Meta.model_validate(data[META_TABLE][META_DOC_ID])
    except ValidationError as error:
        raise WorkspaceCorrupt(f"{path}: _meta is not valid ({describe(error)}). {backup_hint(path)}") from None


def validate_records(data: RawTables, path: Path) -> dict[Kind, dict[str, Record]]:
    """Every record through its model; the first bad one stops everything."""
    known = {kind.value for kind in Kind} | {META_TABLE, "_default"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise WorkspaceCorrupt(f"{path}: unknown table {unknown[0]!r}. {backup_hint(path)}")
    records: dict[Kind, dict[str, Record]] = {}
    for kind, model in MODELS.items():
        by_id: dict[str, Record] = {}
        for doc_id, document in data.get(kind.value, {}).items():
            try:
                record = model.model_validate(document)
            except ValidationError as error:
                label = document.get("id", f"#{doc_id}")
                raise WorkspaceCorrupt(
                    f"{path}: {kind.value} record {label} is not valid ({describe(error)}). {backup_hint(path)}"
                ) from None
            if str(id_number(record.id)) != doc_id:
                raise WorkspaceCorrupt(
                    f"{path}: {kind.value} record {record.id} is stored under number {doc_id}. {backup_hint(path)}"
                )
            by_id[record.id] = record
        records[kind] = by_id
    return records


def empty_tables(meta: Meta) -> RawTables:
    data: RawTables = {kind.value: {} for kind in Kind}
    data[META_TABLE] = {META_DOC_ID: meta.model_dump(mode="json")}
    return data


__all__ = ["SCHEMA_VERSION", "decode", "empty_tables", "encode", "validate_meta", "validate_records"]

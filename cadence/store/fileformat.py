"""The bytes of ``cadence.json``: how they are read, checked and written.

The layout is TinyDB's own (``{table: {doc_id: record}}``) so the file opens
with plain TinyDB too, written with sorted keys and indentation so that it
diffs well in git. Reading checks everything and raises a message that names
the file, the table, the record and the field; it never repairs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import orjson
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

    orjson writes the same bytes about twenty times faster than the standard library (whose C
    encoder does not indent). The two differ only in how a float with an exponent is spelled
    (``1e16`` against ``1e+16``) and in what they refuse (integers beyond 64 bits, keys that are
    not text): a file holding any of those is written by ``json.dumps`` itself, so the bytes on
    disk, and every diff in git, never depend on which one wrote them.

    orjson writes infinity and NaN as ``null``; none reaches here: every model refuses them
    (``allow_inf_nan=False``) and the reader refuses them in the file.
    """
    return _canonical(data) + b"\n"


def encode_entry(name: str, table: dict[str, Any]) -> bytes:
    """One table as it sits in the file: ``  "todos": {...}`` (two spaces in, no comma, no line break after)."""
    return _canonical({name: table})[2:-2]


def _canonical(value: Any) -> bytes:
    try:
        payload: bytes | None = orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
    except TypeError:
        payload = None  # a type or key orjson will not write: json.dumps decides
    if payload is None or _spelled_differently(payload):
        return json.dumps(value, sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False).encode("utf-8")
    return payload


# A float ``json.dumps`` writes with an exponent: orjson spells the large ones ``1e16`` and the
# small ones (below 1e-4) ``0.00009``. Text inside strings may match too, which only costs the
# slower, identical path. Searched for from the ``e`` (a literal first byte keeps the scan of a
# large file to milliseconds; a pattern that starts with a class of bytes took 0.6 s on 5 MB).
_EXPONENT = re.compile(rb"e[-+]?[0-9]")
_SMALL_FLOAT = b"0.0000"


def _spelled_differently(payload: bytes) -> bool:
    """Might ``payload`` hold a float that ``json.dumps`` would spell otherwise?"""
    if _SMALL_FLOAT in payload:
        return True
    return any(payload[match.start() - 1 : match.start()].isdigit() for match in _EXPONENT.finditer(payload))


def _parse(payload: bytes, path: Path) -> Any:
    """The JSON value of the file, refusing what ``loads_strict`` refuses.

    A file cadence wrote is in canonical form: orjson parses it, and writing the result again
    gives the same bytes, which proves there was nothing for the strict reader to refuse (a
    duplicate key, a number too long to keep, would not survive the round trip). Anything else
    (a hand edit, a damaged file) goes through the strict reader, which says what and where.
    """
    try:
        data = orjson.loads(payload)
    except orjson.JSONDecodeError:
        data = None
    if data is not None and encode(data) == payload:
        return data
    return _parse_strictly(payload, path)


def _parse_strictly(payload: bytes, path: Path) -> Any:
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError as error:
        raise WorkspaceCorrupt(f"{path} is not valid UTF-8 text (byte {error.start}). {backup_hint(path)}") from None
    if "\x00" in text:
        raise WorkspaceCorrupt(f"{path} contains NUL bytes: it is damaged. {backup_hint(path)}")
    try:
        return loads_strict(text)
    except json.JSONDecodeError as error:
        raise WorkspaceCorrupt(
            f"{path} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg}). {backup_hint(path)}"
        ) from None
    except StrictJsonError as error:
        raise WorkspaceCorrupt(
            f"{path}: line {error.line}, {where(error.keys)}: {error.problem}. {backup_hint(path)}"
        ) from None


def decode(payload: bytes, path: Path) -> RawTables:
    """Parse and check the shape (tables of records keyed by number)."""
    data = _parse(payload, path)
    if not isinstance(data, dict):
        raise WorkspaceCorrupt(f"{path} does not hold cadence tables. {backup_hint(path)}")
    for table, documents in data.items():
        check_shape(table, documents, path)
    check_meta_present(data, path)
    return data


def check_shape(table: str, documents: Any, path: Path) -> None:
    """A table is an object of records (objects) keyed by their number."""
    if not isinstance(documents, dict):
        raise WorkspaceCorrupt(f"{path}: table {table!r} is not an object. {backup_hint(path)}")
    for doc_id, document in documents.items():
        if not doc_id.isdigit() or not isinstance(document, dict):
            raise WorkspaceCorrupt(f"{path}: table {table!r} holds a bad entry {doc_id!r}. {backup_hint(path)}")


def check_meta_present(data: RawTables, path: Path) -> None:
    if META_TABLE not in data or META_DOC_ID not in data[META_TABLE]:
        raise WorkspaceCorrupt(f"{path} has no {META_TABLE} table: it is not a cadence workspace. {backup_hint(path)}")


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
    check_table_names(data, path)
    return {kind: validate_table(kind, data.get(kind.value, {}), path) for kind in MODELS}


def check_table_names(names: Iterable[str], path: Path) -> None:
    """Every table is one cadence knows (a stray table is a sign the file is not what it seems)."""
    known = {kind.value for kind in Kind} | {META_TABLE, "_default"}
    unknown = sorted(set(names) - known)
    if unknown:
        raise WorkspaceCorrupt(f"{path}: unknown table {unknown[0]!r}. {backup_hint(path)}")


def validate_table(kind: Kind, table: dict[str, dict[str, Any]], path: Path) -> dict[str, Record]:
    """One kind's records through its model, by id; the first bad one stops everything."""
    model = MODELS[kind]
    by_id: dict[str, Record] = {}
    for doc_id, document in table.items():
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
    return by_id


def empty_tables(meta: Meta) -> RawTables:
    data: RawTables = {kind.value: {} for kind in Kind}
    data[META_TABLE] = {META_DOC_ID: meta.model_dump(mode="json")}
    return data


__all__ = ["SCHEMA_VERSION", "decode", "empty_tables", "encode", "encode_entry", "validate_meta", "validate_records"]

"""A damaged or foreign file is reported clearly and never overwritten."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from cadence.domain.models import Person, Rock, Todo
from cadence.store import Workspace, WorkspaceCorrupt
from store_helpers import DAY, add_todos, age_file, file_state, todo_fields

Damage = Callable[[bytes, dict[str, Any]], bytes]


def _dump(data: Any) -> bytes:
    return json.dumps(data, indent=2, sort_keys=True).encode("utf-8")


def _with(change: Callable[[dict[str, Any]], None]) -> Damage:
    def damage(_: bytes, data: dict[str, Any]) -> bytes:
        change(data)
        return _dump(data)

    return damage


def _zero_middle(payload: bytes, _: dict[str, Any]) -> bytes:
    """What a crash of an in-place writer leaves on many filesystems: a block of zeros."""
    third = len(payload) // 3
    return payload[:third] + b"\x00" * third + payload[2 * third :]


def _not_utf8(payload: bytes, _: dict[str, Any]) -> bytes:
    return payload.replace(b"Acme", "Acmé".encode("latin-1"), 1)


def _rock(quarter: str) -> dict[str, Any]:
    return {"id": "R-1", "title": "Ship it", "owner_id": "P-1", "quarter": quarter, "created": DAY.isoformat()}


def _add_rock(data: dict[str, Any], quarter: str) -> None:
    data["rocks"]["1"] = _rock(quarter)
    data["_meta"]["1"]["counters"]["rocks"] = 1


def _todo_without_owner(data: dict[str, Any]) -> None:
    del data["todos"]["1"]["owner_id"]


def _score_nan(data: dict[str, Any]) -> None:
    data["scores"]["1"] = {"id": "S-1", "measurable_id": "M-1", "week": DAY.isoformat(), "value": float("nan")}


def _measurable(goal: dict[str, Any]) -> dict[str, Any]:
    return {"id": "M-1", "title": "Calls", "owner_id": "P-1", "goal": goal}


def _text_edit(old: str, new: str) -> Damage:
    """A hand edit of the text itself (what json.dumps cannot produce, like a repeated key)."""

    def damage(payload: bytes, _: dict[str, Any]) -> bytes:
        text = payload.decode("utf-8")
        assert old in text
        return text.replace(old, new, 1).encode("utf-8")

    return damage


# Hand edits Python's json reader takes but the app cannot live with (issue 8 item 9).
_DUPLICATE_TITLE = _text_edit('"title": "todo 0"', '"title": "todo 0",\n      "title": "pasted twice"')
_GOAL_NAN = _with(lambda data: data.update(measurables={"1": _measurable({"comparator": ">=", "value": float("nan")})}))
_GOAL_INFINITY = _text_edit('"_meta": {', '"measurables": {"1": {"id": "M-1", "title": "Calls", "owner_id": "P-1", '
                           '"goal": {"comparator": "between", "value": -Infinity, "high": Infinity}}},\n  "_meta": {')
_HUGE_INTEGER = _text_edit('"week_start_day": 0', '"week_start_day": ' + "9" * 5000)
_HUGE_FLOAT = _with(lambda data: data["scores"].update({"1": {"id": "S-1", "measurable_id": "M-1",
                                                              "week": DAY.isoformat(), "value": 0}}))

BAD_FILES: dict[str, Damage] = {
    "empty": lambda payload, data: b"",
    "truncated at half": lambda payload, data: payload[: len(payload) // 2],
    "trailing garbage": lambda payload, data: payload + b"}garbage\n",
    "NUL bytes in the middle": _zero_middle,
    "all NUL bytes": lambda payload, data: b"\x00" * len(payload),
    "not UTF-8": _not_utf8,
    "a JSON list": lambda payload, data: _dump([data]),
    "a JSON string": lambda payload, data: _dump("cadence"),
    "missing _meta": _with(lambda data: data.pop("_meta")),
    "_meta without its record": _with(lambda data: data["_meta"].pop("1")),
    "_meta without schema_version": _with(lambda data: data["_meta"]["1"].pop("schema_version")),
    "_meta with a bad setting": _with(lambda data: data["_meta"]["1"].update(week_start_day=9)),
    "a table that is a list": _with(lambda data: data.update(people=[])),
    "a record keyed by a name": _with(lambda data: data["todos"].update(first=data["todos"]["1"])),
    "rock with quarter 2026-Q9": _with(lambda data: _add_rock(data, "2026-Q9")),
    "todo without owner": _with(_todo_without_owner),
    "todo with an unknown field": _with(lambda data: data["todos"]["1"].update(colour="red")),
    "record stored under another number": _with(lambda data: data["todos"].update({"7": data["todos"].pop("2")})),
    "record of the wrong kind": _with(lambda data: data["todos"]["1"].update(id="P-1")),
    "score that is NaN": _with(_score_nan),
    "unknown table": _with(lambda data: data.update(widgets={})),
    "goal that is NaN": _GOAL_NAN,
    "goal bounds that are -Infinity and Infinity": _GOAL_INFINITY,
    "a 5,000-digit integer": _HUGE_INTEGER,
    "a number too large for a float (1e400)": lambda payload, data: _HUGE_FLOAT(payload, data).replace(
        b'"value": 0', b'"value": 1e400'
    ),
    "a key repeated by copy-paste": _DUPLICATE_TITLE,
}


@pytest.fixture
def good_data(workspace: Workspace) -> dict[str, Any]:
    add_todos(workspace, 2)
    with workspace.transaction() as txn:
        txn.add(Person, name="Ada")
    return json.loads(workspace.path.read_text("utf-8"))


@pytest.mark.parametrize("damage", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_file_is_reported_and_never_written(workspace: Workspace, good_data, damage: Damage) -> None:
    payload = damage(workspace.path.read_bytes(), good_data)
    workspace.path.write_bytes(payload)
    age_file(workspace.path)
    before = file_state(workspace)

    with pytest.raises(WorkspaceCorrupt) as reading:
        workspace.read()
    _assert_helpful(str(reading.value), workspace)

    body_ran = False
    with pytest.raises(WorkspaceCorrupt) as writing:
        with workspace.transaction() as txn:
            body_ran = True
            txn.add(Todo, **todo_fields("must not land"))
    _assert_helpful(str(writing.value), workspace)
    assert not body_ran

    for attempt in (
        lambda txn: txn.update_meta(company="Other"),
        lambda txn: txn.add(Rock, title="x", owner_id="P-1", quarter="2026-Q1", created=DAY),
    ):
        with pytest.raises(WorkspaceCorrupt):
            with workspace.transaction() as txn:
                attempt(txn)

    after = file_state(workspace)
    assert after.payload == payload
    assert after.mtime_ns == before.mtime_ns
    assert after.inode == before.inode
    assert after.listing == before.listing  # no temp file, no backup of the bad file, nothing


def _assert_helpful(message: str, workspace: Workspace) -> None:
    assert str(workspace.path) in message
    assert "backups" in message
    assert str(workspace.backups) in message


def test_messages_say_what_is_wrong(workspace: Workspace, good_data) -> None:
    def message_for(name: str) -> str:
        workspace.path.write_bytes(BAD_FILES[name](workspace.path.read_bytes(), json.loads(json.dumps(good_data))))
        with pytest.raises(WorkspaceCorrupt) as caught:
            workspace.read()
        return str(caught.value)

    original = workspace.path.read_bytes()
    expectations = {
        "truncated at half": ["not valid JSON", "line"],
        "not UTF-8": ["not valid UTF-8"],
        "NUL bytes in the middle": ["NUL"],
        "rock with quarter 2026-Q9": ["R-1", "quarter"],
        "todo without owner": ["T-1", "owner_id", "required"],
        "unknown table": ["widgets"],
        "missing _meta": ["_meta"],
        "goal that is NaN": ["measurables record M-1", "field goal.value", "NaN", "line "],
        "goal bounds that are -Infinity and Infinity": ["measurables record M-1", "goal.value", "-Infinity", "line 2,"],
        "a 5,000-digit integer": ["_meta", "week_start_day", "too large", "line "],
        "a number too large for a float (1e400)": ["scores record S-1", "field value", "1e400", "too large"],
        "a key repeated by copy-paste": ["todos record T-1", "'title' appears twice", "line "],
    }
    for name, expected in expectations.items():
        workspace.path.write_bytes(original)
        message = message_for(name)
        for part in expected:
            assert part in message, (name, message)

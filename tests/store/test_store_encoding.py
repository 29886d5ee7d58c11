"""The file's bytes are exactly what ``json.dumps(sort_keys, indent=2)`` gives, whatever the data.

``fileformat.encode`` pretty-prints without the standard library's slow
pure-Python path; the file on disk (and so every diff in git) must not change
by a single byte for it.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cadence.locations import demo_workspace_dir
from cadence.domain.models import Goal, Measurable, Person, Score
from cadence.store import InputError, Workspace, WorkspaceCorrupt, fileformat


def _reference(data: Any) -> bytes:
    return (json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8")


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4),
    max_leaves=30,
)


def test_the_demo_workspace_encodes_to_its_own_bytes() -> None:
    payload = (demo_workspace_dir() / "cadence.json").read_bytes()
    data = json.loads(payload)
    assert fileformat.encode(data) == _reference(data) == payload


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(), json_values, max_size=5))
def test_any_json_encodes_like_json_dumps(data: dict[str, Any]) -> None:
    assert fileformat.encode(data) == _reference(data)


def test_text_that_needs_escaping_is_escaped_like_json_dumps() -> None:
    data = {"t": {"1": {"s": 'quote " back \\ nl \n tab \t nul \x00 bell \x07 \u2028 é 😀 [bold]x[/]', "e": [], "d": {}}}}
    assert fileformat.encode(data) == _reference(data)


def test_non_finite_numbers_never_reach_the_encoder(tmp_path: Path) -> None:
    """orjson would write infinity as ``null``: the models refuse it on the way in, and nothing is written."""
    workspace = Workspace.create(tmp_path / "ws")
    before = workspace.path.read_bytes()
    with pytest.raises(InputError), workspace.transaction() as tx:
        tx.add(Person, name="Ana")
        measurable = tx.add(Measurable, name="Leads", owner_id="P-1", goal=Goal(comparator=">=", value=1))
        tx.add(Score, measurable_id=measurable.id, week=date(2026, 11, 2), value=float("inf"))
    assert workspace.path.read_bytes() == before


@pytest.mark.parametrize("value", [6.103515625e-05, 1e-05, -0.00009, 1e16, 1.5e-07, 1e300, 5e-324, 0.0001, 123456.5])
def test_floats_are_spelled_like_json_dumps(value: float) -> None:
    """orjson and json.dumps spell small and large floats differently; the file always has json.dumps's spelling."""
    data = {"t": {"1": {"v": value, "s": "1e5 in text"}}}
    assert fileformat.encode(data) == _reference(data)


def test_a_canonical_file_and_a_hand_edited_one_read_the_same() -> None:
    payload = (demo_workspace_dir() / "cadence.json").read_bytes()
    compact = json.dumps(json.loads(payload), separators=(",", ":")).encode()
    assert fileformat.decode(compact, Path("x")) == fileformat.decode(payload, Path("x")) == json.loads(payload)


def test_a_duplicate_key_is_refused_though_the_fast_reader_would_keep_the_last() -> None:
    payload = (demo_workspace_dir() / "cadence.json").read_bytes()
    doubled = payload.replace(b'"title": ', b'"title": "first",\n      "title": ', 1)
    with pytest.raises(WorkspaceCorrupt, match="title"):
        fileformat.decode(doubled, Path("x"))


def test_other_types_fall_back_to_json_dumps() -> None:
    data = {"t": {"1": {"tuple": (1, 2), "int key": {3: "x"}}}}
    assert fileformat.encode(data) == _reference(data)

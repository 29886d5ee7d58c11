"""The file's bytes are exactly what ``json.dumps(sort_keys, indent=2)`` gives, whatever the data.

``fileformat.encode`` pretty-prints without the standard library's slow
pure-Python path; the file on disk (and so every diff in git) must not change
by a single byte for it.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cadence.locations import demo_workspace_dir
from cadence.store import fileformat


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


def test_non_finite_numbers_are_refused_like_json_dumps() -> None:
    with pytest.raises(ValueError):
        fileformat.encode({"t": {"1": {"v": float("nan")}}})
    with pytest.raises(ValueError):
        fileformat.encode({"t": {"1": {"v": [float("inf")]}}})


def test_other_types_fall_back_to_json_dumps() -> None:
    data = {"t": {"1": {"tuple": (1, 2), "int key": {3: "x"}}}}
    assert fileformat.encode(data) == _reference(data)

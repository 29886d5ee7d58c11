"""Hand edits that Python's JSON reader takes but cadence must refuse (issue 8 item 9).

Each edit is made to the text of ``cadence.json`` as a person with an editor
would; ``cadence check`` then exits 2 naming the file, the record and the
line, and no command (check, the scorecard, export) sees or writes the value.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def scorecard_workspace(team_workspace):  # type: ignore[no-untyped-def]
    assert team_workspace("measurable", "add", "Sales calls", "--owner", "ann", "--goal", ">= 20").code == 0
    assert team_workspace("score", "set", "M-1", "25").code == 0
    assert team_workspace("todo", "add", "Call Globex", "--owner", "bob").code == 0
    return team_workspace


def _edit(workspace_dir: Path, old: str, new: str) -> bytes:
    path = workspace_dir / "cadence.json"
    text = path.read_text("utf-8")
    assert old in text, old
    payload = text.replace(old, new, 1).encode("utf-8")
    path.write_bytes(payload)
    return payload


EDITS = {
    "NaN goal": ('"value": 20.0', '"value": NaN', ["measurables record M-1", "goal.value", "NaN"]),
    "Infinity goal": ('"value": 20.0', '"value": Infinity', ["measurables record M-1", "goal.value", "Infinity"]),
    "-Infinity score": ('"value": 25.0', '"value": -Infinity', ["scores record S-1", "field value", "-Infinity"]),
    "5,000-digit integer": ('"people": 2', '"people": ' + "7" * 5000, ["_meta", "counters.people", "too large"]),
    "key pasted twice": (
        '"title": "Call Globex"',
        '"title": "Call Globex",\n      "title": "Call Initech"',
        ["todos record T-1", "'title' appears twice"],
    ),
}


@pytest.mark.parametrize("name", EDITS)
def test_check_refuses_the_hand_edit_and_nothing_is_written(scorecard_workspace, workspace_dir: Path, name: str) -> None:
    old, new, expected = EDITS[name]
    payload = _edit(workspace_dir, old, new)
    path = workspace_dir / "cadence.json"

    checked = scorecard_workspace("check")
    assert checked.code == 2, checked
    assert str(path) in checked.err and "line " in checked.err
    for part in expected:
        assert part in checked.err, (part, checked.err)
    assert "Traceback" not in checked.err + checked.out

    for command in (("score", "show"), ("export", "--format", "json"), ("todo", "add", "More", "--owner", "bob")):
        result = scorecard_workspace(*command)
        assert result.code == 2, (command, result)
        assert "NaN" not in result.out and "Infinity" not in result.out
    assert path.read_bytes() == payload

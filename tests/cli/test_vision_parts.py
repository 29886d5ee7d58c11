"""``cadence vision show|set PART`` reach every part of the V/TO, so a script can keep the whole page.

The parts are listed here by the names a person types (not read from the
code), so a part added to the V/TO without a way to set it from the shell
fails this test. Each part is written through the CLI, read back from the
file on disk, and shown back by ``vision show PART``; ``vision show`` with
no part names all ten.
"""

from __future__ import annotations

import json
from pathlib import Path

TEXT_PARTS = [
    "core-focus-purpose",
    "core-focus-niche",
    "ten-year-target",
    "target-market",
    "proven-process",
    "guarantee",
    "three-year-picture",
    "one-year-plan",
]
LIST_PARTS = ["core-values", "three-uniques"]


def stored_vision(workspace_dir: Path) -> dict[str, object]:
    document = json.loads((workspace_dir / "cadence.json").read_text(encoding="utf-8"))
    (record,) = document["vision"].values()
    return record


def test_every_part_can_be_set_and_shown(team_workspace, workspace_dir: Path) -> None:
    for part in TEXT_PARTS:
        result = team_workspace("vision", "set", part, f"{part} line 1", f"{part} line 2")
        assert result.code == 0, result.err
    for part in LIST_PARTS:
        assert team_workspace("vision", "set", part, f"{part} A", f"{part} B").code == 0
    stored = stored_vision(workspace_dir)
    for part in TEXT_PARTS:
        assert stored[part.replace("-", "_")] == f"{part} line 1\n{part} line 2"
        assert team_workspace("vision", "show", part).out == f"{part} line 1\n{part} line 2\n"
    for part in LIST_PARTS:
        assert stored[part.replace("-", "_")] == [f"{part} A", f"{part} B"]
        shown_json = team_workspace("vision", "show", part, "--json").out
        assert json.loads(shown_json) == [f"{part} A", f"{part} B"]
    shown = team_workspace("vision", "show").out
    labels = [line[:-1] for line in shown.splitlines() if line and not line.startswith(" ")]
    assert sorted(labels) == sorted(TEXT_PARTS + LIST_PARTS)


def test_an_unknown_part_names_every_part(team_workspace, workspace_dir: Path) -> None:
    before = (workspace_dir / "cadence.json").read_bytes()
    refused = team_workspace("vision", "set", "rocks", "anything")
    assert refused.code == 1
    for part in TEXT_PARTS + LIST_PARTS:
        assert part in refused.err
    assert (workspace_dir / "cadence.json").read_bytes() == before

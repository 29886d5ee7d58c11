"""A user's settings file: remembered choices survive, a damaged or odd file means defaults, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

from cadence.tui.config import SETTINGS_FILE, UserSettings


def test_choices_are_written_and_read_back(tmp_path: Path) -> None:
    settings = UserSettings.load(tmp_path)
    settings.remember_theme("cadence-light")
    settings.remember_team(tmp_path / "ws", "TM-2")
    again = UserSettings.load(tmp_path)
    assert again.theme == "cadence-light"
    assert again.team_for(tmp_path / "ws") == "TM-2"
    assert "folder" not in json.loads((tmp_path / SETTINGS_FILE).read_text())


def test_wrong_types_and_unknown_keys_fall_back_per_field(tmp_path: Path) -> None:
    (tmp_path / SETTINGS_FILE).write_text(json.dumps({"theme": 3, "teams": [1], "people": {"/w": 7}, "later": True}))
    settings = UserSettings.load(tmp_path)
    assert (settings.theme, settings.teams, settings.people) == (None, {}, {"/w": "7"})


def test_a_damaged_file_means_defaults(tmp_path: Path) -> None:
    (tmp_path / SETTINGS_FILE).write_text("{not json")
    settings = UserSettings.load(tmp_path)
    assert (settings.theme, settings.teams) == (None, {})

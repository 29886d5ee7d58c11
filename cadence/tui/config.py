"""Per-user settings (theme, team picked per workspace), kept in the user's config folder.

Never in the workspace: on a shared server each person picks their own team
and theme. A missing or damaged settings file just means defaults.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from cadence.locations import user_config_dir
from cadence.store import atomic_write_bytes

SETTINGS_FILE = "settings.json"


class StoredSettings(BaseModel):
    """What ``settings.json`` holds. Unknown keys (from a newer cadence) are kept out, not fatal."""

    model_config = ConfigDict(extra="ignore")

    theme: str | None = None
    teams: dict[str, str] = Field(default_factory=dict)
    people: dict[str, str] = Field(default_factory=dict)

    @field_validator("theme", mode="before")
    @classmethod
    def _theme_or_none(cls, value: object) -> object:
        return value if isinstance(value, str) else None

    @field_validator("teams", "people", mode="before")
    @classmethod
    def _mapping_or_empty(cls, value: object) -> object:
        if not isinstance(value, dict):
            return {}
        return {str(key): str(item) for key, item in value.items()}


class UserSettings(StoredSettings):
    """The settings plus the folder they live in; ``save`` writes them atomically there."""

    folder: Path = Field(default_factory=user_config_dir, exclude=True)

    @classmethod
    def load(cls, folder: Path | None = None) -> UserSettings:
        folder = folder or user_config_dir()
        try:
            data = json.loads((folder / SETTINGS_FILE).read_text(encoding="utf-8"))
            stored = StoredSettings.model_validate(data if isinstance(data, dict) else {})
        except (OSError, ValueError, ValidationError):
            return cls(folder=folder)
        return cls(folder=folder, **stored.model_dump())

    def save(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        payload = StoredSettings.model_validate(self.model_dump()).model_dump()
        atomic_write_bytes(self.folder / SETTINGS_FILE, (json.dumps(payload, indent=2, sort_keys=True) + "\n").encode())

    def team_for(self, workspace_folder: Path) -> str | None:
        return self.teams.get(str(workspace_folder.resolve()))

    def remember_team(self, workspace_folder: Path, team_id: str) -> None:
        self.teams[str(workspace_folder.resolve())] = team_id
        self.save()

    def person_for(self, workspace_folder: Path) -> str | None:
        """Who "my numbers" means in that workspace (picked once on the Scorecard)."""
        return self.people.get(str(workspace_folder.resolve()))

    def remember_person(self, workspace_folder: Path, person_id: str) -> None:
        self.people[str(workspace_folder.resolve())] = person_id
        self.save()

    def remember_theme(self, theme: str) -> None:
        self.theme = theme
        self.save()

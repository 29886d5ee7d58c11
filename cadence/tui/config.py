"""Per-user settings (theme, team picked per workspace), kept in the user's config folder.

Never in the workspace: on a shared server each person picks their own team
and theme. A missing or damaged settings file just means defaults.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from cadence.locations import user_config_dir
from cadence.store.atomic import atomic_write_bytes

SETTINGS_FILE = "settings.json"


@dataclass
class UserSettings:
    theme: str | None = None
    teams: dict[str, str] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)
    folder: Path = field(default_factory=user_config_dir)

    @classmethod
    def load(cls, folder: Path | None = None) -> UserSettings:
        folder = folder or user_config_dir()
        try:
            data = json.loads((folder / SETTINGS_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(folder=folder)
        if not isinstance(data, dict):
            return cls(folder=folder)
        theme = data.get("theme") if isinstance(data.get("theme"), str) else None
        teams = data.get("teams") if isinstance(data.get("teams"), dict) else {}
        people = data.get("people") if isinstance(data.get("people"), dict) else {}
        return cls(
            theme=theme,
            teams={str(k): str(v) for k, v in teams.items()},
            people={str(k): str(v) for k, v in people.items()},
            folder=folder,
        )

    def save(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        payload = {"theme": self.theme, "teams": self.teams, "people": self.people}
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

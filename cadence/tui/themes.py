"""Themes from TOML files: the bundled ``themes/`` and the user's own theme folder.

A file that does not parse or does not describe a theme is reported (the app
shows a notification) and skipped; the app then falls back to the default.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from textual.theme import Theme

DEFAULT_THEME = "cadence-dark"


@dataclass
class LoadedThemes:
    themes: list[Theme] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def load_theme_file(path: Path) -> Theme:
    """One theme; raises ``ValueError`` naming the file and what is wrong."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ValueError(f"theme {path.name}: {error}") from None
    if not isinstance(data.get("name"), str) or not isinstance(data.get("primary"), str):
        raise ValueError(f"theme {path.name}: needs at least 'name' and 'primary'")
    try:
        theme = Theme(**data)
        theme.to_color_system()
    except Exception as error:  # Theme raises several kinds for bad colours or keys.
        raise ValueError(f"theme {path.name}: {error}") from None
    return theme


def load_themes(*folders: Path) -> LoadedThemes:
    loaded = LoadedThemes()
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                loaded.themes.append(load_theme_file(path))
            except ValueError as error:
                loaded.problems.append(str(error))
    return loaded

"""Themes from TOML files: the bundled ``themes/`` and the user's own theme folder.

A file that does not parse or does not describe a theme is reported (the app
shows a notification) and skipped; the app then falls back to the default.

Besides Textual's colours a theme may set cadence's own ``[variables]``:
the colours of statuses and kinds (``STYLE_VARIABLES``). A theme that leaves
one out gets its default (today's colours, the terminal's own ANSI ones); a
value that is not a colour gets the file reported and skipped like any other
broken theme.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from textual.color import Color, ColorParseError
from textual.theme import Theme

DEFAULT_THEME = "cadence-dark"

# Cadence's theme variables, by meaning, with the colour a theme gets when it does not set one.
# Used from Python through cadence.tui.status_styles and from .tcss as ``$status-bad`` etc.
STYLE_VARIABLES: dict[str, str] = {
    "status-good": "ansi_green",  # on track, on goal, a good headline
    "status-bad": "ansi_red",  # off track, off goal (a red cell), overdue, late
    "status-warn": "ansi_yellow",  # too many rocks for one person
    "status-done": "ansi_cyan",  # a done rock, milestone or to-do: the same everywhere
    "status-not-done": "ansi_magenta",  # a rock the quarter ended without
    "kind-customer": "ansi_cyan",  # a customer headline
    "kind-employee": "ansi_magenta",  # an employee headline
    "role-visionary": "ansi_magenta",
    "role-integrator": "ansi_cyan",
    "issue-rank": "ansi_yellow",  # an issue's place in this week's top 3
    "scorecard-trend": "ansi_cyan",  # the sparkline of a measurable
}


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
    check_style_variables(theme, path.name)
    return theme


def check_style_variables(theme: Theme, file_name: str) -> None:
    """Every cadence variable the theme sets must be a colour; raises ``ValueError`` naming the first that is not."""
    for name in STYLE_VARIABLES:
        value = theme.variables.get(name)
        if value is None:
            continue
        try:
            Color.parse(value)
        except (ColorParseError, TypeError):
            raise ValueError(f"theme {file_name}: variable {name} = {value!r} is not a colour") from None


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

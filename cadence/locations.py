"""Where cadence finds things on disk, in one place.

Bundled files (demo workspace, agendas, themes) live at the repository root in
an editable install and under ``cadence/_bundled`` in a built wheel (hatchling
force-includes them there); every caller asks this module so both layouts work
the same. User folders come from platformdirs so each OS gets its own
convention.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "cadence"
_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled_root() -> Path:
    wheel_root = _PACKAGE_DIR / "_bundled"
    if wheel_root.is_dir():
        return wheel_root
    return _PACKAGE_DIR.parent


def data_dir() -> Path:
    """The bundled ``data/`` folder (demo workspace, agenda templates)."""
    return _bundled_root() / "data"


def themes_dir() -> Path:
    """The bundled ``themes/`` folder."""
    return _bundled_root() / "themes"


def demo_workspace_dir() -> Path:
    return data_dir() / "demo"


def default_workspace_dir() -> Path:
    """The workspace used when neither ``--workspace`` nor ``CADENCE_WORKSPACE`` is given."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def user_config_dir() -> Path:
    """Per-user settings (picked team, theme): never inside a shared workspace."""
    override = os.environ.get("CADENCE_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_dir as _user_config_dir

    return Path(_user_config_dir(APP_NAME, appauthor=False))


def user_themes_dir() -> Path:
    return user_config_dir() / "themes"


def agendas_dir() -> Path:
    return data_dir() / "agendas"


def user_agendas_dir() -> Path:
    return user_config_dir() / "agendas"

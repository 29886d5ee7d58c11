"""Agenda templates: the bundled ones in ``data/agendas/`` and a user's own in their config folder.

A template is a TOML file (see ``data/agendas/weekly.toml``). A user's
template with the id of a bundled one replaces it. A file that does not read
or does not validate is reported, by path and reason, and skipped: one bad
file never keeps a team from starting its meeting.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from cadence.domain.meeting_parts import AgendaTemplate
from cadence.locations import agendas_dir, user_agendas_dir
from cadence.store.errors import InputError


@dataclass
class Agendas:
    templates: dict[str, AgendaTemplate] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def get(self, agenda_id: str) -> AgendaTemplate:
        try:
            return self.templates[agenda_id]
        except KeyError:
            known = ", ".join(sorted(self.templates)) or "none"
            raise InputError(f"agenda: no template {agenda_id!r} (known: {known})") from None


def _read(path: Path) -> AgendaTemplate:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    raw.setdefault("id", path.stem)
    return AgendaTemplate.model_validate(raw)


def _problem(path: Path, error: Exception) -> str:
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "file"
        return f"{path}: {where}: {first['msg']} (template skipped)"
    return f"{path}: {error} (template skipped)"


def load_agendas(*folders: Path) -> Agendas:
    """Templates from ``folders`` (default: bundled, then the user's), later folders winning on the same id."""
    found = Agendas()
    for folder in folders or (agendas_dir(), user_agendas_dir()):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                template = _read(path)
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ValidationError) as error:
                found.problems.append(_problem(path, error))
                continue
            found.templates[template.id] = template
    return found

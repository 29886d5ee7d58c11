"""Match the owners (and teams) a file names to the workspace, the one way every importer does it.

A file says ``Dana Whitfield`` or ``dana whitfield``; the workspace knows
``P-3 Dana Whitfield``. Names match case-insensitively (ids work too, as
everywhere in cadence). A name nobody has is a problem the user resolves
once for the whole file: ``--map "Old Name=P-3"`` (someone who left, a
nickname) or ``--create-people`` (the team is new to cadence), which adds
each unknown name as a member, once, inside the import's transaction.
Teams are matched the same exact way (``exact_team_id``) and never created.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cadence.store.actions.people import add_person
from cadence.store.errors import InputError
from cadence.store.importing import ImportOptions
from cadence.store.transaction import Transaction
from cadence.store.view import View


def parse_people_map(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``["Old Name=P-3", "Sam=Samira Okafor"]`` -> ``{"old name": "P-3", ...}``; a pair without ``=`` is refused."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        name, sep, target = pair.partition("=")
        if not sep or not name.strip() or not target.strip():
            raise InputError(f'--map: {pair!r} should look like "Old Name=P-3" (a name in the file = a person)')
        mapping[name.strip().casefold()] = target.strip()
    return mapping


def exact_team_id(view: View, text: str) -> str | None:
    """The team ``text`` names exactly (name or id, any case), else None: a cell or a heading in a file
    is not a prefix search, so "Sales" never quietly becomes "Sales ops"."""
    folded = text.strip().casefold()
    for team in view.teams:
        if team.name.casefold() == folded or team.id.casefold() == folded:
            return team.id
    return None


def default_team(view: View, options: ImportOptions) -> str | None:
    """``--team``'s id (a bad name is the user's error, said at once by ``find_team``)."""
    return view.find_team(options.team).id if options.team else None


@dataclass
class OwnerResolver:
    """Owners by the name a file gives; remembers unknown names and people it created."""

    tx: Transaction
    options: ImportOptions
    created: list[str] = field(default_factory=list)
    unknown: dict[str, list[int]] = field(default_factory=dict)
    """Name as first written -> the rows that named it."""
    _known: dict[str, str] = field(default_factory=dict)

    def resolve(self, name: str, row: int) -> str | None:
        """The person id ``name`` means, or None (recorded in ``unknown``) when it names nobody.

        Only exact names and ids match here (not a prefix, as interactive look-ups allow): "Sam"
        in a file must not quietly become "Samira".
        """
        wanted = name.strip()
        if not wanted:
            return None
        folded = wanted.casefold()
        if folded in self._known:
            return self._known[folded]
        target = self.options.people_map.get(folded)
        person_id: str | None = None
        if target is not None:
            person_id = self.tx.find_person(target).id  # a bad --map target is the user's error, said at once
        else:
            person_id = self._exact(wanted)
        if person_id is None and self.options.create_people:
            person_id = add_person(self.tx, wanted).id
            self.created.append(wanted)
        if person_id is None:
            self.unknown.setdefault(wanted, []).append(row)
            return None
        self._known[folded] = person_id
        return person_id

    def _exact(self, wanted: str) -> str | None:
        folded = wanted.casefold()
        for person in self.tx.people:
            if person.id.casefold() == folded.replace(" ", "") or person.name.casefold() == folded:
                return person.id
        return None

    @staticmethod
    def unknown_message(name: str) -> str:
        return f'unknown owner {name!r} (add them, or use --create-people, or --map "{name}=P-3")'

"""Read access to a workspace's records, the same whether from a snapshot or inside a transaction.

Lookups that people type (a name or an id, in any case) live here so the CLI
and the TUI resolve them the same way.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import date
from typing import TypeVar

from cadence.domain.ids import Kind, kind_label, normalise_id
from cadence.domain.models import (
    Headline,
    Issue,
    IssueStatus,
    Measurable,
    Meeting,
    Meta,
    Person,
    Process,
    Record,
    Rock,
    Score,
    Seat,
    Team,
    Todo,
    Vision,
)
from cadence.domain.periods import Quarter, quarter_of, week_start
from cadence.store.errors import InputError

R = TypeVar("R", bound=Record)


def _number(record: Record) -> int:
    return int(record.id.split("-")[-1])


class View(ABC):
    """Typed, sorted lists of records plus the lookups every front end needs."""

    @property
    @abstractmethod
    def meta(self) -> Meta: ...

    @abstractmethod
    def records(self, kind: Kind) -> list[Record]:
        """All records of a kind, in id order."""

    def get(self, kind: Kind, record_id: str) -> Record:
        """The record with that id (``r12`` and ``12`` work too), or ``InputError``."""
        try:
            wanted = normalise_id(record_id, kind)
        except ValueError as error:
            raise InputError(str(error)) from None
        for record in self.records(kind):
            if record.id == wanted:
                return record
        raise InputError(f"no {kind_label(kind)} {wanted}")

    # Typed lists -----------------------------------------------------------

    @property
    def people(self) -> list[Person]:
        return self.records(Kind.PERSON)  # type: ignore[return-value]

    @property
    def teams(self) -> list[Team]:
        return self.records(Kind.TEAM)  # type: ignore[return-value]

    @property
    def rocks(self) -> list[Rock]:
        return self.records(Kind.ROCK)  # type: ignore[return-value]

    @property
    def measurables(self) -> list[Measurable]:
        return self.records(Kind.MEASURABLE)  # type: ignore[return-value]

    @property
    def scores(self) -> list[Score]:
        return self.records(Kind.SCORE)  # type: ignore[return-value]

    @property
    def issues(self) -> list[Issue]:
        return self.records(Kind.ISSUE)  # type: ignore[return-value]

    @property
    def todos(self) -> list[Todo]:
        return self.records(Kind.TODO)  # type: ignore[return-value]

    @property
    def headlines(self) -> list[Headline]:
        return self.records(Kind.HEADLINE)  # type: ignore[return-value]

    @property
    def meetings(self) -> list[Meeting]:
        return self.records(Kind.MEETING)  # type: ignore[return-value]

    @property
    def visions(self) -> list[Vision]:
        return self.records(Kind.VISION)  # type: ignore[return-value]

    @property
    def seats(self) -> list[Seat]:
        return self.records(Kind.SEAT)  # type: ignore[return-value]

    @property
    def processes(self) -> list[Process]:
        return self.records(Kind.PROCESS)  # type: ignore[return-value]

    # Lookups people type -----------------------------------------------------

    def find_person(self, text: str) -> Person:
        """By id (``P-3``) or by name, case-insensitively; a unique name prefix works too."""
        return self._find_named(Kind.PERSON, text, self.people)  # type: ignore[return-value]

    def find_team(self, text: str) -> Team:
        return self._find_named(Kind.TEAM, text, self.teams)  # type: ignore[return-value]

    def _find_named(self, kind: Kind, text: str, candidates: list[R]) -> R:
        wanted = text.strip()
        if not wanted:
            raise InputError(f"{kind_label(kind)}: empty name")
        for record in candidates:
            if record.id.lower() == wanted.lower().replace(" ", ""):
                return record
        folded = wanted.casefold()
        exact = [record for record in candidates if getattr(record, "name").casefold() == folded]
        if len(exact) == 1:
            return exact[0]
        prefixed = [record for record in candidates if getattr(record, "name").casefold().startswith(folded)]
        if len(exact) > 1 or len(prefixed) > 1:
            names = ", ".join(f"{r.id} {getattr(r, 'name')}" for r in (exact or prefixed))
            raise InputError(f"{kind_label(kind)} {text!r} is ambiguous: {names}")
        if len(prefixed) == 1:
            return prefixed[0]
        raise InputError(f"no {kind_label(kind)} named {text!r}")

    def person_name(self, person_id: str | None) -> str:
        if person_id is None:
            return ""
        for person in self.people:
            if person.id == person_id:
                return person.name
        return person_id

    def team_name(self, team_id: str | None) -> str:
        if team_id is None:
            return ""
        for team in self.teams:
            if team.id == team_id:
                return team.name
        return team_id

    # Periods -----------------------------------------------------------------

    def quarter_of(self, day: date) -> Quarter:
        return quarter_of(day, self.meta.fiscal_start_month)

    def week_of(self, day: date) -> date:
        return week_start(day, self.meta.week_start_day)

    # Common filters ------------------------------------------------------------

    def open_issues(self, team_id: str | None = None) -> list[Issue]:
        return [
            issue
            for issue in self.issues
            if issue.status is IssueStatus.OPEN and (team_id is None or issue.team_id in (team_id, None))
        ]

    def score_for(self, measurable_id: str, week: date) -> Score | None:
        for score in self.scores:
            if score.measurable_id == measurable_id and score.week == week:
                return score
        return None


class Snapshot(View):
    """An immutable, validated copy of the workspace as it was when read."""

    def __init__(self, meta: Meta, records: dict[Kind, dict[str, Record]], read_only: bool = False) -> None:
        self._meta = meta
        self._records = {kind: sorted(by_id.values(), key=_number) for kind, by_id in records.items()}
        self.read_only = read_only

    @property
    def meta(self) -> Meta:
        return self._meta

    def records(self, kind: Kind) -> list[Record]:
        return list(self._records.get(kind, []))

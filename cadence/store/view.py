"""Read access to a workspace's records, the same whether from a snapshot or inside a transaction.

Lookups that people type (a name or an id, in any case) live here so the CLI
and the TUI resolve them the same way, and so do the typed lookups
(``view.rock("R-3") -> Rock``; ``all_of``/``one_of`` for any model) and the
rule for which V/TO is the workspace's (``vision()``).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, TypeVar, cast

from cadence.domain.ids import WORKSPACE_VISION_ID, Kind, id_number, normalise_id
from cadence.domain.models import (
    Frequency,
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
from cadence.domain.scorecard import period_start
from cadence.store.errors import InputError

if TYPE_CHECKING:
    from cadence.store.file_tables import FileTables

R = TypeVar("R", bound=Record)
Named = TypeVar("Named", Person, Team, Seat, Process)


def _number(record: Record) -> int:
    return id_number(record.id)


class View(ABC):
    """Typed, sorted lists of records plus the lookups every front end needs."""

    @property
    @abstractmethod
    def meta(self) -> Meta: ...

    @abstractmethod
    def records(self, kind: Kind) -> list[Record]:
        """All records of a kind, in id order."""

    def get(self, kind: Kind, record_id: str) -> Record:
        """The record with that id (``r12`` and ``12`` work too), or ``InputError``. For code generic over kinds."""
        try:
            wanted = normalise_id(record_id, kind)
        except ValueError as error:
            raise InputError(str(error)) from None
        found = self._record_by_id(kind, wanted)
        if found is None:
            raise InputError(f"no {kind.label} {wanted}")
        return found

    def _record_by_id(self, kind: Kind, record_id: str) -> Record | None:
        """The record with exactly that id; views that keep records by id answer without a scan."""
        return next((record for record in self.records(kind) if record.id == record_id), None)

    # Typed access, for any kind -------------------------------------------------

    def all_of(self, model: type[R]) -> list[R]:
        """Every record of ``model``'s kind, in id order, typed as ``model``."""
        return cast("list[R]", self.records(model.kind))

    def one_of(self, model: type[R], record_id: str) -> R:
        """The ``model`` record with that id (``r12`` and ``12`` work too), or ``InputError``."""
        return cast(R, self.get(model.kind, record_id))

    # Typed lookups ------------------------------------------------------------------

    def person(self, record_id: str) -> Person:
        return self.one_of(Person, record_id)

    def team(self, record_id: str) -> Team:
        return self.one_of(Team, record_id)

    def rock(self, record_id: str) -> Rock:
        return self.one_of(Rock, record_id)

    def measurable(self, record_id: str) -> Measurable:
        return self.one_of(Measurable, record_id)

    def score(self, record_id: str) -> Score:
        return self.one_of(Score, record_id)

    def issue(self, record_id: str) -> Issue:
        return self.one_of(Issue, record_id)

    def todo(self, record_id: str) -> Todo:
        return self.one_of(Todo, record_id)

    def headline(self, record_id: str) -> Headline:
        return self.one_of(Headline, record_id)

    def meeting(self, record_id: str) -> Meeting:
        return self.one_of(Meeting, record_id)

    def seat(self, record_id: str) -> Seat:
        return self.one_of(Seat, record_id)

    def process(self, record_id: str) -> Process:
        return self.one_of(Process, record_id)

    def vision(self) -> Vision | None:
        """The workspace's V/TO: ``V-1`` if present, else the first that belongs to no team, else none yet."""
        visions = self.visions
        for vision in visions:
            if vision.id == WORKSPACE_VISION_ID:
                return vision
        return next((vision for vision in visions if vision.team_id is None), None)

    # Typed lists ---------------------------------------------------------------------

    @property
    def people(self) -> list[Person]:
        return self.all_of(Person)

    @property
    def teams(self) -> list[Team]:
        return self.all_of(Team)

    @property
    def rocks(self) -> list[Rock]:
        return self.all_of(Rock)

    @property
    def measurables(self) -> list[Measurable]:
        return self.all_of(Measurable)

    @property
    def scores(self) -> list[Score]:
        return self.all_of(Score)

    @property
    def issues(self) -> list[Issue]:
        return self.all_of(Issue)

    @property
    def todos(self) -> list[Todo]:
        return self.all_of(Todo)

    @property
    def headlines(self) -> list[Headline]:
        return self.all_of(Headline)

    @property
    def meetings(self) -> list[Meeting]:
        return self.all_of(Meeting)

    @property
    def visions(self) -> list[Vision]:
        return self.all_of(Vision)

    @property
    def seats(self) -> list[Seat]:
        return self.all_of(Seat)

    @property
    def processes(self) -> list[Process]:
        return self.all_of(Process)

    # Lookups people type -----------------------------------------------------

    def find_person(self, text: str) -> Person:
        """By id (``P-3``) or by name, case-insensitively; a unique name prefix works too."""
        return self._find_named(Kind.PERSON, text, self.people)

    def find_team(self, text: str) -> Team:
        return self._find_named(Kind.TEAM, text, self.teams)

    def find_seat(self, text: str) -> Seat:
        return self._find_named(Kind.SEAT, text, self.seats, hint="cadence seat list shows them")

    def find_process(self, text: str) -> Process:
        return self._find_named(Kind.PROCESS, text, self.processes, hint="cadence process list shows them")

    def _find_named(self, kind: Kind, text: str, candidates: list[Named], hint: str = "") -> Named:
        wanted = text.strip()
        if not wanted:
            raise InputError(f"{kind.label}: empty name")
        for record in candidates:
            if record.id.lower() == wanted.lower().replace(" ", ""):
                return record
        folded = wanted.casefold()
        exact = [record for record in candidates if record.name.casefold() == folded]
        if len(exact) == 1:
            return exact[0]
        prefixed = [record for record in candidates if record.name.casefold().startswith(folded)]
        if len(exact) > 1 or len(prefixed) > 1:
            names = ", ".join(f"{r.id} {r.name}" for r in (exact or prefixed))
            raise InputError(f"{kind.label} {text!r} is ambiguous: {names}")
        if len(prefixed) == 1:
            return prefixed[0]
        raise InputError(f"no {kind.label} named {text!r}" + (f" ({hint})" if hint else ""))

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

    def period_start(self, frequency: Frequency | str, day: date) -> date:
        """The first day of the week, month or fiscal quarter (by ``frequency``) holding ``day``."""
        return period_start(frequency, day, self.meta.week_start_day, self.meta.fiscal_start_month)

    # Common filters ------------------------------------------------------------

    def open_issues(self, team_id: str | None = None) -> list[Issue]:
        return [
            issue
            for issue in self.issues
            if issue.status is IssueStatus.OPEN and (team_id is None or issue.team_id in (team_id, None))
        ]

    def in_team(self, team_id: str | None, record_team_id: str | None, owner_id: str | None) -> bool:
        """Is a record in team ``team_id``'s view: its own team's, or no team's and owned by a member (or no one).

        ``team_id`` None (or a team that is gone) shows everything. The one rule behind every
        team filter: the TUI's sections and the scorecard's CSV export and import.
        """
        team = next((team for team in self.teams if team.id == team_id), None) if team_id else None
        if team is None:
            return True
        if record_team_id is not None:
            return record_team_id == team.id
        return owner_id is None or owner_id in team.member_ids

    def score_for(self, measurable_id: str, week: date) -> Score | None:
        for score in self.scores:
            if score.measurable_id == measurable_id and score.week == week:
                return score
        return None


class Snapshot(View):
    """An immutable, validated copy of the workspace as it was when read."""

    def __init__(
        self,
        meta: Meta,
        records: Mapping[Kind, Mapping[str, Record]],
        read_only: bool = False,
        sorted_records: Mapping[Kind, list[Record]] | None = None,
        tables: FileTables | None = None,
    ) -> None:
        """``records``: each kind's validated records by id, asked for kind by kind when first needed
        (``LazyRecords`` validates a kind then); ``sorted_records`` hands over lists a transaction has
        kept in id order. ``tables``: the file's tables these records came from, never changed after:
        a write that finds the file unchanged starts from them (``Workspace.apply``).
        """
        self._meta = meta
        self._source = records
        self._by_id: dict[Kind, dict[str, Record]] = {}
        listed = (sorted_records or {}).items()
        self._records: dict[Kind, list[Record]] = {kind: list(records_of_kind) for kind, records_of_kind in listed}
        self.read_only = read_only
        self.tables = tables

    @property
    def meta(self) -> Meta:
        return self._meta

    def load_all(self) -> None:
        """Have every kind's records at hand now (a screen must not wait for them on its event loop)."""
        for kind in Kind:
            self._kind(kind)

    def sorted_records(self) -> Mapping[Kind, list[Record]]:
        """The kinds already sorted into id order (all of them once a screen has the snapshot), not to be changed."""
        return self._records

    def record_source(self) -> Mapping[Kind, Mapping[str, Record]]:
        """This snapshot's records by kind, for a transaction that starts from it (loaded as asked for)."""
        return RecordsByKind(self._kind)

    def records(self, kind: Kind) -> list[Record]:
        listed = self._records.get(kind)
        if listed is None:
            listed = self._records[kind] = sorted(self._kind(kind).values(), key=_number)
        return list(listed)

    def _record_by_id(self, kind: Kind, record_id: str) -> Record | None:
        return self._kind(kind).get(record_id)

    def _kind(self, kind: Kind) -> dict[str, Record]:
        found = self._by_id.get(kind)
        if found is None:
            found = self._by_id[kind] = dict(self._source.get(kind, {}))
            if len(self._by_id) == len(Kind):
                # Every kind is here: let go of where they came from (a transaction, the snapshot before
                # it...), or each write's snapshot would keep every earlier one alive.
                self._source = {}
        return found


class RecordsByKind(Mapping[Kind, Mapping[str, Record]]):
    """Kind -> records by id, each kind asked of ``records_of`` when wanted (a snapshot's or a transaction's own)."""

    def __init__(self, records_of: Callable[[Kind], Mapping[str, Record]]) -> None:
        self._records_of = records_of

    def __getitem__(self, kind: Kind) -> Mapping[str, Record]:
        return self._records_of(kind)

    def __iter__(self) -> Iterator[Kind]:
        return iter(Kind)

    def __len__(self) -> int:
        return len(Kind)

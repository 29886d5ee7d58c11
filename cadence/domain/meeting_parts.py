"""The pieces of a meeting record: its agenda sections, what was said, and its minutes.

An agenda template (``data/agendas/*.toml``) is copied into the meeting when
it starts, so editing a template later never changes a meeting on record.
What the meeting saw (the scorecard, the rocks, the to-do rate) is frozen into
``Minutes`` when it ends: minutes read the same in five years, whatever
happened to the records since.
"""

# No ``from __future__ import annotations`` here: pydantic would have to evaluate every field's
# annotation from a string when each model is built, which costs start-up time in every command.

from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Text = Annotated[str, StringConstraints(max_length=20000)]

# Every model here is a part of a Meeting record (or of an agenda template): reading a workspace validates
# them inside the Meeting schema, so their own validators are built only when code makes one directly
# (``defer_build``), not on every start of every command.
STRICT = ConfigDict(extra="forbid", allow_inf_nan=False, validate_assignment=True, defer_build=True)
GOOD_RATING = 8
"""A rating under this asks for a one-line why."""


class SectionKind(StrEnum):
    """What a section of the agenda shows; each kind has one panel in the meeting screen."""

    SEGUE = "segue"
    SCORECARD = "scorecard"
    ROCKS = "rocks"
    HEADLINES = "headlines"
    TODOS = "todos"
    IDS = "ids"
    CONCLUDE = "conclude"
    PEOPLE = "people"
    NOTES = "notes"
    QUARTER_REVIEW = "quarter-review"
    NEXT_ROCKS = "next-rocks"
    VTO = "vto"


class MeetingSection(BaseModel):
    """One agenda section as run: its budget, the time spent in it, and free notes typed there."""

    model_config = STRICT
    name: Name
    kind: SectionKind = SectionKind.NOTES
    budget_minutes: int = Field(ge=0, le=24 * 60)
    elapsed_seconds: float = Field(default=0.0, ge=0)
    notes: Text = ""
    prompt: Text = ""


class AgendaSection(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)
    name: Name
    kind: SectionKind
    minutes: int = Field(ge=0, le=24 * 60)
    prompt: Text = ""


class AgendaTemplate(BaseModel):
    """A meeting's agenda as a team picks it: its sections in order, and whether attendees rate it."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,40}$")]
    name: Name
    meeting_kind: str = "weekly"
    description: Text = ""
    ratings: bool = True
    sections: list[AgendaSection] = Field(min_length=1, max_length=30)

    @property
    def minutes(self) -> int:
        return sum(section.minutes for section in self.sections)

    def meeting_sections(self) -> list[MeetingSection]:
        return [
            MeetingSection(name=s.name, kind=s.kind, budget_minutes=s.minutes, prompt=s.prompt) for s in self.sections
        ]


class Rating(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, defer_build=True)
    person_id: str
    score: int = Field(ge=1, le=10)
    why: Text = ""


class SegueLine(BaseModel):
    """One person's good news, personal and professional, from the Segue."""

    model_config = STRICT
    person_id: str
    text: Text = ""


class IdsOutcome(StrEnum):
    OPEN = ""
    SOLVED = "solved"
    LONG_TERM = "long-term"
    DROPPED = "dropped"


class IdsWork(BaseModel):
    """One issue worked in IDS: its own clock and the notes typed while identifying and discussing it."""

    model_config = STRICT
    issue_id: str
    identify: Text = ""
    discuss: Text = ""
    seconds: float = Field(default=0.0, ge=0)
    outcome: IdsOutcome = IdsOutcome.OPEN


class Cascade(BaseModel):
    """A message the meeting sends on: it appears in each named team's next Headlines."""

    model_config = STRICT
    text: Title
    team_ids: list[str] = Field(default_factory=list)

    @field_validator("team_ids")
    @classmethod
    def _unique(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))


class MinutesNumber(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, defer_build=True)
    measurable_id: str
    title: str
    owner: str
    goal: str
    value: str
    on_goal: bool | None = None


class MinutesRock(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)
    rock_id: str
    title: str
    owner: str
    status: str


class MinutesTodo(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)
    todo_id: str
    title: str
    owner: str
    due: date
    done: bool = False


class MinutesIssue(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)
    issue_id: str
    title: str
    outcome: IdsOutcome
    decision: str = ""
    todo_ids: list[str] = Field(default_factory=list)


class MinutesHeadline(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)
    headline_id: str
    text: str
    kind: str
    by: str = ""
    good: bool = True
    dropped_to: str | None = None


class MinutesQuarterClose(BaseModel):
    """The quarter a quarterly session closed as it ended, and what the close decided (rock ids)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    quarter: str
    done: list[str] = Field(default_factory=list)
    not_done: list[str] = Field(default_factory=list)
    carried: list[tuple[str, str]] = Field(default_factory=list)


class Minutes(BaseModel):
    """What the meeting saw and decided, frozen when it ended."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, defer_build=True)
    week: date
    attendees: list[str] = Field(default_factory=list)
    absent: list[str] = Field(default_factory=list)
    scorecard: list[MinutesNumber] = Field(default_factory=list)
    rocks: list[MinutesRock] = Field(default_factory=list)
    headlines: list[MinutesHeadline] = Field(default_factory=list)
    todos_reviewed: list[MinutesTodo] = Field(default_factory=list)
    issues: list[MinutesIssue] = Field(default_factory=list)
    new_todos: list[MinutesTodo] = Field(default_factory=list)
    raised_issue_ids: list[str] = Field(default_factory=list)
    quarter_closed: MinutesQuarterClose | None = None

    @property
    def todos_done(self) -> int:
        return sum(1 for todo in self.todos_reviewed if todo.done)

    @property
    def todo_rate(self) -> float | None:
        return self.todos_done / len(self.todos_reviewed) if self.todos_reviewed else None


def rating_text(average: float) -> str:
    """An average rating to one decimal, halves rounded up as people do (8.25 reads 8.3, not 8.2)."""
    from decimal import ROUND_HALF_UP, Decimal

    return str(Decimal(repr(average)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))

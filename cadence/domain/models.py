"""The records of a workspace, one pydantic model per kind.

Every field a person types is validated here, so the CLI, the TUI and the
store all refuse the same bad input with the same message. Text is kept
exactly as typed (only outer whitespace is trimmed); showing it safely is the
display's job. Dates are plain ``datetime.date`` (pendulum stays at the edges).
"""

# No ``from __future__ import annotations`` here: pydantic would have to evaluate every field's
# annotation from a string when each model is built, which costs start-up time in every command.

from datetime import date, datetime, time
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from cadence.domain.goals import Goal
from cadence.domain.ids import MILESTONE_ID, MILESTONE_PREFIX, Kind
from cadence.domain.meeting_parts import Cascade, IdsWork, MeetingSection, Minutes, Rating, SegueLine
from cadence.domain.units import Unit

SCHEMA_VERSION = 6
"""2: milestones have ids (MS-n), so an edit aimed at one never lands on another.
3: meetings keep their agenda kinds, segue, IDS work, cascades to teams and minutes; teams their meeting slot.
4: measurables have a frequency (weekly, monthly, quarterly); a score's ``week`` is its period's first day;
   to-dos may hold details.
5: the People analyzer (ratings, PA-n) and quarterly conversations (QC-n); ``_meta.analyzer_bar``.
6: ``_meta.closed_quarters``: each close of a quarter and what it decided; minutes say which quarter a session
   closed."""

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Text = Annotated[str, StringConstraints(max_length=20000)]
QuarterLabel = Annotated[str, StringConstraints(pattern=r"^\d{4}-Q[1-4]$")]


MODELS: "dict[Kind, type[Record]]" = {}
"""Each kind's model, in the order of ``Kind``; filled as the models below are defined."""


class Record(BaseModel):
    """Base of every stored record: strict about unknown fields, ids checked against the kind."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, validate_assignment=True)
    kind: ClassVar[Kind]

    id: str

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        """A model that names its own ``kind`` is that kind's model: ``MODELS`` is filled from here."""
        super().__pydantic_init_subclass__(**kwargs)
        if "kind" in cls.__dict__:
            if cls.kind in MODELS:
                raise TypeError(f"{cls.__name__}: {cls.kind.name} already has a model ({MODELS[cls.kind].__name__})")
            MODELS[cls.kind] = cls

    @field_validator("id")
    @classmethod
    def _id_has_kind_prefix(cls, value: str) -> str:
        prefix = cls.kind.prefix + "-"
        if not value.startswith(prefix) or not value[len(prefix) :].isdigit():
            raise ValueError(f"id must look like {prefix}12, got {value!r}")
        return value


class Role(StrEnum):
    VISIONARY = "visionary"
    INTEGRATOR = "integrator"
    MEMBER = "member"


class Person(Record):
    kind: ClassVar[Kind] = Kind.PERSON
    name: Name
    role: Role = Role.MEMBER
    email: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] = ""
    active: bool = True


class Team(Record):
    kind: ClassVar[Kind] = Kind.TEAM
    name: Name
    member_ids: list[str] = Field(default_factory=list)
    leadership: bool = False
    meeting_day: int | None = Field(default=None, ge=0, le=6)
    meeting_time: time | None = None
    agenda: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,40}$")] = "weekly"


class RockStatus(StrEnum):
    ON_TRACK = "on-track"
    OFF_TRACK = "off-track"
    DONE = "done"
    NOT_DONE = "not-done"


class Milestone(BaseModel):
    """A step of a rock, addressed by its own id (``MS-4``, from a workspace counter, never reused).

    Not by its place in the list: another session may delete or add one in
    between, and a tick or delete must still land on the milestone the user saw.
    """

    # Validated inside Rock's schema when read; its own validator is built on first direct use.
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, validate_assignment=True, defer_build=True)
    id: str
    title: Title
    due: date | None = None
    done: bool = False
    todo_id: str | None = None
    """The to-do the milestone rule made for it (``cadence.store.actions.quarters``): made once, never again."""

    @field_validator("id")
    @classmethod
    def _id_is_a_milestone_id(cls, value: str) -> str:
        if not MILESTONE_ID.fullmatch(value):
            raise ValueError(f"id must look like {MILESTONE_PREFIX}-3, got {value!r}")
        return value


class Rock(Record):
    kind: ClassVar[Kind] = Kind.ROCK
    title: Title
    owner_id: str
    quarter: QuarterLabel
    company: bool = False
    team_id: str | None = None
    status: RockStatus = RockStatus.ON_TRACK
    due: date | None = None
    description: Text = ""
    milestones: list[Milestone] = Field(default_factory=list)
    created: date

    @model_validator(mode="after")
    def _milestone_ids_unique(self) -> Self:
        seen: set[str] = set()
        for milestone in self.milestones:
            if milestone.id in seen:
                raise ValueError(f"milestone id {milestone.id} is used twice")
            seen.add(milestone.id)
        return self

    def milestone(self, milestone_id: str) -> Milestone | None:
        return next((item for item in self.milestones if item.id == milestone_id), None)


class Aggregate(StrEnum):
    SUM = "sum"
    AVERAGE = "average"


class Frequency(StrEnum):
    """How often a measurable is counted. Most are weekly; some numbers only make sense per month
    (revenue booked) or per quarter (an NPS survey), and the web tools keep those in their own tabs."""

    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"


class GoalChange(BaseModel):
    """A goal that applies from ``week`` (a week start) on, until the next change."""

    # Validated inside Measurable's schema when read; its own validator is built on first direct use.
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, defer_build=True)
    week: date
    goal: Goal


class Measurable(Record):
    """A number on the Scorecard, with one owner and a goal that can change over time.

    Goal history: ``goal`` is the goal that applied *before the first change*.
    Changing the goal "from week W" appends ``GoalChange(W, new_goal)`` to
    ``goal_history`` (``actions.change_goal``), so every week before W keeps
    the goal it had and is still judged by it; ``goal_for_week`` finds the
    goal in force for any week. A change for a week that already has one
    replaces it, and changes dated after W are superseded (dropped): "from W
    on" means from W on. ``goal`` itself is never rewritten by a change.
    """

    kind: ClassVar[Kind] = Kind.MEASURABLE
    title: Title
    owner_id: str
    team_id: str | None = None
    unit: Unit = Unit.NUMBER
    goal: Goal
    goal_history: list[GoalChange] = Field(default_factory=list)
    aggregate: Aggregate = Aggregate.SUM
    order: int = 0
    archived: bool = False
    frequency: Frequency = Frequency.WEEKLY
    description: Text = ""

    def goal_for_week(self, week: date) -> Goal:
        """The goal in force for ``week``: the latest change on or before it, else the base goal."""
        current = self.goal
        for change in sorted(self.goal_history, key=lambda item: item.week):
            if change.week <= week:
                current = change.goal
        return current


class Score(Record):
    """One value of a measurable for one period. ``week`` is the period's first day: a week start for a
    weekly measurable, the 1st of the month for a monthly one, the fiscal quarter's first day for a
    quarterly one (``cadence.domain.scorecard.period_start``). The name stays ``week`` so files keep
    their shape."""

    kind: ClassVar[Kind] = Kind.SCORE
    measurable_id: str
    week: date
    value: float
    note: Text = ""

    @field_validator("value")
    @classmethod
    def _finite(cls, value: float) -> float:
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("value must be a finite number")
        return value


class IssueTerm(StrEnum):
    SHORT = "short"
    LONG = "long"


class IssueStatus(StrEnum):
    OPEN = "open"
    SOLVED = "solved"
    DROPPED = "dropped"


class Issue(Record):
    kind: ClassVar[Kind] = Kind.ISSUE
    title: Title
    owner_id: str | None = None
    team_id: str | None = None
    term: IssueTerm = IssueTerm.SHORT
    status: IssueStatus = IssueStatus.OPEN
    rank: int | None = Field(default=None, ge=1, le=3)
    description: Text = ""
    root_cause: Text = ""
    decision: Text = ""
    source: str = ""
    created: date
    closed: date | None = None

    @model_validator(mode="after")
    def _solved_has_decision(self) -> Self:
        if self.status is IssueStatus.SOLVED and not self.decision.strip():
            raise ValueError("a solved issue needs its decision")
        return self


class Todo(Record):
    kind: ClassVar[Kind] = Kind.TODO
    title: Title
    owner_id: str
    team_id: str | None = None
    due: date
    done: bool = False
    done_on: date | None = None
    source: str = ""
    created: date
    details: Text = ""
    """More than the title says (web tools keep a to-do's "Details"; an import must not lose them)."""


class HeadlineKind(StrEnum):
    CUSTOMER = "customer"
    EMPLOYEE = "employee"
    CASCADE = "cascade"


class Headline(Record):
    kind: ClassVar[Kind] = Kind.HEADLINE
    text: Title
    headline_kind: HeadlineKind
    by_id: str | None = None
    team_id: str | None = None
    good: bool = True
    created: date
    dropped_to: str | None = None


class MeetingKind(StrEnum):
    WEEKLY = "weekly"
    SAME_PAGE = "same-page"
    QUARTERLY = "quarterly"
    ANNUAL = "annual"
    SOLO = "solo"


class Meeting(Record):
    """A meeting, running or finished. Its clock is wall-clock time with explicit pauses.

    ``running_since`` is when the current section's clock last started (None
    while paused or ended); a section's time is its ``elapsed_seconds`` plus,
    for the current one, the time since then. Everything typed in the meeting
    is kept here as it is typed, so a killed terminal loses nothing.
    """

    kind: ClassVar[Kind] = Kind.MEETING
    team_id: str | None = None
    meeting_kind: MeetingKind = MeetingKind.WEEKLY
    agenda: str = ""
    title: Title = "Weekly meeting"
    started_at: datetime
    ended_at: datetime | None = None
    sections: list[MeetingSection] = Field(default_factory=list)
    current: int = Field(default=0, ge=0)
    running_since: datetime | None = None
    ratings_on: bool = True
    driver: Annotated[str, StringConstraints(max_length=200)] = ""
    attendee_ids: list[str] = Field(default_factory=list)
    absent_ids: list[str] = Field(default_factory=list)
    segue: list[SegueLine] = Field(default_factory=list)
    ids_work: list[IdsWork] = Field(default_factory=list)
    ids_current: str | None = None
    ids_since: datetime | None = None
    ratings: list[Rating] = Field(default_factory=list)
    notes: Text = ""
    cascading: list[Cascade] = Field(default_factory=list)
    new_todo_ids: list[str] = Field(default_factory=list)
    counters_at_start: dict[str, int] = Field(default_factory=dict)
    review_since: date | None = None
    minutes: Minutes | None = None

    @property
    def finished(self) -> bool:
        return self.ended_at is not None

    @property
    def paused(self) -> bool:
        return self.ended_at is None and self.running_since is None

    @property
    def average_rating(self) -> float | None:
        return sum(r.score for r in self.ratings) / len(self.ratings) if self.ratings else None


class Vision(Record):
    """The V/TO: one per workspace (id ``V-1``), or one per team."""

    kind: ClassVar[Kind] = Kind.VISION
    team_id: str | None = None
    core_values: list[Title] = Field(default_factory=list)
    core_focus_purpose: Text = ""
    core_focus_niche: Text = ""
    ten_year_target: Text = ""
    target_market: Text = ""
    three_uniques: list[Title] = Field(default_factory=list)
    proven_process: Text = ""
    guarantee: Text = ""
    three_year_picture: Text = ""
    one_year_plan: Text = ""


class SeatKind(StrEnum):
    VISIONARY = "visionary"
    INTEGRATOR = "integrator"
    FUNCTION = "function"


class Seat(Record):
    kind: ClassVar[Kind] = Kind.SEAT
    name: Name
    seat_kind: SeatKind = SeatKind.FUNCTION
    roles: list[Title] = Field(default_factory=list)
    person_ids: list[str] = Field(default_factory=list)
    parent_id: str | None = None


class Process(Record):
    kind: ClassVar[Kind] = Kind.PROCESS
    name: Name
    owner_id: str | None = None
    steps: list[Title] = Field(default_factory=list)
    documented: bool = False
    followed_by_all: bool = False


class ValueMark(StrEnum):
    """A person against one core value: lives it, sometimes, does not."""

    PLUS = "+"
    MIXED = "+/-"
    MINUS = "-"


class PeopleRating(Record):
    """One person's People analyzer row for one quarter: a mark per core value, and Gets it / Wants it /
    Capacity to do it (``None`` until asked). Marks are keyed by the value's name as it read when rated, so
    a value renamed or dropped later keeps old quarters readable."""

    kind: ClassVar[Kind] = Kind.RATING
    person_id: str
    quarter: QuarterLabel
    marks: dict[Title, ValueMark] = Field(default_factory=dict)
    gets_it: bool | None = None
    wants_it: bool | None = None
    capacity: bool | None = None


class Conversation(Record):
    """A quarterly conversation: the 1:1 a manager and a person have once a quarter, written down."""

    kind: ClassVar[Kind] = Kind.CONVERSATION
    person_id: str
    quarter: QuarterLabel
    working: Text = ""
    not_working: Text = ""
    core_values: Text = ""
    gwc: Text = ""
    rocks: Text = ""
    updated: date | None = None


class AnalyzerBar(BaseModel):
    """The bar ("right person, right seat"): at most ``max_mixed`` values rated ``+/-``, at most ``max_minus``
    rated ``-``, every current value rated, and Gets it, Wants it and Capacity all yes. The default (one
    ``+/-``, no ``-``) is the bar Traction's examples draw."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)
    max_mixed: int = Field(default=1, ge=0, le=50)
    max_minus: int = Field(default=0, ge=0, le=50)


class QuarterClosing(BaseModel):
    """One close of a quarter (at a quarterly session's end or ``cadence quarter close``) and what it decided.

    Kept so the workspace can say a quarter is closed, when and where, and so the decisions (which rock was
    carried into which new rock) can be read back after the rocks themselves are archived. ``team_id`` None
    is a close of the whole workspace; a team's close covers its own rocks (a leadership team's, the company
    rocks too)."""

    model_config = ConfigDict(extra="forbid")
    quarter: QuarterLabel
    team_id: str | None = None
    closed_on: date
    meeting_id: str | None = None
    done: list[str] = Field(default_factory=list)
    not_done: list[str] = Field(default_factory=list)
    carried: list[tuple[str, str]] = Field(default_factory=list)
    """(the rock carried, the new rock in the next quarter)"""


class Meta(BaseModel):
    """Workspace-wide settings, the schema version and the id counters."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, validate_assignment=True)
    schema_version: int = Field(default=SCHEMA_VERSION, ge=1)
    company: Name = "My company"
    week_start_day: int = Field(default=0, ge=0, le=6)
    fiscal_start_month: int = Field(default=1, ge=1, le=12)
    meeting_day: int = Field(default=1, ge=0, le=6)
    meeting_time: time = time(9, 0)
    meeting_minutes: int = Field(default=90, ge=5, le=600)
    counters: dict[str, int] = Field(default_factory=dict)
    analyzer_bar: AnalyzerBar = Field(default_factory=AnalyzerBar)
    milestone_todos: bool = False
    """Milestones due in the coming week become to-dos for their rock's owner (``cadence quarter milestone-todos``).
    On in every workspace made from now on (``Workspace.create``); off in a file from before, which should not
    start making to-dos nobody asked for."""
    closed_quarters: list[QuarterClosing] = Field(default_factory=list, max_length=10000)
    """Every close of a quarter, oldest first (``cadence quarter close``, a quarterly session's end)."""


_missing = [kind.name for kind in Kind if kind not in MODELS]
if _missing:  # pragma: no cover - a new Kind without its model is a programming error caught on import
    raise TypeError(f"no model for {', '.join(_missing)}: add a Record subclass with kind = Kind.<name>")
_in_kind_order = {kind: MODELS[kind] for kind in Kind}
MODELS.clear()
MODELS.update(_in_kind_order)

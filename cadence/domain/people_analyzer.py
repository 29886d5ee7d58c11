"""The People analyzer's rules: marks against core values, Gets it / Wants it / Capacity, and the bar.

Pure: it takes the records and the V/TO's core values and says what the grid
shows and who meets the bar ("right person, right seat"). The store's actions
write the ratings; the CLI and the TUI both read the grid from here, so they
agree on every flag.

The bar (``AnalyzerBar``, set per workspace): a person meets it when every
current core value is rated, at most ``max_mixed`` are ``+/-``, at most
``max_minus`` are ``-``, and Gets it, Wants it and Capacity are all yes.
Defaults: one ``+/-``, no ``-``.

Marks are stored by the value's name as it read when rated. A value renamed
or dropped later leaves its old marks readable under the old name (a "former
value"); the bar is judged on the current values only.
"""

from __future__ import annotations

from dataclasses import dataclass

from cadence.domain.models import AnalyzerBar, PeopleRating, Person, ValueMark

MARK_WORDS: dict[str, ValueMark] = {
    "+": ValueMark.PLUS,
    "plus": ValueMark.PLUS,
    "+/-": ValueMark.MIXED,
    "+-": ValueMark.MIXED,
    "±": ValueMark.MIXED,
    "~": ValueMark.MIXED,
    "=": ValueMark.MIXED,
    "mixed": ValueMark.MIXED,
    "-": ValueMark.MINUS,
    "minus": ValueMark.MINUS,
}
"""What a person may type for a mark (the CLI and the keys): ``+``, ``+/-`` (or ``~``, ``=``), ``-``."""

CLEAR_WORDS = frozenset({"clear", "unset", "none"})
"""What takes a cell back to unrated (``cadence analyzer rate PERSON VALUE clear``); ``-`` is a mark, not a clear."""

GWC_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("gets_it", "G", "Gets it"),
    ("wants_it", "W", "Wants it"),
    ("capacity", "C", "Capacity to do it"),
)
"""Each GWC field of a rating: its field name, its column header, its full name."""


def parse_mark(text: str) -> ValueMark:
    """``+``, ``+/-`` (``~``, ``=``, ``+-``), ``-``, or the words plus/mixed/minus; ``ValueError`` otherwise."""
    mark = MARK_WORDS.get(text.strip().casefold())
    if mark is None:
        raise ValueError(f"{text.strip()!r} is not a rating (one of: +, +/-, -)")
    return mark


def value_header(index: int) -> str:
    """A value's short column header at 80 columns: ``V1``, ``V2``... (the legend gives the full names)."""
    return f"V{index + 1}"


def legend(values: list[str]) -> str:
    """One line naming each value's column: ``V1 Honest · V2 Helpful``."""
    return " · ".join(f"{value_header(index)} {name}" for index, name in enumerate(values))


def mark_for(rating: PeopleRating | None, value: str) -> ValueMark | None:
    """The mark for ``value`` (matched by name, any case), or ``None`` if not rated."""
    if rating is None:
        return None
    folded = value.casefold()
    return next((mark for name, mark in rating.marks.items() if name.casefold() == folded), None)


def former_marks(rating: PeopleRating | None, values: list[str]) -> dict[str, ValueMark]:
    """Marks kept under a name that is no longer a core value (renamed or dropped since)."""
    if rating is None:
        return {}
    current = {value.casefold() for value in values}
    return {name: mark for name, mark in rating.marks.items() if name.casefold() not in current}


def gwc_text(answer: bool | None) -> str:
    return "" if answer is None else ("Y" if answer else "N")


@dataclass(frozen=True)
class Verdict:
    """Whether a row meets the bar, and if not, every reason in words. ``rated`` is False for a person with
    no rating that quarter: not a judgement yet, so the grid shows ``-`` rather than ``no`` (at the start of
    a quarter a column of "no" would read as a team below the bar)."""

    meets: bool
    reasons: tuple[str, ...]
    rated: bool = True

    @property
    def word(self) -> str:
        """``yes``, ``no``, or ``-`` (not rated that quarter)."""
        return "yes" if self.meets else "no" if self.rated else "-"


NOT_RATED = "not rated this quarter"


def judge(rating: PeopleRating | None, values: list[str], bar: AnalyzerBar) -> Verdict:
    """Does this rating meet the bar against the current ``values``? (Unrated cells do not meet it; no rating at
    all is ``rated`` False, not a verdict.)"""
    if rating is None:
        return Verdict(meets=False, reasons=(NOT_RATED,), rated=False)
    reasons: list[str] = []
    marks = [mark_for(rating, value) for value in values]
    unrated = sum(1 for mark in marks if mark is None)
    mixed = sum(1 for mark in marks if mark is ValueMark.MIXED)
    minus = sum(1 for mark in marks if mark is ValueMark.MINUS)
    if unrated:
        reasons.append(f"{unrated} value{'s' if unrated != 1 else ''} not rated")
    if mixed > bar.max_mixed:
        reasons.append(f"{mixed} rated +/- (the bar allows {bar.max_mixed})")
    if minus > bar.max_minus:
        reasons.append(f"{minus} rated - (the bar allows {bar.max_minus})")
    for field, _header, name in GWC_FIELDS:
        answer = getattr(rating, field) if rating is not None else None
        if answer is not True:
            reasons.append(f"{name}: {'not answered' if answer is None else 'no'}")
    return Verdict(meets=not reasons, reasons=tuple(reasons))


def bar_rule(bar: AnalyzerBar) -> str:
    """The bar in words, for the screen and ``cadence analyzer show``."""
    return (
        f"the bar: every value rated, at most {bar.max_mixed} +/-, at most {bar.max_minus} -, "
        "and Gets it, Wants it, Capacity all yes"
    )


@dataclass(frozen=True)
class GridRow:
    """One person's row of the grid for a quarter."""

    person: Person
    rating: PeopleRating | None
    marks: tuple[ValueMark | None, ...]
    gwc: tuple[bool | None, bool | None, bool | None]
    verdict: Verdict
    former: dict[str, ValueMark]


def grid(
    people: list[Person], ratings: list[PeopleRating], quarter: str, values: list[str], bar: AnalyzerBar
) -> list[GridRow]:
    """The quarter's grid: every active person, and anyone inactive who was rated that quarter, by name."""
    of_quarter = {rating.person_id: rating for rating in ratings if rating.quarter == quarter}
    shown = [person for person in people if person.active or person.id in of_quarter]
    rows = []
    for person in sorted(shown, key=lambda item: (item.name.casefold(), item.id)):
        rating = of_quarter.get(person.id)
        rows.append(
            GridRow(
                person=person,
                rating=rating,
                marks=tuple(mark_for(rating, value) for value in values),
                gwc=(
                    rating.gets_it if rating else None,
                    rating.wants_it if rating else None,
                    rating.capacity if rating else None,
                ),
                verdict=judge(rating, values, bar),
                former=former_marks(rating, values),
            )
        )
    return rows


def is_empty(rating: PeopleRating) -> bool:
    """True when a rating holds nothing: no mark (under any name) and no G, W or C answer."""
    return not rating.marks and all(getattr(rating, field) is None for field, _header, _name in GWC_FIELDS)


def history(ratings: list[PeopleRating], person_id: str) -> list[PeopleRating]:
    """A person's ratings, one per quarter, oldest first."""
    return sorted((rating for rating in ratings if rating.person_id == person_id), key=lambda item: item.quarter)

"""The People analyzer and quarterly conversations: the only way their records and the bar are written.

One rating and one conversation per person per quarter: the first change for
a quarter creates the record, later ones edit it; a rating whose last mark and
answer are cleared is removed, so the person reads as not rated that quarter
(the grid, ``cadence analyzer history``) as before it was ever touched. A core
value is named as the V/TO names it (any case) or by its 1-based number in the
V/TO's order; the mark is stored under the value's current name
(``cadence.domain.people_analyzer``).
The People panel's screens and ``cadence analyzer`` / ``cadence conversation``
call the same functions.
"""

from __future__ import annotations

from datetime import date

from cadence.domain.models import AnalyzerBar, Conversation, PeopleRating, Person
from cadence.domain.people_analyzer import CLEAR_WORDS, GWC_FIELDS, is_empty, parse_mark
from cadence.store.actions.fields import parse_quarter_field
from cadence.store.errors import InputError
from cadence.store.transaction import Transaction
from cadence.store.view import View

CONVERSATION_PARTS: tuple[tuple[str, str], ...] = (
    ("working", "What's working"),
    ("not_working", "What's not working"),
    ("core_values", "Core values"),
    ("gwc", "Gets it, wants it, capacity"),
    ("rocks", "Rocks"),
)
"""A conversation's parts in the order the talk goes: field name and heading."""


def core_values(view: View) -> list[str]:
    """The V/TO's core values in order (none until the V/TO has some)."""
    vision = view.vision()
    return list(vision.core_values) if vision is not None else []


def quarter_label(view: View, text: str | None, today: date) -> str:
    """``2026-Q4`` from what was typed, or this quarter."""
    return view.quarter_of(today).label if text is None or not text.strip() else parse_quarter_field(view, text)


def rating_of(view: View, person_id: str, quarter: str) -> PeopleRating | None:
    return next(
        (rating for rating in view.all_of(PeopleRating) if rating.person_id == person_id and rating.quarter == quarter),
        None,
    )


def conversation_of(view: View, person_id: str, quarter: str) -> Conversation | None:
    return next(
        (item for item in view.all_of(Conversation) if item.person_id == person_id and item.quarter == quarter), None
    )


def find_value(view: View, text: str) -> str:
    """A current core value by name (any case) or 1-based number; ``InputError`` naming the choices."""
    values = core_values(view)
    if not values:
        raise InputError("value: the V/TO has no core values yet (cadence vision set core-values ...)")
    wanted = text.strip()
    if wanted.isdigit() and 1 <= int(wanted) <= len(values):
        return values[int(wanted) - 1]
    for value in values:
        if value.casefold() == wanted.casefold():
            return value
    shown = ", ".join(f"{number} {value}" for number, value in enumerate(values, 1))
    raise InputError(f"value: {wanted!r} is not a core value (one of: {shown})")


def _person(tx: Transaction, person_text: str) -> Person:
    return tx.find_person(person_text)


def _rating(tx: Transaction, person: Person, quarter: str) -> PeopleRating:
    return rating_of(tx, person.id, quarter) or tx.add(PeopleRating, person_id=person.id, quarter=quarter)


def _save_or_drop(tx: Transaction, rating: PeopleRating, **changes: object) -> PeopleRating | None:
    """Save the changes; a rating left holding nothing is deleted (``None``: not rated that quarter)."""
    saved = tx.save(rating, **changes)
    if is_empty(saved):
        tx.delete(saved)
        return None
    return saved


def rate_value(
    tx: Transaction, person_text: str, value_text: str, mark_text: str, today: date, quarter: str | None = None
) -> PeopleRating:
    """Mark one person against one core value for the quarter (``+``, ``+/-``, ``-``); ``clear_value`` unrates."""
    person = _person(tx, person_text)
    value = find_value(tx, value_text)
    try:
        mark = parse_mark(mark_text)
    except ValueError as error:
        raise InputError(f"rating: {error}") from None
    label = quarter_label(tx, quarter, today)
    rating = _rating(tx, person, label)
    marks = {name: kept for name, kept in rating.marks.items() if name.casefold() != value.casefold()}
    return tx.save(rating, marks={**marks, value: mark})


def is_clear_word(text: str) -> bool:
    """``clear`` (or ``unset``, ``none``): what ``cadence analyzer rate PERSON VALUE`` takes to unrate a cell."""
    return text.strip().casefold() in CLEAR_WORDS


def clear_value(
    tx: Transaction, person_text: str, value_text: str, today: date, quarter: str | None = None
) -> PeopleRating | None:
    """Take one person's mark against one core value back to unrated for the quarter (a no-op if unrated).

    Returns the rating as it now reads, or ``None`` when the person has no rating that quarter any more
    (a rating left with nothing in it is removed from the file).
    """
    person = _person(tx, person_text)
    value = find_value(tx, value_text)
    label = quarter_label(tx, quarter, today)
    rating = rating_of(tx, person.id, label)
    if rating is None:
        return None
    marks = {name: kept for name, kept in rating.marks.items() if name.casefold() != value.casefold()}
    if marks == rating.marks:
        return rating
    return _save_or_drop(tx, rating, marks=marks)


def parse_yes_no(text: str, field: str) -> bool | None:
    """yes/no (y/n, true/false); ``-``, ``clear`` or ``unset`` clears the answer."""
    word = text.strip().casefold()
    if word in ("yes", "y", "true"):
        return True
    if word in ("no", "n", "false"):
        return False
    if word == "-" or word in CLEAR_WORDS:
        return None
    raise InputError(f"{field}: {text.strip()!r} is not yes or no (or '-' to clear)")


def set_gwc(
    tx: Transaction,
    person_text: str,
    today: date,
    quarter: str | None = None,
    **answers: bool | None,
) -> PeopleRating | None:
    """Set Gets it / Wants it / Capacity (``gets_it=True``, ``None`` clears); fields not given stay as they are.

    Returns the rating as saved, or ``None`` when the person has no rating that quarter any more (clearing the
    last answer of a rating with no marks removes it; clearing what was never answered writes nothing).
    """
    known = {field for field, _header, _name in GWC_FIELDS}
    unknown = sorted(set(answers) - known)
    if unknown:
        raise InputError(f"gwc: {unknown[0]!r} is not one of {', '.join(sorted(known))}")
    person = _person(tx, person_text)
    label = quarter_label(tx, quarter, today)
    rating = rating_of(tx, person.id, label)
    if rating is None and all(answer is None for answer in answers.values()):
        return None
    return _save_or_drop(tx, rating or _rating(tx, person, label), **answers)


def set_bar(tx: Transaction, max_mixed: int | None = None, max_minus: int | None = None) -> AnalyzerBar:
    """Set the workspace's bar; ``None`` leaves a part as it is. Returns the bar as saved."""
    bar = tx.meta.analyzer_bar.model_dump()
    if max_mixed is not None:
        bar["max_mixed"] = max_mixed
    if max_minus is not None:
        bar["max_minus"] = max_minus
    return tx.update_meta(analyzer_bar=bar).analyzer_bar


def set_conversation(
    tx: Transaction, person_text: str, today: date, quarter: str | None = None, **parts: str | None
) -> Conversation:
    """Write parts of a person's quarterly conversation (``working=...``); ``None`` leaves a part as it is."""
    known = {field for field, _title in CONVERSATION_PARTS}
    unknown = sorted(set(parts) - known)
    if unknown:
        raise InputError(f"part: {unknown[0]!r} is not one of {', '.join(field for field, _ in CONVERSATION_PARTS)}")
    person = _person(tx, person_text)
    label = quarter_label(tx, quarter, today)
    given = {field: text.strip() for field, text in parts.items() if text is not None}
    current = conversation_of(tx, person.id, label)
    if current is None:
        return tx.add(Conversation, person_id=person.id, quarter=label, updated=today, **given)
    return tx.save(current, updated=today, **given)

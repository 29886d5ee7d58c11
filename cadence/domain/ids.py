"""Short typed ids a person can say out loud: ``R-12``, ``I-40``, ``T-118``.

Each kind has its own prefix and its own counter (kept in the workspace's
``_meta`` table by the store).
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Self


class Kind(StrEnum):
    """A kind of record, declared once: its TinyDB table name (the value), its id prefix, its label.

    Everything else about a kind derives from this line and from its model in
    ``cadence.domain.models`` (which names its ``kind``): ``PREFIX``,
    ``kind_label``, ``models.MODELS``, the store's tables and typed lookups.
    """

    prefix: str
    label: str

    def __new__(cls, table: str, prefix: str, label: str) -> Self:
        member = str.__new__(cls, table)
        member._value_ = table
        member.prefix = prefix
        member.label = label
        return member

    @classmethod
    def of_table(cls, table: str) -> Kind:
        """The kind stored in that table; ``ValueError`` if none (``Kind(table)`` works too, untyped)."""
        for kind in cls:
            if kind.value == table:
                return kind
        raise ValueError(f"no kind of record is stored in table {table!r}")

    PERSON = ("people", "P", "person")
    TEAM = ("teams", "TM", "team")
    ROCK = ("rocks", "R", "rock")
    MEASURABLE = ("measurables", "M", "measurable")
    SCORE = ("scores", "S", "score")
    ISSUE = ("issues", "I", "issue")
    TODO = ("todos", "T", "to-do")
    HEADLINE = ("headlines", "H", "headline")
    MEETING = ("meetings", "MT", "meeting")
    VISION = ("vision", "V", "vision")
    SEAT = ("seats", "ST", "seat")
    PROCESS = ("processes", "PR", "process")
    RATING = ("ratings", "PA", "people analyzer rating")
    CONVERSATION = ("conversations", "QC", "quarterly conversation")


PREFIX: dict[Kind, str] = {kind: kind.prefix for kind in Kind}

# The workspace's own V/TO (others, if any, belong to a team).
WORKSPACE_VISION_ID = "V-1"

# Milestones live inside their rock but get ids from one workspace counter, so an id is never reused.
MILESTONE_PREFIX = "MS"
MILESTONE_COUNTER = "milestones"
MILESTONE_ID = re.compile(r"MS-\d{1,9}")

_ID = re.compile(r"^\s*([A-Za-z]{1,2})-?(\d{1,9})\s*$")


def make_id(kind: Kind, number: int) -> str:
    return f"{kind.prefix}-{number}"


def id_number(record_id: str) -> int:
    """The number of any id (``R-12`` -> 12, ``MS-3`` -> 3): the one place ids are taken apart."""
    prefix, dash, digits = record_id.partition("-")
    if dash and 0 < len(digits) <= 9 and digits.isascii() and digits.isdigit() and prefix.isascii():
        if 0 < len(prefix) <= 2 and prefix.isalpha():
            return int(digits)  # the stored form, taken apart without the regex (sorting calls this a lot)
    match = _ID.match(record_id)
    if not match:
        raise ValueError(f"not an id: {record_id!r}")
    return int(match.group(2))


def normalise_id(text: str, kind: Kind) -> str:
    """``r12``, ``R-12``, ``12`` -> ``R-12`` for a rock; raise if the prefix is another kind's."""
    cleaned = text.strip()
    if cleaned.isdigit():
        return make_id(kind, int(cleaned))
    match = _ID.match(cleaned)
    if not match or match.group(1).upper() != kind.prefix:
        raise ValueError(f"{text!r} is not a {kind.label} id (like {kind.prefix}-12)")
    return make_id(kind, int(match.group(2)))


def normalise_milestone_id(text: str) -> str:
    """``ms2``, ``MS-2``, ``2`` -> ``MS-2``."""
    cleaned = text.strip()
    if cleaned.isdigit():
        return f"{MILESTONE_PREFIX}-{int(cleaned)}"
    match = re.fullmatch(r"[Mm][Ss]-?(\d{1,9})", cleaned)
    if not match:
        raise ValueError(f"{text!r} is not a milestone id (like {MILESTONE_PREFIX}-3)")
    return f"{MILESTONE_PREFIX}-{int(match.group(1))}"


def kind_label(kind: Kind) -> str:
    return kind.label

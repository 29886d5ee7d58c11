"""Short typed ids a person can say out loud: ``R-12``, ``I-40``, ``T-118``.

Each kind has its own prefix and its own counter (kept in the workspace's
``_meta`` table by the store).
"""

from __future__ import annotations

import re
from enum import StrEnum


class Kind(StrEnum):
    """A kind of record; its value is the TinyDB table name."""

    PERSON = "people"
    TEAM = "teams"
    ROCK = "rocks"
    MEASURABLE = "measurables"
    SCORE = "scores"
    ISSUE = "issues"
    TODO = "todos"
    HEADLINE = "headlines"
    MEETING = "meetings"
    VISION = "vision"
    SEAT = "seats"
    PROCESS = "processes"


PREFIX: dict[Kind, str] = {
    Kind.PERSON: "P",
    Kind.TEAM: "TM",
    Kind.ROCK: "R",
    Kind.MEASURABLE: "M",
    Kind.SCORE: "S",
    Kind.ISSUE: "I",
    Kind.TODO: "T",
    Kind.HEADLINE: "H",
    Kind.MEETING: "MT",
    Kind.VISION: "V",
    Kind.SEAT: "ST",
    Kind.PROCESS: "PR",
}

# Milestones live inside their rock but get ids from one workspace counter, so an id is never reused.
MILESTONE_PREFIX = "MS"
MILESTONE_COUNTER = "milestones"
MILESTONE_ID = re.compile(r"MS-\d{1,9}")

_ID = re.compile(r"^\s*([A-Za-z]{1,2})-?(\d{1,9})\s*$")


def make_id(kind: Kind, number: int) -> str:
    return f"{PREFIX[kind]}-{number}"


def id_number(record_id: str) -> int:
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
    if not match or match.group(1).upper() != PREFIX[kind]:
        raise ValueError(f"{text!r} is not a {kind_label(kind)} id (like {PREFIX[kind]}-12)")
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
    return {
        Kind.PERSON: "person",
        Kind.TEAM: "team",
        Kind.ROCK: "rock",
        Kind.MEASURABLE: "measurable",
        Kind.SCORE: "score",
        Kind.ISSUE: "issue",
        Kind.TODO: "to-do",
        Kind.HEADLINE: "headline",
        Kind.MEETING: "meeting",
        Kind.VISION: "vision",
        Kind.SEAT: "seat",
        Kind.PROCESS: "process",
    }[kind]

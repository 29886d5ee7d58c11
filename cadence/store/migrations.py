"""Bring a workspace file written by an older cadence up to today's schema.

``MIGRATIONS[n]`` turns schema ``n`` into ``n + 1``; the workspace takes a
backup before running any. A file from a newer cadence is never migrated down:
it is opened read-only.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from cadence.domain.ids import MILESTONE_COUNTER, MILESTONE_PREFIX, Kind
from cadence.store.fileformat import META_DOC_ID, META_TABLE, RawTables

Migration = Callable[[RawTables], RawTables]


def milestone_ids(data: RawTables) -> RawTables:
    """1 -> 2: every milestone gets an id (``MS-1``, ``MS-2``... in rock order, then list order).

    The workspace counter ``milestones`` is set past the last one given, so
    later milestones never reuse an id.
    """
    number = 0
    rocks = data.get(Kind.ROCK.value, {})
    for doc_id in sorted(rocks, key=int):
        milestones = rocks[doc_id].get("milestones", [])
        for milestone in milestones if isinstance(milestones, list) else []:
            if not isinstance(milestone, dict):
                continue  # left for validation to report
            number += 1
            milestone["id"] = f"{MILESTONE_PREFIX}-{number}"
    meta = data[META_TABLE][META_DOC_ID]
    counters = meta.setdefault("counters", {})
    if isinstance(counters, dict):
        previous = counters.get(MILESTONE_COUNTER, 0)
        counters[MILESTONE_COUNTER] = max(number, previous if isinstance(previous, int) else 0)
    return data


SECTION_KINDS_BY_NAME = {
    "segue": "segue",
    "scorecard": "scorecard",
    "rock review": "rocks",
    "headlines": "headlines",
    "to-do list": "todos",
    "ids": "ids",
    "conclude": "conclude",
}


def meeting_parts(data: RawTables) -> RawTables:
    """2 -> 3: a meeting's cascading messages name the teams they go to, its sections say their kind.

    Old cascading messages were plain text sent nowhere in particular: they
    become messages to no team. A section's kind is guessed from its name
    (the weekly agenda's names), else it is a notes section.
    """
    for meeting in data.get(Kind.MEETING.value, {}).values():
        if not isinstance(meeting, dict):
            continue
        cascading = meeting.get("cascading")
        if isinstance(cascading, list):
            meeting["cascading"] = [
                {"text": item, "team_ids": []} if isinstance(item, str) else item for item in cascading
            ]
        sections = meeting.get("sections")
        for section in sections if isinstance(sections, list) else []:
            if isinstance(section, dict) and "kind" not in section and isinstance(section.get("name"), str):
                section["kind"] = SECTION_KINDS_BY_NAME.get(section["name"].strip().lower(), "notes")
    return data


def measurable_frequency(data: RawTables) -> RawTables:
    """3 -> 4: measurables gain a frequency; every existing one was weekly, which is the default,
    so nothing in the records changes. The version still moves on, so a cadence from before
    frequencies refuses to write a file that may hold monthly numbers it would misread."""
    return data


def people_analyzer(data: RawTables) -> RawTables:
    """4 -> 5: People analyzer ratings and quarterly conversations (two new tables, empty until used)
    and the workspace's bar (a ``_meta`` setting with its default). Nothing old changes shape; the version
    moves on so a cadence from before refuses to write a file whose ratings it would drop."""
    return data


def closed_quarters(data: RawTables) -> RawTables:
    """5 -> 6: ``_meta.closed_quarters`` records each close of a quarter; a file from before closed none (the
    default, an empty list). The version moves on so a cadence from before, which refuses a ``_meta`` field it
    does not know, says the file is newer instead of calling it damaged."""
    return data


# ``MIGRATIONS[n]`` turns schema ``n`` into ``n + 1``.
MIGRATIONS: dict[int, Migration] = {
    1: milestone_ids,
    2: meeting_parts,
    3: measurable_frequency,
    4: people_analyzer,
    5: closed_quarters,
}


def migrate(data: RawTables, from_version: int, to_version: int) -> RawTables:
    """Run each step in order on a copy; raise if a step is missing."""
    migrated = copy.deepcopy(data)
    for version in range(from_version, to_version):
        step = MIGRATIONS.get(version)
        if step is None:
            raise LookupError(f"no migration from schema {version} to {version + 1}")
        migrated = step(migrated)
        migrated[META_TABLE][META_DOC_ID]["schema_version"] = version + 1
    return migrated

"""Bring a workspace file written by an older cadence up to today's schema.

``MIGRATIONS[n]`` turns schema ``n`` into ``n + 1``; the workspace takes a
backup before running any. A file from a newer cadence is never migrated down:
it is opened read-only.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from cadence.store.fileformat import META_DOC_ID, META_TABLE, RawTables

Migration = Callable[[RawTables], RawTables]

# Schema 1 is the first; the next change to a stored record adds ``MIGRATIONS[1]``.
MIGRATIONS: dict[int, Migration] = {}


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

"""Which workspace files this user's cadence has already validated whole, by digest of their bytes.

Validating every record is most of what a command costs on a large workspace,
and a solo operator's file changes only by their own commands. A file whose
exact bytes were validated before (or written by a command that validated
everything it changed in a file known to be valid) need not be validated whole
again: its records are validated as they are used. Any other file, including
every change another member makes, is validated whole first.

The digests live in this user's own cache folder, never in the (maybe shared)
workspace: another member cannot vouch for a file on our behalf. They are tied
to this cadence's version and schema, so an upgrade validates afresh. Losing
the cache costs one full validation; it is written without fsync for that
reason, and any fault reading or writing it is ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from cadence import __version__
from cadence.domain.models import SCHEMA_VERSION

CACHE_FILE = "validated-files.json"
KEPT = 64
MAX_BYTES = 64 * 1024


def digest(payload: bytes) -> str:
    """Names exactly these bytes, as validated by exactly this cadence."""
    content = hashlib.sha256(payload).hexdigest()  # the fastest here: processors hash SHA-256 in hardware
    return f"{__version__}/{SCHEMA_VERSION}/{content}"


def cache_path() -> Path:
    from platformdirs import user_cache_dir

    return Path(os.environ.get("CADENCE_CACHE_DIR") or user_cache_dir("cadence")) / CACHE_FILE


def is_known_valid(file_digest: str) -> bool:
    return file_digest in _load()


def remember_valid(file_digest: str) -> None:
    """Keep ``file_digest`` among the last ``KEPT`` (best effort: a cache that cannot be written is skipped)."""
    known = [entry for entry in _load() if entry != file_digest][-(KEPT - 1) :] + [file_digest]
    path = cache_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".validated-")
    except OSError:
        return
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            json.dump(known, stream)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)  # a cache we could not write is simply not there


def _load() -> list[str]:
    try:
        with open(cache_path(), "rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
        entries = json.loads(raw) if len(raw) <= MAX_BYTES else []
    except (OSError, ValueError):
        return []
    if not isinstance(entries, list):
        return []
    return [entry for entry in entries if isinstance(entry, str)]

"""The workspaces the figures run on: the demo, the org and the org x2, generated once and cached.

The org and org x2 are built by ``tests.bench.generate`` with the same seed
(x2: ``--scale 2``, the same company with twice the history) into
``/tmp/cadence-bench/<seed>-<scale>-<code hash>[-live-only]/``; the hash covers
the store, the domain and the generator, so a change to any of them builds
afresh. ``--no-archive`` keeps every record in the live file (for "before"
figures, whose code knows no archives). Every figure works on its own copy,
so no figure sees another's writes.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tests.bench.runner import REPO

CACHE = Path("/tmp/cadence-bench")
HASHED = ("cadence/store", "cadence/domain", "tests/bench/generate.py", "tests/bench/prose.py")


@dataclass(frozen=True)
class Facts:
    """What the children need to know about a workspace, read from its live file."""

    company: str
    owner: str  # a person's name, for to-dos
    team_id: str  # the team with the most measurables (the largest scorecard)
    measurable_id: str  # that team's first weekly measurable
    open_issues: list[str]
    live_bytes: int
    archive_bytes: int


def code_hash() -> str:
    digest = hashlib.sha1()
    for name in HASHED:
        root = REPO / name
        for path in sorted(root.rglob("*.py")) if root.is_dir() else [root]:
            digest.update(str(path.relative_to(REPO)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def generated(seed: int, scale: float, archive: bool, log: list[str]) -> Path:
    """The cached org workspace of that seed and scale, built now if missing."""
    folder = CACHE / f"{seed}-{scale:g}-{code_hash()}{'' if archive else '-live-only'}"
    if (folder / "cadence.json").exists() and (folder / ".complete").exists():
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "tests.bench.generate", str(folder), "--scale", f"{scale:g}", "--seed", str(seed)]
    if not archive:
        command.append("--no-archive")
    started = time.perf_counter()
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=True)
    (folder / ".complete").write_text(done.stdout)
    log.append(f"generated {folder} in {time.perf_counter() - started:.0f} s:\n{done.stdout.rstrip()}")
    return folder


def demo() -> Path:
    return REPO / "data" / "demo"


def copy_of(source: Path, scratch: Path, name: str) -> Path:
    """A fresh copy of a workspace folder (live file and archives; no backups, no lock)."""
    target = scratch / name
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copy2(source / "cadence.json", target / "cadence.json")
    if (source / "archive").is_dir():
        shutil.copytree(source / "archive", target / "archive")
    return target


def facts(folder: Path) -> Facts:
    data = json.loads((folder / "cadence.json").read_bytes())
    people = {person["id"]: person for person in data["people"].values()}
    weekly = [
        m for m in data["measurables"].values() if not m.get("archived") and m.get("frequency", "weekly") == "weekly"
    ]
    per_team = Counter(m.get("team_id") for m in weekly)
    team_id = max(per_team, key=lambda team: (per_team[team], team is not None))
    measurable = min((m for m in weekly if m.get("team_id") == team_id), key=lambda m: int(m["id"].split("-")[1]))
    team = data["teams"].get(team_id.split("-")[1]) if team_id else None
    member = next((people[p] for p in (team or {}).get("member_ids", []) if people[p]["active"]), None)
    owner = (member or next(p for p in people.values() if p["active"]))["name"]
    archive = folder / "archive"
    return Facts(
        company=data["_meta"]["1"]["company"],
        owner=owner,
        team_id=team_id,
        measurable_id=measurable["id"],
        open_issues=sorted(
            (i["id"] for i in data["issues"].values() if i["status"] == "open"), key=lambda i: int(i.split("-")[1])
        ),
        live_bytes=(folder / "cadence.json").stat().st_size,
        archive_bytes=sum(p.stat().st_size for p in archive.glob("*.json")) if archive.is_dir() else 0,
    )

"""The seven figures of issue 13, each a ratio to a baseline measured in the same run (or an absolute limit).

Each figure function takes the ``Bench`` (runner, workspaces, runs) and returns
its rows. Cases are interleaved (A B A B ...) with one untimed warm-up round,
and every number is a median of ``runs``. The targets are the issue's.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.bench.runner import Runner, interleaved, median
from tests.bench.workspaces import Facts, copy_of, facts

IMPORT_FLOOR = "import pydantic, tinydb, pendulum, click"


@dataclass
class Row:
    key: str  # stable, for the JSON: "start.demo", "edit.app.add_todo", ...
    figure: str  # "1" .. "7"
    name: str
    measured: float
    unit: str  # "s", "ms", "MB", "%", "modules"
    target: str
    passed: bool
    baseline: float | None = None
    baseline_name: str = ""
    ratio: float | None = None
    samples: list[float] = field(default_factory=list)
    note: str = ""


def ratio_row(
    key: str,
    figure: str,
    name: str,
    measured: list[float],
    baseline: list[float],
    baseline_name: str,
    limit: float,
    unit: str = "s",
    note: str = "",
) -> Row:
    value, base = median(measured), median(baseline)
    ratio = value / base
    return Row(
        key, figure, name, value, unit, f"<= {limit:g}x", ratio <= limit, base, baseline_name, ratio, measured, note
    )


def limit_row(key: str, figure: str, name: str, measured: list[float], limit: float, unit: str, note: str = "") -> Row:
    value = median(measured)
    return Row(key, figure, name, value, unit, f"< {limit:g} {unit}", value < limit, samples=measured, note=note)


@dataclass
class Bench:
    runner: Runner
    sources: dict[str, Path]  # "demo", "org", "org x2" -> cached workspace folder (never written)
    runs: int
    idle_seconds: float
    scratch: Path
    arrow_moves: int = 500
    facts: dict[str, Facts] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.facts = {name: facts(folder) for name, folder in self.sources.items()}

    def copy(self, name: str, purpose: str) -> Path:
        return copy_of(self.sources[name], self.scratch, f"{purpose}-{name.replace(' ', '')}")


# 1 -----------------------------------------------------------------------------------------------


def start(bench: Bench) -> list[Row]:
    runner = bench.runner
    folders = {name: bench.copy(name, "start") for name in bench.sources}

    def first_frame(*args: str) -> Callable[[], float]:
        def case() -> float:
            done = runner.run(runner.child("first_frame.py", *args))
            return done.json()["seen"] - done.started_at

        return case

    cases = {"bare": first_frame("bare")}
    for name, folder in folders.items():
        cases[name] = first_frame("cadence", str(folder), bench.facts[name].company)
    got = interleaved(cases, bench.runs)
    bare = "bare Textual app"
    return [
        ratio_row("start.demo", "1", "start to first frame: demo", got["demo"], got["bare"], bare, 1.3),
        ratio_row("start.org", "1", "start to first frame: org", got["org"], got["bare"], bare, 1.5),
        ratio_row("start.org2", "1", "start to first frame: org x2 vs org", got["org x2"], got["org"], "org", 1.1),
    ]


# 2 -----------------------------------------------------------------------------------------------


def textual_modules(stderr: str) -> list[str]:
    """Modules named ``textual...`` in ``python -X importtime`` output."""
    return sorted({m.group(1) for m in re.finditer(r"\|\s+(textual(?:\.\S+)?)\s*$", stderr, re.MULTILINE)})


def cli(bench: Bench) -> list[Row]:
    runner = bench.runner
    folders = {name: bench.copy(name, "cli") for name in ("demo", "org")}
    counter = iter(range(10**6))

    def timed(command_for: Callable[[], list[str]]) -> Callable[[], float]:
        return lambda: runner.run(command_for()).seconds

    def add(name: str) -> Callable[[], list[str]]:
        owner = bench.facts[name].owner
        return lambda: runner.cadence(folders[name], "todo", "add", f"Bench to-do {next(counter)}", "--owner", owner)

    cases = {"floor": timed(lambda: [sys.executable, "-c", IMPORT_FLOOR])}
    for name, folder in folders.items():
        cases[f"list {name}"] = timed(lambda folder=folder: runner.cadence(folder, "todo", "list", "--json"))
        cases[f"add {name}"] = timed(add(name))
    got = interleaved(cases, bench.runs)
    floor = "import floor"
    rows = [
        ratio_row("cli.list.demo", "2", "CLI todo list --json: demo", got["list demo"], got["floor"], floor, 1.5),
        ratio_row("cli.list.org", "2", "CLI todo list --json: org", got["list org"], got["floor"], floor, 2.0),
        ratio_row("cli.add.demo", "2", "CLI todo add: demo", got["add demo"], got["floor"], floor, 1.5),
        ratio_row("cli.add.org", "2", "CLI todo add: org", got["add org"], got["floor"], floor, 2.0),
    ]
    imported: list[str] = []
    for command in (
        ["-X", "importtime", "-m", "cadence", "--workspace", str(folders["org"]), "todo", "list", "--json"],
        [
            "-X",
            "importtime",
            "-m",
            "cadence",
            "--workspace",
            str(folders["org"]),
            "todo",
            "add",
            "Bench import check",
            "--owner",
            bench.facts["org"].owner,
        ],
    ):
        imported += textual_modules(runner.run([sys.executable, *command]).stderr)
    rows.append(
        Row(
            "cli.no_textual",
            "2",
            "CLI todo list/add never import textual",
            float(len(set(imported))),
            "modules",
            "0 modules",
            not imported,
            note=", ".join(sorted(set(imported))[:5]),
        )
    )
    return rows


# 3 -----------------------------------------------------------------------------------------------

EDITS = ("add a to-do", "set a score", "solve an issue into two to-dos")
EDIT_KEYS = dict(zip(EDITS, ("add_todo", "set_score", "solve_issue"), strict=True))


def edits(bench: Bench) -> list[Row]:
    runner = bench.runner
    org = bench.facts["org"]
    warm = runner.run(
        runner.child("warm_edits.py", str(bench.copy("org", "warm")), org.owner, org.measurable_id, str(bench.runs))
    ).json()
    floor = "same bytes written"
    rows = [
        ratio_row(
            f"edit.app.{EDIT_KEYS[edit]}",
            "3",
            f"edit in the app (warm session), org: {edit}",
            warm[edit],
            warm["floor"],
            floor,
            2.0,
            "s",
        )
        for edit in EDITS
    ]
    folders = {name: bench.copy(name, "edits") for name in bench.sources}
    open_issues = {name: list(reversed(bench.facts[name].open_issues)) for name in folders}
    counter = iter(range(10**6))

    def command(name: str, edit: str) -> list[str]:
        folder, known = folders[name], bench.facts[name]
        if edit == "add a to-do":
            return runner.cadence(folder, "todo", "add", f"Bench to-do {next(counter)}", "--owner", known.owner)
        if edit == "set a score":
            return runner.cadence(folder, "score", "set", known.measurable_id, str(100 + next(counter)))
        if not open_issues[name]:
            raise RuntimeError(f"{name} has no open issue left to solve: use fewer --runs")
        return runner.cadence(
            folder,
            "issue",
            "solve",
            open_issues[name].pop(),
            "--decision",
            "Bench decision",
            "--todo",
            f"Bench follow-up@{known.owner}",
            "--todo",
            f"Bench check@{known.owner}",
        )

    cases = {
        f"{edit} | {name}": (lambda name=name, edit=edit: runner.run(command(name, edit)).seconds)
        for edit in EDITS
        for name in folders
    }
    got = interleaved(cases, bench.runs)
    for edit in EDITS:
        rows.append(
            ratio_row(
                f"edit.cli_org_vs_demo.{EDIT_KEYS[edit]}",
                "3",
                f"CLI edit, org vs demo: {edit}",
                got[f"{edit} | org"],
                got[f"{edit} | demo"],
                "the same on the demo",
                1.2,
            )
        )
    for edit in EDITS:
        rows.append(
            ratio_row(
                f"edit.cli_org2_vs_org.{EDIT_KEYS[edit]}",
                "3",
                f"CLI edit, org x2 vs org: {edit}",
                got[f"{edit} | org x2"],
                got[f"{edit} | org"],
                "the same on org",
                1.1,
            )
        )
    return rows


# 4 -----------------------------------------------------------------------------------------------


def keys(bench: Bench) -> list[Row]:
    runner = bench.runner
    folders = {name: bench.copy(name, "keys") for name in ("demo", "org")}
    results: dict[str, list[dict]] = {name: [] for name in folders}  # type: ignore[type-arg]

    def case(name: str) -> Callable[[], float]:
        def run() -> float:
            result = runner.run(
                runner.child("keys.py", str(folders[name]), bench.facts[name].team_id, str(bench.arrow_moves))
            ).json()
            results[name].append(result)
            return result["arrows"]

        return run

    interleaved({name: case(name) for name in folders}, bench.runs, warmup=False)  # each run is long; no warm-up
    arrows = {name: [r["arrows"] for r in rs] for name, rs in results.items()}
    sections = {name: [r["sections"] for r in rs] for name, rs in results.items()}
    team = bench.facts["org"].team_id
    return [
        ratio_row(
            "keys.arrows",
            "4",
            f"{bench.arrow_moves} arrow moves on the Scorecard ({team}): org vs demo",
            arrows["org"],
            arrows["demo"],
            "the same on the demo",
            1.1,
        ),
        ratio_row(
            "keys.sections",
            "4",
            "18 section switches: org vs demo",
            sections["org"],
            sections["demo"],
            "the same on the demo",
            1.1,
        ),
    ]


# 5 -----------------------------------------------------------------------------------------------


def memory(bench: Bench) -> list[Row]:
    runner = bench.runner
    folders = {name: bench.copy(name, "memory") for name in ("demo", "org")}

    def tui_peak(folder: Path) -> Callable[[], float]:
        return lambda: runner.run(runner.child("tour.py", str(folder))).json()["peak_kib"] / 1024

    def cli_peak(folder: Path) -> Callable[[], float]:
        command = runner.child("peak_rss.py", "cadence", "--workspace", str(folder), "todo", "list")
        return lambda: int(runner.run(command).stderr.rsplit("PEAK_KIB", 1)[1].split()[0]) / 1024

    cases = {}
    for name, folder in folders.items():
        cases[f"tui {name}"] = tui_peak(folder)
        cases[f"cli {name}"] = cli_peak(folder)
    got = interleaved(cases, min(bench.runs, 3), warmup=False)
    return [
        ratio_row(
            "memory.tui",
            "5",
            "peak RSS, TUI opened and toured: org vs demo",
            got["tui org"],
            got["tui demo"],
            "demo",
            1.5,
            "MB",
        ),
        ratio_row(
            "memory.cli",
            "5",
            "peak RSS, CLI todo list: org vs demo",
            got["cli org"],
            got["cli demo"],
            "demo",
            1.5,
            "MB",
        ),
    ]


# 6 -----------------------------------------------------------------------------------------------


def live(bench: Bench) -> list[Row]:
    runner = bench.runner
    folder = bench.copy("org", "live")
    owner = bench.facts["org"].owner
    results = []
    for run in range(bench.runs):
        title = f"Bench live to-do {run}"
        writer = runner.cadence(folder, "todo", "add", title, "--owner", owner)
        results.append(
            runner.run(
                runner.child("live.py", str(folder), title, f"{bench.idle_seconds:g}", json.dumps(writer))
            ).json()
        )
    stalls = [r["stall"] * 1000 for r in results]
    return [
        limit_row(
            "live.refresh",
            "6",
            "another process's write on screen (org)",
            [r["refresh"] for r in results],
            1.0,
            "s",
            "from the new file's mtime; the app polls about once a second",
        ),
        limit_row(
            "live.stall",
            "6",
            "longest event-loop stall while another process writes (org)",
            stalls,
            50.0,
            "ms",
            f"worst of {len(stalls)} runs: {max(stalls):.0f} ms",
        ),
        limit_row(
            "live.idle_cpu",
            "6",
            f"idle app CPU over {bench.idle_seconds:g} s (org)",
            [r["idle_cpu"] * 100 for r in results],
            1.0,
            "%",
            "CPU time / wall time of the app process",
        ),
    ]


# 7 -----------------------------------------------------------------------------------------------


def meeting(bench: Bench) -> list[Row]:
    runner = bench.runner
    presses = max(2 * bench.runs, 4)
    got = runner.run(runner.child("meeting_key.py", str(bench.copy("org", "meeting")), str(presses))).json()
    return [
        limit_row(
            "meeting.key_to_disk",
            "7",
            "meeting: a key (n/p) to the file on disk (org)",
            [t * 1000 for t in got["key_to_disk"]],
            100.0,
            "ms",
            f"median of {presses} presses",
        )
    ]


FIGURES: dict[str, Callable[[Bench], list[Row]]] = {
    "start": start,
    "cli": cli,
    "edits": edits,
    "keys": keys,
    "memory": memory,
    "live": live,
    "meeting": meeting,
}
"""The figures by name, in the issue's order (1-7); ``--only`` takes these names or numbers."""

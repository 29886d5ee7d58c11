"""``python -m tests.bench``: issue 13's figures, each against a baseline measured in the same run, as one table.

Usage: ``python -m tests.bench [--quick] [--runs N] [--json OUT.json] [--org DIR] [--only NAMES]
[--code DIR] [--no-archive] [--seed S] [--scale N]``.

The org and org x2 workspaces are generated once (``tests.bench.generate``, the
same seed; x2 = twice the history) and cached in /tmp/cadence-bench. Every
child process imports the code in ``--code DIR`` (default: this checkout), so
an older checkout measured on the same files gives "before" figures (use
``--no-archive`` there: it knows no archive files). ``--quick`` is a smoke test:
one round on a tiny org, numbers that mean nothing.

Exits 1 if a figure could not be measured at all; a figure that misses its
target is reported as FAIL, not as an error (timings on a shared machine are
noisy; this is a measuring tool, not a gate).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

from tests.bench import workspaces
from tests.bench.figures import FIGURES, Bench, Row
from tests.bench.report import table, write_json
from tests.bench.runner import TODAY, Runner

NUMBERS = {str(n): name for n, name in enumerate(FIGURES, start=1)}


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smoke test: one round, a tiny org, short idle")
    parser.add_argument("--runs", type=int, default=5, help="rounds per figure (median); default 5")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--org", type=Path, help="use this workspace as the org instead of generating one")
    parser.add_argument("--org2", type=Path, help="with --org: the org x2 workspace (else generated)")
    parser.add_argument("--only", help="comma-separated figures by number or name: " + ", ".join(FIGURES))
    parser.add_argument("--code", type=Path, help="the cadence checkout the children import (PYTHONPATH)")
    parser.add_argument("--no-archive", action="store_true", help="generated workspaces keep all history live")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--idle", type=float, default=10.0, help="seconds of idle CPU measured (figure 6)")
    options = parser.parse_args(argv)
    if options.quick:
        options.runs, options.idle, options.scale = 1, 1.0, options.scale if options.org else 0.02
    chosen = [NUMBERS.get(name.strip(), name.strip()) for name in (options.only or "").split(",") if name.strip()]
    unknown = [name for name in chosen if name not in FIGURES]
    if unknown:
        parser.error(f"--only: no figure {', '.join(unknown)} (known: {', '.join(FIGURES)} or 1-7)")
    options.figures = chosen or list(FIGURES)
    return options


def git_line(folder: Path) -> str:
    def git(*args: str) -> str:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True)
        return done.stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "not a git checkout"
    dirty = " + uncommitted changes" if git("status", "--porcelain", "--", "cadence") else ""
    return f"{folder} at {head}{dirty}"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def size_line(name: str, folder: Path, facts: workspaces.Facts, origin: str) -> str:
    archived = f" + archives {facts.archive_bytes / 1e6:.1f} MB" if facts.archive_bytes else ""
    return f"  {name:7} live file {facts.live_bytes / 1e6:.1f} MB{archived}  ({origin})"


def summary(error: Exception) -> str:
    """One line for the table: the error and the last line its child printed (the whole trace goes to stderr)."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    first = lines[0] if lines else ""
    last = f" ... {lines[-1]}" if len(lines) > 1 else ""
    return f"{type(error).__name__}: {first[:300]}{last[:300]}"


def main(argv: list[str] | None = None) -> int:
    options = parse(argv)
    log: list[str] = []
    scratch = Path(tempfile.mkdtemp(prefix="cadence-bench-run-"))
    try:
        archive = not options.no_archive
        org = options.org or workspaces.generated(options.seed, options.scale, archive, log)
        org2 = options.org2 or workspaces.generated(options.seed, options.scale * 2, archive, log)
        for line in log:
            print(line, file=sys.stderr)
        sources = {"demo": workspaces.demo(), "org": org, "org x2": org2}
        runner = Runner(options.code, scratch)
        bench = Bench(runner, sources, options.runs, options.idle, scratch, 40 if options.quick else 500)
        made = f"seed {options.seed}, generated with this checkout's store"
        origins = {
            "demo": "the bundled demo",
            "org": f"{org}" if options.org else f"tests.bench.generate --scale {options.scale:g}, {made}",
            "org x2": f"{org2}" if options.org2 else f"tests.bench.generate --scale {options.scale * 2:g}, {made}",
        }
        header = [
            f"cadence bench, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
            + ("  (--quick: a smoke test, the numbers mean nothing)" if options.quick else ""),
            f"machine: {cpu_model()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}; "
            f"load average at start {os.getloadavg()[0]:.1f} (other work on the machine makes every figure noisier)",
            f"code under test: {git_line(runner.code)}",
            f"runs: median of {options.runs}, cases interleaved (A B A B), one warm-up round; "
            f"day pinned to {TODAY} (CADENCE_TODAY)",
            "workspaces (org and org x2 from the same seed; x2 has twice the weeks of history):",
            *(size_line(name, folder, bench.facts[name], origins[name]) for name, folder in sources.items()),
            "baselines: bare Textual app = Header + DataTable of 30 rows + Footer, headless 80x24; import floor = "
            "python -c 'import pydantic, tinydb, pendulum, click'; same bytes written = the live file's bytes to a "
            "temp file + fsync + rename + folder fsync",
        ]
        print("\n".join(header), file=sys.stderr)
        rows: list[Row] = []
        errors: dict[str, str] = {}
        for name in options.figures:
            started = time.perf_counter()
            try:
                found = FIGURES[name](bench)
            except Exception as error:  # noqa: BLE001 - one figure failing must not hide the others
                errors[name] = summary(error)
                traceback.print_exc()
                continue
            rows.extend(found)
            print(f"  {name}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
        header.append(f"load average at the end {os.getloadavg()[0]:.1f}")
        print(table(header, rows, errors))
        if options.json:
            write_json(options.json, header, rows, errors)
        return 1 if errors else 0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

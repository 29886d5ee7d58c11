"""The one bench test the normal suite runs: ``python -m tests.bench --quick`` measures every figure and exits 0.

It asserts nothing about speed (one round on a tiny org on a shared machine
means nothing); only that every figure of issue 13 can still be measured and
lands in the JSON under its name, so the suite does not rot between the runs
that matter.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIGURE_KEYS = {
    "start.demo", "start.org", "start.org2",
    "cli.list.demo", "cli.list.org", "cli.add.demo", "cli.add.org", "cli.no_textual",
    "edit.app.add_todo", "edit.app.set_score", "edit.app.solve_issue",
    "edit.cli_org_vs_demo.add_todo", "edit.cli_org_vs_demo.set_score", "edit.cli_org_vs_demo.solve_issue",
    "edit.cli_org2_vs_org.add_todo", "edit.cli_org2_vs_org.set_score", "edit.cli_org2_vs_org.solve_issue",
    "keys.arrows", "keys.sections",
    "memory.tui", "memory.cli",
    "live.refresh", "live.stall", "live.idle_cpu",
    "meeting.key_to_disk",
}  # fmt: skip


def test_quick_bench_measures_every_figure(tmp_path: Path) -> None:
    report = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench", "--quick", "--json", str(report)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    measured = json.loads(report.read_text())
    assert measured["errors"] == {}
    assert {row["key"] for row in measured["figures"]} == FIGURE_KEYS
    assert "figures meet their target" in done.stdout

"""Open the app on a workspace folder (kept tiny so the CLI imports Textual only here)."""

from __future__ import annotations

from pathlib import Path


def run_tui(folder: Path) -> None:
    from cadence.tui.app import CadenceApp

    CadenceApp(folder).run()

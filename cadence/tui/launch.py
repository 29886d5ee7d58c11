"""Open the app on a workspace folder, or straight into a meeting (kept tiny so the CLI imports Textual only here)."""

from __future__ import annotations

from pathlib import Path


def run_tui(folder: Path, meeting: str | None = None) -> None:
    """``meeting``: a meeting id, or ``"running"`` (the picked team's running meeting, else any) to join it."""
    from cadence.tui.app import CadenceApp

    if meeting is None:
        CadenceApp(folder).run()
        return

    from cadence.tui.screens.meeting import join_meeting

    wanted = meeting

    class JoiningApp(CadenceApp):
        def on_ready(self) -> None:
            join_meeting(self, wanted)

    JoiningApp(folder).run()

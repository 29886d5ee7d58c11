"""The Vision editor opened over a quarterly or annual session (the V/TO section's ``v``).

The session reads the V/TO aloud and, when the team agrees a change, the
driver makes it there and then instead of noting it for later. This frame is
the Vision section's own panel (``cadence.tui.panels.vision.VisionPanel``:
the same parts, the same editor, the same ``actions.set_vision_part`` that
``cadence vision set`` runs) under a title line naming the meeting; Esc goes
back to the meeting, whose V/TO page redraws from the new snapshot. A digit
does not carry the driver out of the meeting from here (``LEAVE_FIRST``).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding

from cadence.tui.panels.vision import HELP as VISION_HELP
from cadence.tui.panels.vision import VisionPanel
from cadence.tui.screens.panel_frame import PanelFrame
from cadence.tui.status_styles import muted
from cadence.tui.widgets.literal import literal

HELP = f"{VISION_HELP} Esc: back to the meeting (its V/TO section shows the change)."


class VtoEditorScreen(PanelFrame):
    """The Vision panel over a running session; ``VtoEditorScreen(meeting_title)``. Esc goes back to it."""

    CSS_PATH = "vto_editor.tcss"
    SECTION = "vision"
    HELP = HELP
    LEAVE_FIRST = "You are editing the V/TO in the meeting: Esc goes back to it, then Esc leaves the meeting."

    # the title line says Esc (the footer at 80 columns has room for the Vision keys only)
    BINDINGS: ClassVar = [
        Binding("escape", "close", "Back", show=False, tooltip="Back to the meeting"),
        Binding("t", "keep_team", "Team", show=False, tooltip="The meeting keeps its own team"),
    ]
    PANEL = VisionPanel
    ID_PREFIX = "vto-editor"

    def __init__(self, meeting_title: str) -> None:
        super().__init__()
        self.meeting_title = meeting_title

    def action_keep_team(self) -> None:
        self.notify("The meeting shows its own team: pick another after leaving it.", timeout=3)

    def title_text(self) -> Text:
        return Text.assemble(
            ("Edit the V/TO", "bold"),
            (" · Esc back to the meeting · ", muted()),
            literal(self.meeting_title, 60),
            no_wrap=True,
            overflow="ellipsis",
        )

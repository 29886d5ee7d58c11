"""The V/TO read at a quarterly or annual session, with the section's notes under it.

The session reads the vision top to bottom and notes what should change. The
page itself is read-only; ``v`` (Edit V/TO) opens the Vision editor over the
meeting (``cadence.tui.screens.vto_editor``: the Vision section's panel, each
part edited through ``actions.set_vision_part`` as ``cadence vision set``
does), and Esc brings the meeting back with the page redrawn from the new
V/TO. Only the meeting's driver edits it (a follower is told to take over
with T), and not once the meeting has ended. A section named like one part
of the V/TO ("3-year picture", "1-year plan", as the annual session's are)
shows that part alone; any other name shows the whole page. The page is the
one ``cadence vision export`` writes (the same renderer), so what is read
aloud is what is handed out.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from cadence.domain.vision_text import page_markdown, vision_sections
from cadence.tui.panels.base import panel_css
from cadence.tui.panels.meeting_css import styles_of
from cadence.tui.panels.meeting_notes import MeetingNotesPanel
from cadence.tui.screens.vto_editor import VtoEditorScreen

HELP = (
    "The V/TO, read here as the page cadence vision export writes. v (the driver) opens the Vision editor "
    "over the meeting: pick a part, e edits it, Ctrl+S saves, Esc back to the meeting, whose page then shows "
    "the change. Enter (or w) writes notes on what should change, Esc when done; they reach the workspace as "
    "you type."
)
NOT_DRIVING = "Only the driver edits the V/TO in the meeting (T takes over); or edit it in Vision (8) later."
ENDED = "The meeting has ended: edit the V/TO in Vision (8)."


class MeetingVtoPanel(MeetingNotesPanel):
    DEFAULT_CSS = styles_of(MeetingNotesPanel, "MeetingVtoPanel", panel_css(__file__))
    HELP = HELP
    BINDINGS: ClassVar = [Binding("v", "edit_vto", "Edit V/TO", tooltip="Edit the V/TO now (the driver)")]
    CLI_EQUIVALENTS: ClassVar = {"edit_vto": "vision set"}

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="vto-page"):
            yield Markdown(self.page(), id="vto-text")
        yield from super().compose()

    def page(self) -> str:
        view = self.session.snapshot
        sections = vision_sections(view.vision())
        wanted = self.section.name.strip().lower()
        chosen = [part for part in sections if part.heading.lower() == wanted] or sections
        return page_markdown("Vision/Traction Organizer", chosen)

    def refresh_data(self) -> None:
        super().refresh_data()
        self.query_one("#vto-text", Markdown).update(self.page())

    def action_edit_vto(self) -> None:
        meeting = self.meeting
        if meeting.ended_at is not None:
            self.notify(ENDED, severity="warning", timeout=4)
            return
        if not self.driving:
            self.notify(NOT_DRIVING, severity="warning", timeout=4)
            return

        def back(_result: object) -> None:
            # The meeting screen was under the editor: its panels skipped the snapshots published meanwhile.
            if self.is_attached:
                self.show_current()

        self.app.push_screen(VtoEditorScreen(meeting.title), back)

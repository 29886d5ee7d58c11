"""A meeting section that is only talk and notes (an alignment check, the week's plan): one box that saves as typed.

Agenda templates use the ``notes`` kind for anything without records of its
own. What is typed goes to the section's ``notes`` in the meeting record
(``meetings.set_section_notes``) within two seconds, on blur and before the
section changes, so a killed terminal loses nothing said.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from cadence.store import Transaction
from cadence.store.actions import meetings
from cadence.tui.panels.base import panel_css
from cadence.tui.panels.meeting_base import MeetingPanel
from cadence.tui.widgets.autosave_text import AutosaveText

HELP = (
    "Notes for this part of the meeting: Enter (or w) to write, Esc when done; "
    "they reach the workspace as you type and on every section change."
)


class MeetingNotesPanel(MeetingPanel):
    DEFAULT_CSS = panel_css(__file__)
    HELP = HELP
    can_focus = True
    BINDINGS = [Binding("enter,w", "write", "Write", tooltip="Write in the notes (Esc when done)")]
    NAVIGATION = frozenset({"write"})

    def compose(self) -> ComposeResult:
        yield Static("Notes (saved as you type):", classes="meeting-label", markup=False)
        yield AutosaveText(self.section.notes, self.save_notes, placeholder="Notes…", id="section-notes")

    async def save_notes(self, text: str) -> object:
        meeting_id, index = self.meeting_id, self.index

        def change(tx: Transaction) -> object:
            return meetings.set_section_notes(tx, meeting_id, index, text)

        return await self.write(change)

    def refresh_data(self) -> None:
        if self.meeting.ended_at is None or self.index < len(self.meeting.sections):
            self.query_one("#section-notes", AutosaveText).show_saved(self.section.notes)

    def focus_first(self) -> None:
        """The panel, not the box: the frame's keys (n, p, space) work until Enter starts writing."""
        self.focus()

    def action_write(self) -> None:
        # At once, not after a refresh (``focus()``): the keys typed right after Enter belong to the box.
        self.screen.set_focus(self.query_one("#section-notes", AutosaveText))

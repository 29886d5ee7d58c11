"""What every meeting section panel shares: its meeting, its place on the agenda, who is at this terminal.

The meeting screen (``cadence.tui.screens.meeting``) shows one of these for
the current agenda section, chosen by the section's kind
(``SECTION_PANELS`` in ``cadence.tui.panels.meeting_sections``). A panel
reads the meeting from the session's snapshot each time it redraws: the
record is the truth, so a panel in a follower's terminal shows what the
driver's shows. Text a panel lets people type goes in ``AutosaveText``
boxes; ``flush`` saves them before the section changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cadence.domain.meeting_parts import MeetingSection
from cadence.domain.models import Meeting
from cadence.tui.panels.base import SectionPanel
from cadence.tui.widgets.autosave_text import AutosaveText

if TYPE_CHECKING:
    from cadence.tui.screens.meeting import MeetingScreen


class MeetingPanel(SectionPanel):
    """A section of a running (or, read-only, a finished) meeting."""

    def __init__(self, meeting_id: str, index: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.meeting_id = meeting_id
        self.index = index

    @property
    def meeting(self) -> Meeting:
        return self.session.snapshot.meeting(self.meeting_id)

    @property
    def section(self) -> MeetingSection:
        return self.meeting.sections[self.index]

    @property
    def frame(self) -> MeetingScreen:
        return self.screen  # type: ignore[return-value]

    @property
    def me(self) -> str | None:
        """The person at this terminal (picked on joining), for ratings and segue lines; None if not said."""
        return self.session.me

    @property
    def driving(self) -> bool:
        """Does this terminal drive the meeting (move the agenda and the clock)?"""
        meeting = self.meeting
        return not meeting.driver or meeting.driver == self.session.driver_label

    async def flush(self) -> None:
        """Save any typing not yet saved (called by the frame before the section changes)."""
        for box in self.query(AutosaveText):
            await box.flush()

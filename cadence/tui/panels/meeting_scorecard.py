"""The scorecard in the meeting: the team's weekly grid, missing numbers entered, reds dropped to Issues.

It is the Scorecard panel (its grid, ENTRY mode, notes) with the keys a
meeting needs: Enter types a missing number (ENTRY, as in the section),
``i`` drops a red number to the Issues list, ``N`` notes a cell. The
Scorecard panel's ``n`` (note) and ``p`` (period) would hide the meeting's
next/previous keys, so note is ``N`` here and the period stays on weeks.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.binding import Binding, BindingType

from cadence.store.actions import meetings
from cadence.tui.panels.meeting_base import MeetingPanel
from cadence.tui.panels.meeting_css import styles_of
from cadence.tui.panels.scorecard import ScorecardPanel

MEETING_KEEPS = {"to_issue", "edit_key"}

HELP = (
    "Last week's numbers of the team (the week the meeting reviews). "
    "Enter on a week's cell types a missing number (Enter saves and moves down, "
    "Esc stops), i drops a red (✗) number to the Issues list, N adds a note to the cell."
)


class MeetingScorecardPanel(MeetingPanel, ScorecardPanel, inherit_bindings=False):
    DEFAULT_CSS = styles_of(ScorecardPanel, "MeetingScorecardPanel")
    HELP = HELP
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("N", "note", "Note", tooltip="Add or edit the note on this cell"),
        *[
            binding
            for binding in ScorecardPanel.BINDINGS
            if isinstance(binding, Binding) and binding.action.split("(")[0] in MEETING_KEEPS
        ],
    ]
    CLI_EQUIVALENTS: ClassVar[dict[str, str]] = ScorecardPanel.CLI_EQUIVALENTS
    NAVIGATION: ClassVar[frozenset[str]] = ScorecardPanel.NAVIGATION

    def this_week(self) -> date:
        """The week the meeting reviews (the last full one), not the week in progress."""
        return meetings.scorecard_week(self.session.snapshot, self.meeting)

    def week_words(self) -> str:
        return f"week of {self.this_week():%d %b}"

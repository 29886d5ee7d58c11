"""The scorecard in the meeting: the team's weekly grid, missing numbers entered, reds dropped to Issues.

It is the Scorecard panel (its grid, ENTRY mode, notes) with the keys a
meeting needs: Enter types a missing number (ENTRY, as in the section),
``i`` drops a red number to the Issues list, ``N`` notes a cell. The
Scorecard panel's ``n`` (note) and ``p`` (period) would hide the meeting's
next/previous keys, so note is ``N`` here and the period stays on weeks.

Monthly numbers are reviewed once a month: the first meeting of a month (one
held in its first seven days) also shows the Monthly block on last month,
and the first meeting of a fiscal quarter the Quarterly block on last
quarter. Other weeks the summary line says "Monthly numbers: see Scorecard".
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import ClassVar

from textual.binding import Binding, BindingType

from cadence.domain.models import Frequency
from cadence.domain.scorecard import period_of
from cadence.store.actions import meetings
from cadence.tui.panels.meeting_base import MeetingPanel
from cadence.tui.panels.meeting_css import styles_of
from cadence.tui.panels.scorecard import ScorecardPanel

MEETING_KEEPS = {"to_issue", "edit_key"}

FIRST_DAYS = 7  # a meeting in a month's first seven days is that month's first weekly meeting

HELP = (
    "Last week's numbers of the team (the week the meeting reviews); in a month's first meeting "
    "also last month's monthly numbers (a quarter's first: last quarter's quarterly ones). "
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

    def review_period(self, frequency: Frequency) -> date | None:
        """Last week; in a month's first meeting last month, in a quarter's first last quarter; else None."""
        if frequency is Frequency.WEEKLY:
            return self.this_week()
        meta = self.session.snapshot.meta
        held = self.meeting.started_at.date()
        period = period_of(frequency, held, meta.week_start_day, meta.fiscal_start_month)
        if (held - period.start).days >= FIRST_DAYS:
            return None
        return period_of(
            frequency, period.start - timedelta(days=1), meta.week_start_day, meta.fiscal_start_month
        ).start

    def period_words(self, frequency: Frequency, start: date) -> str:
        if frequency is Frequency.MONTHLY:
            return f"{start:%b %Y}"
        meta = self.session.snapshot.meta
        return period_of(frequency, start, meta.week_start_day, meta.fiscal_start_month).label

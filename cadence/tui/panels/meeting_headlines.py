"""Headlines in the meeting: the team's news since its last meeting, messages cascaded from other teams' meetings.

It is the Headlines panel (its table, its keys: ``a`` add, ``i`` drop to
Issues, ``d`` delete) reading the meeting's list (``meetings.meeting_headlines``):
the team's headlines since the previous meeting and any added during this
one. A cascaded message (kind ``cascade``) shows here like any headline.
"""

from __future__ import annotations

from cadence.domain.ids import id_number
from cadence.domain.models import Headline
from cadence.store.actions import meetings
from cadence.tui.panels.headlines import HeadlinesPanel
from cadence.tui.panels.meeting_base import MeetingPanel
from cadence.tui.panels.meeting_css import styles_of

HELP = (
    "The team's headlines since its last meeting, and messages cascaded to it from other teams' meetings. "
    "No discussion here: i drops one to the Issues list; a adds one."
)


class MeetingHeadlinesPanel(MeetingPanel, HeadlinesPanel):
    DEFAULT_CSS = styles_of(HeadlinesPanel, "MeetingHeadlinesPanel")
    HELP = HELP
    SHOWS_OLDER = False  # the meeting's list: since the team's last meeting

    def visible_headlines(self) -> list[Headline]:
        shown = meetings.meeting_headlines(self.session.snapshot, self.meeting)
        return sorted(shown, key=lambda headline: (headline.created, id_number(headline.id)), reverse=True)

"""Which panel shows which kind of agenda section: the meeting screen looks a section's kind up here.

One place maps ``SectionKind`` to a ``MeetingPanel`` class, so an agenda
template only names kinds, and a new kind of section is one panel module and
one line here.
"""

from __future__ import annotations

from cadence.domain.meeting_parts import SectionKind
from cadence.tui.panels.meeting_base import MeetingPanel
from cadence.tui.panels.meeting_conclude import ConcludePanel
from cadence.tui.panels.meeting_headlines import MeetingHeadlinesPanel
from cadence.tui.panels.meeting_ids import IdsPanel
from cadence.tui.panels.meeting_next_rocks import NextRocksPanel
from cadence.tui.panels.meeting_notes import MeetingNotesPanel
from cadence.tui.panels.meeting_people import MeetingPeoplePanel
from cadence.tui.panels.meeting_quarter import QuarterReviewPanel
from cadence.tui.panels.meeting_rocks import MeetingRocksPanel
from cadence.tui.panels.meeting_scorecard import MeetingScorecardPanel
from cadence.tui.panels.meeting_segue import MeetingSeguePanel
from cadence.tui.panels.meeting_todos import MeetingTodosPanel
from cadence.tui.panels.meeting_vto import MeetingVtoPanel

SECTION_PANELS: dict[SectionKind, type[MeetingPanel]] = {
    SectionKind.SEGUE: MeetingSeguePanel,
    SectionKind.SCORECARD: MeetingScorecardPanel,
    SectionKind.ROCKS: MeetingRocksPanel,
    SectionKind.HEADLINES: MeetingHeadlinesPanel,
    SectionKind.TODOS: MeetingTodosPanel,
    SectionKind.IDS: IdsPanel,
    SectionKind.CONCLUDE: ConcludePanel,
    SectionKind.PEOPLE: MeetingPeoplePanel,
    SectionKind.NOTES: MeetingNotesPanel,
    SectionKind.QUARTER_REVIEW: QuarterReviewPanel,
    SectionKind.NEXT_ROCKS: NextRocksPanel,
    SectionKind.VTO: MeetingVtoPanel,
}


def panel_for(kind: SectionKind) -> type[MeetingPanel]:
    return SECTION_PANELS.get(kind, MeetingNotesPanel)

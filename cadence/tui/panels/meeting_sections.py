"""Which panel shows which kind of agenda section: the meeting screen looks a section's kind up here.

One place maps ``SectionKind`` to a ``MeetingPanel`` class, so an agenda
template only names kinds, and a new kind of section is one panel module and
one line here.
"""

from __future__ import annotations

from cadence.domain.meeting_parts import SectionKind
from cadence.tui.panels.meeting_base import MeetingPanel
from cadence.tui.panels.meeting_conclude import ConcludePanel
from cadence.tui.panels.meeting_ids import IdsPanel
from cadence.tui.panels.meeting_notes import MeetingNotesPanel

SECTION_PANELS: dict[SectionKind, type[MeetingPanel]] = {
    SectionKind.SEGUE: MeetingNotesPanel,
    SectionKind.SCORECARD: MeetingNotesPanel,
    SectionKind.ROCKS: MeetingNotesPanel,
    SectionKind.HEADLINES: MeetingNotesPanel,
    SectionKind.TODOS: MeetingNotesPanel,
    SectionKind.IDS: IdsPanel,
    SectionKind.CONCLUDE: ConcludePanel,
    SectionKind.PEOPLE: MeetingNotesPanel,
    SectionKind.NOTES: MeetingNotesPanel,
}


def panel_for(kind: SectionKind) -> type[MeetingPanel]:
    return SECTION_PANELS.get(kind, MeetingNotesPanel)

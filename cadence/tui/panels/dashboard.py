"""The Dashboard's small read-only panels: rocks, to-dos, issues and the next meeting, for the picked team.

Each is a bordered box of text (drawn by ``dashboard_text``) that redraws
itself from every new snapshot, so a change made anywhere (another section,
another session, the CLI) shows on the next poll. None has keys: they only
show. The Dashboard lays four of them two by two from ``GRID_COLUMNS`` wide
and stacks them narrower (then each lists only the essentials); the weekly
meeting can show any of them on its own.
"""

from __future__ import annotations

from collections.abc import Hashable

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from cadence.domain.models import IssueStatus
from cadence.store.actions import meetings
from cadence.store.agendas import Agendas, load_agendas
from cadence.tui.background import in_thread
from cadence.tui.panels.base import SectionPanel, panel_css
from cadence.tui.panels.dashboard_text import issues_panel, rocks_panel, todos_panel
from cadence.tui.panels.meetings_text import DEFAULT_AGENDA, agenda_label, meeting_panel

GRID_COLUMNS = 100  # from this width the panels sit two by two


class SummaryPanel(SectionPanel):
    """One box of the Dashboard: a titled text (its ``Static``), fitted to the room the frame gives it."""

    DEFAULT_CSS = panel_css(__file__)
    NAME = ""

    def __init__(self) -> None:
        super().__init__(id=f"panel-{self.NAME}", classes="panel")

    def compose(self) -> ComposeResult:
        yield Static(classes="summary-text")

    def fit(self) -> tuple[int, int]:
        """(text width, lines) inside the box; lines is 0 when the boxes are stacked (essentials only)."""
        width, height = self.screen.size.width or 80, self.screen.size.height or 24
        if width >= GRID_COLUMNS:
            return (width - 1) // 2 - 4, (height - 3) // 2 - 2
        return width - 4, 0

    def layout_key(self) -> Hashable:
        return self.fit()

    def refresh_data(self) -> None:
        width, room = self.fit()
        title, text = self.summary(width, room)
        self.border_title = title
        self.query_one(".summary-text", Static).update(text)

    def summary(self, width: int, room: int) -> tuple[str, Text]:
        raise NotImplementedError


class RocksSummary(SummaryPanel):
    """The quarter's rocks on and off track, the completion so far, the days left."""

    NAME = "rocks"

    def summary(self, width: int, room: int) -> tuple[str, Text]:
        session = self.session
        quarter = session.quarter()
        rocks = [
            rock
            for rock in session.snapshot.rocks
            if rock.quarter == quarter.label and (rock.company or session.belongs(rock.team_id, rock.owner_id))
        ]
        return f"Rocks · {quarter.label}", rocks_panel(session.snapshot, rocks, quarter, session.today(), width, room)


class TodosSummary(SummaryPanel):
    """The week's to-do rate against 90%, what is overdue and, with room, what is due next."""

    NAME = "todos"

    def summary(self, width: int, room: int) -> tuple[str, Text]:
        session = self.session
        todos = [todo for todo in session.snapshot.todos if session.belongs(todo.team_id, todo.owner_id)]
        return "To-dos · this week", todos_panel(session.snapshot, todos, session.today(), width, room)


class IssuesSummary(SummaryPanel):
    """Open issues, this week's top 3 and, with room, the rest of this week's list."""

    NAME = "issues"

    def summary(self, width: int, room: int) -> tuple[str, Text]:
        session = self.session
        issues = [
            issue
            for issue in session.snapshot.issues
            if issue.status is IssueStatus.OPEN and session.belongs(issue.team_id, issue.owner_id)
        ]
        return "Issues", issues_panel(session.snapshot, issues, width, room)


class MeetingSummary(SummaryPanel):
    """The team's meeting running now (join it with 7), its next slot and agenda, and how the last ones went."""

    NAME = "meeting"

    def __init__(self) -> None:
        super().__init__()
        self.agendas = Agendas()

    def on_mount(self) -> None:  # SectionPanel.on_mount (the subscription) runs too: Textual calls each class's
        self.call_later(self._read_agendas)

    async def _read_agendas(self) -> None:
        """Template files are read in a thread; a bad one is the Meetings section's to report."""
        self.agendas = await in_thread(self, load_agendas, name="agendas")
        self.mark_stale()

    def summary(self, width: int, room: int) -> tuple[str, Text]:
        session = self.session
        snapshot = session.snapshot
        team = session.team
        now = session.clock()
        finished = meetings.past_meetings(snapshot, session.team_id)
        text = meeting_panel(
            meetings.next_meeting_at(snapshot, team, now),
            now,
            agenda_label((team.agenda if team else "") or DEFAULT_AGENDA, self.agendas.templates),
            running=meetings.running_meeting(snapshot, session.team_id),
            finished=finished,
            room=room,
        )
        return "Meetings", text


SUMMARIES: tuple[type[SummaryPanel], ...] = (RocksSummary, TodosSummary, IssuesSummary, MeetingSummary)

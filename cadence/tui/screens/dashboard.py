"""Dashboard: the picked team's week at a glance, in four panels.

Rocks on and off track with the quarter's completion so far, the week's
to-do rate against 90% and what is overdue, the open issues and this week's
top 3, and when the next weekly meeting is. Everything is read from the
session's snapshot, so a change made anywhere (another section, another
session, the CLI) shows up on the next poll. At 120 columns the panels sit
in a 2x2 grid; narrower, they stack and scroll.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from cadence.domain.models import IssueStatus
from cadence.domain.periods import next_meeting
from cadence.tui.screens.base import SectionScreen
from cadence.tui.screens.dashboard_panels import issues_panel, meeting_panel, rocks_panel, todos_panel

GRID_COLUMNS = 100  # from this width the panels sit two by two
PANELS = ("rocks", "todos", "issues", "meeting")


class DashboardScreen(SectionScreen):
    SECTION = "dashboard"
    HELP = (
        "The picked team's week at a glance: rocks on and off track this quarter (goal: 80% done), "
        "to-dos done of those due in the last 7 days (goal: 90%) and what is overdue, open issues "
        "and this week's top 3, and the next weekly meeting. It updates by itself when anyone "
        "changes the workspace. Use the number keys to go to a section."
    )
    CSS_PATH = "dashboard.tcss"

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="dash"):
            for name in PANELS:
                yield Static(id=f"panel-{name}", classes="panel")

    def on_mount(self) -> None:
        titles = {"rocks": "Rocks", "todos": "To-dos", "issues": "Issues", "meeting": "Next meeting"}
        for name, title in titles.items():
            self.query_one(f"#panel-{name}", Static).border_title = title
        super().on_mount()
        self.query_one("#dash").focus()

    def on_resize(self, event: events.Resize) -> None:
        self.query_one("#dash").set_class(event.size.width >= GRID_COLUMNS, "-grid")
        self.refresh_data()

    def panel_width(self) -> int:
        """Room for text inside one panel (borders, padding and the scrollbar taken off)."""
        width = self.size.width or 80
        if width >= GRID_COLUMNS:
            return (width - 1) // 2 - 4
        return width - 4

    def panel_room(self) -> int:
        """Lines inside one grid cell, or 0 when the panels are stacked (then they list only the essentials)."""
        width, height = self.size.width or 80, self.size.height or 24
        if width < GRID_COLUMNS:
            return 0
        return (height - 3) // 2 - 2

    def refresh_data(self) -> None:
        session = self.session
        snapshot = session.snapshot
        today = session.today()
        quarter = session.quarter()
        width = self.panel_width()
        rocks = [
            rock
            for rock in snapshot.rocks
            if rock.quarter == quarter.label and (rock.company or session.belongs(rock.team_id, rock.owner_id))
        ]
        todos = [todo for todo in snapshot.todos if session.belongs(todo.team_id, todo.owner_id)]
        issues = [
            issue
            for issue in snapshot.issues
            if issue.status is IssueStatus.OPEN and session.belongs(issue.team_id, issue.owner_id)
        ]
        room = self.panel_room()
        self.panel("rocks", f"Rocks · {quarter.label}").update(rocks_panel(snapshot, rocks, quarter, today, width, room))
        self.panel("todos", "To-dos · this week").update(todos_panel(snapshot, todos, today, width, room))
        self.panel("issues", "Issues").update(issues_panel(snapshot, issues, width, room))
        meetings = [meeting for meeting in snapshot.meetings if session.belongs(meeting.team_id, None)]
        finished = sorted((m for m in meetings if m.finished), key=lambda m: m.started_at, reverse=True)
        now = session.clock()
        meta = snapshot.meta
        self.panel("meeting", "Next meeting").update(
            meeting_panel(
                next_meeting(now, meta.meeting_day, meta.meeting_time),
                now,
                meta.meeting_minutes,
                running=next((m for m in reversed(meetings) if not m.finished), None),
                finished=finished,
                room=room,
            )
        )

    def panel(self, name: str, title: str) -> Static:
        widget = self.query_one(f"#panel-{name}", Static)
        widget.border_title = title
        return widget


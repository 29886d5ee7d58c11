"""A finished meeting's minutes, read-only: the same Markdown ``cadence meeting export`` writes, rendered.

Minutes are the record of what was decided; nothing here changes them. The
text comes from ``cadence.domain.minutes_markdown`` (user text escaped there,
so a title shows as typed), rendered by Textual's Markdown viewer in a
scrolling pane. ``x`` writes the same text to a file; Escape goes back. An
archived meeting's minutes are read from the history snapshot the Meetings
panel loaded (``view``), the same way.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, MarkdownViewer, Static

from cadence.domain.meeting_clock import budget_seconds, clock_text, total_seconds
from cadence.store import Snapshot
from cadence.store.actions import meetings
from cadence.tui.panels.base import SessionUser
from cadence.tui.panels.meetings import export_minutes
from cadence.tui.widgets.literal import literal


class MinutesScreen(Screen[None], SessionUser):
    """Opened with a meeting id; shows its minutes as they are stored."""

    CSS_PATH = "minutes.tcss"
    SECTION = "minutes"
    HELP = "The minutes of a finished meeting, read-only. Arrows, PgUp/PgDn and Home/End scroll; x exports; Esc closes."

    BINDINGS = [
        Binding("escape,q", "close", "Close", tooltip="Back to Meetings"),
        Binding("x", "export", "Export", tooltip="Write these minutes to a Markdown file"),
    ]

    def __init__(self, meeting_id: str, *, view: Snapshot | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self._view = view  # an archived meeting's: live and archives as one

    @property
    def snapshot(self) -> Snapshot:
        return self._view or self.session.snapshot

    def compose(self) -> ComposeResult:
        snapshot = self.snapshot
        meeting = snapshot.meeting(self.meeting_id)
        end = meeting.ended_at or self.session.clock()
        title = Text.assemble(
            ("Minutes ", "bold"),
            (meeting.id, "bold"),
            " · ",
            literal(meeting.title, 50),
            f" · {meeting.started_at:%a %d %b %Y %H:%M}",
            f" · {clock_text(total_seconds(meeting, end))} of {budget_seconds(meeting) // 60} min",
        )
        yield Static(title, id="minutes-title")
        yield MarkdownViewer(
            meetings.minutes_text(snapshot, meeting, self.session.clock()),
            show_table_of_contents=False,
            id="minutes-view",
        )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(MarkdownViewer).focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_export(self) -> None:
        export_minutes(self, self.snapshot.meeting(self.meeting_id), view=self._view)

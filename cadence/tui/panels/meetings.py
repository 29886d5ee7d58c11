"""The Meetings panel (key 7): each team's slot, the meeting running now, and the picked team's past meetings.

Same day, same time, same agenda: the top lines say when each team meets
and on which agenda template, and when that next is. Below, the running
meeting (if any) and the history of the picked team's finished meetings,
newest first, with the figures a facilitator looks back at (length against
budget, average rating, issues solved, to-dos made). ``s`` starts this
week's meeting (or joins the one running), Enter opens a past meeting's
minutes or joins the running one, ``x`` exports minutes as Markdown (a file, or a download in a browser),
``e`` changes the team's slot. Every write is a named store action run off
the event loop, the same one its ``cadence meeting ...`` command runs.

The history shown at once is the live file's (this and last quarter's
meetings); ``h`` adds the older ones from the archive, read in a thread
(``WorkspaceSession.history_blocking``), whose minutes open read-only as any.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from cadence.domain.meeting_clock import clock_text, total_seconds
from cadence.domain.meeting_parts import AgendaTemplate
from cadence.domain.models import Meeting, Team
from cadence.domain.periods import WEEKDAY_NAMES
from cadence.store import InputError, Snapshot, Transaction, WorkspaceError
from cadence.store.actions import meetings
from cadence.store.agendas import Agendas, load_agendas
from cadence.tui.background import in_thread
from cadence.tui.exports import export_document
from cadence.tui.panels.base import SectionPanel, SessionUser, panel_css
from cadence.tui.panels.meetings_text import DEFAULT_AGENDA, agenda_label, history_cells, running_line, slot_line
from cadence.tui.status_styles import Status, muted, status_style
from cadence.tui.widgets.forms import FormField, one_of
from cadence.tui.widgets.literal import literal
from cadence.tui.widgets.record_table import RecordTable, Row

WIDE = 100
TICK_SECONDS = 1.0

HELP = (
    "When each team meets and on which agenda, the meeting running now, and the picked team's past "
    "meetings, newest first (length against budget, average rating, issues solved, to-dos made). "
    "s starts this week's meeting (or joins the running one), Enter opens minutes or joins, "
    "x exports minutes to a Markdown file (a download in a browser), e changes the team's day, time and agenda. "
    "h adds the older meetings, from the archive (before last quarter)."
)


def default_export_name(meeting: Meeting) -> str:
    return f"minutes-{meeting.id}-{meeting.started_at:%Y-%m-%d}.md"


def clock_cell(meeting: Meeting, now: datetime) -> Text:
    """The running meeting's clock so far, from its record."""
    return Text(clock_text(total_seconds(meeting, now)), style=status_style(Status.GOOD, strong=True))


class MeetingsPanel(SectionPanel):
    DEFAULT_CSS = panel_css(__file__)
    HELP = HELP

    BINDINGS = [
        Binding("s", "start", "Start", tooltip="Start this week's meeting of the team (or join the running one)"),
        Binding("enter", "open", "Open", key_display="⏎", tooltip="Open the minutes, or join the running meeting"),
        Binding("x", "export", "Export", tooltip="Write the meeting's minutes to a Markdown file"),
        Binding("e", "edit_slot", "Slot", tooltip="Change the team's meeting day, time and agenda"),
        Binding("h", "older", "Older", tooltip="Add the older meetings, from the archive (before last quarter)"),
    ]
    CLI_EQUIVALENTS = {
        "start": "meeting start",
        "export": "meeting export",
        "edit_slot": "meeting schedule",
    }
    NAVIGATION = frozenset({"open", "older"})

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.agendas = Agendas()
        self._agendas_read = False
        self._history: Snapshot | None = None  # live and archives as one, once h asked for the older meetings
        self._history_state = "not asked"  # "loading", "read", or why it could not be read

    def compose(self) -> ComposeResult:
        yield Static(id="meeting-slots")
        yield Static(id="meeting-running")
        yield RecordTable(["Meeting", "Date", "Length", "Rating", "Solved", "To-dos", "Title"], id="meeting-table")
        yield Static(id="meeting-older")

    def on_mount(self) -> None:  # SectionPanel.on_mount (the subscription) runs too: Textual calls each class's
        self.set_interval(TICK_SECONDS, self._tick)
        self.call_later(self._read_agendas)

    def layout_key(self) -> Hashable:
        return self.app.size.width  # the columns are fitted to it

    async def _read_agendas(self) -> None:
        """Templates are files: read in a thread; a bad one is reported once, and the rest are used."""
        self.agendas = await in_thread(self, load_agendas, name="agendas")
        self._agendas_read = True
        if self.agendas.problems:
            self.app.notify(
                "\n".join(self.agendas.problems), title="Agenda template skipped", severity="warning", timeout=10
            )
        if self.screen in self.app.screen_stack:
            self.refresh_data()

    # Data ---------------------------------------------------------------------------

    @property
    def templates(self) -> dict[str, AgendaTemplate]:
        return self.agendas.templates

    def running(self) -> Meeting | None:
        return meetings.running_meeting(self.session.snapshot, self.session.team_id)

    def past(self) -> list[Meeting]:
        """The team's finished meetings, newest first: the live file's, and the archived ones once ``h`` read them."""
        live = meetings.past_meetings(self.session.snapshot, self.session.team_id)
        if self._history is None:
            return live
        shown = {meeting.id for meeting in live}
        older = [m for m in meetings.past_meetings(self._history, self.session.team_id) if m.id not in shown]
        return sorted([*live, *older], key=lambda m: m.started_at, reverse=True)

    def archived(self, meeting_id: str) -> bool:
        """Is this meeting only in the archive (not in the live file)?"""
        try:
            self.session.snapshot.meeting(meeting_id)
        except InputError:
            return True
        return False

    def archived_view(self, meeting: Meeting) -> Snapshot | None:
        """Where an archived ``meeting`` and the names in it are read from (history); ``None`` for a live one."""
        return self._history if self.archived(meeting.id) else None

    def older_line(self) -> Text:
        state = self._history_state
        if state == "not asked":
            return Text("h: older meetings, from the archive", style=muted())
        if state == "loading":
            return Text("Loading older meetings from the archive…", style=muted())
        if state == "read":
            live = {m.id for m in meetings.past_meetings(self.session.snapshot, self.session.team_id)}
            older = sum(1 for m in self.past() if m.id not in live)
            if not older:
                return Text("No older meetings in the archive", style=muted())
            return Text(f"With {older} older meeting{'s' if older != 1 else ''} from the archive", style=muted())
        return Text(state, style=status_style(Status.BAD))

    def team_agenda(self, team: Team | None) -> str:
        return (team.agenda if team and team.agenda else "") or DEFAULT_AGENDA

    def driver_text(self, meeting: Meeting) -> str:
        if not meeting.driver:
            return "nobody yet (anyone may drive)"
        if meeting.driver == self.session.driver_label:
            return "this terminal"
        return meeting.driver

    def refresh_data(self) -> None:
        snapshot = self.session.snapshot
        now = self.session.clock()
        width = self.app.size.width
        narrow = width < WIDE
        slots = Text()
        teams: list[Team | None] = [*snapshot.teams] or [None]
        for team in teams:
            day, at = meetings.team_slot(snapshot, team)
            line = slot_line(
                team.name if team else snapshot.meta.company or "Everyone",
                team is not None and team.id == self.session.team_id,
                day,
                f"{at:%H:%M}",
                agenda_label(self.team_agenda(team), self.templates),
                meetings.next_meeting_at(snapshot, team, now),
                now,
                width,
            )
            if slots:
                slots.append("\n")
            slots.append(line)
        self.query_one("#meeting-slots", Static).update(slots)
        self.show_running(now, width)
        title_width = max(8, width - (10 if narrow else 15) - 7 - 12 - 6 - 6 - 6 - 7 * 2 - 2)
        widths = [7, 10 if narrow else 15, 12, 6, 6, 6, title_width]
        rows: list[Row] = []
        running = self.running()
        if running is not None:
            rows.append(Row(running.id, self.running_cells(running, now, narrow, title_width)))
        for meeting in self.past():
            rows.append(Row(meeting.id, history_cells(meeting, narrow, title_width)))
        table = self.query_one(RecordTable)
        table.fix_widths(widths)
        table.show(rows)
        self.query_one("#meeting-older", Static).update(self.older_line())

    def running_cells(self, meeting: Meeting, now: datetime, narrow: bool, title_width: int) -> list[Text]:
        state = "paused" if meeting.paused else "running"
        title = Text(state, style=status_style(Status.WARN if meeting.paused else Status.GOOD, strong=True))
        title.append(" · Enter: join", style=muted())
        return [
            Text(meeting.id, style="bold"),
            Text(f"{meeting.started_at:%a %d %b}" if narrow else f"{meeting.started_at:%a %d %b %Y}"),
            clock_cell(meeting, now),
            Text("—", style=muted()),
            Text(""),
            Text(""),
            title,
        ]

    def show_running(self, now: datetime, width: int) -> None:
        running = self.running()
        box = self.query_one("#meeting-running", Static)
        if running is None:
            name = self.session.team.name if self.session.team else "the team"
            text = Text("No meeting running for ", style=muted())
            text.append(literal(name, 30, style=muted()))
            text.append(" · s: start it · ⏎ on a row: its minutes", style=muted())
            box.update(text)
            return
        box.update(running_line(running, now, self.driver_text(running), width))

    def _tick(self) -> None:
        """The running meeting's clock, redrawn from the record once a second (nothing is counted here)."""
        if not self.on_screen or self.running() is None:  # not in sight, or the app closing (no screens)
            return
        now = self.session.clock()
        self.show_running(now, self.app.size.width)
        running = self.running()
        table = self.query_one(RecordTable)
        if running is not None and running.id in table.rows:
            table.update_cell(running.id, "Length", clock_cell(running, now))

    def selected(self) -> Meeting | None:
        return self.record_at_cursor(self.query_one(RecordTable), self._meeting, "No meeting selected.")

    def _meeting(self, meeting_id: str) -> Meeting:
        try:
            return self.session.snapshot.meeting(meeting_id)
        except InputError:
            if self._history is None:
                raise
            return self._history.meeting(meeting_id)

    # Actions --------------------------------------------------------------------------

    async def action_start(self) -> None:
        """This week's meeting of the picked team on its agenda; if one is running already, join it instead."""
        running = self.running()
        if running is not None:
            self.app.notify(f"{running.id} is already running: joining it (T takes over driving)", timeout=3)
            self.open_running(running.id)
            return
        if not self._agendas_read:
            self.agendas = await in_thread(self, load_agendas, name="agendas")
            self._agendas_read = True
        team = self.session.team
        try:
            template = self.agendas.get(self.team_agenda(team))
        except InputError as error:
            self.app.notify(f"{error}; pick one with e", title="Cannot start", severity="warning")
            return
        now = self.session.clock()
        driver = self.session.driver_label
        team_id = team.id if team else None
        meeting = await self.write(lambda tx: meetings.start_meeting(tx, template, now, team=team_id, driver=driver))
        if meeting is not None:
            self.open_running(meeting.id, take_attendance=True)  # a new meeting starts with who is here

    def open_running(self, meeting_id: str, *, take_attendance: bool = False) -> None:
        from cadence.tui.screens.meeting import open_meeting  # the meeting screen is big: loaded when first used

        open_meeting(self.app, meeting_id, take_attendance=take_attendance)

    def action_open(self) -> None:
        meeting = self.selected()
        if meeting is None:
            return
        if meeting.finished:
            from cadence.tui.screens.minutes import MinutesScreen

            self.app.push_screen(MinutesScreen(meeting.id, view=self.archived_view(meeting)))
        else:
            self.open_running(meeting.id)

    @on(DataTable.RowSelected)
    def _entered(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_export(self) -> None:
        meeting = self.selected()
        if meeting is not None:
            export_minutes(self, meeting, view=self.archived_view(meeting))

    async def action_older(self) -> None:
        """Add the archived meetings to the list: read live and archives as one, in a thread."""
        if self._history_state == "loading":
            return
        self._history_state = "loading"
        self.query_one("#meeting-older", Static).update(self.older_line())
        try:
            self._history = await in_thread(self, self.session.history_blocking, name="history")
        except WorkspaceError as error:
            self._history_state = f"The archive could not be read: {error}"
        else:
            self._history_state = "read"
        if self.is_mounted:
            self.refresh_data()

    def action_edit_slot(self) -> None:
        team = self.session.team
        if team is None:
            self.app.notify("No team picked: add one in People (9).", severity="warning")
            return
        day, at = meetings.team_slot(self.session.snapshot, team)
        known = sorted(self.templates) or [self.team_agenda(team)]
        team_id = team.id

        def change(tx: Transaction, values: dict[str, str]) -> Team:
            return meetings.set_team_meeting(
                tx,
                team_id,
                day=values["day"],
                at=values["at"],
                agenda=values["agenda"].strip(),
                known_agendas=known if self.templates else None,
            )

        self.open_form(
            f"Meeting slot: {team.name}",
            [
                FormField("day", "Day of the week", value=WEEKDAY_NAMES[day].title(), required=True),
                FormField("at", "Time (HH:MM)", value=f"{at:%H:%M}", required=True),
                FormField(
                    "agenda",
                    "Agenda (" + ", ".join(known) + ")",
                    value=self.team_agenda(team),
                    required=True,
                    check=one_of(known) if self.templates else None,
                    suggestions=known,
                ),
            ],
            change,
            done="Meeting slot saved",
            guard=team,
        )


def export_minutes(
    node: SessionUser, meeting: Meeting, where: Callable[[], Path] = Path.cwd, *, view: Snapshot | None = None
) -> None:
    """The minutes as Markdown (default name ``minutes-MT-3-2026-11-17.md``): a file here, a download in a browser.

    ``cadence.tui.exports`` asks for the path and never overwrites without a
    yes. ``view``: where an archived meeting is read from (default: the
    session's live snapshot), read when the file is written.
    """
    session = node.session
    meeting_id = meeting.id

    def render(_name: str) -> str:
        snapshot = view or session.snapshot
        return meetings.minutes_text(snapshot, snapshot.meeting(meeting_id), session.clock())

    export_document(
        node,
        what=f"the minutes of {meeting_id}",
        default_name=default_export_name(meeting),
        render=render,
        label="Markdown file",
        where=where,
    )

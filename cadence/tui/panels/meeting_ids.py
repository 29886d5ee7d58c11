"""The IDS section of a meeting: the short-term list, the top 3, one issue at a time with its own clock.

IDS is where most of a weekly meeting's hour goes, so everything here is one
key: ``!`` ``@`` ``#`` pick the top 3 (the plain number keys switch sections,
as in the Issues panel), Enter turns the room to the highlighted issue (its
clock starts; the previous one's stops), ``i`` and ``D`` put the keyboard in
the Identify and Discuss notes, which save themselves as they are typed
(``AutosaveText``), ``s`` solves with a decision and ``title@owner`` to-dos in
one short form, ``l`` moves the issue to the long-term list and ``d`` drops it.
The list is ``meetings.ids_list``: it includes everything dropped to Issues
earlier in this meeting. Every change is a named action in
``cadence.store.actions.meetings``; the record is the truth, so a follower's
terminal shows the issue being worked and its notes as the driver's does.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import timedelta
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Focus
from textual.widgets import DataTable, Label, Static

from cadence.domain.meeting_clock import clock_text, issue_seconds
from cadence.domain.meeting_parts import IdsOutcome, IdsWork
from cadence.domain.models import Issue, Meeting, Todo
from cadence.store import InputError, Transaction, actions
from cadence.store.actions import meetings
from cadence.tui.panels.base import panel_css
from cadence.tui.panels.issues import rank_issue
from cadence.tui.panels.meeting_base import MeetingPanel
from cadence.tui.status_styles import muted, themed
from cadence.tui.widgets.autosave_text import AutosaveText
from cadence.tui.widgets.forms import FormField
from cadence.tui.widgets.literal import literal
from cadence.tui.widgets.record_table import RecordTable, Row

RANK_STYLE = "bold $issue-rank"
WIDE = 70  # panel columns from which owners get their full name
NOTE_KINDS = ("identify", "discuss")

HELP = (
    "IDS: the team's short-term issues, everything dropped to Issues in this meeting included. Pick the top 3 "
    "with ! @ # (Shift+1/2/3), 0 clears. Enter works on the highlighted issue: its own clock starts. i and D "
    "type the Identify and Discuss notes (saved as you type; Esc back to the list). s solves it with a decision "
    "and to-dos written title@owner (due in 7 days); l moves it to the long-term list, d drops it; a adds an issue."
)


def parse_todo_lines(text: str) -> list[tuple[str, str]]:
    """``Call the bank@Ann; Send the quote@Bo`` -> [(title, owner), ...]; blank parts are skipped."""
    return [actions.parse_todo_spec(part) for part in text.replace("\n", ";").split(";") if part.strip()]


def outcome_counts(meeting: Meeting) -> dict[IdsOutcome, int]:
    counts = dict.fromkeys(IdsOutcome, 0)
    for work in meeting.ids_work:
        counts[work.outcome] += 1
    return counts


def work_for(meeting: Meeting, issue_id: str | None) -> IdsWork | None:
    return next((work for work in meeting.ids_work if work.issue_id == issue_id), None)


class NotesBox(AutosaveText):
    """An Identify or Discuss box; it saves to the issue it was showing when the text was typed."""

    def __init__(self, kind: str, panel: IdsPanel) -> None:
        self.kind = kind
        self.issue_id: str | None = None
        self.panel = panel
        super().__init__("", self._save_here, placeholder=f"{kind.capitalize()} notes", id=f"ids-{kind}")

    async def _save_here(self, text: str) -> object:
        if self.issue_id is None:
            return None
        return await self.panel.save_notes(self.issue_id, self.kind, text)


class IdsPanel(MeetingPanel):
    """Identify, Discuss, Solve: work the team's short-term issues in the meeting."""

    DEFAULT_CSS = panel_css(__file__)
    HELP = HELP

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "work", "Work on it", tooltip="IDS turns to the highlighted issue: its clock starts"),
        Binding("s", "solve", "Solve", tooltip="Solve: the decision and its to-dos (title@owner)"),
        Binding(
            "i", "notes('identify')", "Identify", show=False, tooltip="Type the Identify notes (Esc: back to the list)"
        ),
        Binding(
            "D", "notes('discuss')", "Discuss", show=False, tooltip="Type the Discuss notes (Esc: back to the list)"
        ),
        Binding("exclamation_mark", "rank(1)", "Top 3", key_display="⇧1-3", tooltip="Make it #1 #2 #3: ! @ #"),
        Binding("at", "rank(2)", "Make #2", show=False, tooltip="Make it #2 of the top 3 (Shift+2)"),
        Binding("number_sign", "rank(3)", "Make #3", show=False, tooltip="Make it #3 of the top 3 (Shift+3)"),
        Binding("0", "rank(0)", "Unrank", show=False, tooltip="Take it out of the top 3"),
        Binding("l", "long_term", "Long", tooltip="Move it to the long-term list"),
        Binding("d", "drop", "Drop", tooltip="Drop it: no longer an issue (asks first)"),
        Binding("a", "add", "Add", tooltip="Add an issue to the short-term list"),
    ]
    CLI_EQUIVALENTS: ClassVar[dict[str, str]] = {
        "work": "meeting work",
        "solve": "meeting solve",
        "rank": "issue rank",  # 0: issue unrank
        "long_term": "meeting outcome",
        "drop": "meeting outcome",
        "add": "issue add",
    }
    NAVIGATION = frozenset({"notes"})

    def compose(self) -> ComposeResult:
        yield Static(id="ids-status")
        yield RecordTable(["", "Top", "Id", "Issue", "Owner", "Time"], id="ids-table")
        with Horizontal(id="ids-notes"):
            for kind in NOTE_KINDS:
                with Vertical(classes="ids-note"):
                    key = "i" if kind == "identify" else "D"
                    yield Label(f"{kind.capitalize()} ({key})", classes="ids-note-label")
                    yield NotesBox(kind, self)

    def on_mount(self) -> None:  # SectionPanel.on_mount (the subscription) runs too: Textual calls each class's
        self.set_interval(1.0, self._tick)

    def layout_key(self) -> Hashable:
        return self.size.width or self.app.size.width // 2  # the columns are fitted to it

    @property
    def table(self) -> RecordTable:
        return self.query_one("#ids-table", RecordTable)

    def box(self, kind: str) -> NotesBox:
        return self.query_one(f"#ids-{kind}", NotesBox)

    def focus_first(self) -> None:
        self.table.focus()

    can_focus = True  # the frame's Esc out of a notes box focuses the panel: the keyboard goes back to the list

    def on_focus(self, event: Focus) -> None:
        self.table.focus()

    # Data -----------------------------------------------------------------------------

    def issues(self) -> list[Issue]:
        return meetings.ids_list(self.session.snapshot, self.meeting)

    def refresh_data(self) -> None:
        meeting = self.meeting
        snapshot = self.session.snapshot
        now = self.session.clock()
        width = self.size.width or self.app.size.width // 2
        wide = width >= WIDE
        owner_width = 18 if wide else 8
        title_width = max(10, width - (1 + 3 + 5 + owner_width + 7) - 6 * 2 - 3)
        rows = []
        for issue in self.issues():
            owner = snapshot.person_name(issue.owner_id)
            current = issue.id == meeting.ids_current
            seconds = issue_seconds(meeting, issue.id, now)
            rows.append(
                Row(
                    issue.id,
                    [
                        Text("▶", style="bold") if current else Text(""),
                        Text(f"#{issue.rank}", style=themed(RANK_STYLE)) if issue.rank else Text(""),
                        Text(issue.id, style="bold" if current else ""),
                        literal(issue.title, title_width, "bold" if current or issue.rank else ""),
                        literal(owner if wide else owner.split()[0], owner_width)
                        if owner
                        else Text("—", style=muted()),
                        Text(clock_text(seconds)) if seconds or current else Text(""),
                    ],
                )
            )
        self.table.fix_widths([1, 3, 5, title_width, owner_width, 7])
        self.table.show(rows)
        self._show_status()
        self._show_notes(meeting)
        self.refresh_bindings()

    def _show_status(self) -> None:
        meeting = self.meeting
        counts = outcome_counts(meeting)
        text = Text()
        current = meeting.ids_current
        if current is not None:
            seconds = issue_seconds(meeting, current, self.session.clock())
            text.append(f"Working {current} {clock_text(seconds)}", style="bold")
        else:
            text.append("Enter: work on it", style=muted())
        text.append(f" · Solved this meeting: {counts[IdsOutcome.SOLVED]}")
        moved = counts[IdsOutcome.LONG_TERM] + counts[IdsOutcome.DROPPED]
        if moved:
            text.append(f" · moved {moved}", style=muted())
        if not self.issues():
            text.append("\nNo open short-term issues. a: add one.", style=muted())
        self.query_one("#ids-status", Static).update(text)

    def _show_notes(self, meeting: Meeting) -> None:
        current = meeting.ids_current
        work = work_for(meeting, current)
        for kind in NOTE_KINDS:
            box = self.box(kind)
            saved = getattr(work, kind) if work is not None else ""
            if box.issue_id == current:
                box.show_saved(saved)
            else:
                self.call_later(self._switch_box, box, current, saved)

    async def _switch_box(self, box: NotesBox, issue_id: str | None, text: str) -> None:
        """Save what was typed for the previous issue, then show the notes of the issue now worked."""
        if box.issue_id == issue_id:
            return
        await box.flush()
        box.issue_id = issue_id
        box.saved_text = text
        box.load_text(text)
        box.disabled = issue_id is None
        box.placeholder = f"{box.kind.capitalize()} notes for {issue_id}" if issue_id else "Enter: work on an issue"

    def _tick(self) -> None:
        """The working issue's clock moves every second (read from the record and now, not counted here)."""
        meeting = self.meeting
        if meeting.ids_current is None or meeting.paused or meeting.finished:
            return
        self._show_status()
        table = self.table
        try:
            seconds = issue_seconds(meeting, meeting.ids_current, self.session.clock())
            table.update_cell(meeting.ids_current, "Time", Text(clock_text(seconds)))
        except Exception:  # the row is not drawn (yet): the next refresh draws it
            pass

    async def save_notes(self, issue_id: str, kind: str, text: str) -> object:
        notes = {kind: text}
        return await self.write(lambda tx: meetings.set_ids_notes(tx, self.meeting_id, issue_id, **notes))

    def selected(self) -> Issue | None:
        return self.record_at_cursor(self.table, self.session.snapshot.issue, "No issue selected.")

    # Actions --------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#ids-table")
    async def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        await self.action_work()

    async def action_work(self) -> None:
        issue = self.selected()
        if issue is None:
            return
        if not self.driving:
            self.notify("Only the driver moves IDS to another issue (T takes over).", severity="warning")
            return
        await self.flush()
        now = self.session.clock()
        driver = self.session.driver_label
        await self.write(lambda tx: meetings.work_on_issue(tx, self.meeting_id, issue.id, now, driver=driver))

    def action_notes(self, kind: str) -> None:
        if self.meeting.ids_current is None:
            self.notify("Enter on an issue first: the notes belong to the issue being worked.", timeout=3)
            return
        box = self.box(kind)
        box.disabled = False
        box.focus()

    async def action_rank(self, rank: int) -> None:
        issue = self.selected()
        if issue is not None:
            await rank_issue(self, issue, rank)

    def action_solve(self) -> None:
        issue = self.selected()
        if issue is None:
            return
        self.run_worker(self.flush(), group="ids-flush")
        check_person = self.check_person

        def check_todos(value: str) -> str | None:
            try:
                specs = parse_todo_lines(value)
            except InputError as error:
                return str(error).removeprefix("todo: ")
            for _title, owner in specs:
                problem = check_person(owner)
                if problem:
                    return problem
            return None

        def change(tx: Transaction, values: dict[str, str]) -> tuple[Issue, list[Todo]]:
            now = self.session.clock()
            return meetings.solve_in_meeting(
                tx, self.meeting_id, issue.id, values["decision"], now, parse_todo_lines(values["todos"])
            )

        def solved(result: tuple[Issue, list[Todo]]) -> None:
            issue_done, todos = result
            made = f"; to-dos {', '.join(todo.id for todo in todos)}" if todos else ""
            self.notify(f"{issue_done.id} solved{made}", timeout=3)
            self.table.focus()

        due = self.session.today() + timedelta(days=actions.TODO_DAYS)
        self.open_form(
            f"Solve {issue.id} {issue.title}",
            [
                FormField("decision", "Decision", required=True, placeholder="what we decided"),
                FormField(
                    "todos",
                    f"To-dos: title@owner, several split by ; (due {due:%a %d %b})",
                    placeholder="Call the bank@Ann; Send the quote@Bo",
                    check=check_todos,
                    suggestions=[],
                ),
            ],
            change,
            submit_label="solve",
            then=solved,
        )

    async def action_long_term(self) -> None:
        issue = self.selected()
        if issue is None:
            return
        now = self.session.clock()
        await self.write(
            lambda tx: meetings.set_issue_outcome(tx, self.meeting_id, issue.id, IdsOutcome.LONG_TERM.value, now),
            done=f"{issue.id} moved to the long-term list",
        )

    def action_drop(self) -> None:
        issue = self.selected()
        if issue is None:
            return
        now = self.session.clock()
        self.confirm(
            f"Drop {issue.id} {issue.title}? It is no longer an issue (kept on record as dropped).",
            lambda: self.write_soon(
                lambda tx: meetings.set_issue_outcome(tx, self.meeting_id, issue.id, IdsOutcome.DROPPED.value, now),
                done=f"{issue.id} dropped",
            ),
        )

    def action_add(self) -> None:
        today = self.session.today()
        team_id = self.meeting.team_id

        def change(tx: Transaction, values: dict[str, str]) -> Issue:
            return actions.add_issue(tx, values["title"], today, owner=values["owner"].strip() or None, team=team_id)

        def added(issue: Issue) -> None:
            self.table.focus()
            self.table.select_key(issue.id)
            self.notify(f"{issue.id} added to this meeting's IDS list", timeout=2)

        self.open_form(
            "New issue (short-term)",
            [
                FormField("title", "Issue", required=True, placeholder="Quotes take three days to go out"),
                FormField("owner", "Whose (optional)", check=self.check_person, suggestions=self.people_names()),
            ],
            change,
            then=added,
        )

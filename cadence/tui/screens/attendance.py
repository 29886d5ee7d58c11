"""Who is here: a checklist of the team's members when a meeting starts; the absent are recorded too.

Space toggles the person under the cursor, Enter writes each person's
attendance (``meetings.set_attendance``: one locked write for all), Escape
leaves everyone as the meeting started (all members present).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from cadence.store import Transaction
from cadence.store.actions import meetings
from cadence.tui.panels.base import SessionUser
from cadence.tui.widgets.dialogs import DIALOG_CSS
from cadence.tui.widgets.literal import literal


class AttendanceScreen(ModalScreen[bool], SessionUser):
    DEFAULT_CSS = (
        DIALOG_CSS.format(name="AttendanceScreen")
        + """
    AttendanceScreen SelectionList { height: auto; max-height: 14; }
    """
    )
    BINDINGS = [
        Binding("enter", "confirm", "Confirm", priority=True),
        Binding("escape", "cancel", "Skip"),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id

    def people(self) -> list[str]:
        """The team's members (else whoever the meeting listed), present ones first as the meeting has them."""
        snapshot = self.session.snapshot
        meeting = snapshot.meeting(self.meeting_id)
        listed = meeting.attendee_ids + meeting.absent_ids
        team = next((t for t in snapshot.teams if t.id == meeting.team_id), None)
        extra = [p for p in (team.member_ids if team else []) if p not in listed]
        return listed + extra

    def compose(self) -> ComposeResult:
        snapshot = self.session.snapshot
        meeting = snapshot.meeting(self.meeting_id)
        choices = [
            Selection(literal(snapshot.person_name(pid) or pid, 50), pid, pid not in meeting.absent_ids)
            for pid in self.people()
        ]
        with Vertical():
            yield Label("Who is here?", classes="dialog-title")
            yield SelectionList[str](*choices, id="attendance")
            yield Static(id="attendance-absent", markup=False)
            yield Static("↑↓: move  space: here / absent  Enter: done  Esc: skip", classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()
        self.show_absent()

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        self.show_absent()

    def show_absent(self) -> None:
        """Who is marked absent, in words (the ticks alone are colour in some terminals)."""
        snapshot = self.session.snapshot
        present = set(self.query_one(SelectionList).selected)
        absent = [snapshot.person_name(pid) or pid for pid in self.people() if pid not in present]
        line = f"{len(present)} here; absent: {', '.join(absent)}" if absent else f"All {len(present)} here"
        self.query_one("#attendance-absent", Static).update(literal(line, 200))

    async def action_confirm(self) -> None:
        present = set(self.query_one(SelectionList).selected)
        marks = [(pid, pid in present) for pid in self.people()]
        meeting_id = self.meeting_id

        def change(tx: Transaction) -> object:
            for person_id, here in marks:
                meetings.set_attendance(tx, meeting_id, person_id, here)
            return tx.meeting(meeting_id)

        absent = sum(1 for _, here in marks if not here)
        done = f"{len(marks) - absent} here, {absent} absent"
        if await self.write(change, done) is not None:
            self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)

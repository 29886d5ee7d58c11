"""The meeting screen: the agenda down the side, the clocks on top, the current section's panel in the middle.

It is a frame. The meeting record is the truth: which section is current, the
clocks (``meeting_clock`` from the record and the session's clock), who
drives. Every move is a store action written as it happens, so a second
terminal on the same workspace follows within one poll and a killed one
loses nothing. Only the driver moves the agenda and the clock; anyone may
take over. The panel for a section comes from ``SECTION_PANELS`` by its kind.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, Static, TextArea

from cadence.domain.meeting_clock import budget_seconds, clock_text, total_seconds
from cadence.domain.models import Meeting, MeetingKind
from cadence.domain.quarter_close import Decision
from cadence.domain.text import clip
from cadence.store import InputError, Transaction
from cadence.store.actions import meetings, quarters
from cadence.tui.panels.base import SessionUser
from cadence.tui.panels.meeting_base import MeetingPanel
from cadence.tui.panels.meeting_sections import panel_for
from cadence.tui.status_styles import Status, muted, status_style
from cadence.tui.widgets.agenda_sidebar import AgendaSidebar
from cadence.tui.widgets.dialogs import ChoiceScreen

if TYPE_CHECKING:
    from cadence.tui.screens.quarter_close import EndChoice

FOLLOWER_SAYS = "Only the driver moves the agenda — T to take over"
HELP = (
    "The weekly meeting. n / Tab: next section, p / Shift+Tab: previous, space: pause or resume the clock "
    "(the driver only), T: take over driving, e: end the meeting (asks first; a quarterly or annual session "
    "closes its quarter, each unfinished rock decided first), Esc: leave the screen "
    "(the meeting keeps running; its clock is on the record). The section's own keys show in the footer."
)


def who_drives(meeting: Meeting, label: str) -> str:
    if not meeting.driver or meeting.driver == label:
        return "you drive"
    return f"driver {meeting.driver}"


def claim_if_undriven(tx: Transaction, meeting_id: str, driver: str) -> None:
    """A meeting started with no driver (from the CLI) is driven by the first terminal that moves it."""
    if not tx.meeting(meeting_id).driver:
        meetings.take_over(tx, meeting_id, driver)


class MeetingScreen(Screen[None], SessionUser):
    """One running meeting; ``MeetingScreen(meeting_id)``. Opened with ``open_meeting``."""

    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text(encoding="utf-8")
    SECTION = "meeting"
    LEAVE_FIRST = "You are in the meeting: Esc leaves it (its clock keeps running), then a number picks a section."

    BINDINGS = [
        Binding("n", "move(1)", "Next", tooltip="Next section (the driver)", priority=True),
        Binding("p", "move(-1)", "Prev", tooltip="Previous section (the driver)", priority=True),
        Binding("tab", "tab(1)", "Next", show=False, tooltip="Next section (in a text box: the next box)"),
        Binding("shift+tab", "tab(-1)", "Prev", show=False, tooltip="Previous section (in a text box: the box before)"),
        Binding("space", "pause", "Pause", key_display="␣", tooltip="Pause / resume the clock", priority=True),
        Binding(
            "T", "take_over", "Take over", show=False, tooltip="Drive the meeting from this terminal", priority=True
        ),
        Binding("e", "end", "End", show=False, tooltip="End the meeting (asks first)", priority=True),
        Binding(
            "escape", "leave", "Leave", show=False, tooltip="Leave the screen; the meeting keeps running", priority=True
        ),
        Binding(
            "t", "keep_team", "Team", show=False, tooltip="The meeting shows its own team (pick another outside it)"
        ),
    ]

    def __init__(self, meeting_id: str, *, take_attendance: bool = False) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.take_attendance = take_attendance
        self._shown: int | None = None
        self._swap = asyncio.Lock()
        self._drove: bool | None = None
        self._ended_told = False

    # Screen's HELP is a plain string; the meeting's follows its section (read by the app's ?).
    @property
    def HELP(self) -> str:  # type: ignore[override]  # noqa: N802
        """The current section's help, then the meeting's keys."""
        panel = self.panel
        about = getattr(panel, "HELP", "") if panel is not None else ""
        return f"{about}\n\n{HELP}" if about else HELP

    # Reading ---------------------------------------------------------------------

    @property
    def meeting(self) -> Meeting:
        return self.session.snapshot.meeting(self.meeting_id)

    @property
    def driving(self) -> bool:
        meeting = self.meeting
        return not meeting.driver or meeting.driver == self.session.driver_label

    @property
    def panel(self) -> MeetingPanel | None:
        panels = self.query(MeetingPanel)
        return panels.first() if panels else None

    @property
    def captures_keys(self) -> bool:
        """A panel taking every key (the scorecard's ENTRY) turns the app's keys off, as in its own section."""
        panel = self.panel
        return bool(getattr(panel, "captures_keys", False))

    # Layout ----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="meeting-header", markup=False)
        with Horizontal(id="meeting-body"):
            yield AgendaSidebar(id="agenda")
            with Vertical(id="meeting-main"):
                yield Static(id="meeting-prompt", markup=False)
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        self.cadence.snapshot_signal.subscribe(self, self._on_snapshot)
        self._drove = self.driving
        await self.show_section()
        self.redraw_clocks()
        self.set_interval(1.0, self.redraw_clocks)
        if self.take_attendance and self.driving:
            self.ask_attendance()

    def _on_snapshot(self, _session: object) -> None:
        if self not in self.app.screen_stack:
            return
        self.call_later(self.follow)

    async def follow(self) -> None:
        """A new snapshot: the driver may have moved, someone may have taken over, the meeting may have ended."""
        try:
            meeting = self.meeting
        except InputError:
            return
        driving = self.driving
        if self._drove and not driving:
            self.app.notify(f"{meeting.driver} took over driving the meeting", title="Take over", timeout=6)
        self._drove = driving
        if meeting.ended_at is not None:
            self.redraw_clocks()
            if not self._ended_told:
                self._ended_told = True
                self.app.notify(f"{meeting.id} has ended", timeout=4)
            return
        await self.show_section()
        self.redraw_clocks()

    async def show_section(self) -> None:
        """Mount the panel of the meeting's current section, if another one is shown (saving its typing first)."""
        async with self._swap:
            meeting = self.meeting
            index = meeting.current
            if index == self._shown and self.panel is not None:
                return
            old = self.panel
            if old is not None:
                await old.flush()
                old.display = False  # out of the layout at once; its removal finishes in the background
                await old.remove()
            section = meeting.sections[index]
            panel = panel_for(section.kind)(self.meeting_id, index, id=f"section-{index}")
            await self.query_one("#meeting-main", Vertical).mount(panel)
            self._shown = index
            panel.rebuild()
            panel.focus_first()
            self.query_one("#meeting-prompt", Static).update(self.prompt_text(meeting, index))

    def prompt_text(self, meeting: Meeting, index: int) -> Text:
        section = meeting.sections[index]
        text = Text()
        text.append(f"{index + 1}/{len(meeting.sections)} {section.name}", style="bold")
        if section.prompt:
            text.append(" · ")
            text.append(clip(section.prompt, 200), style=muted())
        return text

    def header_text(self, meeting: Meeting) -> Text:
        now = self.session.clock()
        width = self.size.width - 2 if self.size.width else 78
        clock = f"{clock_text(total_seconds(meeting, now))} / {clock_text(budget_seconds(meeting))}"
        if meeting.ended_at is not None:
            state, state_style = "ENDED", "bold"
        elif meeting.paused:
            state, state_style = "PAUSED", "bold reverse"
        else:
            state, state_style = "running", status_style(Status.GOOD)
        driver = who_drives(meeting, self.session.driver_label)
        room = max(6, width - len(clock) - len(state) - len(driver) - 8)
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(clip(meeting.title, room), style="bold")
        text.append("  ")
        text.append(clock, style="bold")
        text.append("  ")
        text.append(state, style=state_style)
        text.append("  ")
        text.append(clip(driver, max(6, width - room - len(clock) - len(state) - 6)), style=muted())
        return text

    def redraw_clocks(self) -> None:
        """Header and agenda from the record and the clock now (every second, and on each snapshot)."""
        try:
            meeting = self.meeting
        except InputError:
            return
        self.query_one("#meeting-header", Static).update(self.header_text(meeting))
        self.query_one(AgendaSidebar).show(meeting, self.session.clock())

    # Keys ------------------------------------------------------------------------

    def typing(self) -> bool:
        """Is the keyboard in a text box (then letters and space are text, not the frame's keys)?"""
        return isinstance(self.focused, (TextArea, Input))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("move", "pause", "take_over", "end") and (self.typing() or self.captures_keys):
            return False
        if action == "leave" and self.captures_keys:
            return False
        return True

    def refuse_follower(self) -> bool:
        if self.driving:
            return False
        self.app.notify(FOLLOWER_SAYS, severity="warning", timeout=3)
        return True

    async def action_move(self, step: int) -> None:
        if self.refuse_follower():
            return
        panel = self.panel
        if panel is not None:
            await panel.flush()
        meeting_id, driver, now = self.meeting_id, self.session.driver_label, self.session.clock()

        def change(tx: Transaction) -> Meeting:
            claim_if_undriven(tx, meeting_id, driver)
            return meetings.next_section(tx, meeting_id, now, driver=driver, step=step)

        if await self.write(change) is not None:
            await self.show_section()
            self.redraw_clocks()

    def action_keep_team(self) -> None:
        self.app.notify("The meeting shows its own team; pick another team after leaving it (Esc).", timeout=3)

    async def action_tab(self, step: int) -> None:
        """Tab moves between text boxes while writing (as in any form), else to the next section."""
        if self.typing():
            if step > 0:
                self.focus_next()
            else:
                self.focus_previous()
            return
        await self.action_move(step)

    async def action_pause(self) -> None:
        if self.refuse_follower():
            return
        meeting_id, driver, now = self.meeting_id, self.session.driver_label, self.session.clock()
        pause = not self.meeting.paused

        def change(tx: Transaction) -> Meeting:
            claim_if_undriven(tx, meeting_id, driver)
            return meetings.set_paused(tx, meeting_id, pause, now, driver=driver)

        if await self.write(change, "Paused" if pause else "Resumed") is not None:
            self.redraw_clocks()

    def action_take_over(self) -> None:
        meeting = self.meeting
        if self.driving:
            self.app.notify("You already drive this meeting", timeout=2)
            return
        meeting_id, driver = self.meeting_id, self.session.driver_label

        def take() -> None:
            self.write_soon(lambda tx: meetings.take_over(tx, meeting_id, driver), "You drive the meeting now")

        self.confirm(f"Take over driving {meeting.title} from {meeting.driver}?", take)

    def action_end(self) -> None:
        if self.refuse_follower():
            return
        meeting = self.meeting
        left = len(meeting.sections) - 1 - meeting.current
        question = f"End {meeting.title} now?"
        if left:
            question += f" {left} section{'s' if left > 1 else ''} of the agenda not reached yet."
        if meeting.meeting_kind in (MeetingKind.QUARTERLY, MeetingKind.ANNUAL):
            closing = quarters.closed_with_nothing_left(self.session.snapshot, meeting)
            if closing is None:
                self.ask_how_the_quarter_closes()
                return
            question += f" {closing.quarter} was closed on {closing.closed_on}."

        def yes() -> None:
            self.call_later(self.end_now)

        self.confirm(question, yes)

    def ask_how_the_quarter_closes(self) -> None:
        """Ending a quarterly session closes its quarter: each unfinished rock decided on the close screen."""
        from cadence.tui.screens.quarter_close import QuarterCloseScreen

        def chosen(choice: EndChoice | None) -> None:
            if choice is not None:
                self.call_later(self.end_now, choice)

        self.app.push_screen(QuarterCloseScreen(self.meeting_id), chosen)

    async def end_now(self, choice: EndChoice | None = None) -> None:
        """End the meeting; with a closing ``choice`` the quarter is closed in the same locked write, so the
        session never ends with its quarter half closed."""
        panel = self.panel
        if panel is not None:
            await panel.flush()
        meeting_id, driver, now = self.meeting_id, self.session.driver_label, self.session.clock()
        closing = choice if choice is not None and choice.close else None
        quarter = quarters.quarter_reviewed_at(self.session.snapshot, self.meeting).label

        def change(tx: Transaction) -> Meeting:
            if closing is not None:
                quarters.close_at_session_end(
                    tx,
                    meeting_id,
                    now.date(),
                    carry=closing.of(Decision.CARRY),
                    not_done=closing.of(Decision.NOT_DONE),
                    done=closing.of(Decision.DONE),
                )
            return meetings.end_meeting(tx, meeting_id, now, driver=driver)

        done = f"Meeting ended; {quarter} closed; minutes saved" if closing else "Meeting ended; minutes saved"
        ended = await self.write(change, done)
        if ended is None:
            return
        self._ended_told = True
        self.dismiss_to_minutes(ended)

    def dismiss_to_minutes(self, meeting: Meeting) -> None:
        """Leave for the ended meeting's minutes (read-only); Esc there goes back where the meeting was opened."""
        from cadence.tui.screens.minutes import MinutesScreen

        self.app.pop_screen()
        self.app.push_screen(MinutesScreen(meeting.id))

    async def action_leave(self) -> None:
        """Esc in a text box ends the writing (saved on blur); otherwise leave the screen."""
        panel = self.panel
        if self.typing():
            self.set_focus(panel if panel is not None and panel.can_focus else None)  # at once: the next key is ours
            return
        if panel is not None:
            await panel.flush()
        self.app.pop_screen()

    # Who is here ------------------------------------------------------------------

    def ask_attendance(self) -> None:
        from cadence.tui.screens.attendance import AttendanceScreen

        self.app.push_screen(AttendanceScreen(self.meeting_id))

    def ask_me(self, then: Callable[[str], None] | None = None) -> None:
        """ "Who are you?": pick from the attendees; the session remembers it for this terminal."""
        ask_who(self.app, self.meeting, then)


def ask_who(app: App[object], meeting: Meeting, then: Callable[[str], None] | None = None) -> None:
    session = app.session  # type: ignore[attr-defined]
    people = meeting.attendee_ids + meeting.absent_ids or [p.id for p in session.snapshot.people if p.active]
    options = [(pid, session.snapshot.person_name(pid) or pid) for pid in people]

    def picked(person_id: str | None) -> None:
        if person_id:
            session.me = person_id
            if then is not None:
                then(person_id)

    app.push_screen(ChoiceScreen("Who are you?", options, session.me), picked)


def open_meeting(app: App[object], meeting_id: str, *, take_attendance: bool = False) -> None:
    """Show a meeting: the session picks the meeting's team (panels filter by it), the screen is pushed."""
    session = app.session  # type: ignore[attr-defined]
    meeting = session.snapshot.meeting(meeting_id)
    if meeting.team_id:
        session.pick_team(meeting.team_id)
    app.push_screen(MeetingScreen(meeting.id, take_attendance=take_attendance))


RUNNING = "running"


def find_to_join(app: App[object], text: str) -> Meeting | None:
    """``MT-5``, or ``running``: the picked team's running meeting, else any running one."""
    session = app.session  # type: ignore[attr-defined]
    snapshot = session.snapshot
    if text.strip().lower() != RUNNING:
        return meetings.find_meeting(snapshot, text)
    return meetings.running_meeting(snapshot, session.team_id) or next(
        iter(reversed(meetings.running_meetings(snapshot))), None
    )


def join_meeting(app: App[object], text: str) -> None:
    """``cadence meeting join``: open the meeting straight away, asking "Who are you?" first if nobody said."""
    session = app.session  # type: ignore[attr-defined]
    try:
        meeting = find_to_join(app, text)
    except InputError as error:
        app.notify(str(error), title="No such meeting", severity="warning")
        return
    if meeting is None:
        app.notify("No meeting is running: start one from Meetings (7).", severity="warning", timeout=6)
        return
    if meeting.ended_at is not None:
        app.notify(f"{meeting.id} has ended; its minutes are in Meetings (7).", severity="warning", timeout=6)
        return
    open_meeting(app, meeting.id)
    if session.me is None:
        ask_who(app, meeting)

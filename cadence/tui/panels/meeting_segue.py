"""The Segue: a line of good news from each person present, typed by them or for them, saved as typed.

One ``AutosaveText`` per attendee; each saves through ``meetings.set_segue``
within two seconds, on blur and before the section changes. Enter (or ``w``)
starts writing in your own line (the person at this terminal) or the first;
Tab moves to the next line while writing, Esc ends writing. Lines are
optional: an empty one is simply not recorded.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from cadence.store import Transaction
from cadence.store.actions import meetings
from cadence.tui.panels.base import panel_css
from cadence.tui.panels.meeting_base import MeetingPanel
from cadence.tui.widgets.autosave_text import AutosaveText
from cadence.tui.widgets.literal import literal

HELP = (
    "Good news, personal and professional, one line each. Enter (or w): write your line (or the first), "
    "Tab: the next person's line, Esc: done writing. Saved as you type."
)


class MeetingSeguePanel(MeetingPanel):
    DEFAULT_CSS = panel_css(__file__)
    HELP = HELP
    can_focus = True
    BINDINGS = [Binding("enter,w", "write", "Write", tooltip="Write a segue line (Esc when done)")]
    CLI_EQUIVALENTS = {}
    NAVIGATION = frozenset({"write"})

    def __init__(self, meeting_id: str, index: int, *, id: str | None = None) -> None:
        super().__init__(meeting_id, index, id=id)
        self._people: list[str] = []

    def lines(self) -> dict[str, str]:
        return {line.person_id: line.text for line in self.meeting.segue}

    def compose(self) -> ComposeResult:
        snapshot = self.session.snapshot
        self._people = list(self.meeting.attendee_ids)
        said = self.lines()
        with VerticalScroll(id="segue-lines"):
            if not self._people:
                yield Static("Nobody is marked present.", markup=False)
            for person_id in self._people:
                yield Static(literal(snapshot.person_name(person_id) or person_id, 60), classes="segue-name")
                yield AutosaveText(
                    said.get(person_id, ""),
                    self.saver(person_id),
                    placeholder="Good news, personal and professional…",
                    id=f"segue-{person_id}",
                )

    def saver(self, person_id: str) -> Callable[[str], Awaitable[object]]:
        meeting_id = self.meeting_id

        async def save(text: str) -> object:
            def change(tx: Transaction) -> object:
                return meetings.set_segue(tx, meeting_id, person_id, text)

            return await self.write(change)

        return save

    def refresh_data(self) -> None:
        meeting = self.meeting
        if list(meeting.attendee_ids) != self._people:
            self.refresh(recompose=True)
            return
        said = self.lines()
        for person_id in self._people:
            self.query_one(f"#segue-{person_id}", AutosaveText).show_saved(said.get(person_id, ""))

    def focus_first(self) -> None:
        self.focus()

    def action_write(self) -> None:
        boxes = list(self.query(AutosaveText))
        if not boxes:
            return
        mine = [box for box in boxes if box.id == f"segue-{self.me}"]
        # At once, not after a refresh (``focus()``): the keys typed right after Enter belong to the box.
        self.screen.set_focus((mine or boxes)[0])

"""Ending a quarterly or annual session: the quarter closes, each unfinished rock decided by an explicit key.

Nothing closes silently: every rock of the reviewed quarter still on or off
track (the team's own; at the leadership team's session the company rocks
too) is carried into the next quarter (``c``), marked not done (``x``) or
done (``d``) here, one key per rock, before Enter ends the session and closes
the quarter in one locked write (``quarters.close_quarter`` then
``meetings.end_meeting``). Enter with a rock still undecided names it and does
nothing. A session that must stop before the quarter can be closed (day one
of an annual) is ended with ``o``, which says the quarter stays open; Esc goes
back to the meeting. The choices live on this screen until Enter: leaving
writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from cadence.domain.models import Rock, Team
from cadence.domain.quarter_close import Decision
from cadence.store.actions import quarters
from cadence.tui.panels.base import SessionUser, panel_css
from cadence.tui.status_styles import muted
from cadence.tui.widgets.literal import literal

DECISION_WORDS = {Decision.CARRY: "carry over", Decision.NOT_DONE: "not done", Decision.DONE: "done"}


@dataclass(frozen=True)
class EndChoice:
    """How the session ends: closing the quarter with these decisions (rock id to decision), or leaving it open."""

    close: bool
    decisions: dict[str, str] = field(default_factory=dict)

    def of(self, decision: str) -> list[str]:
        return [rock_id for rock_id, chosen in self.decisions.items() if chosen == decision]


class QuarterCloseScreen(ModalScreen[EndChoice | None], SessionUser):
    DEFAULT_CSS = panel_css(__file__)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "decide('carry')", "Carry over"),
        Binding("x", "decide('not-done')", "Not done"),
        Binding("d", "decide('done')", "Done"),
        Binding("delete,backspace", "decide('')", "Clear"),
        Binding("enter", "close_quarter", "End & close", priority=True),
        Binding("o", "leave_open", "End, leave open"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.quarter = ""
        self.team: Team | None = None
        self.rocks: list[Rock] = []
        self.decisions: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        snapshot = self.session.snapshot  # the rocks as they stand when the dialog opens
        meeting = snapshot.meeting(self.meeting_id)
        self.quarter = quarters.quarter_reviewed_at(snapshot, meeting).label
        self.team = quarters.team_of(snapshot, meeting)
        self.rocks = quarters.rocks_to_settle(snapshot, self.quarter, self.team)
        scope = f" for {self.team.name}" if self.team else ""
        with Vertical():
            yield Label(literal(f"End the session and close {self.quarter}{scope}", 70), classes="dialog-title")
            if self.rocks:
                yield Static(
                    "Every unfinished rock needs a decision: carry it into the next quarter, not done, or done.",
                    id="close-intro",
                )
                yield DataTable(id="close-rocks", cursor_type="row", zebra_stripes=True)
            yield Static(id="close-status")
            yield Static(self.hint(), classes="dialog-hint", markup=False)

    def hint(self) -> str:
        keys = "c: carry over  x: not done  d: done  Del: clear\n" if self.rocks else ""
        return keys + "Enter: end & close the quarter  o: end, leave it open  Esc: back"

    def on_mount(self) -> None:
        if not self.rocks:
            self.show_status()
            return
        table = self.query_one("#close-rocks", DataTable)
        table.add_column("Rock", key="rock")
        table.add_column("Owner", key="owner")
        table.add_column("Title", key="title", width=32)
        table.add_column("Decision", key="decision", width=12)
        snapshot = self.session.snapshot
        for rock in self.rocks:
            owner = snapshot.person_name(rock.owner_id) or rock.owner_id
            table.add_row(
                rock.id, literal(owner, 14), literal(rock.title, 32), self.decision_cell(rock.id), key=rock.id
            )
        table.focus()
        self.show_status()

    def decision_cell(self, rock_id: str) -> Text:
        decision = self.decisions.get(rock_id)
        return Text(DECISION_WORDS[decision], style="bold") if decision else Text("undecided", style=muted())

    def undecided(self) -> list[str]:
        return [rock.id for rock in self.rocks if rock.id not in self.decisions]

    def show_status(self) -> None:
        left = self.undecided()
        if left:
            text = Text(f"{len(left)} of {len(self.rocks)} undecided: {', '.join(left)}", style="bold")
        else:
            every = "Every rock decided" if self.rocks else f"No unfinished rock in {self.quarter}"
            text = Text(f"{every}: Enter ends the session and closes {self.quarter}.")
        self.query_one("#close-status", Static).update(text)

    def action_decide(self, decision: str) -> None:
        if not self.rocks:
            return
        table = self.query_one("#close-rocks", DataTable)
        rock = self.rocks[table.cursor_row]
        if decision:
            self.decisions[rock.id] = decision
        else:
            self.decisions.pop(rock.id, None)
        table.update_cell(rock.id, "decision", self.decision_cell(rock.id))
        if decision and table.cursor_row < len(self.rocks) - 1:
            table.move_cursor(row=table.cursor_row + 1)
        self.show_status()

    def action_close_quarter(self) -> None:
        left = self.undecided()
        if left:
            self.app.notify(
                f"Decide {', '.join(left)} first (c, x or d), or end with o and leave {self.quarter} open.",
                title="Not closed",
                severity="warning",
                timeout=6,
            )
            return
        self.app.clear_notifications()  # a "Not closed" warning from an earlier Enter no longer holds
        self.dismiss(EndChoice(close=True, decisions=dict(self.decisions)))

    def action_leave_open(self) -> None:
        self.dismiss(EndChoice(close=False))

    def action_back(self) -> None:
        self.dismiss(None)

"""Rock review in the meeting: each of the team's rocks this quarter, on or off track one key each.

It is the Rocks panel (its table, milestones, detail) with the review's keys:
``o`` on track, ``f`` off track (the owner says which), ``i`` drops an
off-track rock to the Issues list. Milestones due this week are listed above
the table. The meeting's own keys (n, p, space, T, e) win: the Rocks panel's
``n`` (new milestone) is not offered here, and ticking a milestone is ``x``.
"""

from __future__ import annotations

from datetime import timedelta
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from cadence.domain.models import RockStatus
from cadence.domain.text import clip
from cadence.store import actions
from cadence.tui.panels.base import panel_css
from cadence.tui.panels.meeting_base import MeetingPanel
from cadence.tui.panels.meeting_css import styles_of
from cadence.tui.panels.rock_rows import period_line
from cadence.tui.panels.rocks import RocksPanel
from cadence.tui.status_styles import Status, muted, status_style

HELP = (
    "Each rock of the team this quarter: the owner says on or off track. o: on track, f: off track, "
    "i: drop the rock to the Issues list, Enter: show its milestones, x: tick a milestone."
)


class MeetingRocksPanel(MeetingPanel, RocksPanel, inherit_bindings=False):
    DEFAULT_CSS = styles_of(RocksPanel, "MeetingRocksPanel", panel_css(__file__))
    HELP = HELP
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "set_status('on-track')", "On track", tooltip="The owner says: on track"),
        Binding("f", "set_status('off-track')", "Off track", tooltip="The owner says: off track"),
        Binding("i", "to_issue", "Issue", tooltip="Drop the rock to the Issues list"),
        Binding("x", "tick", "Tick", show=False, tooltip="Tick / untick the milestone under the cursor"),
        Binding("enter", "toggle_milestones", "Milestones", show=False, tooltip="Show or hide the rock's milestones"),
    ]
    CLI_EQUIVALENTS: ClassVar[dict[str, str]] = {**RocksPanel.CLI_EQUIVALENTS, "set_status": "rock set"}
    NAVIGATION: ClassVar[frozenset[str]] = RocksPanel.NAVIGATION

    def compose(self) -> ComposeResult:
        yield Static(id="rock-due-week", markup=False)
        yield from super().compose()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "set_status":
            row = self.row_here()
            return row is not None and row.is_rock
        return super().check_action(action, parameters)

    def refresh_data(self) -> None:
        super().refresh_data()
        # The quarter and owner keys ([ ] f) are not the review's (f is off track here): the line without its hints.
        period = period_line(self.quarter, self.session.today(), self.owner_label(), width=0)
        self.query_one("#rock-period", Static).update(period)
        self.query_one("#rock-due-week", Static).update(self.due_this_week())

    def due_this_week(self) -> Text:
        """Milestones of these rocks not done and due by the end of this week (overdue ones too)."""
        week_end = self.session.week() + timedelta(days=6)
        due = [
            (rock, milestone)
            for rock in self.visible_rocks()
            for milestone in rock.milestones
            if not milestone.done and milestone.due is not None and milestone.due <= week_end
        ]
        if not due:
            return Text("No milestones due this week.", style=muted(), no_wrap=True, overflow="ellipsis")
        text = Text(
            f"{len(due)} milestone{'s' if len(due) > 1 else ''} due: ", style="bold", no_wrap=True, overflow="ellipsis"
        )
        for n, (rock, milestone) in enumerate(due):
            if n:
                text.append(" · ")
            late = milestone.due is not None and milestone.due < self.session.today()
            style = status_style(Status.BAD) if late else ""
            text.append(f"{clip(milestone.title, 40)} ({rock.id} {milestone.due:%a %d})", style=style)
        return text

    async def action_set_status(self, status: str) -> None:
        rock = self._rock_or_warn()
        if rock is None:
            return
        today = self.session.today()
        saved = await self.write(lambda tx: actions.set_rock_status(tx, rock.id, status, today))
        if saved is not None:
            word = "on track" if saved.status is RockStatus.ON_TRACK else "off track — i drops it to Issues"
            self.app.notify(f"{saved.id} {word}", timeout=2)

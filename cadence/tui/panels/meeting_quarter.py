"""The quarterly session's review of the quarter: every rock decided with one key, and the quarter's figures.

It is the Rocks panel (its table, milestones, detail) on the quarter the
session reviews (``quarters.quarter_reviewed_at``: the one just ended early in a
quarter, else the current one), with the close's keys: ``d`` done, ``x`` not
done, ``c`` carry into the next quarter (a new rock there, the old one not
done). Each key calls ``settle_rock``, as ``cadence quarter settle`` does, and
writes at once; a rock still on or off track is undecided and counted above
the table. The line above shows rocks done against 80%, to-dos done against
90% and the quarter's meeting ratings. The meeting's own keys (n, p, space,
T, e) win, which is why not done is ``x``. Ending the session (``e``) closes
the quarter: a rock still undecided then is decided on the close screen
(``cadence.tui.screens.quarter_close``); nothing closes silently.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from cadence.domain.metrics import TODO_GOAL
from cadence.domain.periods import Quarter
from cadence.domain.quarter_close import percent, review_quarter
from cadence.store.actions import quarters
from cadence.tui.panels.base import panel_css
from cadence.tui.panels.meeting_base import MeetingPanel
from cadence.tui.panels.meeting_css import styles_of
from cadence.tui.panels.rock_rows import period_line
from cadence.tui.panels.rocks import RocksPanel
from cadence.tui.status_styles import muted, verdict_style

HELP = (
    "The quarter under review: decide each unfinished rock. d: done, x: not done, c: carry it into the next "
    "quarter (a new rock there; this one not done). Enter: show its milestones. The line above: rocks done "
    "against 80%, to-dos done against 90%, the quarter's meeting ratings, and how many rocks are undecided."
)
DECISIONS = {"done": "done", "not-done": "not done", "carry": "carried"}


class QuarterReviewPanel(MeetingPanel, RocksPanel, inherit_bindings=False):
    DEFAULT_CSS = styles_of(RocksPanel, "QuarterReviewPanel", panel_css(__file__))
    HELP = HELP
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "settle('done')", "Done", tooltip="The rock was done"),
        Binding("x", "settle('not-done')", "Not done", tooltip="The rock was not done"),
        Binding("c", "settle('carry')", "Carry", tooltip="Carry it into the next quarter (this one: not done)"),
        Binding("enter", "toggle_milestones", "Milestones", show=False, tooltip="Show or hide the rock's milestones"),
    ]
    CLI_EQUIVALENTS: ClassVar[dict[str, str]] = {
        **RocksPanel.CLI_EQUIVALENTS,
        "settle": "quarter settle",
    }
    NAVIGATION: ClassVar[frozenset[str]] = RocksPanel.NAVIGATION

    def compose(self) -> ComposeResult:
        yield Static(id="quarter-figures", markup=False)
        yield from super().compose()

    @property
    def quarter(self) -> Quarter:
        if self._quarter is None:
            self._quarter = quarters.quarter_reviewed_at(self.session.snapshot, self.meeting)
        return self._quarter

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "settle":
            row = self.row_here()
            return row is not None and row.is_rock
        return super().check_action(action, parameters)

    def refresh_data(self) -> None:
        super().refresh_data()
        # The quarter and owner keys ([ ] f) are not this section's: the line without its hints.
        period = period_line(self.quarter, self.session.today(), self.owner_label(), width=0)
        self.query_one("#rock-period", Static).update(period)
        self.query_one("#quarter-figures", Static).update(self.figures())

    def figures(self) -> Text:
        """To-dos done against 90%, the meetings' ratings, and how many of the rocks below are undecided (the
        line under it gives rocks done against 80%)."""
        view = self.session.snapshot
        review = review_quarter(self.quarter, self.visible_rocks(), view.todos, view.meetings)
        average = "-" if review.average_rating is None else f"{review.average_rating:.1f}"
        line = Text(no_wrap=True, overflow="ellipsis")
        undecided = len(review.undecided_ids)
        line.append(f"{undecided} undecided" if undecided else "Every rock decided", "bold" if undecided else muted())
        closing = quarters.closing_for(view, self.quarter.label, quarters.team_of(view, self.meeting))
        if closing is not None:
            line.append(f" (closed {closing.closed_on})", muted())
        line.append("  To-dos done ")
        todos = f"{percent(review.todo_rate)} ({review.todos_done}/{review.todos_total})"
        line.append(todos, verdict_style(bool(review.todos_on_goal)))
        line.append(f" goal {percent(TODO_GOAL)}  Meetings rated {average} ({len(review.ratings)})")
        return line

    async def action_settle(self, decision: str) -> None:
        rock = self._rock_or_warn()
        if rock is None:
            return
        today = self.session.today()
        saved = await self.write(lambda tx: quarters.settle_rock(tx, rock.id, decision, today))
        if saved is not None:
            into = f" into {saved.quarter} as {saved.id}" if decision == "carry" else ""
            self.app.notify(f"{rock.id} {DECISIONS[decision]}{into}", timeout=3)

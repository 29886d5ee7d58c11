"""The Scorecard's content: the team's numbers for the last 13 weeks, filled in one keyboard pass.

A panel, so the Scorecard section and the weekly meeting show the same grid
with the same keys. Two modes, always visible. **Browsing** (the default):
keys move, switch sections (``1``-``9``, as the tab bar says) and act on the
cell; no key types a value, so a section key can never land in a cell.
**Entry**: ``Enter`` (or a click) on a week's cell opens the editor there;
an ENTRY banner takes the tab bar's line (the frame hides its tabs while the
panel has the ``-entry`` class on its screen) and the footer shows only the
editor's keys. Typing replaces the cell's value, ``Enter`` saves and opens
the next cell down, ``Tab`` the next to the right, ``Esc`` leaves entry with
the cell unchanged. So the weekly pass is ``3``, ``Enter``, then value,
``Enter``, value, ``Enter``... Entry ends by itself past the last row.
Roll-ups (months, quarters) are read-only.

**Blocks**: the weekly measurables first, then (only when there are any) a
Monthly block over month columns and a Quarterly block over quarter columns,
each a grid of its own, stacked so every number is in sight without a key
to find it; ``down`` past the last row of a block goes on into the next.
``p`` switches the block the cursor is in between its own periods and the
coarser roll-ups (weeks, months, quarters; months, quarters). A monthly cell
is typed like a weekly one and stored under the month's first day (a
quarterly one: the quarter's).

Every write is a named action of ``cadence.store.actions`` run off the event
loop (``SectionPanel.write``); a value's save is awaited inside the key
handler, so keys typed meanwhile wait in the panel's queue, in order.

A build costs what the grid shows, not the years of numbers behind it: the
snapshot's scores are indexed by measurable once per snapshot
(``ScoreIndex``), and each block is built from its own measurables' scores
in the periods it shows. A cursor move builds nothing.

``x`` exports the picked team's scorecard as ``cadence scorecard export
--team`` writes it (``actions.exports.scorecard_file``: CSV, or a workbook
for an ``.xlsx`` name): a file in a terminal, a download in a browser.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from datetime import date, timedelta
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from cadence.domain.models import Frequency, Measurable, Score
from cadence.domain.scorecard import (
    FREQUENCY_PERIODS,
    GridCell,
    GridRow,
    Period,
    PeriodKind,
    active_measurables,
    build_grid,
    frequency_title,
    of_frequency,
    period_noun,
    period_of,
    periods_for,
    views_of,
)
from cadence.domain.text import clip
from cadence.domain.units import format_value, parse_value
from cadence.store import InputError, actions
from cadence.store.actions.exports import scorecard_file
from cadence.tui.exports import export_document
from cadence.tui.panels.base import SectionPanel, panel_css
from cadence.tui.panels.scorecard_forms import add_measurable_form, edit_measurable_form, goal_form, note_form
from cadence.tui.panels.scorecard_text import (
    cell_detail,
    hidden_hint,
    notes_text,
    period_words,
    row_detail,
    summary_line,
)
from cadence.tui.widgets.cell_entry import CellEntry
from cadence.tui.widgets.dialogs import ChoiceScreen
from cadence.tui.widgets.literal import literal
from cadence.tui.widgets.score_grid import GridLayout, ScoreGrid

EDIT_MOVES = {"enter": (1, 0), "tab": (0, 1), "shift+tab": (0, -1), "down": (1, 0), "up": (-1, 0)}
ROWS_AROUND_GRID = 7  # header, tabs, summary, detail, editor, footer, one line of notes
ENTRY_BANNER = " ENTRY · typing goes into the cell · ⏎ save ↓ · Tab save → · Esc stop"
ENTRY_CLASS = "-entry"
BLOCK_IDS = {
    Frequency.WEEKLY: "sc-grid",
    Frequency.MONTHLY: "sc-grid-monthly",
    Frequency.QUARTERLY: "sc-grid-quarterly",
}
BLOCK_ROWS = 4  # a monthly or quarterly block shows up to this many rows before it scrolls


class ScoreIndex:
    """The scores a block can show, from the session's scores by measurable (indexed once per snapshot)."""

    def __init__(self, generation: int, by_measurable: dict[str, list[Score]]) -> None:
        self.generation = generation
        self._by_measurable = by_measurable

    def within(self, measurables: list[Measurable], periods: list[Period]) -> list[Score]:
        """The scores of ``measurables`` that can count in ``periods`` (a week either side: a week
        that starts before a month can still be that month's)."""
        if not periods:
            return []
        first = min(period.start for period in periods) - timedelta(days=7)
        last = max(period.end for period in periods)
        return [
            score
            for measurable in measurables
            for score in self._by_measurable.get(measurable.id, ())
            if first <= score.week <= last
        ]

    def at(self, measurable_id: str, start: date) -> Score | None:
        """The value stored for a measurable's period (its first day), if any (the first, as ``score_for``)."""
        return next((score for score in self._by_measurable.get(measurable_id, ()) if score.week == start), None)


def default_scorecard_name(team_name: str, today: date) -> str:
    """``scorecard-leadership-team-2026-11-23.csv``; ``scorecard-2026-11-23.csv`` with no team picked."""
    word = re.sub(r"[^a-z0-9]+", "-", team_name.casefold()).strip("-")[:40].strip("-")
    return f"scorecard-{word + '-' if word else ''}{today:%Y-%m-%d}.csv"


class ScorecardPanel(SectionPanel):
    DEFAULT_CSS = panel_css(__file__)
    HELP = (
        "Enter on a week's cell starts ENTRY: type a value (12,500  $12.5k  85%  yes/no  1:30; a bare "
        "number for a duration is hours), Enter saves and moves down, Tab right, Esc stops. Outside "
        "ENTRY no key types a value: 1-9 always switch sections. ✓ on goal, ✗ off goal, * has a note. "
        "Monthly and quarterly measurables have their own blocks under the weekly ones (down arrow "
        "goes on into them): a month's cell is typed the same way; p switches the block the cursor "
        "is in between its own periods and roll-ups. x exports the team's scorecard as CSV (an .xlsx "
        "name: a workbook), the same sheet cadence scorecard export writes; in a browser, a download."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "note", "Note", tooltip="Add or edit the note on this cell"),
        Binding("i", "to_issue", "Issue", tooltip="Drop a red cell to the Issues list"),
        Binding(
            "p",
            "period",
            "Period",
            tooltip="This block's columns: its own periods or roll-ups (weeks / months / quarters; read-only)",
        ),
        Binding("m", "mine", "Mine", tooltip="My numbers: one person's measurables across all teams"),
        # Not in the footer (it is full at 80 columns; x took its place): an empty block says "press a to add one".
        Binding("a", "add", "Add", show=False, tooltip="Add a measurable to this team"),
        Binding("g", "goal", "Goal", tooltip="Change the goal from a chosen week (month, quarter) on"),
        Binding(
            "x",
            "export",
            "Export",
            tooltip="Write the team's scorecard to a CSV file (.xlsx: a workbook); in a browser, download it",
        ),
        Binding("e", "edit", "Edit", show=False, tooltip="Edit the measurable: title, owner, unit, roll-up, frequency"),
        Binding("delete,backspace", "clear", "Clear", show=False, tooltip="Clear this cell's value (asks first)"),
        Binding("K,ctrl+up", "reorder(-1)", "Row up", show=False, tooltip="Move the measurable up a row"),
        Binding("J,ctrl+down", "reorder(1)", "Row down", show=False, tooltip="Move the measurable down a row"),
        Binding("d", "archive", "Archive", show=False, tooltip="Archive the measurable (asks first)"),
        Binding("f", "flip", "Flip", show=False, tooltip="Newest week on the left / on the right"),
        Binding("M", "pick_me", "Whose", show=False, tooltip="Pick whose numbers 'Mine' shows"),
        # In ENTRY the footer shows only these (the keys reach on_key first;
        # the bindings are there for the footer, the help and a mouse click on them).
        Binding("enter", "edit_key('enter')", "Save ↓", key_display="⏎", tooltip="Save and open the cell below"),
        Binding("tab", "edit_key('tab')", "Save →", key_display="Tab", tooltip="Save and open the cell to the right"),
        Binding(
            "shift+tab", "edit_key('shift+tab')", "Save ←", show=False, tooltip="Save and open the cell to the left"
        ),
        Binding("up", "edit_key('up')", "Save ↑", show=False, tooltip="Save and open the cell above"),
        Binding("ctrl+u", "edit_key('ctrl+u')", "Empty", show=False, tooltip="Empty what is typed"),
        Binding(
            "escape",
            "edit_key('escape')",
            "Stop entry",
            key_display="Esc",
            tooltip="Leave ENTRY; this cell stays as it was",
        ),
    ]
    CLI_EQUIVALENTS: ClassVar[dict[str, str]] = {
        "note": "score note",
        "to_issue": "score drop",
        "add": "measurable add",
        "goal": "measurable goal",
        "edit": "measurable edit",
        "clear": "score clear",
        "reorder": "measurable move",
        "archive": "measurable archive",
        "edit_key": "score set",  # ENTRY saves a week's value
        "export": "scorecard export",
    }
    NAVIGATION: ClassVar[frozenset[str]] = frozenset({"period", "mine", "flip", "pick_me"})

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.kinds = {frequency: FREQUENCY_PERIODS[frequency] for frequency in Frequency}
        self.active = Frequency.WEEKLY
        self.block_rows: dict[Frequency, list[GridRow]] = {frequency: [] for frequency in Frequency}
        self.newest_left = False
        self.mine_id: str | None = None
        self.editing: tuple[str, date] | None = None
        self._layout: GridLayout | None = None
        self._scores: ScoreIndex | None = None

    def compose(self) -> ComposeResult:
        yield Static(ENTRY_BANNER, id="sc-mode", markup=False)
        yield Static(id="sc-summary", markup=False)
        for frequency in Frequency:
            yield ScoreGrid(id=BLOCK_IDS[frequency], frequency=frequency)
        yield Static(id="sc-detail", markup=False)
        yield CellEntry(id="sc-entry")
        with VerticalScroll(id="sc-notes-box"):
            yield Static(id="sc-notes", markup=False)

    def focus_first(self) -> None:
        self.grid.focus()

    @property
    def grid(self) -> ScoreGrid:
        """The block the cursor is in (the weekly one until another takes focus)."""
        return self.grid_for(self.active)

    def grid_for(self, frequency: Frequency) -> ScoreGrid:
        return self.query_one(f"#{BLOCK_IDS[frequency]}", ScoreGrid)

    @property
    def kind(self) -> PeriodKind:
        """The columns of the block the cursor is in: its own periods or a roll-up."""
        return self.kinds[self.active]

    @kind.setter
    def kind(self, value: PeriodKind) -> None:
        self.kinds[self.active] = value

    @property
    def entry(self) -> CellEntry:
        return self.query_one(CellEntry)

    # Data ---------------------------------------------------------------------------

    def this_week(self) -> date:
        return self.session.week()

    def periods(self, frequency: Frequency | None = None) -> list[Period]:
        meta = self.session.snapshot.meta
        periods = periods_for(
            self.kinds[self.active if frequency is None else frequency],
            self.session.today(),
            week_start_day=meta.week_start_day,
            fiscal_start_month=meta.fiscal_start_month,
        )
        return list(reversed(periods)) if self.newest_left else periods

    def current_period(self, periods: list[Period]) -> date | None:
        week = self.this_week()
        return next((period.start for period in periods if period.holds_week(week)), None)

    def measurables(self) -> list[Measurable]:
        shown = active_measurables(self.session.snapshot.measurables)
        if self.mine_id is not None:
            return [m for m in shown if m.owner_id == self.mine_id]
        return [m for m in shown if self.session.belongs(m.team_id, m.owner_id)]

    def review_period(self, frequency: Frequency) -> date | None:
        """The first day of the period a block is filled in for (this week, this month, this quarter);
        None hides the block (the meeting shows monthly numbers only in a month's first meeting)."""
        meta = self.session.snapshot.meta
        middle = self.this_week() + timedelta(days=3)
        return period_of(frequency, middle, meta.week_start_day, meta.fiscal_start_month).start

    def block_current(self, frequency: Frequency, periods: list[Period]) -> date | None:
        """The column marked current (and where the cursor opens): the period being filled in."""
        review = self.review_period(frequency)
        if any(period.start == review for period in periods):
            return review
        return self.current_period(periods)

    def scores(self) -> ScoreIndex:
        """The session's snapshot's scores, indexed (again only when the snapshot is a newer one)."""
        generation = self.session.generation
        if self._scores is None or self._scores.generation != generation:
            self._scores = ScoreIndex(generation, self.session.index.scores_by_measurable)
        return self._scores

    def refresh_data(self) -> None:
        snapshot = self.session.snapshot
        self._layout = GridLayout.for_width(self.room())
        names = {person.id: person.name for person in snapshot.people}
        measurables = self.measurables()
        blocks = {frequency: of_frequency(measurables, frequency) for frequency in Frequency}
        shown = [
            frequency
            for frequency in Frequency
            if frequency is Frequency.WEEKLY or (blocks[frequency] and self.review_period(frequency) is not None)
        ]
        room = max(6, self.app.size.height - ROWS_AROUND_GRID)
        others = sum(min(len(blocks[frequency]), BLOCK_ROWS) + 2 for frequency in shown[1:])
        trend = max(max(5, len(self.periods(frequency))) for frequency in shown)
        for frequency in Frequency:
            grid = self.grid_for(frequency)
            grid.display = frequency in shown
            if frequency not in shown:
                self.block_rows[frequency] = []
                continue
            periods = self.periods(frequency)
            rows = build_grid(blocks[frequency], self.scores().within(blocks[frequency], periods), periods)
            self.block_rows[frequency] = rows
            if frequency is Frequency.WEEKLY:
                grid.styles.max_height = max(4, room - others)
            else:
                grid.styles.max_height = min(len(rows), BLOCK_ROWS) + 2
            title = frequency_title(frequency) if len(shown) > 1 else "Measurable"
            grid.trend_width = trend
            grid.show_cursor = frequency is self.active
            grid.show(rows, periods, self._layout, self.block_current(frequency, periods), names, title)
        if self.active not in shown:
            self.active = Frequency.WEEKLY
            self.grid.show_cursor = True
            if isinstance(self.screen.focused, ScoreGrid):
                self.grid.focus()
        self.query_one("#sc-summary", Static).update(self.summary(self.block_rows[self.active]))
        every_row = [row for frequency in shown for row in self.block_rows[frequency]]
        notes = notes_text(every_row)
        hidden = [frequency_title(item) for item in self.hidden_blocks()]
        if hidden:
            notes = hidden_hint(hidden) + Text("\n") + notes
        self.query_one("#sc-notes", Static).update(notes)
        self.show_detail()

    def hidden_blocks(self) -> list[Frequency]:
        """Blocks with measurables that this view leaves out (the meeting's, outside a month's first)."""
        measurables = self.measurables()
        return [
            frequency
            for frequency in (Frequency.MONTHLY, Frequency.QUARTERLY)
            if of_frequency(measurables, frequency) and self.review_period(frequency) is None
        ]

    @on(ScoreGrid.Leave)
    def _leave_block(self, event: ScoreGrid.Leave) -> None:
        """Down past a block's last row goes on into the next block shown (up: the one above)."""
        event.stop()
        order = [frequency for frequency in Frequency if self.grid_for(frequency).display]
        index = order.index(event.grid.frequency) + event.step
        if not 0 <= index < len(order):
            return
        target = self.grid_for(order[index])
        if not target.row_count:
            return
        target.move_cursor(row=0 if event.step > 0 else target.row_count - 1, animate=False)
        target.focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The block taking focus becomes the one the keys act on (summary and detail follow it)."""
        widget = event.widget
        if isinstance(widget, ScoreGrid) and widget.frequency is not self.active:
            self.active = widget.frequency
            for frequency in Frequency:
                self.grid_for(frequency).show_cursor = frequency is self.active
            self.query_one("#sc-summary", Static).update(self.summary(self.block_rows[self.active]))
            self.show_detail()
            self.refresh_bindings()

    def layout_key(self) -> Hashable:
        """The grid's layout for the room it has, and the terminal's height (the weekly block's share of it)."""
        return GridLayout.for_width(self.room()), self.app.size.height

    def room(self) -> int:
        """The panel's own width (in the meeting it shares the screen with the agenda), else the terminal's."""
        return self.size.width or self.app.size.width

    def summary(self, rows: list[GridRow]) -> Text:
        snapshot = self.session.snapshot
        if self.mine_id is not None:
            who = f"My numbers: {clip(snapshot.person_name(self.mine_id), 30)} (all teams)"
        else:
            team = self.session.team
            who = clip(team.name if team else "All measurables", 40)
        frequency = self.active
        review = self.review_period(frequency) or self.this_week()
        words = self.week_words() if frequency is Frequency.WEEKLY else self.period_words(frequency, review)
        return summary_line(who, self.kind, rows, review, self.newest_left, words, frequency=frequency)

    def week_words(self) -> str:
        """How the summary names the week being filled in."""
        return "this week"

    def period_words(self, frequency: Frequency, start: date) -> str:
        """How the summary names the month (quarter) being filled in."""
        return f"this {period_noun(frequency)}"

    def show_detail(self) -> None:
        row, cell = self.grid.current_row, self.grid.current_cell
        if row is not None and self.grid.on_summary:
            shown = row_detail(row)
        elif row is None or cell is None:
            shown = Text("")
        else:
            layout = self._layout
            owner = "" if layout is None or layout.owner else self.session.snapshot.person_name(row.measurable.owner_id)
            shown = cell_detail(row, cell, wide=self.app.size.width >= 110, owner=owner)
        self.query_one("#sc-detail", Static).update(shown)

    @on(DataTable.CellHighlighted)
    def _moved(self, event: DataTable.CellHighlighted) -> None:
        self.show_detail()

    # Entering values ----------------------------------------------------------------

    async def on_key(self, event: events.Key) -> None:
        """The one router for ENTRY's keys, in the order they were typed.

        In ENTRY every key is the editor's (text, Backspace, Enter / Tab / Up /
        Down to save and move, Escape to stop), before any key binding (the
        app's 1-9 included) sees it. Outside ENTRY this does nothing: keys are
        bindings, and none of them types. Focus never moves, and a save is
        awaited here, so keys typed while it runs wait their turn behind it.
        """
        if self.screen.focused is not self.grid or not self.entry.is_open:
            return
        event.stop()
        event.prevent_default()
        await self.edit_key(event)

    async def edit_key(self, event: events.Key) -> None:
        move = EDIT_MOVES.get(event.key)
        if move is not None:
            await self.finish_edit(self.entry.value, *move)
        elif event.key == "escape":
            self.close_editor()
        elif event.key == "backspace":
            self.entry.delete_left()
        elif event.key == "ctrl+u":
            self.entry.set_text("")
        elif event.is_printable and event.character:
            self.entry.type(event.character)

    @on(DataTable.CellSelected)
    def _edit_selected(self, event: DataTable.CellSelected) -> None:
        """Enter (or a click) on a cell: ENTRY starts there."""
        event.stop()
        if not self.captures_keys:
            self.start_edit()

    def editable_cell(self) -> tuple[GridRow, GridCell] | None:
        row, cell = self.grid.current_row, self.grid.current_cell
        if row is not None and self.grid.on_summary:
            self.notify("Avg, Total and Trend are worked out from the weeks.", severity="warning")
            return None
        if row is None or cell is None:
            self.notify("No measurable here yet: press a to add one.", severity="warning")
            return None
        if not cell.editable:
            own = period_noun(row.measurable.frequency)
            self.notify(f"Roll-ups are read-only: press p to get back to {own}s.", severity="warning")
            return None
        return row, cell

    def start_edit(self) -> None:
        """Open the editor on the cell under the cursor, holding its value (typing replaces it)."""
        found = self.editable_cell()
        if found is None:
            self.close_editor()
            return
        row, cell = found
        self.editing = (row.measurable.id, cell.period.start)
        label = Text.assemble(literal(row.measurable.title, 22), f" · {period_words(cell.period)}:")
        text = "" if cell.value is None else format_value(cell.value, row.measurable.unit)
        self.entry.open(label, text, row.measurable.unit, cell.goal)
        self.show_entry(True)

    def close_editor(self) -> None:
        """Leave ENTRY: the tab bar and the browsing keys come back."""
        self.editing = None
        self.entry.close()
        self.show_entry(False)
        self.grid.focus()

    def show_entry(self, on: bool) -> None:
        """The banner (here) and the frame's tab bar (its screen's ``-entry`` rule) follow the mode."""
        self.set_class(on, ENTRY_CLASS)
        self.screen.set_class(on, ENTRY_CLASS)
        self.refresh_bindings()

    @property
    def captures_keys(self) -> bool:
        """True while a cell is being edited: every key is the editor's, app keys included."""
        return self.editing is not None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While editing, only the editor's keys show; otherwise only the grid's."""
        if action == "edit_key":
            return self.captures_keys
        return not self.captures_keys

    async def action_edit_key(self, key: str) -> None:
        """A click on the footer's Save / Cancel does what the key does."""
        if self.captures_keys:
            await self.edit_key(events.Key(key, None))

    async def finish_edit(self, text: str, rows: int, columns: int) -> None:
        """Save what was typed (refusing what does not parse), move, and open the next cell.

        An untouched editor writes nothing (the value shown may be rounded).
        Past the last row or column, or onto a summary column, ENTRY ends.
        """
        if self.editing is None:
            return
        measurable_id, week = self.editing
        snapshot = self.session.snapshot
        try:
            measurable = snapshot.measurable(measurable_id)
        except InputError:  # archived or deleted by another session meanwhile
            self.close_editor()
            return
        if text.strip() and not self.entry.untouched:
            try:
                value = parse_value(text, measurable.unit)
            except ValueError as error:
                self.entry.show_problem(str(error))
                self.notify(f"{error}; the cell is unchanged", title="Not saved", severity="warning", markup=False)
                return
            existing = self.scores().at(measurable_id, week)
            if existing is None or existing.value != value:
                today = self.session.today()
                saved = await self.write(
                    lambda tx: actions.set_score(tx, measurable_id, text, today, week=week.isoformat())
                )
                if saved is None:
                    return
        self.grid.place(measurable_id, week)
        before = self.grid.cursor_coordinate
        self.grid.move_within(rows, columns)
        cell = self.grid.current_cell
        if self.grid.cursor_coordinate == before or self.grid.on_summary or cell is None or not cell.editable:
            self.close_editor()
            return
        self.start_edit()

    # Cell actions ----------------------------------------------------------------------

    def action_note(self) -> None:
        found = self.editable_cell()
        if found is None:
            return
        row, cell = found
        noun = period_noun(row.measurable.frequency)
        if cell.value is None:
            self.notify(f"Enter a value for that {noun} first; then press n for its note.", severity="warning")
            return
        fields, change = note_form(row.measurable.id, cell.period.start, cell.note)
        title = f"Note: {row.measurable.title}, {noun} of {period_words(cell.period)}"
        score = self.scores().at(row.measurable.id, cell.period.start)
        self.open_form(title, fields, change, done="Note saved", guard=score)

    def action_clear(self) -> None:
        found = self.editable_cell()
        if found is None:
            return
        row, cell = found
        if cell.value is None:
            self.notify("That cell is empty already.", timeout=2)
            return
        measurable_id, week = row.measurable.id, cell.period.start
        value = format_value(cell.value, row.measurable.unit)
        self.confirm(
            f"Clear {row.measurable.title} for the {period_noun(row.measurable.frequency)} of "
            f"{period_words(cell.period, full=True)} ({value})?",
            lambda: self.write_soon(lambda tx: actions.clear_score(tx, measurable_id, week), done="Cleared"),
        )

    async def action_to_issue(self) -> None:
        found = self.editable_cell()
        if found is None:
            return
        row, cell = found
        if cell.value is None or cell.on_goal:
            self.notify("Only a red (✗ off goal) value drops to the Issues list.", severity="warning")
            return
        measurable_id, week, today = row.measurable.id, cell.period.start, self.session.today()
        issue = await self.write(lambda tx: actions.drop_score_to_issues(tx, measurable_id, week, today))
        if issue is not None:
            self.notify(f"{issue.id} added to the Issues list", timeout=3)

    # View toggles -----------------------------------------------------------------------

    def action_period(self) -> None:
        views = views_of(self.active)
        if len(views) == 1:
            self.notify("Quarterly numbers have only quarters.", timeout=2)
            return
        self.kind = views[(views.index(self.kind) + 1) % len(views)]
        self.refresh_data()
        periods = self.grid.periods
        self.grid.place(None, self.block_current(self.active, periods))

    def action_flip(self) -> None:
        self.newest_left = not self.newest_left
        keep = self.grid.current_cell.period.start if self.grid.current_cell else None
        self.refresh_data()
        self.grid.place(None, keep)

    def action_mine(self) -> None:
        if self.mine_id is not None:
            self.mine_id = None
            self.refresh_data()
            return
        remembered = self.cadence.settings.person_for(self.session.workspace.folder)
        if remembered and any(person.id == remembered for person in self.session.snapshot.people):
            self.show_mine(remembered)
        else:
            self.action_pick_me()

    def action_pick_me(self) -> None:
        people = [(person.id, person.name) for person in self.session.snapshot.people if person.active]

        def picked(person_id: str | None) -> None:
            if person_id:
                self.cadence.settings.remember_person(self.session.workspace.folder, person_id)
                self.show_mine(person_id)

        self.app.push_screen(ChoiceScreen("Whose numbers are 'mine'?", people, self.mine_id), picked)

    def show_mine(self, person_id: str) -> None:
        self.mine_id = person_id
        self.kinds = {frequency: FREQUENCY_PERIODS[frequency] for frequency in Frequency}
        self.active = Frequency.WEEKLY
        self.grid.focus()
        self.refresh_data()
        first = self.grid.rows_shown[0].measurable.id if self.grid.rows_shown else None
        self.grid.place(first, self.this_week())

    # Export -------------------------------------------------------------------------------

    def action_export(self) -> None:
        """The picked team's scorecard, read when the file is written (a team renamed meanwhile keeps its id)."""
        session = self.session
        team = session.team
        team_id = team.id if team else None
        today = session.today()

        def render(name: str) -> str | bytes:
            snapshot = session.snapshot
            return scorecard_file(snapshot, today, snapshot.team(team_id) if team_id else None, name)

        export_document(
            self,
            what=f"the scorecard of {team.name}" if team else "the scorecard",
            default_name=default_scorecard_name(team.name if team else "", today),
            render=render,
            label="CSV file (.xlsx: a workbook)",
        )

    # Measurables --------------------------------------------------------------------------

    def selected_measurable(self) -> Measurable | None:
        row = self.grid.current_row
        if row is None:
            self.notify("No measurable selected.", severity="warning")
            return None
        return row.measurable

    def action_add(self) -> None:
        fields, change = add_measurable_form(self.people_names(), self.check_person, self.session.team_id)
        self.open_form("New measurable", fields, change, done="Measurable added")

    def action_edit(self) -> None:
        measurable = self.selected_measurable()
        if measurable is not None:
            owner = self.session.snapshot.person_name(measurable.owner_id)
            fields, change = edit_measurable_form(measurable, owner, self.people_names(), self.check_person)
            self.open_form(f"Edit {measurable.id}", fields, change, done="Measurable saved", guard=measurable)

    def action_goal(self) -> None:
        measurable = self.selected_measurable()
        if measurable is not None:
            start = self.review_period(measurable.frequency) or self.session.snapshot.period_start(
                measurable.frequency, self.this_week()
            )
            fields, change = goal_form(measurable, start, self.session.today())
            self.open_form(f"Goal for {measurable.title}", fields, change, done="Goal changed", guard=measurable)

    async def action_reorder(self, step: int) -> None:
        measurable = self.selected_measurable()
        if measurable is None:
            return
        if self.mine_id is not None:
            self.notify("Reorder on the team's scorecard (m leaves My numbers).", severity="warning")
            return
        ids = [row.measurable.id for row in self.grid.rows_shown]
        await self.write(lambda tx: actions.move_measurable(tx, measurable.id, step, ids))

    def action_archive(self) -> None:
        measurable = self.selected_measurable()
        if measurable is not None:
            self.confirm(
                f"Archive {measurable.id} {measurable.title}? It leaves the Scorecard; its numbers are kept.",
                lambda: self.write_soon(lambda tx: actions.archive_measurable(tx, measurable.id), done="Archived"),
            )

"""The Scorecard grid: a cell-cursor table that always fits the terminal's width.

The measurable's name and goal stay on the left and the roll-up columns on
the right; in between, as many whole period columns as fit, a window over
the 13 weeks (or 6 months, 4 quarters) that slides when the cursor walks past
its edge. Nothing scrolls sideways, so no column is ever cut and no fragment
of a value shows. At 80 columns the owner moves to the line under the grid
and Avg / Total become one roll-up column (a total for summed measurables,
an average for averaged ones). Every judged cell carries a marker (✓ on goal,
✗ off goal) as well as its colour, and ``*`` when it has a note, so the grid
reads the same in a 16-colour or NO_COLOR terminal. The cursor follows the
measurable and the period it was on (by key) when the data under it changes.

One grid is one block of the Scorecard: the weekly measurables, the monthly
ones or the quarterly ones (``frequency``), each over its own periods. Up
past the first row or down past the last, the grid says so (``Leave``) and
the panel moves the cursor into the block above or below.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable

from cadence.domain.models import Aggregate, Frequency
from cadence.domain.scorecard import (
    PERIOD_ABBREVIATIONS,
    GridCell,
    GridRow,
    Period,
    PeriodKind,
    format_average,
    format_total,
    goal_text,
)
from cadence.domain.text import clip
from cadence.tui.status_styles import muted, themed, verdict_style
from cadence.tui.widgets.literal import literal

FIXED = 3
MISSING = "·"

CELL_PADDING = 1  # DataTable's default: one space each side of every column
SCROLLBAR_ROOM = 2  # kept free for the vertical scrollbar a long scorecard shows


@dataclass(frozen=True)
class GridLayout:
    """Column widths for the terminal width at hand.

    ``owner`` 0 drops the owner column; ``merged`` shows one roll-up column
    instead of Avg and Total; ``trend_first`` puts the trend beside the goal
    (and ``show_trend`` False leaves it to the line under the grid).
    """

    owner: int
    title: int
    goal: int
    cell: int = 10
    summary: int = 8
    trend_first: bool = False
    merged: bool = False
    show_trend: bool = True

    @classmethod
    def for_width(cls, width: int) -> GridLayout:
        if width >= 150:
            return cls(owner=10, title=26, goal=18, trend_first=True)
        if width >= 110:
            return cls(owner=8, title=20, goal=12, trend_first=True)
        return cls(owner=0, title=16, goal=10, merged=True, show_trend=False)

    def fixed_width(self, trend: int) -> int:
        widths = [self.owner, self.title, self.goal, trend if self.show_trend else 0]
        return sum(width + 2 * CELL_PADDING for width in widths if width)

    def summary_width(self) -> int:
        return (1 if self.merged else 2) * (self.summary + 2 * CELL_PADDING)

    def periods_fitting(self, width: int, periods: int, trend_width: int | None = None) -> int:
        """How many whole period columns fit beside the fixed and roll-up columns (at least one)."""
        trend = trend_width or max(5, periods)
        room = width - self.fixed_width(trend) - self.summary_width() - SCROLLBAR_ROOM
        return max(1, min(periods, room // (self.cell + 2 * CELL_PADDING)))


def cell_text(row: GridRow, cell: GridCell) -> Text:
    """Value, marker and note mark, red or green: colour is never the only signal."""
    if cell.value is None:
        return Text(MISSING, style=muted(), justify="right")
    on_goal = bool(cell.on_goal)  # a cell with a value always has a verdict
    return Text(row.cell_text(cell, 7), style=verdict_style(on_goal, strong=not on_goal), justify="right")


def summary_text(row: GridRow, which: str) -> Text:
    """Avg, Total, or (``rollup``) whichever of the two the measurable rolls up by."""
    unit = row.measurable.unit
    if which == "rollup":
        which = "total" if row.measurable.aggregate is Aggregate.SUM else "average"
    if which == "average":
        value = row.average
        return Text(
            MISSING if value is None else format_average(value, unit),
            justify="right",
            style=muted() if value is None else "",
        )
    value = row.total
    return Text(
        "–" if value is None else format_total(value, unit), justify="right", style=muted() if value is None else ""
    )


def period_header(period: Period, current: bool) -> Text:
    if period.kind is PeriodKind.WEEK:
        label = f"{period.short}\n{period.start:%d %b}"
    elif period.kind is PeriodKind.MONTH:
        label = f"{period.start:%b}\n{period.start:%Y}"
    else:
        label = f"{period.short.split()[0]}\n{period.label[:4]}"
    return Text(label + ("•" if current else ""), style="bold underline" if current else "bold", justify="right")


class ScoreGrid(DataTable[Text]):
    """Rows keyed by measurable id, period columns keyed by their start date; one frequency's block."""

    class Leave(Message):
        """The cursor was moved up past the first row (``step`` -1) or down past the last (+1)."""

        def __init__(self, grid: ScoreGrid, step: int) -> None:
            super().__init__()
            self.grid = grid
            self.step = step

    DEFAULT_CSS = """
    ScoreGrid { height: 1fr; overflow-x: hidden; }
    """

    BINDINGS = [
        Binding("left,h", "move(0, -1)", "Left", show=False, tooltip="Previous period"),
        Binding("right,l", "move(0, 1)", "Right", show=False, tooltip="Next period"),
        Binding("up,k", "move(-1, 0)", "Up", show=False, tooltip="Previous measurable"),
        Binding("down,j", "move(1, 0)", "Down", show=False, tooltip="Next measurable"),
        Binding(
            "enter",
            "select_cursor",
            "Value",
            key_display="⏎",
            tooltip="Start ENTRY on this cell: type a value, Enter saves and moves down, Esc stops",
        ),
        Binding("home", "edge(-1)", "First", show=False, tooltip="Oldest period shown"),
        Binding("end", "edge(1)", "Last", show=False, tooltip="Newest period shown"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While its panel is typing into a cell, the grid's own keys are off (and off the footer)."""
        return not any(getattr(node, "captures_keys", False) for node in self.ancestors)

    def __init__(self, *, id: str | None = None, frequency: Frequency = Frequency.WEEKLY) -> None:
        super().__init__(id=id, cursor_type="cell", fixed_columns=FIXED, header_height=2, zebra_stripes=False)
        self.frequency = frequency
        self.title = "Measurable"
        self.trend_width: int | None = None  # set by the panel so stacked blocks' columns line up
        self.fixed = FIXED
        self.rows_shown: list[GridRow] = []
        self.periods: list[Period] = []  # every period the grid covers, in display order
        self.window_start = 0  # index in ``periods`` of the first period column on screen
        self.window_size = 0
        self.grid_layout = GridLayout.for_width(80)
        self.current: date | None = None
        self.owner_names: dict[str, str] = {}

    # Where the cursor may go ------------------------------------------------------

    @property
    def shown_periods(self) -> list[Period]:
        return self.periods[self.window_start : self.window_start + self.window_size]

    def validate_cursor_coordinate(self, value: Coordinate) -> Coordinate:
        row, column = value
        if self.row_count:
            row = max(0, min(self.row_count - 1, row))
        else:
            row = 0
        if self.periods and self.columns:
            column = max(self.fixed, min(len(self.columns) - 1, column))
        else:
            column = 0
        return Coordinate(row, column)

    def action_move(self, rows: int, columns: int) -> None:
        """A key's move: past the first or last row the cursor leaves for the block above or below."""
        if rows and not 0 <= self.cursor_coordinate.row + rows < self.row_count:
            self.post_message(self.Leave(self, rows))
            return
        self.move_within(rows, columns)

    def move_within(self, rows: int, columns: int) -> None:
        """Up/down as usual; left/right walk the periods, sliding the window at its edges."""
        row, column = self.cursor_coordinate
        if columns and self.periods:
            index = self.period_index
            if index is not None:
                target = index + columns
                if 0 <= target < len(self.periods):
                    self.show_period(target, row + rows)
                    return
                if target < 0:
                    self.move_cursor(row=row + rows)
                    return
            elif columns < 0 and column == self.fixed + self.window_size:
                self.show_period(len(self.periods) - 1, row + rows)
                return
        self.move_cursor(row=row + rows, column=column + columns)

    def action_edge(self, direction: int) -> None:
        if self.periods:
            self.show_period(0 if direction < 0 else len(self.periods) - 1, self.cursor_coordinate.row)

    def show_period(self, index: int, row: int | None = None) -> None:
        """Put the cursor on period ``index`` (of all), sliding the window only as far as needed."""
        start = self.window_start
        if index < start:
            start = index
        elif index >= start + self.window_size:
            start = index - self.window_size + 1
        if start != self.window_start:
            self.window_start = start
            self._fill()
        self.move_cursor(
            row=self.cursor_coordinate.row if row is None else row,
            column=self.fixed + index - self.window_start,
            animate=False,
        )

    @property
    def period_index(self) -> int | None:
        """Index in ``periods`` of the period column under the cursor (None on a roll-up column)."""
        offset = self.cursor_coordinate.column - self.fixed
        if not self.periods or not 0 <= offset < self.window_size:
            return None
        return self.window_start + offset

    @property
    def on_summary(self) -> bool:
        """Is the cursor on Avg, Total or Trend (worked out, not typed)?"""
        return bool(self.periods) and self.cursor_coordinate.column >= self.fixed + self.window_size

    # What is under the cursor -------------------------------------------------------

    @property
    def current_row(self) -> GridRow | None:
        row = self.cursor_coordinate.row
        return self.rows_shown[row] if 0 <= row < len(self.rows_shown) else None

    @property
    def current_cell(self) -> GridCell | None:
        row = self.current_row
        index = self.period_index
        if row is None or index is None or not 0 <= index < len(row.cells):
            return None
        return row.cells[index]

    def place(self, measurable_id: str | None, period_start: date | None) -> None:
        """Put the cursor on that measurable and period, or as near as the data allows."""
        row = next((i for i, r in enumerate(self.rows_shown) if r.measurable.id == measurable_id), None)
        index = next((i for i, p in enumerate(self.periods) if p.start == period_start), None)
        if index is None:
            self.move_cursor(row=self.cursor_coordinate.row if row is None else row, animate=False)
            return
        self.show_period(index, row)

    # Filling --------------------------------------------------------------------------

    def show(
        self,
        rows: Sequence[GridRow],
        periods: Sequence[Period],
        layout: GridLayout,
        current: date | None,
        owner_names: dict[str, str],
        title: str = "Measurable",
    ) -> None:
        """Rebuild the table; the cursor keeps its measurable and period when both still exist.

        ``title`` heads the measurables' column: the block's name when the Scorecard shows several.

        The first time (and whenever the periods change) the window ends on the
        current period, so the grid opens on this week, not the oldest one.
        """
        keep_row = self.current_row.measurable.id if self.current_row else None
        keep_period = self.current_cell.period.start if self.current_cell else None
        periods_changed = [p.start for p in periods] != [p.start for p in self.periods]
        self.rows_shown = list(rows)
        self.periods = list(periods)
        self.title = title
        self.grid_layout = layout
        self.current = current
        self.owner_names = owner_names
        self.window_size = layout.periods_fitting(self.available_width, len(self.periods), self.trend_width)
        if periods_changed:
            self.window_start = self._window_ending_on(current if keep_period is None else keep_period)
        self.window_start = max(0, min(self.window_start, len(self.periods) - self.window_size))
        self._fill()
        self.place(keep_row, keep_period if keep_period is not None else current)
        # Shown before its first layout (a panel just mounted in a narrower frame), the width read
        # above may be the terminal's: check again once laid out, so no value is ever shown clipped.
        self.call_after_refresh(self.on_resize)

    @property
    def available_width(self) -> int:
        parent = self.parent
        parent_width = parent.size.width if isinstance(parent, Widget) else 0
        return self.size.width or parent_width or self.app.size.width

    def _window_ending_on(self, period_start: date | None) -> int:
        index = next((i for i, p in enumerate(self.periods) if p.start == period_start), len(self.periods) - 1)
        return max(0, index - self.window_size + 1)

    def on_resize(self) -> None:
        """A new width may fit more or fewer period columns: refill around the cursor's period."""
        if not self.periods:
            return
        fitting = self.grid_layout.periods_fitting(self.available_width, len(self.periods), self.trend_width)
        if fitting != self.window_size:
            keep = self.period_index
            self.window_size = fitting
            self.window_start = max(0, min(self.window_start, len(self.periods) - fitting))
            self._fill()
            if keep is not None:
                self.show_period(keep)

    def _fill(self) -> None:
        """Columns and rows for the current window (the cursor's coordinate is kept by the caller)."""
        cursor = self.cursor_coordinate
        layout = self.grid_layout
        self.clear(columns=True)
        trend_first = layout.trend_first and layout.show_trend
        self.fixed = (1 if layout.owner else 0) + 2 + (1 if trend_first else 0)
        self.fixed_columns = self.fixed
        trend_width = self.trend_width or max(5, len(self.periods))
        if layout.owner:
            self.add_column(Text("Owner", style="bold"), width=layout.owner, key="owner")
        self.add_column(Text(self.title, style="bold"), width=layout.title, key="title")
        self.add_column(Text("Goal", style="bold"), width=layout.goal, key="goal")
        if trend_first:
            self.add_column(Text("Trend", style="bold"), width=trend_width, key="trend")
        for period in self.shown_periods:
            self.add_column(
                period_header(period, period.start == self.current), width=layout.cell, key=period.start.isoformat()
            )
        if layout.merged:
            kind = self.periods[0].kind if self.periods else PeriodKind.WEEK
            header = Text(f"{len(self.periods)} {PERIOD_ABBREVIATIONS[kind]}\nroll-up", style="bold", justify="right")
            self.add_column(header, width=layout.summary, key="rollup")
        else:
            self.add_column(Text("Avg", style="bold", justify="right"), width=layout.summary, key="avg")
            self.add_column(Text("Total", style="bold", justify="right"), width=layout.summary, key="total")
        if layout.show_trend and not trend_first:
            self.add_column(Text("Trend", style="bold"), width=trend_width, key="trend")
        first, last = self.window_start, self.window_start + self.window_size
        for row in self.rows_shown:
            measurable = row.measurable
            owner = self.owner_names.get(measurable.owner_id, measurable.owner_id)
            first_name = owner.split()[0] if owner.split() else owner
            trend = Text(row.trend, style=themed("$scorecard-trend"), no_wrap=True)
            goal = goal_text(row.goal, measurable.unit)
            if len(goal) > layout.goal:
                goal = goal_text(row.goal, measurable.unit, compact=True)
            summaries = (
                [summary_text(row, "rollup")]
                if layout.merged
                else [summary_text(row, "average"), summary_text(row, "total")]
            )
            self.add_row(
                *([literal(first_name, layout.owner)] if layout.owner else []),
                literal(measurable.title, layout.title),
                Text(clip(goal, layout.goal), no_wrap=True),
                *([trend] if trend_first else []),
                *[cell_text(row, cell) for cell in row.cells[first:last]],
                *summaries,
                *([trend] if layout.show_trend and not trend_first else []),
                key=measurable.id,
            )
        self.move_cursor(row=cursor.row, column=cursor.column, animate=False)

"""The Scorecard grid: a cell-cursor table whose cursor stays on the period columns.

The first three columns (owner, measurable, goal) stay put while the periods
scroll sideways, so at 80 columns a person sees fewer weeks but always knows
which row they are on. Every judged cell carries a marker (✓ on goal, ✗ off
goal) as well as its colour, and ``*`` when it has a note, so the grid reads
the same in a 16-colour or NO_COLOR terminal. The cursor follows the
measurable and the period it was on (by key) when the data under it changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from cadence.domain.scorecard import (
    GridCell,
    GridRow,
    Period,
    PeriodKind,
    format_average,
    format_total,
    goal_text,
)
from cadence.domain.text import clip
from cadence.tui.widgets.literal import literal

FIXED = 3
ON_STYLE = "green"
OFF_STYLE = "bold red"
MISSING = "·"


@dataclass(frozen=True)
class GridLayout:
    """Column widths for the terminal width at hand; with room, the trend sits beside the title."""

    owner: int
    title: int
    goal: int
    cell: int = 10
    summary: int = 8
    trend_first: bool = False

    @classmethod
    def for_width(cls, width: int) -> GridLayout:
        if width >= 150:
            return cls(owner=10, title=28, goal=18, trend_first=True)
        if width >= 110:
            return cls(owner=10, title=24, goal=14, trend_first=True)
        return cls(owner=7, title=16, goal=10)


def cell_text(row: GridRow, cell: GridCell) -> Text:
    """Value, marker and note mark, red or green: colour is never the only signal."""
    if cell.value is None:
        return Text(MISSING, style="dim", justify="right")
    return Text(row.cell_text(cell, 7), style=ON_STYLE if cell.on_goal else OFF_STYLE, justify="right")


def summary_text(row: GridRow, which: str) -> Text:
    unit = row.measurable.unit
    if which == "average":
        value = row.average
        return Text(MISSING if value is None else format_average(value, unit), justify="right",
                    style="dim" if value is None else "")
    value = row.total
    return Text("–" if value is None else format_total(value, unit), justify="right", style="dim" if value is None else "")


def period_header(period: Period, current: bool) -> Text:
    if period.kind is PeriodKind.WEEK:
        label = f"{period.short}\n{period.start:%d %b}"
    elif period.kind is PeriodKind.MONTH:
        label = f"{period.start:%b}\n{period.start:%Y}"
    else:
        label = f"{period.short.split()[0]}\n{period.label[:4]}"
    return Text(label + ("•" if current else ""), style="bold underline" if current else "bold", justify="right")


class ScoreGrid(DataTable[Text]):
    """Rows keyed by measurable id, period columns keyed by their start date."""

    DEFAULT_CSS = """
    ScoreGrid { height: 1fr; }
    """

    BINDINGS = [
        Binding("left,h", "move(0, -1)", "Left", show=False, tooltip="Previous period"),
        Binding("right,l", "move(0, 1)", "Right", show=False, tooltip="Next period"),
        Binding("up,k", "move(-1, 0)", "Up", show=False, tooltip="Previous measurable"),
        Binding("down,j", "move(1, 0)", "Down", show=False, tooltip="Next measurable"),
        Binding("enter", "select_cursor", "Type value", key_display="⏎",
                tooltip="Start ENTRY on this cell: type a value, Enter saves and moves down, Esc stops"),
        Binding("home", "edge(-1)", "First", show=False, tooltip="Oldest period shown"),
        Binding("end", "edge(1)", "Last", show=False, tooltip="Newest period shown"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the screen is typing into a cell, the grid's own keys are off (and off the footer)."""
        return not getattr(self.screen, "captures_keys", False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="cell", fixed_columns=FIXED, header_height=2, zebra_stripes=False)
        self.fixed = FIXED
        self.rows_shown: list[GridRow] = []
        self.periods: list[Period] = []

    # Where the cursor may go ------------------------------------------------------

    def validate_cursor_coordinate(self, value: Coordinate) -> Coordinate:
        row, column = value
        if self.row_count:
            row = max(0, min(self.row_count - 1, row))
        else:
            row = 0
        if self.periods:
            column = max(self.fixed, min(len(self.columns) - 1, column))
        else:
            column = 0
        return Coordinate(row, column)

    def _scroll_cursor_into_view(self, animate: bool = False) -> None:
        """Scroll so whole period columns show, the cursor's among them (never half a column on the left)."""
        if not self.periods or not self.row_count:
            super()._scroll_cursor_into_view(animate)
            return
        row, column = self.cursor_coordinate
        column = max(self.fixed, column)
        widths = [item.get_render_width(self) for item in self.ordered_columns]
        room = self.scrollable_content_region.width - sum(widths[:self.fixed])
        offsets = [0]
        for width in widths[self.fixed:]:
            offsets.append(offsets[-1] + width)
        index = column - self.fixed
        start = next((k for k, offset in enumerate(offsets[:-1]) if offset >= self.scroll_x), index)
        start = min(start, index)
        while start < index and offsets[index + 1] - offsets[start] > room:
            start += 1
        height = self.scrollable_content_region.height - (self.header_height if self.show_header else 0)
        top = int(self.scroll_y)
        if row < top:
            top = row
        elif height > 0 and row >= top + height:
            top = row - height + 1
        self.scroll_to(x=offsets[start], y=top, animate=False, immediate=True, force=True)

    def action_move(self, rows: int, columns: int) -> None:
        row, column = self.cursor_coordinate
        self.move_cursor(row=row + rows, column=column + columns)

    def action_edge(self, direction: int) -> None:
        if self.periods:
            self.move_cursor(column=self.fixed if direction < 0 else self.fixed + len(self.periods) - 1)

    @property
    def on_summary(self) -> bool:
        """Is the cursor on Avg, Total or Trend (worked out, not typed)?"""
        return bool(self.periods) and self.cursor_coordinate.column >= self.fixed + len(self.periods)

    # What is under the cursor -------------------------------------------------------

    @property
    def current_row(self) -> GridRow | None:
        row = self.cursor_coordinate.row
        return self.rows_shown[row] if 0 <= row < len(self.rows_shown) else None

    @property
    def current_cell(self) -> GridCell | None:
        row = self.current_row
        index = self.cursor_coordinate.column - self.fixed
        if row is None or not 0 <= index < len(row.cells):
            return None
        return row.cells[index]

    def place(self, measurable_id: str | None, period_start: date | None) -> None:
        """Put the cursor on that measurable and period, or as near as the data allows."""
        row = next((i for i, r in enumerate(self.rows_shown) if r.measurable.id == measurable_id), None)
        column = next((i for i, p in enumerate(self.periods) if p.start == period_start), None)
        self.move_cursor(
            row=self.cursor_coordinate.row if row is None else row,
            column=self.cursor_coordinate.column if column is None else self.fixed + column,
            animate=False,
        )

    # Filling --------------------------------------------------------------------------

    def show(
        self,
        rows: Sequence[GridRow],
        periods: Sequence[Period],
        layout: GridLayout,
        current: date | None,
        owner_names: dict[str, str],
    ) -> None:
        """Rebuild the table; the cursor keeps its measurable and period when both still exist."""
        keep_row = self.current_row.measurable.id if self.current_row else None
        keep_period = self.current_cell.period.start if self.current_cell else None
        had_rows = bool(self.rows_shown)
        self.rows_shown = list(rows)
        self.periods = list(periods)
        self.clear(columns=True)
        self.fixed = FIXED + (1 if layout.trend_first else 0)
        self.fixed_columns = self.fixed
        trend_width = max(5, len(periods))
        self.add_column(Text("Owner", style="bold"), width=layout.owner, key="owner")
        self.add_column(Text("Measurable", style="bold"), width=layout.title, key="title")
        self.add_column(Text("Goal", style="bold"), width=layout.goal, key="goal")
        if layout.trend_first:
            self.add_column(Text("Trend", style="bold"), width=trend_width, key="trend")
        for period in periods:
            self.add_column(period_header(period, period.start == current), width=layout.cell, key=period.start.isoformat())
        self.add_column(Text("Avg", style="bold", justify="right"), width=layout.summary, key="avg")
        self.add_column(Text("Total", style="bold", justify="right"), width=layout.summary, key="total")
        if not layout.trend_first:
            self.add_column(Text("Trend", style="bold"), width=trend_width, key="trend")
        for row in rows:
            measurable = row.measurable
            owner = owner_names.get(measurable.owner_id, measurable.owner_id)
            first_name = owner.split()[0] if owner.split() else owner
            trend = Text(row.trend, style="cyan", no_wrap=True)
            goal = goal_text(row.goal, measurable.unit)
            if len(goal) > layout.goal:
                goal = goal_text(row.goal, measurable.unit, compact=True)
            self.add_row(
                literal(first_name, layout.owner),
                literal(measurable.title, layout.title),
                Text(clip(goal, layout.goal), no_wrap=True),
                *([trend] if layout.trend_first else []),
                *[cell_text(row, cell) for cell in row.cells],
                summary_text(row, "average"),
                summary_text(row, "total"),
                *([] if layout.trend_first else [trend]),
                key=measurable.id,
            )
        if not had_rows and keep_period is None and current is not None:
            keep_period = current
        self.place(keep_row, keep_period)

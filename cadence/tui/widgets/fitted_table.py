"""A record table with one flexible column that takes whatever room the others leave.

Long text (a person's teams, a team's members) is cut with an ellipsis to the
room there is, so the table never scrolls sideways, and is cut again when the
terminal or the pane changes size.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.events import Resize

from cadence.tui.widgets.literal import literal
from cadence.tui.widgets.record_table import RecordTable, Row


class FittedTable(RecordTable):
    """A RecordTable whose one flexible column takes the room the others leave, and follows resizes."""

    def __init__(self, columns: Sequence[str], flex: str, *, least: int = 4, id: str | None = None) -> None:
        super().__init__(columns, id=id)
        self.flex_index = list(columns).index(flex)
        self.least = least
        self._rows: list[Row] = []

    def flex_room(self, rows: Sequence[Row]) -> int:
        room = self.scrollable_content_region.width or self.app.size.width
        used = 0
        for index, column in enumerate(self.columns.values()):
            if index != self.flex_index:
                cells = [row.cells[index] for row in rows]
                widths = [Text(cell).cell_len if isinstance(cell, str) else cell.cell_len for cell in cells]
                used += max([column.label.cell_len, *widths])
        return max(self.least, room - used - 2 * len(self.columns) - 1)

    def show(self, rows: Sequence[Row]) -> None:
        """As RecordTable, cutting the flexible column to fit (and letting columns shrink back)."""
        self._rows = list(rows)
        room = self.flex_room(rows)
        fitted = []
        for row in rows:
            cells = list(row.cells)
            flex = cells[self.flex_index]
            cut = (literal(flex, 10_000) if isinstance(flex, str) else flex).copy()
            cut.truncate(room, overflow="ellipsis")
            cells[self.flex_index] = cut
            fitted.append(Row(row.key, cells))
        for column in self.columns.values():
            column.content_width = column.label.cell_len
        super().show(fitted)

    def on_resize(self, event: Resize) -> None:
        if self._rows:
            self.show(self._rows)

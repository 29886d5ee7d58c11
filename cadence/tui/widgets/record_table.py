"""A table of records that keeps the user's place when the data under it changes.

Live refresh rebuilds the rows every time another session writes; the cursor
follows the record it was on (by id), not the row number, so a person
reading or about to press a key is not moved under their feet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.widgets import DataTable

from cadence.tui.widgets.literal import literal

Cell = str | Text


@dataclass(frozen=True)
class Row:
    key: str
    cells: Sequence[Cell]


class RecordTable(DataTable[Cell]):
    """Rows keyed by record id; ``selected_key`` is the id under the cursor."""

    def fix_widths(self, widths: Sequence[int]) -> None:
        """Columns sized to the terminal, not to their contents: the table fills the width the same way on
        every refresh, and tables stacked one above the other line up."""
        for column, width in zip(self.columns.values(), widths, strict=False):
            column.auto_width = False
            column.width = width

    DEFAULT_CSS = """
    RecordTable { height: 1fr; }
    """

    def __init__(self, columns: Sequence[str], *, id: str | None = None, title_width: int = 60) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._column_names = list(columns)
        self.title_width = title_width

    def on_mount(self) -> None:
        for name in self._column_names:
            self.add_column(name, key=name)

    @property
    def selected_key(self) -> str | None:
        if self.row_count == 0:
            return None
        try:
            row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        except Exception:  # no row under the cursor
            return None
        return row_key.value

    def show(self, rows: Sequence[Row]) -> None:
        """Replace the rows, keeping the cursor on the same record (or the same place if it went)."""
        keep_key = self.selected_key
        keep_index = self.cursor_row
        self.clear()
        for row in rows:
            cells = [cell if isinstance(cell, Text) else literal(cell, self.title_width) for cell in row.cells]
            self.add_row(*cells, key=row.key)
        if not rows:
            return
        keys = [row.key for row in rows]
        target = keys.index(keep_key) if keep_key in keys else min(keep_index, len(rows) - 1)
        self.move_cursor(row=target, animate=False)

    def select_key(self, key: str) -> None:
        for index in range(self.row_count):
            row_key, _ = self.coordinate_to_cell_key((index, 0))  # type: ignore[arg-type]
            if row_key.value == key:
                self.move_cursor(row=index, animate=False)
                return

"""The People analyzer, opened from People with ``p``: each person against the core values and GWC, by quarter.

A grid: a row per person, a column per core value (``V1``, ``V2``... with the
values' full names on the legend line, so seven values still read at 80
columns), then ``G`` ``W`` ``C`` (Gets it, Wants it, Capacity to do it) and
``Bar``: whether the person meets the workspace's bar ("right person, right
seat", ``cadence.domain.people_analyzer``). The arrows move a cell cursor;
``+``, ``~`` (or ``=``) and ``-`` mark a value cell, ``y`` and ``n`` answer a
G, W or C cell; Delete (or Backspace) clears a cell back to unrated; ``b``
sets the bar; ``[`` and ``]`` show another quarter (one rating per person per
quarter). Under the grid, the highlighted person's
verdict in words, and any marks kept under a core value's old name.

Every key writes through ``store/actions/analyzer.py``, the functions
``cadence analyzer`` runs, off the event loop. Esc goes back to People.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Static

from cadence.domain.models import AnalyzerBar, PeopleRating, ValueMark
from cadence.domain.people_analyzer import GWC_FIELDS, GridRow, grid, gwc_text, legend, value_header
from cadence.domain.periods import Quarter
from cadence.store import InputError, Transaction
from cadence.store.actions import analyzer
from cadence.tui.panels.base import SectionPanel
from cadence.tui.screens.panel_frame import PanelFrame
from cadence.tui.status_styles import Status, muted, status_style
from cadence.tui.widgets.forms import FormField
from cadence.tui.widgets.literal import literal

NAME_WIDTH = 18

HELP = (
    "The People analyzer: each person against each core value (+ lives it, +/- sometimes, - does not) and "
    "Gets it, Wants it, Capacity to do it. Arrows move; + ~ (or =) - mark a value cell, y n answer a G W C cell; "
    "Delete (or Backspace) clears a cell back to unrated; "
    "b sets the bar; [ and ] show another quarter. Anyone who can read the workspace can read these ratings. "
    "Esc: back to People."
)

MARK_STATUS = {ValueMark.PLUS: Status.GOOD, ValueMark.MIXED: Status.WARN, ValueMark.MINUS: Status.BAD}


def mark_cell(mark: ValueMark | None) -> Text:
    if mark is None:
        return Text("·", style=muted(), justify="left")
    return Text(mark.value, style=status_style(MARK_STATUS[mark]), justify="left")


def answer_cell(answer: bool | None) -> Text:
    if answer is None:
        return Text("·", style=muted(), justify="left")
    return Text(gwc_text(answer), style=status_style(Status.GOOD if answer else Status.BAD), justify="left")


class AnalyzerPanel(SectionPanel):
    """The grid, the legend and the highlighted person's verdict, with the keys that rate."""

    BINDINGS: ClassVar = [
        Binding("plus", "mark('+')", "+", tooltip="Mark the value: lives it (+)"),
        Binding("tilde", "mark('+/-')", "+/-", tooltip="Mark the value: sometimes (+/-); = does the same"),
        Binding("equals_sign", "mark('+/-')", "+/-", show=False, tooltip="Mark the value: sometimes (+/-)"),
        Binding("minus", "mark('-')", "-", tooltip="Mark the value: does not live it (-)"),
        Binding("y", "answer(True)", "Yes", tooltip="Answer the G, W or C cell: yes"),
        Binding("n", "answer(False)", "No", tooltip="Answer the G, W or C cell: no"),
        Binding("delete", "clear", "Clear", tooltip="Clear the cell back to unrated (Backspace does the same)"),
        Binding("backspace", "clear", "Clear", show=False, tooltip="Clear the cell back to unrated"),
        Binding("b", "bar", "Bar", tooltip="Set the bar: how many +/- and - a person may have"),
        Binding("left_square_bracket", "show_quarter(-1)", "Quarter", key_display="[", tooltip="The quarter before"),
        Binding("right_square_bracket", "show_quarter(1)", "", key_display="]", tooltip="The quarter after"),
    ]
    CLI_EQUIVALENTS: ClassVar = {
        "mark": "analyzer rate",
        "answer": "analyzer gwc",
        "clear": "analyzer rate",  # analyzer rate PERSON VALUE clear; a G W C cell: analyzer gwc --gets clear
        "bar": "analyzer bar",
    }
    NAVIGATION: ClassVar = frozenset({"show_quarter"})

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._quarter: Quarter | None = None
        self._rows: list[GridRow] = []

    def compose(self) -> ComposeResult:
        yield Static(id="analyzer-legend")
        yield DataTable(id="analyzer-grid", cursor_type="cell", zebra_stripes=True)
        yield Static(id="analyzer-detail")

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#analyzer-grid", DataTable)

    @property
    def quarter(self) -> Quarter:
        if self._quarter is None:
            self._quarter = self.session.quarter()
        return self._quarter

    def values(self) -> list[str]:
        return analyzer.core_values(self.session.snapshot)

    def focus_first(self) -> None:
        self.table.focus()

    # Drawing ---------------------------------------------------------------------------

    def refresh_data(self) -> None:
        snapshot = self.session.snapshot
        values = self.values()
        bar = snapshot.meta.analyzer_bar
        self._rows = grid(snapshot.people, snapshot.all_of(PeopleRating), self.quarter.label, values, bar)
        legend_text = Text()
        if values:
            legend_text.append_text(literal(legend(values), 2000))
        else:
            legend_text.append("No core values yet: add them in Vision (8, e).", style=muted())
        self.query_one("#analyzer-legend", Static).update(legend_text)

        table = self.table
        where = table.cursor_coordinate
        table.clear(columns=True)
        table.add_column("Person", width=NAME_WIDTH, key="name")
        for index in range(len(values)):
            table.add_column(value_header(index), width=3, key=f"v{index}")
        for field, header, _name in GWC_FIELDS:
            table.add_column(header, width=1, key=field)
        table.add_column("Bar", width=3, key="bar")
        for row in self._rows:
            verdict = row.verdict
            bar_style = status_style(Status.GOOD if verdict.meets else Status.BAD) if verdict.rated else muted()
            bar_cell = Text(verdict.word, style=bar_style)
            table.add_row(
                literal(row.person.name, NAME_WIDTH, "" if row.person.active else muted()),
                *(mark_cell(mark) for mark in row.marks),
                *(answer_cell(answer) for answer in row.gwc),
                bar_cell,
                key=row.person.id,
            )
        if self._rows:
            last_column = len(values) + len(GWC_FIELDS)
            column = where.column if where.column > 0 else 1 if values else len(values) + 1
            table.cursor_coordinate = Coordinate(min(where.row, len(self._rows) - 1), min(column, last_column))
        self.show_detail()
        if isinstance(self.screen, AnalyzerScreen):
            self.screen.show_title()

    def show_detail(self) -> None:
        """The highlighted person's verdict, former values if any, and the bar: one cut line each, never wrapped."""
        lines: list[Text] = []
        row = self.current_row()
        if row is not None:
            verdict = literal(row.person.name, 30, "bold")
            if row.verdict.meets:
                verdict.append(" meets the bar", style=status_style(Status.GOOD))
            elif not row.verdict.rated:
                verdict.append(f" not rated in {self.quarter.label}: ", style=muted())
                verdict.append("+ ~ - on a value, y n on G W C")
            else:
                verdict.append(" below the bar: ", style=status_style(Status.BAD))
                verdict.append("; ".join(row.verdict.reasons))
            lines.append(verdict)
            if row.former:
                former = Text("Former values: ", style=muted())
                former.append_text(literal(", ".join(f"{name} {mark.value}" for name, mark in row.former.items()), 400))
                lines.append(former)
        bar = self.session.snapshot.meta.analyzer_bar
        lines.append(
            Text(
                f"Bar: every value rated, at most {bar.max_mixed} +/-, at most {bar.max_minus} -, G W C all yes (b)",
                style=muted(),
            )
        )
        room = max(10, (self.size.width or self.app.size.width) - 2)
        for line in lines:
            line.truncate(room, overflow="ellipsis")
        self.query_one("#analyzer-detail", Static).update(Text("\n").join(lines))

    @on(DataTable.CellHighlighted)
    def _cell_moved(self, _event: DataTable.CellHighlighted) -> None:
        self.show_detail()

    # Selection ------------------------------------------------------------------------

    def current_row(self) -> GridRow | None:
        if not self._rows or not self.is_mounted:
            return None
        index = self.table.cursor_coordinate.row
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def current_column(self) -> str:
        """What the cursor's column holds: ``v0``.., a GWC field name, ``name`` or ``bar``."""
        values = self.values()
        column = self.table.cursor_coordinate.column
        if column == 0:
            return "name"
        if column <= len(values):
            return f"v{column - 1}"
        index = column - len(values) - 1
        return GWC_FIELDS[index][0] if index < len(GWC_FIELDS) else "bar"

    # Actions ----------------------------------------------------------------------------

    def action_mark(self, mark: str) -> None:
        row = self.current_row()
        if row is None:
            self.notify("Nobody to rate: add people in People (a).", severity="warning")
            return
        column = self.current_column()
        if not column.startswith("v"):
            self.notify("Move to a value column (V1, V2...) to mark it; y and n answer G, W, C.", severity="warning")
            return
        value = self.values()[int(column[1:])]
        quarter = self.quarter.label
        person_id = row.person.id
        # No toast: the cell shows the mark as soon as it is written (a toast per key would cover the grid).
        self.write_soon(lambda tx: analyzer.rate_value(tx, person_id, value, mark, self.session.today(), quarter))

    def action_answer(self, answer: bool) -> None:
        row = self.current_row()
        if row is None:
            self.notify("Nobody to rate: add people in People (a).", severity="warning")
            return
        column = self.current_column()
        if column not in {field for field, _header, _name in GWC_FIELDS}:
            self.notify("Move to the G, W or C column to answer it; + ~ - mark a value.", severity="warning")
            return
        quarter = self.quarter.label
        person_id = row.person.id
        self.write_soon(lambda tx: analyzer.set_gwc(tx, person_id, self.session.today(), quarter, **{column: answer}))

    def action_clear(self) -> None:
        row = self.current_row()
        if row is None:
            self.notify("Nobody to rate: add people in People (a).", severity="warning")
            return
        column = self.current_column()
        quarter = self.quarter.label
        person_id = row.person.id
        today = self.session.today()
        if column.startswith("v"):
            value = self.values()[int(column[1:])]
            self.write_soon(lambda tx: analyzer.clear_value(tx, person_id, value, today, quarter))
        elif column in {field for field, _header, _name in GWC_FIELDS}:
            self.write_soon(lambda tx: analyzer.set_gwc(tx, person_id, today, quarter, **{column: None}))
        else:
            self.notify("Move to a value or G, W, C cell to clear it.", severity="warning")

    def action_bar(self) -> None:
        bar = self.session.snapshot.meta.analyzer_bar

        def count(value: str) -> str | None:
            return None if value.strip().isdigit() and int(value) <= 50 else "a number from 0 to 50"

        def change(tx: Transaction, values: dict[str, str]) -> AnalyzerBar:
            try:
                return analyzer.set_bar(tx, int(values["max_mixed"]), int(values["max_minus"]))
            except ValueError:
                raise InputError("max_mixed: a number from 0 to 50") from None

        self.open_form(
            "The bar (every value rated and G, W, C all yes always apply)",
            [
                FormField("max_mixed", "At most this many +/-", value=str(bar.max_mixed), required=True, check=count),
                FormField("max_minus", "At most this many -", value=str(bar.max_minus), required=True, check=count),
            ],
            change,
            done="Bar saved",
        )

    def action_show_quarter(self, step: int) -> None:
        self._quarter = self.quarter.next() if step > 0 else self.quarter.previous()
        self.rebuild()


class AnalyzerScreen(PanelFrame):
    """A frame over the analyzer panel: a title line, the panel, the footer; Esc goes back to People."""

    CSS_PATH = "analyzer.tcss"
    SECTION = "analyzer"
    HELP = HELP

    BINDINGS: ClassVar = [Binding("escape", "close", "Back", show=False, tooltip="Back to People")]
    PANEL = AnalyzerPanel
    ID_PREFIX = "analyzer"

    def title_text(self) -> Text:
        panel = self.query_one(AnalyzerPanel)
        return Text.assemble(
            ("People analyzer", "bold"),
            " · ",
            literal(self.session.snapshot.meta.company, 20),
            f" · {panel.quarter.label}",
            (" · Esc back", muted()),
        )

"""The Rocks panel: the quarter's 90-day priorities, company rocks first and then by owner, with milestones.

The table holds three kinds of row (group headings, rocks, and the milestones
of rocks opened with Enter or ``m``); the footer changes with the row under
the cursor so it only shows keys that do something there. The quarter shown
and the owner filter live on the panel, not in the workspace. Every change is
a named action in ``cadence.store.actions`` run off the event loop, the same
one its ``cadence rock ...`` command runs.

A quarter before last is history: after ``cadence archive`` its rocks live in
the archive, so stepping back to one reads live and archives as one
(``WorkspaceSession.history_blocking``) in a thread, with a loading line
meanwhile; that quarter is read-only here (its keys say so).
"""

from __future__ import annotations

from collections.abc import Hashable

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.css.query import NoMatches
from textual.widgets import DataTable, Static

from cadence.domain.models import Rock
from cadence.domain.periods import Quarter, parse_quarter
from cadence.store import InputError, Snapshot, Transaction, WorkspaceError, actions
from cadence.tui.background import in_thread
from cadence.tui.panels.base import SectionPanel, panel_css
from cadence.tui.panels.rock_rows import (
    RowKey,
    completion_line,
    detail_text,
    period_line,
    table_rows,
    title_width,
)
from cadence.tui.status_styles import muted
from cadence.tui.widgets.dialogs import ChoiceScreen
from cadence.tui.widgets.forms import FormField, one_of
from cadence.tui.widgets.record_table import RecordTable

EVERYONE = "*"
WIDE_COLUMNS = 100  # from here the rock ids get a place in the table
TALL_ROWS = 34  # from here (the terminal's height) the selected rock is shown whole under the table

# Actions that need a rock row, a milestone row, or either, under the cursor.
ON_ROCK = {"cycle_status", "to_issue", "move_earlier", "move_later"}
ON_MILESTONE = {"tick"}
ON_EITHER = {"edit", "delete", "toggle_milestones", "add_milestone"}

# Pairs of keys the footer shows as one entry ("[ ] Quarter", "< > Move") so all fit at 80 columns.
QUARTER_KEYS = Binding.Group("Quarter", compact=True)
MOVE_KEYS = Binding.Group("Move", compact=True)

READ_ONLY = "archived quarter: read-only"

HELP = (
    "The quarter's rocks for the picked team: company rocks first, then each owner's. "
    "Enter or m opens a rock's milestones; x ticks the milestone under the cursor. "
    "s cycles on-track, off-track, done (not-done only in the last two weeks of the quarter). "
    "[ and ] show another quarter; < and > move the rock to the previous or next one. "
    "More than 7 rocks for one person is marked ⚠ (guidance, not a rule). "
    "Quarters before last come from the archive and are read-only."
)


class RocksPanel(SectionPanel):
    DEFAULT_CSS = panel_css(__file__)
    HELP = HELP

    BINDINGS = [
        Binding("a", "add", "Add", tooltip="Add a rock"),
        Binding("e", "edit", "Edit", tooltip="Edit the rock (title, due, description) or the milestone"),
        Binding("s", "cycle_status", "Status", tooltip="on-track → off-track → done (not-done at quarter end)"),
        Binding("x,space", "tick", "Tick", tooltip="Tick / untick the milestone under the cursor"),
        # Enter does the same and the Milestones column shows ▸/▾: m gives its footer room to n and < >.
        Binding(
            "m", "toggle_milestones", "Milestones", show=False, tooltip="Show or hide the rock's milestones (Enter too)"
        ),
        Binding("n", "add_milestone", "New", tooltip="Add a milestone to this rock"),
        Binding("i", "to_issue", "Issue", tooltip="Drop the rock to the Issues list"),
        Binding("d", "delete", "Del", tooltip="Delete the rock or milestone (asks first)"),
        # f, [ and ] are announced by the line above the table ("press [ or ]", "press f"), so the
        # footer keeps its room for the keys that act on the row under the cursor.
        Binding("f", "filter_owner", "Owner", show=False, tooltip="Show one person's rocks, or everyone's"),
        Binding(
            "left_square_bracket",
            "show_quarter(-1)",
            "Quarter",
            show=False,
            tooltip="Show the quarter before",
            group=QUARTER_KEYS,
        ),
        Binding(
            "right_square_bracket",
            "show_quarter(1)",
            "Quarter",
            show=False,
            tooltip="Show the quarter after",
            group=QUARTER_KEYS,
        ),
        Binding("less_than_sign", "move_earlier", "Move", tooltip="Move the rock back a quarter", group=MOVE_KEYS),
        Binding(
            "greater_than_sign", "move_later", "Move", tooltip="Carry the rock to the next quarter", group=MOVE_KEYS
        ),
    ]
    CLI_EQUIVALENTS = {
        "add": "rock add",
        "edit": "rock edit",  # a milestone: rock milestone-edit
        "cycle_status": "rock set",
        "tick": "rock milestone-done",
        "add_milestone": "rock milestone",
        "to_issue": "rock drop",
        "delete": "rock delete",  # a milestone: rock milestone-delete
        "move_earlier": "rock move",
        "move_later": "rock move",
    }
    NAVIGATION = frozenset({"toggle_milestones", "filter_owner", "show_quarter"})

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._quarter: Quarter | None = None
        self.owner_filter: str | None = None
        self.expanded: set[str] = set()
        self._place_cursor = True
        self._last_row = 0
        self._history: Snapshot | None = None  # live and archives as one, once a quarter before last asked
        self._history_generation = -1  # the live snapshot it was read with; a newer one reads it again
        self._history_error: str | None = None
        self._history_loading = False

    def compose(self) -> ComposeResult:
        yield Static(id="rock-period")
        yield Static(id="rock-rate")
        yield RecordTable(["Status", "Rock", "Due", "Milestones"], id="rock-table")
        with VerticalScroll(id="rock-detail"):
            yield Static(id="rock-detail-text")

    def on_resize(self, event: events.Resize) -> None:  # SectionPanel.on_resize (rebuild if the width changed) runs too
        self.query_one("#rock-detail").display = self.screen.size.height >= TALL_ROWS

    def layout_key(self) -> Hashable:
        return self.size.width or 80  # the period line and the columns are fitted to it (80 until laid out)

    # State ----------------------------------------------------------------------------

    @property
    def quarter(self) -> Quarter:
        if self._quarter is None:
            self._quarter = self.session.quarter()
        return self._quarter

    @property
    def table(self) -> RecordTable:
        return self.query_one(RecordTable)

    @property
    def archived_quarter(self) -> bool:
        """Is the shown quarter before last: history, read from the archive and read-only."""
        return self.quarter.end < self.session.quarter().previous().start

    @property
    def source(self) -> Snapshot | None:
        """Where the shown quarter's rocks come from: the live snapshot, or history (``None`` until it is read)."""
        return self._history if self.archived_quarter else self.session.snapshot

    def visible_rocks(self) -> list[Rock]:
        """The shown quarter's rocks for the picked team (company rocks always), by the owner filter."""
        source = self.source
        if source is None:
            return []
        label = self.quarter.label
        return [
            rock
            for rock in source.rocks
            if rock.quarter == label
            and (rock.company or self.session.belongs(rock.team_id, rock.owner_id))
            and (self.owner_filter is None or rock.owner_id == self.owner_filter)
        ]

    def owner_label(self) -> str:
        return "everyone" if self.owner_filter is None else self.session.snapshot.person_name(self.owner_filter)

    # Drawing ----------------------------------------------------------------------------

    def refresh_data(self) -> None:
        today = self.session.today()
        width = self.size.width or 80
        wide = width >= WIDE_COLUMNS
        period = period_line(self.quarter, today, self.owner_label(), width - 2, archived=self.archived_quarter)
        self.query_one("#rock-period", Static).update(period)
        if self.archived_quarter and self._history_generation != self.session.generation:
            self._load_history()  # the rows already shown (if any) stay until it is read
        source = self.source
        if source is None:
            note = self._history_error or f"Loading {self.quarter.label} from the archive…"
            self.query_one("#rock-rate", Static).update(Text(note, style=muted()))
            self.table.show([])
            self.show_detail()
            self.refresh_bindings()
            return
        rocks = self.visible_rocks()
        self.query_one("#rock-rate", Static).update(completion_line(rocks, self.quarter, today))
        self.table.show(
            table_rows(
                source,
                rocks,
                expanded=self.expanded,
                today=today,
                width=title_width(width, wide),
                wide=wide,
                quarter=self.quarter.label,
            )
        )
        if self._place_cursor:
            self._place_cursor = False
            self.first_rock()
        self.show_detail()
        self.refresh_bindings()

    def first_rock(self) -> None:
        """Put the cursor on the first rock (not on a heading), as when the section opens."""
        for index in range(self.table.row_count):
            row_key, _ = self.table.coordinate_to_cell_key((index, 0))  # type: ignore[arg-type]
            if row_key.value and RowKey.parse(row_key.value).is_rock:
                self.table.move_cursor(row=index, animate=False)
                return

    def show_detail(self) -> None:
        target = self.query_one("#rock-detail-text", Static)
        rock = self.rock_here()
        source = self.source
        if rock is None or source is None:
            target.update(Text("Pick a rock to see it whole here.", style=muted()))
        else:
            target.update(detail_text(rock, source, self.session.today()))

    # History ---------------------------------------------------------------------------

    def _load_history(self) -> None:
        """Read live and archives as one in a thread (once at a time), then redraw if still wanted."""
        if self._history_loading:
            return
        self._history_loading = True
        self.run_worker(self._read_history(self.session.generation), group="rock-history", exit_on_error=False)

    async def _read_history(self, generation: int) -> None:
        try:
            history = await in_thread(self, self.session.history_blocking, name="history")
        except WorkspaceError as error:  # a damaged archive file: said on the line, not retried until a change
            self._history_error = f"The archive could not be read: {error}"
            self._history_generation = generation
            return
        finally:
            self._history_loading = False
        self._history, self._history_generation, self._history_error = history, generation, None
        if self.is_mounted and self.archived_quarter:
            self.refresh_data()

    def _read_only(self) -> bool:
        """In an archived quarter every change is refused, and the user is told why."""
        if self.archived_quarter:
            self.notify(READ_ONLY, severity="warning", timeout=3)
            return True
        return False

    @on(DataTable.RowHighlighted)
    def _moved(self, event: DataTable.RowHighlighted) -> None:
        if self._skip_heading(self.table.cursor_row):  # where the cursor is now, not where this event saw it
            return
        self.show_detail()
        self.refresh_bindings()

    def _skip_heading(self, index: int) -> bool:
        """Group headings are labels, not rows to act on: the cursor passes over them.

        It keeps going the way it was moving (up from below, down from above,
        a click counts as down); at the top it turns to the first rock below.
        """
        previous, self._last_row = self._last_row, index
        if not self._is_heading(index):
            return False
        step = -1 if index < previous else 1
        for direction in (step, -step):
            target = index + direction
            while 0 <= target < self.table.row_count:
                if not self._is_heading(target):
                    self.table.move_cursor(row=target, animate=False)
                    return True
                target += direction
        return False

    def _is_heading(self, index: int) -> bool:
        """Is row ``index`` a group heading? A row no longer there (the table was redrawn shorter
        since the event naming it was sent, as after deleting the last rock) is not."""
        if not 0 <= index < self.table.row_count:
            return False
        row_key, _ = self.table.coordinate_to_cell_key((index, 0))  # type: ignore[arg-type]
        return bool(row_key.value) and RowKey.parse(str(row_key.value)).group is not None

    @on(DataTable.RowSelected)
    def _entered(self, event: DataTable.RowSelected) -> None:
        self.action_toggle_milestones()

    # What is under the cursor --------------------------------------------------------------

    def row_here(self) -> RowKey | None:
        try:
            key = self.table.selected_key
        except NoMatches:  # asked by the footer before the table is there
            return None
        return RowKey.parse(key) if key else None

    def rock_here(self) -> Rock | None:
        """The rock under the cursor, or the rock whose milestone is under it."""
        row = self.row_here()
        source = self.source
        if row is None or row.rock_id is None or source is None:
            return None
        try:
            return source.rock(row.rock_id)
        except InputError:
            return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that need a rock (or a milestone) under the cursor are hidden where there is none."""
        if action not in ON_ROCK | ON_MILESTONE | ON_EITHER:
            return True
        row = self.row_here()
        if row is None or row.rock_id is None:
            return False
        if action in ON_ROCK:
            return row.is_rock
        if action in ON_MILESTONE:
            return row.is_milestone
        return True

    def _rock_or_warn(self) -> Rock | None:
        rock = self.rock_here()
        if rock is None:
            self.notify("Move the cursor to a rock first.", severity="warning")
        return rock

    # Looking around ----------------------------------------------------------------------------

    def action_show_quarter(self, step: int) -> None:
        self._quarter = self.quarter.next() if step > 0 else self.quarter.previous()
        self._place_cursor = True
        self.refresh_data()

    def action_filter_owner(self) -> None:
        people = [(person.id, person.name) for person in self.session.snapshot.people if person.active]

        def picked(choice: str | None) -> None:
            if choice is not None:
                self.owner_filter = None if choice == EVERYONE else choice
                self._place_cursor = True
                self.refresh_data()

        self.app.push_screen(
            ChoiceScreen("Whose rocks?", [(EVERYONE, "Everyone"), *people], self.owner_filter or EVERYONE), picked
        )

    def action_toggle_milestones(self) -> None:
        rock = self.rock_here()
        if rock is None:
            return
        if rock.id in self.expanded:
            self.expanded.discard(rock.id)
            self.refresh_data()
            self.table.select_key(rock.id)
        elif not rock.milestones:
            self.notify(f"{rock.id} has no milestones yet: n adds one.", timeout=3)
        else:
            self.expanded.add(rock.id)
            self.refresh_data()

    # Rocks ------------------------------------------------------------------------------------

    def action_add(self) -> None:
        if self._read_only():
            return
        today = self.session.today()
        team_id = self.session.team_id
        fiscal_start = self.session.snapshot.meta.fiscal_start_month
        owner = self.owner_label() if self.owner_filter else ""

        def check_quarter(value: str) -> str | None:
            try:
                parse_quarter(value, fiscal_start)
            except ValueError as error:
                return str(error)
            return None

        def change(tx: Transaction, values: dict[str, str]) -> tuple[Rock, list[str]]:
            return actions.add_rock(
                tx,
                values["title"],
                values["owner"],
                today,
                company=values["company"].strip().lower() in ("y", "yes"),
                quarter=values["quarter"],
                due=values["due"],  # blank: the quarter's last day
                team=team_id,
            )

        self.open_form(
            "New rock",
            [
                FormField("title", "Rock", required=True, placeholder="Renegotiate the board supply contract"),
                FormField(
                    "owner",
                    "Owner",
                    value=owner,
                    required=True,
                    check=self.check_person,
                    suggestions=self.people_names(),
                ),
                FormField("company", "Company rock? (yes / no)", value="no", check=one_of(["yes", "no", "y", "n"])),
                FormField("quarter", "Quarter", value=self.quarter.label, required=True, check=check_quarter),
                FormField("due", "Due (default: the quarter's last day)", placeholder="2026-12-18, +6w"),
            ],
            change,
            then=self._added,
        )

    def _added(self, result: tuple[Rock, list[str]]) -> None:
        rock, warnings = result
        if rock.quarter == self.quarter.label:
            self.table.select_key(rock.id)
            self.notify(f"{rock.id} added", timeout=2)
        else:
            self.notify(f"{rock.id} added to {rock.quarter} (press ] or [ to see it)", timeout=4)
        for warning in warnings:
            self.notify(warning, title="Many rocks", severity="warning", timeout=8)

    def action_edit(self) -> None:
        if self._read_only():
            return
        row = self.row_here()
        rock = self._rock_or_warn()
        if rock is None or row is None:
            return
        if row.milestone is not None:
            self._edit_milestone(rock, row.milestone)
            return
        today = self.session.today()

        def change(tx: Transaction, values: dict[str, str]) -> Rock:
            return actions.edit_rock(
                tx, rock.id, today, title=values["title"], due=values["due"], description=values["description"]
            )

        self.open_form(
            f"Edit {rock.id}",
            [
                FormField("title", "Rock", value=rock.title, required=True),
                FormField("due", "Due", value=rock.due.isoformat() if rock.due else ""),
                FormField("description", "Description", value=rock.description),
            ],
            change,
            done="Rock saved",
            guard=rock,
        )

    async def action_cycle_status(self) -> None:
        if self._read_only():
            return
        rock = self._rock_or_warn()
        if rock is not None:
            today = self.session.today()
            changed = await self.write(lambda tx: actions.cycle_rock_status(tx, rock.id, today))
            if changed is not None:
                self.notify(f"{changed.id} is {changed.status.value}", timeout=2)

    async def action_to_issue(self) -> None:
        if self._read_only():
            return
        rock = self._rock_or_warn()
        if rock is not None:
            today = self.session.today()
            issue = await self.write(lambda tx: actions.drop_rock_to_issues(tx, rock.id, today))
            if issue is not None:
                self.notify(f"{issue.id} added to the Issues list", timeout=3)

    async def action_move_earlier(self) -> None:
        await self._move(-1)

    async def action_move_later(self) -> None:
        await self._move(1)

    async def _move(self, step: int) -> None:
        if self._read_only():
            return
        rock = self._rock_or_warn()
        if rock is None:
            return
        moved = await self.write(lambda tx: actions.shift_rock_quarter(tx, rock.id, step))
        if moved is not None:
            key = "]" if step > 0 else "["
            self.notify(f"{moved.id} moved to {moved.quarter} (press {key} to follow it)", timeout=4)

    def action_delete(self) -> None:
        if self._read_only():
            return
        row = self.row_here()
        rock = self._rock_or_warn()
        if rock is None or row is None:
            return
        if row.milestone is not None:
            milestone_id = row.milestone
            milestone = rock.milestone(milestone_id)
            if milestone is None:
                return
            self.confirm(
                f"Delete the milestone {milestone.title!r} of {rock.id}?",
                lambda: self.write_soon(
                    lambda tx: actions.remove_milestone(tx, rock.id, milestone_id), done="Milestone deleted"
                ),
            )
            return
        self.confirm(
            f"Delete {rock.id} {rock.title}?",
            lambda: self.write_soon(lambda tx: actions.delete_rock(tx, rock.id), done="Rock deleted"),
        )

    # Milestones ----------------------------------------------------------------------------------

    def action_add_milestone(self) -> None:
        if self._read_only():
            return
        rock = self._rock_or_warn()
        if rock is None:
            return
        today = self.session.today()

        def change(tx: Transaction, values: dict[str, str]) -> Rock:
            return actions.add_milestone(tx, rock.id, values["title"], values["due"].strip() or None, today)

        def added(result: Rock) -> None:
            self.expanded.add(rock.id)
            self.refresh_data()
            self.table.select_key(RowKey(rock.id, result.milestones[-1].id).text())

        self.open_form(
            f"New milestone for {rock.id}",
            [
                FormField("title", "Milestone", required=True, placeholder="Test with ten closed jobs"),
                FormField("due", "Due", placeholder="2026-12-04, friday, +2w"),
            ],
            change,
            done="Milestone added",
            then=added,
        )

    def _edit_milestone(self, rock: Rock, milestone_id: str) -> None:
        milestone = rock.milestone(milestone_id)
        if milestone is None:
            return
        today = self.session.today()

        def change(tx: Transaction, values: dict[str, str]) -> Rock:
            return actions.edit_milestone(tx, rock.id, milestone_id, values["title"], values["due"], today)

        self.open_form(
            f"Edit milestone of {rock.id}",
            [
                FormField("title", "Milestone", value=milestone.title, required=True),
                FormField("due", "Due", value=milestone.due.isoformat() if milestone.due else ""),
            ],
            change,
            done="Milestone saved",
        )

    async def action_tick(self) -> None:
        if self._read_only():
            return
        row = self.row_here()
        rock = self.rock_here()
        if rock is None or row is None or row.milestone is None:
            return
        milestone = rock.milestone(row.milestone)
        if milestone is None:
            return
        milestone_id, done = milestone.id, not milestone.done
        await self.write(lambda tx: actions.set_milestone_done(tx, rock.id, milestone_id, done))

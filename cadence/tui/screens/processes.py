"""Core processes, opened from Vision with ``p``: the company's processes and the highlighted one's steps.

The top table lists each process with its owner, how many steps it has, and
its two statuses (documented, followed by all) side by side, so "written
down but not followed" stands out. The bottom table is the highlighted
process's steps, numbered; Tab moves between the two tables, and the step
keys act on the step under the bottom table's cursor (the first, until it is
moved), whichever table has focus.

Every key writes through ``store/actions/processes.py``, the actions
``cadence process ...`` runs, off the event loop; deleting a process or a
step asks first. ``x`` exports the highlighted process (or, with none, all of
them) as the Markdown page ``cadence process export`` writes. Esc goes back
to Vision.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from cadence.domain.models import Process
from cadence.domain.processes import NO_OWNER, processes_markdown
from cadence.store import Transaction
from cadence.store.actions import processes as process_actions
from cadence.tui.exports import export_document
from cadence.tui.panels.base import SectionPanel
from cadence.tui.screens.panel_frame import PanelFrame
from cadence.tui.status_styles import Status, muted, status_style
from cadence.tui.widgets.fitted_table import FittedTable
from cadence.tui.widgets.forms import FormField
from cadence.tui.widgets.literal import literal, plain
from cadence.tui.widgets.record_table import RecordTable, Row

WIDE_COLUMNS = 120
NUMBER_WIDTH = 3  # "99."
STEP_MARGIN = NUMBER_WIDTH + 4 + 3  # the number column, both columns' padding, the scrollbar's room

HELP = (
    "Core processes: each with an owner, its steps in order, and two statuses, documented and followed by all. "
    "Tab moves between the processes and the highlighted process's steps; the step keys (s, w, K, J, r) act on "
    "the step under the steps' cursor. d and r ask first. x exports the highlighted process as Markdown. "
    "Esc: back to Vision."
)


def mark(flag: bool) -> Text:
    """A status cell: a tick in the good colour, or a warning-coloured ``no``."""
    if flag:
        return Text("✔ yes", style=status_style(Status.GOOD), no_wrap=True)
    return Text("✗ no", style=status_style(Status.WARN), no_wrap=True)


class ProcessesPanel(SectionPanel):
    """The processes table, the highlighted process's steps, and the keys that change them."""

    BINDINGS = [
        Binding("a", "add", "Add", tooltip="Add a process"),
        Binding("e", "rename", "Rename", show=False, tooltip="Rename the process"),
        Binding("o", "owner", "Owner", tooltip="Set the process's owner"),
        Binding("D", "documented", "Documented", tooltip="Documented: switch yes / no"),
        Binding("F", "followed", "Followed", tooltip="Followed by all: switch yes / no"),
        Binding("s", "add_step", "Step", tooltip="Add a step (after the highlighted step)"),
        Binding("w", "edit_step", "Edit step", show=False, tooltip="Rewrite the highlighted step"),
        Binding("K", "move_step(-1)", "Step up", show=False, tooltip="Move the highlighted step up one"),
        Binding("J", "move_step(1)", "Step down", show=False, tooltip="Move the highlighted step down one"),
        Binding("r", "remove_step", "Remove step", show=False, tooltip="Remove the highlighted step (asks first)"),
        Binding("d", "delete", "Delete", show=False, tooltip="Delete the process (asks first)"),
        Binding("x", "export", "Export", tooltip="Write the process to a Markdown file (in a browser: download it)"),
    ]
    CLI_EQUIVALENTS = {
        "add": "process add",
        "rename": "process rename",
        "owner": "process owner",
        "documented": "process documented",
        "followed": "process followed",
        "add_step": "process step add",
        "edit_step": "process step edit",
        "move_step": "process step move",
        "remove_step": "process step remove",
        "delete": "process delete",
        "export": "process export",
    }

    def compose(self) -> ComposeResult:
        yield FittedTable(["Process", "Owner", "Steps", "Documented", "Followed by all"], "Process", id="process-table")
        yield Static(id="process-detail")
        yield RecordTable(["#", "Step"], id="step-table")

    @property
    def table(self) -> FittedTable:
        return self.query_one("#process-table", FittedTable)

    @property
    def steps(self) -> RecordTable:
        return self.query_one("#step-table", RecordTable)

    def layout_key(self) -> Hashable:
        return self.app.size.width  # the steps' column is sized to the terminal

    # Drawing ---------------------------------------------------------------------------

    def refresh_data(self) -> None:
        self._steps_shown: tuple[str, tuple[str, ...]] | None = None
        snapshot = self.session.snapshot
        owner_room = 24 if self.app.size.width >= WIDE_COLUMNS else 16
        rows = []
        for process in snapshot.processes:
            owner = (
                literal(snapshot.person_name(process.owner_id), owner_room)
                if process.owner_id
                else Text(NO_OWNER, style=muted(), no_wrap=True)
            )
            rows.append(
                Row(
                    process.id,
                    [
                        literal(process.name, 200),
                        owner,
                        Text(str(len(process.steps)), justify="right"),
                        mark(process.documented),
                        mark(process.followed_by_all),
                    ],
                )
            )
        self.table.show(rows)
        self.show_steps()

    def show_steps(self) -> None:
        process = self.current_process(quiet=True)
        detail = self.query_one("#process-detail", Static)
        shown = (process.id, tuple(process.steps)) if process else ("", ())
        if shown == getattr(self, "_steps_shown", None):
            return  # the cursor came back to the row on show: the steps are drawn already
        self._steps_shown = shown
        if process is None:
            detail.update(Text("No core processes yet: press a to add one.", style=muted()))
            self.steps.show([])
            return
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"{process.id} ", style="bold")
        text.append_text(literal(process.name, 40, "bold"))
        if process.steps:
            text.append(f" · {len(process.steps)} steps · w edit · K/J move · r remove", style=muted())
        else:
            text.append(" · no steps yet: s adds the first", style=muted())
        detail.update(text)
        # Widths fixed to the terminal (not measured when idle), so a redraw never shows a stale narrow column.
        room = max(10, (self.steps.scrollable_content_region.width or self.app.size.width) - STEP_MARGIN)
        self.steps.fix_widths([NUMBER_WIDTH, room])
        self.steps.show(
            [Row(str(index), [f"{index + 1}.", literal(step, room)]) for index, step in enumerate(process.steps)]
        )

    @on(DataTable.RowHighlighted, "#process-table")
    def _process_moved(self, _event: DataTable.RowHighlighted) -> None:
        self.show_steps()

    # Selection -----------------------------------------------------------------------

    def current_process(self, quiet: bool = False) -> Process | None:
        return self.record_at_cursor(
            self.table, self.session.snapshot.process, "No process yet: press a to add one.", quiet
        )

    def step_number(self, process: Process) -> int | None:
        """The highlighted step's number (1-based), or ``None`` (told) when the process has no steps."""
        key = self.steps.selected_key
        if not process.steps or key is None:
            self.notify(f"{plain(process.name)} has no steps yet: s adds one.", severity="warning")
            return None
        return min(int(key), len(process.steps) - 1) + 1

    def check_new_name(self, value: str, except_id: str | None = None) -> str | None:
        wanted = value.strip().casefold()
        taken = self.session.snapshot.processes
        if any(process.id != except_id and process.name.casefold() == wanted for process in taken):
            return "there is already a process with this name"
        return None

    def check_owner(self, value: str) -> str | None:
        return self.check_person(value) if value.strip() else None

    def select_step(self, number: int) -> None:
        self.steps.select_key(str(number - 1))

    # Process actions -----------------------------------------------------------------------

    def action_add(self) -> None:
        def change(tx: Transaction, values: dict[str, str]) -> Process:
            first = values["step"].strip()
            return process_actions.add_process(tx, values["name"], values["owner"], [first] if first else [])

        def added(process: Process) -> None:
            self.table.select_key(process.id)
            self.show_steps()

        self.open_form(
            "New core process",
            [
                FormField("name", "Name", required=True, placeholder="Quote to order", check=self.check_new_name),
                FormField("owner", "Owner (optional)", check=self.check_owner, suggestions=self.people_names()),
                FormField("step", "First step (optional; s adds more)"),
            ],
            change,
            done="Process added",
            then=added,
        )

    def action_rename(self) -> None:
        process = self.current_process()
        if process is None:
            return
        self.open_form(
            f"Rename {process.id}",
            [
                FormField(
                    "name",
                    "Name",
                    value=process.name,
                    required=True,
                    check=lambda value: self.check_new_name(value, process.id),
                )
            ],
            lambda tx, values: process_actions.rename_process(tx, process.id, values["name"]),
            done="Process renamed",
            guard=process,
        )

    def action_owner(self) -> None:
        process = self.current_process()
        if process is None:
            return
        current = self.session.snapshot.person_name(process.owner_id) if process.owner_id else ""
        self.open_form(
            f"Owner of {plain(process.name)}",
            [
                FormField(
                    "owner",
                    "Owner (blank: nobody)",
                    value=current,
                    check=self.check_owner,
                    suggestions=self.people_names(),
                )
            ],
            lambda tx, values: process_actions.set_process_owner(tx, process.id, values["owner"]),
            done="Owner saved",
        )

    def action_documented(self) -> None:
        self._switch("documented", lambda process: process.documented, process_actions.set_documented)

    def action_followed(self) -> None:
        self._switch("followed by all", lambda process: process.followed_by_all, process_actions.set_followed_by_all)

    def _switch(
        self, what: str, current: Callable[[Process], bool], save: Callable[[Transaction, str, bool], Process]
    ) -> None:
        """Flip one yes/no of the highlighted process through its store action, saying what it now is."""
        process = self.current_process()
        if process is not None:
            now = not current(process)
            self.write_soon(
                lambda tx: save(tx, process.id, now), done=f"{plain(process.name)}: {what} {'yes' if now else 'no'}"
            )

    def action_delete(self) -> None:
        process = self.current_process()
        if process is None:
            return
        self.confirm(
            f"Delete the process {plain(process.name)} and its {len(process.steps)} steps?",
            lambda: self.write_soon(
                lambda tx: process_actions.delete_process(tx, process.id),
                done=f"Process {plain(process.name)} deleted",
            ),
        )

    def action_export(self) -> None:
        session = self.session
        process = self.current_process(quiet=True)
        process_id = process.id if process else None

        def render(_name: str) -> str:
            snapshot = session.snapshot
            names = {person.id: person.name for person in snapshot.people}
            chosen = [item for item in snapshot.processes if item.id == process_id] or snapshot.processes
            return processes_markdown(chosen, names, snapshot.meta.company)

        slug = process_id.lower() if process_id else "all"
        export_document(
            self,
            what=f"the process {plain(process.name)}" if process else "the core processes",
            default_name=f"process-{slug}-{session.today():%Y-%m-%d}.md",
            render=render,
            label="Markdown file",
        )

    # Step actions -------------------------------------------------------------------------

    def action_add_step(self) -> None:
        process = self.current_process()
        if process is None:
            return
        key = self.steps.selected_key
        at = (int(key) + 2) if process.steps and key is not None else None

        def change(tx: Transaction, values: dict[str, str]) -> Process:
            return process_actions.add_step(tx, process.id, values["text"], at)

        def added(saved: Process) -> None:
            self.select_step(at or len(saved.steps))

        where = f"step {at}" if at is not None else "the first step"
        self.open_form(
            f"New step in {plain(process.name)} ({where})",
            [FormField("text", "Step", required=True, placeholder="Send the quote within one business day")],
            change,
            done="Step added",
            then=added,
        )

    def action_edit_step(self) -> None:
        process = self.current_process()
        if process is None:
            return
        number = self.step_number(process)
        if number is None:
            return
        self.open_form(
            f"Step {number} of {plain(process.name)}",
            [FormField("text", "Step", value=process.steps[number - 1], required=True)],
            lambda tx, values: process_actions.edit_step(tx, process.id, number, values["text"]),
            done="Step saved",
        )

    def action_move_step(self, by: int) -> None:
        process = self.current_process()
        if process is None:
            return
        number = self.step_number(process)
        if number is None:
            return
        to = number + by
        if not 1 <= to <= len(process.steps):
            self.notify(f"Step {number} is already the {'first' if by < 0 else 'last'}.", timeout=2)
            return

        def moved(_saved: Process) -> None:
            self.select_step(to)

        self.write_soon(lambda tx: process_actions.move_step(tx, process.id, number, to), then=moved)

    def action_remove_step(self) -> None:
        process = self.current_process()
        if process is None:
            return
        number = self.step_number(process)
        if number is None:
            return
        self.confirm(
            f"Remove step {number} of {plain(process.name)}: {plain(process.steps[number - 1], 50)}?",
            lambda: self.write_soon(
                lambda tx: process_actions.remove_step(tx, process.id, number), done=f"Step {number} removed"
            ),
        )


class ProcessesScreen(PanelFrame):
    """A frame over the processes panel: a title line, the panel, the footer; Esc goes back to Vision."""

    CSS_PATH = "processes.tcss"
    SECTION = "processes"
    HELP = HELP

    BINDINGS = [Binding("escape", "close", "Back", show=False, tooltip="Back to Vision")]  # the title line says Esc
    PANEL = ProcessesPanel
    ID_PREFIX = "processes"

    def title_text(self) -> Text:
        processes = self.session.snapshot.processes
        followed = sum(1 for process in processes if process.followed_by_all)
        return Text.assemble(
            ("Core processes", "bold"),
            (f" · {followed} of {len(processes)} followed by all", muted()),
            (" · e rename · d delete · Esc back", muted()),
            no_wrap=True,
            overflow="ellipsis",
        )

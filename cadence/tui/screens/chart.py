"""The Accountability chart, opened from People with ``c``: the tree of seats, who sits in them, their roles.

The chart is drawn as a table whose first column carries the tree's
box-drawing lines (``├─``, ``└─``) in front of each seat's name, so it reads
at 80 columns and every seat is one row the cursor can sit on; names, people
and roles are cut to the room there is, never wrapped. Below the table, the
highlighted seat's detail (where it sits, its people, its roles numbered) and
one summary line of the flags: seats with nobody in them, and anyone in more
seats than ``MAX_SEATS_PER_PERSON``. Flags are shown inline too (``nobody``
in the people column, ``⚑`` by a stretched person's name). A hand-edited file
with a loop of seat parents still draws (the loop from the top), with a line
under the flags naming the loop, as ``cadence check`` does.

Every key writes through the store's seat actions (``store/actions/seats.py``),
the ones ``cadence seat ...`` runs, off the event loop; deleting asks first.
``x`` exports the chart as Markdown (the page ``cadence seat export`` writes).
Esc goes back to People.
"""

from __future__ import annotations

from collections.abc import Hashable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from cadence.domain.accountability import (
    KIND_WORDS,
    MAX_ROLES,
    MAX_SEATS_PER_PERSON,
    ancestors,
    chart_lines,
    chart_markdown,
    empty_seats,
    flag_summary,
    loop_warnings,
    stretched_people,
)
from cadence.domain.models import Seat, SeatKind
from cadence.domain.text import visible
from cadence.store import InputError, Transaction
from cadence.store.actions import seats as seat_actions
from cadence.tui.exports import export_document
from cadence.tui.panels.base import SectionPanel
from cadence.tui.screens.panel_frame import PanelFrame
from cadence.tui.status_styles import Status, muted, status_style
from cadence.tui.widgets.dialogs import ChoiceScreen
from cadence.tui.widgets.fitted_table import FittedTable
from cadence.tui.widgets.forms import FormField
from cadence.tui.widgets.literal import literal, plain
from cadence.tui.widgets.record_table import Row

WIDE_COLUMNS = 120
TOP_PLACE = "-top-"  # the move chooser's key for "at the top of the chart" (no seat id looks like it)
FLAG = "⚑"

HELP = (
    f"The Accountability chart: seats in a tree, the people in each, up to {MAX_ROLES} roles. "
    f"Flags ({FLAG}): a seat with nobody in it, someone in more than {MAX_SEATS_PER_PERSON} seats. "
    "Deleting a seat moves the seats under it up. x exports the chart as Markdown. Esc: back to People."
)


class ChartPanel(SectionPanel):
    """The chart's table, detail and flags, with the keys that change seats."""

    BINDINGS = [
        Binding("a", "add", "Add", tooltip="Add a seat (under the highlighted one)"),
        Binding("e", "rename", "Rename", tooltip="Rename the seat"),
        Binding("o", "roles", "Roles", tooltip=f"Set the seat's roles (at most {MAX_ROLES})"),
        Binding("m", "move", "Move", tooltip="Move the seat (and those under it) under another seat"),
        Binding("j", "assign", "Assign", tooltip="Put a person in the seat"),
        Binding("l", "unassign", "Unassign", show=False, tooltip="Take a person out of the seat"),
        Binding("d", "delete", "Delete", show=False, tooltip="Delete the seat (asks first; seats under it move up)"),
        Binding("x", "export", "Export", tooltip="Write the chart to a Markdown file (in a browser: download it)"),
    ]
    CLI_EQUIVALENTS = {
        "add": "seat add",
        "rename": "seat rename",
        "roles": "seat roles",
        "move": "seat move",
        "assign": "seat assign",
        "unassign": "seat unassign",
        "delete": "seat delete",
        "export": "seat export",
    }

    def compose(self) -> ComposeResult:
        yield FittedTable(["Seat", "People", "Roles"], "Roles", least=6, id="chart-table")
        yield Static(id="chart-detail")
        yield Static(id="chart-summary")
        yield Static(id="chart-loops")

    @property
    def table(self) -> FittedTable:
        return self.query_one("#chart-table", FittedTable)

    def layout_key(self) -> Hashable:
        return self.app.size.width >= WIDE_COLUMNS

    def names(self) -> dict[str, str]:
        return {person.id: person.name for person in self.session.snapshot.people}

    # Drawing ---------------------------------------------------------------------------

    def refresh_data(self) -> None:
        seats = self.session.snapshot.seats
        names = self.names()
        wide = self.app.size.width >= WIDE_COLUMNS
        seat_room, people_room = (44, 36) if wide else (30, 20)
        stretched = stretched_people(seats)
        warn = status_style(Status.WARN)
        rows = []
        for line in chart_lines(seats):
            seat = line.seat
            name = Text(no_wrap=True)
            name.append(line.prefix, style=muted())
            style = "bold" if seat.seat_kind is not SeatKind.FUNCTION else ""
            name.append_text(literal(seat.name, max(6, seat_room - len(line.prefix)), style))
            people = Text(no_wrap=True, overflow="ellipsis")
            if not seat.person_ids:
                people.append(f"{FLAG} nobody", style=warn)
            for index, person_id in enumerate(seat.person_ids):
                if index:
                    people.append(", ")
                people.append_text(literal(names.get(person_id, person_id), people_room))
                if person_id in stretched:
                    people.append(f" {FLAG}", style=warn)
            people.truncate(people_room, overflow="ellipsis")
            roles = Text(no_wrap=True)
            roles.append(f"{len(seat.roles)} · " if seat.roles else "", style=muted())
            roles.append_text(literal("; ".join(seat.roles), 400))
            rows.append(Row(seat.id, [name, people, roles]))
        self.table.show(rows)
        summary = Text()
        summary.append(f"{FLAG} " if empty_seats(seats) or stretched else "", style=warn)
        summary.append_text(literal(flag_summary(seats, names), 400))
        self.query_one("#chart-summary", Static).update(summary)
        loops = self.query_one("#chart-loops", Static)
        warnings = loop_warnings(seats)  # only from a hand-edited file: shown whole, wrapped, never hidden
        loops.display = bool(warnings)
        loops.update(Text("\n").join(Text(f"{FLAG} {visible(line)}", style=warn) for line in warnings))
        self.show_detail()

    def show_detail(self) -> None:
        detail = self.query_one("#chart-detail", Static)
        seat = self.current_seat(quiet=True)
        if seat is None:
            detail.update(
                Text(
                    "No seats yet: press a to add one (the chart starts with Visionary and Integrator).", style=muted()
                )
            )
            return
        snapshot = self.session.snapshot
        names = self.names()
        stretched = stretched_people(snapshot.seats)
        text = Text(no_wrap=True, overflow="ellipsis")
        parent = next((other for other in snapshot.seats if other.id == seat.parent_id), None)
        text.append(f"{seat.id} ", style="bold")
        text.append_text(literal(seat.name, 30, "bold"))
        text.append(f" · {KIND_WORDS[seat.seat_kind]}", style=muted())
        if parent is not None:
            text.append(" · under ", style=muted())
            text.append_text(literal(parent.name, 20))
        text.append("\n")
        if seat.person_ids:
            for index, person_id in enumerate(seat.person_ids):
                text.append(", " if index else "In it: ")
                text.append_text(literal(names.get(person_id, person_id), 30))
                if person_id in stretched:
                    text.append(f" {FLAG} in {len(stretched[person_id])} seats", style=status_style(Status.WARN))
        else:
            text.append(f"{FLAG} nobody in this seat (j puts someone in it)", style=status_style(Status.WARN))
        text.append("\n")
        if not seat.roles:
            text.append("No roles yet (o sets them)", style=muted())
        for number, role in enumerate(seat.roles, start=1):
            text.append(f"{number}. ", style=muted())
            text.append_text(literal(role, 110))
            if number < len(seat.roles):
                text.append("\n")
        detail.update(text)

    @on(DataTable.RowHighlighted)
    def _row_moved(self, _event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    # Selection and checks -------------------------------------------------------------

    def current_seat(self, quiet: bool = False) -> Seat | None:
        return self.record_at_cursor(self.table, self.session.snapshot.seat, "No seat yet: press a to add one.", quiet)

    def seat_names(self) -> list[str]:
        return [seat.name for seat in self.session.snapshot.seats]

    def check_seat(self, value: str) -> str | None:
        try:
            self.session.snapshot.find_seat(value)
        except InputError as error:
            return str(error)
        return None

    def check_new_name(self, value: str, except_id: str | None = None) -> str | None:
        wanted = value.strip().casefold()
        if any(seat.id != except_id and seat.name.casefold() == wanted for seat in self.session.snapshot.seats):
            return "there is already a seat with this name"
        return None

    def check_active_person(self, value: str) -> str | None:
        if not value.strip():
            return None
        return self.check_person(value)

    # Actions ------------------------------------------------------------------------------

    def action_add(self) -> None:
        here = self.current_seat(quiet=True)

        def change(tx: Transaction, values: dict[str, str]) -> Seat:
            person = values["person"].strip()
            return seat_actions.add_seat(
                tx, values["name"], values["under"].strip() or None, people=[person] if person else []
            )

        def added(seat: Seat) -> None:
            self.table.select_key(seat.id)
            self.show_detail()

        self.open_form(
            "New seat",
            [
                FormField(
                    "name", "Name", required=True, placeholder="e.g. Sales & Marketing", check=self.check_new_name
                ),
                FormField(
                    "under",
                    "Under (blank: the Integrator seat)",
                    value=here.name if here else "",
                    check=lambda value: self.check_seat(value) if value.strip() else None,
                    suggestions=self.seat_names(),
                ),
                FormField(
                    "person",
                    "Person in it (optional; j adds more)",
                    check=self.check_active_person,
                    suggestions=self.people_names(),
                ),
            ],
            change,
            done="Seat added",
            then=added,
        )

    def action_rename(self) -> None:
        seat = self.current_seat()
        if seat is None:
            return
        self.open_form(
            f"Rename {seat.id}",
            [
                FormField(
                    "name",
                    "Name",
                    value=seat.name,
                    required=True,
                    check=lambda value: self.check_new_name(value, seat.id),
                )
            ],
            lambda tx, values: seat_actions.rename_seat(tx, seat.id, values["name"]),
            done="Seat renamed",
            guard=seat,
        )

    def action_roles(self) -> None:
        seat = self.current_seat()
        if seat is None:
            return
        fields = [
            FormField(
                f"role{number}",
                f"Role {number}",
                value=seat.roles[number - 1] if number <= len(seat.roles) else "",
                placeholder="blank: none" if number > 1 else "e.g. Selling and quoting",
            )
            for number in range(1, MAX_ROLES + 1)
        ]

        def change(tx: Transaction, values: dict[str, str]) -> Seat:
            roles = [values[f"role{number}"] for number in range(1, MAX_ROLES + 1)]
            return seat_actions.set_seat_roles(tx, seat.id, roles)

        self.open_form(f"Roles of {plain(seat.name)} (at most {MAX_ROLES})", fields, change, done="Roles saved")

    def action_move(self) -> None:
        seat = self.current_seat()
        if seat is None:
            return
        seats = self.session.snapshot.seats
        top_seat = seat.seat_kind is not SeatKind.FUNCTION
        options = [  # where the store would take it: not itself, nothing below it, no function over a top seat
            (line.seat.id, line.prefix + line.seat.name)
            for line in chart_lines(seats)
            if line.seat.id not in (seat.id, seat.parent_id)
            and seat.id not in ancestors(seats, line.seat.id)
            and not (top_seat and line.seat.seat_kind is SeatKind.FUNCTION)
        ]
        if seat.parent_id is not None:
            options.insert(0, (TOP_PLACE, "(the top of the chart)"))
        if not options:
            self.notify(f"{plain(seat.name)} has nowhere else to go.", severity="warning")
            return

        def picked(key: str | None) -> None:
            if not key:
                return
            under = None if key == TOP_PLACE else key

            def moved(result: Seat) -> None:
                where = seat_actions.seat_path(self.session.snapshot, result)
                self.notify(f"{plain(seat.name)} now sits at {plain(where, 70)}", timeout=3)

            self.write_soon(lambda tx: seat_actions.move_seat(tx, seat.id, under), then=moved)

        self.app.push_screen(ChoiceScreen(f"Move {plain(seat.name)} under which seat?", options), picked)

    def action_assign(self) -> None:
        seat = self.current_seat()
        if seat is None:
            return
        people = [
            (person.id, person.name)
            for person in self.session.snapshot.people
            if person.active and person.id not in seat.person_ids
        ]
        if not people:
            self.notify(f"Everyone active is in {plain(seat.name)} already.", severity="warning")
            return

        def picked(person_id: str | None) -> None:
            if not person_id:
                return
            name = plain(self.session.snapshot.person_name(person_id))

            def told(_seat: Seat) -> None:
                held = len(seat_actions.seats_held(self.session.snapshot, person_id))
                if held > MAX_SEATS_PER_PERSON:
                    self.notify(f"{name} is now in {held} seats (more than {MAX_SEATS_PER_PERSON})", severity="warning")
                else:
                    self.notify(f"{name} is in {plain(seat.name)}", timeout=3)

            self.write_soon(lambda tx: seat_actions.assign_to_seat(tx, seat.id, person_id), then=told)

        self.app.push_screen(ChoiceScreen(f"Who goes in {plain(seat.name)}?", people), picked)

    def action_unassign(self) -> None:
        seat = self.current_seat()
        if seat is None:
            return
        held = [(person_id, self.session.snapshot.person_name(person_id)) for person_id in seat.person_ids]
        if not held:
            self.notify(f"Nobody is in {plain(seat.name)}.", severity="warning")
            return

        def picked(person_id: str | None) -> None:
            if person_id:
                name = plain(self.session.snapshot.person_name(person_id))
                self.write_soon(
                    lambda tx: seat_actions.unassign_from_seat(tx, seat.id, person_id),
                    done=f"{name} is out of {plain(seat.name)}",
                )

        self.app.push_screen(ChoiceScreen(f"Take whom out of {plain(seat.name)}?", held), picked)

    def action_delete(self) -> None:
        seat = self.current_seat()
        if seat is None:
            return
        snapshot = self.session.snapshot
        children = [other.name for other in snapshot.seats if other.parent_id == seat.id]
        parent = next((other.name for other in snapshot.seats if other.id == seat.parent_id), None)
        moving = ""
        if children:
            where = f"under {plain(parent)}" if parent else "to the top of the chart"
            moving = f" {', '.join(plain(child, 30) for child in children)} move up {where}."
        self.confirm(
            f"Delete the seat {plain(seat.name)}?{moving} The people in it stay in the workspace.",
            lambda: self.write_soon(
                lambda tx: seat_actions.delete_seat(tx, seat.id), done=f"Seat {plain(seat.name)} deleted"
            ),
        )

    def action_export(self) -> None:
        session = self.session

        def render(_name: str) -> str:
            snapshot = session.snapshot
            names = {person.id: person.name for person in snapshot.people}
            return chart_markdown(snapshot.seats, names, snapshot.meta.company)

        export_document(
            self,
            what="the Accountability chart",
            default_name=f"accountability-chart-{session.today():%Y-%m-%d}.md",
            render=render,
            label="Markdown file",
        )


class ChartScreen(PanelFrame):
    """A frame over the chart panel: a title line, the panel, the footer; Esc goes back to People."""

    CSS_PATH = "chart.tcss"
    SECTION = "chart"
    HELP = HELP

    BINDINGS = [Binding("escape", "close", "Back", show=False, tooltip="Back to People")]  # the title line says Esc
    PANEL = ChartPanel
    ID_PREFIX = "chart"

    def title_text(self) -> Text:
        snapshot = self.session.snapshot
        return Text.assemble(
            ("Accountability chart", "bold"),
            " · ",
            literal(snapshot.meta.company, 20),
            (" · l unassign · d delete · Esc back", muted()),
        )

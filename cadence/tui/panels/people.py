"""The People panel: everyone in the workspace and the teams they sit on, with their keys.

Two tables, people and teams (side by side when the panel is wide, stacked at
80x24; Tab moves between them). The keys do what makes sense for the table in
focus, so ``a`` adds a person or a team and ``j`` adds a person to a team from
either side. Everyone is listed whatever team is picked; the picked team and
its members carry a marker.

The rules live in the store's people actions, the same ones ``cadence person``
and ``cadence team`` run: one Visionary and one Integrator per workspace
(giving a seat that is taken asks first, then moves the holder to member in
the same write), names unique, and people deactivated rather than deleted
(rocks, to-dos and minutes keep pointing at them), which takes them off their
teams and out of the pick lists. Every write runs off the event loop.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TypeVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical
from textual.events import DescendantFocus
from textual.widgets import DataTable, Static

from cadence.domain.ids import id_number
from cadence.domain.metrics import is_overdue
from cadence.domain.models import Person, Role, Team
from cadence.store import InputError, Transaction, actions
from cadence.tui.panels.base import SectionPanel, panel_css
from cadence.tui.panels.people_text import (
    MARK,
    NAME_WIDTH,
    ROLE_WORDS,
    TEAM_NAME_WIDTH,
    person_detail,
    role_text,
    said,
    team_detail,
    teams_of,
    todo_text,
)
from cadence.tui.status_styles import Status, muted, status_style
from cadence.tui.widgets.dialogs import ChoiceScreen
from cadence.tui.widgets.fitted_table import FittedTable
from cadence.tui.widgets.forms import FormField, one_of
from cadence.tui.widgets.literal import literal, plain
from cadence.tui.widgets.record_table import Row

R = TypeVar("R", Person, Team)
YES = ("yes", "y")
NO = ("no", "n")
WIDE_COLUMNS = 120  # from here the tables sit side by side, with the highlighted row's detail

PERSON_ACTIONS = frozenset(
    {"add_person", "edit_person", "role", "join", "leave", "deactivate", "reactivate", "conversation"}
)
TEAM_ACTIONS = frozenset({"add_team", "edit_team", "add_member", "remove_member"})

HELP = (
    "Tab switches between people and teams; keys act on the table in focus. ● marks the picked team (t) "
    "and its members. One Visionary, one Integrator: giving a seat away asks first. Deactivated people "
    "keep their records but leave their teams. c opens the Accountability chart. p opens the People analyzer "
    "(each person against the core values and GWC, by quarter); q the highlighted person's quarterly conversation."
)


def parse_yes_no(text: str, field: str) -> bool:
    value = text.strip().casefold()
    if value in YES:
        return True
    if value in NO or not value:
        return False
    raise InputError(f"{field}: answer yes or no")


class PeoplePanel(SectionPanel):
    DEFAULT_CSS = panel_css(__file__)
    HELP = HELP

    BINDINGS = [
        Binding("a", "add_person", "Add", tooltip="Add a person (name, role, team)"),
        Binding("a", "add_team", "Add team", tooltip="Add a team"),
        Binding("e", "edit_person", "Edit", tooltip="Edit the person's name and email"),
        Binding("e", "edit_team", "Edit", tooltip="Rename the team; leadership team or not"),
        Binding("r", "role", "Role", tooltip="Make the person Visionary, Integrator or member"),
        Binding("j", "join", "Join", tooltip="Add the person to a team"),
        Binding("j", "add_member", "Add member", tooltip="Add a person to this team"),
        Binding("l", "leave", "Leave", tooltip="Take the person off one of their teams"),
        Binding("l", "remove_member", "Remove member", tooltip="Take a member off this team"),
        Binding("d", "deactivate", "Deactivate", tooltip="Deactivate the person (asks first; records stay)"),
        Binding("d", "reactivate", "Reactivate", tooltip="Bring the person back"),
        Binding("A", "new_team", "New team", show=False, tooltip="Add a team (from either table)"),
        Binding("c", "chart", "Chart", show=False, tooltip="Open the Accountability chart (seats, roles, people)"),
        Binding(
            "p", "analyzer", "Analyzer", show=False, tooltip="Open the People analyzer (core values, GWC, the bar)"
        ),
        Binding("q", "conversation", "Conversation", show=False, tooltip="Open the person's quarterly conversation"),
    ]
    CLI_EQUIVALENTS = {
        "add_person": "person add",
        "add_team": "team add",
        "new_team": "team add",
        "edit_person": "person edit",
        "edit_team": "team edit",
        "role": "person role",
        "join": "team join",
        "add_member": "team join",
        "leave": "team leave",
        "remove_member": "team leave",
        "deactivate": "person deactivate",
        "reactivate": "person activate",
    }
    # c only opens the chart screen; the chart's own keys write, each with its ``cadence seat`` command
    NAVIGATION = frozenset({"chart", "analyzer", "conversation"})

    def compose(self) -> ComposeResult:
        yield Static(id="people-legend")
        with Container(id="people-panes"):
            with Vertical(id="people-pane", classes="pane"):
                yield Static(id="people-title", classes="pane-title")
                yield FittedTable(["Name", "Role", "Teams", "Rocks", "To-dos"], "Teams", least=10, id="people-table")
            with Vertical(id="teams-pane", classes="pane"):
                yield Static(id="teams-title", classes="pane-title")
                yield FittedTable(["Team", "Kind", "Members"], "Members", least=3, id="teams-table")
                yield Static(id="people-detail")

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width >= WIDE_COLUMNS, "-wide")

    @property
    def people_table(self) -> FittedTable:
        return self.query_one("#people-table", FittedTable)

    @property
    def teams_table(self) -> FittedTable:
        return self.query_one("#teams-table", FittedTable)

    def on_teams(self) -> bool:
        """Is the teams table the one in focus (so the keys act on teams)?"""
        return self.is_mounted and self.screen.focused is self.teams_table

    # Data ---------------------------------------------------------------------------

    def listed_people(self) -> list[Person]:
        return sorted(self.session.snapshot.people, key=lambda person: (not person.active, id_number(person.id)))

    def refresh_data(self) -> None:
        snapshot = self.session.snapshot
        today = self.session.today()
        quarter = self.session.quarter().label
        picked = self.session.team
        members = set(picked.member_ids) if picked else set()
        people = self.listed_people()
        active = sum(1 for person in people if person.active)

        legend = Text()
        if picked is None:
            legend.append("No team picked yet: add one with A.", style=muted())
        else:
            legend.append(f"{MARK} ", style=status_style(Status.WARN))
            legend.append_text(literal(picked.name, 30, "bold"))
            legend.append(" (the team picked with t) and its members", style=muted())
        self.query_one("#people-legend", Static).update(legend)
        self.query_one("#people-title", Static).update(
            Text.assemble(
                ("People", "bold"),
                f" · {active} active",
                f", {len(people) - active} inactive" if len(people) > active else "",
            )
        )
        self.query_one("#teams-title", Static).update(Text.assemble(("Teams", "bold"), f" · {len(snapshot.teams)}"))

        rocks = Counter(rock.owner_id for rock in snapshot.rocks if rock.quarter == quarter)
        open_todos = Counter(todo.owner_id for todo in snapshot.todos if not todo.done)
        late_todos = Counter(todo.owner_id for todo in snapshot.todos if is_overdue(todo, today))
        team_names = {person.id: ", ".join(team.name for team in teams_of(snapshot, person.id)) for person in people}
        rows = []
        for person in people:
            name = Text()
            name.append(f"{MARK} " if person.id in members else "  ", style=status_style(Status.WARN))
            name.append_text(literal(person.name, NAME_WIDTH, "" if person.active else muted()))
            rows.append(
                Row(
                    person.id,
                    [
                        name,
                        role_text(person),
                        literal(team_names[person.id], 200, "" if person.active else muted()),
                        Text(str(rocks[person.id])),
                        todo_text(open_todos[person.id], late_todos[person.id]),
                    ],
                )
            )
        self.people_table.show(rows)

        team_rows = []
        for team in snapshot.teams:
            mark = Text()
            mark.append(
                f"{MARK} " if picked is not None and team.id == picked.id else "  ", style=status_style(Status.WARN)
            )
            mark.append_text(literal(team.name, TEAM_NAME_WIDTH))
            names = ", ".join(snapshot.person_name(member) for member in team.member_ids)
            member_text = f"{len(team.member_ids)}" + (f" · {names}" if names else "")
            kind = Text("leadership", style="bold") if team.leadership else Text("team")
            team_rows.append(Row(team.id, [mark, kind, literal(member_text, 400)]))
        self.teams_table.show(team_rows)
        self.show_detail()
        self.refresh_bindings()

    # The detail beside the tables (wide only) ------------------------------------------

    def show_detail(self) -> None:
        detail = self.query_one("#people-detail", Static)
        snapshot = self.session.snapshot
        if self.on_teams():
            team = self.current_team(quiet=True)
            detail.update(team_detail(snapshot, team, self.session.team_id) if team else "")
        else:
            person = self.current_person(quiet=True)
            quarter = self.session.quarter().label
            detail.update(person_detail(snapshot, person, quarter, self.session.today()) if person else "")

    # Keeping keys and detail in step with focus and cursor -------------------------------

    @on(DescendantFocus)
    def _focus_moved(self, event: DescendantFocus) -> None:
        on_teams = self.on_teams()
        self.query_one("#people-pane").set_class(not on_teams, "-active")
        self.query_one("#teams-pane").set_class(on_teams, "-active")
        self.show_detail()
        self.refresh_bindings()

    @on(DataTable.RowHighlighted)
    def _row_moved(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in TEAM_ACTIONS:
            return self.on_teams()
        if action in PERSON_ACTIONS:
            if self.on_teams():
                return False
            if action in ("deactivate", "reactivate"):
                person = self.current_person(quiet=True) if self.is_mounted else None
                active = person is None or person.active
                return active if action == "deactivate" else not active
        return True

    # Selection ----------------------------------------------------------------------------

    def current_person(self, quiet: bool = False) -> Person | None:
        return self._at_cursor(self.people_table, self.session.snapshot.person, "No person selected.", quiet)

    def current_team(self, quiet: bool = False) -> Team | None:
        return self._at_cursor(self.teams_table, self.session.snapshot.team, "No team yet: press a to add one.", quiet)

    def _at_cursor(self, table: FittedTable, lookup: Callable[[str], R], missing: str, quiet: bool) -> R | None:
        """The record whose row has the cursor, from the current snapshot; tells the user if none."""
        key = table.selected_key
        if key is None:
            if not quiet:
                self.notify(missing, severity="warning")
            return None
        try:
            return lookup(key)
        except InputError:  # gone since the row was drawn (another session deleted it)
            return None

    # Checks for forms ------------------------------------------------------------------------

    def check_new_person_name(self, value: str, except_id: str | None = None) -> str | None:
        wanted = value.strip().casefold()
        if any(person.id != except_id and person.name.casefold() == wanted for person in self.session.snapshot.people):
            return "someone already has this name"
        return None

    def check_new_role(self, value: str) -> str | None:
        wrong = one_of([role.value for role in Role])(value)
        if wrong:
            return wrong
        holders = actions.role_holders(self.session.snapshot, value)
        if holders:
            word = ROLE_WORDS[Role(value.strip().lower())][0]
            return f"{plain(holders[0].name)} is the {word}: add as member, then press r"
        return None

    def check_team(self, value: str) -> str | None:
        try:
            self.session.snapshot.find_team(value)
        except InputError as error:
            return str(error)
        return None

    def check_new_team_name(self, value: str, except_id: str | None = None) -> str | None:
        wanted = value.strip().casefold()
        if any(team.id != except_id and team.name.casefold() == wanted for team in self.session.snapshot.teams):
            return "there is already a team with this name"
        return None

    # Person actions ------------------------------------------------------------------------------

    def action_add_person(self) -> None:
        def change(tx: Transaction, values: dict[str, str]) -> Person:
            try:
                return actions.add_person(
                    tx,
                    values["name"],
                    values["role"].strip().lower() or Role.MEMBER.value,
                    values["team"].strip() or None,
                )
            except actions.SeatTaken as taken:  # the form's words for the store's one-seat rule
                raise InputError(
                    f"role: {plain(taken.holder.name)} already holds this seat; add as member, then press r"
                ) from None

        picked = self.session.team
        self.open_form(
            "New person",
            [
                FormField("name", "Name", required=True, placeholder="Sam Rivera", check=self.check_new_person_name),
                FormField(
                    "role",
                    "Role (default member)",
                    placeholder="visionary, integrator or member",
                    check=self.check_new_role,
                    suggestions=[role.value for role in Role],
                ),
                FormField(
                    "team",
                    "Team (optional)",
                    placeholder=f"blank: no team (or e.g. {plain(picked.name, 24)})" if picked else "blank: no team",
                    check=self.check_team,
                    suggestions=[team.name for team in self.session.snapshot.teams],
                ),
            ],
            change,
            done="Person added",
        )

    def action_edit_person(self) -> None:
        person = self.current_person()
        if person is None:
            return

        def change(tx: Transaction, values: dict[str, str]) -> Person:
            return actions.edit_person(tx, person.id, values["name"], values["email"])

        def check_email(value: str) -> str | None:
            return None if "@" in value else "not an email address"

        self.open_form(
            f"Edit {person.id}",
            [
                FormField(
                    "name",
                    "Name",
                    value=person.name,
                    required=True,
                    check=lambda value: self.check_new_person_name(value, person.id),
                ),
                FormField("email", "Email", value=person.email, placeholder="sam@example.com", check=check_email),
            ],
            change,
            done="Person saved",
            guard=person,
        )

    def action_role(self) -> None:
        person = self.current_person()
        if person is None:
            return
        if not person.active:
            self.notify(f"{said(person.name)} is inactive: press d to bring them back first.", severity="warning")
            return
        options = [(role.value, ROLE_WORDS[role][0]) for role in Role]

        def picked(role: str | None) -> None:
            if not role or role == person.role.value:
                return
            word = ROLE_WORDS[Role(role)][0]

            def told(moved: tuple[Person, list[Person]]) -> None:
                others = "".join(f"; {said(other.name)} is now a member" for other in moved[1])
                self.notify(f"{said(person.name)} is now {word}{others}", timeout=4)

            def give(replace: bool = False) -> None:
                self.write_soon(lambda tx: actions.set_role(tx, person.id, role, replace=replace), then=told)

            holders = actions.role_holders(self.session.snapshot, role, except_id=person.id)
            if holders:
                self.confirm(
                    f"{holders[0].name} is the {word}; there is one {word} per workspace. "
                    f"Make {person.name} the {word} and {holders[0].name} a member?",
                    lambda: give(replace=True),
                )
            else:
                give()

        self.app.push_screen(ChoiceScreen(f"Role of {plain(person.name)}", options, person.role.value), picked)

    def action_join(self) -> None:
        person = self.current_person()
        if person is None:
            return
        if not person.active:
            self.notify(f"{said(person.name)} is inactive: press d to bring them back first.", severity="warning")
            return
        teams = [(team.id, team.name) for team in self.session.snapshot.teams if person.id not in team.member_ids]
        if not teams:
            if not self.session.snapshot.teams:
                self.notify("No teams yet: press A to add one.", severity="warning")
            else:
                self.notify(f"{said(person.name)} is on every team.", severity="warning")
            return
        self.pick_then_write(
            f"Add {plain(person.name)} to which team?",
            teams,
            lambda tx, team_id: actions.join_team(tx, person.id, team_id),
            lambda team_id: f"{said(person.name)} joined {said(self.session.snapshot.team_name(team_id))}",
        )

    def action_leave(self) -> None:
        person = self.current_person()
        if person is None:
            return
        teams = [(team.id, team.name) for team in teams_of(self.session.snapshot, person.id)]
        if not teams:
            self.notify(f"{said(person.name)} is on no team.", severity="warning")
            return
        self.pick_then_write(
            f"Take {plain(person.name)} off which team?",
            teams,
            lambda tx, team_id: actions.leave_team(tx, person.id, team_id),
            lambda team_id: f"{said(person.name)} left {said(self.session.snapshot.team_name(team_id))}",
        )

    def action_deactivate(self) -> None:
        person = self.current_person()
        if person is None:
            return
        seat = f", give up the {ROLE_WORDS[person.role][0]} seat" if person.role is not Role.MEMBER else ""
        self.confirm(
            f"Deactivate {person.name}? Their rocks, to-dos and issues stay theirs; they leave their "
            f"teams and chart seats{seat} and no longer appear when picking an owner.",
            lambda: self.write_soon(
                lambda tx: actions.set_active(tx, person.id, False), done=f"{said(person.name)} deactivated"
            ),
        )

    async def action_reactivate(self) -> None:
        person = self.current_person()
        if person is not None:
            await self.write(
                lambda tx: actions.set_active(tx, person.id, True), done=f"{said(person.name)} is active again"
            )

    # The three screens are loaded when first opened, not with People (as the meeting screen is from Meetings).

    def action_chart(self) -> None:
        from cadence.tui.screens.chart import ChartScreen

        self.app.push_screen(ChartScreen())

    def action_analyzer(self) -> None:
        from cadence.tui.screens.analyzer import AnalyzerScreen

        self.app.push_screen(AnalyzerScreen())

    def action_conversation(self) -> None:
        from cadence.tui.screens.conversation import ConversationScreen

        person = self.current_person()
        if person is not None:
            self.app.push_screen(ConversationScreen(person, self.session.quarter().label))

    # Team actions ---------------------------------------------------------------------------------

    def action_add_team(self) -> None:
        def change(tx: Transaction, values: dict[str, str]) -> Team:
            return actions.add_team(tx, values["name"], parse_yes_no(values["leadership"], "leadership"))

        self.open_form(
            "New team",
            [
                FormField("name", "Name", required=True, placeholder="Operations", check=self.check_new_team_name),
                FormField("leadership", "Leadership team? (yes / no)", value="no", check=one_of(YES + NO)),
            ],
            change,
            done="Team added",
        )

    def action_new_team(self) -> None:
        self.action_add_team()

    def action_edit_team(self) -> None:
        team = self.current_team()
        if team is None:
            return

        def change(tx: Transaction, values: dict[str, str]) -> Team:
            return actions.edit_team(tx, team.id, values["name"], parse_yes_no(values["leadership"], "leadership"))

        self.open_form(
            f"Edit {team.id}",
            [
                FormField(
                    "name",
                    "Name",
                    value=team.name,
                    required=True,
                    check=lambda value: self.check_new_team_name(value, team.id),
                ),
                FormField(
                    "leadership",
                    "Leadership team? (yes / no)",
                    value="yes" if team.leadership else "no",
                    required=True,
                    check=one_of(YES + NO),
                ),
            ],
            change,
            done="Team saved",
            guard=team,
        )

    def action_add_member(self) -> None:
        team = self.current_team()
        if team is None:
            return
        people = [
            (person.id, person.name)
            for person in self.session.snapshot.people
            if person.active and person.id not in team.member_ids
        ]
        if not people:
            self.notify(f"Everyone active is on {said(team.name)} already.", severity="warning")
            return
        self.pick_then_write(
            f"Add whom to {plain(team.name)}?",
            people,
            lambda tx, person_id: actions.join_team(tx, person_id, team.id),
            lambda person_id: f"{said(self.session.snapshot.person_name(person_id))} joined {said(team.name)}",
        )

    def action_remove_member(self) -> None:
        team = self.current_team()
        if team is None:
            return
        members = [(member, self.session.snapshot.person_name(member)) for member in team.member_ids]
        if not members:
            self.notify(f"{said(team.name)} has no members.", severity="warning")
            return
        self.pick_then_write(
            f"Take whom off {plain(team.name)}?",
            members,
            lambda tx, person_id: actions.leave_team(tx, person_id, team.id),
            lambda person_id: f"{said(self.session.snapshot.person_name(person_id))} left {said(team.name)}",
        )

    # Shared ---------------------------------------------------------------------------------

    def pick_then_write(
        self,
        title: str,
        options: list[tuple[str, str]],
        change: Callable[[Transaction, str], object],
        done: Callable[[str], str],
    ) -> None:
        """A ChoiceScreen whose pick runs ``change`` in one transaction, off the event loop."""

        def picked(key: str | None) -> None:
            if key:
                self.write_soon(lambda tx: change(tx, key), then=lambda _result: self.notify(done(key), timeout=3))

        self.app.push_screen(ChoiceScreen(title, options), picked)

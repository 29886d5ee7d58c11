"""The Conclude section of a meeting: the new to-dos recapped, messages to cascade, each attendee's rating.

The last five minutes of the meeting: read back who does what by when
(``meetings.new_todos``: every to-do made since the meeting started, from any
terminal), agree what to tell other teams (``c`` adds a message and picks the
teams whose next Headlines show it; ``C`` or Delete takes one back), and rate
the meeting 1-10. The driver rates the highlighted attendee (someone without
a terminal says their number out loud); in a follower's terminal ``r`` rates
the person at that terminal. A rating under 8 needs a one-line why, asked in
the same form. Agendas without ratings (solo, same-page) say so. Ending the
meeting is the frame's ``e``.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from cadence.domain.meeting_parts import GOOD_RATING, rating_text
from cadence.domain.models import Meeting
from cadence.store import InputError, Transaction
from cadence.store.actions import meetings
from cadence.tui.panels.base import panel_css
from cadence.tui.panels.meeting_base import MeetingPanel
from cadence.tui.status_styles import muted
from cadence.tui.widgets.forms import FormField
from cadence.tui.widgets.literal import literal
from cadence.tui.widgets.record_table import RecordTable, Row

HELP = (
    "Conclude: the to-dos made in this meeting, with owner and due date; messages to cascade (c adds one and "
    "names the teams whose next Headlines show it, C or Delete removes one); ratings 1-10 (r: the driver rates "
    "the highlighted attendee, anyone else rates themselves; under 8 asks why). e ends the meeting."
)


def rating_check(value: str) -> str | None:
    if not value.strip().isdigit() or not 1 <= int(value) <= 10:
        return "a whole number 1-10"
    return None


def average_text(meeting: Meeting) -> str:
    average = meeting.average_rating
    if average is None:
        return "no ratings yet"
    return f"average {rating_text(average)} ({len(meeting.ratings)} of {len(rated_people(meeting))} rated)"


def rated_people(meeting: Meeting) -> list[str]:
    """Everyone who can rate: the attendees, then anyone who rated without being marked present."""
    people = list(meeting.attendee_ids)
    people += [r.person_id for r in meeting.ratings if r.person_id not in people]
    return people


class ConcludePanel(MeetingPanel):
    """Recap the new to-dos, cascade messages to other teams, rate the meeting."""

    DEFAULT_CSS = panel_css(__file__)
    HELP = HELP

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "rate", "Rate", tooltip="Rate the meeting 1-10 (the driver: for the highlighted attendee)"),
        Binding("c", "cascade", "Cascade", tooltip="A message for other teams' next Headlines"),
        Binding("C", "uncascade", "Remove msg", tooltip="Remove a cascading message"),
        Binding("delete", "uncascade", "Remove msg", show=False, tooltip="Remove a cascading message"),
    ]
    CLI_EQUIVALENTS: ClassVar[dict[str, str]] = {
        "rate": "meeting rate",
        "cascade": "meeting cascade",
        "uncascade": "meeting uncascade",
    }

    def compose(self) -> ComposeResult:
        yield Static(id="conclude-todos-heading", classes="conclude-heading")
        yield RecordTable(["Id", "To-do", "Owner", "Due"], id="conclude-todos")
        yield Static(id="conclude-cascades")
        yield Static(id="conclude-ratings-heading", classes="conclude-heading")
        yield RecordTable(["Who", "Rating", "Why"], id="conclude-ratings")

    def on_mount(self) -> None:  # SectionPanel.on_mount (the subscription) runs too: Textual calls each class's
        self.query_one("#conclude-todos", RecordTable).can_focus = False

    def layout_key(self) -> Hashable:
        return self.size.width or self.app.size.width // 2  # the columns are fitted to it

    @property
    def ratings_table(self) -> RecordTable:
        return self.query_one("#conclude-ratings", RecordTable)

    def focus_first(self) -> None:
        self.ratings_table.focus()

    # Data -----------------------------------------------------------------------------

    def refresh_data(self) -> None:
        meeting = self.meeting
        snapshot = self.session.snapshot
        width = self.size.width or self.app.size.width // 2
        todos = meetings.new_todos(snapshot, meeting)
        heading = Text(f"New to-dos ({len(todos)})", style="bold")
        if not todos:
            heading.append("  none yet: solving an issue makes them", style=muted())
        self.query_one("#conclude-todos-heading", Static).update(heading)
        owner_width = 12
        title_width = max(10, width - (6 + owner_width + 10) - 4 * 2 - 3)
        table = self.query_one("#conclude-todos", RecordTable)
        table.fix_widths([6, title_width, owner_width, 10])
        table.show(
            [
                Row(
                    todo.id,
                    [
                        Text(todo.id),
                        literal(todo.title, title_width),
                        literal(snapshot.person_name(todo.owner_id), owner_width),
                        Text(f"{todo.due:%a %d %b}"),
                    ],
                )
                for todo in todos
            ]
        )
        table.display = bool(todos)
        self.query_one("#conclude-cascades", Static).update(self.cascades_text(meeting))
        self.show_ratings(meeting, width)
        self.refresh_bindings()

    def cascades_text(self, meeting: Meeting) -> Text:
        snapshot = self.session.snapshot
        text = Text(f"Cascading messages ({len(meeting.cascading)})", style="bold")
        text.append("  c: add  C: remove", style=muted())
        for number, cascade in enumerate(meeting.cascading, start=1):
            teams = ", ".join(snapshot.team(team_id).name for team_id in cascade.team_ids) or "no team"
            text.append(f"\n{number}. ")
            text.append(literal(cascade.text, 200))
            text.append(f" → {teams}", style=muted())
        return text

    def show_ratings(self, meeting: Meeting, width: int) -> None:
        heading = self.query_one("#conclude-ratings-heading", Static)
        table = self.ratings_table
        if not meeting.ratings_on:
            heading.update(Text("Ratings: this agenda has no ratings.", style=muted()))
            table.display = False
            return
        text = Text("Ratings", style="bold")
        text.append(f"  {average_text(meeting)}")
        who = "r: rate highlighted" if self.driving else "r: your rating"
        text.append(f" · {who}", style=muted())
        heading.update(text)
        snapshot = self.session.snapshot
        scores = {rating.person_id: rating for rating in meeting.ratings}
        name_width = 18
        why_width = max(10, width - name_width - 6 - 3 * 2 - 3)
        rows = []
        for person_id in rated_people(meeting):
            rating = scores.get(person_id)
            score = Text(str(rating.score), style="bold") if rating else Text("—", style=muted())
            rows.append(
                Row(
                    person_id,
                    [
                        literal(snapshot.person_name(person_id), name_width),
                        score,
                        literal(rating.why if rating else "", why_width),
                    ],
                )
            )
        table.fix_widths([name_width, 6, why_width])
        table.show(rows)

    # Actions --------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "rate" and not self.meeting.ratings_on:
            return None  # shown dimmed: this agenda has no ratings
        return True

    def action_rate(self) -> None:
        if self.driving:
            person_id = self.ratings_table.selected_key
            if person_id is None:
                self.notify("Nobody to rate: mark who is present first.", severity="warning")
                return
            self.rate(person_id)
        elif self.me is not None:
            self.rate(self.me)
        else:
            self.frame.ask_me(self.rate)

    def rate(self, person_id: str) -> None:
        meeting = self.meeting
        name = self.session.snapshot.person_name(person_id)
        current = next((r for r in meeting.ratings if r.person_id == person_id), None)

        def change(tx: Transaction, values: dict[str, str]) -> Meeting:
            return meetings.rate_meeting(tx, self.meeting_id, person_id, int(values["score"]), values["why"])

        def rated(_meeting: Meeting) -> None:
            self.notify(f"{name} rated the meeting", timeout=2)
            table = self.ratings_table
            if self.driving and table.cursor_row < table.row_count - 1:
                table.move_cursor(row=table.cursor_row + 1, animate=False)

        self.open_form(
            f"{name}: rate this meeting",
            [
                FormField(
                    "score",
                    "Rating 1-10",
                    value=str(current.score) if current else "",
                    required=True,
                    check=rating_check,
                ),
                FormField(
                    "why",
                    f"Why (one line; needed under {GOOD_RATING})",
                    value=current.why if current else "",
                ),
            ],
            change,
            submit_label="rate",
            then=rated,
        )

    def action_cascade(self) -> None:
        snapshot = self.session.snapshot
        meeting = self.meeting
        names = [team.name for team in snapshot.teams]
        others = [team.name for team in snapshot.teams if team.id != meeting.team_id]

        def check_teams(value: str) -> str | None:
            for name in split_names(value):
                try:
                    snapshot.find_team(name)
                except InputError as error:
                    return str(error)
            return None

        def change(tx: Transaction, values: dict[str, str]) -> Meeting:
            teams = split_names(values["teams"])
            if not teams:
                raise InputError("teams: name at least one team")
            return meetings.add_cascade(tx, self.meeting_id, values["text"], teams)

        self.open_form(
            "Cascading message",
            [
                FormField("text", "Message", required=True, placeholder="Price list changes on 1 December"),
                FormField(
                    "teams",
                    f"To which teams (comma-separated; teams: {', '.join(names)})",
                    value=", ".join(others),
                    required=True,
                    check=check_teams,
                    suggestions=names,
                ),
            ],
            change,
            submit_label="add",
            done="Message added: it goes out when the meeting ends",
        )

    def action_uncascade(self) -> None:
        count = len(self.meeting.cascading)
        if not count:
            self.notify("No cascading messages to remove.", timeout=2)
            return

        def check_number(value: str) -> str | None:
            if not value.strip().isdigit() or not 1 <= int(value) <= count:
                return f"a number 1-{count}"
            return None

        def change(tx: Transaction, values: dict[str, str]) -> Meeting:
            return meetings.remove_cascade(tx, self.meeting_id, int(values["number"]) - 1)

        self.open_form(
            "Remove a cascading message",
            [FormField("number", f"Which message (1-{count})", value=str(count), required=True, check=check_number)],
            change,
            submit_label="remove",
            done="Message removed",
        )


def split_names(value: str) -> list[str]:
    return [name.strip() for name in value.split(",") if name.strip()]

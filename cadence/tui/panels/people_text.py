"""How the People section words things: roles, markers, and the detail beside the tables.

Kept apart from the screen so the wording can be read (and tested) without a
running app. Every name goes through ``literal`` (or ``plain`` / ``said`` for
our own plain strings and notifications), so what people typed is shown as
typed and never as markup.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text

from cadence.domain.metrics import is_overdue
from cadence.domain.models import Person, RockStatus, Role, Team
from cadence.store import Snapshot
from cadence.tui.status_styles import Status, accent, muted, status_style
from cadence.tui.widgets.literal import literal, plain

MARK = "●"
ROLE_WORDS: dict[Role, tuple[str, str]] = {
    Role.VISIONARY: ("Visionary", "bold $role-visionary"),
    Role.INTEGRATOR: ("Integrator", "bold $role-integrator"),
    Role.MEMBER: ("member", ""),
}
NAME_WIDTH = 20  # a person's name in the table (the detail shows it whole)
TEAM_NAME_WIDTH = 18  # so the teams table fits its 46-column pane when wide
# Meaning and strength of each rock status in a person's detail (style chosen when drawn).
STATUS_MEANINGS: dict[RockStatus, tuple[Status, bool]] = {
    RockStatus.ON_TRACK: (Status.GOOD, False),
    RockStatus.OFF_TRACK: (Status.BAD, True),
    RockStatus.DONE: (Status.DONE, False),
    RockStatus.NOT_DONE: (Status.MUTED, False),
}


def rock_status_style(status: RockStatus) -> str:
    meaning, strong = STATUS_MEANINGS[status]
    return status_style(meaning, strong=strong)


def said(text: str, width: int = 40) -> str:
    """A name inside a notification (the app shows notifications as plain text)."""
    return plain(text, width)


def role_text(person: Person) -> Text:
    if not person.active:
        return Text("inactive", style=muted("italic"))
    word, style = ROLE_WORDS[person.role]
    return Text(word, style=accent(style, plain="bold" if style else ""))


def teams_of(view: Snapshot, person_id: str) -> list[Team]:
    return [team for team in view.teams if person_id in team.member_ids]


def todo_text(open_count: int, late: int) -> Text:
    text = Text(str(open_count))
    if late:
        text.append(f" · {late} late", style=status_style(Status.BAD, strong=True))
    return text


def person_detail(view: Snapshot, person: Person, quarter: str, today: date) -> Text:
    """Who they are, their teams, this quarter's rocks and their open to-dos (late ones marked)."""
    text = Text()
    text.append_text(literal(person.name, 40, "bold"))
    text.append(f"\n{person.id} · ")
    text.append_text(role_text(person))
    if person.email:
        text.append("\n")
        text.append_text(literal(person.email, 60, muted()))
    team_names = ", ".join(team.name for team in teams_of(view, person.id)) or "no team"
    text.append("\nTeams: ")
    text.append_text(literal(team_names, 60))
    rocks = [rock for rock in view.rocks if rock.owner_id == person.id and rock.quarter == quarter]
    text.append(f"\n\nRocks {quarter} ({len(rocks)})", style="bold")
    for rock in rocks:
        text.append(f"\n  {rock.id} ")
        text.append(f"{rock.status.value:<9} ", style=rock_status_style(rock.status))
        text.append_text(literal(rock.title, 60))
    todos = [todo for todo in view.todos if todo.owner_id == person.id and not todo.done]
    text.append(f"\n\nOpen to-dos ({len(todos)})", style="bold")
    for todo in sorted(todos, key=lambda item: item.due):
        late = is_overdue(todo, today)
        text.append(f"\n  {todo.id} ")
        text.append(
            f"{todo.due:%a %d %b}" + (" LATE" if late else ""),
            style=status_style(Status.BAD, strong=True) if late else "",
        )
        text.append(" ")
        text.append_text(literal(todo.title, 60))
    return text


def team_detail(view: Snapshot, team: Team, picked_id: str | None) -> Text:
    """The team's kind and its members with their roles, names lined up."""
    text = Text()
    text.append_text(literal(team.name, 40, "bold"))
    text.append(f"\n{team.id} · " + ("leadership team" if team.leadership else "team"))
    if picked_id == team.id:
        text.append(f" · {MARK} picked", style=status_style(Status.WARN))
    text.append(f"\n\nMembers ({len(team.member_ids)})", style="bold")
    names = [literal(view.person_name(member_id), 24) for member_id in team.member_ids]
    width = max((name.cell_len for name in names), default=0) + 2
    people = {person.id: person for person in view.people}
    for member_id, name in zip(team.member_ids, names, strict=True):
        text.append("\n  ")
        text.append_text(name)
        if member_id in people:
            text.append(" " * (width - name.cell_len))
            text.append_text(role_text(people[member_id]))
    return text

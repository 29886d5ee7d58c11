"""The Dashboard's summaries as text: rocks, to-dos and issues (drawn by panels/dashboard.py).

The next meeting's box is drawn by ``meetings_text.meeting_panel``, beside the Meetings section's words.

Pure functions from records (already narrowed to the picked team) to rich
``Text``, so the numbers can be checked without a terminal. ``width`` is the
room inside a panel; user text is cut to fit it with an ellipsis.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from rich.text import Text

from cadence.domain.metrics import ROCK_GOAL, TODO_GOAL, is_overdue, rate, rock_completion, todo_completion
from cadence.domain.models import Issue, IssueTerm, Rock, RockStatus, Todo
from cadence.domain.periods import Quarter
from cadence.store import Snapshot
from cadence.tui.panels.rock_rows import status_look
from cadence.tui.status_styles import Status, muted, status_style, verdict_style
from cadence.tui.widgets.literal import literal

MAX_LISTED = 5
ROCK_ORDER = (RockStatus.OFF_TRACK, RockStatus.ON_TRACK, RockStatus.DONE, RockStatus.NOT_DONE)


def _rate_line(label: str, done: int, total: int, goal: float, empty: str) -> Text:
    value = rate(done, total)
    if value is None:
        return Text(empty, style=muted())
    good = value >= goal
    return Text.assemble(
        label,
        (f"{value:.0%} ({done}/{total})", verdict_style(good, strong=True)),
        f"  goal {goal:.0%} ",
        ("✓ on goal" if good else "✗ below goal", verdict_style(good)),
    )


WHO_WIDTH = 16
FIRST_NAMES_BELOW = 70  # narrower panels show owners by first name, leaving the room to titles


def _item(
    text: Text, mark: Text, title: str, who: str, width: int, tail: str = "", tail_style: str = "", who_width: int = 0
) -> None:
    """One listed record: marker, title cut to fit, then the owner (in a column ``who_width`` wide) and a tail."""
    who_width = who_width or len(who)
    who_part = literal(who, who_width, muted())
    who_part.pad_right(who_width - who_part.cell_len)
    tail_part = f"  {tail}" if tail else ""
    room = max(10, width - mark.cell_len - (who_width + 2 if who_width else 0) - len(tail_part))
    shown = literal(title, room)
    shown.pad_right(room - shown.cell_len)
    text.append("\n")
    text.append_text(mark)
    text.append_text(shown)
    if who_width:
        text.append("  ")
        text.append_text(who_part)
    if tail_part:
        text.append(tail_part, style=tail_style)


def _listing(text: Text, items: list[tuple[Text, str, str, str]], width: int, limit: int, where: str = "") -> None:
    """Items one a line, owners in a column, at most ``limit`` lines in all (the last says how many more)."""
    shown = items if len(items) <= limit else items[: max(1, limit - 1)]
    if width < FIRST_NAMES_BELOW:
        shown = [(mark, title, who.split(" ")[0] if who.strip() else who, tail) for mark, title, who, tail in shown]
    who_width = min(WHO_WIDTH, max((len(who) for _, _, who, _ in shown), default=0))
    tail_width = max((len(tail) for _, _, _, tail in shown), default=0)
    for mark, title, who, tail in shown:
        style = status_style(Status.OVERDUE) if tail.endswith("late") else muted()
        _item(text, mark, title, who, width, tail.rjust(tail_width) if tail else "", style, who_width)
    if len(shown) < len(items):
        text.append(f"\n  … and {len(items) - len(shown)} more {where}".rstrip(), style=muted())


def rocks_panel(
    view: Snapshot, rocks: Sequence[Rock], quarter: Quarter, today: date, width: int, room: int = 0
) -> Text:
    """``room``: lines the panel can show when it has its own grid cell (0 when stacked: off-track only)."""
    if not rocks:
        return Text(f"No rocks for {quarter.label} yet: add them in Rocks (2).", style=muted())
    counts = {status: sum(1 for rock in rocks if rock.status is status) for status in RockStatus}
    text = Text()
    for status in (RockStatus.ON_TRACK, RockStatus.OFF_TRACK, RockStatus.DONE, RockStatus.NOT_DONE):
        if counts[status] or status is not RockStatus.NOT_DONE:
            look, style = status_look(status)
            marker, word = look.split(" ", 1)
            text.append(f"{marker} {counts[status]} {word}", style=style)
            text.append("   ")
    text.rstrip()
    text.append("\n")
    text.append_text(_rate_line("Done so far: ", *rock_completion(rocks), ROCK_GOAL, ""))
    text.append(f"\n{quarter.days_left(today)} days left in {quarter.label}", style=muted())
    if room:
        listed = sorted(rocks, key=lambda rock: ROCK_ORDER.index(rock.status))
        heading = "Every rock, off track first:"
    else:
        listed = [rock for rock in rocks if rock.status is RockStatus.OFF_TRACK]
        heading = "Off track:"
    if listed:
        text.append("\n" + heading, style="bold")
        items = [(_marker(rock.status), rock.title, view.person_name(rock.owner_id), "") for rock in listed]
        _listing(text, items, width, max(room - 4, MAX_LISTED), "in Rocks (2)")
    return text


def _marker(status: RockStatus) -> Text:
    """The status's marker alone (``▲ ``), in its colour, for lists that already say what they hold."""
    word, style = status_look(status)
    return Text(word.split(" ")[0] + " ", style=style)


def overdue_todos(todos: Sequence[Todo], today: date) -> list[Todo]:
    """Open to-dos past their due date, the longest overdue first."""
    return sorted((todo for todo in todos if is_overdue(todo, today)), key=lambda todo: (todo.due, todo.id))


def todos_panel(view: Snapshot, todos: Sequence[Todo], today: date, width: int, room: int = 0) -> Text:
    """Overdue to-dos always; with ``room``, also the open ones due in the coming week."""
    text = _rate_line(
        "Done this week: ", *todo_completion(todos, today), TODO_GOAL, "No to-dos were due in the last 7 days."
    )
    late = overdue_todos(todos, today)
    limit = max(MAX_LISTED, room // 2 if room else 0)
    if late:
        text.append(f"\nOverdue ({len(late)}):", style="bold")
        items = [
            (
                Text("[ ] ", style=status_style(Status.BAD, strong=True)),
                t.title,
                view.person_name(t.owner_id),
                f"{(today - t.due).days}d late",
            )
            for t in late
        ]
        _listing(text, items, width, limit, "in To-Dos (5)")
    else:
        text.append("\nNothing overdue ✓", style=status_style(Status.GOOD))
    coming = sorted(
        (t for t in todos if not t.done and today <= t.due <= today + timedelta(days=6)), key=lambda t: (t.due, t.id)
    )
    if room and coming:
        text.append(f"\nDue in the coming week ({len(coming)}):", style="bold")
        items = [(Text("[ ] "), t.title, view.person_name(t.owner_id), f"{t.due:%a}") for t in coming]
        _listing(text, items, width, max(1, room - 3 - min(len(late), limit)), "in To-Dos (5)")
    return text


def top_three(issues: Sequence[Issue]) -> list[Issue]:
    """This week's picked issues (short-term, ranks 1-3), in rank order."""
    picked = [issue for issue in issues if issue.term is IssueTerm.SHORT and issue.rank is not None]
    return sorted(picked, key=lambda issue: (issue.rank or 0, issue.id))


def issues_panel(view: Snapshot, issues: Sequence[Issue], width: int, room: int = 0) -> Text:
    """``issues`` are the open ones; with ``room``, the rest of this week's list follows the top 3."""
    short = sum(1 for issue in issues if issue.term is IssueTerm.SHORT)
    long = len(issues) - short
    text = Text.assemble(
        (f"{len(issues)} open", "bold"),
        f": {short} for this week, {long} long-term",
    )
    top = top_three(issues)
    if top:
        text.append("\nTop 3:", style="bold")
        items = [(Text(f" {i.rank}  ", style="bold"), i.title, view.person_name(i.owner_id), "") for i in top]
        _listing(text, items, width, len(items))
    elif short:
        text.append("\nNo top 3 picked yet: prioritise in Issues (4).", style=muted())
    rest = [issue for issue in issues if issue.term is IssueTerm.SHORT and issue not in top]
    if room and rest:
        text.append("\nAlso on this week's list:", style="bold")
        items = [(Text(" ·  ", style=muted()), i.title, view.person_name(i.owner_id), "") for i in rest]
        _listing(text, items, width, max(1, room - 6), "in Issues (4)")
    return text

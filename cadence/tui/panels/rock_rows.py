"""What the Rocks table shows: groups, status words, milestone rows, and the lines above it.

Kept apart from the panel so the panel module is only about keys and
writes. Every function here is pure: records in, rich ``Text`` and ``Row`` out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from rich.text import Text

from cadence.domain.ids import id_number
from cadence.domain.metrics import ROCK_GOAL, rate, rock_completion
from cadence.domain.models import Milestone, Rock, RockStatus
from cadence.domain.periods import Quarter
from cadence.domain.text import clip, one_line
from cadence.store import Snapshot
from cadence.store.actions import ROCKS_PER_PERSON_GUIDANCE
from cadence.tui.status_styles import Status, muted, status_style, verdict_style
from cadence.tui.widgets.literal import literal
from cadence.tui.widgets.record_table import Row

COMPANY = "company"

# A word and a marker for each status, so it reads without colour too.
# Word and marker, meaning, strong (the reddest).
STATUS_LOOK: dict[RockStatus, tuple[str, Status, bool]] = {
    RockStatus.ON_TRACK: ("● on-track", Status.GOOD, False),
    RockStatus.OFF_TRACK: ("▲ off-track", Status.BAD, True),
    RockStatus.DONE: ("✔ done", Status.DONE, False),
    RockStatus.NOT_DONE: ("✗ not-done", Status.NOT_DONE, False),
}


def status_look(status: RockStatus) -> tuple[str, str]:
    """The status's word and style, chosen when drawn so NO_COLOR is honoured."""
    word, meaning, strong = STATUS_LOOK[status]
    return word, status_style(meaning, strong=strong)


# Width of every column but the rock's title, padding included (DataTable pads 1 each side).
STATUS_WIDTH = 11
DUE_WIDTH = 6
MILESTONES_WIDTH = len("Milestones")
FIXED_WIDTH = (STATUS_WIDTH + 2) + (DUE_WIDTH + 2) + (MILESTONES_WIDTH + 2) + 2
SCROLLBAR = 2
MILESTONE_INDENT = "    "


def status_text(status: RockStatus) -> Text:
    word, style = status_look(status)
    return Text(word, style=style, no_wrap=True)


def title_width(table_width: int, wide: bool) -> int:
    """Room left for the title once the other columns (and the id, when wide) are placed."""
    room = table_width - FIXED_WIDTH - SCROLLBAR - (len("R-000  ") if wide else 0)
    return max(16, room)


# Keys --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowKey:
    """What a row stands for: a group heading, a rock, or one of a rock's milestones."""

    rock_id: str | None = None
    milestone: str | None = None  # the milestone's id (MS-4), never its place in the list
    group: str | None = None

    @property
    def is_rock(self) -> bool:
        return self.rock_id is not None and self.milestone is None

    @property
    def is_milestone(self) -> bool:
        return self.milestone is not None

    def text(self) -> str:
        if self.group is not None:
            return f"group:{self.group}"
        if self.milestone is not None:
            return f"{self.rock_id}#{self.milestone}"
        return str(self.rock_id)

    @classmethod
    def parse(cls, key: str) -> RowKey:
        if key.startswith("group:"):
            return cls(group=key.removeprefix("group:"))
        rock_id, separator, milestone_id = key.partition("#")
        return cls(rock_id=rock_id, milestone=milestone_id if separator else None)


# Grouping -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Group:
    key: str  # COMPANY or an owner's person id
    heading: str
    rocks: list[Rock]


def group_rocks(view: Snapshot, rocks: Iterable[Rock]) -> list[Group]:
    """Company rocks first, then each owner's own rocks, owners by name."""
    listed = sorted(rocks, key=lambda rock: id_number(rock.id))
    groups: list[Group] = []
    company = [rock for rock in listed if rock.company]
    if company:
        groups.append(Group(COMPANY, "Company rocks", company))
    owners = sorted(
        {rock.owner_id for rock in listed if not rock.company}, key=lambda o: view.person_name(o).casefold()
    )
    for owner_id in owners:
        own = [rock for rock in listed if not rock.company and rock.owner_id == owner_id]
        groups.append(Group(owner_id, view.person_name(owner_id), own))
    return groups


def overloaded_owners(view: Snapshot, quarter: str) -> dict[str, int]:
    """Owners with more rocks in ``quarter`` than the guidance, and how many they have (all teams)."""
    counts: dict[str, int] = {}
    for rock in view.rocks:
        if rock.quarter == quarter:
            counts[rock.owner_id] = counts.get(rock.owner_id, 0) + 1
    return {owner: count for owner, count in counts.items() if count > ROCKS_PER_PERSON_GUIDANCE}


# Rows -----------------------------------------------------------------------------------------


def _due(day: date | None, style: str = "") -> Text:
    return Text(f"{day:%d %b}" if day else "–", style=style or ("" if day else muted()), no_wrap=True)


def heading_row(group: Group, view: Snapshot, overloaded: dict[str, int], width: int) -> Row:
    count = len(group.rocks)
    tail = Text(f"  {count} rock{'s' if count != 1 else ''}", style=muted())
    if group.key in overloaded:
        tail.append(
            f"  ⚠ {overloaded[group.key]} in all (guidance 3-{ROCKS_PER_PERSON_GUIDANCE})",
            style=status_style(Status.WARN),
        )
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(clip(one_line(group.heading), max(8, width - tail.cell_len)).upper(), style="bold")
    text.append_text(tail)
    text.truncate(width, overflow="ellipsis")
    return Row(RowKey(group=group.key).text(), ["", text, "", ""])


def rock_row(rock: Rock, view: Snapshot, *, expanded: bool, width: int, wide: bool, overloaded: dict[str, int]) -> Row:
    title = Text(no_wrap=True, overflow="ellipsis")
    if wide:
        title.append(f"{rock.id:<7}", style=muted())
    room = width
    suffix = Text()
    if rock.company:
        owner = view.person_name(rock.owner_id).split(" ")[0] or rock.owner_id
        suffix.append(f" · {clip(owner, 12)}", style=muted())
        if rock.owner_id in overloaded:
            suffix.append(" ⚠", style=status_style(Status.WARN))
        room -= suffix.cell_len
    faded = rock.status in (RockStatus.DONE, RockStatus.NOT_DONE)
    title.append_text(literal(rock.title, room, muted() if faded else ""))
    title.append_text(suffix)
    if rock.milestones:
        done = sum(1 for milestone in rock.milestones if milestone.done)
        marker = Text(f"{'▾' if expanded else '▸'} {done}/{len(rock.milestones)}", no_wrap=True)
    else:
        marker = Text("none", style=muted())
    return Row(rock.id, [status_text(rock.status), title, _due(rock.due), marker])


def milestone_row(rock: Rock, milestone: Milestone, today: date, width: int) -> Row:
    late = not milestone.done and milestone.due is not None and milestone.due < today
    box = (
        Text("[x] ", style=status_style(Status.DONE))
        if milestone.done
        else Text("[ ] ", style=status_style(Status.BAD, strong=True) if late else "")
    )
    title = Text(MILESTONE_INDENT, no_wrap=True, overflow="ellipsis")
    title.append_text(box)
    title.append_text(literal(milestone.title, width - len(MILESTONE_INDENT) - 4, muted() if milestone.done else ""))
    if milestone.done:
        state = Text("done", style=status_style(Status.DONE))
    elif late:
        state = Text("LATE", style=status_style(Status.BAD, strong=True))
    else:
        state = Text("open")
    return Row(
        RowKey(rock.id, milestone.id).text(),
        ["", title, _due(milestone.due, status_style(Status.BAD) if late else ""), state],
    )


def table_rows(
    view: Snapshot,
    rocks: Sequence[Rock],
    *,
    expanded: set[str],
    today: date,
    width: int,
    wide: bool,
    quarter: str,
) -> list[Row]:
    overloaded = overloaded_owners(view, quarter)
    rows: list[Row] = []
    for group in group_rocks(view, rocks):
        rows.append(heading_row(group, view, overloaded, width))
        for rock in group.rocks:
            is_open = rock.id in expanded
            rows.append(rock_row(rock, view, expanded=is_open, width=width, wide=wide, overloaded=overloaded))
            if is_open:
                rows.extend(milestone_row(rock, milestone, today, width) for milestone in rock.milestones)
    return rows


# Lines above the table --------------------------------------------------------------------------


def period_line(quarter: Quarter, today: date, owner_label: str, width: int = 200, archived: bool = False) -> Text:
    """Which quarter and whose rocks are shown, and the keys that change them (dropped if they do not fit).

    ``archived``: the quarter's rocks come from the archive and cannot be changed; the line says so
    (instead of when it ended, if both do not fit).
    """
    if quarter.contains(today):
        when = f"{quarter.days_left(today)} days left"
    elif quarter.end < today:
        when = f"ended {quarter.end:%d %b %Y}"
    else:
        when = f"starts {quarter.start:%d %b %Y}"

    def line(hints: bool, said: str) -> Text:
        return Text.assemble(
            ("Quarter ", muted()),
            (quarter.label, "bold"),
            (f" · {said}", muted()),
            (" (press [ or ])" if hints else "", muted()),
            ("   Owner ", muted()),
            literal(owner_label, 20, "bold"),
            (" (press f)" if hints else "", muted()),
        )

    saids = [f"{when} · archive, read-only", "archive, read-only"] if archived else [when]
    candidates = [line(True, said) for said in saids] + [line(False, saids[-1])]
    return next((text for text in candidates if text.cell_len <= width), candidates[-1])


def completion_line(rocks: Sequence[Rock], quarter: Quarter, today: date) -> Text:
    """Done so far against the 80% goal, and how many are on and off track."""
    if not rocks:
        return Text("No rocks here yet: press a to add one.", style=muted())
    done, total = rock_completion(rocks)
    value = rate(done, total) or 0.0
    good = value >= ROCK_GOAL
    label = "Done so far: " if quarter.end >= today else "Done: "
    line = Text.assemble(
        label,
        (f"{value:.0%} ({done}/{total})", verdict_style(good, strong=True)),
        f"  goal {ROCK_GOAL:.0%} ",
        ("✓ on goal" if good else "✗ below goal", verdict_style(good)),
        " ",
    )
    running = quarter.end >= today
    for status in (RockStatus.ON_TRACK, RockStatus.OFF_TRACK, RockStatus.NOT_DONE):
        count = sum(1 for rock in rocks if rock.status is status)
        if count or (running and status is not RockStatus.NOT_DONE):
            line.append(f"  {count} {status.value}", style=status_look(status)[1] if count else muted())
    return line


def detail_text(rock: Rock, view: Snapshot, today: date) -> Text:
    """The whole rock for the pane under the table at tall sizes: nothing cut but long lines wrapped."""
    from cadence.tui.widgets.literal import literal_block

    text = Text()
    text.append(f"{rock.id}  ", style="bold")
    text.append_text(literal_block(rock.title, "bold"))
    text.append("\n")
    facts = [
        view.person_name(rock.owner_id),
        "company rock" if rock.company else "individual rock",
    ]
    if rock.team_id:
        facts.append(view.team_name(rock.team_id))
    facts.append(f"due {rock.due:%a %d %b %Y}" if rock.due else "no due date")
    text.append_text(status_text(rock.status))
    text.append("  " + " · ".join(clip(one_line(fact), 60) for fact in facts), style=muted())
    if rock.description.strip():
        text.append("\n")
        text.append_text(literal_block(rock.description))
    if rock.milestones:
        text.append("\n")
        for milestone in rock.milestones:
            late = not milestone.done and milestone.due is not None and milestone.due < today
            text.append("\n")
            box_style = (
                status_style(Status.DONE) if milestone.done else (status_style(Status.BAD, strong=True) if late else "")
            )
            text.append("[x] " if milestone.done else "[ ] ", style=box_style)
            text.append(
                f"{milestone.due:%d %b}  " if milestone.due else "        ",
                style=status_style(Status.BAD) if late else muted(),
            )
            text.append_text(literal_block(milestone.title, muted() if milestone.done else ""))
            if late:
                text.append("  LATE", style=status_style(Status.BAD, strong=True))
    else:
        text.append("\n\nNo milestones yet: n adds one.", style=muted())
    return text

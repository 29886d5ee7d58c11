"""A meeting's minutes as clean Markdown, for ``cadence meeting export`` and the app's export.

Pure: it reads the meeting record (and its frozen ``Minutes`` when it has
them) plus a map of ids to names, and returns text. Everything a person typed
is shown literally: Markdown-significant characters are backslash-escaped,
table cells keep to one row (a newline becomes ``<br>``, a ``|`` is escaped),
and control characters become visible escapes so a file that is ``cat`` to a
terminal cannot drive it. Old meetings recorded before minutes were frozen
(``minutes`` is None) still export what their record holds.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime

from cadence.domain.meeting_clock import budget_seconds, clock_text, section_seconds, total_seconds
from cadence.domain.meeting_parts import (
    GOOD_RATING,
    IdsOutcome,
    Minutes,
    MinutesQuarterClose,
    MinutesTodo,
    SectionKind,
    rating_text,
)
from cadence.domain.models import Meeting
from cadence.domain.text import visible

TODO_GOAL = 0.9
"""The weekly to-do completion rate the method aims for."""

_SPECIAL = re.compile(r"([\\`*_\[\]|~]|<(?=[A-Za-z/!?]))")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LINE_START = re.compile(r"^(\s*)([-+=>#]|\d+(?=[.)]))")
_OUTCOME_TEXT = {
    IdsOutcome.OPEN: "worked, not finished",
    IdsOutcome.SOLVED: "solved",
    IdsOutcome.LONG_TERM: "moved to long-term",
    IdsOutcome.DROPPED: "dropped",
}


# Literal text ----------------------------------------------------------------------


def _escape_inline(line: str) -> str:
    return _ENTITY.sub(r"\\&", _SPECIAL.sub(r"\\\1", visible(line)))


def _escape_line(line: str) -> str:
    """A line of a paragraph: also what would start a list, a quote or a heading."""

    def mark(match: re.Match[str]) -> str:
        lead, token = match.group(1), match.group(2)
        return lead + token + "\\" if token[0].isdigit() else lead + "\\" + token

    return _LINE_START.sub(mark, _escape_inline(line))


def literal(text: str) -> str:
    """User text as Markdown that shows exactly what was typed (lines kept, as hard breaks)."""
    lines = [_escape_line(line.strip()) for line in text.strip().splitlines()]
    return "  \n".join(line for line in lines if line)


def cell(text: str) -> str:
    """User text for one table cell or a list item's line: one row whatever it holds."""
    lines = [_escape_line(line.strip()) for line in text.strip().splitlines()]
    return "<br>".join(line for line in lines if line)


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return out


# The parts -------------------------------------------------------------------------


def _name(names: Mapping[str, str], record_id: str | None) -> str:
    if not record_id:
        return ""
    return names.get(record_id, record_id)


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%"


def _header(meeting: Meeting, names: Mapping[str, str], team_name: str, end: datetime) -> list[str]:
    day = meeting.started_at
    heading = (
        f"{team_name}: {meeting.title}" if team_name and not meeting.title.startswith(team_name) else meeting.title
    )
    lines = [f"# {literal(heading)}", "", f"{day:%A %Y-%m-%d} · {meeting.id}", ""]
    spent = total_seconds(meeting, end)
    budget = budget_seconds(meeting)
    over = spent - budget
    length = f"{clock_text(spent)} of {clock_text(budget)} budgeted"
    if over >= 60:
        length += f" ({clock_text(over)} over)"
    paused = (end - meeting.started_at).total_seconds() - spent
    if meeting.ended_at is not None and paused >= 60:
        length += f", {clock_text(paused)} paused"
    until = f"{end:%H:%M}" if meeting.ended_at else "still running"
    facts = [f"{day:%H:%M}–{until}", length]
    if meeting.ratings_on:
        average = meeting.average_rating
        facts.append(f"average rating {rating_text(average)}" if average is not None else "not rated")
    lines.append(" · ".join(facts))
    lines.append("")
    minutes = meeting.minutes
    attendees = minutes.attendees if minutes else [_name(names, p) for p in meeting.attendee_ids]
    absent = minutes.absent if minutes else [_name(names, p) for p in meeting.absent_ids]
    lines.append(f"**Attendees:** {', '.join(cell(n) for n in attendees) or 'none recorded'}  ")
    lines.append(f"**Absent:** {', '.join(cell(n) for n in absent) or 'nobody'}")
    return lines


def _segue(meeting: Meeting, names: Mapping[str, str]) -> list[str]:
    if not meeting.segue:
        return ["No good news recorded."]
    return [f"- **{cell(_name(names, line.person_id))}:** {cell(line.text)}" for line in meeting.segue]


def _scorecard(minutes: Minutes | None) -> list[str]:
    if minutes is None or not minutes.scorecard:
        return ["The numbers were not kept with this meeting."]
    rows = []
    for number in minutes.scorecard:
        verdict = {True: "on", False: "**OFF**", None: "missing"}[number.on_goal]
        goal, value = _escape_inline(number.goal), _escape_inline(number.value) or "—"
        rows.append([cell(number.title), cell(number.owner), goal, value, verdict])
    off = sum(1 for n in minutes.scorecard if n.on_goal is False)
    missing = sum(1 for n in minutes.scorecard if n.on_goal is None)
    summary = f"{len(minutes.scorecard)} measurables: {off} off goal, {missing} missing."
    return [summary, "", *_table(["Measurable", "Owner", "Goal", "Value", "On goal"], rows)]


def _rocks(minutes: Minutes | None) -> list[str]:
    if minutes is None or not minutes.rocks:
        return ["The rocks were not kept with this meeting."]
    rows = [[r.rock_id, cell(r.title), cell(r.owner), r.status] for r in minutes.rocks]
    on = sum(1 for r in minutes.rocks if r.status in ("on-track", "done"))
    return [f"{on} of {len(minutes.rocks)} on track or done.", "", *_table(["Rock", "Title", "Owner", "Status"], rows)]


def _headlines(minutes: Minutes | None, names: Mapping[str, str]) -> list[str]:
    if minutes is None or not minutes.headlines:
        return ["No headlines recorded."]
    lines = []
    for headline in minutes.headlines:
        if headline.kind == "cascade":
            tone = "cascaded from another team"
        else:
            tone = f"{headline.kind}, {'good' if headline.good else 'bad'}"
        by = f" ({cell(headline.by)})" if headline.by else ""
        dropped = f" → dropped to Issues as {headline.dropped_to}" if headline.dropped_to else ""
        lines.append(f"- {tone}: {cell(headline.text)}{by}{dropped}")
    return lines


def _todo_rows(todos: Sequence[MinutesTodo], with_done: bool) -> list[list[str]]:
    rows = []
    for todo in todos:
        row = [todo.todo_id, cell(todo.title), cell(todo.owner), todo.due.isoformat()]
        if with_done:
            row.append("done" if todo.done else "**not done**")
        rows.append(row)
    return rows


def _todos(minutes: Minutes | None) -> list[str]:
    if minutes is None or not minutes.todos_reviewed:
        return ["No to-dos were reviewed with this meeting."]
    done, whole = minutes.todos_done, len(minutes.todos_reviewed)
    verdict = "on goal" if done / whole >= TODO_GOAL else "under goal"
    summary = (
        f"Done {done} of {whole}: {_percent(done, whole)} against a goal of {round(TODO_GOAL * 100)}% ({verdict})."
    )
    rows = _todo_rows(minutes.todos_reviewed, with_done=True)
    return [summary, "", *_table(["To-do", "Title", "Owner", "Due", "Done"], rows)]


def _ids(meeting: Meeting, names: Mapping[str, str]) -> list[str]:
    frozen = {issue.issue_id: issue for issue in (meeting.minutes.issues if meeting.minutes else [])}
    if not meeting.ids_work and not frozen:
        return ["No issues were worked."]
    lines: list[str] = []
    worked = [w.issue_id for w in meeting.ids_work] + [
        i for i in frozen if i not in {w.issue_id for w in meeting.ids_work}
    ]
    work_by_id = {w.issue_id: w for w in meeting.ids_work}
    for issue_id in worked:
        work = work_by_id.get(issue_id)
        issue = frozen.get(issue_id)
        title = issue.title if issue else _name(names, issue_id)
        outcome = issue.outcome if issue else (work.outcome if work else IdsOutcome.OPEN)
        heading = f"### {issue_id}: {literal(title)}" if title != issue_id else f"### {issue_id}"
        lines += [heading, ""]
        facts = [f"- **Outcome:** {_OUTCOME_TEXT[outcome]}"]
        if work is not None and work.seconds:
            facts[0] += f" after {clock_text(work.seconds)}"
        if work is not None and work.identify.strip():
            facts.append(f"- **Identify:** {cell(work.identify)}")
        if work is not None and work.discuss.strip():
            facts.append(f"- **Discuss:** {cell(work.discuss)}")
        if issue is not None and issue.decision.strip():
            facts.append(f"- **Decision:** {cell(issue.decision)}")
        if issue is not None and issue.todo_ids:
            made = ", ".join(f"{t} {cell(_name(names, t))}" if t in names else t for t in issue.todo_ids)
            facts.append(f"- **To-dos:** {made}")
        lines += [*facts, ""]
    raised = meeting.minutes.raised_issue_ids if meeting.minutes else []
    if raised:
        lines.append("Raised to the Issues list during the meeting: " + ", ".join(raised) + ".")
        lines.append("")
    return lines[:-1] if lines and lines[-1] == "" else lines


def _section_body(meeting: Meeting, index: int, names: Mapping[str, str]) -> list[str]:
    section = meeting.sections[index]
    minutes = meeting.minutes
    body: list[str]
    if section.kind is SectionKind.SEGUE:
        body = _segue(meeting, names)
    elif section.kind is SectionKind.SCORECARD:
        body = _scorecard(minutes)
    elif section.kind is SectionKind.ROCKS:
        body = _rocks(minutes)
    elif section.kind is SectionKind.HEADLINES:
        body = _headlines(minutes, names)
    elif section.kind is SectionKind.TODOS:
        body = _todos(minutes)
    elif section.kind is SectionKind.IDS:
        body = _ids(meeting, names)
    elif section.kind is SectionKind.CONCLUDE:
        body = ["See the new to-dos, cascading messages and ratings below."]
    else:
        body = [] if section.notes.strip() else ["No notes."]
    if section.notes.strip():
        body = [*body, "", literal(section.notes)] if body else [literal(section.notes)]
    return body


def _section_times(meeting: Meeting, end: datetime) -> list[str]:
    rows = []
    for index, section in enumerate(meeting.sections):
        spent = section_seconds(meeting, index, end)
        over = spent - section.budget_minutes * 60
        rows.append(
            [
                cell(section.name),
                clock_text(section.budget_minutes * 60),
                clock_text(spent),
                clock_text(over) if over >= 1 else "",
            ]
        )
    rows.append(["**Total**", clock_text(budget_seconds(meeting)), clock_text(total_seconds(meeting, end)), ""])
    return _table(["Section", "Budget", "Spent", "Over"], rows)


def _new_todos(meeting: Meeting, names: Mapping[str, str]) -> list[str]:
    if meeting.minutes is not None:
        if not meeting.minutes.new_todos:
            return ["None."]
        return _table(["To-do", "Title", "Owner", "Due"], _todo_rows(meeting.minutes.new_todos, with_done=False))
    if not meeting.new_todo_ids:
        return ["None recorded."]
    return [f"- {t} {cell(_name(names, t))}" if t in names else f"- {t}" for t in meeting.new_todo_ids]


def _cascading(meeting: Meeting, names: Mapping[str, str]) -> list[str]:
    if not meeting.cascading:
        return ["None."]
    lines = []
    for message in meeting.cascading:
        teams = ", ".join(cell(_name(names, t)) for t in message.team_ids) or "no team named"
        lines.append(f"- {cell(message.text)} → {teams}")
    return lines


def _ratings(meeting: Meeting, names: Mapping[str, str]) -> list[str]:
    if not meeting.ratings:
        return ["Nobody rated this meeting."]
    rows = [[cell(_name(names, r.person_id)), str(r.score), cell(r.why)] for r in meeting.ratings]
    average = meeting.average_rating or 0.0
    low = sum(1 for r in meeting.ratings if r.score < GOOD_RATING)
    summary = f"Average {rating_text(average)} from {len(meeting.ratings)} ratings ({low} under {GOOD_RATING})."
    return [*_table(["Person", "Rating", "Why"], rows), "", summary]


def _quarter_closed(closed: MinutesQuarterClose) -> list[str]:
    """What ending the session decided: each carried rock with its new rock, then not done and done."""
    lines = [f"{closed.quarter} was closed as the session ended."]
    if closed.carried or closed.not_done or closed.done:
        lines.append("")
    lines += [f"- {old} carried over as {new}" for old, new in closed.carried]
    lines += [f"- {rock_id} not done" for rock_id in closed.not_done]
    lines += [f"- {rock_id} done" for rock_id in closed.done]
    return lines


# The whole -------------------------------------------------------------------------


def minutes_markdown(meeting: Meeting, names: Mapping[str, str], team_name: str, now: datetime | None = None) -> str:
    """The meeting's minutes as Markdown.

    ``names`` maps record ids (people, teams, issues, to-dos) to what to call
    them; an id it lacks is shown as the id. ``now`` stands in for the end of
    a meeting still running (its clocks are read at that moment).
    """
    end = meeting.ended_at or now or meeting.started_at
    lines = _header(meeting, names, team_name, end)
    for index, section in enumerate(meeting.sections):
        lines += ["", f"## {literal(section.name)}", "", *_section_body(meeting, index, names)]
    lines += ["", "## Section times", "", *_section_times(meeting, end)]
    lines += ["", "## New to-dos", "", *_new_todos(meeting, names)]
    lines += ["", "## Cascading messages", "", *_cascading(meeting, names)]
    if meeting.minutes is not None and meeting.minutes.quarter_closed is not None:
        lines += ["", "## Quarter closed", "", *_quarter_closed(meeting.minutes.quarter_closed)]
    if meeting.ratings_on or meeting.ratings:
        lines += ["", "## Ratings", "", *_ratings(meeting, names)]
    if meeting.notes.strip():
        lines += ["", "## Notes", "", literal(meeting.notes)]
    return "\n".join(lines) + "\n"

"""``cadence meeting ...``: run, check and export the weekly meeting from a shell.

Every write goes through the same store actions the meeting screen uses, at
the store's clock (``CADENCE_TODAY`` may pin a date, or a date and time so a
scripted meeting's clocks are the same on every run). The CLI drives as
anyone: it never has to take over from a terminal. Only ``join`` opens the
app; every other subcommand stays free of Textual.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from cadence.cli.context import CliContext, pass_context
from cadence.cli.history import archived_line, read_for, read_only_when_archived
from cadence.cli.output import emit_json, safe, table
from cadence.domain.ids import Kind
from cadence.domain.meeting_clock import budget_seconds, clock_text, overrun_seconds, section_seconds, total_seconds
from cadence.domain.meeting_parts import IdsOutcome, rating_text
from cadence.domain.models import Meeting
from cadence.store.actions import meetings
from cadence.store.errors import InputError

if TYPE_CHECKING:
    from cadence.domain.models import Team
    from cadence.store.view import View

MEETING_ID = ("meeting_id", Kind.MEETING)
ISSUE_ID = ("issue_id", Kind.ISSUE)
DAY_LABELS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _now() -> datetime:
    from cadence.store.clock import now

    return now()


def _team(view: View, text: str | None) -> Team | None:
    """The named team; with no name, the leadership team (the one a bare ``start`` means), else none."""
    if text:
        return view.find_team(text)
    leaders = [t for t in view.teams if t.leadership]
    return leaders[0] if len(leaders) == 1 else None


def _running(view: View, meeting_id: str | None) -> Meeting:
    """The meeting a write acts on: the one named, else the one running (refused when none or several run)."""
    if meeting_id:
        return view.meeting(meeting_id.strip().upper())
    running = meetings.running_meetings(view)
    if not running:
        raise InputError("meeting: none is running; start one with `cadence meeting start`")
    if len(running) > 1:
        ids = ", ".join(m.id for m in running)
        raise InputError(f"meeting: {len(running)} are running ({ids}); name one")
    return running[0]


def _view_of(context: CliContext, meeting_id: str | None) -> tuple[View, bool]:
    """The live file, or live and archives as one when ``meeting_id`` names an archived meeting."""
    if not meeting_id:
        live = context.read()
        if live.meetings:
            return live, False
        history = context.read_history()  # every meeting archived: the latest is still "the latest"
        return history, bool(history.meetings)
    return read_for(context, Kind.MEETING, meeting_id.strip().upper())


def _solved(meeting: Meeting) -> int:
    if meeting.minutes is not None:
        return sum(1 for issue in meeting.minutes.issues if issue.outcome is IdsOutcome.SOLVED)
    return sum(1 for work in meeting.ids_work if work.outcome is IdsOutcome.SOLVED)


def _todos_made(meeting: Meeting) -> int:
    return len(meeting.minutes.new_todos) if meeting.minutes is not None else len(meeting.new_todo_ids)


def _summary(view: View, meeting: Meeting, now: datetime) -> dict[str, Any]:
    end = meeting.ended_at or now
    average = meeting.average_rating
    return {
        "id": meeting.id,
        "team": view.team_name(meeting.team_id),
        "title": meeting.title,
        "agenda": meeting.agenda,
        "started_at": meeting.started_at.isoformat(),
        "ended_at": meeting.ended_at.isoformat() if meeting.ended_at else None,
        "state": "ended" if meeting.finished else ("paused" if meeting.paused else "running"),
        "seconds": round(total_seconds(meeting, end)),
        "budget_seconds": budget_seconds(meeting),
        "average_rating": round(average, 2) if average is not None else None,
        "issues_solved": _solved(meeting),
        "todos_created": _todos_made(meeting),
    }


def _status(view: View, meeting: Meeting, now: datetime) -> dict[str, Any]:
    index = meeting.current
    section = meeting.sections[index]
    end = meeting.ended_at or now
    return {
        **_summary(view, meeting, now),
        "driver": meeting.driver,
        "paused": meeting.paused,
        "section": section.name,
        "section_kind": section.kind.value,
        "section_number": index + 1,
        "sections": len(meeting.sections),
        "section_seconds": round(section_seconds(meeting, index, end)),
        "section_budget_seconds": section.budget_minutes * 60,
        "section_overrun_seconds": round(overrun_seconds(meeting, index, end)),
        "issue": meeting.ids_current,
    }


def _echo_state(view: View, meeting: Meeting, now: datetime) -> None:
    status = _status(view, meeting, now)
    paused = ", paused" if status["paused"] else ""
    click.echo(
        f"{meeting.id} {status['section_number']}/{status['sections']} {safe(status['section'])}"
        f" {clock_text(status['section_seconds'])} of {clock_text(status['section_budget_seconds'])}{paused}"
    )


@click.group()
def meeting() -> None:
    """The weekly meeting: start it, move through the agenda, rate it, end it, export its minutes."""


@meeting.command("list")
@click.option("--team", default=None, help="Only this team's meetings (name or id).")
@click.option("--all", "show_all", is_flag=True, help="Include meetings from before last quarter, from the archive.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def meeting_list(context: CliContext, team: str | None, show_all: bool, as_json: bool) -> None:
    """Running and past meetings, newest first (those archived, ended before last quarter, only with --all)."""
    view = context.read_history() if show_all else context.read()
    team_id = view.find_team(team).id if team else None
    now = _now()
    running = [m for m in meetings.running_meetings(view) if team_id is None or m.team_id == team_id]
    shown = [*reversed(running), *meetings.past_meetings(view, team_id)]
    rows = [_summary(view, m, now) for m in shown]
    if as_json:
        emit_json(rows)
        return
    table(
        ["ID", "TEAM", "DATE", "STATE", "LENGTH", "RATING", "SOLVED", "TO-DOS"],
        [
            [
                row["id"],
                row["team"],
                row["started_at"][:10],
                row["state"],
                clock_text(row["seconds"]),
                rating_text(row["average_rating"]) if row["average_rating"] is not None else "",
                str(row["issues_solved"]),
                str(row["todos_created"]),
            ]
            for row in rows
        ],
    )


@meeting.command("show")
@click.argument("meeting_id", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the whole meeting record as JSON.")
@pass_context
def meeting_show(context: CliContext, meeting_id: str | None, as_json: bool) -> None:
    """One meeting (default: the one running, else the latest): agenda, clocks, ratings."""
    view, archived = _view_of(context, meeting_id)
    found = meetings.find_meeting(view, meeting_id)
    now = _now()
    if as_json:
        emit_json({**found.model_dump(mode="json"), "summary": _status(view, found, now)})
        return
    summary = _summary(view, found, now)
    click.echo(f"{found.id} {safe(found.title)} ({summary['state']})")
    if archived:
        click.echo(archived_line(view, Kind.MEETING, found.id))
    click.echo(f"team: {safe(summary['team']) or '-'}  started: {found.started_at:%Y-%m-%d %H:%M}")
    end = found.ended_at or now
    table(
        ["#", "SECTION", "BUDGET", "SPENT", ""],
        [
            [
                str(n + 1),
                s.name,
                clock_text(s.budget_minutes * 60),
                clock_text(section_seconds(found, n, end)),
                "<- now" if n == found.current and not found.finished else "",
            ]
            for n, s in enumerate(found.sections)
        ],
    )
    click.echo(f"total: {clock_text(summary['seconds'])} of {clock_text(summary['budget_seconds'])}")
    attendees = ", ".join(view.person_name(p) for p in found.attendee_ids) or "-"
    click.echo(f"attendees: {safe(attendees)}")
    if found.absent_ids:
        click.echo(f"absent: {safe(', '.join(view.person_name(p) for p in found.absent_ids))}")
    for rating in found.ratings:
        why = f" ({safe(rating.why)})" if rating.why else ""
        click.echo(f"rating: {safe(view.person_name(rating.person_id))} {rating.score}{why}")
    if summary["average_rating"] is not None:
        click.echo(f"average rating: {rating_text(summary['average_rating'])}")
    for cascade in found.cascading:
        teams = ", ".join(view.team_name(t) for t in cascade.team_ids)
        click.echo(f"cascade: {safe(cascade.text)} -> {safe(teams)}")


@meeting.command("start")
@click.option("--team", default=None, help="Team (name or id; default: the leadership team).")
@click.option("--agenda", "agenda_id", default=None, help="Agenda template id (default: the team's).")
@pass_context
def meeting_start(context: CliContext, team: str | None, agenda_id: str | None) -> None:
    """Start the team's meeting, clock running (refused while it has one running)."""
    from cadence.store.agendas import load_agendas

    agendas = load_agendas()
    with context.write() as tx:
        record = _team(tx, team)
        template = agendas.get(agenda_id or (record.agenda if record else "weekly"))
        started = meetings.start_meeting(tx, template, _now(), team=record.id if record else None)
    click.echo(
        f"{started.id} started: {safe(started.title)} ({template.minutes} min, {len(started.sections)} sections)"
    )
    click.echo(f"now: 1/{len(started.sections)} {safe(started.sections[0].name)}")


@meeting.command("status")
@click.argument("meeting_id", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def meeting_status(context: CliContext, meeting_id: str | None, as_json: bool) -> None:
    """Where a meeting is: its section, section and total clocks, paused or not, who drives."""
    view, _archived = _view_of(context, meeting_id)
    found = meetings.find_meeting(view, meeting_id)
    status = _status(view, found, _now())
    if as_json:
        emit_json(status)
        return
    click.echo(f"{found.id} {safe(found.title)}: {status['state']}")
    click.echo(
        f"section {status['section_number']}/{status['sections']}: {safe(status['section'])}"
        f" {clock_text(status['section_seconds'])} of {clock_text(status['section_budget_seconds'])}"
        + (f" ({clock_text(status['section_overrun_seconds'])} over)" if status["section_overrun_seconds"] else "")
    )
    click.echo(f"total: {clock_text(status['seconds'])} of {clock_text(status['budget_seconds'])}")
    click.echo(f"driver: {safe(found.driver) or '-'}")
    if found.ids_current:
        click.echo(f"working on: {found.ids_current}")


@meeting.command("next")
@click.argument("meeting_id", required=False)
@click.option("--back", is_flag=True, help="Go to the previous section instead.")
@pass_context
@read_only_when_archived(MEETING_ID)
def meeting_next(context: CliContext, meeting_id: str | None, back: bool) -> None:
    """Move to the next section (time so far stays with the section it was spent in)."""
    now = _now()
    with context.write() as tx:
        target = _running(tx, meeting_id)
        moved = meetings.next_section(tx, target.id, now, step=-1 if back else 1)
        _echo_state(tx, moved, now)


def _set_paused(context: CliContext, meeting_id: str | None, paused: bool) -> None:
    now = _now()
    with context.write() as tx:
        target = _running(tx, meeting_id)
        changed = meetings.set_paused(tx, target.id, paused, now)
        _echo_state(tx, changed, now)


@meeting.command("pause")
@click.argument("meeting_id", required=False)
@pass_context
@read_only_when_archived(MEETING_ID)
def meeting_pause(context: CliContext, meeting_id: str | None) -> None:
    """Pause the meeting's clocks."""
    _set_paused(context, meeting_id, True)


@meeting.command("resume")
@click.argument("meeting_id", required=False)
@pass_context
@read_only_when_archived(MEETING_ID)
def meeting_resume(context: CliContext, meeting_id: str | None) -> None:
    """Start the meeting's clocks again."""
    _set_paused(context, meeting_id, False)


@meeting.command("attend")
@click.argument("person")
@click.option("--absent", is_flag=True, help="Record them as absent instead.")
@click.option("--meeting", "meeting_id", default=None, help="Meeting id (default: the one running).")
@pass_context
@read_only_when_archived(MEETING_ID)
def meeting_attend(context: CliContext, person: str, absent: bool, meeting_id: str | None) -> None:
    """Mark someone present (or absent) at the running meeting."""
    with context.write() as tx:
        target = _running(tx, meeting_id)
        meetings.set_attendance(tx, target.id, person, present=not absent)
        name = tx.find_person(person).name
    click.echo(f"{target.id}: {safe(name)} {'absent' if absent else 'present'}")


@meeting.command("rate")
@click.argument("person")
@click.argument("score", type=int)
@click.option("--why", default="", help="One line on why (needed under 8).")
@click.option("--meeting", "meeting_id", default=None, help="Meeting id (default: the one running).")
@pass_context
@read_only_when_archived(MEETING_ID)
def meeting_rate(context: CliContext, person: str, score: int, why: str, meeting_id: str | None) -> None:
    """Someone's rating of the meeting, 1-10 (rating again replaces it)."""
    with context.write() as tx:
        target = _running(tx, meeting_id)
        rated = meetings.rate_meeting(tx, target.id, person, score, why)
        name = tx.find_person(person).name
    average = rated.average_rating
    said = f"{rated.id}: {safe(name)} rated {score}"
    click.echo(f"{said} (average {rating_text(average)})" if average else f"{rated.id} rated")


@meeting.command("cascade")
@click.argument("text")
@click.option("--to", "teams", multiple=True, required=True, help="A team that gets it (repeatable).")
@click.option("--meeting", "meeting_id", default=None, help="Meeting id (default: the one running).")
@pass_context
@read_only_when_archived(MEETING_ID)
def meeting_cascade(context: CliContext, text: str, teams: tuple[str, ...], meeting_id: str | None) -> None:
    """A message to cascade: it shows in each named team's Headlines when the meeting ends."""
    with context.write() as tx:
        target = _running(tx, meeting_id)
        changed = meetings.add_cascade(tx, target.id, text, list(teams))
        names = ", ".join(tx.team_name(t) for t in changed.cascading[-1].team_ids)
    click.echo(f"{changed.id}: cascade {len(changed.cascading)} to {safe(names)}")


@meeting.command("uncascade")
@click.argument("number", type=int)
@click.option("--meeting", "meeting_id", default=None, help="Meeting id (default: the one running).")
@pass_context
@read_only_when_archived(MEETING_ID)
def meeting_uncascade(context: CliContext, number: int, meeting_id: str | None) -> None:
    """Take back cascading message NUMBER (1 is the first) before the meeting ends."""
    with context.write() as tx:
        target = _running(tx, meeting_id)
        changed = meetings.remove_cascade(tx, target.id, number - 1)
    click.echo(f"{changed.id}: cascade {number} removed, {len(changed.cascading)} left")


@meeting.command("segue")
@click.argument("person")
@click.argument("text")
@click.option("--meeting", "meeting_id", default=None, help="Meeting id (default: the one running).")
@pass_context
@read_only_when_archived(MEETING_ID)
def meeting_segue(context: CliContext, person: str, text: str, meeting_id: str | None) -> None:
    """Someone's good news for the Segue (again replaces it; "" removes it)."""
    with context.write() as tx:
        target = _running(tx, meeting_id)
        meetings.set_segue(tx, target.id, person, text)
        name = tx.find_person(person).name
    click.echo(f"{target.id}: segue from {safe(name)} saved")


@meeting.command("work")
@click.argument("issue_id")
@click.option("--identify", default=None, help="Notes on the real issue (replaces what was there).")
@click.option("--discuss", default=None, help="Notes from the discussion (replaces what was there).")
@click.option("--meeting", "meeting_id", default=None, help="Meeting id (default: the one running).")
@pass_context
@read_only_when_archived(MEETING_ID, ISSUE_ID)
def meeting_work(
    context: CliContext, issue_id: str, identify: str | None, discuss: str | None, meeting_id: str | None
) -> None:
    """IDS: work on an issue now (its own clock starts) and keep its identify/discuss notes."""
    now = _now()
    with context.write() as tx:
        target = _running(tx, meeting_id)
        meetings.work_on_issue(tx, target.id, issue_id, now)
        if identify is not None or discuss is not None:
            meetings.set_ids_notes(tx, target.id, issue_id, identify=identify, discuss=discuss)
        issue = tx.issue(issue_id.strip().upper())
    click.echo(f"{target.id}: working on {issue.id} {safe(issue.title)}")


@meeting.command("solve")
@click.argument("issue_id")
@click.option("--decision", required=True, help="What was decided.")
@click.option("--todo", "todos", multiple=True, help='A to-do it creates, "TITLE@OWNER" (repeatable; due in 7 days).')
@click.option("--meeting", "meeting_id", default=None, help="Meeting id (default: the one running).")
@pass_context
@read_only_when_archived(MEETING_ID, ISSUE_ID)
def meeting_solve(
    context: CliContext, issue_id: str, decision: str, todos: tuple[str, ...], meeting_id: str | None
) -> None:
    """IDS: solve an issue with its decision and to-dos; the identify notes become its root cause."""
    from cadence.store import actions

    specs = [actions.parse_todo_spec(spec) for spec in todos]
    now = _now()
    with context.write() as tx:
        target = _running(tx, meeting_id)
        solved, created = meetings.solve_in_meeting(tx, target.id, issue_id, decision, now, specs)
    click.echo(f"{target.id}: {solved.id} solved")
    for todo in created:
        click.echo(f"{todo.id} {safe(todo.title)} (due {todo.due})")


@meeting.command("outcome")
@click.argument("issue_id")
@click.argument("outcome", type=click.Choice(["long-term", "dropped"]))
@click.option("--meeting", "meeting_id", default=None, help="Meeting id (default: the one running).")
@pass_context
@read_only_when_archived(MEETING_ID, ISSUE_ID)
def meeting_outcome(context: CliContext, issue_id: str, outcome: str, meeting_id: str | None) -> None:
    """IDS: move an issue to the long-term list, or drop it."""
    now = _now()
    with context.write() as tx:
        target = _running(tx, meeting_id)
        issue = meetings.set_issue_outcome(tx, target.id, issue_id, outcome, now)
    click.echo(f"{target.id}: {issue.id} {outcome}")


@meeting.command("end")
@click.argument("meeting_id", required=False)
@pass_context
@read_only_when_archived(MEETING_ID)
def meeting_end(context: CliContext, meeting_id: str | None) -> None:
    """End the meeting: clocks stop, minutes are frozen, cascading messages go to their teams."""
    now = _now()
    with context.write() as tx:
        target = _running(tx, meeting_id)
        ended = meetings.end_meeting(tx, target.id, now)
        summary = _summary(tx, ended, now)
    average = summary["average_rating"]
    rating = f", average rating {rating_text(average)}" if average is not None else ""
    click.echo(
        f"{ended.id} ended after {clock_text(summary['seconds'])} of {clock_text(summary['budget_seconds'])}"
        f"{rating}; {summary['issues_solved']} issues solved, {summary['todos_created']} to-dos"
    )


@meeting.command("export")
@click.argument("meeting_id", required=False)
@click.option("--format", "form", type=click.Choice(["md"]), default="md", help="Output format (Markdown).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None, help="File to write.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@pass_context
def meeting_export(context: CliContext, meeting_id: str | None, form: str, output: Path | None, force: bool) -> None:
    """A meeting's minutes as Markdown (default: the latest meeting; to stdout unless --output)."""
    view, _archived = _view_of(context, meeting_id)
    found = meetings.find_meeting(view, meeting_id)
    text = meetings.minutes_text(view, found, _now())
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        with open(output, "w" if force else "x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise InputError(f"output: {output} exists; pass --force to replace it") from None
    except OSError as error:
        raise InputError(f"output: cannot write {output}: {error.strerror}") from None
    click.echo(f"{found.id} minutes written to {output}")


@meeting.command("agendas")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def meeting_agendas(as_json: bool) -> None:
    """Agenda templates (bundled and your own), and any template that could not be read."""
    from cadence.store.agendas import load_agendas

    found = load_agendas()
    templates = sorted(found.templates.values(), key=lambda t: t.id)
    if as_json:
        payload = {
            "templates": [{**t.model_dump(mode="json"), "total_minutes": t.minutes} for t in templates],
            "problems": found.problems,
        }
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False, sort_keys=True))
        return
    table(
        ["ID", "NAME", "MIN", "RATED", "SECTIONS"],
        [
            [t.id, t.name, str(t.minutes), "yes" if t.ratings else "no", ", ".join(s.name for s in t.sections)]
            for t in templates
        ],
        max_width=80,
    )
    for problem in found.problems:
        click.echo(f"problem: {safe(problem)}", err=True)


@meeting.command("schedule")
@click.argument("team")
@click.option("--day", default=None, help="Day of the week (like Tuesday or tue).")
@click.option("--time", "at", default=None, help="Time of day, HH:MM.")
@click.option("--agenda", "agenda_id", default=None, help="Agenda template id.")
@pass_context
def meeting_schedule(context: CliContext, team: str, day: str | None, at: str | None, agenda_id: str | None) -> None:
    """A team's meeting day, time and agenda (with no option, show them)."""
    from cadence.store.agendas import load_agendas

    if day is None and at is None and agenda_id is None:
        view = context.read()
        record = view.find_team(team)
        weekday, when = meetings.team_slot(view, record)
        click.echo(f"{safe(record.name)} meets {DAY_LABELS[weekday]} {when:%H:%M} ({record.agenda})")
        return
    known = list(load_agendas().templates)
    with context.write() as tx:
        record = meetings.set_team_meeting(tx, team, day=day, at=at, agenda=agenda_id, known_agendas=known)
        weekday, when = meetings.team_slot(tx, record)
    click.echo(f"{safe(record.name)} meets {DAY_LABELS[weekday]} {when:%H:%M} ({record.agenda})")


@meeting.command("join")
@click.argument("meeting_id", required=False)
@pass_context
def meeting_join(context: CliContext, meeting_id: str | None) -> None:
    """Open the app on a meeting (default: the one running), following its driver."""
    from cadence.tui.launch import run_tui

    run_tui(context.folder, meeting=meeting_id or "running")

"""Meetings: start, move through the agenda, pause, take notes, work IDS, rate, end with minutes.

Every step of a meeting is one of these writes, made as it happens, so the
record on disk is always the meeting as it stands: a killed terminal loses
nothing, and a second terminal on the same workspace follows it. Only the
driver moves the agenda and the clock (``driver`` is a session's label; a
write naming another driver is refused until that session takes over).
The CLI's ``cadence meeting ...`` and the TUI's meeting screen call these.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from cadence.domain.ids import Kind
from cadence.domain.meeting_clock import section_seconds
from cadence.domain.meeting_parts import (
    GOOD_RATING,
    AgendaTemplate,
    Cascade,
    IdsOutcome,
    IdsWork,
    Minutes,
    MinutesHeadline,
    MinutesIssue,
    MinutesNumber,
    MinutesQuarterClose,
    MinutesRock,
    MinutesTodo,
    Rating,
    SegueLine,
)
from cadence.domain.minutes_markdown import minutes_markdown
from cadence.domain.models import (
    Frequency,
    Headline,
    HeadlineKind,
    Issue,
    IssueStatus,
    Meeting,
    MeetingKind,
    Team,
    Todo,
)
from cadence.domain.scorecard import active_measurables, goal_text
from cadence.domain.units import format_value
from cadence.store.actions.fields import TODO_DAYS, choice
from cadence.store.actions.issues import drop_issue, move_issue, solve_issue
from cadence.store.errors import InputError
from cadence.store.transaction import Transaction
from cadence.store.view import View

ANYONE = ""
"""The driver to pass for a write any attendee may make (notes, ratings, issues)."""


# Reading ---------------------------------------------------------------------


def running_meeting(view: View, team_id: str | None) -> Meeting | None:
    """The team's meeting that has started and not ended, if any (the latest one)."""
    running = [m for m in view.meetings if m.ended_at is None and m.team_id == team_id]
    return running[-1] if running else None


def running_meetings(view: View) -> list[Meeting]:
    return [m for m in view.meetings if m.ended_at is None]


def past_meetings(view: View, team_id: str | None) -> list[Meeting]:
    """Finished meetings of the team (all teams for None), newest first."""
    done = [m for m in view.meetings if m.ended_at is not None and (team_id is None or m.team_id == team_id)]
    return sorted(done, key=lambda m: m.started_at, reverse=True)


def find_meeting(view: View, text: str | None, team_id: str | None = None) -> Meeting:
    """``MT-3``, or with no text the team's running meeting, else its latest one."""
    if text:
        return view.meeting(text.strip().upper())
    running = running_meeting(view, team_id) if team_id is not None else None
    if running is None and team_id is None:
        others = running_meetings(view)
        running = others[-1] if others else None
    if running is not None:
        return running
    past = past_meetings(view, team_id)
    if not past:
        raise InputError("meeting: there is no meeting yet; start one with `cadence meeting start`")
    return past[0]


def review_window(view: View, meeting: Meeting) -> date:
    """The day since which to-dos are reviewed: the team's previous meeting, else a week before this one."""
    if meeting.review_since is not None:
        return meeting.review_since
    return _previous_meeting_day(view, meeting.team_id, meeting.started_at) or meeting.started_at.date() - timedelta(
        days=TODO_DAYS
    )


def _previous_meeting_day(view: View, team_id: str | None, before: datetime) -> date | None:
    earlier = [m.started_at for m in view.meetings if m.team_id == team_id and m.started_at < before and m.ended_at]
    return max(earlier).date() if earlier else None


def review_todos(view: View, meeting: Meeting) -> list[Todo]:
    """Last week's to-dos: the team's to-dos made before the meeting, open or done since the previous one."""
    since = review_window(view, meeting)
    start = meeting.started_at.date()
    created_before = meeting.counters_at_start.get(Kind.TODO.value)
    found = []
    for todo in view.todos:
        if not view.in_team(meeting.team_id, todo.team_id, todo.owner_id):
            continue
        if created_before is not None and _number(todo.id) > created_before:
            continue
        if created_before is None and todo.created >= start:
            continue
        if todo.done and (todo.done_on is None or todo.done_on < since):
            continue
        found.append(todo)
    return found


def todo_completion(view: View, meeting: Meeting) -> tuple[int, int]:
    """(done, reviewed) for the To-Do list section's rate against 90%."""
    todos = review_todos(view, meeting)
    return sum(1 for todo in todos if todo.done), len(todos)


def new_todos(view: View, meeting: Meeting) -> list[Todo]:
    """To-dos made since the meeting started (by anyone, from any terminal), in the meeting's team."""
    after = meeting.counters_at_start.get(Kind.TODO.value)
    if after is None:
        return [t for t in view.todos if t.id in meeting.new_todo_ids]
    return [t for t in view.todos if _number(t.id) > after and view.in_team(meeting.team_id, t.team_id, t.owner_id)]


def raised_issues(view: View, meeting: Meeting) -> list[Issue]:
    """Issues put on the list since the meeting started: dropped numbers, rocks, headlines, to-dos, new ones."""
    after = meeting.counters_at_start.get(Kind.ISSUE.value)
    if after is None:
        return []
    return [i for i in view.issues if _number(i.id) > after and view.in_team(meeting.team_id, i.team_id, i.owner_id)]


def ids_list(view: View, meeting: Meeting) -> list[Issue]:
    """The short-term list IDS works from: open short-term issues of the team, top 3 first in their order.
    A quarterly or annual session works the long-term list too (the issues kept for it), then the short one."""
    terms = {"short", "long"} if meeting.meeting_kind in (MeetingKind.QUARTERLY, MeetingKind.ANNUAL) else {"short"}
    issues = [
        i
        for i in view.issues
        if i.status is IssueStatus.OPEN
        and i.term.value in terms
        and view.in_team(meeting.team_id, i.team_id, i.owner_id)
    ]
    return sorted(issues, key=lambda i: (i.term.value != "long", i.rank is None, i.rank or 0, _number(i.id)))


def _number(record_id: str) -> int:
    return int(record_id.rsplit("-", 1)[1])


# Starting --------------------------------------------------------------------


def start_meeting(
    tx: Transaction,
    template: AgendaTemplate,
    now: datetime,
    *,
    team: str | None = None,
    driver: str = ANYONE,
    title: str | None = None,
) -> Meeting:
    """Start a meeting on ``template``'s agenda, clock running; refused while the team has one running."""
    team_record = tx.find_team(team) if team else None
    team_id = team_record.id if team_record else None
    running = running_meeting(tx, team_id)
    if running is not None:
        raise InputError(f"{running.id} is still running for this team: resume it, or end it first")
    members = [p for p in team_record.member_ids] if team_record else [p.id for p in tx.people if p.active]
    if template.meeting_kind == MeetingKind.SOLO.value:
        members = members[:1]
    if template.meeting_kind == MeetingKind.WEEKLY.value:  # the milestone rule: once a week, before the to-do list
        from cadence.store.actions.quarters import run_milestone_todos

        run_milestone_todos(tx, now.date())
    counters = {kind.value: tx.meta.counters.get(kind.value, 0) for kind in (Kind.TODO, Kind.ISSUE, Kind.HEADLINE)}
    label = title or (f"{team_record.name}: {template.name}" if team_record else template.name)
    return tx.add(
        Meeting,
        team_id=team_id,
        meeting_kind=choice(MeetingKind, template.meeting_kind, "meeting kind"),
        agenda=template.id,
        title=label[:2000],
        started_at=now,
        sections=template.meeting_sections(),
        current=0,
        running_since=now,
        ratings_on=template.ratings,
        driver=driver,
        attendee_ids=members,
        counters_at_start=counters,
        review_since=_previous_meeting_day(tx, team_id, now),
    )


def _running(tx: Transaction, meeting_id: str) -> Meeting:
    meeting = tx.meeting(meeting_id)
    if meeting.ended_at is not None:
        raise InputError(f"{meeting.id} has ended; its minutes are read-only")
    return meeting


def _driven(tx: Transaction, meeting_id: str, driver: str) -> Meeting:
    """The running meeting, refused to anyone but its driver (``ANYONE`` passes: the CLI, or no driver set)."""
    meeting = _running(tx, meeting_id)
    if driver and meeting.driver and driver != meeting.driver:
        raise InputError(f"{meeting.id} is driven by {meeting.driver}; take over to move the agenda")
    return meeting


def take_over(tx: Transaction, meeting_id: str, driver: str) -> tuple[Meeting, str]:
    """Make ``driver`` the one who moves the agenda; returns the meeting and who drove before."""
    meeting = _running(tx, meeting_id)
    before = meeting.driver
    if before == driver:
        return meeting, before
    return tx.save(meeting, driver=driver), before


# The clock --------------------------------------------------------------------


def _bank(meeting: Meeting, now: datetime) -> dict[str, object]:
    """The changes that stop the clocks at ``now``: running time added to the section and the issue."""
    sections = [s.model_copy() for s in meeting.sections]
    sections[meeting.current].elapsed_seconds = section_seconds(meeting, meeting.current, now)
    changes: dict[str, object] = {"sections": sections, "running_since": None}
    if meeting.ids_current is not None and meeting.ids_since is not None:
        spent = max(0.0, (now - meeting.ids_since).total_seconds())
        changes["ids_work"] = [
            w.model_copy(update={"seconds": w.seconds + spent}) if w.issue_id == meeting.ids_current else w
            for w in meeting.ids_work
        ]
        changes["ids_since"] = None
    return changes


def go_to_section(tx: Transaction, meeting_id: str, index: int, now: datetime, *, driver: str = ANYONE) -> Meeting:
    """Move to section ``index`` (0-based): time so far stays with the section it was spent in."""
    meeting = _driven(tx, meeting_id, driver)
    if not 0 <= index < len(meeting.sections):
        raise InputError(f"section: {index + 1} is not on this agenda (1-{len(meeting.sections)})")
    if index == meeting.current:
        return meeting
    paused = meeting.paused
    changes = _bank(meeting, now)
    changes["current"] = index
    changes["running_since"] = None if paused else now
    return tx.save(meeting, **changes)


def next_section(tx: Transaction, meeting_id: str, now: datetime, *, driver: str = ANYONE, step: int = 1) -> Meeting:
    meeting = _driven(tx, meeting_id, driver)
    target = meeting.current + step
    if not 0 <= target < len(meeting.sections):
        where = "last" if step > 0 else "first"
        raise InputError(f"{meeting.sections[meeting.current].name} is the {where} section")
    return go_to_section(tx, meeting_id, target, now, driver=driver)


def set_paused(tx: Transaction, meeting_id: str, paused: bool, now: datetime, *, driver: str = ANYONE) -> Meeting:
    """Pause (bank the running time) or resume (start the clock from now)."""
    meeting = _driven(tx, meeting_id, driver)
    if paused == meeting.paused:
        return meeting
    if paused:
        return tx.save(meeting, **_bank(meeting, now))
    changes: dict[str, object] = {"running_since": now}
    if meeting.ids_current is not None:
        changes["ids_since"] = now
    return tx.save(meeting, **changes)


# Who is here, and what they said ------------------------------------------------


def set_attendance(tx: Transaction, meeting_id: str, person: str, present: bool) -> Meeting:
    """Mark someone present or absent; both are kept in the minutes."""
    meeting = _running(tx, meeting_id)
    person_id = tx.find_person(person).id
    attendees = [p for p in meeting.attendee_ids if p != person_id]
    absent = [p for p in meeting.absent_ids if p != person_id]
    (attendees if present else absent).append(person_id)
    return tx.save(meeting, attendee_ids=attendees, absent_ids=absent)


def set_segue(tx: Transaction, meeting_id: str, person: str, text: str) -> Meeting:
    """Someone's good news for the Segue; typing more replaces their line."""
    meeting = _running(tx, meeting_id)
    person_id = tx.find_person(person).id
    lines = [line for line in meeting.segue if line.person_id != person_id]
    if text.strip():
        lines.append(SegueLine(person_id=person_id, text=text))
    order = {pid: n for n, pid in enumerate(meeting.attendee_ids + meeting.absent_ids)}
    lines.sort(key=lambda line: order.get(line.person_id, len(order)))
    return tx.save(meeting, segue=lines)


def set_section_notes(tx: Transaction, meeting_id: str, index: int, text: str) -> Meeting:
    """The free notes of a section (an alignment check, the week's plan), as typed so far."""
    meeting = _running(tx, meeting_id)
    if not 0 <= index < len(meeting.sections):
        raise InputError(f"section: {index + 1} is not on this agenda (1-{len(meeting.sections)})")
    sections = [s.model_copy() for s in meeting.sections]
    sections[index].notes = text
    return tx.save(meeting, sections=sections)


# IDS ---------------------------------------------------------------------------


def _work(meeting: Meeting, issue_id: str) -> IdsWork:
    for work in meeting.ids_work:
        if work.issue_id == issue_id:
            return work
    return IdsWork(issue_id=issue_id)


def _with_work(meeting: Meeting, work: IdsWork) -> list[IdsWork]:
    """The meeting's IDS work with ``work`` in its issue's place (added at the end if the issue is new)."""
    if any(w.issue_id == work.issue_id for w in meeting.ids_work):
        return [work if w.issue_id == work.issue_id else w for w in meeting.ids_work]
    return [*meeting.ids_work, work]


def work_on_issue(tx: Transaction, meeting_id: str, issue_id: str, now: datetime, *, driver: str = ANYONE) -> Meeting:
    """IDS turns to one issue: its own clock starts (the previous issue's stops)."""
    meeting = _driven(tx, meeting_id, driver)
    issue = tx.issue(issue_id.strip().upper())
    if meeting.ids_current == issue.id:
        return meeting
    changes = _bank(meeting, now) if not meeting.paused else {}
    merged = meeting.model_copy(update=changes)
    work = _work(merged, issue.id)
    changes["ids_work"] = _with_work(merged, work)
    changes["ids_current"] = issue.id
    changes["ids_since"] = None if meeting.paused else now
    if not meeting.paused:
        changes["running_since"] = now
    return tx.save(meeting, **changes)


def set_ids_notes(
    tx: Transaction, meeting_id: str, issue_id: str, *, identify: str | None = None, discuss: str | None = None
) -> Meeting:
    """The notes typed while identifying and discussing an issue (kept as typed, saved as typed)."""
    meeting = _running(tx, meeting_id)
    issue = tx.issue(issue_id.strip().upper())
    work = _work(meeting, issue.id)
    update: dict[str, object] = {}
    if identify is not None:
        update["identify"] = identify
    if discuss is not None:
        update["discuss"] = discuss
    return tx.save(meeting, ids_work=_with_work(meeting, work.model_copy(update=update)))


def _close_work(tx: Transaction, meeting: Meeting, issue_id: str, outcome: IdsOutcome, now: datetime) -> Meeting:
    changes = _bank(meeting, now) if meeting.ids_current == issue_id and not meeting.paused else {}
    merged = meeting.model_copy(update=changes)
    work = _work(merged, issue_id).model_copy(update={"outcome": outcome})
    changes["ids_work"] = _with_work(merged, work)
    if meeting.ids_current == issue_id:
        changes["ids_current"] = None
        changes["ids_since"] = None
        if not meeting.paused:
            changes["running_since"] = now
    return tx.save(meeting, **changes)


def solve_in_meeting(
    tx: Transaction,
    meeting_id: str,
    issue_id: str,
    decision: str,
    now: datetime,
    todos: list[tuple[str, str]] | None = None,
) -> tuple[Issue, list[Todo]]:
    """Solve an issue in IDS: the decision, its to-dos (due in 7 days) and the identify notes as root cause."""
    meeting = _running(tx, meeting_id)
    issue_key = issue_id.strip().upper()
    work = _work(meeting, issue_key)
    solved, created = solve_issue(tx, issue_key, decision, now.date(), todos or [], root_cause=work.identify)
    meeting = _close_work(tx, tx.meeting(meeting.id), solved.id, IdsOutcome.SOLVED, now)
    tx.save(meeting, new_todo_ids=[*meeting.new_todo_ids, *(t.id for t in created)])
    return solved, created


def set_issue_outcome(tx: Transaction, meeting_id: str, issue_id: str, outcome: str, now: datetime) -> Issue:
    """Move an issue to the long-term list or drop it, from IDS."""
    meeting = _running(tx, meeting_id)
    wanted = choice(IdsOutcome, outcome, "outcome")
    key = issue_id.strip().upper()
    if wanted is IdsOutcome.LONG_TERM:
        issue = move_issue(tx, key, "long")
    elif wanted is IdsOutcome.DROPPED:
        issue = drop_issue(tx, key, now.date())
    else:
        raise InputError("outcome: solve an issue with its decision (`s`), or move it to long-term, or drop it")
    _close_work(tx, meeting, issue.id, wanted, now)
    return issue


# Conclude ------------------------------------------------------------------------


def add_cascade(tx: Transaction, meeting_id: str, text: str, teams: list[str]) -> Meeting:
    """A message to cascade; ``teams`` names the teams whose next Headlines show it."""
    meeting = _running(tx, meeting_id)
    team_ids = [tx.find_team(name).id for name in teams]
    return tx.save(meeting, cascading=[*meeting.cascading, Cascade(text=text, team_ids=team_ids)])


def remove_cascade(tx: Transaction, meeting_id: str, index: int) -> Meeting:
    meeting = _running(tx, meeting_id)
    if not 0 <= index < len(meeting.cascading):
        raise InputError(f"cascade: there is no message {index + 1}")
    return tx.save(meeting, cascading=[c for n, c in enumerate(meeting.cascading) if n != index])


def rate_meeting(tx: Transaction, meeting_id: str, person: str, score: int, why: str = "") -> Meeting:
    """An attendee's rating 1-10; under 8 it needs a one-line why. Rating again replaces it."""
    meeting = _running(tx, meeting_id)
    if not meeting.ratings_on:
        raise InputError(f"{meeting.id}: this agenda has no ratings")
    person_id = tx.find_person(person).id
    if not 1 <= score <= 10:
        raise InputError(f"rating: {score} is not 1-10")
    if score < GOOD_RATING and not why.strip():
        raise InputError(f"why: a rating under {GOOD_RATING} needs a one-line why")
    ratings = [r for r in meeting.ratings if r.person_id != person_id]
    ratings.append(Rating(person_id=person_id, score=score, why=why.strip()))
    changes: dict[str, object] = {"ratings": ratings}
    if person_id not in meeting.attendee_ids:
        changes["attendee_ids"] = [*meeting.attendee_ids, person_id]
        changes["absent_ids"] = [p for p in meeting.absent_ids if p != person_id]
    return tx.save(meeting, **changes)


def carry_over_todo(tx: Transaction, todo_id: str, today: date) -> Todo:
    """A to-do not done this week stays on the list, due a week from today."""
    todo = tx.todo(todo_id.strip().upper())
    if todo.done:
        raise InputError(f"{todo.id} is done; nothing to carry over")
    return tx.save(todo, due=max(todo.due, today) + timedelta(days=TODO_DAYS))


# Ending ---------------------------------------------------------------------------


def meeting_headlines(view: View, meeting: Meeting) -> list[Headline]:
    """The headlines the meeting read: the team's, since its previous meeting, and any added during it."""
    since = review_window(view, meeting)
    day = (meeting.ended_at or meeting.started_at).date()
    after = meeting.counters_at_start.get(Kind.HEADLINE.value)
    found = []
    for headline in view.headlines:
        if not view.in_team(meeting.team_id, headline.team_id, headline.by_id):
            continue
        added_during = after is not None and _number(headline.id) > after
        if added_during or since <= headline.created <= day:
            found.append(headline)
    return found


def minutes_names(view: View) -> dict[str, str]:
    """What the minutes call each id they mention: people and teams by name, issues and to-dos by title."""
    names: dict[str, str] = {}
    for records in (view.people, view.teams):
        names.update((record.id, record.name) for record in records)
    for items in (view.issues, view.todos):
        names.update((item.id, item.title) for item in items)
    return names


def minutes_text(view: View, meeting: Meeting, now: datetime) -> str:
    """The meeting's minutes as Markdown: what ``cadence meeting export`` prints and the app shows and saves."""
    return minutes_markdown(meeting, minutes_names(view), view.team_name(meeting.team_id), now)


def scorecard_week(view: View, meeting: Meeting) -> date:
    """The week a meeting's Scorecard reviews: the last full week before the meeting's own.

    Numbers are reported for the week just ended; on a Tuesday the week in
    progress has none yet, and showing it would put a row of blanks where the
    team expects last week's reds and greens.
    """
    return view.week_of(meeting.started_at.date()) - timedelta(days=7)


def freeze_minutes(view: View, meeting: Meeting) -> Minutes:
    """What the meeting saw and decided, as it stands in ``view`` (``end_meeting`` stores it)."""
    week = scorecard_week(view, meeting)
    numbers = []
    for measurable in active_measurables(view.measurables):
        if not view.in_team(meeting.team_id, measurable.team_id, measurable.owner_id):
            continue
        if measurable.frequency is not Frequency.WEEKLY:  # the minutes keep the week's numbers
            continue
        goal = measurable.goal_for_week(week)
        score = view.score_for(measurable.id, week)
        numbers.append(
            MinutesNumber(
                measurable_id=measurable.id,
                title=measurable.title,
                owner=view.person_name(measurable.owner_id),
                goal=goal_text(goal, measurable.unit),
                value=format_value(score.value, measurable.unit) if score else "",
                on_goal=goal.is_met(score.value) if score else None,
            )
        )
    quarter = str(view.quarter_of(meeting.started_at.date()))
    rocks = [
        MinutesRock(rock_id=r.id, title=r.title, owner=view.person_name(r.owner_id), status=r.status.value)
        for r in view.rocks
        if r.quarter == quarter and view.in_team(meeting.team_id, r.team_id, r.owner_id)
    ]

    headlines = [
        MinutesHeadline(
            headline_id=h.id,
            text=h.text,
            kind=h.headline_kind.value,
            by=view.person_name(h.by_id),
            good=h.good,
            dropped_to=h.dropped_to,
        )
        for h in meeting_headlines(view, meeting)
    ]

    def todo_line(todo: Todo) -> MinutesTodo:
        return MinutesTodo(
            todo_id=todo.id, title=todo.title, owner=view.person_name(todo.owner_id), due=todo.due, done=todo.done
        )

    issues = []
    for work in meeting.ids_work:
        if work.outcome is IdsOutcome.OPEN:
            continue
        issue = view.issue(work.issue_id)
        sources = (issue.id, f"issue {issue.id}")
        made = [t.id for t in view.todos if t.source in sources and t.id in meeting.new_todo_ids]
        issues.append(
            MinutesIssue(
                issue_id=issue.id, title=issue.title, outcome=work.outcome, decision=issue.decision, todo_ids=made
            )
        )
    return Minutes(
        week=week,
        attendees=[view.person_name(p) for p in meeting.attendee_ids],
        absent=[view.person_name(p) for p in meeting.absent_ids],
        scorecard=numbers,
        rocks=rocks,
        headlines=headlines,
        todos_reviewed=[todo_line(t) for t in review_todos(view, meeting)],
        issues=issues,
        new_todos=[todo_line(t) for t in new_todos(view, meeting)],
        raised_issue_ids=[i.id for i in raised_issues(view, meeting)],
        quarter_closed=quarter_closed_at(view, meeting),
    )


def quarter_closed_at(view: View, meeting: Meeting) -> MinutesQuarterClose | None:
    """The close this meeting made as it ended (``quarters.close_quarter`` with its id, in the same write)."""
    closing = next((item for item in view.meta.closed_quarters if item.meeting_id == meeting.id), None)
    if closing is None:
        return None
    return MinutesQuarterClose(
        quarter=closing.quarter, done=closing.done, not_done=closing.not_done, carried=closing.carried
    )


def end_meeting(tx: Transaction, meeting_id: str, now: datetime, *, driver: str = ANYONE) -> Meeting:
    """End the meeting: stop the clocks, freeze the minutes, send cascading messages to their teams' Headlines."""
    meeting = _driven(tx, meeting_id, driver)
    changes = _bank(meeting, now) if not meeting.paused else {}
    stopped = meeting.model_copy(update=changes)
    new = new_todos(tx, stopped)
    changes["new_todo_ids"] = list(dict.fromkeys([*meeting.new_todo_ids, *(t.id for t in new)]))
    stopped = stopped.model_copy(update={"new_todo_ids": changes["new_todo_ids"]})
    changes["minutes"] = freeze_minutes(tx, stopped)
    changes["ended_at"] = now
    changes["running_since"] = None
    changes["ids_current"] = None
    changes["ids_since"] = None
    for cascade in meeting.cascading:
        for team_id in cascade.team_ids:
            tx.add(
                Headline,
                text=cascade.text,
                headline_kind=HeadlineKind.CASCADE,
                by_id=None,
                team_id=team_id,
                good=True,
                created=now.date(),
            )
    return tx.save(meeting, **changes)


# A team's rhythm --------------------------------------------------------------------

DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def set_team_meeting(
    tx: Transaction,
    team: str,
    *,
    day: str | None = None,
    at: str | None = None,
    agenda: str | None = None,
    known_agendas: list[str] | None = None,
) -> Team:
    """A team's meeting day, time and agenda template; a field left ``None`` keeps its value."""
    record = tx.find_team(team)
    changes: dict[str, object] = {}
    if day is not None:
        matches = [n for n, name in enumerate(DAY_NAMES) if name.startswith(day.strip().lower()[:3])]
        if not day.strip() or len(matches) != 1:
            raise InputError(f"day: {day!r} is not a day of the week (like Tuesday or tue)")
        changes["meeting_day"] = matches[0]
    if at is not None:
        try:
            changes["meeting_time"] = time.fromisoformat(at.strip())
        except ValueError:
            raise InputError(f"time: {at!r} is not a time of day (like 09:00)") from None
    if agenda is not None:
        if known_agendas is not None and agenda not in known_agendas:
            raise InputError(f"agenda: no template {agenda!r} (known: {', '.join(sorted(known_agendas))})")
        changes["agenda"] = agenda
    return tx.save(record, **changes) if changes else record


def team_slot(view: View, team: Team | None) -> tuple[int, time]:
    """The team's meeting day (0 = Monday) and time, else the workspace's."""
    day = team.meeting_day if team and team.meeting_day is not None else view.meta.meeting_day
    at = team.meeting_time if team and team.meeting_time is not None else view.meta.meeting_time
    return day, at


def next_meeting_at(view: View, team: Team | None, now: datetime) -> datetime:
    """The next time the team meets (today's slot counts until it is an hour past)."""
    day, at = team_slot(view, team)
    for ahead in range(8):
        candidate = datetime.combine(now.date() + timedelta(days=ahead), at)
        if candidate.weekday() == day and candidate + timedelta(hours=1) > now:
            return candidate
    return datetime.combine(now.date() + timedelta(days=7), at)  # pragma: no cover - the loop always finds one


_minutes = freeze_minutes
"""The old private name, kept for callers written before ``freeze_minutes`` was public."""

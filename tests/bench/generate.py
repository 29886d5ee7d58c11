"""Build the org-scale workspace of issue 13 through the store's public API, deterministically from a seed.

Run: ``python -m tests.bench.generate OUT [--scale N] [--seed S] [--no-archive]``.

Ten teams of eight people, each with twelve weekly measurables, and
``260 x scale`` weeks of history ending at ``TODAY`` (2026-11-30, pinned
through ``CADENCE_TODAY`` so the figures are reproducible): a score per
measurable per week, about two issues, eight to-dos and two headlines per team
per week, fourteen rocks (with milestones) per team per quarter, and one ended
weekly meeting per team per week with its minutes, segue, IDS notes and
ratings. At scale 1: 31,200 scores, ~2,940 rocks, ~5,000 issues, ~20,000
to-dos, ~5,000 headlines, 2,600 meetings.

Everything goes through ``Workspace.create`` and ONE ``workspace.transaction()``:
people and teams through ``cadence.store.actions``, the bulk history through
``tx.add`` (which validates every record as the actions would). Past meetings
are added whole (ended, with minutes) rather than started and ended through
``actions.meetings``: ``end_meeting`` freezes minutes by scanning the whole
workspace, which is exactly the cost the benchmark measures elsewhere.
Unless ``--no-archive``, closed history is then moved to archive files with
``Workspace.archive`` (when the store has it): a five-year-old team has closed
its quarters.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

from tests.bench import prose

TODAY = date(2026, 11, 30)  # a Monday: the current week starts today
TEAMS = 10
PEOPLE_PER_TEAM = 8
MEASURABLES_PER_TEAM = 12
ROCKS_PER_TEAM_QUARTER = 14
WEEKS_AT_SCALE_1 = 260
COMPANY = "Northwind Components Ltd."


@dataclass
class Org:
    """Ids the generator hands out as it goes, so later records can point at earlier ones."""

    people: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    teams: list[str] = field(default_factory=list)
    members: dict[str, list[str]] = field(default_factory=dict)
    measurables: dict[str, list[tuple[str, str, str, float]]] = field(default_factory=dict)  # id, title, owner, goal
    rocks: dict[tuple[str, str], list[tuple[str, str, str]]] = field(default_factory=dict)  # (team, quarter)
    open_todos: dict[str, list[tuple[str, str, str, date]]] = field(default_factory=dict)
    milestone_counter: int = 0


def quarter_of(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarter_end(label: str) -> date:
    year, q = int(label[:4]), int(label[-1])
    return date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1) - timedelta(days=1)


def build(out: Path, scale: float, seed: int, full_minutes: bool = False) -> Counter[str]:
    """Create the workspace at ``out``; returns how many records of each kind were added.

    ``full_minutes``: freeze the week's numbers, rocks and reviewed to-dos into each past meeting's
    minutes as ``end_meeting`` does (about 15 KB a meeting, a 58 MB file at scale 1); by default the
    minutes keep attendees, headlines, IDS decisions and new to-dos, which gives the issue's ~24 MB file.
    """
    from cadence.domain.goals import Comparator, Goal
    from cadence.domain.meeting_parts import (
        IdsOutcome,
        IdsWork,
        Minutes,
        MinutesHeadline,
        MinutesIssue,
        MinutesNumber,
        MinutesRock,
        MinutesTodo,
        Rating,
        SegueLine,
    )
    from cadence.domain.models import (
        Headline,
        HeadlineKind,
        Issue,
        IssueStatus,
        IssueTerm,
        Measurable,
        Meeting,
        MeetingKind,
        Milestone,
        Rock,
        RockStatus,
        Score,
        Todo,
    )
    from cadence.store import Workspace, clock_from_environment
    from cadence.store.actions import meetings as meeting_actions
    from cadence.store.actions import people as people_actions
    from cadence.store.agendas import load_agendas

    rng = random.Random(seed)
    counts: Counter[str] = Counter()
    weeks = max(1, round(WEEKS_AT_SCALE_1 * scale))
    week_starts = [TODAY - timedelta(weeks=weeks - 1 - n) for n in range(weeks)]
    template = load_agendas().get("weekly")
    org = Org()
    workspace = Workspace.create(out, company=COMPANY, clock=clock_from_environment())
    with workspace.transaction() as tx:
        for t in range(TEAMS):
            team = people_actions.add_team(tx, prose.TEAM_NAMES[t], leadership=t == 0)
            meeting_actions.set_team_meeting(
                tx, team.id, day=("mon", "tue", "wed", "thu", "fri")[t % 5], at=f"{9 + t % 6:02d}:00"
            )
            org.teams.append(team.id)
            org.members[team.id] = []
        for p in range(TEAMS * PEOPLE_PER_TEAM):
            role = "visionary" if p == 0 else "integrator" if p == 1 else "member"
            team_id = org.teams[p // PEOPLE_PER_TEAM]
            person = people_actions.add_person(tx, prose.person_name(p), role=role, team=team_id)
            org.people.append(person.id)
            org.names[person.id] = person.name
            org.members[team_id].append(person.id)
        counts["people"], counts["teams"] = len(org.people), len(org.teams)
        for team_id in org.teams:
            org.measurables[team_id] = []
            for order in range(MEASURABLES_PER_TEAM):
                goal = float(rng.choice((5, 10, 20, 40, 90, 95, 1000, 25000)))
                owner = rng.choice(org.members[team_id])
                title = f"{rng.choice(prose.WORDS).capitalize()} {rng.choice(prose.WORDS)} per week"
                measurable = tx.add(
                    Measurable,
                    title=title,
                    owner_id=owner,
                    team_id=team_id,
                    order=order,
                    goal=Goal(comparator=Comparator.AT_LEAST, value=goal),
                )
                org.measurables[team_id].append((measurable.id, title, owner, goal))
                counts["measurables"] += 1

        def add_rocks(team_id: str, quarter: str, created: date) -> None:
            end = quarter_end(quarter)
            past = end < TODAY
            listed = org.rocks[(team_id, quarter)] = []
            for _ in range(ROCKS_PER_TEAM_QUARTER):
                milestones = []
                for m in range(rng.randint(2, 4)):
                    org.milestone_counter += 1
                    milestones.append(
                        Milestone(
                            id=f"MS-{org.milestone_counter}",
                            title=prose.action_title(rng),
                            due=created + timedelta(days=20 * (m + 1)),
                            done=past or rng.random() < 0.4,
                        )
                    )
                status = (
                    rng.choice((RockStatus.DONE, RockStatus.DONE, RockStatus.DONE, RockStatus.NOT_DONE))
                    if past
                    else rng.choice((RockStatus.ON_TRACK, RockStatus.ON_TRACK, RockStatus.OFF_TRACK))
                )
                rock = tx.add(
                    Rock,
                    title=prose.rock_title(rng),
                    owner_id=rng.choice(org.members[team_id]),
                    quarter=quarter,
                    company=team_id == org.teams[0] and rng.random() < 0.3,
                    team_id=team_id,
                    status=status,
                    due=end,
                    description=prose.paragraph(rng, 0, 2),
                    milestones=milestones,
                    created=created,
                )
                listed.append((rock.id, rock.title, rock.owner_id))
                counts["rocks"] += 1
                counts["milestones"] += len(milestones)

        for week in week_starts:
            current = week == week_starts[-1]
            quarter = quarter_of(week)
            for t, team_id in enumerate(org.teams):
                members = org.members[team_id]
                if (team_id, quarter) not in org.rocks:
                    add_rocks(team_id, quarter, week)
                numbers = []
                for measurable_id, title, owner, goal in org.measurables[team_id]:
                    value = round(goal * rng.uniform(0.7, 1.3), 1)
                    note = prose.sentence(rng, 4, 10) if rng.random() < 0.05 else ""
                    tx.add(Score, measurable_id=measurable_id, week=week, value=value, note=note)
                    counts["scores"] += 1
                    numbers.append(
                        MinutesNumber(
                            measurable_id=measurable_id,
                            title=title,
                            owner=org.names[owner],
                            goal=f">= {goal:g}",
                            value=f"{value:g}",
                            on_goal=value >= goal,
                        )
                    )
                meeting_at = datetime.combine(week + timedelta(days=t % 5), clock_time(9 + t % 6))
                headlines = []
                for _ in range(rng.choice((1, 2, 2, 3))):
                    by = rng.choice(members)
                    headline = tx.add(
                        Headline,
                        text=prose.headline_text(rng),
                        headline_kind=rng.choice((HeadlineKind.CUSTOMER, HeadlineKind.EMPLOYEE)),
                        by_id=by,
                        team_id=team_id,
                        good=rng.random() < 0.7,
                        created=week,
                    )
                    counts["headlines"] += 1
                    headlines.append(
                        MinutesHeadline(
                            headline_id=headline.id,
                            text=headline.text,
                            kind=headline.headline_kind.value,
                            by=org.names[by],
                            good=headline.good,
                        )
                    )
                reviewed = [
                    MinutesTodo(todo_id=i, title=title, owner=org.names[o], due=due, done=rng.random() < 0.85)
                    for i, title, o, due in org.open_todos.get(team_id, [])
                ]
                issues, ids_work, new_todos, minutes_issues = [], [], [], []
                for _ in range(rng.choice((1, 2, 2, 3))):
                    owner = rng.choice(members)
                    solved = not current and rng.random() < 0.8
                    long_term = not solved and rng.random() < 0.3
                    issue = tx.add(
                        Issue,
                        title=prose.issue_title(rng),
                        owner_id=owner,
                        team_id=team_id,
                        term=IssueTerm.LONG if long_term else IssueTerm.SHORT,
                        status=IssueStatus.SOLVED if solved else IssueStatus.OPEN,
                        description=prose.paragraph(rng, 0, 2),
                        root_cause=prose.sentence(rng) if solved else "",
                        decision=prose.sentence(rng, 8, 20) if solved else "",
                        source="",
                        created=week - timedelta(days=rng.randint(0, 6)),
                        closed=meeting_at.date() if solved else None,
                    )
                    counts["issues"] += 1
                    issues.append(issue)
                    if solved:
                        made = []
                        for _ in range(rng.choice((1, 2, 2, 3))):
                            todo = tx.add(
                                Todo,
                                title=prose.action_title(rng),
                                owner_id=rng.choice(members),
                                team_id=team_id,
                                due=meeting_at.date() + timedelta(days=7),
                                done=not current,
                                done_on=meeting_at.date() + timedelta(days=rng.randint(1, 7)) if not current else None,
                                source=f"issue {issue.id}",
                                created=meeting_at.date(),
                                details=prose.sentence(rng) if rng.random() < 0.2 else "",
                            )
                            counts["todos"] += 1
                            made.append(todo.id)
                            new_todos.append(todo)
                        ids_work.append(
                            IdsWork(
                                issue_id=issue.id,
                                identify=prose.sentence(rng),
                                discuss=prose.sentence(rng),
                                seconds=float(rng.randint(120, 1500)),
                                outcome=IdsOutcome.SOLVED,
                            )
                        )
                        minutes_issues.append(
                            MinutesIssue(
                                issue_id=issue.id,
                                title=issue.title,
                                outcome=IdsOutcome.SOLVED,
                                decision=issue.decision,
                                todo_ids=made,
                            )
                        )
                while len(new_todos) < 7 or rng.random() < 0.4:  # the rest of the week's to-dos
                    todo = tx.add(
                        Todo,
                        title=prose.action_title(rng),
                        owner_id=rng.choice(members),
                        team_id=team_id,
                        due=meeting_at.date() + timedelta(days=7),
                        done=not current,
                        done_on=meeting_at.date() + timedelta(days=rng.randint(1, 7)) if not current else None,
                        created=meeting_at.date(),
                    )
                    counts["todos"] += 1
                    new_todos.append(todo)
                org.open_todos[team_id] = [(todo.id, todo.title, todo.owner_id, todo.due) for todo in new_todos]
                if current and t == 0:
                    continue  # the leadership team has not met yet this week: figure 7 starts its meeting
                sections = template.meeting_sections()
                for section in sections:
                    section.elapsed_seconds = float(section.budget_minutes * 60 + rng.randint(-90, 120))
                    if rng.random() < 0.15:
                        section.notes = prose.paragraph(rng)
                ended = meeting_at + timedelta(minutes=95)
                tx.add(
                    Meeting,
                    team_id=team_id,
                    meeting_kind=MeetingKind.WEEKLY,
                    agenda=template.id,
                    title=f"{prose.TEAM_NAMES[t]}: {template.name}",
                    started_at=meeting_at,
                    ended_at=ended,
                    sections=sections,
                    current=len(sections) - 1,
                    ratings_on=True,
                    attendee_ids=members,
                    segue=[
                        SegueLine(person_id=p, text=prose.sentence(rng, 3, 8)) for p in members if rng.random() < 0.5
                    ],
                    ids_work=ids_work,
                    ratings=[Rating(person_id=p, score=rng.randint(7, 10)) for p in members],
                    notes=prose.paragraph(rng, 0, 1),
                    new_todo_ids=[todo.id for todo in new_todos],
                    review_since=week - timedelta(days=7),
                    minutes=Minutes(
                        week=week - timedelta(days=7),
                        attendees=[org.names[p] for p in members],
                        scorecard=numbers if full_minutes else [],
                        rocks=[
                            MinutesRock(rock_id=i, title=title, owner=org.names[o], status="on-track")
                            for i, title, o in org.rocks[(team_id, quarter)]
                        ]
                        if full_minutes
                        else [],
                        headlines=headlines,
                        todos_reviewed=reviewed if full_minutes else [],
                        issues=minutes_issues,
                        new_todos=[
                            MinutesTodo(todo_id=x.id, title=x.title, owner=org.names[x.owner_id], due=x.due)
                            for x in new_todos
                        ],
                        raised_issue_ids=[issue.id for issue in issues],
                    ),
                )
                counts["meetings"] += 1
        tx.update_meta(counters={**tx.meta.counters, "milestones": org.milestone_counter})
    return counts


def file_size(path: Path) -> str:
    return f"{path.stat().st_size / 1e6:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="the workspace folder to create (must not hold a workspace yet)")
    parser.add_argument("--scale", type=float, default=1.0, help="history length: 1 = 260 weeks, 2 = 520")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--no-archive", action="store_true", help="keep all history in the live file")
    parser.add_argument(
        "--full-minutes", action="store_true", help="minutes as end_meeting freezes them (~2.5x the file)"
    )
    options = parser.parse_args(argv)
    os.environ["CADENCE_TODAY"] = TODAY.isoformat()
    from cadence.store import Workspace

    started = time.perf_counter()
    counts = build(options.out, options.scale, options.seed, full_minutes=options.full_minutes)
    built = time.perf_counter() - started
    live = options.out / "cadence.json"
    print(f"built {live} in {built:.1f} s (seed {options.seed}, scale {options.scale:g}): {file_size(live)}")
    print("  " + ", ".join(f"{count:,} {kind}" for kind, count in counts.items()))
    if not options.no_archive and hasattr(Workspace, "archive"):
        started = time.perf_counter()
        report = Workspace(options.out).archive(as_of=TODAY)
        moved = getattr(report, "moved", {})
        records = sum(sum(counts.values()) for counts in moved.values())
        print(f"archived in {time.perf_counter() - started:.1f} s: {records:,} records into {len(moved)} archive files")
        print(f"  live {file_size(live)}")
        for path in sorted((options.out / "archive").glob("*.json")):
            print(f"  {path.relative_to(options.out)} {file_size(path)}")
    elif not options.no_archive:
        print("  (this store has no Workspace.archive: all history stays in the live file)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Checks across records that no single model can make: does every owner exist, one score a week...

``cadence check`` reports these; the file itself is already known to parse and
validate by the time they run.
"""

from __future__ import annotations

from collections import Counter

from cadence.domain.accountability import loop_text, parent_loops
from cadence.domain.ids import Kind
from cadence.domain.models import Conversation, Frequency, PeopleRating, Role
from cadence.domain.scorecard import period_noun
from cadence.store.view import View


def find_problems(view: View) -> list[str]:
    people = {person.id for person in view.people}
    teams = {team.id for team in view.teams}
    measurables = {measurable.id for measurable in view.measurables}
    problems: list[str] = []

    def need(record_id: str, field: str, value: str | None, known: set[str], what: str) -> None:
        if value is not None and value not in known:
            problems.append(f"{record_id}: {field} {value} is not a known {what}")

    problems.extend(seat_problems(view))
    for team in view.teams:
        for member in team.member_ids:
            need(team.id, "member", member, people, "person")
    milestone_rocks: dict[str, list[str]] = {}
    for rock in view.rocks:
        for milestone in rock.milestones:
            milestone_rocks.setdefault(milestone.id, []).append(rock.id)
    for milestone_id, rock_ids in sorted(milestone_rocks.items()):
        if len(rock_ids) > 1:
            problems.append(f"{milestone_id}: milestone id used by {len(rock_ids)} rocks ({', '.join(rock_ids)})")
    for rock in view.rocks:
        need(rock.id, "owner", rock.owner_id, people, "person")
        need(rock.id, "team", rock.team_id, teams, "team")
    for measurable in view.measurables:
        need(measurable.id, "owner", measurable.owner_id, people, "person")
        need(measurable.id, "team", measurable.team_id, teams, "team")
    frequencies = {measurable.id: measurable.frequency for measurable in view.measurables}
    for score in view.scores:
        need(score.id, "measurable", score.measurable_id, measurables, "measurable")
        frequency = frequencies.get(score.measurable_id, Frequency.WEEKLY)
        if score.week != view.period_start(frequency, score.week):
            noun = period_noun(frequency)
            problems.append(f"{score.id}: {noun} {score.week} is not a {noun} start")
    weekly = Counter((score.measurable_id, score.week) for score in view.scores)
    for (measurable_id, week), count in sorted(weekly.items()):
        if count > 1:
            problems.append(f"{measurable_id}: {count} scores for the week of {week}")
    for issue in view.issues:
        need(issue.id, "owner", issue.owner_id, people, "person")
        need(issue.id, "team", issue.team_id, teams, "team")
    for todo in view.todos:
        need(todo.id, "owner", todo.owner_id, people, "person")
        need(todo.id, "team", todo.team_id, teams, "team")
    for headline in view.headlines:
        need(headline.id, "by", headline.by_id, people, "person")
    for meeting in view.meetings:
        need(meeting.id, "team", meeting.team_id, teams, "team")
        for rating in meeting.ratings:
            need(meeting.id, "rating by", rating.person_id, people, "person")
    for seat in view.seats:
        for person in seat.person_ids:
            need(seat.id, "person", person, people, "person")
        need(seat.id, "parent", seat.parent_id, {s.id for s in view.seats}, "seat")
    for loop in parent_loops(view.seats):
        problems.append(
            f"{loop[0].id}: a loop of seat parents: {loop_text(loop)} "
            f"(cadence seat move {loop[0].id} --top, or --under another seat, breaks it)"
        )
    # The People analyzer: one rating and one conversation per person per quarter, for a known person.
    analyzer_records: list[PeopleRating | Conversation] = [*view.all_of(PeopleRating), *view.all_of(Conversation)]
    for record in analyzer_records:
        need(record.id, "person", record.person_id, people, "person")
    twice = Counter((record.kind.label, record.person_id, record.quarter) for record in analyzer_records)
    for (label, person_id, quarter), count in sorted(twice.items()):
        if count > 1:
            problems.append(f"{person_id}: {count} {label}s for {quarter}")
    return problems


def seat_problems(view: View) -> list[str]:
    """One Visionary and one Integrator per workspace, and neither seat held by someone inactive."""
    found = []
    for role in (Role.VISIONARY, Role.INTEGRATOR):
        holders = [person for person in view.people if person.role is role]
        word = role.value.capitalize()
        if len(holders) > 1:
            names = ", ".join(f"{person.id} {person.name}" for person in holders)
            found.append(
                f"{holders[1].id}: {len(holders)} people are the {word} ({names}); there is one per workspace "
                f"(cadence person role NAME member)"
            )
        for person in holders:
            if not person.active:
                found.append(f"{person.id}: {person.name} is inactive but still the {word}")
    return found


def record_count(view: View) -> int:
    return sum(len(view.records(kind)) for kind in Kind)

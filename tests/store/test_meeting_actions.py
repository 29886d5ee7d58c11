"""The meeting's store actions: clocks that survive, who may drive, IDS outcomes, ending with minutes.

Each test writes through ``Workspace.transaction()`` at explicit moments and
reads the file back (``raw``) or through a fresh snapshot, never the objects
the actions returned.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from cadence.domain.meeting_clock import issue_seconds, section_seconds, total_seconds
from cadence.domain.models import SCHEMA_VERSION, Meeting
from cadence.store import Workspace, actions
from cadence.store.actions import meetings
from cadence.store.agendas import load_agendas
from cadence.store.errors import InputError
from store_helpers import file_state, raw, write_raw

T0 = datetime(2026, 3, 3, 9, 0)  # a Tuesday


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


@pytest.fixture
def team(workspace: Workspace) -> Workspace:
    """Acme's leadership team (Ann, Bob, Cy) and a Sales team (Dee); an issue each for IDS."""
    with workspace.transaction() as tx:
        actions.add_team(tx, "Leadership", leadership=True)
        actions.add_team(tx, "Sales")
        for name in ("Ann", "Bob", "Cy"):
            actions.add_person(tx, name, team="Leadership")
        actions.add_person(tx, "Dee", team="Sales")
        actions.add_issue(tx, "Cash is tight", T0.date(), owner="Ann", team="Leadership")
        actions.add_issue(tx, "Hiring is slow", T0.date(), owner="Bob", team="Leadership")
    return workspace


def start(workspace: Workspace, minutes: float = 0, driver: str = "ann@host:1") -> str:
    with workspace.transaction() as tx:
        return meetings.start_meeting(
            tx, load_agendas().get("weekly"), at(minutes), team="Leadership", driver=driver
        ).id


def stored(workspace: Workspace, meeting_id: str) -> Meeting:
    return workspace.read().meeting(meeting_id)


def write(workspace: Workspace, change: Any) -> Any:
    with workspace.transaction() as tx:
        return change(tx)


def test_clock_with_pauses_across_section_changes(team: Workspace) -> None:
    mid = start(team)
    write(team, lambda tx: meetings.next_section(tx, mid, at(6)))  # Segue: 6 minutes
    write(team, lambda tx: meetings.set_paused(tx, mid, True, at(8)))
    write(team, lambda tx: meetings.next_section(tx, mid, at(20)))  # moved while paused: still paused
    assert stored(team, mid).paused
    write(team, lambda tx: meetings.set_paused(tx, mid, False, at(30)))
    write(team, lambda tx: meetings.next_section(tx, mid, at(33), step=-1))  # back to Scorecard

    meeting = stored(team, mid)
    spent = [round(section_seconds(meeting, n, at(35))) for n in range(len(meeting.sections))]
    assert spent[:3] == [360, 120 + 120, 180], "Scorecard: 2 before the pause, 2 since coming back"
    assert round(total_seconds(meeting, at(35))) == (6 + 2 + 3 + 2) * 60
    data = raw(team)["meetings"]
    (record,) = [r for r in data.values() if r["id"] == mid]
    assert record["current"] == 1 and record["running_since"] == at(33).isoformat()


def test_driver_refusal_and_take_over(team: Workspace) -> None:
    mid = start(team, driver="ann@host:1")
    before = file_state(team)

    with pytest.raises(InputError, match="driven by ann@host:1; take over"):
        write(team, lambda tx: meetings.next_section(tx, mid, at(1), driver="bob@host:2"))
    with pytest.raises(InputError, match="take over"):
        write(team, lambda tx: meetings.set_paused(tx, mid, True, at(1), driver="bob@host:2"))
    assert file_state(team).payload == before.payload

    _, previous = write(team, lambda tx: meetings.take_over(tx, mid, "bob@host:2"))
    assert previous == "ann@host:1"
    write(team, lambda tx: meetings.next_section(tx, mid, at(2), driver="bob@host:2"))
    with pytest.raises(InputError, match="driven by bob@host:2"):
        write(team, lambda tx: meetings.next_section(tx, mid, at(3), driver="ann@host:1"))
    write(team, lambda tx: meetings.next_section(tx, mid, at(3)))  # the CLI (anyone) still may
    meeting = stored(team, mid)
    assert (meeting.driver, meeting.current) == ("bob@host:2", 2)


def test_start_is_refused_while_one_runs(team: Workspace) -> None:
    mid = start(team)
    before = file_state(team)

    with pytest.raises(InputError, match=f"{mid} is still running"):
        start(team, 5)

    assert file_state(team).payload == before.payload
    write(team, lambda tx: meetings.end_meeting(tx, mid, at(90)))
    assert start(team, 100) != mid


def test_attendance_is_kept_present_and_absent(team: Workspace) -> None:
    mid = start(team)
    snapshot = team.read()
    ann, bob, cy = (snapshot.find_person(n).id for n in ("Ann", "Bob", "Cy"))
    assert stored(team, mid).attendee_ids == [ann, bob, cy]

    write(team, lambda tx: meetings.set_attendance(tx, mid, "Bob", present=False))
    write(team, lambda tx: meetings.set_attendance(tx, mid, "Dee", present=True))

    meeting = stored(team, mid)
    assert meeting.attendee_ids == [ann, cy, snapshot.find_person("Dee").id]
    assert meeting.absent_ids == [bob]


def test_a_rating_under_8_needs_a_why(team: Workspace) -> None:
    mid = start(team)
    before = file_state(team)

    with pytest.raises(InputError, match="under 8 needs a one-line why"):
        write(team, lambda tx: meetings.rate_meeting(tx, mid, "Bob", 7, "  "))
    with pytest.raises(InputError, match="not 1-10"):
        write(team, lambda tx: meetings.rate_meeting(tx, mid, "Bob", 11, "x"))
    assert file_state(team).payload == before.payload

    write(team, lambda tx: meetings.rate_meeting(tx, mid, "Ann", 9))
    write(team, lambda tx: meetings.rate_meeting(tx, mid, "Bob", 7, "We ran over"))
    write(team, lambda tx: meetings.rate_meeting(tx, mid, "Ann", 10))  # again: replaces

    meeting = stored(team, mid)
    assert [(r.score, r.why) for r in meeting.ratings] == [(7, "We ran over"), (10, "")]
    assert meeting.average_rating == 8.5


def test_solve_in_meeting_records_root_cause_and_todos_due_in_7_days(team: Workspace) -> None:
    mid = start(team)
    write(team, lambda tx: meetings.go_to_section(tx, mid, 5, at(25)))
    write(team, lambda tx: meetings.work_on_issue(tx, mid, "I-1", at(26)))
    write(team, lambda tx: meetings.set_ids_notes(tx, mid, "I-1", identify="Two clients pay late", discuss="Deposits?"))
    write(
        team,
        lambda tx: meetings.solve_in_meeting(
            tx, mid, "I-1", "Take a 30% deposit", at(40), [("Update the terms", "Ann"), ("Call the clients", "Bob")]
        ),
    )

    snapshot = team.read()
    issue = snapshot.issue("I-1")
    assert (issue.status.value, issue.root_cause, issue.decision) == (
        "solved",
        "Two clients pay late",
        "Take a 30% deposit",
    )
    todos = [t for t in snapshot.todos if t.source == "I-1"]
    assert [(t.title, t.due) for t in todos] == [
        ("Update the terms", at(40).date() + timedelta(days=7)),
        ("Call the clients", at(40).date() + timedelta(days=7)),
    ]
    meeting = snapshot.meeting(mid)
    assert meeting.new_todo_ids == [t.id for t in todos]
    assert meeting.ids_current is None
    assert [(w.issue_id, w.outcome.value, w.discuss) for w in meeting.ids_work] == [("I-1", "solved", "Deposits?")]
    assert issue_seconds(meeting, "I-1", at(50)) == 14 * 60, "the issue's clock stopped when it was solved"


def test_long_term_and_drop_from_ids(team: Workspace) -> None:
    mid = start(team)
    write(team, lambda tx: meetings.work_on_issue(tx, mid, "I-1", at(30)))
    write(team, lambda tx: meetings.set_issue_outcome(tx, mid, "I-1", "long-term", at(35)))
    write(team, lambda tx: meetings.set_issue_outcome(tx, mid, "I-2", "dropped", at(36)))
    with pytest.raises(InputError, match="solve an issue with its decision"):
        write(team, lambda tx: meetings.set_issue_outcome(tx, mid, "I-2", "solved", at(37)))

    snapshot = team.read()
    assert snapshot.issue("I-1").term.value == "long"
    assert snapshot.issue("I-2").status.value == "dropped"
    outcomes = {w.issue_id: (w.outcome.value, round(w.seconds)) for w in snapshot.meeting(mid).ids_work}
    assert outcomes == {"I-1": ("long-term", 300), "I-2": ("dropped", 0)}


def test_end_freezes_minutes_and_cascades_to_target_teams(team: Workspace) -> None:
    mid = start(team)
    write(team, lambda tx: meetings.add_cascade(tx, mid, "Price list changes Monday", ["Sales", "Leadership"]))
    write(team, lambda tx: meetings.rate_meeting(tx, mid, "Ann", 9))
    write(team, lambda tx: meetings.work_on_issue(tx, mid, "I-1", at(30)))
    write(team, lambda tx: meetings.solve_in_meeting(tx, mid, "I-1", "Deposits", at(40), [("Terms", "Ann")]))
    write(team, lambda tx: actions.add_todo(tx, "Made by someone else in the meeting", "Cy", at(45).date()))
    write(team, lambda tx: meetings.end_meeting(tx, mid, at(88)))

    snapshot = team.read()
    meeting = snapshot.meeting(mid)
    assert meeting.ended_at == at(88) and meeting.running_since is None
    assert round(total_seconds(meeting, at(200))) == 88 * 60, "the clocks stopped at the end"
    minutes = meeting.minutes
    assert minutes is not None
    assert minutes.attendees == ["Ann", "Bob", "Cy"]
    assert [(i.issue_id, i.outcome.value, i.decision) for i in minutes.issues] == [("I-1", "solved", "Deposits")]
    assert [t.title for t in minutes.new_todos] == ["Terms", "Made by someone else in the meeting"]
    cascaded = [h for h in snapshot.headlines if h.headline_kind.value == "cascade"]
    teams = {h.team_id for h in cascaded}
    assert teams == {snapshot.find_team("Sales").id, snapshot.find_team("Leadership").id}
    assert all(h.text == "Price list changes Monday" and h.created == at(88).date() for h in cascaded)


def test_ending_twice_is_refused_and_changes_nothing(team: Workspace) -> None:
    mid = start(team)
    write(team, lambda tx: meetings.end_meeting(tx, mid, at(60)))
    before = file_state(team)

    with pytest.raises(InputError, match=f"{mid} has ended"):
        write(team, lambda tx: meetings.end_meeting(tx, mid, at(61)))
    with pytest.raises(InputError, match="has ended"):
        write(team, lambda tx: meetings.rate_meeting(tx, mid, "Ann", 9))

    assert file_state(team).payload == before.payload


def test_freeze_minutes_is_public_and_matches_what_end_stores(team: Workspace) -> None:
    mid = start(team)
    thanks = "A customer said thanks"
    write(team, lambda tx: actions.add_headline(tx, thanks, "customer", at(5).date(), by="Ann", team="Leadership"))
    write(team, lambda tx: meetings.end_meeting(tx, mid, at(60)))

    snapshot = team.read()
    meeting = snapshot.meeting(mid)
    assert meetings.freeze_minutes(snapshot, meeting) == meeting.minutes
    assert meeting.minutes is not None
    assert [h.text for h in meeting.minutes.headlines] == ["A customer said thanks"]


def test_migration_2_to_3_of_an_old_shaped_meeting(team: Workspace) -> None:
    mid = start(team)
    write(team, lambda tx: meetings.end_meeting(tx, mid, at(60)))
    data = raw(team)
    data["_meta"]["1"]["schema_version"] = 2
    (record,) = [r for r in data["meetings"].values() if r["id"] == mid]
    record["cascading"] = ["Old plain message"]
    for section in record["sections"]:
        del section["kind"]
    record["sections"][0]["name"] = "Check-in"  # a name the weekly agenda does not use
    write_raw(team, data)

    with team.transaction() as tx:  # the first write migrates (after a backup)
        meetings.set_team_meeting(tx, "Sales", day="thu")

    migrated = raw(team)
    assert migrated["_meta"]["1"]["schema_version"] == SCHEMA_VERSION
    (record,) = [r for r in migrated["meetings"].values() if r["id"] == mid]
    assert record["cascading"] == [{"text": "Old plain message", "team_ids": []}]
    kinds = [s["kind"] for s in record["sections"]]
    assert kinds == ["notes", "scorecard", "rocks", "headlines", "todos", "ids", "conclude"]
    assert any((team.folder / "backups").iterdir())

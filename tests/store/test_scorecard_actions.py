"""Scorecard actions against a real workspace: goal changes from a week, notes, reorder, archive."""

from __future__ import annotations

import json
from datetime import date

import pytest

from cadence.domain.goals import Comparator, Goal
from cadence.store import InputError, Workspace, actions
from cadence.store.importing import ImportOptions
from cadence.store.importing.scorecard import ScorecardImporter
from cadence.store.tables import read_text

TODAY = date(2026, 11, 25)  # a Wednesday: "this week" starts Monday 2026-11-23


@pytest.fixture
def scored(workspace: Workspace) -> Workspace:
    with workspace.transaction() as tx:
        actions.add_person(tx, "Ann")
        actions.add_measurable(tx, "Leads", "Ann", ">= 10")
        actions.add_measurable(tx, "Quotes", "Ann", ">= 20")
        actions.add_measurable(tx, "Calls", "Ann", ">= 30", aggregate="average")
        for week in ("2026-11-02", "2026-11-09", "2026-11-16"):
            actions.set_score(tx, "M-1", "12", TODAY, week=week)
    return workspace


def at_least(value: float) -> Goal:
    return Goal(comparator=Comparator.AT_LEAST, value=value)


def test_goal_change_from_a_week_keeps_past_weeks_goals(scored: Workspace) -> None:
    with scored.transaction() as tx:
        actions.change_goal(tx, "M-1", ">= 15", TODAY, "2026-11-11")  # any day names its week
    leads = scored.read().measurables[0]
    assert leads.goal == at_least(10), "the base goal is the goal before the first change; never rewritten"
    assert [(c.week, c.goal.value) for c in leads.goal_history] == [(date(2026, 11, 9), 15)]
    assert leads.goal_for_week(date(2026, 11, 2)).value == 10
    assert leads.goal_for_week(date(2026, 11, 9)).value == 15
    assert leads.goal_for_week(date(2026, 11, 23)).value == 15


def test_goal_change_defaults_to_this_week_and_appends(scored: Workspace) -> None:
    with scored.transaction() as tx:
        actions.change_goal(tx, "M-1", ">= 15", TODAY, "2026-11-09")
        actions.change_goal(tx, "M-1", ">= 18", TODAY)
    history = scored.read().measurables[0].goal_history
    assert [(c.week, c.goal.value) for c in history] == [(date(2026, 11, 9), 15), (date(2026, 11, 23), 18)]


def test_same_week_replaces_and_an_earlier_week_supersedes_later_changes(scored: Workspace) -> None:
    with scored.transaction() as tx:
        actions.change_goal(tx, "M-1", ">= 15", TODAY, "2026-11-09")
        actions.change_goal(tx, "M-1", ">= 18", TODAY, "2026-11-23")
        actions.change_goal(tx, "M-1", ">= 19", TODAY, "2026-11-23")
    assert [c.goal.value for c in scored.read().measurables[0].goal_history] == [15, 19]
    with scored.transaction() as tx:
        actions.change_goal(tx, "M-1", ">= 11", TODAY, "2026-11-16")
    history = scored.read().measurables[0].goal_history
    assert [(c.week, c.goal.value) for c in history] == [(date(2026, 11, 9), 15), (date(2026, 11, 16), 11)]


def test_bad_goal_changes_nothing(scored: Workspace) -> None:
    before = scored.path.read_bytes()
    with pytest.raises(InputError, match="goal"):
        with scored.transaction() as tx:
            actions.change_goal(tx, "M-1", "lots", TODAY)
    with pytest.raises(InputError, match="week"):
        with scored.transaction() as tx:
            actions.change_goal(tx, "M-1", ">= 3", TODAY, "someday")
    assert scored.path.read_bytes() == before


def test_notes_need_a_value_and_can_be_removed(scored: Workspace) -> None:
    with scored.transaction() as tx:
        actions.set_score_note(tx, "M-1", date(2026, 11, 18), "  expo week  ")
    assert scored.read().score_for("M-1", date(2026, 11, 16)).note == "expo week"  # type: ignore[union-attr]
    with scored.transaction() as tx:
        actions.set_score_note(tx, "M-1", date(2026, 11, 16), "")
    assert scored.read().score_for("M-1", date(2026, 11, 16)).note == ""  # type: ignore[union-attr]
    with pytest.raises(InputError, match="value for that week first"):
        with scored.transaction() as tx:
            actions.set_score_note(tx, "M-2", date(2026, 11, 16), "x")


def test_reorder_renumbers_the_rows_shown(scored: Workspace) -> None:
    with scored.transaction() as tx:
        actions.move_measurable(tx, "M-3", -1, ["M-1", "M-2", "M-3"])
    orders = {m.id: m.order for m in scored.read().measurables}
    assert orders == {"M-1": 1, "M-3": 2, "M-2": 3}
    with scored.transaction() as tx:
        actions.move_measurable(tx, "M-1", -1, ["M-1", "M-3", "M-2"])  # already first: stays
    assert {m.id: m.order for m in scored.read().measurables} == orders


def test_edit_and_archive(scored: Workspace) -> None:
    with scored.transaction() as tx:
        actions.add_person(tx, "Bob")
        actions.edit_measurable(tx, "M-2", title="Quotes out", owner="Bob", unit="currency", aggregate="average")
        actions.archive_measurable(tx, "M-3")
    quotes, calls = scored.read().measurables[1:]
    assert (quotes.title, quotes.owner_id, quotes.unit.value, quotes.aggregate.value) == ("Quotes out", "P-2", "currency", "average")
    assert calls.archived and calls.aggregate.value == "average"
    with pytest.raises(InputError, match="rollup"):
        with scored.transaction() as tx:
            actions.edit_measurable(tx, "M-2", aggregate="median")


def stored(workspace: Workspace, table: str) -> dict[str, dict]:  # type: ignore[type-arg]
    """The records of one table as the workspace file holds them."""
    return json.loads(workspace.path.read_text())[table]


def test_a_red_cell_drops_to_issues_once(scored: Workspace) -> None:
    with scored.transaction() as tx:
        actions.set_score(tx, "M-2", "7", TODAY, week="2026-11-16")  # goal >= 20: red
        issue = actions.drop_score_to_issues(tx, "M-2", date(2026, 11, 18), TODAY)  # any day names its week
    assert issue.title == "Off goal: Quotes (week of 2026-11-16: 7)"
    issues = stored(scored, "issues")
    assert [(i["title"], i["source"], i["status"]) for i in issues.values()] == [
        ("Off goal: Quotes (week of 2026-11-16: 7)", "M-2", "open")
    ]
    before = scored.path.read_bytes()
    with pytest.raises(InputError, match=f"already on the Issues list as {issue.id}"):
        with scored.transaction() as tx:
            actions.drop_score_to_issues(tx, "M-2", date(2026, 11, 16), TODAY)
    assert scored.path.read_bytes() == before


def test_only_a_red_value_drops_to_issues(scored: Workspace) -> None:
    before = scored.path.read_bytes()
    with pytest.raises(InputError, match="only a red"):
        with scored.transaction() as tx:
            actions.drop_score_to_issues(tx, "M-1", date(2026, 11, 16), TODAY)  # 12 against >= 10: green
    with pytest.raises(InputError, match="no value"):
        with scored.transaction() as tx:
            actions.drop_score_to_issues(tx, "M-2", date(2026, 11, 16), TODAY)
    assert scored.path.read_bytes() == before


def test_archive_and_unarchive_say_when_there_is_nothing_to_do(scored: Workspace) -> None:
    with scored.transaction() as tx:
        actions.archive_measurable(tx, "M-2")
    assert stored(scored, "measurables")["2"]["archived"] is True
    with pytest.raises(InputError, match="already archived"):
        with scored.transaction() as tx:
            actions.archive_measurable(tx, "M-2")
    with scored.transaction() as tx:
        actions.archive_measurable(tx, "M-2", archived=False)
    assert stored(scored, "measurables")["2"]["archived"] is False
    with pytest.raises(InputError, match="not archived"):
        with scored.transaction() as tx:
            actions.archive_measurable(tx, "M-2", archived=False)


def test_move_without_rows_given_uses_the_measurables_own_scorecard(scored: Workspace) -> None:
    with scored.transaction() as tx:
        actions.add_team(tx, "Sales")
        actions.add_measurable(tx, "Demos", "Ann", ">= 3", team="Sales")
        actions.move_measurable(tx, "M-3", -1)
        actions.move_measurable(tx, "M-4", -1)  # alone on the Sales scorecard: stays first
    orders = {record["id"]: record["order"] for record in stored(scored, "measurables").values()}
    assert orders == {"M-1": 1, "M-3": 2, "M-2": 3, "M-4": 1}


def test_the_team_rule_is_one_rule(scored: Workspace) -> None:
    with scored.transaction() as tx:
        actions.add_person(tx, "Bob")
        actions.add_team(tx, "Sales")
        actions.join_team(tx, "Bob", "Sales")
    view = scored.read()
    team = view.find_team("Sales").id
    assert view.in_team(None, "T-9", "P-1"), "no team picked: everything shows"
    assert view.in_team(team, team, "P-1") and not view.in_team(team, "T-99", "P-2")
    assert view.in_team(team, None, "P-2") and not view.in_team(team, None, "P-1"), "team-less: by its owner"
    assert view.in_team(team, None, None), "team-less and owned by no one: everyone's"


def test_the_csv_import_goes_through_the_same_actions(scored: Workspace) -> None:
    """A goal changed by import lands in the history as change_goal puts it, and values as set_score does."""
    with scored.transaction() as tx:
        actions.change_goal(tx, "M-1", ">= 30", TODAY, "2026-12-07")  # a planned later change
    book = read_text("Measurable,Owner,Goal,2026-11-16\nLeads,Ann,>= 15,14\n")
    with scored.transaction() as tx:
        report = ScorecardImporter().run(tx, book, ImportOptions(today=TODAY))
    assert not report.problems
    leads = stored(scored, "measurables")["1"]
    assert [(c["week"], c["goal"]["value"]) for c in leads["goal_history"]] == [("2026-11-23", 15)], (
        "like change_goal: the import's week replaces itself and later changes"
    )
    scores = {(s["measurable_id"], s["week"]): s["value"] for s in stored(scored, "scores").values()}
    assert scores[("M-1", "2026-11-16")] == 14

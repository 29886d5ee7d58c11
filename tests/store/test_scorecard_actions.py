"""Scorecard actions against a real workspace: goal changes from a week, notes, reorder, archive."""

from __future__ import annotations

from datetime import date

import pytest

from cadence.domain.goals import Comparator, Goal
from cadence.store import InputError, Workspace, actions

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

"""The People analyzer's actions and schema 5: ratings, GWC, the bar, conversations, the 4 -> 5 migration."""

from __future__ import annotations

import json

import cadence.store.workspace as workspace_module
import pytest
from cadence.domain.models import SCHEMA_VERSION, AnalyzerBar, PeopleRating
from cadence.domain.people_analyzer import grid, judge
from cadence.store import InputError, Workspace, WorkspaceReadOnly, actions
from cadence.store.actions import analyzer
from cadence.store.integrity import find_problems
from store_helpers import DAY, age_file, file_state, raw, write_raw


@pytest.fixture
def team(workspace: Workspace) -> Workspace:
    with workspace.transaction() as tx:
        actions.add_person(tx, "Ada")
        actions.add_person(tx, "Bob")
        actions.set_vision_part(tx, "core-values", ["Honest", "Helpful", "Humble"])
    return workspace


def test_rating_by_name_and_number_is_one_record_per_person_per_quarter(team: Workspace) -> None:
    with team.transaction() as tx:
        analyzer.rate_value(tx, "Ada", "honest", "+", DAY)
        analyzer.rate_value(tx, "Ada", "2", "+/-", DAY)
        analyzer.rate_value(tx, "Ada", "2", "~", DAY)  # the same cell again: replaced, not added
        analyzer.rate_value(tx, "Ada", "Humble", "-", DAY, quarter="2025-Q4")
    ratings = raw(team)["ratings"]
    assert sorted((r["id"], r["quarter"], json.dumps(r["marks"], sort_keys=True)) for r in ratings.values()) == [
        ("PA-1", "2026-Q1", '{"Helpful": "+/-", "Honest": "+"}'),
        ("PA-2", "2025-Q4", '{"Humble": "-"}'),
    ]


@pytest.mark.parametrize(
    ("value", "mark", "message"),
    [("Brave", "+", "not a core value"), ("4", "+", "not a core value"), ("1", "++", "not a rating")],
)
def test_refusals_leave_the_file_alone(team: Workspace, value: str, mark: str, message: str) -> None:
    before = file_state(team)
    with pytest.raises(InputError, match=message):
        with team.transaction() as tx:
            analyzer.rate_value(tx, "Ada", value, mark, DAY)
    assert file_state(team) == before


def test_the_bar_flips_as_ratings_and_answers_change(team: Workspace) -> None:
    with team.transaction() as tx:
        for value in ("1", "2", "3"):
            analyzer.rate_value(tx, "Bob", value, "+", DAY)
        analyzer.set_gwc(tx, "Bob", DAY, gets_it=True, wants_it=True, capacity=True)
    view = team.read()
    values = analyzer.core_values(view)
    bar = view.meta.analyzer_bar
    assert judge(analyzer.rating_of(view, "P-2", "2026-Q1"), values, bar).meets
    with team.transaction() as tx:
        analyzer.rate_value(tx, "Bob", "1", "+/-", DAY)
    view = team.read()
    assert judge(analyzer.rating_of(view, "P-2", "2026-Q1"), values, bar).meets  # one +/- is allowed
    with team.transaction() as tx:
        analyzer.rate_value(tx, "Bob", "2", "=", DAY)
    view = team.read()
    verdict = judge(analyzer.rating_of(view, "P-2", "2026-Q1"), values, bar)
    assert not verdict.meets and verdict.reasons == ("2 rated +/- (the bar allows 1)",)
    with team.transaction() as tx:
        analyzer.set_bar(tx, max_mixed=2)
    assert raw(team)["_meta"]["1"]["analyzer_bar"] == {"max_mixed": 2, "max_minus": 0}
    view = team.read()
    assert judge(analyzer.rating_of(view, "P-2", "2026-Q1"), values, view.meta.analyzer_bar).meets
    with team.transaction() as tx:
        analyzer.set_gwc(tx, "Bob", DAY, capacity=False)
    view = team.read()
    rows = grid(view.people, view.all_of(PeopleRating), "2026-Q1", values, view.meta.analyzer_bar)
    assert [(row.person.name, row.verdict.meets) for row in rows] == [("Ada", False), ("Bob", False)]
    assert rows[1].verdict.reasons == ("Capacity to do it: no",)
    # Ada has no rating this quarter: not below the bar, not judged yet ("-", not "no")
    assert [(row.verdict.rated, row.verdict.word) for row in rows] == [(False, "-"), (True, "no")]
    assert rows[0].verdict.reasons == ("not rated this quarter",)


def test_a_renamed_value_keeps_its_old_marks_readable(team: Workspace) -> None:
    with team.transaction() as tx:
        analyzer.rate_value(tx, "Ada", "Humble", "+", DAY)
        actions.set_vision_part(tx, "core-values", ["Honest", "Helpful", "Modest"])
    view = team.read()
    (row, _bob) = grid(view.people, view.all_of(PeopleRating), "2026-Q1", analyzer.core_values(view), AnalyzerBar())
    assert row.marks == (None, None, None)
    assert row.former == {"Humble": "+"}


def test_a_conversation_is_written_part_by_part(team: Workspace) -> None:
    with team.transaction() as tx:
        analyzer.set_conversation(tx, "Ada", DAY, working="Hiring plan\nOn time")
        analyzer.set_conversation(tx, "Ada", DAY, not_working="Too many meetings", working=None)
    (record,) = raw(team)["conversations"].values()
    assert record["id"] == "QC-1" and record["quarter"] == "2026-Q1" and record["person_id"] == "P-1"
    assert record["working"] == "Hiring plan\nOn time"
    assert record["not_working"] == "Too many meetings"
    assert record["updated"] == "2026-03-02"
    assert find_problems(team.read()) == []


def _schema_four(team: Workspace) -> bytes:
    data = raw(team)
    data["_meta"]["1"]["schema_version"] = 4
    data["_meta"]["1"].pop("analyzer_bar")
    data["_meta"]["1"].pop("closed_quarters")
    data.pop("ratings")
    data.pop("conversations")
    return write_raw(team, data)


def test_a_schema_four_file_opens_and_is_written_as_current_after_a_backup(team: Workspace) -> None:
    old = _schema_four(team)
    assert team.read().meta.analyzer_bar == AnalyzerBar()
    with team.transaction() as tx:
        analyzer.rate_value(tx, "Ada", "1", "+", DAY)
    migrated = raw(team)
    assert migrated["_meta"]["1"]["schema_version"] == SCHEMA_VERSION
    assert migrated["_meta"]["1"]["analyzer_bar"] == {"max_mixed": 1, "max_minus": 0}
    assert migrated["ratings"]["1"]["marks"] == {"Honest": "+"}
    (backup,) = team.backups.glob("*pre-migration-v4*")
    assert backup.read_bytes() == old


def test_a_cadence_of_schema_four_refuses_to_write_a_five_file(team: Workspace, monkeypatch) -> None:
    with team.transaction() as tx:
        analyzer.rate_value(tx, "Ada", "1", "+", DAY)
    age_file(team.path)
    before = file_state(team)
    monkeypatch.setattr(workspace_module, "SCHEMA_VERSION", 4)
    assert team.read().read_only is True
    with pytest.raises(WorkspaceReadOnly):
        with team.transaction() as tx:
            actions.add_person(tx, "Cy")
    assert file_state(team) == before


def test_check_flags_a_second_rating_for_a_quarter_and_an_unknown_person(team: Workspace) -> None:
    """A hand-edited (or badly merged) file: cadence check says what is wrong with the analyzer's records."""
    with team.transaction() as tx:
        analyzer.rate_value(tx, "Ada", "1", "+", DAY)
        tx.add(PeopleRating, person_id="P-1", quarter="2026-Q1")
        tx.add(PeopleRating, person_id="P-9", quarter="2026-Q1")
    assert find_problems(team.read()) == [
        "PA-3: person P-9 is not a known person",
        "P-1: 2 people analyzer ratings for 2026-Q1",
    ]

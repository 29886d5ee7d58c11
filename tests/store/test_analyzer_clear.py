"""Clearing a People analyzer cell: the mark or answer goes, a rating left empty goes with it, others stay."""

from __future__ import annotations

import pytest
from cadence.domain.models import PeopleRating
from cadence.store import InputError, Workspace, actions
from cadence.store.actions import analyzer
from store_helpers import DAY


@pytest.fixture
def team(workspace: Workspace) -> Workspace:
    with workspace.transaction() as tx:
        actions.add_person(tx, "Ada")
        actions.add_person(tx, "Bob")
        actions.set_vision_part(tx, "core-values", ["Honest", "Helpful"])
        analyzer.rate_value(tx, "Ada", "Honest", "+", DAY)
        analyzer.rate_value(tx, "Ada", "Helpful", "-", DAY)
        analyzer.set_gwc(tx, "Ada", DAY, wants_it=True)
        analyzer.rate_value(tx, "Bob", "Honest", "+", DAY)
    return workspace


def test_clearing_a_mark_keeps_the_rest_and_any_case_names_it(team: Workspace) -> None:
    with team.transaction() as tx:
        kept = analyzer.clear_value(tx, "Ada", "helpful", DAY)
    assert kept is not None and kept.marks == {"Honest": "+"}
    ada = analyzer.rating_of(team.read(), "P-1", kept.quarter)
    assert ada is not None and ada.marks == {"Honest": "+"} and ada.wants_it is True
    assert analyzer.rating_of(team.read(), "P-2", kept.quarter) is not None, "Bob's rating is untouched"


def test_the_last_mark_or_answer_cleared_removes_the_rating(team: Workspace) -> None:
    with team.transaction() as tx:
        analyzer.clear_value(tx, "Ada", "1", DAY)
        analyzer.clear_value(tx, "Ada", "2", DAY)
        assert analyzer.set_gwc(tx, "Ada", DAY, wants_it=None) is None
        assert analyzer.clear_value(tx, "Bob", "Honest", DAY) is None
    assert team.read().all_of(PeopleRating) == []


def test_clearing_what_is_not_rated_writes_nothing(team: Workspace) -> None:
    before = team.path.read_bytes()
    with team.transaction() as tx:
        assert analyzer.clear_value(tx, "Bob", "Helpful", DAY).marks == {"Honest": "+"}  # type: ignore[union-attr]
        assert analyzer.clear_value(tx, "Ada", "Honest", DAY, quarter="2025-Q1") is None
        assert analyzer.set_gwc(tx, "Bob", DAY, quarter="2025-Q1", gets_it=None) is None
        assert not tx.changed
    assert team.path.read_bytes() == before
    with pytest.raises(InputError, match="not a core value"), team.transaction() as tx:
        analyzer.clear_value(tx, "Ada", "Brave", DAY)


def test_clear_words_are_not_marks() -> None:
    assert analyzer.is_clear_word(" Clear ") and analyzer.is_clear_word("unset")
    assert not analyzer.is_clear_word("-"), "- is the minus mark"
    assert analyzer.parse_yes_no("clear", "gets") is None

"""Goals and units, table-driven: every comparator at and around its bounds, and what people type."""

from __future__ import annotations

from datetime import date

import pytest

from cadence.domain.goals import Comparator, Goal, parse_goal
from cadence.domain.models import GoalChange, Measurable
from cadence.domain.units import Unit, format_value, parse_value


def goal(comparator: str, value: float, high: float | None = None) -> Goal:
    return Goal(comparator=Comparator(comparator), value=value, high=high)


@pytest.mark.parametrize(
    ("comparator", "low", "high", "value", "met"),
    [
        (">=", 20, None, 19.99, False),
        (">=", 20, None, 20, True),
        (">=", 20, None, 21, True),
        (">", 20, None, 20, False),
        (">", 20, None, 20.01, True),
        ("<=", 5, None, 5, True),
        ("<=", 5, None, 5.01, False),
        ("<", 5, None, 5, False),
        ("<", 5, None, 4.99, True),
        ("=", 1, None, 1, True),
        ("=", 1, None, 0, False),
        ("=", 0.3, None, 0.1 + 0.2, True),  # float noise still counts as equal
        # between is inclusive: both bounds are inside
        ("between", 70, 85, 69.99, False),
        ("between", 70, 85, 70, True),
        ("between", 70, 85, 77, True),
        ("between", 70, 85, 85, True),
        ("between", 70, 85, 85.01, False),
        # outside is exclusive: the bounds themselves are not outside
        ("outside", 1, 5, 0.99, True),
        ("outside", 1, 5, 1, False),
        ("outside", 1, 5, 3, False),
        ("outside", 1, 5, 5, False),
        ("outside", 1, 5, 5.01, True),
    ],
)
def test_every_comparator_at_its_bounds(comparator: str, low: float, high: float | None, value: float, met: bool) -> None:
    assert goal(comparator, low, high).is_met(value) is met


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        (">= 20", Unit.NUMBER, goal(">=", 20)),
        ("20", Unit.NUMBER, goal(">=", 20)),
        ("> $200k", Unit.CURRENCY, goal(">", 200_000)),
        ("<= 24:00", Unit.DURATION, goal("<=", 1440)),
        ("< 5%", Unit.PERCENT, goal("<", 5)),
        ("== yes", Unit.YESNO, goal("=", 1)),
        ("between 70% and 85%", Unit.PERCENT, goal("between", 70, 85)),
        ("Between 10 - 20", Unit.NUMBER, goal("between", 10, 20)),
        ("outside 1:00 to 2:00", Unit.DURATION, goal("outside", 60, 120)),
    ],
)
def test_parse_goal(text: str, unit: Unit, expected: Goal) -> None:
    assert parse_goal(text, unit) == expected


@pytest.mark.parametrize(
    ("text", "unit", "says"),
    [
        ("lots", Unit.NUMBER, "not understood"),
        ("between 20 and 10", Unit.NUMBER, "lower bound"),
        (">= maybe", Unit.NUMBER, "not a number"),
        ("", Unit.NUMBER, "not understood"),
    ],
)
def test_bad_goals_say_why(text: str, unit: Unit, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        parse_goal(text, unit)


def test_a_goal_needs_the_right_number_of_bounds() -> None:
    with pytest.raises(ValueError):
        Goal(comparator=Comparator.BETWEEN, value=1)
    with pytest.raises(ValueError):
        Goal(comparator=Comparator.AT_LEAST, value=1, high=2)


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("12,500", Unit.NUMBER, 12_500),
        ("12500", Unit.NUMBER, 12_500),
        ("12.5k", Unit.NUMBER, 12_500),
        ("-3", Unit.NUMBER, -3),
        (".5", Unit.NUMBER, 0.5),
        ("$12.5k", Unit.CURRENCY, 12_500),
        ("$12,500", Unit.CURRENCY, 12_500),
        ("12500", Unit.CURRENCY, 12_500),
        ("-$40", Unit.CURRENCY, -40),
        ("€1.2m", Unit.CURRENCY, 1_200_000),
        ("85%", Unit.PERCENT, 85),
        ("85", Unit.PERCENT, 85),
        ("92.4 %", Unit.PERCENT, 92.4),
        ("yes", Unit.YESNO, 1),
        ("Y", Unit.YESNO, 1),
        ("no", Unit.YESNO, 0),
        ("n", Unit.YESNO, 0),
        ("1:30", Unit.DURATION, 90),
        ("24:00", Unit.DURATION, 1440),
        ("90m", Unit.DURATION, 90),
        ("1.5h", Unit.DURATION, 90),
        ("45m", Unit.DURATION, 45),
    ],
)
def test_values_parse_as_people_type_them(text: str, unit: Unit, value: float) -> None:
    assert parse_value(text, unit) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "unit", "says"),
    [
        ("junk", Unit.NUMBER, "'junk' is not a number"),
        ("abc", Unit.NUMBER, "'abc' is not a number"),
        ("12,5,00x", Unit.NUMBER, "not a number"),
        ("", Unit.NUMBER, "empty"),
        ("   ", Unit.CURRENCY, "empty"),
        ("$$", Unit.CURRENCY, "not a number"),
        ("yes", Unit.NUMBER, "not a number"),
        ("maybe", Unit.YESNO, "not yes or no"),
        ("85", Unit.YESNO, "not yes or no"),
        ("1:75", Unit.DURATION, "not a duration"),
        ("soon", Unit.DURATION, "not a duration"),
        ("85%%", Unit.PERCENT, "not a number"),
        ("1e400", Unit.NUMBER, "not a number"),
    ],
)
def test_bad_values_are_refused_with_the_reason(text: str, unit: Unit, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        parse_value(text, unit)


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (12_500, Unit.NUMBER, "12,500"),
        (12_500, Unit.CURRENCY, "$12,500"),
        (-40, Unit.CURRENCY, "-$40"),
        (92.4, Unit.PERCENT, "92.4%"),
        (1, Unit.YESNO, "yes"),
        (0, Unit.YESNO, "no"),
        (90, Unit.DURATION, "1:30"),
    ],
)
def test_values_show_in_their_unit_and_read_back(value: float, unit: Unit, shown: str) -> None:
    assert format_value(value, unit) == shown
    assert parse_value(shown, unit) == pytest.approx(value)


# Goal history ----------------------------------------------------------------------------


def measurable_with_history() -> Measurable:
    """Base goal >= 40 (before any change), >= 48 from 2026-05-25, >= 52 from 2026-09-28."""
    return Measurable(
        id="M-1",
        title="Revenue",
        owner_id="P-1",
        goal=goal(">=", 40),
        goal_history=[
            GoalChange(week=date(2026, 9, 28), goal=goal(">=", 52)),  # stored out of order on purpose
            GoalChange(week=date(2026, 5, 25), goal=goal(">=", 48)),
        ],
    )


@pytest.mark.parametrize(
    ("week", "expected"),
    [
        (date(2026, 1, 5), 40),  # before the first change: the base goal
        (date(2026, 5, 18), 40),
        (date(2026, 5, 25), 48),  # the change's own week has the new goal
        (date(2026, 9, 21), 48),
        (date(2026, 9, 28), 52),
        (date(2027, 3, 1), 52),
    ],
)
def test_goal_for_week_follows_the_history(week: date, expected: float) -> None:
    assert measurable_with_history().goal_for_week(week).value == expected


def test_a_value_is_judged_by_the_goal_of_its_own_week() -> None:
    measurable = measurable_with_history()
    assert measurable.goal_for_week(date(2026, 6, 1)).is_met(50)
    assert not measurable.goal_for_week(date(2026, 10, 5)).is_met(50)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("13", 13 * 60),
        ("1.5", 90),
        (".5", 30),
        ("1:30", 90),
        ("0:45", 45),
        ("24:00", 1440),
        ("90m", 90),
        ("90 min", 90),
        ("45 minutes", 45),
        ("1h30", 90),
        ("1h 30m", 90),
        ("1.5h", 90),
        ("2h", 120),
        ("2 hours", 120),
    ],
)
def test_a_bare_number_in_a_duration_is_hours(text: str, minutes: float) -> None:
    """``score set M-6 13`` means 13 hours (against a goal of <= 24:00), never 13 minutes."""
    assert parse_value(text, Unit.DURATION) == pytest.approx(minutes)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("1:75", "minutes after ':' are 00-59"),
        ("1:5", "minutes after ':' are 00-59"),
        ("1h75", "minutes after the hours are 0-59"),
        ("-2", "negative"),
        ("soon", "a bare number is hours"),
        ("1:30:00", "not a duration"),
        ("1.5.2", "not a duration"),
        ("h", "not a duration"),
        ("1e400", "not a duration"),
    ],
)
def test_bad_durations_say_what_a_duration_looks_like(text: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        parse_value(text, Unit.DURATION)


def test_duration_goals_read_bare_numbers_as_hours_too() -> None:
    assert parse_goal("<= 24", Unit.DURATION) == goal("<=", 1440)
    assert parse_goal("between 1.5 and 2h", Unit.DURATION) == goal("between", 90, 120)
    assert parse_goal("<= 24", Unit.DURATION).describe(Unit.DURATION) == "<= 24:00"

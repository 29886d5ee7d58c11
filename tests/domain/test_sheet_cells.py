"""Spreadsheet cells and goals, table-driven: every form an import accepts, and the reasons for what it refuses."""

from __future__ import annotations

import pytest

from cadence.domain.goals import Comparator, Goal, parse_goal
from cadence.domain.sheet_cells import (
    EMPTY_MARKS,
    guess_unit,
    is_empty_cell,
    looks_like_fractions,
    parse_cell,
    parse_sheet_goal,
)
from cadence.domain.units import Unit


def goal(comparator: str, value: float, high: float | None = None) -> Goal:
    return Goal(comparator=Comparator(comparator), value=value, high=high)


# Empty marks ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["", "   ", "n/a", "N/A", "na", "NA", "-", "—", "–", "#N/A", "none", "None", "null", "NULL", " n/a "]
)
def test_empty_marks_are_empty(text: str) -> None:
    assert is_empty_cell(text)


@pytest.mark.parametrize("text", ["0", "no", "x", "0%", "$0", "nan", "n", "-5", "N/A 3"])
def test_values_that_look_empty_are_not(text: str) -> None:
    assert not is_empty_cell(text)


@pytest.mark.parametrize("mark", sorted(EMPTY_MARKS))
@pytest.mark.parametrize("unit", list(Unit))
def test_an_empty_mark_is_never_a_value(mark: str, unit: Unit) -> None:
    with pytest.raises(ValueError, match="empty"):
        parse_cell(mark, unit)


# Cells ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("12", Unit.NUMBER, 12),
        ("12,500", Unit.NUMBER, 12_500),
        ("12.5k", Unit.NUMBER, 12_500),
        ("12.5K", Unit.NUMBER, 12_500),
        ("1.2B", Unit.NUMBER, 1_200_000_000),
        ("-1,200", Unit.NUMBER, -1_200),
        ("(1,200)", Unit.NUMBER, -1_200),
        ("+5", Unit.NUMBER, 5),
        (".5", Unit.NUMBER, 0.5),
        ("1\u00a0200", Unit.NUMBER, 1_200),
        ("$12,500", Unit.CURRENCY, 12_500),
        ("$1.2M", Unit.CURRENCY, 1_200_000),
        ("$12.5k", Unit.CURRENCY, 12_500),
        ("€3,000", Unit.CURRENCY, 3_000),
        ("£40", Unit.CURRENCY, 40),
        ("$ 1,200", Unit.CURRENCY, 1_200),
        ("12500", Unit.CURRENCY, 12_500),
        ("-$1,200", Unit.CURRENCY, -1_200),
        ("$-1,200", Unit.CURRENCY, -1_200),
        ("($1,200)", Unit.CURRENCY, -1_200),
        ("(1,200)", Unit.CURRENCY, -1_200),
        ("$100K", Unit.CURRENCY, 100_000),
        ("1,200€", Unit.CURRENCY, 1_200),
        ("USD 1,200", Unit.CURRENCY, 1_200),
        ("1,200 EUR", Unit.CURRENCY, 1_200),
        ("\u22125", Unit.NUMBER, -5),  # a typographic minus
        ("1,234.5k", Unit.NUMBER, 1_234_500),
        ("85%", Unit.PERCENT, 85),
        ("85", Unit.PERCENT, 85),
        ("92.4 %", Unit.PERCENT, 92.4),
        ("0.85", Unit.PERCENT, 0.85),  # without fractions a bare 0.85 is 0.85%
        ("-5%", Unit.PERCENT, -5),
        ("yes", Unit.YESNO, 1),
        ("Yes", Unit.YESNO, 1),
        ("Y", Unit.YESNO, 1),
        ("TRUE", Unit.YESNO, 1),
        ("true", Unit.YESNO, 1),
        ("1", Unit.YESNO, 1),
        ("✓", Unit.YESNO, 1),
        ("✔", Unit.YESNO, 1),
        ("done", Unit.YESNO, 1),
        ("no", Unit.YESNO, 0),
        ("N", Unit.YESNO, 0),
        ("FALSE", Unit.YESNO, 0),
        ("0", Unit.YESNO, 0),
        ("✗", Unit.YESNO, 0),
        ("x", Unit.YESNO, 0),
        ("X", Unit.YESNO, 0),
        ("1:30", Unit.DURATION, 90),
        ("1:30:00", Unit.DURATION, 90),
        ("0:45:30", Unit.DURATION, 45.5),
        ("24:00", Unit.DURATION, 1440),
        ("2", Unit.DURATION, 120),  # a bare number is hours, as everywhere in cadence
        ("90m", Unit.DURATION, 90),
        ("1h30", Unit.DURATION, 90),
    ],
)
def test_cells_read_as_people_type_them(text: str, unit: Unit, value: float) -> None:
    assert parse_cell(text, unit) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [("0.85", 85), ("0.925", 92.5), ("1", 100), ("0", 0), ("85%", 85), ("0.5%", 0.5), ("(0.1)", -10)],
)
def test_a_percent_column_typed_as_fractions(text: str, value: float) -> None:
    assert parse_cell(text, Unit.PERCENT, fractions=True) == value


def test_fractions_do_not_touch_other_units() -> None:
    assert parse_cell("0.85", Unit.NUMBER, fractions=True) == 0.85
    assert parse_cell("$0.85", Unit.CURRENCY, fractions=True) == 0.85


@pytest.mark.parametrize(
    ("text", "unit", "says"),
    [
        ("abc", Unit.NUMBER, "'abc' is not a number"),
        ("12 apples", Unit.NUMBER, "'12 apples' is not a number"),
        ("1.2.3", Unit.NUMBER, "'1.2.3' is not a number"),
        ("85%", Unit.NUMBER, "'85%' is a percent, not a number"),
        ("85%", Unit.CURRENCY, "'85%' is a percent, not an amount"),
        ("$5", Unit.PERCENT, "'\\$5' is an amount of money, not a percent"),
        ("lots", Unit.CURRENCY, "'lots' is not an amount"),
        ("high", Unit.PERCENT, "'high' is not a percent"),
        ("--5", Unit.NUMBER, "'--5' is not a number"),
        ("12,5", Unit.NUMBER, "'12,5' is not a number \\(commas separate thousands"),
        ("1.234,56", Unit.CURRENCY, "'1.234,56' is not an amount \\(commas separate thousands"),
        ("1,2345", Unit.NUMBER, "'1,2345' is not a number"),
        ("()", Unit.NUMBER, "'\\(\\)' is not a number"),
        ("maybe", Unit.YESNO, "'maybe' is not yes or no"),
        ("2", Unit.YESNO, "'2' is not yes or no"),
        ("1:75", Unit.DURATION, "'1:75' is not a duration"),
        ("1:30:75", Unit.DURATION, "'1:30:75' is not a duration"),
        ("-1:00", Unit.DURATION, "'-1:00' is negative"),
        ("soon", Unit.DURATION, "'soon' is not a duration"),
    ],
)
def test_bad_cells_name_the_cell_and_say_why(text: str, unit: Unit, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        parse_cell(text, unit)


# Goals ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        (">= 20", Unit.NUMBER, goal(">=", 20)),
        (">=20", Unit.NUMBER, goal(">=", 20)),
        (">20", Unit.NUMBER, goal(">", 20)),
        ("> 20", Unit.NUMBER, goal(">", 20)),
        ("≥ 20", Unit.NUMBER, goal(">=", 20)),
        ("=> 20", Unit.NUMBER, goal(">=", 20)),
        ("≤ 5", Unit.NUMBER, goal("<=", 5)),
        ("=< 5", Unit.NUMBER, goal("<=", 5)),
        ("20+", Unit.NUMBER, goal(">=", 20)),
        ("20 +", Unit.NUMBER, goal(">=", 20)),
        ("$100K+", Unit.CURRENCY, goal(">=", 100_000)),
        ("20 or more", Unit.NUMBER, goal(">=", 20)),
        ("5 or less", Unit.NUMBER, goal("<=", 5)),
        ("at least 20", Unit.NUMBER, goal(">=", 20)),
        ("At Least 20", Unit.NUMBER, goal(">=", 20)),
        ("at most 5", Unit.NUMBER, goal("<=", 5)),
        ("no more than 5", Unit.NUMBER, goal("<=", 5)),
        ("no less than 5", Unit.NUMBER, goal(">=", 5)),
        ("min 20", Unit.NUMBER, goal(">=", 20)),
        ("minimum 20", Unit.NUMBER, goal(">=", 20)),
        ("max 5", Unit.NUMBER, goal("<=", 5)),
        ("maximum: 5", Unit.NUMBER, goal("<=", 5)),
        ("more than 20", Unit.NUMBER, goal(">", 20)),
        ("less than 5", Unit.NUMBER, goal("<", 5)),
        ("under 5", Unit.NUMBER, goal("<", 5)),
        ("< 5%", Unit.PERCENT, goal("<", 5)),
        ("<=5%", Unit.PERCENT, goal("<=", 5)),
        ("70%-85%", Unit.PERCENT, goal("between", 70, 85)),
        ("70-85%", Unit.PERCENT, goal("between", 70, 85)),
        ("70% - 85%", Unit.PERCENT, goal("between", 70, 85)),
        ("70 – 85", Unit.NUMBER, goal("between", 70, 85)),
        ("70 - 85", Unit.NUMBER, goal("between", 70, 85)),
        ("70-85", Unit.NUMBER, goal("between", 70, 85)),
        ("85-70", Unit.NUMBER, goal("between", 70, 85)),  # written high first: still the same range
        ("between 70 and 85", Unit.NUMBER, goal("between", 70, 85)),
        ("Between 70% and 85%", Unit.PERCENT, goal("between", 70, 85)),
        ("from 70 to 85", Unit.NUMBER, goal("between", 70, 85)),
        ("70 to 85", Unit.NUMBER, goal("between", 70, 85)),
        ("$1.2M-$1.5M", Unit.CURRENCY, goal("between", 1_200_000, 1_500_000)),
        ("1:00 - 2:00", Unit.DURATION, goal("between", 60, 120)),
        ("-10 - -5", Unit.NUMBER, goal("between", -10, -5)),
        ("-5 - 5", Unit.NUMBER, goal("between", -5, 5)),
        ("outside 1 and 5", Unit.NUMBER, goal("outside", 1, 5)),
        ("$100K", Unit.CURRENCY, goal(">=", 100_000)),
        ("20", Unit.NUMBER, goal(">=", 20)),
        ("-5", Unit.NUMBER, goal(">=", -5)),
        (">= -5", Unit.NUMBER, goal(">=", -5)),
        ("<= -1,200", Unit.NUMBER, goal("<=", -1_200)),
        ("> (1,200)", Unit.CURRENCY, goal(">", -1_200)),
        ("= 1", Unit.YESNO, goal("=", 1)),
        ("== yes", Unit.YESNO, goal("=", 1)),
        ("yes", Unit.YESNO, goal("=", 1)),
        ("Y", Unit.YESNO, goal("=", 1)),
        ("no", Unit.YESNO, goal("=", 0)),
        ("✓", Unit.YESNO, goal("=", 1)),
        ("<= 24:00", Unit.DURATION, goal("<=", 1440)),
        (">= 1:30:00", Unit.DURATION, goal(">=", 90)),
        ("  >=   20  ", Unit.NUMBER, goal(">=", 20)),
    ],
)
def test_goals_read_as_spreadsheets_write_them(text: str, unit: Unit, expected: Goal) -> None:
    assert parse_sheet_goal(text, unit) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (">= 0.85", goal(">=", 85)),
        ("0.85", goal(">=", 85)),
        ("at least 0.9", goal(">=", 90)),
        ("0.7-0.85", goal("between", 70, 85)),
        ("between 0.7 and 0.85", goal("between", 70, 85)),
        (">= 85%", goal(">=", 85)),
        ("70-85%", goal("between", 70, 85)),  # a % on one bound counts for both: not scaled
        ("0.5-0.75%", goal("between", 0.5, 0.75)),
    ],
)
def test_a_percent_goal_typed_as_fractions(text: str, expected: Goal) -> None:
    assert parse_sheet_goal(text, Unit.PERCENT, fractions=True) == expected


def test_fractions_leave_other_goals_alone() -> None:
    assert parse_sheet_goal(">= 0.85", Unit.NUMBER, fractions=True) == goal(">=", 0.85)
    assert parse_sheet_goal(">= 0.85", Unit.PERCENT) == goal(">=", 0.85)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        (">= 20", Unit.NUMBER),
        ("20", Unit.NUMBER),
        ("> $200k", Unit.CURRENCY),
        ("<= 24:00", Unit.DURATION),
        ("< 5%", Unit.PERCENT),
        ("== yes", Unit.YESNO),
        ("between 70% and 85%", Unit.PERCENT),
        ("Between 10 - 20", Unit.NUMBER),
        ("outside 1:00 to 2:00", Unit.DURATION),
        ("= 3", Unit.NUMBER),
    ],
)
def test_every_parse_goal_form_reads_the_same(text: str, unit: Unit) -> None:
    assert parse_sheet_goal(text, unit) == parse_goal(text, unit)


@pytest.mark.parametrize(
    ("text", "unit", "says"),
    [
        ("", Unit.NUMBER, "the goal is empty"),
        ("   ", Unit.NUMBER, "the goal is empty"),
        ("lots", Unit.NUMBER, "goal 'lots' not understood: 'lots' is not a number"),
        (">= x", Unit.NUMBER, "goal '>= x' not understood: 'x' is not a number"),
        ("at least many", Unit.NUMBER, "goal 'at least many' not understood: 'many' is not a number"),
        ("70-", Unit.NUMBER, "goal '70-' not understood"),
        ("between 5 and", Unit.NUMBER, "goal 'between 5 and' not understood"),
        ("yes", Unit.NUMBER, "goal 'yes' not understood: 'yes' is not a number"),
        ("70%-85%", Unit.NUMBER, "'70%' is a percent, not a number"),
        ("maybe", Unit.YESNO, "'maybe' is not yes or no"),
        (">= n/a", Unit.NUMBER, "'n/a' is empty"),
    ],
)
def test_bad_goals_name_the_text_and_say_why(text: str, unit: Unit, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        parse_sheet_goal(text, unit)


# Guessing a column's unit and spotting fractions --------------------------------------------


@pytest.mark.parametrize(
    ("texts", "unit"),
    [
        ([], Unit.NUMBER),
        (["", "n/a"], Unit.NUMBER),
        (["12", "15", "n/a"], Unit.NUMBER),
        (["1", "0", "1"], Unit.NUMBER),  # 1/0 alone could be counts
        (["$1,200", "900"], Unit.CURRENCY),
        (["€3,000"], Unit.CURRENCY),
        ([">= $100K", "95,000"], Unit.CURRENCY),
        (["85%", "90"], Unit.PERCENT),
        (["70%-85%", "0.8"], Unit.PERCENT),
        (["yes", "no", ""], Unit.YESNO),
        (["Y", "N", "1"], Unit.YESNO),
        (["✓", "✗", "—"], Unit.YESNO),
        (["1:30", "2:00"], Unit.DURATION),
        (["<= 24:00", "13"], Unit.DURATION),
        (["1:30:00"], Unit.DURATION),
        (["yes", "12"], Unit.NUMBER),
    ],
)
def test_guess_unit(texts: list[str], unit: Unit) -> None:
    assert guess_unit(texts) == unit


@pytest.mark.parametrize(
    ("values", "fractions"),
    [
        (["0.85", "0.9", ""], True),
        (["0.85", "1", "0"], True),
        (["0.85", "85%"], True),  # only the values without % are judged
        ([".5", "n/a"], True),
        (["85", "90"], False),
        (["0", "1", "1"], False),
        (["0.5", "1.5"], False),
        (["-0.5", "0.5"], False),
        (["85%", "90%"], False),
        ([], False),
        (["n/a", "—"], False),
        (["0.5", "abc"], True),  # a cell that is not a number is a problem of its own, not evidence
    ],
)
def test_looks_like_fractions(values: list[str], fractions: bool) -> None:
    assert looks_like_fractions(values) is fractions

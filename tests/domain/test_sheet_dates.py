"""Period headers and date cells as spreadsheets write them, table-driven.

``TODAY`` is Thursday 20 November 2025 unless a case says otherwise; the
expected dates are what a person reading the sheet that day would say.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from cadence.domain.scorecard import PeriodKind
from cadence.domain.sheet_dates import AmbiguousDates, HeaderPeriod, parse_date_cell, read_period_headers

TODAY = date(2025, 11, 20)
WEEK, MONTH, QUARTER = PeriodKind.WEEK, PeriodKind.MONTH, PeriodKind.QUARTER


def starts(headers: list[str], today: date = TODAY, **options: object) -> dict[int, tuple[PeriodKind, date]]:
    periods = read_period_headers(headers, today, **options)  # type: ignore[arg-type]
    return {column: (period.kind, period.start) for column, period in periods.items()}


# One header at a time -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "kind", "start"),
    [
        # ISO, and what .xlsx date cells read as
        ("2025-11-03", WEEK, date(2025, 11, 3)),
        ("2025-11-03 00:00:00", WEEK, date(2025, 11, 3)),
        ("2025-11-03T00:00:00", WEEK, date(2025, 11, 3)),
        ("2025/11/03", WEEK, date(2025, 11, 3)),
        # US month first (proven by a part over 12, or the only order of a lone date that is not ambiguous)
        ("11/13/2025", WEEK, date(2025, 11, 13)),
        ("11/13/25", WEEK, date(2025, 11, 13)),
        ("11-13-2025", WEEK, date(2025, 11, 13)),
        ("10/13", WEEK, date(2025, 10, 13)),
        # day first proven
        ("13/10/2025", WEEK, date(2025, 10, 13)),
        ("13.10.2025", WEEK, date(2025, 10, 13)),
        ("13/10/25", WEEK, date(2025, 10, 13)),
        ("13/10", WEEK, date(2025, 10, 13)),
        # month names, with and without a year
        ("Nov 2", WEEK, date(2025, 11, 2)),
        ("Nov 2nd", WEEK, date(2025, 11, 2)),
        ("nov. 2", WEEK, date(2025, 11, 2)),
        ("November 2", WEEK, date(2025, 11, 2)),
        ("2 Nov", WEEK, date(2025, 11, 2)),
        ("2-Nov", WEEK, date(2025, 11, 2)),
        ("2nd of November", WEEK, date(2025, 11, 2)),
        ("Sept 29", WEEK, date(2025, 9, 29)),
        ("Mon, Nov 3", WEEK, date(2025, 11, 3)),
        ("Monday 3 November", WEEK, date(2025, 11, 3)),
        ("Nov 2, 2025", WEEK, date(2025, 11, 2)),
        ("Nov 2 2025", WEEK, date(2025, 11, 2)),
        ("November 2, 2024", WEEK, date(2024, 11, 2)),
        ("2 Nov 2025", WEEK, date(2025, 11, 2)),
        ("2-Nov-2025", WEEK, date(2025, 11, 2)),
        ("2-Nov-25", WEEK, date(2025, 11, 2)),
        ("Nov 2, '25", WEEK, date(2025, 11, 2)),
        # week ranges: the week starts on the first date
        ("Oct 13 - Oct 19", WEEK, date(2025, 10, 13)),
        ("Oct 13 – Oct 19", WEEK, date(2025, 10, 13)),
        ("Oct 13-19", WEEK, date(2025, 10, 13)),
        ("Oct 27 - Nov 2", WEEK, date(2025, 10, 27)),
        ("Oct 27-2", WEEK, date(2025, 10, 27)),
        ("Dec 29-4", WEEK, date(2024, 12, 29)),
        ("Sep 29 - Oct 5, 2025", WEEK, date(2025, 9, 29)),
        ("Nov 3 through Nov 9", WEEK, date(2025, 11, 3)),
        ("Oct 13 to Oct 19", WEEK, date(2025, 10, 13)),
        ("13 Oct - 19 Oct", WEEK, date(2025, 10, 13)),
        ("Oct 13 - Oct 19, 2024", WEEK, date(2024, 10, 13)),
        ("Oct 13, 2024 - Oct 19, 2024", WEEK, date(2024, 10, 13)),
        ("Dec 29 - Jan 4, 2025", WEEK, date(2024, 12, 29)),
        ("Dec 29, 2024 - Jan 4", WEEK, date(2024, 12, 29)),
        ("10/13 - 10/19", WEEK, date(2025, 10, 13)),
        ("10/13/2025 - 10/19/2025", WEEK, date(2025, 10, 13)),
        ("10/13/25-10/19/25", WEEK, date(2025, 10, 13)),
        ("2025-10-13 - 2025-10-19", WEEK, date(2025, 10, 13)),
        ("2025-10-13 to 2025-10-19", WEEK, date(2025, 10, 13)),
        ("13/10/2025 - 19/10/2025", WEEK, date(2025, 10, 13)),
        # "week of" and "week ending" name the week by a date in it (the store maps it onto its week)
        ("Week of Nov 3", WEEK, date(2025, 11, 3)),
        ("Week of 10/13/2025", WEEK, date(2025, 10, 13)),
        ("Week Starting Nov 3", WEEK, date(2025, 11, 3)),
        ("w/c 3 Nov", WEEK, date(2025, 11, 3)),
        ("Week ending Nov 9", WEEK, date(2025, 11, 9)),
        ("W/E 10/19/2025", WEEK, date(2025, 10, 19)),
        ("WE: Nov 9", WEEK, date(2025, 11, 9)),
        ("Week of Oct 13 - Oct 19", WEEK, date(2025, 10, 13)),
        # ISO week labels: the Monday of the ISO week
        ("2025-W45", WEEK, date(2025, 11, 3)),
        ("2025W45", WEEK, date(2025, 11, 3)),
        ("2026-W01", WEEK, date(2025, 12, 29)),
        ("W45", WEEK, date(2025, 11, 3)),
        ("w45", WEEK, date(2025, 11, 3)),
        ("Wk 45", WEEK, date(2025, 11, 3)),
        ("Wk. 45", WEEK, date(2025, 11, 3)),
        ("Week 45", WEEK, date(2025, 11, 3)),
        ("Week #45", WEEK, date(2025, 11, 3)),
        ("W45 2024", WEEK, date(2024, 11, 4)),
        ("W48", WEEK, date(2025, 11, 24)),  # next week: within a month of today
        ("W52", WEEK, date(2024, 12, 23)),  # more than a month ahead: last year's
        # months
        ("January", MONTH, date(2025, 1, 1)),
        ("Jan", MONTH, date(2025, 1, 1)),
        ("Jan.", MONTH, date(2025, 1, 1)),
        ("may", MONTH, date(2025, 5, 1)),
        ("SEPT", MONTH, date(2025, 9, 1)),
        ("December", MONTH, date(2025, 12, 1)),  # starts 11 days from today
        ("Nov 2025", MONTH, date(2025, 11, 1)),
        ("November 2025", MONTH, date(2025, 11, 1)),
        ("Nov, 2025", MONTH, date(2025, 11, 1)),
        ("Nov '25", MONTH, date(2025, 11, 1)),
        ("Nov-25", MONTH, date(2025, 11, 1)),  # Excel's mmm-yy
        ("Nov-2025", MONTH, date(2025, 11, 1)),
        ("2025-11", MONTH, date(2025, 11, 1)),
        ("2025/11", MONTH, date(2025, 11, 1)),
        ("11/2025", MONTH, date(2025, 11, 1)),
        # quarters (calendar fiscal year here)
        ("Q3", QUARTER, date(2025, 7, 1)),
        ("q4", QUARTER, date(2025, 10, 1)),
        ("Q1", QUARTER, date(2025, 1, 1)),
        ("Qtr 3", QUARTER, date(2025, 7, 1)),
        ("Quarter 3", QUARTER, date(2025, 7, 1)),
        ("2025-Q3", QUARTER, date(2025, 7, 1)),
        ("2025 Q3", QUARTER, date(2025, 7, 1)),
        ("2025Q3", QUARTER, date(2025, 7, 1)),
        ("Q3 2025", QUARTER, date(2025, 7, 1)),
        ("Q3-2025", QUARTER, date(2025, 7, 1)),
        ("Q3 '25", QUARTER, date(2025, 7, 1)),
        ("Q3 '24", QUARTER, date(2024, 7, 1)),
        # spacing and surroundings
        ("  Nov  2 ", WEEK, date(2025, 11, 2)),
        ("Nov\u00a02", WEEK, date(2025, 11, 2)),
    ],
)
def test_one_header(header: str, kind: PeriodKind, start: date) -> None:
    assert read_period_headers(["Measurable", header], TODAY) == {1: HeaderPeriod(kind, start, header)}


@pytest.mark.parametrize(
    "header",
    [
        "",
        "Measurable",
        "Title",
        "Owner",
        "Who",
        "Goal",
        "Unit",
        "Notes",
        "Total",
        "Average",
        "Avg",
        "Trend",
        "Status",
        "Description",
        "Group",
        "Mayor",
        "Marching orders",
        "Decent",
        "Q3 Total",
        "Total Q3",
        "Nov Total",
        "Week",
        "W",
        "Q5",
        "Q0",
        "W54",
        "Week 0",
        "2025",
        "45",
        "13/13/2025",
        "2/30/2025",
        "2025-13-01",
        "2025-02-30",
        "Nov 31",
        "12.5",
        "1/2 done",
        "Oct 13 - ",
        "Oct 13 - later",
        "Week of",
        "Week of the launch",
        "Weekly total",
        "Week ending",
    ],
)
def test_headers_that_name_no_period_are_absent(header: str) -> None:
    assert read_period_headers(["Measurable", header, "Notes"], TODAY) == {}


def test_the_text_is_the_header_as_the_sheet_has_it() -> None:
    periods = read_period_headers(["Measurable", " Nov 2 ", "Oct 13 - Oct 19"], TODAY)
    assert [period.text for period in periods.values()] == [" Nov 2 ", "Oct 13 - Oct 19"]


# Whole rows: years, order, kinds -------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "today", "expected"),
    [
        # ascending weeks ending near today
        (["Nov 2", "Nov 9", "Nov 16"], TODAY, [date(2025, 11, 2), date(2025, 11, 9), date(2025, 11, 16)]),
        # descending (newest first) is just as good
        (["Nov 16", "Nov 9", "Nov 2"], TODAY, [date(2025, 11, 16), date(2025, 11, 9), date(2025, 11, 2)]),
        # a run crossing a year rolls the year over
        (
            ["Dec 22", "Dec 29", "Jan 5"],
            date(2026, 1, 10),
            [date(2025, 12, 22), date(2025, 12, 29), date(2026, 1, 5)],
        ),
        (
            ["Jan 5", "Dec 29", "Dec 22"],
            date(2026, 1, 10),
            [date(2026, 1, 5), date(2025, 12, 29), date(2025, 12, 22)],
        ),
        (
            ["Dec 22 - Dec 28", "Dec 29 - Jan 4", "Jan 5 - Jan 11"],
            date(2026, 1, 10),
            [date(2025, 12, 22), date(2025, 12, 29), date(2026, 1, 5)],
        ),
        # the same run read in November is last winter's: this winter's is too far ahead
        (
            ["Dec 22", "Dec 29", "Jan 5"],
            TODAY,
            [date(2024, 12, 22), date(2024, 12, 29), date(2025, 1, 5)],
        ),
        # a whole year of weeks ending this week
        (
            ["Nov 25", "Dec 2", "Nov 17"],
            TODAY,
            [date(2024, 11, 25), date(2024, 12, 2), date(2025, 11, 17)],
        ),
        # next week is allowed (within a month of today)
        (["Nov 17", "Nov 24"], TODAY, [date(2025, 11, 17), date(2025, 11, 24)]),
        # ISO week labels crossing a year
        (["W52", "W1", "W2"], date(2026, 1, 14), [date(2025, 12, 22), date(2025, 12, 29), date(2026, 1, 5)]),
        # months and quarters crossing a year
        (["Nov", "Dec", "Jan"], date(2026, 1, 10), [date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1)]),
        (["Q3", "Q4", "Q1"], date(2026, 1, 10), [date(2025, 7, 1), date(2025, 10, 1), date(2026, 1, 1)]),
        (["Q4", "Q3", "Q2"], TODAY, [date(2025, 10, 1), date(2025, 7, 1), date(2025, 4, 1)]),
        # a column that writes its year anchors the yearless ones around it, however long ago
        (
            ["Dec 22 - Dec 28", "Dec 29, 2023 - Jan 4, 2024", "Jan 5 - Jan 11"],
            TODAY,
            [date(2023, 12, 22), date(2023, 12, 29), date(2024, 1, 5)],
        ),
        (["Nov 3, 2024", "Nov 10", "Nov 17"], TODAY, [date(2024, 11, 3), date(2024, 11, 10), date(2024, 11, 17)]),
        (["2023-Q4", "Q1", "Q2"], TODAY, [date(2023, 10, 1), date(2024, 1, 1), date(2024, 4, 1)]),
        # numeric dates without a year
        (["12/22", "12/29", "1/5"], date(2026, 1, 10), [date(2025, 12, 22), date(2025, 12, 29), date(2026, 1, 5)]),
    ],
)
def test_years_keep_the_columns_in_order_and_near_today(headers: list[str], today: date, expected: list[date]) -> None:
    assert [start for _, start in starts(headers, today).values()] == expected


def test_a_year_of_week_columns_running_through_today_is_this_years() -> None:
    mondays = [date(2025, 1, 6) + timedelta(weeks=index) for index in range(52)]
    headers = [f"{monday:%b} {monday.day}" for monday in mondays]
    assert [start for _, start in starts(headers).values()] == mondays


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        # a part over 12 proves the order for the whole row
        (["13/10/2025", "20/10/2025", "03/11/2025"], [date(2025, 10, 13), date(2025, 10, 20), date(2025, 11, 3)]),
        (["10/13/2025", "10/20/2025", "11/03/2025"], [date(2025, 10, 13), date(2025, 10, 20), date(2025, 11, 3)]),
        (["03/11/2025", "10/11/2025", "17/11/2025"], [date(2025, 11, 3), date(2025, 11, 10), date(2025, 11, 17)]),
        # all ambiguous: only month-first makes weekly columns
        (["11/03/2025", "11/10/2025"], [date(2025, 11, 3), date(2025, 11, 10)]),
        # all ambiguous: only day-first makes weekly columns
        (["03/11/2025", "10/11/2025"], [date(2025, 11, 3), date(2025, 11, 10)]),
        (["06/10/2025", "13/10/2025"], [date(2025, 10, 6), date(2025, 10, 13)]),
        # all ambiguous: only one order makes an ordered run (day-first: Dec 1, Nov 2, Dec 3 is not)
        (["1/12/2025", "2/11/2025", "3/12/2025"], [date(2025, 1, 12), date(2025, 2, 11), date(2025, 3, 12)]),
        # ranges: the second date confirms the order (3/10 - 9/10 is a week only day-first)
        (["3/10 - 9/10"], [date(2025, 10, 3)]),
        # the same day either way needs no decision
        (["1/1/2025", "2/2/2025"], [date(2025, 1, 1), date(2025, 2, 2)]),
    ],
)
def test_day_order_is_proven_or_judged_from_the_row(headers: list[str], expected: list[date]) -> None:
    assert [start for _, start in starts(headers).values()] == expected


@pytest.mark.parametrize(
    "headers",
    [
        ["1/2/2025"],  # a lone ambiguous date
        ["01/02/2025", "02/02/2025"],  # an ordered run either way, weekly neither way
        ["5/6/2025", "7/8/2025", "9/10/2025"],
        ["1/12/2025", "2/11/2025", "3/10/2025"],  # ascending one way, descending the other
        ["3/4 - 5/4"],
    ],
)
def test_undecidable_order_asks_for_a_flag(headers: list[str]) -> None:
    with pytest.raises(AmbiguousDates, match="use --dayfirst or --monthfirst") as raised:
        read_period_headers(["Measurable", *headers], TODAY)
    assert repr(headers[0]) in str(raised.value)


@pytest.mark.parametrize(
    ("headers", "dayfirst", "expected"),
    [
        (["01/02/2025", "02/02/2025"], True, [date(2025, 2, 1), date(2025, 2, 2)]),
        (["01/02/2025", "02/02/2025"], False, [date(2025, 1, 2), date(2025, 2, 2)]),
        (["11/03/2025", "11/10/2025"], True, [date(2025, 3, 11), date(2025, 10, 11)]),  # told, not judged
        (["1/2/2025"], True, [date(2025, 2, 1)]),
        (["13/10/2025"], True, [date(2025, 10, 13)]),
        (["Nov 2", "2025-11-09"], True, [date(2025, 11, 2), date(2025, 11, 9)]),  # names and ISO ignore the flag
    ],
)
def test_a_given_order_wins(headers: list[str], dayfirst: bool, expected: list[date]) -> None:
    assert [start for _, start in starts(headers, dayfirst=dayfirst).values()] == expected


@pytest.mark.parametrize(
    ("headers", "dayfirst", "says"),
    [
        (["13/10/2025", "10/20/2025"], None, "mix day-first '13/10/2025' and month-first '10/20/2025'"),
        (["10/13/2025"], True, "'10/13/2025' is not a date with --dayfirst; use --monthfirst"),
        (["13/10/2025"], False, "'13/10/2025' is not a date with --monthfirst; use --dayfirst"),
    ],
)
def test_contradicting_orders_are_refused(headers: list[str], dayfirst: bool | None, says: str) -> None:
    with pytest.raises(AmbiguousDates, match=says):
        read_period_headers(headers, TODAY, dayfirst=dayfirst)


def test_ambiguous_dates_is_a_value_error() -> None:
    assert issubclass(AmbiguousDates, ValueError)


def test_a_google_sheet_row_keeps_only_its_week_columns() -> None:
    headers = ["Measurable", "Owner", "Goal", "11/3/2025", "11/10/2025", "11/17/2025", "Notes", "Total", "Average"]
    assert starts(headers) == {
        3: (WEEK, date(2025, 11, 3)),
        4: (WEEK, date(2025, 11, 10)),
        5: (WEEK, date(2025, 11, 17)),
    }


def test_a_ninety_row_crossing_a_year() -> None:
    headers = ["", "Status", "Title", "Description", "Owner", "Goal", "Average"]
    headers += ["Dec 15 - Dec 21", "Dec 22 - Dec 28", "Dec 29 - Jan 4", "Jan 5 - Jan 11"]
    assert starts(headers, date(2026, 1, 12)) == {
        7: (WEEK, date(2025, 12, 15)),
        8: (WEEK, date(2025, 12, 22)),
        9: (WEEK, date(2025, 12, 29)),
        10: (WEEK, date(2026, 1, 5)),
    }


def test_kinds_may_mix_in_one_row() -> None:
    headers = ["Measurable", "Nov 3", "Nov 10", "October", "November", "Q3", "Q4", "Q4 Total"]
    assert starts(headers) == {
        1: (WEEK, date(2025, 11, 3)),
        2: (WEEK, date(2025, 11, 10)),
        3: (MONTH, date(2025, 10, 1)),
        4: (MONTH, date(2025, 11, 1)),
        5: (QUARTER, date(2025, 7, 1)),
        6: (QUARTER, date(2025, 10, 1)),
    }


@pytest.mark.parametrize(
    ("header", "fiscal_start_month", "start"),
    [
        ("2025-Q1", 2, date(2025, 2, 1)),
        ("2025-Q4", 2, date(2025, 11, 1)),
        ("Q4 2025", 2, date(2025, 11, 1)),
        ("Q4", 2, date(2025, 11, 1)),
        ("Q1", 7, date(2025, 7, 1)),
        ("Q2", 7, date(2025, 10, 1)),
        ("Q3", 7, date(2025, 1, 1)),  # fiscal 2024's Q3: the latest one begun
    ],
)
def test_quarters_follow_the_fiscal_year(header: str, fiscal_start_month: int, start: date) -> None:
    assert starts([header], fiscal_start_month=fiscal_start_month) == {0: (QUARTER, start)}


# Two header rows ---------------------------------------------------------------------------------


def test_bloom_week_starts_above_week_ends() -> None:
    starts_row = ["", "", "", "11/03/2025", "11/10/2025", "11/17/2025"]
    ends_row = ["Who", "Measurables", "Goal", "11/09/2025", "11/16/2025", "11/23/2025"]
    periods = read_period_headers(starts_row, TODAY, second_row=ends_row)
    assert periods == {
        3: HeaderPeriod(WEEK, date(2025, 11, 3), "11/03/2025"),
        4: HeaderPeriod(WEEK, date(2025, 11, 10), "11/10/2025"),
        5: HeaderPeriod(WEEK, date(2025, 11, 17), "11/17/2025"),
    }


def test_the_second_row_names_a_column_the_first_leaves_blank() -> None:
    periods = read_period_headers(["Group", "", "Nov 3"], TODAY, second_row=["Measurable", "Nov 2", "Nov 9"])
    assert periods == {
        1: HeaderPeriod(WEEK, date(2025, 11, 2), "Nov 2"),
        2: HeaderPeriod(WEEK, date(2025, 11, 3), "Nov 3"),
    }


def test_week_ends_in_the_second_row_help_decide_the_order() -> None:
    # the week start alone could be either order; the week end (day 16) proves month first for both rows
    periods = read_period_headers(["", "11/03/2025"], TODAY, second_row=["Who", "11/16/2025"])
    assert periods == {1: HeaderPeriod(WEEK, date(2025, 11, 3), "11/03/2025")}


def test_one_bloom_week_decides_its_order_from_its_start_and_end() -> None:
    # 11/03 above 11/09: month first is a week (Nov 3 - Nov 9), day first is not (11 Mar - 11 Sep)
    periods = read_period_headers(["", "11/03/2025"], TODAY, second_row=["Who", "11/09/2025"])
    assert periods == {1: HeaderPeriod(WEEK, date(2025, 11, 3), "11/03/2025")}


def test_a_second_row_with_no_dates_changes_nothing() -> None:
    periods = read_period_headers(["Measurable", "Nov 3"], TODAY, second_row=["", "actual"])
    assert periods == {1: HeaderPeriod(WEEK, date(2025, 11, 3), "Nov 3")}


# Date cells --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dayfirst", "expected"),
    [
        ("2025-11-30", None, date(2025, 11, 30)),
        ("2025-11-30 14:00", None, date(2025, 11, 30)),
        ("2025-11-30 14:00:00", None, date(2025, 11, 30)),
        ("2025-11-30T14:00:00Z", None, date(2025, 11, 30)),
        ("11/30/2025", None, date(2025, 11, 30)),
        ("11/30/25", None, date(2025, 11, 30)),
        ("11/30/2025 2:15 PM", None, date(2025, 11, 30)),
        ("30/11/2025", None, date(2025, 11, 30)),  # day over 12 proves the order
        ("30.11.2025", None, date(2025, 11, 30)),
        ("3/10/2025", None, date(2025, 3, 10)),  # ambiguous: month first, as Ninety and Bloom export
        ("3/10/2025", True, date(2025, 10, 3)),
        ("3/10/2025", False, date(2025, 3, 10)),
        ("Nov 30, 2025", None, date(2025, 11, 30)),
        ("November 30, 2025", None, date(2025, 11, 30)),
        ("30 Nov 2025", None, date(2025, 11, 30)),
        ("30-Nov-2025", None, date(2025, 11, 30)),
        ("Sun, Nov 30, 2025", None, date(2025, 11, 30)),
        ("  2025-11-30  ", None, date(2025, 11, 30)),
        ("Nov 30", None, date(2025, 11, 30)),  # no year: the nearest to today
        ("Jan 5", None, date(2026, 1, 5)),
        ("Oct 1", None, date(2025, 10, 1)),
    ],
)
def test_date_cells(text: str, dayfirst: bool | None, expected: date) -> None:
    assert parse_date_cell(text, TODAY, dayfirst) == expected


@pytest.mark.parametrize(
    ("text", "dayfirst", "says"),
    [
        ("", None, "the date is empty"),
        ("   ", None, "the date is empty"),
        ("soon", None, "'soon' is not a date"),
        ("next Friday", None, "'next Friday' is not a date"),
        ("2025-02-30", None, "'2025-02-30' is not a date \\(no such day"),
        ("13/13/2025", None, "'13/13/2025' is not a date \\(no such day"),
        ("30/11/2025", False, "'30/11/2025' is not a date \\(no such day"),
        ("11/30/2025", True, "'11/30/2025' is not a date \\(no such day"),
        ("Q3", None, "'Q3' is not a date"),
        ("45", None, "'45' is not a date"),
    ],
)
def test_bad_date_cells_say_why(text: str, dayfirst: bool | None, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        parse_date_cell(text, TODAY, dayfirst)

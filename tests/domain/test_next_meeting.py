"""The next weekly meeting, computed from the meeting day and time and the clock."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from cadence.domain.periods import next_meeting

TUESDAY = 1
NINE = time(9, 0)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime(2026, 11, 23, 9, 0), datetime(2026, 11, 24, 9, 0)),  # Monday: tomorrow
        (datetime(2026, 11, 24, 8, 59), datetime(2026, 11, 24, 9, 0)),  # Tuesday, not started yet: today
        (datetime(2026, 11, 24, 9, 0), datetime(2026, 11, 24, 9, 0)),  # exactly at the start: this one
        (datetime(2026, 11, 24, 9, 1), datetime(2026, 12, 1, 9, 0)),  # started: next week's
        (datetime(2026, 11, 29, 23, 59), datetime(2026, 12, 1, 9, 0)),  # Sunday night, across a month end
        (datetime(2026, 12, 30, 12, 0), datetime(2027, 1, 5, 9, 0)),  # across a year end
    ],
)
def test_next_meeting(now: datetime, expected: datetime) -> None:
    assert next_meeting(now, TUESDAY, NINE) == expected


def test_every_weekday_lands_on_the_meeting_day_within_a_week() -> None:
    for day in range(7):
        for hour in (0, 12, 23):
            now = datetime(2026, 11, 23 + day, hour, 30)
            found = next_meeting(now, 4, time(14, 0))
            assert found.weekday() == 4
            assert found.time() == time(14, 0)
            assert now <= found
            assert (found - now).days < 7

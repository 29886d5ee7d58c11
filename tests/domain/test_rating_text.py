"""An average rating reads as people round it: halves up, one decimal."""

from __future__ import annotations

import pytest
from cadence.domain.meeting_parts import rating_text


@pytest.mark.parametrize(("average", "shown"), [(8.25, "8.3"), (8.2, "8.2"), (7.75, "7.8"), (10.0, "10.0"), (8.24, "8.2")])
def test_rating_text_rounds_halves_up(average: float, shown: str) -> None:
    assert rating_text(average) == shown

"""Long imports say how far they are; short ones say nothing extra. ``--map`` pairs are checked."""

from __future__ import annotations

import pytest

from cadence.cli import import_command
from cadence.cli.import_command import ProgressPrinter
from cadence.store.errors import InputError
from cadence.store.importing.owners import parse_people_map


class Clock:
    """A clock the test moves by hand, so nothing here depends on how fast the machine is."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_is_quiet_for_a_moment_then_shows_rows_read_planned_and_written(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = Clock()
    monkeypatch.setattr(import_command.time, "monotonic", clock)
    progress = ProgressPrinter()

    progress("read", 100, 5000)  # at once: a short import prints nothing
    clock.now += 0.5
    progress("read", 2500, 5000)
    assert capsys.readouterr().err == ""

    clock.now += 0.6  # past a second: now it says how far it is
    progress("read", 5000, 5000)
    progress("planned", 10, 5000)  # too soon after the last line: skipped
    clock.now += 0.3
    progress("planned", 5000, 5000)
    progress("written", 5000, 5000)  # a stage's end is always shown
    assert capsys.readouterr().err.splitlines() == [
        "... read 5000/5000",
        "... planned 5000/5000",
        "... written 5000/5000",
    ]


def test_people_map_pairs_are_read_case_insensitively() -> None:
    assert parse_people_map(["Old Name=P-3", " Sam = Samira Okafor "]) == {"old name": "P-3", "sam": "Samira Okafor"}


@pytest.mark.parametrize("pair", ["Old Name", "=P-3", "Old Name=", "  =  "])
def test_a_people_map_pair_without_both_sides_is_refused(pair: str) -> None:
    with pytest.raises(InputError, match='should look like "Old Name=P-3"'):
        parse_people_map([pair])

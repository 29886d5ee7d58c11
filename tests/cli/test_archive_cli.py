"""``cadence archive`` as a shell user runs it: what moved, where, and that check and export still see it all."""

from __future__ import annotations

import json
from pathlib import Path


def _history(cadence) -> None:  # type: ignore[no-untyped-def]
    """A rock, a done to-do, a solved issue and a headline from 2025, one open to-do, and this week's work."""
    assert cadence("init", "--company", "Acme").code == 0
    assert cadence("person", "add", "Ann").code == 0
    assert cadence("rock", "add", "Old rock", "--owner", "Ann", "--quarter", "2025-Q1").code == 0
    assert cadence("rock", "add", "This quarter", "--owner", "Ann").code == 0
    assert cadence("todo", "add", "Old call", "--owner", "Ann", "--due", "2025-02-03").code == 0
    assert cadence("todo", "add", "Open call", "--owner", "Ann", "--due", "2025-02-03").code == 0


def test_archive_moves_closed_history_and_check_and_export_see_it(cadence, workspace_dir: Path) -> None:  # type: ignore[no-untyped-def]
    _history(cadence)
    assert cadence("todo", "done", "T-1").code == 0  # done today (2026-11-23): stays live this quarter
    before = json.loads(cadence("export").out)

    dry = cadence("archive", "--dry-run")
    assert dry.code == 0 and "would move to archive/2025-Q1.json: 1 rock" in dry.out
    assert not (workspace_dir / "archive").exists()

    moved = cadence("archive")
    assert moved.code == 0, moved.err
    assert "moved to archive/2025-Q1.json: 1 rock" in moved.out
    live = json.loads((workspace_dir / "cadence.json").read_text())
    assert [rock["title"] for rock in live["rocks"].values()] == ["This quarter"]
    assert json.loads(cadence("export").out) == before  # export reads live and archive as one

    checked = cadence("check")
    assert checked.code == 0 and "(1 of them in" in checked.out

    later = cadence("archive", "--as-of", "2027-06-01")  # a year on, this quarter's rock and the done to-do move too
    assert "archive/2026-Q4.json: 1 rock, 1 to-do" in later.out
    titles = [todo["title"] for todo in json.loads((workspace_dir / "cadence.json").read_text())["todos"].values()]
    assert titles == ["Open call"]  # open work never moves
    assert cadence("archive", "--as-of", "2027-06-01").out.startswith("nothing to archive")


def test_a_bad_date_is_refused_and_nothing_moves(cadence, workspace_dir: Path) -> None:  # type: ignore[no-untyped-def]
    _history(cadence)
    before = (workspace_dir / "cadence.json").read_bytes()
    result = cadence("archive", "--as-of", "someday")
    assert result.code == 1 and "--as-of" in result.err
    assert (workspace_dir / "cadence.json").read_bytes() == before


def test_check_suggests_archiving_closed_history_until_it_is_moved(cadence) -> None:  # type: ignore[no-untyped-def]
    _history(cadence)
    before = cadence("check")
    assert before.code == 0 and "note: 1 record of closed history is in the live file" in before.out
    assert cadence("archive").code == 0
    after = cadence("check")
    assert after.code == 0 and "note:" not in after.out


def test_check_validates_every_record_even_of_a_file_it_knows(cadence, validated_kinds) -> None:  # type: ignore[no-untyped-def]
    from cadence.domain.ids import Kind

    _history(cadence)
    cadence("todo", "list")  # the file's bytes are now known valid to this user
    validated_kinds.clear()
    assert cadence("check").code == 0
    assert set(validated_kinds) == set(Kind)

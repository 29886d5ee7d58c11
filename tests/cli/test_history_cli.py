"""History from the shell after ``cadence archive``: every view that asks for it reads the archive, the rest do not.

The workspace is two years of a team's weekly rhythm built through the store
(``tests.store.test_archive.build_history``), then archived by the CLI as a
user would. Each history command must show the archived records; the default
views must keep reading only the live file (``Workspace.read_history`` is
counted); a write naming an archived record is refused by name and the files
on disk stay as they were.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from cadence.store import Workspace

from tests.store.test_archive import TODAY, build_history


@pytest.fixture
def archived(cadence, workspace_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, int]]:  # type: ignore[no-untyped-def]
    """Two archived years; yields a counter of history reads made by the commands run after it."""
    monkeypatch.setenv("CADENCE_TODAY", TODAY.isoformat())
    build_history(workspace_dir, years=2)
    result = cadence("archive")
    assert result.code == 0 and "moved" in result.out, result.err
    reads = {"history": 0}
    original = Workspace.read_history

    def counted(self: Workspace, *, verify: bool = False):  # type: ignore[no-untyped-def]
        reads["history"] += 1
        return original(self, verify=verify)

    monkeypatch.setattr(Workspace, "read_history", counted)
    yield reads


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in [folder / "cadence.json", *sorted((folder / "archive").iterdir())]}


def _ids(out: str) -> list[str]:
    return [line.split()[0] for line in out.splitlines()[1:] if line.strip()]


def test_issue_list_all_reads_the_archive_and_the_default_does_not(cadence, archived) -> None:  # type: ignore[no-untyped-def]
    live = cadence("issue", "list")
    assert live.code == 0 and "Still open" in live.out and "Issue 0" not in live.out
    assert archived["history"] == 0
    every = json.loads(cadence("issue", "list", "--all", "--json").out)
    titles = {issue["title"] for issue in every}
    assert {"Issue 0", "Issue 104", "Still open"} <= titles and len(every) == 106
    assert archived["history"] == 1


def test_todo_and_headline_lists_take_all_for_the_archive(cadence, archived) -> None:  # type: ignore[no-untyped-def]
    live_todos = json.loads(cadence("todo", "list", "--json").out)
    live_headlines = json.loads(cadence("headline", "list", "--json").out)
    assert "Call 0" not in {t["title"] for t in live_todos} and "News 0" not in {h["text"] for h in live_headlines}
    assert archived["history"] == 0
    every_todo = json.loads(cadence("todo", "list", "--all", "--json").out)
    every_headline = json.loads(cadence("headline", "list", "--all", "--json").out)
    assert len(every_todo) == 106 and "Call 0" in {t["title"] for t in every_todo}
    assert len(every_headline) == 105 and "News 0" in {h["text"] for h in every_headline}


def test_rock_list_of_an_old_quarter_and_all_read_the_archive(cadence, archived) -> None:  # type: ignore[no-untyped-def]
    this_quarter = cadence("rock", "list")
    last_quarter = cadence("rock", "list", "--quarter", "2026-Q3")
    assert this_quarter.code == 0 and last_quarter.code == 0 and "2026-Q3" in last_quarter.out
    assert archived["history"] == 0  # this and last quarter are live
    old = cadence("rock", "list", "--quarter", "2025-Q1")
    assert old.code == 0 and _ids(old.out) and all("2025-Q1" in line for line in old.out.splitlines()[1:])
    every = json.loads(cadence("rock", "list", "--quarter", "all", "--json").out)
    assert {rock["quarter"] for rock in every} >= {"2024-Q4", "2025-Q1", "2026-Q3"}
    assert archived["history"] == 2


def test_rock_show_of_an_archived_rock_says_it_is_archived(cadence, archived) -> None:  # type: ignore[no-untyped-def]
    shown = cadence("rock", "show", "R-1")
    assert shown.code == 0, shown.err
    assert "Rock 0" in shown.out and "archived (2024-Q4): history is read-only" in shown.out
    assert json.loads(cadence("rock", "show", "R-1", "--json").out)["title"] == "Rock 0"
    missing = cadence("rock", "show", "R-999")
    assert missing.code == 1 and "no rock R-999" in missing.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("rock", "set", "R-1", "--status", "not-done"), "R-1 is in the archive (2024-Q4): history is read-only"),
        (("rock", "edit", "r1", "--title", "New"), "R-1 is in the archive (2024-Q4): history is read-only"),
        (("issue", "edit", "I-1", "--title", "New"), "I-1 is in the archive (2024-Q4): history is read-only"),
        (("todo", "done", "T-1", "--undo"), "T-1 is in the archive (2024-Q4): history is read-only"),
        (("headline", "delete", "H-1"), "H-1 is in the archive (2024-Q4): history is read-only"),
        (("meeting", "end", "MT-1"), "MT-1 is in the archive (2024-Q4): history is read-only"),
    ],
)
def test_a_write_to_an_archived_record_is_refused_by_name(
    cadence, archived, workspace_dir: Path, args: tuple[str, ...], message: str
) -> None:  # type: ignore[no-untyped-def]
    before = _files(workspace_dir)
    result = cadence(*args)
    assert result.code == 1 and message in result.err, result.err
    assert _files(workspace_dir) == before


def test_a_write_to_a_record_nowhere_keeps_the_stores_message(cadence, archived) -> None:  # type: ignore[no-untyped-def]
    result = cadence("rock", "set", "R-999", "--status", "done")
    assert result.code == 1 and "no rock R-999" in result.err


def test_meetings_list_all_show_and_export_read_the_archive(cadence, archived) -> None:  # type: ignore[no-untyped-def]
    live = json.loads(cadence("meeting", "list", "--json").out)
    assert archived["history"] == 0 and live and "MT-1" not in {m["id"] for m in live}
    every = json.loads(cadence("meeting", "list", "--all", "--json").out)
    assert len(every) == 105 and every[-1]["id"] == "MT-1" and every[-1]["started_at"].startswith("2024-12-02")
    shown = cadence("meeting", "show", "MT-1")
    assert shown.code == 0 and "archived (2024-Q4): history is read-only" in shown.out
    exported = cadence("meeting", "export", "mt-1")
    assert exported.code == 0 and "2024-12-02" in exported.out


def test_score_show_beyond_the_live_weeks_reads_the_archive(cadence, archived) -> None:  # type: ignore[no-untyped-def]
    default = json.loads(cadence("score", "show", "--json").out)[0]["weeks"]
    assert archived["history"] == 0 and len(default) == 13 and all(cell is not None for cell in default.values())
    longer = json.loads(cadence("score", "show", "--weeks", "52", "--json").out)[0]["weeks"]
    assert archived["history"] == 1
    assert len(longer) == 52 and all(cell is not None for cell in longer.values())  # every week had a value


def test_scorecard_export_beyond_the_live_weeks_reads_the_archive(cadence, archived) -> None:  # type: ignore[no-untyped-def]
    short = cadence("scorecard", "export", "--no-notes")
    assert short.code == 0 and archived["history"] == 0
    long = cadence("scorecard", "export", "--weeks", "60", "--no-notes")  # past the live 4 quarters
    assert long.code == 0 and archived["history"] == 1
    header, row = long.out.splitlines()[:2]
    cells = row.split(",")[len(row.split(",")) - 60 :]
    assert len(header.split(",")) - 60 == len(row.split(",")) - 60 and all(cell != "" for cell in cells)


@pytest.mark.parametrize(
    "args",
    [
        ("score", "set", "M-1", "7", "--week", "2025-03-03"),
        ("score", "note", "M-1", "late", "--week", "2025-03-05"),
        ("score", "clear", "M-1", "--week", "2025-03-03"),
    ],
)
def test_a_value_in_the_archive_is_not_written_twice(cadence, archived, workspace_dir: Path, args) -> None:  # type: ignore[no-untyped-def]
    before = _files(workspace_dir)
    result = cadence(*args)
    assert result.code == 1
    assert "M-1's value for the week of 2025-03-03 is in the archive (2025-Q1): history is read-only" in result.err
    assert _files(workspace_dir) == before


def test_this_weeks_value_is_written_without_reading_the_archive(cadence, archived, workspace_dir: Path) -> None:  # type: ignore[no-untyped-def]
    assert cadence("score", "set", "M-1", "12").code == 0
    assert cadence("score", "set", "M-1", "13", "--week", "-2w").code == 0
    assert archived["history"] == 0
    live = json.loads((workspace_dir / "cadence.json").read_text())["scores"].values()
    assert {(s["week"], s["value"]) for s in live} >= {("2026-11-30", 12.0), ("2026-11-16", 13.0)}

"""Closed history moves to ``archive/<quarter>.json``; nothing is lost, and the live file stops growing with history.

A workspace with ``years`` of weekly rhythm is built through the store (rocks,
scores, issues, to-dos, headlines and meetings each week), then archived as
of its last day. The assertions are on the files: what each holds, what the
whole workspace reads as, and what a crash half-way leaves.
"""

from __future__ import annotations

import os
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from cadence.domain.ids import Kind
from cadence.domain.models import (
    Goal,
    Headline,
    Issue,
    IssueStatus,
    Measurable,
    Meeting,
    Person,
    Rock,
    RockStatus,
    Score,
    Team,
    Todo,
)
from cadence.domain.periods import quarter_of
from cadence.store import Workspace, WorkspaceCorrupt, WorkspaceUnsafe
from cadence.store.view import View

TODAY = date(2026, 11, 30)  # a Monday in 2026-Q4: the live window starts on 2026-07-01


def build_history(folder: Path, years: int) -> Workspace:
    """A team's ``years`` of weeks ending at TODAY, through one transaction of the store's own adds."""
    Workspace.create(folder, company="Acme")
    workspace = Workspace(folder, clock=lambda: datetime.combine(TODAY, datetime.min.time()))
    first = TODAY - timedelta(weeks=52 * years)
    with workspace.transaction() as tx:
        ann = tx.add(Person, name="Ann")
        team = tx.add(Team, name="Leadership", member_ids=[ann.id], leadership=True)
        leads = tx.add(Measurable, title="Leads", owner_id=ann.id, goal=Goal(comparator=">=", value=10))
        for week in range(52 * years + 1):
            monday = first + timedelta(weeks=week)
            tx.add(Score, measurable_id=leads.id, week=monday, value=float(week % 20))
            tx.add(Todo, title=f"Call {week}", owner_id=ann.id, due=monday, done=True, done_on=monday, created=monday)
            tx.add(Headline, text=f"News {week}", headline_kind="customer", by_id=ann.id, created=monday)
            tx.add(
                Issue,
                title=f"Issue {week}",
                status=IssueStatus.SOLVED,
                decision="Done",
                created=monday,
                closed=monday,
            )
            start = datetime.combine(monday, datetime.min.time()).replace(hour=9)
            tx.add(Meeting, team_id=team.id, started_at=start, ended_at=start + timedelta(minutes=90))
            if week % 13 == 0:
                quarter = quarter_of(monday).label
                tx.add(Rock, title=f"Rock {week}", owner_id=ann.id, quarter=quarter, status=RockStatus.DONE, created=monday)
        tx.add(Todo, title="Still open", owner_id=ann.id, due=date(2020, 1, 6), created=date(2020, 1, 1))
        tx.add(Issue, title="Still open", created=date(2020, 1, 1))
    return workspace


def dumped(view: View) -> dict[Kind, list[dict[str, object]]]:
    return {kind: [record.model_dump(mode="json") for record in view.records(kind)] for kind in Kind}


@pytest.fixture
def history(tmp_path: Path) -> Workspace:
    return build_history(tmp_path / "ws", years=2)


def test_closed_history_moves_and_the_whole_workspace_reads_the_same(history: Workspace) -> None:
    whole = dumped(history.read())
    report = history.archive(TODAY)
    live = history.read()
    assert dumped(history.read_history()) == whole  # nothing lost, nothing changed
    assert report.total == sum(map(len, whole.values())) - sum(len(live.records(kind)) for kind in Kind)
    assert {rock.quarter for rock in live.rocks} <= {"2026-Q3", "2026-Q4"}
    assert min(score.week for score in live.scores) == date(2026, 1, 5)  # the scorecard's 4 quarters
    assert all(todo.done_on is None or todo.done_on >= date(2026, 7, 1) for todo in live.todos)
    assert {todo.title for todo in live.todos if not todo.done} == {"Still open"}  # open work never moves
    assert "Still open" in {issue.title for issue in live.issues}
    assert all(headline.created >= date(2026, 7, 1) for headline in live.headlines)
    assert live.people and live.teams and live.measurables  # never archived
    names = history.archive_names()
    assert names[0] == "2024-Q4.json" and names[-1] == "2026-Q2.json"
    assert history.archive(TODAY).total == 0  # a second run finds nothing


def test_the_live_file_does_not_grow_with_history(tmp_path: Path) -> None:
    """Two years or five: after archiving, the file an edit rewrites is the same size (same live weeks)."""
    sizes = []
    for years in (2, 5):
        workspace = build_history(tmp_path / f"ws{years}", years=years)
        workspace.archive(TODAY)
        sizes.append(os.path.getsize(workspace.path))
    assert sizes[1] < sizes[0] * 1.05


def test_each_archive_file_is_a_workspace_file_of_its_quarter(history: Workspace) -> None:
    history.archive(TODAY)
    quarter_file = history.folder / "archive" / "2025-Q2.json"
    copy = Workspace.create(history.folder.parent / "copy")
    copy.path.write_bytes(quarter_file.read_bytes())  # it opens as a workspace of its own
    archived = copy.read()
    assert archived.meta.schema_version == history.read().meta.schema_version
    assert {quarter_of(score.week).label for score in archived.scores} == {"2025-Q2"}
    assert {quarter_of(todo.done_on).label for todo in archived.todos if todo.done_on} == {"2025-Q2"}


def test_a_dry_run_writes_nothing(history: Workspace) -> None:
    before = history.path.read_bytes()
    report = history.archive(TODAY, dry_run=True)
    assert report.total > 0 and report.dry_run
    assert history.path.read_bytes() == before
    assert not (history.folder / "archive").exists()


def test_a_crash_between_archive_and_live_write_loses_nothing(
    history: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = dumped(history.read())
    before = history.path.read_bytes()

    def killed(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workspace, "_replace", killed)
    with pytest.raises(OSError):
        history.archive(TODAY)
    monkeypatch.undo()
    assert history.path.read_bytes() == before  # the live file still holds everything
    assert history.archive_names()  # and the archives were written first
    assert dumped(history.read_history()) == whole  # read as one: the live copy wins, no record twice
    history.archive(TODAY)  # the next run tidies: each record in exactly one place
    live_ids = {record.id for kind in Kind for record in history.read().records(kind)}
    archived_ids = {record.id for kind in Kind for record in history.read_history().records(kind)} - live_ids
    assert archived_ids and dumped(history.read_history()) == whole


def test_edits_after_archiving_keep_ids_unique(history: Workspace) -> None:
    history.archive(TODAY)
    with history.transaction() as tx:
        added = tx.add(Todo, title="New", owner_id="P-1", due=TODAY, created=TODAY)
    every_todo = [todo.id for todo in history.read_history().todos]
    assert every_todo.count(added.id) == 1


def test_a_damaged_archive_is_named_and_nothing_is_changed(history: Workspace) -> None:
    history.archive(TODAY)
    damaged = history.folder / "archive" / "2025-Q2.json"
    damaged.write_text("{ not json")
    with pytest.raises(WorkspaceCorrupt, match="2025-Q2.json"):
        history.read_history()
    with history.transaction() as tx:  # the live file still works
        tx.add(Todo, title="Old", owner_id="P-1", due=date(2025, 5, 5), done=True, done_on=date(2025, 5, 5), created=TODAY)
    before = history.path.read_bytes()
    with pytest.raises(WorkspaceCorrupt, match="2025-Q2.json"):
        history.archive(TODAY)  # a to-do for that quarter cannot be merged into a damaged file
    assert history.path.read_bytes() == before
    assert damaged.read_text() == "{ not json"


def test_a_link_planted_at_archive_is_refused(history: Workspace, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (history.folder / "archive").symlink_to(elsewhere)
    before = history.path.read_bytes()
    with pytest.raises(WorkspaceUnsafe):
        history.archive(TODAY)
    assert history.path.read_bytes() == before and not list(elsewhere.iterdir())


def test_archive_files_take_the_live_files_mode(history: Workspace) -> None:
    os.chmod(history.folder, 0o2770)
    os.chmod(history.path, 0o660)
    history.archive(TODAY)
    folder_mode = stat.S_IMODE(os.stat(history.folder / "archive").st_mode)
    assert folder_mode == 0o2770
    for name in history.archive_names():
        assert stat.S_IMODE(os.stat(history.folder / "archive" / name).st_mode) == 0o660

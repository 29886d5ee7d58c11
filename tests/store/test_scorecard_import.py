"""The scorecard importer below the CLI: what ``recognise`` says about each shape (and what it refuses),
progress while it runs, and a Description column changing an existing measurable's description."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cadence.store import Workspace, actions
from cadence.store.importing import ImportOptions
from cadence.store.importing.scorecard import ScorecardImporter
from cadence.store.tables import read_text, read_workbook

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"
TODAY = date(2026, 11, 25)


@pytest.fixture
def scored(workspace: Workspace) -> Workspace:
    """Ann and Bob; Leads (M-1, Ann's) and Calls (M-2, Bob's), without values."""
    with workspace.transaction() as tx:
        actions.add_person(tx, "Ann")
        actions.add_person(tx, "Bob")
        actions.add_measurable(tx, "Leads", "Ann", ">= 10")
        actions.add_measurable(tx, "Calls", "Bob", ">= 5")
    return workspace


@pytest.mark.parametrize(
    ("name", "says"),
    [
        (
            "scorecard_google_us.csv",
            "Google Sheets-style scorecard: 4 week columns (US dates), a Notes column, header on row 3",
        ),
        ("scorecard_nov_headers.csv", "Google Sheets-style scorecard: 3 week columns (dates without a year)"),
        ("scorecard_bloom.csv", "Bloom Growth scorecard export (two header rows)"),
        ("scorecard_ninety.csv", "Ninety scorecard export (weeks headed Dec 22 - Dec 28)"),
        ("scorecard_monthly.csv", "monthly scorecard (6 month columns), header on row 2"),
        ("scorecard_quarterly.csv", "quarterly scorecard (4 quarter columns)"),
        ("scorecard_dayfirst.csv", "Google Sheets-style scorecard: 3 week columns (day-first dates)"),
        (
            "scorecard_ambiguous.csv",
            "Google Sheets-style scorecard: 1 week column (dates whose day/month order is unclear)",
        ),
        ("scorecard_tabs.tsv", "Google Sheets-style scorecard: 3 week columns (ISO dates)"),
        ("scorecard_pipes.txt", "Google Sheets-style scorecard: 3 week columns (ISO week labels)"),
    ],
)
def test_recognise_says_what_it_found(name: str, says: str) -> None:
    assert ScorecardImporter().recognise(read_workbook(FIXTURES / name)) == says


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Name,Email\nAnn,ann@example.com\n",
        "To-do,Owner,Due Date\nCall the printer,Ann,2026-11-30\n",
        "Quarterly plan\n\nsome notes,,\n",
    ],
    ids=["empty", "a-list-of-names", "to-dos", "prose"],
)
def test_recognise_refuses_what_is_not_a_scorecard(text: str) -> None:
    assert ScorecardImporter().recognise(read_text(text)) is None


def test_progress_is_reported_for_read_planned_and_written(scored: Workspace) -> None:
    seen: list[tuple[str, int, int]] = []
    book = read_text(
        "Measurable,Owner,Goal,2026-11-09,2026-11-16\nLeads,Ann,>= 15,14,16\nCalls,Bob,>= 5,6,7\nSALES,,,,\n"
    )
    with scored.transaction() as tx:
        report = ScorecardImporter().run(tx, book, ImportOptions(today=TODAY, progress=lambda *step: seen.append(step)))
    assert not report.problems
    assert ("read", 2, 2) in seen and ("planned", 2, 2) in seen and seen[-1][0] == "written"
    assert [stage for stage, _, _ in seen] == ["read", "planned", "planned", *["written"] * (len(seen) - 3)]


def test_a_description_column_sets_the_description(scored: Workspace) -> None:
    book = read_text("Title,Owner,Description,2026-11-16\nLeads,Ann,Qualified by a call,16\n")
    with scored.transaction() as tx:
        report = ScorecardImporter().run(tx, book, ImportOptions(today=TODAY))
    assert "row 2: M-1 'Leads' description 'Qualified by a call'" in report.lines
    leads = next(m for m in scored.read().measurables if m.id == "M-1")
    assert leads.description == "Qualified by a call"
    with scored.transaction() as tx:
        again = ScorecardImporter().run(tx, book, ImportOptions(today=TODAY))
    assert not again.changed, "the same description again changes nothing"
    with scored.transaction() as tx:
        actions.edit_measurable(tx, "M-1", description="  Calls that booked a demo ")
    assert next(m for m in scored.read().measurables if m.id == "M-1").description == "Calls that booked a demo"


def test_recognise_names_cadences_own_export() -> None:
    book = read_text("Measurable,Owner,Goal,Unit,Description,2026-11-16\nLeads,Ann,>= 10,number,,12\n")
    assert ScorecardImporter().recognise(book) == "cadence scorecard export: 1 week column (ISO dates)"


def test_bloom_weeks_from_sunday_land_in_the_week_holding_their_middle(scored: Workspace) -> None:
    """Sun 1 Nov - Sat 7 Nov is the week of Monday 2 Nov (a week start alone would say 26 Oct)."""
    book = read_text(",,,11/01/2026,11/08/2026\nWho,Measurables,Goal,11/07/2026,11/14/2026\nAnn,Leads,>= 10,11,13\n")
    with scored.transaction() as tx:
        report = ScorecardImporter().run(tx, book, ImportOptions(today=TODAY))
    assert not report.problems
    weeks = {s.week: s.value for s in scored.read().scores}
    assert weeks == {date(2026, 11, 2): 11, date(2026, 11, 9): 13}


def test_ninety_ranges_from_sunday_land_in_the_week_holding_their_middle(scored: Workspace) -> None:
    """A range in one cell, Sun 1 Nov - Sat 7 Nov, is the week of Monday 2 Nov, as Bloom's two rows are."""
    book = read_text("Title,Owner,Goal,Nov 1 - Nov 7,Nov 8 - Nov 14\nLeads,Ann,>= 10,11,13\n")
    with scored.transaction() as tx:
        report = ScorecardImporter().run(tx, book, ImportOptions(today=TODAY))
    assert not report.problems
    weeks = {s.week: s.value for s in scored.read().scores}
    assert weeks == {date(2026, 11, 2): 11, date(2026, 11, 9): 13}

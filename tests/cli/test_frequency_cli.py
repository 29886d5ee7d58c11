"""Monthly and quarterly measurables from the shell: add, edit, list, set by month or quarter, show.

Each runs the real ``cadence`` entry point (2026-11-23, a Monday) and reads the
workspace file back: a monthly value must land on the month's 1st, a quarterly
one on the quarter's first day, whatever day names it.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from cadence.locations import agendas_dir
from cadence.store import Workspace
from cadence.store.actions import meetings
from cadence.store.agendas import load_agendas


def stored(workspace_dir: Path, table: str) -> dict[str, dict[str, Any]]:
    """A table of the file keyed by record id (the file keys rows by number)."""
    rows = json.loads((workspace_dir / "cadence.json").read_text())[table].values()
    return {row["id"]: row for row in rows}


def scores(workspace_dir: Path) -> dict[tuple[str, str], dict[str, Any]]:
    return {(s["measurable_id"], s["week"]): s for s in stored(workspace_dir, "scores").values()}


@pytest.fixture
def card(team_workspace):  # type: ignore[no-untyped-def]
    """M-1 Leads (weekly >= 10), M-2 Revenue booked (monthly >= $400,000), M-3 Customer NPS (quarterly >= 50)."""
    for args in (
        ("Leads", "--goal", ">= 10"),
        ("Revenue booked", "--goal", ">= 400000", "--unit", "currency", "--frequency", "monthly"),
        ("Customer NPS", "--goal", ">= 50", "--frequency", "Quarterly", "--rollup", "average"),
    ):
        added = team_workspace("measurable", "add", *args, "--owner", "Ann", "--team", "Leadership")
        assert added.code == 0, added.err
    return team_workspace


def test_add_stores_the_frequency_and_says_it(card, workspace_dir: Path) -> None:
    measurables = stored(workspace_dir, "measurables")
    assert {m["id"]: m["frequency"] for m in measurables.values()} == {
        "M-1": "weekly",
        "M-2": "monthly",
        "M-3": "quarterly",
    }
    added = card("measurable", "add", "Churn", "--owner", "Ann", "--goal", "< 3", "--frequency", "monthly")
    assert added.out.startswith("M-4 Churn (monthly, goal")


def test_add_refuses_an_unknown_frequency_and_writes_nothing(card, workspace_dir: Path) -> None:
    before = (workspace_dir / "cadence.json").read_bytes()
    result = card("measurable", "add", "X", "--owner", "Ann", "--goal", ">= 1", "--frequency", "daily")
    assert result.code != 0
    assert "frequency" in result.err and "monthly" in result.err
    assert (workspace_dir / "cadence.json").read_bytes() == before


def test_list_shows_each_measurables_frequency(card) -> None:
    out = card("measurable", "list").out.splitlines()
    assert "FREQUENCY" in out[0]
    rows = {line.split()[0]: line for line in out[1:]}
    assert "weekly" in rows["M-1"] and "monthly" in rows["M-2"] and "quarterly" in rows["M-3"]
    assert "$400,000" in rows["M-2"]
    listed = json.loads(card("measurable", "list", "--json").out)
    assert [m["frequency"] for m in listed] == ["weekly", "monthly", "quarterly"]


def test_edit_changes_the_frequency_until_the_first_value(card, workspace_dir: Path) -> None:
    changed = card("measurable", "edit", "M-1", "--frequency", "monthly")
    assert changed.code == 0, changed.err
    assert "(monthly," in changed.out
    assert stored(workspace_dir, "measurables")["M-1"]["frequency"] == "monthly"
    assert card("score", "set", "M-1", "12", "--month", "2026-10").code == 0
    before = (workspace_dir / "cadence.json").read_bytes()
    refused = card("measurable", "edit", "M-1", "--frequency", "weekly")
    assert refused.code == 1
    assert "already has 1 monthly value" in refused.err
    assert (workspace_dir / "cadence.json").read_bytes() == before


@pytest.mark.parametrize(
    ("option", "text"),
    [("--month", "2026-10"), ("--period", "2026-10-17"), ("--week", "2026-10-31"), ("--month", "2026-10-01")],
)
def test_a_monthly_value_is_stored_on_the_months_first_day(card, workspace_dir: Path, option: str, text: str) -> None:
    result = card("score", "set", "M-2", "$380,000", option, text, "--note", "Two orders slipped")
    assert result.code == 0, result.err
    assert result.out.strip() == "M-2 month of 2026-10-01: $380,000 (OFF goal)"
    saved = scores(workspace_dir)[("M-2", "2026-10-01")]
    assert (saved["value"], saved["note"]) == (380000, "Two orders slipped")
    assert len(scores(workspace_dir)) == 1


def test_a_quarterly_value_is_stored_on_the_quarters_first_day(card, workspace_dir: Path) -> None:
    assert card("score", "set", "M-3", "47", "--quarter", "2026-Q3").out.strip() == (
        "M-3 quarter of 2026-07-01: 47 (OFF goal)"
    )
    assert card("score", "set", "M-3", "55", "--quarter", "2026-08-20").code == 0  # any day of it
    assert card("score", "set", "M-3", "52").code == 0  # default: this quarter
    assert {key: value["value"] for key, value in scores(workspace_dir).items()} == {
        ("M-3", "2026-07-01"): 55,
        ("M-3", "2026-10-01"): 52,
    }


def test_a_bad_month_is_refused(card, workspace_dir: Path) -> None:
    before = (workspace_dir / "cadence.json").read_bytes()
    result = card("score", "set", "M-2", "1", "--month", "2026-13")
    assert result.code == 1 and "not a month" in result.err
    assert (workspace_dir / "cadence.json").read_bytes() == before


def test_note_clear_and_drop_work_on_a_month(card, workspace_dir: Path) -> None:
    assert card("score", "set", "M-2", "380000", "--month", "2026-10").code == 0
    noted = card("score", "note", "M-2", "Slipped orders", "--month", "2026-10-20")
    assert noted.out.strip() == "M-2 month of 2026-10-01: note 'Slipped orders'"
    assert scores(workspace_dir)[("M-2", "2026-10-01")]["note"] == "Slipped orders"
    dropped = card("score", "drop", "M-2", "--month", "2026-10")
    assert dropped.code == 0, dropped.err
    issue = next(iter(stored(workspace_dir, "issues").values()))
    assert issue["title"].startswith("Off goal: Revenue booked")
    assert "month of 2026-10-01" in issue["title"]
    cleared = card("score", "clear", "M-2", "--month", "2026-10")
    assert cleared.out.strip() == "M-2 month of 2026-10-01: cleared"
    assert ("M-2", "2026-10-01") not in scores(workspace_dir)


def test_a_goal_change_applies_from_a_month_on(card, workspace_dir: Path) -> None:
    result = card("measurable", "goal", "M-2", ">= 450000", "--from", "2026-12")
    assert result.out.strip() == "M-2 goal >= $450,000 from the month of 2026-12-01"
    history = stored(workspace_dir, "measurables")["M-2"]["goal_history"]
    assert [change["week"] for change in history] == ["2026-12-01"]


def test_show_prints_months_and_quarters_for_their_measurables(card) -> None:
    assert card("score", "set", "M-1", "12", "--week", "2026-11-16").code == 0
    assert card("score", "set", "M-2", "420000", "--month", "2026-11").code == 0
    assert card("score", "set", "M-2", "380000", "--month", "2026-06").code == 0
    assert card("score", "set", "M-3", "47", "--quarter", "2026-Q3").code == 0
    text = card("score", "show", "--weeks", "2", "--months", "6", "--quarters", "2").out
    weekly, monthly, quarterly = text.split("\n\n")
    assert weekly.splitlines()[0] == "Weekly"
    assert "11-16" in weekly and "Revenue" not in weekly and "NPS" not in weekly
    assert monthly.splitlines()[0] == "Monthly"
    header = monthly.splitlines()[1].split()
    assert header[-6:] == ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]
    revenue = monthly.splitlines()[2]
    assert "$380,000-" in revenue and "$420,000+" in revenue
    assert quarterly.splitlines()[0] == "Quarterly"
    assert quarterly.splitlines()[1].split()[-2:] == ["2026-Q3", "2026-Q4"]
    assert "47-" in quarterly.splitlines()[2]


def test_show_json_keys_values_by_each_measurables_own_periods(card) -> None:
    assert card("score", "set", "M-2", "420000", "--month", "2026-06").code == 0  # 1 June 2026 is a Monday
    rows = {row["id"]: row for row in json.loads(card("score", "show", "--weeks", "26", "--json").out)}
    assert rows["M-1"]["frequency"] == "weekly" and "2026-06-01" in rows["M-1"]["weeks"]
    assert rows["M-1"]["weeks"]["2026-06-01"] is None  # the month's value is not the week's
    assert rows["M-2"]["months"]["2026-06-01"]["value"] == 420000
    assert list(rows["M-3"]["quarters"]) == ["2026-01-01", "2026-04-01", "2026-07-01", "2026-10-01"]


def test_show_without_monthly_measurables_has_no_headings(team_workspace) -> None:
    assert team_workspace("measurable", "add", "Leads", "--owner", "Ann", "--goal", ">= 10").code == 0
    text = team_workspace("score", "show", "--weeks", "2").out
    assert text.splitlines()[0].startswith("ID")


def test_check_accepts_monthly_and_quarterly_values_on_their_first_days(card, workspace_dir: Path) -> None:
    """``cadence check`` knew only weeks: a month's 1st that is not a Monday read as a broken score."""
    assert card("score", "set", "M-2", "420000", "--month", "2026-10").code == 0  # a Thursday
    assert card("score", "set", "M-3", "47", "--quarter", "2026-Q3").code == 0  # a Wednesday
    result = card("check")
    assert result.code == 0, result.out + result.err
    assert "not a week start" not in result.out + result.err


def test_meeting_minutes_keep_the_weeks_numbers_not_a_months(card, workspace_dir: Path) -> None:
    """A meeting on Tue 9 June 2026 reviews the week of Mon 1 June: June's monthly value (stored on
    1 June too) must not be frozen into the minutes as that week's number."""
    assert card("score", "set", "M-1", "12", "--week", "2026-06-01").code == 0
    assert card("score", "set", "M-2", "420000", "--month", "2026-06").code == 0
    workspace = Workspace(workspace_dir)
    leadership = next(team.id for team in workspace.read().teams if team.leadership)
    template = load_agendas(agendas_dir()).get("weekly")
    started = workspace.apply(
        lambda tx: meetings.start_meeting(tx, template, datetime(2026, 6, 9, 9, 0), team=leadership)
    ).result
    snapshot = workspace.read()
    minutes = meetings.freeze_minutes(snapshot, snapshot.meeting(started.id))
    assert minutes.week.isoformat() == "2026-06-01"
    assert [(number.measurable_id, number.value) for number in minutes.scorecard] == [("M-1", "12")]

"""``cadence analyzer`` and ``cadence conversation``: each command checked against the file on disk, refusals too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def stored(workspace_dir: Path) -> dict:
    return json.loads((workspace_dir / "cadence.json").read_text("utf-8"))


@pytest.fixture
def valued(team_workspace):  # type: ignore[no-untyped-def]
    assert team_workspace("vision", "set", "core-values", "Honest", "Helpful").code == 0
    return team_workspace


def test_rate_and_gwc_write_one_rating_and_show_reads_it(valued, workspace_dir: Path) -> None:
    assert valued("analyzer", "rate", "Ann", "honest", "+").out.strip() == "PA-1 Ann 2026-Q4: Honest +"
    assert valued("analyzer", "rate", "Ann", "2", "+/-").code == 0
    done = valued("analyzer", "gwc", "ann", "--gets", "yes", "--wants", "y", "--capacity", "yes")
    assert done.out.strip() == "PA-1 Ann 2026-Q4: G=Y W=Y C=Y"
    assert valued("analyzer", "rate", "Bob", "Honest", "-", "--quarter", "2026-Q3").code == 0
    ratings = stored(workspace_dir)["ratings"]
    assert ratings["1"] == {
        "id": "PA-1",
        "person_id": "P-1",
        "quarter": "2026-Q4",
        "marks": {"Honest": "+", "Helpful": "+/-"},
        "gets_it": True,
        "wants_it": True,
        "capacity": True,
    }
    assert ratings["2"]["quarter"] == "2026-Q3" and ratings["2"]["marks"] == {"Honest": "-"}

    shown = valued("analyzer", "show")
    assert shown.code == 0
    assert "V1 Honest · V2 Helpful" in shown.out
    lines = {line.split()[0]: line.split()[1:] for line in shown.out.splitlines() if line.startswith(("Ann", "Bob"))}
    assert lines == {"Ann": ["+", "+/-", "Y", "Y", "Y", "yes"], "Bob": [".", ".", ".", ".", ".", "-"]}
    as_json = json.loads(valued("analyzer", "show", "--quarter", "2026-Q3", "--json").out)
    assert [(p["name"], p["marks"], p["rated"], p["meets_bar"]) for p in as_json["people"]] == [
        ("Ann", {"Honest": None, "Helpful": None}, False, False),  # not rated in Q3: no verdict, "-" in the table
        ("Bob", {"Honest": "-", "Helpful": None}, True, False),
    ]


def test_the_bar_is_set_and_changes_who_meets_it(valued, workspace_dir: Path) -> None:
    for value in ("1", "2"):
        valued("analyzer", "rate", "Ann", value, "+/-")
    valued("analyzer", "gwc", "Ann", "--gets", "yes", "--wants", "yes", "--capacity", "yes")
    assert json.loads(valued("analyzer", "show", "--json").out)["people"][0]["meets_bar"] is False
    result = valued("analyzer", "bar", "--max-mixed", "2")
    assert result.code == 0 and "at most 2 +/-" in result.out
    assert stored(workspace_dir)["_meta"]["1"]["analyzer_bar"] == {"max_mixed": 2, "max_minus": 0}
    assert json.loads(valued("analyzer", "show", "--json").out)["people"][0]["meets_bar"] is True


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("analyzer", "rate", "Ann", "Brave", "+"), "not a core value"),
        (("analyzer", "rate", "Ann", "3", "+"), "not a core value"),
        (("analyzer", "rate", "Ann", "1", "great"), "not a rating"),
        (("analyzer", "rate", "Zed", "1", "+"), "no person named"),
        (("analyzer", "rate", "Ann", "1", "+", "--quarter", "2026-Q5"), "quarter"),
        (("analyzer", "gwc", "Ann", "--gets", "maybe"), "not yes or no"),
        (("analyzer", "gwc", "Ann"), "nothing to change"),
        (("analyzer", "bar", "--max-mixed", "-1"), "-1"),
        (("conversation", "set", "Ann"), "nothing to change"),
        (("conversation", "set", "Zed", "--working", "x"), "no person named"),
    ],
)
def test_refusals_change_nothing(valued, workspace_dir: Path, args: tuple[str, ...], message: str) -> None:
    before = (workspace_dir / "cadence.json").read_bytes()
    result = valued(*args)
    assert result.code != 0 and message in result.err
    assert (workspace_dir / "cadence.json").read_bytes() == before


def test_rating_before_the_vision_has_values_is_refused(team_workspace) -> None:
    result = team_workspace("analyzer", "rate", "Ann", "1", "+")
    assert result.code == 1 and "no core values yet" in result.err


def test_a_conversation_is_set_part_by_part_and_shown_with_the_rocks(valued, workspace_dir: Path) -> None:
    assert valued("rock", "add", "Ship the thing", "--owner", "Ann").code == 0
    first = valued("conversation", "set", "Ann", "--working", "Hiring\nOn time", "--gwc", "All yes")
    assert first.out.strip() == "QC-1 Ann 2026-Q4: working, gwc"
    assert valued("conversation", "set", "Ann", "--not-working", "Too many meetings").code == 0
    (record,) = stored(workspace_dir)["conversations"].values()
    assert (record["working"], record["not_working"], record["gwc"], record["updated"]) == (
        "Hiring\nOn time",
        "Too many meetings",
        "All yes",
        "2026-11-23",
    )
    shown = valued("conversation", "show", "Ann")
    assert "R-1 Ship the thing [on-track]" in shown.out and "  Too many meetings" in shown.out
    data = json.loads(valued("conversation", "show", "Ann", "--json").out)
    assert data["rocks_of_quarter"] == [{"id": "R-1", "title": "Ship the thing", "status": "on-track"}]
    assert data["working"] == "Hiring\nOn time"


def test_history_lists_a_person_s_quarters_oldest_first(valued) -> None:
    assert "not rated yet" in valued("analyzer", "history", "Ann").out
    valued("analyzer", "rate", "Ann", "1", "+", "--quarter", "2026-Q4")
    valued("analyzer", "rate", "Ann", "1", "-", "--quarter", "2026-Q2")
    lines = valued("analyzer", "history", "Ann").out.splitlines()
    assert [line.split()[:2] for line in lines[2:]] == [["2026-Q2", "-"], ["2026-Q4", "+"]]
    data = json.loads(valued("analyzer", "history", "Ann", "--json").out)
    assert [(item["quarter"], item["marks"], item["meets_bar"]) for item in data] == [
        ("2026-Q2", {"Honest": "-"}, False),
        ("2026-Q4", {"Honest": "+"}, False),
    ]


def test_rate_clear_and_gwc_clear_take_cells_back_to_unrated(valued, workspace_dir: Path) -> None:
    valued("analyzer", "rate", "Ann", "Honest", "+")
    valued("analyzer", "rate", "Ann", "Helpful", "-")
    valued("analyzer", "gwc", "Ann", "--gets", "yes")
    cleared = valued("analyzer", "rate", "Ann", "2", "clear")
    assert cleared.code == 0 and cleared.out.strip() == "PA-1 Ann 2026-Q4: Helpful not rated"
    (record,) = stored(workspace_dir)["ratings"].values()
    assert (record["marks"], record["gets_it"]) == ({"Honest": "+"}, True)
    assert valued("analyzer", "gwc", "Ann", "--gets", "clear").out.strip() == "PA-1 Ann 2026-Q4: G=. W=. C=."
    assert stored(workspace_dir)["ratings"]["1"]["gets_it"] is None

    # The last mark cleared: nothing is left, so the quarter's rating is gone from the file and Ann reads unrated.
    last = valued("analyzer", "rate", "Ann", "Honest", "CLEAR")
    assert last.code == 0 and last.out.strip() == "Ann 2026-Q4: Honest not rated"
    assert stored(workspace_dir).get("ratings", {}) == {}
    assert "not rated yet" in valued("analyzer", "history", "Ann").out

    # Clearing what was never rated is not an error and writes nothing.
    before = (workspace_dir / "cadence.json").read_bytes()
    again = valued("analyzer", "rate", "Bob", "1", "clear", "--quarter", "2026-Q3")
    assert again.code == 0 and again.out.strip() == "Bob 2026-Q3: Honest not rated"
    assert valued("analyzer", "gwc", "Bob", "--wants", "-").code == 0
    assert (workspace_dir / "cadence.json").read_bytes() == before
    assert "not a core value" in valued("analyzer", "rate", "Ann", "Brave", "clear").err

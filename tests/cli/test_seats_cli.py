"""``cadence seat ...``: the Accountability chart from the shell, each subcommand and each refusal.

Run through the real entry point on a small workspace (Ann the Visionary, Bob
the Integrator, Cy, and Dee who left). Every change is read back from the
file; every refusal (a loop, a sixth role, an unknown person, a top seat
under a function) exits 1 with one line naming what is wrong, and leaves the
file byte for byte as it was. ``export`` on the demo company matches
``tests/golden/accountability_chart.md``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from cadence.locations import demo_workspace_dir

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "accountability_chart.md"


@pytest.fixture
def chart(cadence):  # type: ignore[no-untyped-def]
    assert cadence("init", "--company", "Acme").code == 0
    assert cadence("person", "add", "Ann", "--role", "visionary").code == 0
    assert cadence("person", "add", "Bob", "--role", "integrator").code == 0
    assert cadence("person", "add", "Cy").code == 0
    assert cadence("person", "add", "Dee").code == 0
    assert cadence("person", "deactivate", "Dee").code == 0
    return cadence


def seats(workspace_dir: Path) -> dict[str, dict[str, Any]]:
    """The seats table as stored, by id."""
    document = json.loads((workspace_dir / "cadence.json").read_text(encoding="utf-8"))
    return {record["id"]: record for record in document.get("seats", {}).values()}


def by_name(workspace_dir: Path, name: str) -> dict[str, Any]:
    return next(seat for seat in seats(workspace_dir).values() if seat["name"] == name)


def test_the_first_add_starts_the_chart_with_visionary_and_integrator(chart, workspace_dir: Path) -> None:
    result = chart("seat", "add", "Sales", "--role", "Sell", "--role", "Quote", "--person", "cy")
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "ST-1 Visionary (the chart starts with it)",
        "ST-2 Integrator (the chart starts with it)",
        "ST-3 Visionary / Integrator / Sales",
    ]
    stored = seats(workspace_dir)
    assert stored["ST-1"] | {} == {
        "id": "ST-1",
        "name": "Visionary",
        "seat_kind": "visionary",
        "roles": [],
        "person_ids": ["P-1"],
        "parent_id": None,
    }
    assert (stored["ST-2"]["seat_kind"], stored["ST-2"]["person_ids"], stored["ST-2"]["parent_id"]) == (
        "integrator",
        ["P-2"],
        "ST-1",
    )
    assert (stored["ST-3"]["roles"], stored["ST-3"]["person_ids"], stored["ST-3"]["parent_id"]) == (
        ["Sell", "Quote"],
        ["P-3"],
        "ST-2",
    )


def test_list_draws_the_tree_with_roles_and_flags(chart) -> None:
    chart("seat", "add", "Sales", "--person", "Bob", "--role", "Sell")
    chart("seat", "add", "Key accounts", "--under", "sales")
    chart("seat", "add", "Ops", "--person", "Bob")
    result = chart("seat", "list")
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "ST-1 Visionary: Ann",
        "└─ ST-2 Integrator: Bob",
        "   ├─ ST-3 Sales: Bob",
        "   │  │    · Sell",
        "   │  └─ ST-4 Key accounts: (nobody)",
        "   └─ ST-5 Ops: Bob",
        "5 seats · 1 with nobody: Key accounts · in more than 2 seats: Bob (3)",
    ]
    listed = json.loads(chart("seat", "list", "--json").out)
    assert [seat["id"] for seat in listed] == ["ST-1", "ST-2", "ST-3", "ST-4", "ST-5"]


def test_a_third_seat_for_one_person_is_kept_with_a_warning(chart, workspace_dir: Path) -> None:
    chart("seat", "add", "Sales", "--person", "Bob")
    result = chart("seat", "add", "Ops", "--person", "Bob")
    assert result.code == 0
    assert result.err == "warning: Bob is in 3 seats (more than 2): Integrator, Sales, Ops\n"
    assert by_name(workspace_dir, "Ops")["person_ids"] == ["P-2"]


def test_rename_roles_move_assign_unassign_delete(chart, workspace_dir: Path) -> None:
    chart("seat", "add", "Sales")
    chart("seat", "add", "Ops")
    chart("seat", "add", "Shipping", "--under", "Ops")

    assert chart("seat", "rename", "Sales", "Sales & Marketing").out == "ST-3 Sales & Marketing\n"
    assert by_name(workspace_dir, "Sales & Marketing")["id"] == "ST-3"

    assert (
        chart("seat", "roles", "ST-3", "--role", "Leads", "--role", "Pricing").out
        == "ST-3 Sales & Marketing: 2 roles\n"
    )
    assert seats(workspace_dir)["ST-3"]["roles"] == ["Leads", "Pricing"]
    assert chart("seat", "roles", "ST-3").code == 0  # none given: cleared
    assert seats(workspace_dir)["ST-3"]["roles"] == []

    moved = chart("seat", "move", "Shipping", "--under", "sales & marketing")
    assert moved.out == "ST-5 Visionary / Integrator / Sales & Marketing / Shipping\n"
    assert seats(workspace_dir)["ST-5"]["parent_id"] == "ST-3"
    assert chart("seat", "move", "Shipping", "--top").code == 0
    assert seats(workspace_dir)["ST-5"]["parent_id"] is None
    chart("seat", "move", "Shipping", "--under", "Ops")

    assert chart("seat", "assign", "Ops", "Cy").out == "ST-4 Ops: Cy\n"
    assert chart("seat", "assign", "Ops", "P-1").out == "ST-4 Ops: Cy, Ann\n"
    assert chart("seat", "assign", "Ops", "cy").code == 0  # already there: nothing changes
    assert seats(workspace_dir)["ST-4"]["person_ids"] == ["P-3", "P-1"]
    assert chart("seat", "unassign", "Ops", "Ann").out == "ST-4 Ops: Cy\n"
    assert seats(workspace_dir)["ST-4"]["person_ids"] == ["P-3"]

    deleted = chart("seat", "delete", "Ops")
    assert deleted.out.splitlines() == ["deleted ST-4 Ops", "ST-5 Visionary / Integrator / Shipping"]
    after = seats(workspace_dir)
    assert "ST-4" not in after
    assert after["ST-5"]["parent_id"] == "ST-2", "the seat under the deleted one moved up to its parent"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("seat", "move", "Sales", "--under", "Key accounts"),
            "error: under: Key accounts sits under Sales, so Sales cannot move under it\n",
        ),
        (("seat", "move", "Sales", "--under", "Sales"), "error: under: Sales cannot sit under itself\n"),
        (
            ("seat", "move", "Integrator", "--under", "Sales"),
            "error: under: the Integrator seat (Integrator) stays at the top of the chart; "
            "it cannot sit under Sales (a function)\n",
        ),
        (
            ("seat", "roles", "Sales", *[arg for n in range(1, 7) for arg in ("--role", f"role {n}")]),
            "error: roles: a seat has at most 5 roles (6 given); a seat that needs more is two seats\n",
        ),
        (
            ("seat", "add", "Ops", *[arg for n in range(1, 7) for arg in ("--role", f"role {n}")]),
            "error: roles: a seat has at most 5 roles (6 given); a seat that needs more is two seats\n",
        ),
        (("seat", "assign", "Sales", "Zed"), "error: no person named 'Zed'\n"),
        (("seat", "add", "Ops", "--person", "Zed"), "error: no person named 'Zed'\n"),
        (
            ("seat", "assign", "Sales", "Dee"),
            "error: person: Dee is inactive (cadence person activate brings them back)\n",
        ),
        (("seat", "unassign", "Sales", "Ann"), "error: person: Ann is not in the Sales seat\n"),
        (("seat", "assign", "Nowhere", "Ann"), "error: no seat named 'Nowhere' (cadence seat list shows them)\n"),
        (("seat", "add", "sales"), "error: name: there is already a seat named 'Sales' (ST-3)\n"),
        (
            ("seat", "rename", "Sales", "key ACCOUNTS"),
            "error: name: there is already a seat named 'Key accounts' (ST-4)\n",
        ),
        (
            ("seat", "add", "Founder", "--kind", "visionary"),
            "error: kind: there is one Visionary seat per chart, and it is Visionary (ST-1)\n",
        ),
        (
            ("seat", "move", "Sales"),
            "error: give --under SEAT or --top (one of them) (try: cadence seat move --help)\n",
        ),
    ],
)
def test_refusals_change_nothing(chart, workspace_dir: Path, args: tuple[str, ...], message: str) -> None:
    chart("seat", "add", "Sales")
    chart("seat", "add", "Key accounts", "--under", "Sales")
    before = (workspace_dir / "cadence.json").read_bytes()
    result = chart(*args)
    assert (result.code, result.err) == (1, message)
    assert (workspace_dir / "cadence.json").read_bytes() == before


def test_a_top_seat_added_first_takes_its_own_name(chart, workspace_dir: Path) -> None:
    result = chart("seat", "add", "Founder", "--kind", "visionary", "--role", "Ideas")
    assert result.code == 0, result.err
    assert result.out.splitlines() == ["ST-2 Integrator (the chart starts with it)", "ST-1 Founder"]
    assert seats(workspace_dir)["ST-1"] | {} == {
        "id": "ST-1",
        "name": "Founder",
        "seat_kind": "visionary",
        "roles": ["Ideas"],
        "person_ids": ["P-1"],
        "parent_id": None,
    }


def test_deleting_the_visionary_seat_puts_the_integrator_at_the_top(chart, workspace_dir: Path) -> None:
    chart("seat", "add", "Sales")
    assert chart("seat", "delete", "Visionary").code == 0
    after = seats(workspace_dir)
    assert after["ST-2"]["parent_id"] is None
    assert after["ST-3"]["parent_id"] == "ST-2"
    # The chart is not empty, so the next add does not bring the Visionary seat back.
    chart("seat", "add", "Ops")
    assert sorted(seat["name"] for seat in seats(workspace_dir).values()) == ["Integrator", "Ops", "Sales"]


def test_an_empty_chart_lists_and_exports_as_empty(chart) -> None:
    assert chart("seat", "list").out.startswith("(no seats yet")
    assert chart("seat", "export").out == "# Acme: Accountability chart\n\n_No seats yet._\n"


def test_the_demo_chart_exports_as_the_golden_page(cadence, workspace_dir: Path, tmp_path: Path) -> None:
    workspace_dir.mkdir()
    shutil.copy2(demo_workspace_dir() / "cadence.json", workspace_dir / "cadence.json")
    printed = cadence("seat", "export")
    assert printed.code == 0, printed.err
    assert printed.out == GOLDEN.read_text(encoding="utf-8")
    out = tmp_path / "chart.md"
    written = cadence("seat", "export", "--out", str(out))
    assert written.out == f"wrote {out} (the Accountability chart as Markdown)\n"
    assert out.read_text(encoding="utf-8") == printed.out


def test_hostile_names_are_shown_as_typed(chart, workspace_dir: Path) -> None:
    assert chart("seat", "add", "[bold]Sales[/] \x1b[31m# *x*").code == 0
    assert chart("seat", "roles", "ST-3", "--role", "1. not a list").code == 0
    listed = chart("seat", "list").out
    assert "ST-3 [bold]Sales[/] \\x1b[31m# *x*: (nobody)" in listed
    assert "\x1b" not in listed
    page = chart("seat", "export").out
    assert "- **\\[bold\\]Sales\\[/\\] \\\\x1b\\[31m# \\*x\\***: _nobody_ ⚑" in page
    assert "1. 1\\. not a list" in page


def test_deactivating_someone_takes_them_out_of_their_seats(chart, workspace_dir: Path) -> None:
    chart("seat", "add", "Sales", "--person", "Cy")
    chart("seat", "add", "Ops", "--person", "Cy", "--person", "Ann")
    assert chart("person", "deactivate", "Cy").code == 0
    after = seats(workspace_dir)
    assert (after["ST-3"]["person_ids"], after["ST-4"]["person_ids"]) == ([], ["P-1"])
    assert chart("seat", "list").out.splitlines()[-1] == "4 seats · 1 with nobody: Sales"


def _hand_edit_parents(workspace_dir: Path, parents: dict[str, str]) -> None:
    """Set seats' parent_id straight in the file, as a hand edit would (the actions refuse a loop)."""
    path = workspace_dir / "cadence.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    for record in document["seats"].values():
        if record["id"] in parents:
            record["parent_id"] = parents[record["id"]]
    path.write_text(json.dumps(document, indent=2, sort_keys=True), encoding="utf-8")


def test_check_names_a_loop_of_seat_parents_and_list_and_export_still_show_every_seat(
    chart, workspace_dir: Path
) -> None:
    chart("seat", "add", "Sales")
    chart("seat", "add", "Key accounts", "--under", "Sales")
    chart("seat", "add", "Ops")
    assert chart("check").code == 0
    _hand_edit_parents(workspace_dir, {"ST-3": "ST-4", "ST-5": "ST-5"})  # Sales <-> Key accounts; Ops under itself

    checked = chart("check")
    assert checked.code == 1
    problems = [line for line in checked.out.splitlines() if line.startswith("problem:")]
    assert problems == [
        "problem: ST-3: a loop of seat parents: Sales (ST-3) sits under Key accounts (ST-4), which sits under "
        "Sales (ST-3) (cadence seat move ST-3 --top, or --under another seat, breaks it)",
        "problem: ST-5: a loop of seat parents: Ops (ST-5) sits under itself "
        "(cadence seat move ST-5 --top, or --under another seat, breaks it)",
    ]
    assert "2 problems" in checked.out

    listed = chart("seat", "list")
    assert listed.code == 0, listed.err
    lines = listed.out.splitlines()
    for seat_id in ("ST-1", "ST-2", "ST-3", "ST-4", "ST-5"):
        assert sum(seat_id + " " in line for line in lines) == 1, f"{seat_id} is listed once"
    assert "ST-3 Sales: (nobody)" in lines and "└─ ST-4 Key accounts: (nobody)" in lines
    assert [line for line in lines if line.startswith("warning:")] == [
        "warning: a loop of seat parents, drawn from the top: Sales (ST-3) sits under Key accounts (ST-4), which "
        "sits under Sales (ST-3) (cadence check; cadence seat move breaks it)",
        "warning: a loop of seat parents, drawn from the top: Ops (ST-5) sits under itself "
        "(cadence check; cadence seat move breaks it)",
    ]
    page = chart("seat", "export")
    assert page.code == 0 and page.out.count("**Key accounts**") == 1
    assert "⚑ a loop of seat parents, drawn from the top: Sales (ST-3) sits under Key accounts" in page.out

    # The move the message names breaks the loop; check is clean again.
    assert chart("seat", "move", "ST-3", "--top").code == 0
    assert chart("seat", "move", "ST-5", "--under", "Integrator").code == 0
    assert chart("check").code == 0
    assert "warning" not in chart("seat", "list").out

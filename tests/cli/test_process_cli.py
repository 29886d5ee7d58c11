"""``cadence process ...``: each subcommand read back from the file on disk, and every refusal changing nothing.

The refusals (empty or taken name, unknown or inactive owner, a step number
that is not a step, an empty step) exit 1 with one line saying why, and the
file is the same byte for byte. The demo's processes export as
``tests/golden/process.md`` (one process) and the whole list prints as a table.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from cadence.locations import demo_workspace_dir

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "process.md"


@pytest.fixture
def shop(cadence):  # type: ignore[no-untyped-def]
    """Acme with Ann, Bob, and Dee (inactive)."""
    assert cadence("init", "--company", "Acme").code == 0
    for name in ("Ann", "Bob", "Dee"):
        assert cadence("person", "add", name).code == 0
    assert cadence("person", "deactivate", "Dee").code == 0
    return cadence


def processes(workspace_dir: Path) -> dict[str, dict[str, Any]]:
    document = json.loads((workspace_dir / "cadence.json").read_text(encoding="utf-8"))
    return {record["id"]: record for record in document.get("processes", {}).values()}


def test_add_with_owner_and_steps_then_list_and_show(shop, workspace_dir: Path) -> None:
    added = shop("process", "add", "Quote to order", "--owner", "ann", "--step", "Qualify", "--step", "Price")
    assert added.code == 0, added.err
    assert added.out == "PR-1 Quote to order: 2 steps\n"
    assert processes(workspace_dir)["PR-1"] == {
        "id": "PR-1",
        "name": "Quote to order",
        "owner_id": "P-1",
        "steps": ["Qualify", "Price"],
        "documented": False,
        "followed_by_all": False,
    }
    listed = shop("process", "list").out.splitlines()
    assert listed[0].split() == ["id", "process", "owner", "steps", "documented", "followed", "by", "all"]
    assert listed[1].split() == ["PR-1", "Quote", "to", "order", "Ann", "2", "no", "no"]
    assert json.loads(shop("process", "list", "--json").out)[0]["steps"] == ["Qualify", "Price"]
    assert shop("process", "show", "quote").out.splitlines() == [
        "PR-1 Quote to order",
        "owner: Ann",
        "documented: no · followed by all: no",
        "  1. Qualify",
        "  2. Price",
    ]


def test_rename_owner_statuses_and_delete(shop, workspace_dir: Path) -> None:
    assert shop("process", "add", "Close").code == 0
    assert shop("process", "rename", "close", "Month-end close").out == "PR-1 Month-end close\n"
    assert shop("process", "owner", "PR-1", "Bob").out == "PR-1 Month-end close: owner Bob\n"
    assert processes(workspace_dir)["PR-1"]["owner_id"] == "P-2"
    assert shop("process", "owner", "PR-1", "--none").code == 0
    assert processes(workspace_dir)["PR-1"]["owner_id"] is None
    assert shop("process", "documented", "month", "yes").out.endswith("documented: yes · followed by all: no\n")
    assert shop("process", "followed", "month", "YES").code == 0
    stored = processes(workspace_dir)["PR-1"]
    assert (stored["documented"], stored["followed_by_all"]) == (True, True)
    assert shop("process", "documented", "month", "no").code == 0
    assert processes(workspace_dir)["PR-1"]["documented"] is False
    assert shop("process", "delete", "PR-1").out == "deleted PR-1 Month-end close\n"
    assert processes(workspace_dir) == {}
    assert shop("process", "list").out.startswith("(no core processes yet")


def test_step_add_edit_move_remove(shop, workspace_dir: Path) -> None:
    assert shop("process", "add", "Ship", "--step", "Pack", "--step", "Label").code == 0
    assert shop("process", "step", "add", "ship", "Book freight").code == 0
    assert processes(workspace_dir)["PR-1"]["steps"] == ["Pack", "Label", "Book freight"]
    assert shop("process", "step", "add", "ship", "Count", "--at", "1").code == 0
    assert processes(workspace_dir)["PR-1"]["steps"] == ["Count", "Pack", "Label", "Book freight"]
    assert shop("process", "step", "add", "ship", "Wave", "--at", "5").code == 0  # one past the end: last
    assert shop("process", "step", "edit", "ship", "3", "Label both sides").code == 0
    assert processes(workspace_dir)["PR-1"]["steps"] == ["Count", "Pack", "Label both sides", "Book freight", "Wave"]
    moved = shop("process", "step", "move", "ship", "1", "3")
    assert moved.out.splitlines()[1:4] == ["  1. Pack", "  2. Label both sides", "  3. Count"]
    assert processes(workspace_dir)["PR-1"]["steps"] == ["Pack", "Label both sides", "Count", "Book freight", "Wave"]
    removed = shop("process", "step", "remove", "ship", "5")
    assert removed.out.startswith("removed: Wave\nPR-1 Ship: 4 steps\n")
    assert processes(workspace_dir)["PR-1"]["steps"] == ["Pack", "Label both sides", "Count", "Book freight"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("process", "add", "  "), "name: required"),
        (("process", "add", "quote to ORDER"), "already a process named 'Quote to order'"),
        (("process", "add", "New", "--owner", "Zed"), "no person named 'Zed'"),
        (("process", "add", "New", "--owner", "Dee"), "Dee is inactive"),
        (("process", "add", "New", "--step", " "), "step: the text is empty"),
        (("process", "rename", "PR-1", ""), "name: required"),
        (("process", "rename", "nothing", "New"), "no process named 'nothing'"),
        (("process", "owner", "PR-1", "Zed"), "no person named 'Zed'"),
        (("process", "step", "edit", "PR-1", "3", "x"), "3 is not a step of Quote to order (it has steps 1 to 2)"),
        (("process", "step", "edit", "PR-1", "0", "x"), "0 is not a step of Quote to order"),
        (("process", "step", "edit", "PR-1", "1", " "), "step: the text is empty"),
        (("process", "step", "move", "PR-1", "1", "3"), "3 is not a step of Quote to order"),
        (("process", "step", "remove", "PR-1", "--", "-1"), "-1 is not a step of Quote to order"),
        (
            ("process", "step", "add", "PR-1", "x", "--at", "4"),
            "4 is not a step of Quote to order (it has steps 1 to 3",
        ),
        (("process", "step", "remove", "PR-2", "1"), "Empty has no steps yet"),
        (("process", "delete", "nothing"), "no process named 'nothing'"),
    ],
)
def test_refusals_change_nothing(shop, workspace_dir: Path, args: tuple[str, ...], message: str) -> None:
    assert shop("process", "add", "Quote to order", "--owner", "Ann", "--step", "A", "--step", "B").code == 0
    assert shop("process", "add", "Empty").code == 0
    before = (workspace_dir / "cadence.json").read_bytes()
    refused = shop(*args)
    assert refused.code == 1, refused.out
    assert message in refused.err
    assert (workspace_dir / "cadence.json").read_bytes() == before


def test_a_yes_no_answer_is_checked_before_anything_is_written(shop, workspace_dir: Path) -> None:
    assert shop("process", "add", "Ship").code == 0
    before = (workspace_dir / "cadence.json").read_bytes()
    refused = shop("process", "followed", "ship", "maybe")
    assert refused.code != 0 and "maybe" in refused.err
    assert shop("process", "owner", "ship").code != 0  # neither PERSON nor --none
    assert (workspace_dir / "cadence.json").read_bytes() == before


def test_the_demo_process_exports_as_the_golden_page(cadence, workspace_dir: Path, tmp_path: Path) -> None:
    workspace_dir.mkdir()
    shutil.copy2(demo_workspace_dir() / "cadence.json", workspace_dir / "cadence.json")
    printed = cadence("process", "export", "Quote to order")
    assert printed.code == 0, printed.err
    assert printed.out == GOLDEN.read_text(encoding="utf-8")
    out = tmp_path / "process.md"
    written = cadence("process", "export", "PR-1", "--out", str(out))
    assert written.out == f"wrote {out} (core processes as Markdown)\n"
    assert out.read_text(encoding="utf-8") == printed.out
    whole = cadence("process", "export").out
    assert [line for line in whole.splitlines() if line.startswith("## ")] == [
        "## Quote to order",
        "## Job release and production",
        "## Customer onboarding",
        "## Month-end close",
        "## Hiring and onboarding",
    ]
    assert "## Hiring and onboarding\n\n- Owner: Marcus Lindqvist\n- Documented: no\n- Followed by all: no\n" in whole


def test_hostile_text_is_shown_as_typed(shop) -> None:
    assert shop("process", "add", "[bold]Ship[/] \x1b[31m# *x*", "--step", "1. not a list").code == 0
    shown = shop("process", "show", "PR-1").out
    assert "PR-1 [bold]Ship[/] \\x1b[31m# *x*" in shown and "\x1b" not in shown
    page = shop("process", "export").out
    assert "## \\[bold\\]Ship\\[/\\] \\\\x1b\\[31m# \\*x\\*\n" in page
    assert "- Owner: (no owner)\n" in page
    assert "1. 1\\. not a list\n" in page
    assert "\x1b" not in page

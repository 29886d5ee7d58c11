"""``cadence vision export``: the V/TO as one Markdown page, the same page the Vision section's ``x`` exports.

Run through the real entry point: the demo company's page has every heading
in the method's order with its values, then the quarter's company rocks and
the long-term issues (tests/golden/vto.md); those two are read from the
records at export time, so an edited rock shows; a small workspace's hostile text is
escaped (shown as typed, never as Markdown or a terminal escape); ``--out``
writes the file, and a bad ``--out`` is one line saying why.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from cadence.locations import demo_workspace_dir

HEADINGS = [
    "# Vision/Traction Organizer: Quillfern Packaging Co.",
    "## Core values",
    "## Core focus",
    "### Purpose / cause / passion",
    "### Niche",
    "## 10-year target",
    "## Marketing strategy",
    "### Target market",
    "### Three uniques",
    "### Proven process",
    "### Guarantee",
    "## 3-year picture",
    "## 1-year plan",
    "## Rocks for 2026-Q4",
    "## Long-term issues",
]
GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "vto.md"


def test_the_demo_vto_exports_every_part_in_order(cadence, workspace_dir: Path) -> None:
    workspace_dir.mkdir()
    shutil.copy2(demo_workspace_dir() / "cadence.json", workspace_dir / "cadence.json")
    result = cadence("vision", "export")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert [line for line in lines if line.startswith("#")] == HEADINGS
    values = lines[lines.index("## Core values") + 2 : lines.index("## Core focus") - 1]
    assert values == [
        "- Do what we said, when we said",
        "- Tell it straight, kindly",
        "- Leave it better than we found it",
        "- Sweat the small print",
    ]
    uniques = lines[lines.index("### Three uniques") + 2 : lines.index("### Proven process") - 1]
    assert uniques == [
        "1. A firm quote within one business day",
        "2. Custom runs from 250 units",
        "3. A named account manager who has worked the press floor",
    ]
    target = lines[lines.index("## 10-year target") + 2]
    assert target == "$12M in revenue, 60 people, and the first call for 500 independent food brands."
    # A text part keeps its lines (hard breaks); a line that would start a list stays text, as typed.
    assert "\\- Second digital press running two shifts  " in lines
    assert "Pet-treat packaging tested with two existing customers\n\n## Rocks for 2026-Q4\n" in result.out
    assert result.out == GOLDEN.read_text(encoding="utf-8")


def test_hostile_text_is_shown_as_typed_and_empty_parts_say_so(team_workspace) -> None:
    assert team_workspace("vision", "set", "core-values", "# big", "[click](http://x.test)", "\x1b[31mred").code == 0
    assert team_workspace("vision", "set", "guarantee", "*always* on time").code == 0
    out = team_workspace("vision", "export").out
    assert out.startswith("# Vision/Traction Organizer: Acme\n")
    # The escape character shows as the text \x1b (its backslash escaped, so Markdown renders it as typed).
    assert "- \\# big\n- \\[click\\](http://x.test)\n- \\\\x1b\\[31mred\n" in out
    assert "### Guarantee\n\n\\*always\\* on time\n" in out
    assert "\x1b" not in out
    assert "## 10-year target\n\n_Not written yet._\n" in out


def test_a_workspace_without_a_vto_exports_the_empty_page(team_workspace) -> None:
    out = team_workspace("vision", "export").out
    assert out.count("_Not written yet._") == 10
    assert out.endswith(
        "## Rocks for 2026-Q4\n\n_No company rocks this quarter._\n\n"
        "## Long-term issues\n\n_No open long-term issues._\n"
    )
    assert out.startswith("# Vision/Traction Organizer: Acme\n\n## Core values\n\n_Not written yet._\n")


def test_out_writes_the_file_and_a_bad_out_says_why(team_workspace, tmp_path: Path) -> None:
    assert team_workspace("vision", "set", "core-values", "Own it").code == 0
    page = team_workspace("vision", "export").out
    target = tmp_path / "vto.md"
    written = team_workspace("vision", "export", "--out", str(target))
    assert written.code == 0 and written.out.strip() == f"wrote {target} (the V/TO as Markdown)"
    assert target.read_text(encoding="utf-8") == page
    bad = team_workspace("vision", "export", "--out", str(tmp_path / "missing" / "vto.md"))
    assert bad.code == 1
    assert "the folder it goes in does not exist" in bad.err
    assert not (tmp_path / "missing").exists()


def test_rocks_and_issues_are_linked_not_copied(team_workspace) -> None:
    """Only this quarter's company rocks and open long-term issues; an edit to one shows on the next export."""
    run = team_workspace
    assert run("rock", "add", "Win Globex", "--owner", "Ann", "--company").code == 0  # R-1, 2026-Q4
    assert run("rock", "add", "Ann's own rock", "--owner", "Ann").code == 0  # individual, left out
    assert run("rock", "add", "Next year", "--owner", "Bob", "--company", "--quarter", "2027-Q1").code == 0
    assert run("issue", "add", "Second plant?", "--long-term", "--owner", "Bob").code == 0  # I-1
    assert run("issue", "add", "Printer jam").code == 0  # I-2: short term, left out
    assert run("issue", "add", "Sell the van?", "--long-term").code == 0  # I-3
    page = run("vision", "export", "--format", "md").out
    rocks = page[page.index("## Rocks for 2026-Q4") : page.index("## Long-term issues")]
    assert rocks == "## Rocks for 2026-Q4\n\n- R-1 Win Globex (Ann, on-track)\n\n"
    assert page.endswith("## Long-term issues\n\n- I-1 Second plant? (Bob)\n- I-3 Sell the van?\n")
    assert run("rock", "edit", "R-1", "--title", "Win Globex and Initech").code == 0
    assert run("rock", "set", "R-1", "--status", "off-track").code == 0
    assert run("issue", "drop", "I-3").code == 0
    again = run("vision", "export").out
    assert "- R-1 Win Globex and Initech (Ann, off-track)\n" in again
    assert again.endswith("## Long-term issues\n\n- I-1 Second plant? (Bob)\n")


def test_format_md_is_the_default_and_another_format_is_refused(team_workspace, workspace_dir: Path) -> None:
    assert team_workspace("vision", "set", "core-values", "Own it").code == 0
    before = (workspace_dir / "cadence.json").read_bytes()
    assert team_workspace("vision", "export", "--format", "md").out == team_workspace("vision", "export").out
    refused = team_workspace("vision", "export", "--format", "pdf")
    assert refused.code != 0
    assert "'pdf' is not 'md'" in refused.err
    assert (workspace_dir / "cadence.json").read_bytes() == before

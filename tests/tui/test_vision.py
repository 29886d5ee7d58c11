"""Vision (V/TO) driven with keys, checked against the file on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from cadence.store import Workspace
from tests.tui.conftest import SIZES


async def test_edit_ten_year_target_with_keys(make_app, on_disk) -> None:
    app = make_app()
    before = on_disk().visions[0]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8")
        # core values, purpose, niche, the four marketing parts, then the 10-year target
        await pilot.press(*["down"] * 7)
        assert app.focused.id == "part-ten_year_target"
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "TextAreaFormScreen"
        await pilot.press("f7", *"$20M and 100 people", "enter", *"by 2036", "ctrl+s")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "VisionScreen"
        shown = str(app.screen.query_one("#part-ten_year_target").render())
        assert "$20M and 100 people" in shown
    after = on_disk().visions[0]
    assert after.ten_year_target == "$20M and 100 people\nby 2036"
    assert after.model_dump(exclude={"ten_year_target"}) == before.model_dump(exclude={"ten_year_target"})


async def test_edit_core_values_one_per_line_from_the_chooser(make_app, on_disk) -> None:
    app = make_app()
    before = on_disk().visions[0].core_values
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("8", "E")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ChoiceScreen"
        await pilot.press("enter")  # the first choice: core values
        await pilot.pause()
        # The cursor starts at the end: add one value, and a blank line that is dropped.
        await pilot.press("enter", *"  Own the outcome  ", "enter", "enter", "ctrl+s")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "VisionScreen"
    assert on_disk().visions[0].core_values == [*before, "Own the outcome"]


async def test_escape_changes_nothing(make_app, on_disk, demo_folder: Path) -> None:
    app = make_app()
    file = demo_folder / "cadence.json"
    before = file.read_bytes()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8", "e", *"scribble", "enter", *"more")
        await pilot.pause()
        assert "scribble" in app.screen.query_one("TextArea").text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "VisionScreen"
        # Saving the text as it was shown writes nothing either.
        await pilot.press("e", "ctrl+s")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "VisionScreen"
    assert file.read_bytes() == before


async def test_empty_workspace_shows_a_hint_and_the_first_save_creates_the_vto(
    make_app, on_disk, demo_folder: Path
) -> None:
    with Workspace(demo_folder).transaction() as tx:
        for vision in tx.visions:
            tx.delete(vision)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8")
        await pilot.pause()
        assert "No V/TO yet" in str(app.screen.query_one("#vision-hint").render())
        assert "empty" in str(app.screen.query_one("#part-guarantee").render())
        await pilot.press("E")
        await pilot.pause()
        options = app.screen.query_one("OptionList")
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        await pilot.press(*["down"] * labels.index("Marketing strategy: Guarantee"), "enter")
        await pilot.pause()
        await pilot.press(*"On time or free", "ctrl+s")
        await pilot.pause()
    visions = on_disk().visions
    assert len(visions) == 1
    assert visions[0].guarantee == "On time or free"
    assert visions[0].team_id is None
    assert visions[0].core_values == []


async def test_markup_and_escapes_are_shown_literally(make_app, demo_folder: Path) -> None:
    with Workspace(demo_folder).transaction() as tx:
        tx.save(tx.visions[0], guarantee="[bold]free[/] \x1b[31mred")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("8")
        await pilot.pause()
        shown = str(app.screen.query_one("#part-guarantee").render())
    assert "[bold]free[/]" in shown
    assert "\\x1b[31mred" in shown
    assert "\x1b" not in shown


@pytest.mark.parametrize("size", SIZES)
def test_vision_snapshot(make_app, snap_compare, size) -> None:
    assert snap_compare(make_app(), press=["8"], terminal_size=size)


async def test_company_rocks_and_long_term_issues_are_linked_not_copied(make_app, demo_folder: Path) -> None:
    """The two read-only parts list this quarter's company rocks and the open long-term issues as their
    records are now: a rock renamed and an issue solved in another session show after the poll."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8")
        await pilot.pause()
        rocks = str(app.screen.query_one("#traction-rocks").render())
        assert "R-12 On-time shipments at 97% for six straight weeks" in rocks
        assert "R-13 Go live with ERP job costing" in rocks
        assert "R-14" not in rocks and "R-1 " not in rocks  # individual, and last quarter's company rock
        issues = str(app.screen.query_one("#traction-issues").render())
        assert [line.split()[0] for line in issues.splitlines()] == ["I-2", "I-3", "I-4", "I-5"]
        with Workspace(demo_folder).transaction() as tx:
            tx.save(tx.rock("R-13"), title="ERP job costing live")
            tx.save(tx.issue("I-3"), status="dropped")
        await app.poll_workspace()
        await pilot.pause()
        assert "R-13 ERP job costing live" in str(app.screen.query_one("#traction-rocks").render())
        issues = str(app.screen.query_one("#traction-issues").render())
        assert [line.split()[0] for line in issues.splitlines()] == ["I-2", "I-4", "I-5"]
        # Tab/↓ reach them (so the page scrolls to them at 80x24); e says where they are edited.
        await pilot.press(*["down"] * 10)
        assert app.focused.id == "traction-rocks"
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "VisionScreen"


async def test_p_opens_the_core_processes_and_esc_comes_back(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8", "p")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ProcessesScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "VisionScreen"


@pytest.mark.parametrize("size", SIZES)
def test_vision_traction_snapshot(make_app, snap_compare, size) -> None:
    """The end of the page: the 1-year plan, then the company rocks and the long-term issues, one line each."""
    assert snap_compare(make_app(), press=["8", *["down"] * 10], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
async def test_hostile_rock_and_issue_titles_show_as_typed_in_one_line(make_app, demo_folder: Path, size) -> None:
    hostile = "[bold]x[/] \x1b[31m" + "W" * 100
    with Workspace(demo_folder).transaction() as tx:
        tx.save(tx.rock("R-12"), title=hostile)
        tx.save(tx.issue("I-2"), title=hostile)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("8", *["down"] * 10)
        await pilot.pause()
        for box in ("#traction-rocks", "#traction-issues"):
            widget = app.screen.query_one(box)
            assert widget.size.height == len(widget.render().plain.splitlines()), "one line a record, never wrapped"
        assert "[bold]x[/] \\x1b[31mWWW" in str(app.screen.query_one("#traction-rocks").render())
        assert "\x1b" not in app.export_screenshot()

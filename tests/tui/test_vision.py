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

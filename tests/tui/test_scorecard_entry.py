"""ENTRY on the Scorecard: no key the screen advertises as navigation ever writes a value.

Each test starts on the Dashboard, presses ``3`` as a person would, and reads
the workspace file back: a section key, an arrow or ``n`` (the note key) on
the grid leaves the file's bytes unchanged; ``Enter`` starts ENTRY, which the
tab bar and footer show, and only then do keys type values.
"""

from __future__ import annotations

from datetime import date

import pytest

from cadence.tui.widgets.cell_entry import CellEntry
from cadence.tui.widgets.header import SectionTabs
from cadence.tui.widgets.score_grid import ScoreGrid

THIS_WEEK = date(2026, 11, 23)
LAST_WEEK = date(2026, 11, 16)
YESNO_ROW = ["j"] * 6  # M-7 Safety walk done, a yes/no measurable


def footer_keys(app) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """What the footer shows: description -> key."""
    return {
        item.binding.description: app.get_key_display(item.binding)
        for item in app.screen.active_bindings.values()
        if item.binding.show
    }


@pytest.mark.parametrize(
    ("keys", "mode"),
    [
        (["3", "3", "down"], "scorecard"),
        (["3", "4"], "issues"),
        (["3", *YESNO_ROW, "n"], "scorecard"),  # this week is empty: n is the note key, never "no"
        (["3", *YESNO_ROW, "h", "n", "escape"], "scorecard"),  # last week has a value: its note form, closed
        (["3", "h", "5", "down", "3", "4"], "issues"),
        (["3", "h", "enter", "enter", "escape"], "scorecard"),  # opened and saved untouched: nothing written
    ],
)
async def test_section_and_note_keys_never_write_a_value(make_app, demo_folder, keys, mode) -> None:
    before = (demo_folder / "cadence.json").read_bytes()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        assert app.current_mode == mode
    assert (demo_folder / "cadence.json").read_bytes() == before


async def test_enter_starts_entry_which_the_tab_bar_and_footer_show(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert app.screen.query_one(SectionTabs).display
        assert not app.screen.query_one("#sc-mode").display
        assert footer_keys(app)["Value"] == "⏎"
        await pilot.press("enter")
        await pilot.pause()
        assert not app.screen.query_one(SectionTabs).display, "no section keys advertised while keys type"
        banner = str(app.screen.query_one("#sc-mode").render())
        assert banner.lstrip().startswith("ENTRY") and "Esc stop" in banner
        assert footer_keys(app) == {"Save ↓": "⏎", "Save →": "Tab", "Stop entry": "Esc"}
        await pilot.press(*"55k", "enter", *"4", "escape")
        await pilot.pause()
        assert app.screen.query_one(SectionTabs).display
        assert app.screen.query_one(ScoreGrid).current_row.measurable.id == "M-2"
        await pilot.press("3", "4")
        await pilot.pause()
        assert app.current_mode == "issues"
    snapshot = on_disk()
    assert snapshot.score_for("M-1", THIS_WEEK).value == 55_000
    assert snapshot.score_for("M-2", THIS_WEEK) is None, "Esc left the second cell as it was"


async def test_typing_replaces_the_value_the_cell_opens_with(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "h", "enter")
        await pilot.pause()
        entry = app.screen.query_one(CellEntry)
        assert entry.value == "$61,850" and entry.untouched
        await pilot.press(*"60k", "enter")
        await pilot.pause()
    assert on_disk().score_for("M-1", LAST_WEEK).value == 60_000


async def test_footer_on_a_yes_no_row_is_truthful_in_both_modes(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", *YESNO_ROW)
        await pilot.pause()
        assert footer_keys(app)["Note"] == "n", "browsing: n is the note key, and does that"
        await pilot.press("enter")
        await pilot.pause()
        assert "Note" not in footer_keys(app), "in ENTRY n types 'no', so the footer does not offer Note"
        await pilot.press("n", "enter")
        await pilot.pause()
        assert not app.screen.query_one(CellEntry).is_open, "past the last row ENTRY ends"
    assert on_disk().score_for("M-7", THIS_WEEK).value == 0.0

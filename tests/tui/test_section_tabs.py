"""The section tabs keep all nine number keys in sight at 80 columns, and every label in full when there is room."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from cadence.tui.app import CadenceApp
from cadence.tui.widgets.header import SectionTab, SectionTabs


def tab_line(app: CadenceApp) -> tuple[str, int]:
    tabs = app.screen.query_one(SectionTabs)
    text = "".join(" " + str(tab.render()) for tab in tabs.query(SectionTab))
    return text, tabs.size.width


@pytest.mark.parametrize("key", ["1", "6", "7", "9"])
async def test_every_section_key_shows_at_80_columns(make_app: Callable[..., CadenceApp], key: str) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        text, width = tab_line(app)
        assert len(text) <= width, text
        for number in "123456789":
            assert f" {number} " in text
        current = next(section for section in app.sections if section.key == key)
        assert f"{key} {current.label}" in text, "the section you are in keeps its full name"


async def test_wide_terminal_shows_every_label_in_full(make_app: Callable[..., CadenceApp]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text, _ = tab_line(app)
        for section in app.sections:
            assert f"{section.key} {section.label}" in text

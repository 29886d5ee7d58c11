"""Every key that works is in ``?`` help, and the footer's keys are whole at 80x24.

For each section (Rocks has its own tests), the footer's shown keys must all
fit on the 80-column line, and the help screen must list every key the
section binds, with what it does.
"""

from __future__ import annotations

import pytest
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from cadence.tui.screens.help import HelpScreen

SECTIONS = {
    "1": ("dashboard", set()),
    "3": ("scorecard", {"n", "i", "p", "m", "g", "x", "enter"}),
    "4": ("issues", {"a", "s", "!", "l", "m", "x", "e"}),
    "5": ("todos", {"a", "e", "x", "o", "i", "d"}),
    "6": ("headlines", {"a", "i", "d"}),
    "8": ("vision", {"e", "E", "x", "down", "up"}),
    "9": ("people", {"a", "e", "r", "j", "l", "d"}),
}


def footer_keys(app) -> list[FooterKey]:  # type: ignore[no-untyped-def]
    return list(app.screen.query_one(Footer).query(FooterKey))


@pytest.mark.parametrize("key", list(SECTIONS))
async def test_the_footer_shows_its_keys_whole_at_80_columns(make_app, key: str) -> None:
    mode, expected = SECTIONS[key]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert app.current_mode == mode
        shown = footer_keys(app)
        palette = next(item for item in shown if item.has_class("-command-palette"))
        assert palette.region.right <= 80
        for item in shown:
            if item is not palette:
                assert item.region.right <= palette.region.x, f"{item.key} {item.description} runs under the palette key"
                assert item.region.width == item.get_content_width(item.size, item.size), f"{item.key} is cut"
        keys = {item.key for item in shown}
        wanted = {{"!": "exclamation_mark"}.get(k, k) for k in expected} | {"question_mark", "t"}
        assert wanted <= keys, f"missing from the footer: {wanted - keys}"


def own_bindings(screen) -> list[Binding]:  # type: ignore[no-untyped-def]
    found = []
    for node in [screen, *screen.query("*")]:
        for cls in type(node).__mro__:
            if cls.__module__.startswith("cadence."):
                found += [b for b in cls.__dict__.get("BINDINGS", []) if isinstance(b, Binding)]
    return found


@pytest.mark.parametrize("key", list(SECTIONS))
async def test_help_lists_every_key_the_section_binds(make_app, key: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        screen = app.screen
        active = {item.binding.action for item in screen.active_bindings.values()}
        wanted = [b for b in own_bindings(screen) if b.action in active]
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        listed = {description for _, description in app.screen.keys}
        missing = [b.action for b in wanted if (b.tooltip or b.description) not in listed]
        assert not missing, f"keys that work but are not in help: {missing}"

"""The meeting's text box once removed: a frame already under way may still ask it for lines.

Textual clears a removed widget's component styles, but a screen refresh whose
map of widgets is a frame old can still call ``render_lines`` on it; a
``TextArea`` then raised ``KeyError: 'text-area--gutter'`` and the app crashed
mid-meeting (seen walking an annual session's sections, and once in CI). The
box must draw blank instead.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region

from cadence.tui.widgets.autosave_text import AutosaveText


async def _ignore(text: str) -> None:
    return None


class OneBox(App[None]):
    def compose(self) -> ComposeResult:
        yield AutosaveText("said in the meeting", _ignore, id="notes")


async def test_a_removed_box_asked_for_lines_draws_blank_instead_of_crashing() -> None:
    app = OneBox()
    async with app.run_test(size=(40, 8)) as pilot:
        box = app.query_one(AutosaveText)
        drawn = box.render_lines(Region(0, 0, 20, 3))
        assert "said in the meetin" in "".join(strip.text for strip in drawn)
        await box.remove()
        await pilot.pause()
        blank = box.render_lines(Region(0, 0, 20, 3))  # what a stale frame does
    assert [strip.text for strip in blank] == [" " * 20] * 3

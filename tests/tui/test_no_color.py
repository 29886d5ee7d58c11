"""Under NO_COLOR the reddest things must stand out most: bold or reverse, readable, never faded.

Textual turns every colour into a grey of the same brightness when NO_COLOR
is set, so a red status used to come out dark grey on near-black (about
1.6:1). These tests read what the app really draws (the screen's rendered
segments, after Textual's NO_COLOR filter) and check the bad things by
their words and marks.
"""

from __future__ import annotations

import pytest
from rich.color import Color
from rich.segment import Segment
from rich.style import Style

from tests.tui.conftest import SIZES

# WCAG's "normal text" threshold; body text in the dark theme is about 14:1.
READABLE = 4.5


@pytest.fixture(autouse=True)
def _no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    """Set before each app is built: Textual reads NO_COLOR when the app starts."""
    monkeypatch.setenv("NO_COLOR", "1")


def luminance(color: Color) -> float:
    """Relative luminance (WCAG) of a truecolor Rich colour."""
    red, green, blue = color.get_truecolor()

    def channel(value: int) -> float:
        share = value / 255
        return share / 12.92 if share <= 0.03928 else ((share + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(style: Style) -> float:
    """Contrast ratio of the text against its own background (reverse swaps them, as a terminal does)."""
    assert style.color is not None and style.bgcolor is not None, style
    lighter, darker = sorted((luminance(style.color), luminance(style.bgcolor)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def drawn(app) -> list[Segment]:
    """Every segment the screen draws, after Textual's NO_COLOR filter."""
    return [segment for strip in app.screen._compositor.render_strips() for segment in strip]


def segments_with(app, words: str) -> list[Segment]:
    found = [segment for segment in drawn(app) if words in segment.text]
    assert found, f"{words!r} is not on screen"
    return found


def assert_stands_out(segment: Segment) -> None:
    style = segment.style
    assert style is not None
    assert style.bold or style.reverse, f"{segment.text!r} is neither bold nor reverse: {style}"
    assert not style.dim, f"{segment.text!r} is dim: {style}"
    assert contrast(style) >= READABLE, f"{segment.text!r} is {contrast(style):.1f}:1 ({style})"


async def test_no_color_dashboard_off_track_and_below_goal_stand_out(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.no_color
        for words in ("2 off-track", "✗ below goal", "6d late", "✗ under 8"):
            for segment in segments_with(app, words):
                assert_stands_out(segment)
        # The headline bad figures are as loud as a red box: reverse.
        assert all(segment.style.reverse for segment in segments_with(app, "2 off-track"))
        assert all(segment.style.reverse for segment in segments_with(app, "0% (0/8)"))


async def test_no_color_scorecard_red_cells_are_reverse(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        red_cells = segments_with(app, "✗")
        assert len(red_cells) >= 4
        for segment in red_cells:
            assert_stands_out(segment)
            assert segment.style.reverse
        # On-goal cells stay readable and bold, but not reversed: the two never look alike.
        for segment in segments_with(app, "✓"):
            if "$" in segment.text:
                assert segment.style.bold and not segment.style.reverse
                assert contrast(segment.style) >= READABLE


async def test_no_color_rocks_off_track_and_late_stand_out(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        for words in ("▲ off-track", "✗ below goal"):
            for segment in segments_with(app, words):
                assert_stands_out(segment)


async def test_no_color_todos_overdue_and_people_late_stand_out(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        for segment in segments_with(app, "OVERDUE"):
            assert_stands_out(segment)
        for segment in segments_with(app, "✗ below goal"):
            assert_stands_out(segment)
        await pilot.press("9")
        await pilot.pause()
        for segment in segments_with(app, "late"):
            assert_stands_out(segment)


@pytest.mark.parametrize("section", ["1", "2", "3", "4", "5", "6", "8", "9"])
async def test_no_color_every_section_is_readable(make_app, section: str) -> None:
    """No words anywhere fade below the readable threshold, status or not."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(section)
        await pilot.pause()
        faint = [
            (segment.text, round(contrast(segment.style), 1))
            for segment in drawn(app)
            if segment.style is not None and segment.style.color is not None and any(ch.isalnum() for ch in segment.text)
            and contrast(segment.style) < READABLE
        ]
        assert not faint


@pytest.mark.parametrize("size", SIZES)
def test_no_color_dashboard_snapshot(make_app, snap_compare, size) -> None:
    assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_no_color_scorecard_snapshot(make_app, snap_compare, size) -> None:
    assert snap_compare(make_app(), press=["3"], terminal_size=size)

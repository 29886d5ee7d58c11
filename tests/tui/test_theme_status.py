"""Status colours come from the theme: each theme file sets them, a switch repaints them, "done" is one colour.

These tests read what the app really draws (the screen's rendered segments,
as test_no_color.py does) and compare the colour of a status's words with
the colour the running theme gives its variable.
"""

from __future__ import annotations

import re
from pathlib import Path

from cadence.tui.config import UserSettings
from cadence.tui.themes import STYLE_VARIABLES
from rich.color import Color as RichColor
from rich.segment import Segment
from textual.color import Color

TUI_SOURCE = Path(__file__).resolve().parents[2] / "cadence" / "tui"
HIGH_CONTRAST_BAD = "#FF3030"
HIGH_CONTRAST_DONE = "#00FFFF"
HIGH_CONTRAST_GOOD = "#00FF00"


def drawn(app) -> list[Segment]:
    return [segment for strip in app.screen._compositor.render_strips() for segment in strip]


def colours_of(app, words: str) -> set[tuple[int, int, int]]:
    """The foreground colours of every segment that shows ``words``, as the terminal gets them.

    The row under the cursor is drawn in the cursor's colours, so tests check that the status's
    colour is there and the other theme's is not, rather than that it is the only one.
    """
    found = [segment for segment in drawn(app) if words in segment.text]
    assert found, f"{words!r} is not on screen"
    return {colour(app, segment.style.color) for segment in found}


def colour(app, rich_colour: RichColor | None) -> tuple[int, int, int]:
    """Truecolor of a drawn colour; an ANSI one through the app's ANSI palette, as Textual sends it."""
    assert rich_colour is not None
    return tuple(rich_colour.get_truecolor(app.ansi_theme))  # type: ignore[return-value]


def expected(app, value: str) -> tuple[int, int, int]:
    return colour(app, Color.parse(value).rich_color)


async def test_switching_theme_in_the_palette_recolours_an_off_track_rock(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        dark_red = expected(app, STYLE_VARIABLES["status-bad"])
        assert dark_red in colours_of(app, "▲ off-track")
        await pilot.press("ctrl+p", *"theme")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"cadence-high-contrast")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "cadence-high-contrast"
        off_track = colours_of(app, "▲ off-track")
        assert expected(app, HIGH_CONTRAST_BAD) in off_track and dark_red not in off_track


async def test_a_theme_switch_repaints_red_cells_on_the_open_screen(make_app) -> None:
    """No screen change in between (the palette's live preview does this): the grid redraws in the new colours."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        dark_red = expected(app, STYLE_VARIABLES["status-bad"])
        assert dark_red in colours_of(app, "✗")
        app.theme = "cadence-high-contrast"
        await pilot.pause()
        red_cells = [segment for segment in drawn(app) if "%" in segment.text and "✗" in segment.text]
        assert len(red_cells) >= 2
        assert {colour(app, segment.style.color) for segment in red_cells} == {expected(app, HIGH_CONTRAST_BAD)}
        assert all(segment.style.bold for segment in red_cells)
        assert dark_red not in colours_of(app, "✗")


async def test_done_is_one_colour_in_rocks_milestones_and_todos(make_app, settings: UserSettings) -> None:
    settings.theme = "cadence-high-contrast"
    app = make_app(settings=settings)
    async with app.run_test(size=(120, 40)) as pilot:
        done, good = expected(app, HIGH_CONTRAST_DONE), expected(app, HIGH_CONTRAST_GOOD)
        await pilot.press("5")
        await pilot.pause()
        looks = {"to-do": colours_of(app, "[x] done")}
        await pilot.press("2", "left_square_bracket")  # last quarter: most rocks done
        await pilot.pause()
        looks["rock"] = colours_of(app, "✔ done")
        await pilot.press("m")  # the rock's milestones, all ticked
        await pilot.pause()
        looks["milestone"] = colours_of(app, "[x] ")
        for what, colours in looks.items():
            assert done in colours and good not in colours, what


async def test_a_user_theme_without_the_variables_gets_the_defaults(
    make_app, tmp_path: Path, settings: UserSettings
) -> None:
    themes = tmp_path / "my-themes"
    themes.mkdir()
    (themes / "mine.toml").write_text("name = 'mine'\ndark = true\nprimary = '#ff8800'\n")
    settings.theme = "mine"
    app = make_app(extra_theme_dirs=[themes], settings=settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert app.theme == "mine"
        assert expected(app, STYLE_VARIABLES["status-bad"]) in colours_of(app, "▲ off-track")
        assert app.theme_variables["status-done"] == STYLE_VARIABLES["status-done"]


async def test_a_user_theme_with_a_bad_status_colour_is_reported_and_skipped(
    make_app, tmp_path: Path, settings: UserSettings
) -> None:
    themes = tmp_path / "my-themes"
    themes.mkdir()
    (themes / "loud.toml").write_text("name = 'loud'\nprimary = '#ff8800'\n[variables]\nstatus-bad = 'very-red'\n")
    settings.theme = "loud"
    app = make_app(extra_theme_dirs=[themes], settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "cadence-dark"
        assert "loud" not in app.available_themes
        messages = " ".join(str(n.message) for n in app._notifications)
        assert "loud.toml" in messages and "status-bad" in messages


async def test_a_textual_built_in_theme_draws_statuses_in_the_defaults(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        app.theme = "textual-light"
        await pilot.pause()
        assert expected(app, STYLE_VARIABLES["status-bad"]) in colours_of(app, "▲ off-track")


def test_every_bundled_theme_sets_every_status_variable() -> None:
    for path in sorted((TUI_SOURCE.parents[1] / "themes").glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        for name in STYLE_VARIABLES:
            assert re.search(rf"^{name} = ", text, re.MULTILINE), f"{path.name} does not set {name}"


# A whole string that is a Rich style naming a colour ("bold red", "cyan"), or markup doing the same ("[red]").
COLOUR = r"(?:bright_)?(?:red|green|yellow|blue|cyan|magenta)"
STYLE_WORDS = r"(?:(?:bold|italic|dim|underline|reverse|not) )*"
COLOUR_STYLE = re.compile(rf"""["']{STYLE_WORDS}{COLOUR}(?: on \w+)?["']|\[/?(?:bold )?{COLOUR}\]""")


def test_no_rich_colour_names_in_the_tui() -> None:
    """Colours come from theme variables through status_styles; a literal colour would ignore the theme."""
    found = [
        f"{path.relative_to(TUI_SOURCE)}:{number}: {line.strip()}"
        for path in sorted(TUI_SOURCE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if COLOUR_STYLE.search(line)
    ]
    assert not found, "\n".join(found)

"""Whatever people type is shown literally: markup, escape sequences, emoji, CJK, RTL, very long titles.

Two routes in: typed (pasted) into the forms, and written by another program
into the file. Either way every section must render without crashing, show
the text as typed (control characters as visible escapes), and keep the
layout (no row taller than one line, nothing wider than the terminal).
"""

from __future__ import annotations

from datetime import date

import pytest
from textual import events

from cadence.domain.models import Headline, HeadlineKind, Issue, Person, Rock, Team, Todo
from cadence.domain.text import visible
from cadence.store import Workspace
from tests.tui.conftest import SIZES

HOSTILE = [
    "[bold]x[/]",
    "[link=http://x]y[/]",
    "\x1b[2J wipe",
    "🚀 launch 🎉",
    "漢字のタイトル",
    "שלום עולם",
    "W" * 2000,
]
SECTIONS = ["1", "2", "3", "4", "5", "6", "8", "9"]


def screen_text(app) -> str:  # type: ignore[no-untyped-def]
    """Every character on the screen as plain text, read from the app's own render."""
    return app.export_screenshot().replace("&#160;", " ")


def seed_hostile(folder) -> None:  # type: ignore[no-untyped-def]
    today = date(2026, 11, 23)
    with Workspace(folder).transaction() as tx:
        team = tx.teams[0]
        for index, text in enumerate(HOSTILE):
            person = tx.add(Person, name=(text[:100] + f" {index}"))
            tx.save(tx.get(team.kind, team.id), member_ids=[*tx.get(team.kind, team.id).member_ids, person.id])  # type: ignore[attr-defined]
            tx.add(Rock, title=text, owner_id=person.id, quarter="2026-Q4", created=today, team_id=team.id)
            tx.add(Issue, title=text, owner_id=person.id, created=today, team_id=team.id)
            tx.add(Todo, title=text, owner_id=person.id, due=today, created=today, team_id=team.id)
            tx.add(Headline, text=text, headline_kind=HeadlineKind.CUSTOMER, by_id=person.id, created=today, team_id=team.id)
        tx.add(Team, name="[red]Team[/] \x1b[31m")


def table_cells(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The plain text of every cell in every table on the current screen."""
    cells: list[str] = []
    for table in app.screen.query("DataTable"):
        for index in range(table.row_count):
            cells.extend(str(cell) for cell in table.get_row_at(index))
    return cells


@pytest.mark.parametrize("size", SIZES)
async def test_every_section_renders_hostile_records_literally(make_app, demo_folder, size) -> None:
    seed_hostile(demo_folder)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        for key in SECTIONS:
            await pilot.press(key)
            await pilot.pause()
            if key == "3":
                await pilot.press("escape")  # leave the grid's number entry so digits switch sections again
            assert "\x1b" not in screen_text(app)
        for key in ["2", "4", "5", "6"]:
            await pilot.press(key)
            await pilot.pause()
            cells = table_cells(app)
            for text in HOSTILE[:-1]:
                assert any(visible(text) in cell for cell in cells), (key, text)
            long_cells = [cell for cell in cells if cell.startswith("WWWW")]
            assert long_cells and all("…" in cell and len(cell) < 200 for cell in long_cells), key


@pytest.mark.parametrize("text", HOSTILE)
async def test_pasted_into_a_form_is_stored_exactly(make_app, on_disk, text) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "a")
        app.screen.focused.post_message(events.Paste(text))
        await pilot.pause()
        await pilot.press("enter", *"Dana", "enter", "enter")
        await pilot.pause()
        assert "\x1b" not in screen_text(app)
    assert on_disk().todos[-1].title == text.strip()


def test_visible_shows_escapes_as_text() -> None:
    assert visible("\x1b[2J wipe") == "\\x1b[2J wipe"
    assert visible("[bold]x[/]") == "[bold]x[/]"


# Escape sequences and bidi overrides through forms, palette, dialogs and toasts ----------------------

ESCAPES = [
    "\x1b]52;c;aGVsbG8=\x07 clipboard",
    "\x1b[2J wipe",
    "\x1b]8;;http://x\x1b\\text\x1b]8;;\x1b\\",
    "abc\u202edef",
]
NEVER_DRAWN = ["\x1b", "\x07", "\u202e"]


def screen_lines(app) -> str:  # type: ignore[no-untyped-def]
    """The characters of every cell on screen, line by line (the same strips the terminal is sent)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def assert_drawn_safely(app) -> None:  # type: ignore[no-untyped-def]
    shown = screen_text(app) + screen_lines(app)
    for char in NEVER_DRAWN:
        assert char not in shown, repr(char)


def seed_todo(folder, title: str) -> str:  # type: ignore[no-untyped-def]
    today = date(2026, 11, 23)
    with Workspace(folder).transaction() as tx:
        todo = tx.add(Todo, title=title, owner_id="P-1", due=today, created=today, team_id="TM-1")
    return todo.id


async def cursor_on(pilot, key: str) -> None:  # type: ignore[no-untyped-def]
    table = pilot.app.screen.query_one("RecordTable")
    for _ in range(table.row_count):
        if table.selected_key == key:
            return
        await pilot.press("down")
    assert table.selected_key == key


@pytest.mark.parametrize("text", ESCAPES)
async def test_edit_form_shows_escapes_visibly_and_escape_leaves_the_file(make_app, demo_folder, text) -> None:
    todo_id = seed_todo(demo_folder, text)
    before = (demo_folder / "cadence.json").read_bytes()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await cursor_on(pilot, todo_id)
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#field-title").value == visible(text)
        assert_drawn_safely(app)
        await pilot.press("escape")
        await pilot.pause()
    assert (demo_folder / "cadence.json").read_bytes() == before


@pytest.mark.parametrize("text", ESCAPES)
async def test_saving_an_edit_form_keeps_an_untouched_title_byte_for_byte(make_app, demo_folder, on_disk, text) -> None:
    todo_id = seed_todo(demo_folder, text)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await cursor_on(pilot, todo_id)
        await pilot.press("e", "tab", "ctrl+u", *"2026-11-27", "ctrl+s")
        await pilot.pause()
        assert_drawn_safely(app)
    saved = next(todo for todo in on_disk().todos if todo.id == todo_id)
    assert (saved.title, str(saved.due)) == (text, "2026-11-27")


async def test_an_edited_title_is_saved_as_shown(make_app, demo_folder, on_disk) -> None:
    """Once the user edits the field, what they saw is what is saved (the escape as four characters)."""
    todo_id = seed_todo(demo_folder, "\x1b[2J wipe")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await cursor_on(pilot, todo_id)
        await pilot.press("e", "end", *"!", "ctrl+s")
        await pilot.pause()
    assert next(todo for todo in on_disk().todos if todo.id == todo_id).title == "\\x1b[2J wipe!"


async def test_confirm_dialog_naming_a_hostile_record_is_drawn_safely(make_app, demo_folder) -> None:
    todo_id = seed_todo(demo_folder, ESCAPES[0])
    before = (demo_folder / "cadence.json").read_bytes()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await cursor_on(pilot, todo_id)
        await pilot.press("d")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ConfirmScreen"
        assert_drawn_safely(app)
        await pilot.press("n")
        await pilot.pause()
    assert (demo_folder / "cadence.json").read_bytes() == before


async def test_a_field_error_quoting_what_was_typed_is_drawn_safely(make_app, on_disk) -> None:
    app = make_app()
    before = on_disk().todos
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "a", *"Title", "tab")
        app.screen.focused.post_message(events.Paste("\x1b[2J\u202eNobody"))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        error_line = str(app.screen.query_one("#error-owner").render())
        assert "no person" in error_line
        assert not any(char in error_line for char in NEVER_DRAWN), error_line
        await pilot.press("escape")
    assert on_disk().todos == before


async def test_a_toast_quoting_user_text_is_drawn_safely(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify(f"{ESCAPES[3]} [bold]x[/]", title=ESCAPES[1])
        await pilot.pause()
        await pilot.pause()
        # What the toast draws (plain text, markup off); no Toast widget is mounted under the test driver.
        toasts = " ".join(f"{note.title} {note.message}" for note in app._notifications if not note.markup)
        assert "[bold]x[/]" in toasts and "\\u202e" in toasts and "\\x1b[2J" in toasts
        assert not any(char in toasts for char in NEVER_DRAWN)
        assert_drawn_safely(app)


@pytest.mark.parametrize("name", ["[/]", "[bold]x", "\x1b[31mred\u202e"])
async def test_a_team_name_in_the_palette_is_shown_literally(make_app, demo_folder, name) -> None:
    with Workspace(demo_folder).transaction() as tx:
        tx.add(Team, name=name)
    before = (demo_folder / "cadence.json").read_bytes()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"team")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CommandPalette"
        assert f"Team: {visible(name)}" in screen_lines(app)
        assert_drawn_safely(app)
        await pilot.press("escape")
        await pilot.pause()
    assert (demo_folder / "cadence.json").read_bytes() == before


def test_joiners_stay_as_typed_and_bidi_overrides_are_made_visible() -> None:
    persian = "می\u200cخواهم"
    family = "👨\u200d👩\u200d👧"
    assert visible(persian) == persian
    assert visible(family) == family
    assert visible("abc\u202edef") == "abc\\u202edef"
    assert visible("\x1b]52;c;aGVsbG8=\x07") == "\\x1b]52;c;aGVsbG8=\\x07"

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

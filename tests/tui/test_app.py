"""The app as a whole: sections, team picker, themes, help, live refresh, a busy workspace."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import filelock
import pytest

from cadence.tui.config import UserSettings
from cadence.tui.screens.help import HelpScreen
from cadence.tui.widgets.header import CadenceHeader
from tests.tui.conftest import FIXED_NOW


def header(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(CadenceHeader).render())


async def wait_for(pilot, condition, seconds: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    """Let the app run until ``condition()`` holds; False if it never does within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        await pilot.pause(0.05)
    return condition()


async def test_number_keys_switch_sections(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.current_mode == "dashboard"
        for key, mode in [("2", "rocks"), ("3", "scorecard"), ("4", "issues"), ("5", "todos"), ("6", "headlines"), ("8", "vision"), ("9", "people"), ("1", "dashboard")]:
            await pilot.press(key)
            assert app.current_mode == mode
            if mode == "scorecard":
                await pilot.press("escape")  # digits type values in the grid; Esc gives them back to sections


async def test_palette_goes_to_a_section(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"Go to To-Dos")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "todos"


async def test_header_shows_company_team_week_and_days_left(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)):
        text = header(app)
        assert "Quillfern" in text and "Leadership team" in text
        assert "week of 23 Nov 2026" in text and "38 days left in 2026-Q4" in text


async def test_team_picker_switches_and_is_remembered(make_app, settings: UserSettings, demo_folder: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5", "t")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert "Sales" in header(app)
        team_id = app.session.team_id
    assert UserSettings.load(settings.folder).team_for(demo_folder) == team_id
    reopened = make_app(settings=UserSettings.load(settings.folder))
    async with reopened.run_test(size=(120, 40)):
        assert "Sales" in header(reopened)


async def test_theme_picked_in_palette_is_remembered(make_app, settings: UserSettings) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == "cadence-dark"
        await pilot.press("ctrl+p", *"theme")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press(*"cadence-light")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "cadence-light"
    assert UserSettings.load(settings.folder).theme == "cadence-light"
    reopened = make_app(settings=UserSettings.load(settings.folder))
    async with reopened.run_test(size=(80, 24)):
        assert reopened.theme == "cadence-light"


async def test_bundled_themes_are_registered(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)):
        for name in ("cadence-dark", "cadence-light", "cadence-high-contrast", "cadence-ansi"):
            assert name in app.available_themes


async def test_broken_theme_file_notifies_and_falls_back(make_app, tmp_path: Path, settings: UserSettings) -> None:
    themes = tmp_path / "my-themes"
    themes.mkdir()
    (themes / "broken.toml").write_text("name = 'broken'\nprimary = [not toml")
    (themes / "badcolour.toml").write_text("name = 'badcolour'\nprimary = 'not-a-colour'\n")
    (themes / "mine.toml").write_text("name = 'mine'\nprimary = '#ff8800'\n")
    settings.theme = "badcolour"
    app = make_app(extra_theme_dirs=[themes], settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "cadence-dark"
        assert "mine" in app.available_themes and "broken" not in app.available_themes
        messages = " ".join(str(n.message) for n in app._notifications)
        assert "broken.toml" in messages and "badcolour.toml" in messages


async def test_no_color_is_honoured(make_app, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=(80, 24)):
        assert app.no_color
        assert any(type(f).__name__ in ("NoColor", "Monochrome") for f in app._filters)


async def test_help_lists_this_screens_keys(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = dict(app.screen.keys)
        assert "Mark done / not done" in keys.values()
        assert "Pick the team whose rhythm you see" in keys.values()
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_another_writer_shows_up_without_losing_place(make_app, demo_folder: Path, clean_env) -> None:
    app = make_app(poll_seconds=0.1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        table = app.screen.query_one("RecordTable")
        await pilot.press("down")
        place = table.selected_key
        env = {**clean_env, "CADENCE_TODAY": FIXED_NOW.date().isoformat()}
        subprocess.run(
            [sys.executable, "-m", "cadence", "--workspace", str(demo_folder), "todo", "add", "Written from the shell", "--owner", "Dana"],
            check=True,
            env=env,
            capture_output=True,
        )

        def shown() -> bool:
            return any("Written from the shell" in str(table.get_row(row_key)[-1]) for row_key in table.rows)

        assert await wait_for(pilot, shown), "the CLI's to-do never appeared"
        assert table.selected_key == place


async def test_open_form_survives_a_live_refresh(make_app, demo_folder: Path, clean_env) -> None:
    app = make_app(poll_seconds=0.1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "a", *"Half typed")
        before = app.session.snapshot
        subprocess.run(
            [sys.executable, "-m", "cadence", "--workspace", str(demo_folder), "headline", "add", "Elsewhere", "--kind", "customer"],
            check=True,
            env=clean_env,
            capture_output=True,
        )
        assert await wait_for(pilot, lambda: app.session.snapshot is not before)
        assert app.screen.query_one("#field-title").value == "Half typed"


async def test_busy_workspace_keeps_the_input_for_a_retry(make_app, demo_folder: Path, on_disk) -> None:
    app = make_app()
    before = len(on_disk().todos)
    async with app.run_test(size=(80, 24)) as pilot:
        app.session.workspace.lock_timeout = 0.1
        await pilot.press("5", "a", *"Book the venue", "enter", *"Dana", "enter")
        holder = filelock.FileLock(demo_folder / "cadence.json.lock")
        with holder:
            await pilot.press("enter")
            await pilot.pause()
            assert "try again" in str(app.screen.query_one("#form-error").render())
            assert app.screen.query_one("#field-title").value == "Book the venue"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert len(on_disk().todos) == before + 1


async def test_unreadable_file_keeps_the_last_good_copy(make_app, demo_folder: Path) -> None:
    app = make_app(poll_seconds=0.1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        rows = app.screen.query_one("RecordTable").row_count
        (demo_folder / "cadence.json").write_text("{ torn")
        assert await wait_for(pilot, lambda: any("Workspace unreadable" in str(n.title) for n in app._notifications))
        assert app.screen.query_one("RecordTable").row_count == rows


async def test_palette_runs_this_screens_actions_by_name(make_app, on_disk) -> None:
    app = make_app()
    before = len(on_disk().todos)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "ctrl+p", *"add a to-do")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "FormScreen"
        await pilot.press(*"From the palette", "enter", *"Dana", "enter", "enter")
        await pilot.pause()
    assert len(on_disk().todos) == before + 1 and on_disk().todos[-1].title == "From the palette"


async def test_help_puts_the_sections_own_keys_before_textuals(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "question_mark")
        await pilot.pause()
        descriptions = [description for _, description in app.screen.keys]
        assert descriptions[0] == "Add a rock"
        assert descriptions.index("Pick the team whose rhythm you see") < descriptions.index("Focus Next")

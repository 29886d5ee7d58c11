"""The app's exports (Scorecard ``x``, Vision ``x``, Meetings ``x``): a file in a terminal, a download in a browser.

Driven with keys as a user would. In a terminal the form asks for a path
(the default name, in the current folder), the file on disk is checked
against what the CLI's own export prints (``cadence scorecard export
--team``, ``cadence vision export``), and an existing file is replaced only
after a yes. In a browser (the app made to believe it runs under
``cadence serve``: the headless driver's ``is_web`` says so and its
``deliver_binary`` is captured) the same key asks only for a file name and
hands the content to the browser; nothing is written on the server, in the
current folder or in a Downloads folder.
"""

from __future__ import annotations

import io
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from cadence.cli import cli
from cadence.store import Workspace
from cadence.store.actions import meetings
from click.testing import CliRunner
from textual.driver import Driver

from tests.tui.conftest import FIXED_NOW

SCORECARD_NAME = "scorecard-leadership-team-2026-11-23.csv"
VISION_NAME = "vision-2026-11-23.md"
MINUTES_NAME = "minutes-MT-2-2026-11-10.md"


async def wait_for(pilot, condition, seconds: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    """Let the app run until ``condition()`` holds (the export runs in a thread); False if it never does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        await pilot.pause(0.05)
    return condition()


def toasts(app) -> str:  # type: ignore[no-untyped-def]
    return " ".join(f"{note.title} {note.message}" for note in app._notifications)


def cli_output(folder: Path, *args: str) -> bytes:
    """What ``cadence ARGS`` prints on this workspace, run on the app's day."""
    result = CliRunner().invoke(cli, ["--workspace", str(folder), *args], env={"CADENCE_TODAY": "2026-11-23"})
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def minutes_of_mt2(folder: Path) -> str:
    snapshot = Workspace(folder).read()
    return meetings.minutes_text(snapshot, snapshot.meeting("MT-2"), FIXED_NOW)


@pytest.fixture
def out_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's current folder (empty), where a relative path lands; HOME is private so Downloads is too."""
    where = tmp_path / "out"
    where.mkdir()
    monkeypatch.chdir(where)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOWNLOAD_DIR", raising=False)
    return where


# In a terminal ------------------------------------------------------------------------------


async def test_scorecard_x_writes_the_teams_csv_and_asks_before_overwriting(
    make_app, demo_folder: Path, out_folder: Path
) -> None:
    expected = cli_output(demo_folder, "scorecard", "export", "--team", "TM-1")
    assert expected.startswith(b"Measurable,Owner,Goal,Unit,Description,")
    target = out_folder / SCORECARD_NAME
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("x")
        assert await wait_for(pilot, lambda: app.screen.__class__.__name__ == "FormScreen")
        assert app.screen.query_one("#field-path").value == SCORECARD_NAME
        await pilot.press("enter")
        assert await wait_for(pilot, target.exists)
        assert await wait_for(pilot, lambda: f"written to {target}" in toasts(app))
        assert target.read_bytes() == expected
        target.write_text("my own sheet\n", encoding="utf-8")
        await pilot.press("x", "enter")
        assert await wait_for(pilot, lambda: app.screen.__class__.__name__ == "ConfirmScreen")
        await pilot.press("n")
        assert await wait_for(pilot, lambda: "kept as it was" in toasts(app))
        assert target.read_text(encoding="utf-8") == "my own sheet\n", "no means no"
        await pilot.press("x", "enter")
        assert await wait_for(pilot, lambda: app.screen.__class__.__name__ == "ConfirmScreen")
        await pilot.press("y")
        assert await wait_for(pilot, lambda: target.read_bytes() == expected)
    assert sorted(path.name for path in out_folder.iterdir()) == [SCORECARD_NAME], "no temporary file left behind"


async def test_scorecard_x_to_an_xlsx_name_writes_a_workbook(make_app, demo_folder: Path, out_folder: Path) -> None:
    expected = cli_output(demo_folder, "scorecard", "export", "--team", "TM-1", "--format", "xlsx")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("x", "ctrl+u", *"card.xlsx", "enter")
        assert await wait_for(pilot, lambda: "written to" in toasts(app))
    assert sheets_of((out_folder / "card.xlsx").read_bytes()) == sheets_of(expected)


def sheets_of(workbook: bytes) -> dict[str, list[tuple[Any, ...]]]:
    book = openpyxl.load_workbook(io.BytesIO(workbook))
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


async def test_vision_x_writes_the_vto_page_and_replaces_it_on_yes(
    make_app, demo_folder: Path, out_folder: Path
) -> None:
    expected = cli_output(demo_folder, "vision", "export")
    assert expected.startswith(b"# Vision/Traction Organizer: Quillfern Packaging Co.\n")
    target = out_folder / VISION_NAME
    target.write_text("last quarter's page\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8")
        await pilot.pause()
        await pilot.press("x")
        assert await wait_for(pilot, lambda: app.screen.__class__.__name__ == "FormScreen")
        assert app.screen.query_one("#field-path").value == VISION_NAME
        await pilot.press("enter")
        assert await wait_for(pilot, lambda: app.screen.__class__.__name__ == "ConfirmScreen")
        assert target.read_text(encoding="utf-8") == "last quarter's page\n", "nothing replaced before the yes"
        await pilot.press("y")
        assert await wait_for(pilot, lambda: target.read_bytes() == expected)
        assert await wait_for(pilot, lambda: f"The V/TO written to {target}" in toasts(app))
    assert sorted(path.name for path in out_folder.iterdir()) == [VISION_NAME]


async def test_vision_x_reads_the_vto_as_it_is_when_written(make_app, demo_folder: Path, out_folder: Path) -> None:
    """A part another session saved while the form was open is in the file: it is read at the moment of writing."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8")
        await pilot.pause()
        await pilot.press("x")
        assert await wait_for(pilot, lambda: app.screen.__class__.__name__ == "FormScreen")
        CliRunner().invoke(cli, ["--workspace", str(demo_folder), "vision", "set", "guarantee", "Or it is free"])
        assert await wait_for(pilot, lambda: app.session.snapshot.vision().guarantee == "Or it is free")
        await pilot.press("enter")
        assert await wait_for(pilot, (out_folder / VISION_NAME).exists)
    assert "### Guarantee\n\nOr it is free\n" in (out_folder / VISION_NAME).read_text(encoding="utf-8")


# In a browser -------------------------------------------------------------------------------


@dataclass
class Delivered:
    data: str | bytes
    name: str
    mime_type: str | None
    encoding: str | None
    open_method: str


def as_browser(app, monkeypatch: pytest.MonkeyPatch) -> list[Delivered]:  # type: ignore[no-untyped-def]
    """Make the running app believe it is served to a browser; returns what it hands the browser."""
    driver = app._driver
    delivered: list[Delivered] = []

    def capture(binary, *, delivery_key, save_path, open_method="download", encoding=None, mime_type=None, name=None):  # type: ignore[no-untyped-def]
        delivered.append(Delivered(binary.read(), Path(save_path).name, mime_type, encoding, open_method))

    monkeypatch.setattr(type(driver), "is_web", property(lambda self: True))
    monkeypatch.setattr(driver, "deliver_binary", capture)
    assert app.is_web and isinstance(driver, Driver)
    return delivered


BROWSER_CASES = [
    pytest.param(["3"], SCORECARD_NAME, "text/csv", id="scorecard"),
    pytest.param(["8"], VISION_NAME, "text/markdown", id="vision"),
    pytest.param(["7", "down"], MINUTES_NAME, "text/markdown", id="minutes"),
]


@pytest.mark.parametrize(("keys", "name", "mime_type"), BROWSER_CASES)
async def test_in_a_browser_x_sends_a_download_and_writes_nothing(
    make_app, demo_folder: Path, out_folder: Path, monkeypatch: pytest.MonkeyPatch, keys, name: str, mime_type: str
) -> None:
    expected = {
        SCORECARD_NAME: lambda: cli_output(demo_folder, "scorecard", "export", "--team", "TM-1").decode(),
        VISION_NAME: lambda: cli_output(demo_folder, "vision", "export").decode(),
        MINUTES_NAME: lambda: minutes_of_mt2(demo_folder),
    }[name]()
    workspace_before = (demo_folder / "cadence.json").read_bytes()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        delivered = as_browser(app, monkeypatch)
        await pilot.press(*keys)
        await pilot.pause()
        await pilot.press("x")
        assert await wait_for(pilot, lambda: app.screen.__class__.__name__ == "FormScreen")
        assert not app.screen.query("#field-path"), "no path on the server to ask for"
        assert app.screen.query_one("#field-name").value == name
        await pilot.press("enter")
        assert await wait_for(pilot, lambda: f"Sent to your browser: {name}" in toasts(app))
    assert len(delivered) == 1
    assert delivered[0] == Delivered(expected, name, mime_type, "utf-8", "download")
    assert list(out_folder.iterdir()) == [], "nothing written in the current folder"
    assert [path for path in (out_folder.parent / "home").rglob("*") if path.is_file()] == [], "nor in Downloads"
    assert (demo_folder / "cadence.json").read_bytes() == workspace_before


async def test_in_a_browser_an_xlsx_name_sends_the_workbook_bytes(
    make_app, demo_folder: Path, out_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = cli_output(demo_folder, "scorecard", "export", "--team", "TM-1", "--format", "xlsx")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        delivered = as_browser(app, monkeypatch)
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("x", "ctrl+u", *"card.xlsx", "enter")
        assert await wait_for(pilot, lambda: "Sent to your browser: card.xlsx" in toasts(app))
    [sent] = delivered
    assert isinstance(sent.data, bytes) and sent.name == "card.xlsx"
    assert sent.mime_type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert sheets_of(sent.data) == sheets_of(expected)
    assert list(out_folder.iterdir()) == []


async def test_in_a_browser_a_name_with_a_folder_is_refused_under_the_field(
    make_app, out_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        delivered = as_browser(app, monkeypatch)
        await pilot.press("8", "x", "ctrl+u", *"../vto.md", "enter")
        assert await wait_for(pilot, lambda: "a file name only" in str(app.screen.query_one("#error-name").render()))
        await pilot.press("escape")
    assert delivered == []
    assert list(out_folder.iterdir()) == []


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_browser_download_form_snapshot(make_app, snap_compare, monkeypatch: pytest.MonkeyPatch, size) -> None:  # type: ignore[no-untyped-def]
    """What a browser user sees on Scorecard's x: only the file name, the browser picks the folder."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        as_browser(pilot.app, monkeypatch)
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()

    assert snap_compare(make_app(), run_before=run_before, terminal_size=size)

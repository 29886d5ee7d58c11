"""What a start loads: scripted commands never load Textual, and the app loads a section's code when it is shown.

Both are start-up time a user waits for: every command pays for what it imports,
and the app's first frame for every section's screens, panels and widgets it
loads. Each probe runs in a fresh interpreter, so what it sees in
``sys.modules`` is what that start loaded and nothing a previous test did.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cadence.locations import demo_workspace_dir

HEAVY = ("textual", "rich", "textual_serve")

READS = [
    ["todo", "list", "--json"],
    ["todo", "list"],
    ["issue", "list"],
    ["rock", "list"],
    ["rock", "show", "R-12"],
    ["measurable", "list"],
    ["score", "show"],
    ["headline", "list"],
    ["person", "list"],
    ["team", "list"],
    ["vision", "show"],
    ["seat", "list"],
    ["process", "list"],
    ["process", "export"],
    ["vision", "export"],
    ["meeting", "list"],
    ["meeting", "agendas"],
    ["quarter", "review"],
    ["check"],
]

CLI_PROBE = """
import json, sys
from cadence.cli import cli, main
import click

HEAVY = {heavy!r}
commands = [["--help"]]
context = click.Context(cli)
for name in cli.list_commands(context):
    command = cli.get_command(context, name)
    commands.append([name, "--help"])
    for sub in sorted(getattr(command, "commands", {{}})):
        commands.append([name, sub, "--help"])
commands += {reads!r}
commands.append(["todo", "add", "Probe to-do", "--owner", "Dana"])
loaded_by = {{}}
for args in commands:
    try:
        main(args)
    except SystemExit as exit:
        if exit.code not in (0, None):
            loaded_by[" ".join(args)] = "exit %s" % exit.code
    heavy = [name for name in HEAVY if name in sys.modules]
    if heavy:
        loaded_by[" ".join(args)] = ",".join(heavy)
        break
print("PROBE:" + json.dumps({{"ran": len(commands), "problems": loaded_by}}))
"""

APP_PROBE = """
import asyncio, sys
from pathlib import Path
from cadence.tui.app import CadenceApp
from cadence.tui.config import UserSettings

SECTIONS = ("dashboard", "rocks", "scorecard", "issues", "todos", "headlines", "meetings", "vision", "people")

def loaded():
    return ",".join(name for name in SECTIONS if "cadence.tui.screens." + name in sys.modules)

async def main():
    app = CadenceApp(Path(sys.argv[1]), settings=UserSettings(folder=Path(sys.argv[2])))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        print("FIRST:" + app.current_mode + ":" + loaded())
        await pilot.press("5")
        await pilot.press("a", *"Lazy screens work", "enter", *"Dana", "enter", *"friday", "enter")
        await pilot.pause()
        print("AFTER:" + app.current_mode + ":" + loaded())

asyncio.run(main())
"""


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "ws"
    folder.mkdir()
    shutil.copy2(demo_workspace_dir() / "cadence.json", folder / "cadence.json")
    return folder


def stored_todos(folder: Path) -> list[dict[str, object]]:
    return list(json.loads((folder / "cadence.json").read_text(encoding="utf-8"))["todos"].values())


def probe_env(clean_env: dict[str, str], folder: Path) -> dict[str, str]:
    return {**clean_env, "CADENCE_WORKSPACE": str(folder), "CADENCE_TODAY": "2026-11-23"}


def test_no_scripted_command_of_any_group_loads_textual(demo_copy: Path, clean_env: dict[str, str]) -> None:
    """Every group's and subcommand's --help, the read commands and one write, all in one interpreter."""
    code = CLI_PROBE.format(heavy=HEAVY, reads=READS)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=probe_env(clean_env, demo_copy), check=False
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1].removeprefix("PROBE:"))
    assert report["problems"] == {}, report
    assert report["ran"] > 100, "every group's subcommands were asked for their help"
    assert [todo["owner_id"] for todo in stored_todos(demo_copy) if todo["title"] == "Probe to-do"] == ["P-1"]


def test_the_app_opens_with_only_the_dashboard_loaded_and_loads_a_section_when_shown(
    demo_copy: Path, tmp_path: Path, clean_env: dict[str, str]
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", APP_PROBE, str(demo_copy), str(tmp_path / "config")],
        capture_output=True,
        text=True,
        env=probe_env(clean_env, demo_copy),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = dict(line.split(":", 1) for line in done.stdout.splitlines() if line.startswith(("FIRST:", "AFTER:")))
    assert lines["FIRST"] == "dashboard:dashboard", "only the Dashboard's screen is loaded for the first frame"
    assert lines["AFTER"] == "todos:dashboard,todos", "pressing 5 loaded the To-Dos screen and showed it"
    added = [todo for todo in stored_todos(demo_copy) if todo["title"] == "Lazy screens work"]
    assert [(todo["owner_id"], todo["due"]) for todo in added] == [("P-1", "2026-11-27")]


async def test_opening_the_app_writes_no_settings_and_keeps_a_stored_theme_it_cannot_load(
    demo_copy: Path, tmp_path: Path
) -> None:
    from datetime import datetime

    from cadence.tui.app import CadenceApp
    from cadence.tui.config import SETTINGS_FILE, UserSettings

    config = tmp_path / "config"

    def at_nine() -> datetime:
        return datetime(2026, 11, 23, 9, 0)

    app = CadenceApp(demo_copy, clock=at_nine, settings=UserSettings(folder=config))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "cadence-dark"
    assert not (config / SETTINGS_FILE).exists(), "opening the app wrote the settings file"

    UserSettings(folder=config, theme="gone-for-now").save()
    reopened = CadenceApp(demo_copy, clock=at_nine, settings=UserSettings.load(config))
    async with reopened.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert reopened.theme == "cadence-dark"
    assert UserSettings.load(config).theme == "gone-for-now"

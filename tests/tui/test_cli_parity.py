"""Every change a key makes in the app can be scripted from the shell, and every section is a frame over panels.

Walks the bindings of every section panel: each action is either navigation
(moves, shows, filters: it writes nothing) or names the CLI command that does
the same change, and that command exists (``cadence <words> --help`` exits 0).
A key added without a CLI counterpart, or a command renamed away, fails here.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from click.testing import CliRunner
from textual.binding import Binding

import cadence.tui.panels as panels_package
import cadence.tui.screens as screens_package
from cadence.cli import cli
from cadence.tui.panels.base import SectionPanel


def all_panels() -> list[type[SectionPanel]]:
    # screens too: the chart, analyzer, conversation and processes panels live in screens loaded when opened
    for package in (panels_package, screens_package):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
    found: list[type[SectionPanel]] = []
    pending = list(SectionPanel.__subclasses__())
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending += cls.__subclasses__()
    return sorted(found, key=lambda cls: cls.__name__)


def own_actions(panel: type[SectionPanel]) -> set[str]:
    actions: set[str] = set()
    for cls in panel.__mro__:
        for binding in cls.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding):
                actions.add(binding.action.split("(")[0])
    return actions


def test_there_are_panels_to_check() -> None:
    names = {cls.__name__ for cls in all_panels()}
    assert len(names) >= 8, names


@pytest.mark.parametrize("panel", all_panels(), ids=lambda cls: cls.__name__)
def test_every_key_that_changes_something_has_a_cli_command(panel: type[SectionPanel]) -> None:
    actions = own_actions(panel)
    unaccounted = actions - set(panel.CLI_EQUIVALENTS) - set(panel.NAVIGATION)
    assert not unaccounted, f"{panel.__name__}: keys with neither a CLI command nor a navigation mark: {unaccounted}"
    stale = set(panel.CLI_EQUIVALENTS) - actions
    assert not stale, f"{panel.__name__}: CLI_EQUIVALENTS names actions it has no key for: {stale}"


@pytest.mark.parametrize(
    "command",
    sorted({command for panel in all_panels() for command in panel.CLI_EQUIVALENTS.values()}),
)
def test_each_named_cli_command_exists(command: str) -> None:
    result = CliRunner().invoke(cli, [*command.split(), "--help"], prog_name="cadence")
    assert result.exit_code == 0, f"cadence {command} --help: {result.output}"
    assert f"cadence {command}" in " ".join(result.output.split()), result.output


async def test_every_section_screen_is_a_frame_over_panels(make_app) -> None:  # type: ignore[no-untyped-def]
    """Each section shows at least one panel, and its screen class binds no keys of its own that write."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for section in app.sections:
            await pilot.press(section.key)
            await pilot.pause()
            screen = app.screen
            assert list(screen.query(SectionPanel)), f"{section.name} shows no panel"
            screen_bindings = [b for b in type(screen).__dict__.get("BINDINGS", []) if isinstance(b, Binding)]
            assert not screen_bindings, f"{section.name}: keys bound on the screen, not its panel: {screen_bindings}"

"""The Core processes screen (Vision, ``p``) driven with keys, checked against the file on disk.

A process is added with keys and given a second step, its two statuses are
switched, a step is moved, rewritten and removed (after a yes), the process
renamed, given an owner and deleted (after a yes); the file is read after
each. Then: ``x`` writing the page ``cadence process export`` prints, another
session's change showing after the poll, a taken name refused in the form,
the keys in ``?`` help and whole in the 80-column footer, hostile names in
one line, and snapshots at 80x24 and 120x40.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cadence.cli import cli
from cadence.store import Workspace
from cadence.store.actions import processes as process_actions
from cadence.tui.screens.help import HelpScreen
from cadence.tui.screens.processes import ProcessesPanel, ProcessesScreen
from click.testing import CliRunner
from textual.widgets import Footer, Static
from textual.widgets._footer import FooterKey

from tests.tui.conftest import SIZES


def process_named(snapshot, name: str):  # type: ignore[no-untyped-def]
    return next(process for process in snapshot.processes if process.name == name)


def rendered(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(selector, Static).render())


async def test_add_a_process_with_two_steps_tick_statuses_and_reorder(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8", "p")
        await pilot.pause()
        assert isinstance(app.screen, ProcessesScreen)

        # a: name, owner, first step.
        await pilot.press("a", *"Ship orders", "enter", *"Tom Becker", "enter", *"Pack", "enter")
        await pilot.pause()
        ship = process_named(on_disk(), "Ship orders")
        tom = next(person.id for person in on_disk().people if person.name == "Tom Becker")
        assert (ship.id, ship.owner_id, ship.steps, ship.documented, ship.followed_by_all) == (
            "PR-6",
            tom,
            ["Pack"],
            False,
            False,
        )
        assert app.screen.query_one("#process-table").selected_key == "PR-6", "the cursor goes to the new process"

        # s: a second step, after the highlighted (first) one.
        await pilot.press("s", *"Label and book freight", "enter")
        await pilot.pause()
        assert process_named(on_disk(), "Ship orders").steps == ["Pack", "Label and book freight"]
        assert app.screen.query_one("#step-table").selected_key == "1", "the cursor goes to the new step"

        # D and F switch the statuses; F again switches it back.
        await pilot.press("D")
        await pilot.pause()
        assert process_named(on_disk(), "Ship orders").documented is True
        await pilot.press("F")
        await pilot.pause()
        assert process_named(on_disk(), "Ship orders").followed_by_all is True
        await pilot.press("F")
        await pilot.pause()
        assert process_named(on_disk(), "Ship orders").followed_by_all is False

        # K moves the highlighted step (the second) up; J moves it back down.
        await pilot.press("tab", "K")
        await pilot.pause()
        assert process_named(on_disk(), "Ship orders").steps == ["Label and book freight", "Pack"]
        assert app.screen.query_one("#step-table").selected_key == "0", "the cursor follows the step"
        await pilot.press("K")  # already first: nothing written
        await pilot.pause()
        assert process_named(on_disk(), "Ship orders").steps == ["Label and book freight", "Pack"]
        await pilot.press("J")
        await pilot.pause()
        assert process_named(on_disk(), "Ship orders").steps == ["Pack", "Label and book freight"]
        assert "PR-6 Ship orders · 2 steps" in rendered(app, "#process-detail")
    assert app.return_code in (None, 0)


async def test_edit_and_remove_a_step_rename_owner_and_delete(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8", "p")
        await pilot.pause()
        quote = process_named(on_disk(), "Quote to order")
        assert app.screen.query_one("#process-table").selected_key == quote.id

        # w rewrites the highlighted step (the first, until moved).
        await pilot.press("tab", "down", "w", "ctrl+u", *"Price it", "enter")
        await pilot.pause()
        assert on_disk().process(quote.id).steps[1] == "Price it"

        # r asks first: no keeps it, yes removes it.
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert len(on_disk().process(quote.id).steps) == 5
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert "Price it" not in on_disk().process(quote.id).steps
        assert len(on_disk().process(quote.id).steps) == 4

        # e renames; o sets the owner, blank takes it off.
        await pilot.press("shift+tab", "e", "ctrl+u", *"Quote to cash", "enter")
        await pilot.pause()
        assert on_disk().process(quote.id).name == "Quote to cash"
        await pilot.press("o", "ctrl+u", "enter")
        await pilot.pause()
        assert on_disk().process(quote.id).owner_id is None
        assert "(no owner)" in app.screen.query_one("#process-table").get_row_at(0)[1].plain

        # d asks first.
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert quote.id in {process.id for process in on_disk().processes}
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert quote.id not in {process.id for process in on_disk().processes}
        assert len(on_disk().processes) == 4

        await pilot.press("escape")
        await pilot.pause()
        assert app.current_mode == "vision"


async def test_a_taken_name_or_unknown_owner_is_refused_in_the_form(make_app, on_disk) -> None:
    before = on_disk().processes
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8", "p", "a", *"quote TO order", "enter", "enter", "enter")
        await pilot.pause()
        assert "already a process" in str(app.screen.query_one("#error-name", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("a", *"New one", "enter", *"Nobody Here", "enter", "enter")
        await pilot.pause()
        assert "no person named" in str(app.screen.query_one("#error-owner", Static).render())
        await pilot.press("escape")
        await pilot.pause()
    assert on_disk().processes == before


async def test_a_process_with_no_steps_says_so_and_the_step_keys_tell_why(make_app, demo_folder: Path, on_disk) -> None:
    with Workspace(demo_folder).transaction() as tx:
        for process in list(tx.processes):
            tx.delete(process)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8", "p")
        await pilot.pause()
        assert "No core processes yet" in rendered(app, "#process-detail")
        await pilot.press("a", *"Empty", "enter", "enter", "enter")
        await pilot.pause()
        assert "no steps yet: s adds the first" in rendered(app, "#process-detail")
        await pilot.press("J", "w", "r")
        await pilot.pause()
        assert process_named(on_disk(), "Empty").steps == []


async def test_x_writes_the_page_the_cli_exports(
    make_app, demo_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    expected = CliRunner().invoke(cli, ["--workspace", str(demo_folder), "process", "export", "PR-2"]).stdout_bytes
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8", "p", "down", "x")
        await pilot.pause()
        assert app.screen.query_one("#field-path").value == "process-pr-2-2026-11-23.md"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert (out / "process-pr-2-2026-11-23.md").read_bytes() == expected


async def test_another_session_s_change_shows_on_the_open_screen(make_app, demo_folder: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8", "p")
        await pilot.pause()
        result = CliRunner().invoke(
            cli, ["--workspace", str(demo_folder), "process", "step", "add", "PR-1", "Say thanks"]
        )
        assert result.exit_code == 0, result.output
        await app.poll_workspace()
        await pilot.pause()
        steps = app.screen.query_one("#step-table")
        assert steps.row_count == 6
        assert steps.get_row_at(5)[1].plain == "Say thanks"
        assert app.screen.query_one("#process-table").get_row_at(0)[2].plain == "6"


async def test_help_lists_every_key_and_the_footer_fits_80_columns(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8", "p")
        await pilot.pause()
        shown = list(app.screen.query_one(Footer).query(FooterKey))
        palette = next(item for item in shown if item.has_class("-command-palette"))
        for item in shown:
            if item is not palette:
                assert item.region.right <= palette.region.x, f"{item.key} runs under the palette key"
                assert item.region.width == item.get_content_width(item.size, item.size), f"{item.key} is cut"
        assert {"a", "o", "D", "F", "s", "x"} <= {item.key for item in shown}
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        listed = {description for _, description in app.screen.keys}
        wanted = {binding.tooltip for binding in ProcessesPanel.BINDINGS} | {"Back to Vision"}
        assert wanted <= listed, wanted - listed


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_hostile_names_and_steps_show_as_typed_in_one_line(make_app, demo_folder: Path, size) -> None:
    hostile = "[bold]x[/] \x1b[31m" + "W" * 100
    with Workspace(demo_folder).transaction() as tx:
        process_actions.add_process(tx, hostile, "Tom Becker", [hostile, "‮RTL 表 text"])
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("8", "p", *["down"] * 5)
        await pilot.pause()
        table = app.screen.query_one("#process-table")
        name = table.get_row_at(5)[0]
        assert name.plain.startswith("[bold]x[/] \\x1b[31mWWW") and name.plain.endswith("…")
        assert name.cell_len < size[0]
        step = app.screen.query_one("#step-table").get_row_at(0)[1]
        assert step.plain.startswith("[bold]x[/] \\x1b[31mWWW") and step.cell_len < size[0]
        assert "\x1b" not in app.export_screenshot()


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_processes_snapshot(make_app, snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), press=["8", "p", "down"], terminal_size=size)

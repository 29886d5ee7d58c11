"""A section's content is built once per thing that changes it: per show, per snapshot on screen, per layout.

Each panel counts its builds (``SectionPanel.builds``). Driven with keys as a
user would: open the app, show each section, resize, and let another process
write the workspace; the file on disk is what the refreshed section shows.
"""

from __future__ import annotations

from datetime import date

import pytest
from cadence.store import Workspace, actions
from cadence.tui.panels.base import SectionPanel

from tests.tui.conftest import SIZES

SECTION_KEYS = "123456789"
# These two read the agenda templates (files) in a thread after they mount; when the templates
# arrive they are new data, and the panel builds a second time for them.
READ_AFTER_MOUNT = {"MeetingsPanel", "MeetingSummary"}


def builds(app) -> dict[str, int]:
    """Every panel of the screen on top: its builds so far."""
    return {type(panel).__name__: panel.builds for panel in app.screen.query(SectionPanel)}


def all_builds(app) -> dict[str, int]:
    """Every panel of every section mounted so far (each section keeps its own screen stack)."""
    return {
        type(panel).__name__: panel.builds
        for stack in app._screen_stacks.values()
        for screen in stack
        for panel in screen.query(SectionPanel)
    }


@pytest.mark.parametrize("size", SIZES)
async def test_each_section_builds_once_when_first_shown(make_app, size) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for key in SECTION_KEYS[1:] + SECTION_KEYS[0]:
            await pilot.press(key)
            await pilot.pause()
            shown = builds(app)
            assert shown, f"section {key} shows a panel"
            for name, count in shown.items():
                if name in READ_AFTER_MOUNT:
                    continue
                if key == "1":  # built at start, then again when the app applies the user's theme (app.py's order)
                    assert count <= 2, f"the Dashboard's {name} built {count} times"
                elif name == "RocksPanel" and size != (80, 24):  # built for 80 columns until laid out, then again
                    assert count <= 2, f"Rocks built {count} times"
                else:
                    assert count == 1, f"section {key}: {name} built {count} times on its first show"


async def test_coming_back_to_a_section_does_not_rebuild_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for key in SECTION_KEYS:
            await pilot.press(key)
            await pilot.pause()
        before = all_builds(app)
        for key in SECTION_KEYS:
            await pilot.press(key)
            await pilot.pause()
        assert all_builds(app) == before, "nothing changed: no section rebuilds when shown again"


async def test_a_resize_that_changes_no_layout_rebuilds_nothing(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for key in "23456":
            await pilot.press(key)
            await pilot.pause()
            before = builds(app)
            await pilot.resize_terminal(120, 41)  # taller by one: no column is fitted to the height
            await pilot.pause()
            if key == "3":  # the scorecard's weekly block takes the room the height leaves
                assert builds(app)["ScorecardPanel"] == before["ScorecardPanel"] + 1
            else:
                assert builds(app) == before, f"section {key} rebuilt on a resize its layout does not read"
            await pilot.resize_terminal(100, 41)  # narrower: columns are fitted again, once
            await pilot.pause()
            after = builds(app)
            assert all(after[name] - count <= 2 for name, count in before.items())
            await pilot.resize_terminal(120, 40)
            await pilot.pause()


async def test_another_writer_rebuilds_only_the_section_on_screen(make_app, demo_folder, on_disk) -> None:
    """A write from outside: the section in sight rebuilds once; hidden ones build when shown, then show it."""
    app = make_app(poll_seconds=3600)  # the test polls by hand, when the other write is on disk
    async with app.run_test(size=(120, 40)) as pilot:
        for key in SECTION_KEYS:
            await pilot.press(key)
            await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        before = all_builds(app)

        Workspace(demo_folder).apply(
            lambda tx: actions.add_todo(tx, "Call Globex about the renewal", "Dana", date(2026, 11, 23), team_id="TM-1")
        )
        added = next(todo for todo in on_disk().todos if todo.title == "Call Globex about the renewal")
        await app.poll_workspace()
        await pilot.pause()

        after = all_builds(app)
        rebuilt = {name for name in after if after[name] != before[name]}
        assert rebuilt == {"ScorecardPanel"}, "only the section on screen rebuilds on another session's write"
        assert after["ScorecardPanel"] == before["ScorecardPanel"] + 1

        await pilot.press("5")
        await pilot.pause()
        todos = app.screen.query_one("#todo-table")
        keys = [todos.coordinate_to_cell_key((row, 0)).row_key.value for row in range(todos.row_count)]
        assert added.id in keys, "the hidden To-Dos section shows the outside write when shown"
        assert all_builds(app)["TodosPanel"] == before["TodosPanel"] + 1


async def test_a_team_picked_rebuilds_the_section_on_screen_and_the_others_when_shown(make_app, settings) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for key in "56":
            await pilot.press(key)
            await pilot.pause()
        before = all_builds(app)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("down", "enter")  # the second team: Sales
        await pilot.pause()
        assert app.session.team_id == "TM-2"
        assert settings.team_for(app.session.workspace.folder) == "TM-2"
        after = all_builds(app)
        assert after["HeadlinesPanel"] == before["HeadlinesPanel"] + 1
        assert after["TodosPanel"] == before["TodosPanel"]
        await pilot.press("5")
        await pilot.pause()
        assert all_builds(app)["TodosPanel"] == before["TodosPanel"] + 1


async def test_a_cursor_move_in_issues_lists_and_sorts_nothing(make_app, monkeypatch) -> None:
    from cadence.tui.panels.issues import IssuesPanel

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        listings = []
        original = IssuesPanel.list_issues
        monkeypatch.setattr(IssuesPanel, "list_issues", lambda self, term=None: listings.append(1) or original(self, term))
        detail = app.screen.query_one("#issue-detail")
        first = str(detail.render())
        await pilot.press("down", "down")
        await pilot.pause()
        assert str(detail.render()) != first, "the detail follows the cursor"
        assert listings == [], "the row under the cursor is looked up, not listed and sorted again"

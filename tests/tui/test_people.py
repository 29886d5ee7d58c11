"""People and teams driven with keys, checked against the file on disk."""

from __future__ import annotations

import pytest

from cadence.domain.models import Role
from tests.tui.conftest import SIZES


def person(snapshot, name: str):
    return next(p for p in snapshot.people if p.name == name)


def team(snapshot, name: str):
    return next(t for t in snapshot.teams if t.name == name)


async def test_add_person_with_keys(make_app, on_disk) -> None:
    app = make_app()
    before = len(on_disk().people)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", "a")
        await pilot.press(*"Sam Rivera", "enter", "enter", *"Sales", "enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "PeopleScreen"
        assert app.screen.query_one("#people-table").row_count == before + 1
    after = on_disk()
    assert len(after.people) == before + 1
    added = after.people[-1]
    assert (added.name, added.role, added.active) == ("Sam Rivera", Role.MEMBER, True)
    assert added.id in team(after, "Sales").member_ids
    assert added.id not in team(after, "Leadership team").member_ids


async def test_a_second_visionary_is_refused_in_the_add_form(make_app, on_disk) -> None:
    app = make_app()
    before = on_disk().people
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", "a", *"Sam Rivera", "enter", *"visionary")
        await pilot.pause()
        error = str(app.screen.query_one("#error-role").render())
        assert "Dana Okafor is the Visionary" in error
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "FormScreen", "the form stays open"
        await pilot.press("escape")
    assert on_disk().people == before


async def test_make_someone_integrator_asks_and_moves_the_old_one_to_member(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", "down", "down")
        assert app.screen.query_one("#people-table").selected_key == person(on_disk(), "Priya Raman").id
        # The chooser opens on her current role (member); Integrator is one up.
        await pilot.press("r", "up", "enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ConfirmScreen"
        await pilot.press("n")
        await pilot.pause()
        assert person(on_disk(), "Priya Raman").role is Role.MEMBER
        assert person(on_disk(), "Marcus Lindqvist").role is Role.INTEGRATOR
        await pilot.press("r", "up", "enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    after = on_disk()
    assert person(after, "Priya Raman").role is Role.INTEGRATOR
    assert person(after, "Marcus Lindqvist").role is Role.MEMBER
    assert [p.name for p in after.people if p.role is Role.INTEGRATOR] == ["Priya Raman"]


async def test_join_and_leave_a_team(make_app, on_disk) -> None:
    app = make_app()
    tom = person(on_disk(), "Tom Becker")
    assert tom.id not in team(on_disk(), "Sales").member_ids
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", "down", "down", "down")
        # Tom is only on the leadership team, so Sales is the one choice.
        await pilot.press("j", "enter")
        await pilot.pause()
        assert tom.id in team(on_disk(), "Sales").member_ids
        # Now he is on both; leave the second (Sales).
        await pilot.press("l", "down", "enter")
        await pilot.pause()
    after = on_disk()
    assert tom.id not in team(after, "Sales").member_ids
    assert tom.id in team(after, "Leadership team").member_ids


async def test_add_a_team_from_the_teams_table_and_give_it_a_member(make_app, on_disk) -> None:
    app = make_app()
    before = len(on_disk().teams)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", "tab")
        assert app.focused.id == "teams-table"
        await pilot.press("a")
        await pilot.pause()
        assert app.screen.query_one("#form-title").render().plain == "New team"
        await pilot.press(*"Operations", "enter", "ctrl+s")
        await pilot.pause()
        teams_table = app.screen.query_one("#teams-table")
        assert teams_table.row_count == before + 1
        teams_table.select_key(team(on_disk(), "Operations").id)
        await pilot.pause()
        await pilot.press("j", "enter")  # the first active person not on it: Dana
        await pilot.pause()
        # Shift+A adds a team whichever table has focus.
        await pilot.press("shift+tab", "A", *"Finance", "enter", "backspace", "backspace", *"yes", "enter")
        await pilot.pause()
    after = on_disk()
    assert len(after.teams) == before + 2
    operations = team(after, "Operations")
    assert operations.leadership is False
    assert operations.member_ids == [person(after, "Dana Okafor").id]
    assert team(after, "Finance").leadership is True


async def test_deactivate_asks_first_and_keeps_records(make_app, on_disk) -> None:
    app = make_app()
    jamal = person(on_disk(), "Jamal Whitfield")
    owned = [todo.id for todo in on_disk().todos if todo.owner_id == jamal.id]
    assert owned
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", *["down"] * 5)
        assert app.screen.query_one("#people-table").selected_key == jamal.id
        await pilot.press("d", "n")
        await pilot.pause()
        assert person(on_disk(), "Jamal Whitfield").active
        await pilot.press("d")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ConfirmScreen"
        question = " ".join(str(widget.render()) for widget in app.screen.query("Static"))
        assert "Deactivate Jamal Whitfield?" in question
        await pilot.press("y")
        await pilot.pause()
        after = on_disk()
        assert not person(after, "Jamal Whitfield").active
        assert jamal.id not in team(after, "Sales").member_ids
        assert [todo.id for todo in after.todos if todo.owner_id == jamal.id] == owned
        # The inactive person moves to the end of the list and d now brings them back.
        assert app.screen.query_one("#people-table").selected_key == jamal.id
        assert "Reactivate" in [b.binding.description for b in app.screen.active_bindings.values()]
        await pilot.press("d")
        await pilot.pause()
    assert person(on_disk(), "Jamal Whitfield").active


async def test_picked_team_members_are_marked(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("9")
        await pilot.pause()
        table = app.screen.query_one("#people-table")
        names = [table.get_row_at(i)[0].plain for i in range(table.row_count)]
        assert names[0].startswith("● Dana Okafor")
        assert names[5].startswith("  Jamal Whitfield"), "Jamal is not on the leadership team"
        assert "Rocks 2026-Q4" in str(app.screen.query_one("#people-detail").render())


@pytest.mark.parametrize("size", SIZES)
def test_people_snapshot(make_app, snap_compare, size) -> None:
    assert snap_compare(make_app(), press=["9"], terminal_size=size)


def test_people_teams_focused_snapshot(make_app, snap_compare) -> None:
    assert snap_compare(make_app(), press=["9", "tab"], terminal_size=(120, 40))


@pytest.mark.parametrize("size", SIZES)
async def test_names_are_shown_literally_and_cut(make_app, demo_folder, size) -> None:
    from cadence.domain.models import Person, Team
    from cadence.store import Workspace

    with Workspace(demo_folder).transaction() as tx:
        odd = tx.add(Person, name="[bold]x[/] \x1b[2J wipe")
        tx.add(Team, name="W" * 120, member_ids=[odd.id])
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("9", "end")
        await pilot.pause()
        table = app.screen.query_one("#people-table")
        names = [table.get_row_at(i)[0].plain for i in range(table.row_count)]
        assert "  [bold]x[/] \\x1b[2J …" in names, "as typed, escapes visible, cut to 20 cells"
        teams = app.screen.query_one("#teams-table")
        long_name = teams.get_row_at(teams.row_count - 1)[0].plain
        assert long_name.strip().startswith("WWW") and long_name.endswith("…")
        assert table.virtual_size.width <= table.size.width, "no sideways scrolling"
        assert teams.virtual_size.width <= teams.size.width, "no sideways scrolling"
        screen = app.export_screenshot()
        assert "\x1b" not in screen

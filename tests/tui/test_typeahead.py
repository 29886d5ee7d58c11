"""Type-ahead: keys that arrive in one burst (a paste, a fast typist over SSH) land where they were typed.

A terminal hands the app a whole read of keys at once. ``burst`` posts them
the same way (all queued before the app handles the first); ``pilot.press``
with the whole sequence in one call is the other route. Either way the key
that opens a form and the text typed straight after it belong to that form,
in order, and Tab moves before the next character is typed. Every test
asserts the workspace file.
"""

from __future__ import annotations

from textual import events

NAMED = {"enter": "\r", "tab": "\t"}


def burst(app, *keys: str) -> None:  # type: ignore[no-untyped-def]
    """Queue every key at once, as a terminal delivers one read."""
    for key in keys:
        if len(key) == 1:
            app.post_message(events.Key(key, key))
        else:
            app.post_message(events.Key(key, NAMED.get(key)))


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        await pilot.pause()


TODO_KEYS = ("a", *"Hello", "tab", *"dana", "ctrl+s")


async def test_todo_add_burst_from_the_list(make_app, on_disk) -> None:
    """The reported case: ``a`` then ``Hello`` at once gave an empty title; text after Tab went to the title."""
    app = make_app()
    before = len(on_disk().todos)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        burst(app, *TODO_KEYS)
        await settle(pilot)
        assert app.screen.__class__.__name__ == "TodosScreen"
    todos = on_disk().todos
    assert len(todos) == before + 1
    assert (todos[-1].title, todos[-1].owner_id) == ("Hello", "P-1")


async def test_todo_add_in_one_press_call(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", *TODO_KEYS)
        await settle(pilot)
    assert (on_disk().todos[-1].title, on_disk().todos[-1].owner_id) == ("Hello", "P-1")


async def test_section_key_form_key_and_text_in_one_burst(make_app, on_disk) -> None:
    """Even the section switch is in the same read: the To-Dos screen mounts, then its form, then the text."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, "5", *TODO_KEYS)
        await settle(pilot)
    assert (on_disk().todos[-1].title, on_disk().todos[-1].owner_id) == ("Hello", "P-1")


async def test_a_paste_right_after_the_form_key_goes_into_the_form(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        burst(app, "a")
        app.post_message(events.Paste("Pasted title"))
        burst(app, "tab", *"dana", "ctrl+s")
        await settle(pilot)
    assert (on_disk().todos[-1].title, on_disk().todos[-1].owner_id) == ("Pasted title", "P-1")


async def test_escape_in_the_burst_closes_the_form_and_later_keys_reach_the_list(make_app, on_disk) -> None:
    """``a``, some text, Escape: nothing saved; the keys after Escape are the list's again (``a`` opens a new form)."""
    app = make_app()
    before = on_disk().todos
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        burst(app, "a", *"Never", "escape", "a", *"Second", "tab", *"tom", "ctrl+s")
        await settle(pilot)
    after = on_disk().todos
    assert after[:-1] == before
    assert (after[-1].title, after[-1].owner_id) == ("Second", "P-4")


ROCK_KEYS = ("a", *"Ship the new die line", "tab", *"priya", "tab", "tab", "tab", "ctrl+s")


async def test_rock_add_burst(make_app, on_disk) -> None:
    app = make_app()
    before = len(on_disk().rocks)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        burst(app, *ROCK_KEYS)
        await settle(pilot)
    rocks = on_disk().rocks
    assert len(rocks) == before + 1
    assert (rocks[-1].title, rocks[-1].owner_id, rocks[-1].quarter) == ("Ship the new die line", "P-3", "2026-Q4")


async def test_rock_add_in_one_press_call(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", *ROCK_KEYS)
        await settle(pilot)
    assert (on_disk().rocks[-1].title, on_disk().rocks[-1].owner_id) == ("Ship the new die line", "P-3")


ISSUE_KEYS = ("a", *"Quotes are slow", "tab", *"tom", "ctrl+s")


async def test_issue_add_burst(make_app, on_disk) -> None:
    app = make_app()
    before = len(on_disk().issues)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        burst(app, *ISSUE_KEYS)
        await settle(pilot)
    issues = on_disk().issues
    assert len(issues) == before + 1
    assert (issues[-1].title, issues[-1].owner_id) == ("Quotes are slow", "P-4")


async def test_issue_add_in_one_press_call(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", *ISSUE_KEYS)
        await settle(pilot)
    assert (on_disk().issues[-1].title, on_disk().issues[-1].owner_id) == ("Quotes are slow", "P-4")


SOLVE_KEYS = (
    "s", *"Fit a dedicated circuit", "enter", "enter",
    *"Book the electrician", "tab", *"marc",
    "ctrl+n", *"Log every trip", "tab", *"tom",
    "ctrl+n", *"Tell the floor", "tab", *"dana",
    "ctrl+s",
)  # fmt: skip


def assert_solved_with_three_todos(snapshot, issue_id: str) -> None:  # type: ignore[no-untyped-def]
    solved = next(issue for issue in snapshot.issues if issue.id == issue_id)
    assert (solved.status.value, solved.decision) == ("solved", "Fit a dedicated circuit")
    made = [(todo.title, todo.owner_id) for todo in snapshot.todos if todo.source == issue_id]
    assert made == [("Book the electrician", "P-2"), ("Log every trip", "P-4"), ("Tell the floor", "P-1")]


async def test_solve_dialog_burst_with_ctrl_n_rows(make_app, on_disk) -> None:
    """The dialog opens, fills the decision, and two Ctrl+N rows, all from one read; no owner runs into the next row."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        issue_id = app.screen.query_one("RecordTable").selected_key
        burst(app, *SOLVE_KEYS)
        await settle(pilot)
    assert_solved_with_three_todos(on_disk(), issue_id)


async def test_solve_dialog_in_one_press_call(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        issue_id = app.screen.query_one("RecordTable").selected_key
        await pilot.press(*SOLVE_KEYS)
        await settle(pilot)
    assert_solved_with_three_todos(on_disk(), issue_id)


MEASURABLE_KEYS = ("a", *"Proposals out", "tab", *"dana", "tab", "tab", *">= 4", "ctrl+s")


async def test_measurable_add_burst(make_app, on_disk) -> None:
    app = make_app()
    before = len(on_disk().measurables)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        burst(app, *MEASURABLE_KEYS)
        await settle(pilot)
    measurables = on_disk().measurables
    assert len(measurables) == before + 1
    added = measurables[-1]
    assert (added.title, added.owner_id, added.unit.value, added.goal.value) == ("Proposals out", "P-1", "number", 4)


async def test_measurable_add_in_one_press_call(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", *MEASURABLE_KEYS)
        await settle(pilot)
    added = on_disk().measurables[-1]
    assert (added.title, added.owner_id, added.goal.value) == ("Proposals out", "P-1", 4)


async def test_a_key_whose_widget_was_removed_on_its_way_does_not_stall_the_keyboard(make_app, on_disk) -> None:
    """A widget removed before it read the marker never sends it back; the next key must still be routed."""
    from textual.widgets import Static

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        doomed = Static("gone")
        await app.screen.mount(doomed)
        await doomed.remove()
        app._on_its_way = (10_000, doomed)  # a marker that can never come back
        await pilot.press("a", *"Still typing", "tab", *"dana", "ctrl+s")
        await settle(pilot)
    assert on_disk().todos[-1].title == "Still typing"

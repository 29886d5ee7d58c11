"""The People analyzer (People, ``p``) and quarterly conversations (People, ``q``), driven with keys.

Checked against the workspace file on disk: the demo's sample grid read, then
(its sample ratings removed) two people rated and their GWC answered, the Bar
column flipping as a mark changes and as the bar is set with ``b``, cells
cleared with Delete, a rating for the quarter before with ``[``, a
conversation typed part by part and saved on Tab and on Esc, other quarters'
conversations with F2 / F3; then snapshots of both screens at 80x24 and
120x40.
"""

from __future__ import annotations

import pytest
from cadence.domain.models import PeopleRating
from cadence.domain.text import visible
from cadence.store import Workspace, actions
from cadence.store.actions import analyzer
from cadence.tui.screens.analyzer import AnalyzerPanel, AnalyzerScreen
from cadence.tui.screens.conversation import ConversationPanel, ConversationScreen
from cadence.tui.screens.help import HelpScreen
from cadence.tui.widgets.autosave_text import AutosaveText
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Footer, Static
from textual.widgets._footer import FooterKey

from tests.tui.conftest import FIXED_NOW, SIZES

# The demo's people as the grid lists them (by name), and its four core values.
DANA, ELENA = "P-1", "P-5"
VALUES = 4


@pytest.fixture
def unrated(demo_folder):  # type: ignore[no-untyped-def]
    """The demo with its sample ratings removed (through the store, as clearing every cell would), to rate afresh."""
    with Workspace(demo_folder).transaction() as tx:
        for record in list(tx.all_of(PeopleRating)):
            tx.delete(record)
    return demo_folder


def rating(snapshot, person_id: str, quarter: str = "2026-Q4") -> PeopleRating | None:  # type: ignore[no-untyped-def]
    return analyzer.rating_of(snapshot, person_id, quarter)


def bar_cells(app) -> list[str]:  # type: ignore[no-untyped-def]
    table = app.screen.query_one("#analyzer-grid", DataTable)
    return [str(table.get_cell_at(Coordinate(row, len(table.columns) - 1))) for row in range(table.row_count)]


def detail(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#analyzer-detail", Static).render())


async def test_the_demo_grid_shows_who_meets_the_bar(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:  # wide enough for Jamal's whole verdict
        await pilot.press("9", "p")
        await pilot.pause()
        assert bar_cells(app) == ["yes", "yes", "no", "yes", "yes", "yes", "yes"]
        await pilot.press("down", "down")
        await pilot.pause()
        assert "Jamal Whitfield below the bar: 2 rated +/- (the bar allows 1); Capacity to do it: not answered" in (
            detail(app)
        )


async def test_rate_two_people_and_answer_gwc_with_keys(make_app, on_disk, unrated) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", "p")
        await pilot.pause()
        assert isinstance(app.screen, AnalyzerScreen)
        assert app.screen.query_one(AnalyzerPanel).current_column() == "v0", "the cursor starts on V1"
        # Nobody rated yet this quarter: no verdict ("-"), not a column of "no".
        assert set(bar_cells(app)) == {"-"}
        assert "Dana Okafor not rated in 2026-Q4" in detail(app)
        # Dana (first row): + + ~ +, then G W C yes.
        await pilot.press("plus", "right", "plus", "right", "tilde", "right", "plus", "right", "y", "right", "y")
        await pilot.press("right", "y")
        await pilot.pause()
        assert bar_cells(app)[0] == "yes"
        assert "Dana Okafor meets the bar" in detail(app)
        # Elena (second row): - on V1 (= is +/- too), Wants it no.
        await pilot.press("down", "home")
        await pilot.press("right", "minus", "right", "equals_sign", "right", "right", "right", "right", "n")
        await pilot.pause()

        after = on_disk()
        dana, elena = rating(after, DANA), rating(after, ELENA)
        assert dana is not None and elena is not None
        values = analyzer.core_values(after)
        assert dana.marks == {values[0]: "+", values[1]: "+", values[2]: "+/-", values[3]: "+"}
        assert (dana.gets_it, dana.wants_it, dana.capacity) == (True, True, True)
        assert elena.marks == {values[0]: "-", values[1]: "+/-"}
        assert (elena.gets_it, elena.wants_it, elena.capacity) == (None, False, None)
        assert len(after.all_of(PeopleRating)) == 2

        # A second +/- for Dana takes her below the bar (one is allowed), on screen and by the file's verdict.
        await pilot.press("up", "home", "right", "right", "equals_sign")
        await pilot.pause()
        assert rating(on_disk(), DANA).marks[values[1]] == "+/-"
        assert bar_cells(app)[0] == "no"
        assert "2 rated +/- (the bar allows 1)" in detail(app)

        # b: the bar allows two +/-; Dana meets it again.
        await pilot.press("b", "ctrl+u", "2", "ctrl+s")
        await pilot.pause()
        assert on_disk().meta.analyzer_bar.max_mixed == 2
        assert bar_cells(app)[0] == "yes"

        # y on a value cell and + on a GWC cell are refused, nothing written.
        before = on_disk().all_of(PeopleRating)
        await pilot.press("y")
        await pilot.pause()
        assert on_disk().all_of(PeopleRating) == before


async def test_delete_and_backspace_clear_a_cell_back_to_unrated(make_app, on_disk, demo_folder, unrated) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", "p")
        await pilot.pause()
        values = analyzer.core_values(on_disk())
        # Dana: + on V1 and V2, Gets it yes.
        await pilot.press("plus", "right", "plus", "right", "right", "right", "y")
        await pilot.pause()
        dana = rating(on_disk(), DANA)
        assert dana is not None and dana.marks == {values[0]: "+", values[1]: "+"} and dana.gets_it is True

        # Delete on V2 unrates it; Backspace on V1 too; the grid shows the cells unrated.
        await pilot.press("home", "right", "right", "delete")
        await pilot.pause()
        assert rating(on_disk(), DANA).marks == {values[0]: "+"}
        await pilot.press("left", "backspace")
        await pilot.pause()
        dana = rating(on_disk(), DANA)
        assert dana.marks == {} and dana.gets_it is True, "the G answer is kept"
        table = app.screen.query_one("#analyzer-grid", DataTable)
        assert [str(table.get_cell_at(Coordinate(0, column))) for column in (1, 2)] == ["·", "·"]
        assert "not rated" in detail(app)

        # Delete on G clears the last thing rated: Dana has no rating this quarter, as before she was touched.
        await pilot.press("right", "right", "right", "right", "delete")
        await pilot.pause()
        assert app.screen.query_one(AnalyzerPanel).current_column() == "gets_it"
        assert rating(on_disk(), DANA) is None
        assert str(table.get_cell_at(Coordinate(0, VALUES + 1))) == "·"

        # Clearing an unrated cell writes nothing; on the name column it says where to go.
        before = (demo_folder / "cadence.json").read_bytes()
        await pilot.press("delete", "home", "delete")
        await pilot.pause()
        assert (demo_folder / "cadence.json").read_bytes() == before


async def test_the_quarter_before_keeps_its_own_ratings(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", "p", "left_square_bracket")
        await pilot.pause()
        assert "2026-Q3" in str(app.screen.query_one("#analyzer-title", Static).render())
        table = app.screen.query_one("#analyzer-grid", DataTable)
        assert str(table.get_cell_at(Coordinate(0, 4))) == "·", "the demo rates this quarter only"
        this_quarter = rating(on_disk(), DANA, "2026-Q4")
        await pilot.press("right", "right", "right", "minus")
        await pilot.pause()
        assert rating(on_disk(), DANA, "2026-Q3").marks == {analyzer.core_values(on_disk())[3]: "-"}
        assert rating(on_disk(), DANA, "2026-Q4") == this_quarter, "this quarter's rating is untouched"
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert str(table.get_cell_at(Coordinate(0, 4))) == "+/-", "this quarter's row shows its own mark"


async def test_a_conversation_typed_is_saved_on_tab_and_on_esc(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", "q")  # Dana is highlighted first
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        context = str(app.screen.query_one("#conversation-context", Static).render())
        assert "Turn the Oakhaven pilot into an annual contract" in context
        await pilot.press(*"Pilot signed", "tab")
        await pilot.pause()
        saved = analyzer.conversation_of(on_disk(), DANA, "2026-Q4")
        assert saved is not None and saved.working == "Pilot signed"
        await pilot.press(*"Hiring is slow", "enter", *"Too many meetings", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, ConversationScreen)
        saved = analyzer.conversation_of(on_disk(), DANA, "2026-Q4")
        assert (saved.working, saved.not_working) == ("Pilot signed", "Hiring is slow\nToo many meetings")
        assert saved.updated is not None and saved.updated.isoformat() == "2026-11-23"

        # Opened again, it shows what was saved; Ctrl+S saves a change at once.
        await pilot.press("q")
        await pilot.pause()
        await pilot.press(*", in Q1", "ctrl+s")
        await pilot.pause()
        assert analyzer.conversation_of(on_disk(), DANA, "2026-Q4").working == "Pilot signed, in Q1"


def conversation_title(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#conversation-title", Static).render())


def part_text(app, field: str) -> str:  # type: ignore[no-untyped-def]
    return app.screen.query_one(f"#conversation-{field}", AutosaveText).text


async def test_f2_and_f3_show_other_quarters_and_save_what_is_typed_first(make_app, on_disk) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", "q")
        await pilot.pause()
        assert conversation_title(app).endswith("· 2026-Q4")
        # Typed and at once F2: the words go to Q4's record before the screen shows Q3.
        await pilot.press(*"Pilot signed", "f2")
        await pilot.pause()
        assert conversation_title(app).endswith("· 2026-Q3")
        assert analyzer.conversation_of(on_disk(), DANA, "2026-Q4").working == "Pilot signed"
        assert analyzer.conversation_of(on_disk(), DANA, "2026-Q3") is None
        assert part_text(app, "working") == "", "Q3 was never held: its parts are empty"
        context = str(app.screen.query_one("#conversation-context", Static).render())
        assert "Their rocks of 2026-Q3" in context
        assert "Turn the Oakhaven pilot into an annual contract" not in context, "Q4's rock is not Q3's"

        # Q3's conversation typed (in the second part), then F3: saved under Q3, and Q4 shows its own text again.
        await pilot.press("tab", *"Late invoices", "f3")
        await pilot.pause()
        assert conversation_title(app).endswith("· 2026-Q4")
        q3 = analyzer.conversation_of(on_disk(), DANA, "2026-Q3")
        assert q3 is not None and (q3.working, q3.not_working) == ("", "Late invoices")
        assert analyzer.conversation_of(on_disk(), DANA, "2026-Q4").not_working == ""
        assert part_text(app, "working") == "Pilot signed"

        # Two steps on: 2027-Q1 and 2027-Q2 are new quarters; Esc goes back to People with nothing else written.
        await pilot.press("f3", "f3")
        await pilot.pause()
        assert conversation_title(app).endswith("· 2027-Q2")
        await pilot.press(*"Next year", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, ConversationScreen)
        assert analyzer.conversation_of(on_disk(), DANA, "2027-Q2").working == "Next year"
        assert analyzer.conversation_of(on_disk(), DANA, "2027-Q1") is None


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_analyzer_snapshot(make_app, snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    # The demo's grid, the cursor on Jamal's unanswered Capacity cell (the one below the bar).
    press = ["9", "p", "down", "down", *["right"] * 6]
    assert snap_compare(make_app(), press=press, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_conversation_snapshot(make_app, snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    press = ["9", "q", *"The pilot went well", "tab", *"Hiring is slow"]
    assert snap_compare(make_app(), press=press, terminal_size=size)


HOSTILE = ["[bold]x[/]", "\x1b[2J wipe", "🚀 漢字 שלום", "W" * 120]


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_hostile_names_and_values_show_as_typed_in_one_line(make_app, demo_folder, size) -> None:
    with Workspace(demo_folder).transaction() as tx:
        actions.set_vision_part(tx, "core-values", HOSTILE)
        for number, text in enumerate(HOSTILE):
            actions.add_person(tx, f"{text[:110]} {number}")
        analyzer.rate_value(tx, "P-8", "1", "+", FIXED_NOW.date())  # "[bold]x[/] 0": second by name
        actions.set_vision_part(tx, "core-values", HOSTILE[1:])  # the first value dropped: a former value now
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("9", "p")
        await pilot.pause()
        table = app.screen.query_one("#analyzer-grid", DataTable)
        names = [str(table.get_row_at(index)[0]) for index in range(table.row_count)]
        for text in HOSTILE[:3]:
            assert any(name.startswith(visible(text)) for name in names), text
        assert any(name.startswith("WWW") and name.endswith("…") and len(name) <= 18 for name in names)
        legend_text = str(app.screen.query_one("#analyzer-legend", Static).render())
        assert "V1 \\x1b[2J wipe" in legend_text
        await pilot.press("down")
        await pilot.pause()
        assert detail(app).startswith("[bold]x[/] 0 below the bar")
        assert "Former values: [bold]x[/] +" in detail(app)
        assert "\x1b" not in app.export_screenshot()
        assert table.virtual_size.width <= size[0], "the grid never scrolls sideways"
        assert all(table.rows[key].height == 1 for key in table.rows)


@pytest.mark.parametrize(
    ("key", "panel", "screen_keys"),
    [
        ("p", AnalyzerPanel, {"plus", "tilde", "minus", "y", "n", "delete", "b", "left_square_bracket"}),
        ("q", ConversationPanel, {"ctrl+s", "escape", "f1", "f2", "f3"}),
    ],
    ids=["analyzer", "conversation"],
)
async def test_help_lists_every_key_and_the_footer_fits_80_columns(make_app, key, panel, screen_keys) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", key)
        await pilot.pause()
        shown = list(app.screen.query_one(Footer).query(FooterKey))
        palette = next(item for item in shown if item.has_class("-command-palette"))
        for item in shown:
            if item is not palette:
                assert item.region.right <= palette.region.x, f"{item.key} runs under the palette key"
                assert item.region.width == item.get_content_width(item.size, item.size), f"{item.key} is cut"
        assert screen_keys <= {item.key for item in shown}
        await pilot.press("f1" if key == "q" else "question_mark")  # ? types into a conversation part
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        listed = {description for _, description in app.screen.keys}
        wanted = {binding.tooltip for binding in panel.BINDINGS}
        assert wanted <= listed, wanted - listed

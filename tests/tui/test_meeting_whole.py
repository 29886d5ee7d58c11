"""Whole meetings with keys only, start to end, on a copy of the demo: the issue's headline test.

The weekly leadership meeting is started from Meetings (7, s), run through
every section with an injected clock the test moves (so the section times in
the minutes are exact), ended with ``e``, and then checked twice: the minutes
frozen in the workspace file, and the Markdown export (``cadence meeting
export``, as a user runs it) against ``tests/golden/meeting_whole.md``. The
keys are counted and printed: the issue asks how many a demo meeting takes.
The solo weekly review and the Visionary/Integrator same-page meeting are run
end to end the same way, shorter.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from cadence.cli import cli
from cadence.domain.meeting_parts import IdsOutcome
from cadence.domain.models import HeadlineKind, IssueStatus, MeetingKind, Team
from cadence.store import Snapshot, Workspace, actions
from cadence.tui.app import CadenceApp
from cadence.tui.panels.meeting_ids import IdsPanel
from cadence.tui.screens.attendance import AttendanceScreen
from cadence.tui.screens.meeting import MeetingScreen
from click.testing import CliRunner

from tests.tui.meeting_helpers import MEETING_AT, Clock

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "meeting_whole.md"
KEY_NAMES = {
    " ": "space",
    "@": "at",
    ";": "semicolon",
    ",": "comma",
    "-": "minus",
    ".": "full_stop",
    "$": "dollar_sign",
}


class Keys:
    """Presses keys through the pilot and counts them (a typed character is one key)."""

    def __init__(self, pilot) -> None:  # type: ignore[no-untyped-def]
        self.pilot = pilot
        self.count = 0

    async def __call__(self, *keys: str) -> None:
        self.count += len(keys)
        for key in keys:
            await self.pilot.press(key)
        await self.pilot.pause()

    async def to_row(self, table, key: str) -> None:  # type: ignore[no-untyped-def]
        """Arrow up or down, as a person would, until the cursor is on the row of ``key``."""
        keys = [table.coordinate_to_cell_key((row, 0)).row_key.value for row in range(table.row_count)]
        for _ in range(table.row_count):
            if table.selected_key == key:
                return
            await self("down" if keys.index(key) > table.cursor_row else "up")
        assert table.selected_key == key

    async def type(self, text: str) -> None:
        await self(*(KEY_NAMES.get(char, char) for char in text))


def export_markdown(folder: Path, meeting_id: str) -> str:
    result = CliRunner().invoke(cli, ["--workspace", str(folder), "meeting", "export", meeting_id, "--format", "md"])
    assert result.exit_code == 0, result.output
    return result.output


async def test_a_whole_weekly_meeting_with_keys_only(
    make_app: Callable[..., CadenceApp], demo_folder: Path, on_disk: Callable[[], Snapshot]
) -> None:
    clock = Clock(MEETING_AT)
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("7", "s")  # Meetings: start this week's leadership meeting
        assert isinstance(app.screen, AttendanceScreen), "starting asks who is here"
        await keys("down", "down", "down", "down", "space", "enter")  # Elena is away
        assert isinstance(app.screen, MeetingScreen)
        meeting_id = app.screen.meeting_id

        # Segue: a line each from the first two
        await keys("enter")
        await keys.type("Won the Oakhaven pilot")
        await keys("tab")
        await keys.type("Ran my first half marathon")
        clock.advance(minutes=6)
        await keys("escape", "n")

        # Scorecard (last week's numbers): the missing cash figure, red against its goal, dropped to Issues
        await keys("down", "enter")
        await keys.type("196000")
        await keys("enter", "escape", "up", "i")
        clock.advance(minutes=4, seconds=30)
        await keys("n")

        # Rock review: the off-track rock dropped to Issues, the next one reported off track
        await keys("i", "down", "f")
        clock.advance(minutes=5)
        await keys("n")

        # Headlines: read
        clock.advance(minutes=3)
        await keys("n")

        # To-Do list: the overdue one carried over, two done
        todo_table = app.screen.query_one("#todo-table")
        await keys.to_row(todo_table, "T-11")
        await keys("c")
        await keys.to_row(todo_table, "T-14")
        await keys("x")
        await keys.to_row(todo_table, "T-15")
        await keys("x")
        clock.advance(minutes=5)
        await keys("n")

        # IDS: the dropped red number to the top, then two issues solved into to-dos
        ids = app.screen.query_one(IdsPanel)
        assert {"I-21", "I-22"} <= set(ids.table.rows), "what the meeting dropped is on the IDS list"
        await keys.to_row(ids.table, "I-21")
        await keys("exclamation_mark")
        await keys.to_row(ids.table, "I-21")
        await keys("enter", "i")
        await keys.type("Two big invoices slipped to next week")
        await keys("escape")
        clock.advance(minutes=12)
        await keys("s")
        await keys.type("Invoice Marrowbrook on delivery, not month end")
        await keys("enter")
        await keys.type("Change the invoicing rule@Elena; Call Marrowbrook AP@Dana")
        await keys("enter")
        assert ids.table.selected_key == "I-14", "the next of the top 3 is under the cursor (I-13 gave #1 up)"
        await keys("enter")
        clock.advance(minutes=20)
        await keys("s")
        await keys.type("Pay a 5% referral fee in year one")
        await keys("enter")
        await keys.type("Send the co-packer our referral terms@Priya")
        await keys("enter")
        assert "Solved this meeting: 2" in str(ids.query_one("#ids-status").render())
        clock.advance(minutes=10)
        await keys("n")

        # Conclude: a message for Sales, ratings (one under 8, with its why), end
        await keys("c")
        await keys.type("Invoices go out on delivery from December")
        await keys("enter", "enter")
        await keys("r", "9", "enter", "enter")
        await keys("r", "6", "enter")
        await keys.type("IDS ran long")
        await keys("enter")
        await keys("r", "1", "0", "enter", "enter")
        await keys("r", "8", "enter", "enter")
        clock.advance(minutes=4)
        await keys("e", "y")
        assert not isinstance(app.screen, MeetingScreen), "ending leaves the meeting screen"
        print(f"\nThe demo weekly meeting took {keys.count} keystrokes")

    snapshot = on_disk()
    meeting = snapshot.meeting(meeting_id)
    minutes = meeting.minutes
    assert minutes is not None and meeting.ended_at == MEETING_AT + timedelta(minutes=69, seconds=30)
    assert [s.elapsed_seconds for s in meeting.sections] == [360, 270, 300, 180, 300, 2520, 240]
    assert minutes.attendees == ["Dana Okafor", "Marcus Lindqvist", "Priya Raman", "Tom Becker"]
    assert minutes.absent == ["Elena Sokolova"]
    assert [line.text for line in meeting.segue] == ["Won the Oakhaven pilot", "Ran my first half marathon"]
    assert minutes.week == date(2026, 11, 16), "the meeting reviews the week just ended"
    cash = next(n for n in minutes.scorecard if n.measurable_id == "M-2")
    assert (cash.value, cash.on_goal) == ("$196,000", False)
    assert snapshot.score_for("M-2", date(2026, 11, 16)) is not None
    rocks = {r.rock_id: r.status for r in minutes.rocks}
    assert (rocks["R-12"], rocks["R-13"]) == ("off-track", "off-track")
    assert minutes.raised_issue_ids == ["I-21", "I-22"]
    assert (minutes.todos_done, len(minutes.todos_reviewed)) == (3, 6)
    solved = [(i.issue_id, i.outcome, i.decision, len(i.todo_ids)) for i in minutes.issues]
    assert solved == [
        ("I-21", IdsOutcome.SOLVED, "Invoice Marrowbrook on delivery, not month end", 2),
        ("I-14", IdsOutcome.SOLVED, "Pay a 5% referral fee in year one", 1),
    ]
    assert snapshot.issue("I-21").root_cause == "Two big invoices slipped to next week"
    assert [(t.title, t.owner, t.due) for t in minutes.new_todos] == [
        ("Change the invoicing rule", "Elena Sokolova", date(2026, 12, 1)),
        ("Call Marrowbrook AP", "Dana Okafor", date(2026, 12, 1)),
        ("Send the co-packer our referral terms", "Priya Raman", date(2026, 12, 1)),
    ]
    assert [(r.score, r.why) for r in meeting.ratings] == [(9, ""), (6, "IDS ran long"), (10, ""), (8, "")]
    assert meeting.average_rating == 8.25
    cascaded = [
        h
        for h in snapshot.headlines
        if h.headline_kind is HeadlineKind.CASCADE
        and h.created == MEETING_AT.date() + timedelta(minutes=0).days * date.min.resolution
    ]
    assert [(h.text, h.team_id) for h in cascaded][-1:] == [("Invoices go out on delivery from December", "TM-2")]
    assert export_markdown(demo_folder, meeting_id) == GOLDEN.read_text(encoding="utf-8")


def add_team(folder: Path, name: str, members: list[str], agenda: str) -> str:
    """A team on its own agenda with one issue and one to-do from last week, so the meeting has work."""
    workspace = Workspace(folder)
    team = workspace.apply(lambda tx: tx.add(Team, name=name, member_ids=members, agenda=agenda)).result
    workspace.apply(lambda tx: actions.add_issue(tx, f"{name}: who owns pricing?", date(2026, 11, 20), team=team.id))
    workspace.apply(
        lambda tx: actions.add_todo(tx, f"{name}: send the board pack", members[0], date(2026, 11, 17), team_id=team.id)
    )
    return team.id


async def start_from_meetings(app: CadenceApp, keys: Keys, team_id: str) -> str:
    """Meetings (7), the team picked, ``s`` on its agenda, everyone here (Enter on the checklist)."""
    app.session.pick_team(team_id)
    await keys("7", "s")
    assert isinstance(app.screen, AttendanceScreen)
    await keys("enter")
    assert isinstance(app.screen, MeetingScreen)
    return app.screen.meeting_id


async def test_the_solo_weekly_review_end_to_end(
    make_app: Callable[..., CadenceApp], demo_folder: Path, on_disk: Callable[[], Snapshot]
) -> None:
    team_id = add_team(demo_folder, "Dana's week", ["P-1"], "solo")
    clock = Clock(datetime(2026, 11, 23, 8, 0))
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        meeting_id = await start_from_meetings(app, keys, team_id)
        clock.advance(minutes=10)
        await keys("n")  # Fill my numbers
        await keys("n")  # Check my rocks
        await keys("x")  # Review my to-dos: last week's one is done
        await keys("n")
        await keys("enter", "s")  # Triage my issues: solve the one there
        await keys.type("Dana owns pricing")
        await keys("enter")
        await keys.type("Write the pricing policy@Dana")
        await keys("enter")
        await keys("n")
        await keys("enter")  # Plan the week
        await keys.type("Close Oakhaven; pricing policy; board pack")
        await keys("escape")
        clock.advance(minutes=20)
        await keys("e", "y")
        print(f"\nThe solo weekly review took {keys.count} keystrokes")
    meeting = on_disk().meeting(meeting_id)
    minutes = meeting.minutes
    assert minutes is not None and meeting.meeting_kind == MeetingKind.SOLO.value
    assert minutes.attendees == ["Dana Okafor"]
    assert (minutes.todos_done, len(minutes.todos_reviewed)) == (1, 1)
    assert [(i.outcome, i.decision) for i in minutes.issues] == [(IdsOutcome.SOLVED, "Dana owns pricing")]
    assert [t.title for t in minutes.new_todos] == ["Write the pricing policy"]
    assert meeting.sections[-1].notes == "Close Oakhaven; pricing policy; board pack"
    assert not meeting.ratings_on and meeting.ratings == []
    markdown = export_markdown(demo_folder, meeting_id)
    assert "## Plan the week" in markdown and "Close Oakhaven; pricing policy; board pack" in markdown
    assert "## Ratings" not in markdown


async def test_the_visionary_integrator_same_page_meeting_end_to_end(
    make_app: Callable[..., CadenceApp], demo_folder: Path, on_disk: Callable[[], Snapshot]
) -> None:
    team_id = add_team(demo_folder, "Visionary and Integrator", ["P-1", "P-2"], "same-page")
    clock = Clock(datetime(2026, 11, 26, 16, 0))
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        meeting_id = await start_from_meetings(app, keys, team_id)
        await keys("enter")  # Check-in: a line each
        await keys.type("Tired but good")
        await keys("tab")
        await keys.type("Excited about Oakhaven")
        await keys("escape", "n")
        await keys("enter")  # Alignment check
        await keys.type("Not aligned on the second shift hire")
        await keys("escape", "n", "n", "n")  # People, Rocks
        await keys("enter", "s")  # Our issues
        await keys.type("Marcus owns pricing from January")
        await keys("enter", "enter")
        await keys("n")
        await keys("c")  # Conclude: tell the leadership team
        await keys.type("Marcus owns pricing from January")
        await keys("enter", *["backspace"] * 60)
        await keys.type("Leadership team")
        await keys("enter")
        clock.advance(minutes=50)
        await keys("e", "y")
        print(f"\nThe same-page meeting took {keys.count} keystrokes")
    snapshot = on_disk()
    meeting = snapshot.meeting(meeting_id)
    assert meeting.minutes is not None and meeting.meeting_kind == "same-page"
    assert meeting.minutes.attendees == ["Dana Okafor", "Marcus Lindqvist"]
    assert [line.text for line in meeting.segue] == ["Tired but good", "Excited about Oakhaven"]
    assert meeting.sections[1].notes == "Not aligned on the second shift hire"
    issue = next(i for i in snapshot.issues if i.team_id == team_id)
    assert (issue.status, issue.decision) == (IssueStatus.SOLVED, "Marcus owns pricing from January")
    cascaded = [
        h for h in snapshot.headlines if h.headline_kind is HeadlineKind.CASCADE and h.created == date(2026, 11, 26)
    ]
    assert [(h.text, h.team_id) for h in cascaded] == [("Marcus owns pricing from January", "TM-1")]
    assert meeting.ratings == []

"""Markdown minutes: user text stays literal (a title cannot break a table), old meetings still export."""

from __future__ import annotations

from datetime import date, datetime

from cadence.domain.meeting_parts import (
    Cascade,
    IdsOutcome,
    IdsWork,
    MeetingSection,
    Minutes,
    MinutesIssue,
    MinutesTodo,
    Rating,
    SectionKind,
    SegueLine,
)
from cadence.domain.minutes_markdown import cell, literal, minutes_markdown
from cadence.domain.models import Meeting

START = datetime(2026, 11, 24, 9, 0)
NAMES = {"P-1": "Ann | Lee", "P-2": "Bob", "TM-2": "Sales", "I-4": "Cash [bold]tight[/]", "T-9": "Call *them*"}


def meeting(**fields: object) -> Meeting:
    base: dict[str, object] = {
        "id": "MT-7",
        "title": "Weekly meeting",
        "started_at": START,
        "ended_at": datetime(2026, 11, 24, 10, 0),
        "sections": [
            MeetingSection(name="Segue", kind=SectionKind.SEGUE, budget_minutes=5, elapsed_seconds=300),
            MeetingSection(name="IDS", kind=SectionKind.IDS, budget_minutes=50, elapsed_seconds=3300),
        ],
        "attendee_ids": ["P-1", "P-2"],
    }
    base.update(fields)
    return Meeting.model_validate(base)


def table_rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("|")]


def test_a_hostile_title_cannot_break_a_table_or_reach_the_terminal() -> None:
    hostile = "Fix | the \x1b[31mpress\x1b[0m\nnow <script> # 1. [x](y)"
    todo = MinutesTodo(todo_id="T-9", title=hostile, owner="Ann | Lee", due=date(2026, 12, 1))
    record = meeting(minutes=Minutes(week=date(2026, 11, 23), new_todos=[todo]))

    text = minutes_markdown(record, NAMES, "Leadership")

    (row,) = [line for line in table_rows(text) if line.startswith("| T-9")]
    assert row.count(" | ") == 3, "still four cells"
    assert "\x1b" not in text
    assert "\\x1b\\[31mpress" in row
    assert "Fix \\| the" in row and "<br>now \\<script>" in row
    assert "Ann \\| Lee" in row


def test_literal_and_cell_escape_what_markdown_would_read() -> None:
    assert literal("# not a heading") == "\\# not a heading"
    assert literal("1. not a list\n- nor this") == "1\\. not a list  \n\\- nor this"
    assert cell("a *b* _c_ `d` [e](f) <g> &amp;") == "a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g> \\&amp;"
    assert cell("x\ny") == "x<br>y"
    assert cell("< 3 and >= 5") == "< 3 and >= 5"


def test_an_old_meeting_without_minutes_exports_what_its_record_holds() -> None:
    record = meeting(
        segue=[SegueLine(person_id="P-1", text="Won the cup")],
        ids_work=[IdsWork(issue_id="I-4", identify="Late payers", seconds=600, outcome=IdsOutcome.SOLVED)],
        ratings=[Rating(person_id="P-1", score=9), Rating(person_id="P-2", score=6, why="Too long")],
        cascading=[Cascade(text="Prices up | Monday", team_ids=["TM-2"])],
        new_todo_ids=["T-9"],
        notes="Good meeting",
    )

    text = minutes_markdown(record, NAMES, "Leadership")

    assert text.startswith("# Leadership: Weekly meeting\n")
    assert "09:00–10:00 · 1:00:00 of 55:00 budgeted (5:00 over) · average rating 7.5" in text
    assert "**Attendees:** Ann \\| Lee, Bob" in text
    assert "- **Ann \\| Lee:** Won the cup" in text
    assert "### I-4: Cash \\[bold\\]tight\\[/\\]" in text
    assert "- **Outcome:** solved after 10:00" in text and "- **Identify:** Late payers" in text
    assert "- T-9 Call \\*them\\*" in text
    assert "- Prices up \\| Monday → Sales" in text
    assert "| Bob | 6 | Too long |" in text
    assert "Average 7.5 from 2 ratings (1 under 8)." in text
    assert text.endswith("## Notes\n\nGood meeting\n")


def test_minutes_frozen_at_the_end_are_what_is_shown() -> None:
    frozen = Minutes(
        week=date(2026, 11, 23),
        attendees=["Ann Lee (then)"],
        absent=["Bob"],
        issues=[
            MinutesIssue(issue_id="I-4", title="Cash", outcome=IdsOutcome.SOLVED, decision="Deposits", todo_ids=["T-9"])
        ],
        todos_reviewed=[
            MinutesTodo(todo_id="T-1", title="A", owner="Bob", due=date(2026, 11, 24), done=True),
            MinutesTodo(todo_id="T-2", title="B", owner="Bob", due=date(2026, 11, 24)),
        ],
    )

    text = minutes_markdown(meeting(minutes=frozen), NAMES, "Leadership")

    assert "**Attendees:** Ann Lee (then)  \n**Absent:** Bob" in text
    assert "- **Decision:** Deposits" in text and "- **To-dos:** T-9 Call \\*them\\*" in text


def test_a_running_meeting_reads_its_clocks_at_now() -> None:
    record = meeting(ended_at=None, current=1, running_since=datetime(2026, 11, 24, 9, 10))

    text = minutes_markdown(record, NAMES, "", now=datetime(2026, 11, 24, 9, 20))

    assert text.startswith("# Weekly meeting\n")
    assert "09:00–still running · 1:10:00 of 55:00 budgeted (15:00 over)" in text
    assert "| IDS | 50:00 | 1:05:00 | 15:00 |" in text

"""On start, offer to resume a meeting left running (a quit, a dropped SSH link, a killed terminal).

The meeting's state is all on the record, so resuming is only opening it
again: the clock is wall-clock time since the section started, the notes are
as last saved. The session that drove it is gone (its label names a process
that ended), so saying yes makes this terminal the driver. The picked team's
running meeting is offered first, else the latest one running anywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cadence.domain.models import Meeting
from cadence.store import InputError, WorkspaceError
from cadence.store.actions import meetings
from cadence.tui.background import in_thread
from cadence.tui.panels.meetings_text import where_text
from cadence.tui.widgets.dialogs import ChoiceScreen

if TYPE_CHECKING:
    from cadence.tui.app import CadenceApp

RESUME = "resume"
LATER = "later"


def meeting_to_resume(app: CadenceApp) -> Meeting | None:
    session = app.session
    mine = meetings.running_meeting(session.snapshot, session.team_id)
    if mine is not None:
        return mine
    others = meetings.running_meetings(session.snapshot)
    return others[-1] if others else None


def resume_question(meeting: Meeting, app: CadenceApp) -> str:
    """``Resume MT-5 (IDS, 34:12 in)?``"""
    return f"Resume {meeting.id} ({where_text(meeting, app.session.clock())})?"


def showing_a_meeting(app: CadenceApp) -> bool:
    """Is a meeting screen already up (``cadence meeting join`` opens straight into it)?"""
    from cadence.tui.screens.meeting import MeetingScreen

    return any(isinstance(screen, MeetingScreen) for screen in app.screen_stack)


def offer_resume(app: CadenceApp) -> None:
    """Ask once, at start; yes takes over driving if another (gone) terminal held it, then opens the meeting."""
    meeting = meeting_to_resume(app)
    if meeting is None or showing_a_meeting(app):
        return
    meeting_id = meeting.id
    team = next((team.name for team in app.session.snapshot.teams if team.id == meeting.team_id), None)
    options = [
        (RESUME, f"Resume {meeting_id} and drive it"),
        (LATER, "Not now (it keeps running; Meetings, key 7, has it)"),
    ]
    title = resume_question(meeting, app) + (f"  ({team})" if team and meeting.team_id != app.session.team_id else "")

    def answered(choice: str | None) -> None:
        if choice == RESUME:
            app.call_later(resume, app, meeting_id)

    app.push_screen(ChoiceScreen(title, options, RESUME), answered)


async def resume(app: CadenceApp, meeting_id: str) -> None:
    session = app.session
    label = session.driver_label
    try:
        meeting = session.snapshot.meeting(meeting_id)
        if meeting.driver != label:
            await in_thread(app, lambda: session.write_blocking(lambda tx: meetings.take_over(tx, meeting_id, label)))
            app.publish_snapshot()
    except (InputError, WorkspaceError) as error:  # ended or gone meanwhile, the file busy: say so, open nothing
        app.notify(str(error), title="Not resumed", severity="warning")
        return
    from cadence.tui.screens.meeting import open_meeting

    open_meeting(app, meeting_id)

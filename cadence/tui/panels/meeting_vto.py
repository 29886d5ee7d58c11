"""The V/TO read at a quarterly or annual session, with the section's notes under it.

The session reads the vision top to bottom and notes what should change; the
V/TO itself is edited in Vision (key 8), not here, so the page is read-only.
A section named like one part of the V/TO ("3-year picture", "1-year plan",
as the annual session's are) shows that part alone; any other name shows the
whole page. The page is the one ``cadence vision export`` writes (the same
renderer), so what is read aloud is what is handed out.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from cadence.domain.vision_text import page_markdown, vision_sections
from cadence.tui.panels.base import panel_css
from cadence.tui.panels.meeting_css import styles_of
from cadence.tui.panels.meeting_notes import MeetingNotesPanel

HELP = (
    "The V/TO, read-only (edit it in Vision, key 8, after the session). Enter (or w) writes notes on what "
    "should change, Esc when done; they reach the workspace as you type."
)


class MeetingVtoPanel(MeetingNotesPanel):
    DEFAULT_CSS = styles_of(MeetingNotesPanel, "MeetingVtoPanel", panel_css(__file__))
    HELP = HELP

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="vto-page"):
            yield Markdown(self.page(), id="vto-text")
        yield from super().compose()

    def page(self) -> str:
        view = self.session.snapshot
        sections = vision_sections(view.vision())
        wanted = self.section.name.strip().lower()
        chosen = [part for part in sections if part.heading.lower() == wanted] or sections
        return page_markdown("Vision/Traction Organizer", chosen)

    def refresh_data(self) -> None:
        super().refresh_data()
        self.query_one("#vto-text", Markdown).update(self.page())

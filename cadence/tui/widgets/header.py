"""The top of every section: where you are (company, team, week, quarter) and the section keys."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.events import Click
from textual.widgets import Static

from cadence.domain.text import clip
from cadence.tui.session import WorkspaceSession


def header_text(session: WorkspaceSession, width: int = 200) -> Text:
    """Fits ``width`` cells: the dates stay whole, the company and team names give way."""
    quarter = session.quarter()
    days_left = quarter.days_left(session.today())
    team = session.team
    wide = width >= 100
    week = f"week of {session.week():%d %b %Y}" if wide else f"week of {session.week():%d %b}"
    left = f"{days_left} days left in {quarter.label if wide else f'Q{quarter.number}'}"
    flags = " · READ-ONLY (newer file)" if session.snapshot.read_only else ""
    room = max(8, width - len(week) - len(left) - len(flags) - 9)
    company_room = max(4, room * 3 // 5)
    company = clip(session.snapshot.meta.company, company_room)
    team_name = clip(team.name if team else "no team yet", max(4, room - len(company)))
    text = Text.assemble((company, "bold"), " · ", team_name, " · ", week, " · ", left)
    if flags:
        text.append(flags, style="bold reverse")
    return text


class CadenceHeader(Static):
    """Company · team · week · days left in the quarter."""

    DEFAULT_CSS = """
    CadenceHeader { height: 1; background: $panel; color: $foreground; padding: 0 1; }
    """

    def show(self, session: WorkspaceSession) -> None:
        self._session = session
        self.update(header_text(session, self.size.width - 2 if self.size.width else 78))

    def on_resize(self) -> None:
        session = getattr(self, "_session", None)
        if session is not None:
            self.update(header_text(session, self.size.width - 2))


SHORT_LABELS = {"Dashboard": "Dash", "Scorecard": "Score", "Headlines": "Heads", "Meetings": "Meet"}
"""What a tab other than the current one says when the terminal is too narrow for every label in full."""


class SectionTab(Static):
    DEFAULT_CSS = """
    SectionTab { width: auto; padding: 0 0 0 1; color: $text-muted; }
    SectionTab.-current { color: $foreground; background: $primary 40%; text-style: bold; }
    SectionTab:hover { background: $boost; }
    """

    def __init__(self, section: str, key: str, label: str, current: bool) -> None:
        super().__init__(f"{key} {label}", markup=False, classes="-current" if current else "")
        self.section = section
        self.current = current
        self.full = f"{key} {label}"
        self.short = f"{key} {SHORT_LABELS.get(label, label)}"

    def wanted_width(self, short: bool) -> int:
        return 1 + len(self.short if short and not self.current else self.full)

    def use_short(self, short: bool) -> None:
        self.update(self.short if short and not self.current else self.full)

    async def on_click(self, event: Click) -> None:
        await self.app.run_action(f"section('{self.section}')")


class SectionTabs(Horizontal):
    """The sections and their number keys; the current one highlighted. Clickable."""

    DEFAULT_CSS = """
    SectionTabs { height: 1; background: $surface; }
    """

    def __init__(self, sections: Sequence[tuple[str, str, str]], current: str) -> None:
        super().__init__()
        self.sections = sections
        self.current = current

    def compose(self) -> ComposeResult:
        for name, key, label in self.sections:
            yield SectionTab(name, key, label, name == self.current)

    def on_resize(self) -> None:
        """All nine tabs in full need 91 columns: narrower, the others go short so 9 People stays in sight."""
        tabs = list(self.query(SectionTab))
        short = sum(tab.wanted_width(False) for tab in tabs) > self.size.width
        for tab in tabs:
            tab.use_short(short)

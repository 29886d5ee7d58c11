"""The quarterly session's next quarter's rocks: company rocks first, then each person's, against 3-7.

It is the Rocks panel on the quarter after the one reviewed, with ``a`` (the
same add-rock action and form as Rocks, its quarter already the next one) and
``E`` to edit. The line above counts company rocks and each owner's rocks
against the 3-7 guidance: a count outside it is shown, never refused.
"""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from cadence.domain.periods import Quarter
from cadence.domain.text import clip
from cadence.store.actions import ROCKS_PER_PERSON_GUIDANCE, quarters
from cadence.tui.panels.base import panel_css
from cadence.tui.panels.meeting_base import MeetingPanel
from cadence.tui.panels.meeting_css import styles_of
from cadence.tui.panels.rock_rows import period_line
from cadence.tui.panels.rocks import RocksPanel
from cadence.tui.status_styles import verdict_style

HELP = (
    "Next quarter's rocks: agree the company rocks first, then each person's (3-7 each, a guidance, not a rule). "
    "a: add a rock (its quarter is the next one), E: edit the highlighted one, Enter: show its milestones."
)
FEWEST = 3


class NextRocksPanel(MeetingPanel, RocksPanel, inherit_bindings=False):
    DEFAULT_CSS = styles_of(RocksPanel, "NextRocksPanel", panel_css(__file__))
    HELP = HELP
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add rock", tooltip="Add a rock for the next quarter"),
        Binding("E", "edit", "Edit", tooltip="Edit the highlighted rock"),
        Binding("enter", "toggle_milestones", "Milestones", show=False, tooltip="Show or hide the rock's milestones"),
    ]
    CLI_EQUIVALENTS: ClassVar[dict[str, str]] = {**RocksPanel.CLI_EQUIVALENTS}
    NAVIGATION: ClassVar[frozenset[str]] = RocksPanel.NAVIGATION

    def compose(self) -> ComposeResult:
        yield Static(id="rock-guidance", markup=False)
        yield from super().compose()

    @property
    def quarter(self) -> Quarter:
        if self._quarter is None:
            self._quarter = quarters.quarter_reviewed_at(self.session.snapshot, self.meeting).next()
        return self._quarter

    def refresh_data(self) -> None:
        super().refresh_data()
        # The quarter and owner keys ([ ] f) are not this section's: the line without its hints.
        period = period_line(self.quarter, self.session.today(), self.owner_label(), width=0)
        self.query_one("#rock-period", Static).update(period)
        self.query_one("#rock-guidance", Static).update(self.guidance())

    def guidance(self) -> Text:
        rocks = self.visible_rocks()
        view = self.session.snapshot
        company = sum(1 for rock in rocks if rock.company)
        per_owner = Counter(rock.owner_id for rock in rocks if not rock.company)
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append("Company rocks ")
        line.append(str(company), verdict_style(FEWEST <= company <= ROCKS_PER_PERSON_GUIDANCE))
        line.append(f" of 3-{ROCKS_PER_PERSON_GUIDANCE}  Each person's:")
        if not per_owner:
            line.append(" none yet")
        for owner_id, count in sorted(per_owner.items(), key=lambda item: view.person_name(item[0])):
            line.append(f" {clip(view.person_name(owner_id), 16)} ")
            line.append(str(count), verdict_style(FEWEST <= count <= ROCKS_PER_PERSON_GUIDANCE))
        return line

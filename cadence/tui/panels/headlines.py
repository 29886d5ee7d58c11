"""The Headlines panel: customer and employee news, good or bad, newest first; one key drops one to Issues.

Headlines are shared, not discussed: anything that needs talking about goes to
the Issues list with ``i``, and the headline remembers where it went
(``→ I-12``) so it is not dropped twice (the store's ``drop_headline_to_issues`` keeps
that rule). Kind and good/bad are shown by word and colour, so the list reads
the same in a 16-colour terminal or none. Every change is a named store action
run off the event loop, the same one its ``cadence headline ...`` command runs.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from cadence.domain.ids import id_number
from cadence.domain.models import Headline, HeadlineKind, Issue
from cadence.store import Transaction, actions
from cadence.tui.panels.base import SectionPanel, panel_css
from cadence.tui.status_styles import Status, accent, muted, status_style
from cadence.tui.widgets.form_base import Check
from cadence.tui.widgets.forms import FormField
from cadence.tui.widgets.literal import literal
from cadence.tui.widgets.record_table import RecordTable, Row

WIDE = 100
KIND_STYLE = {
    HeadlineKind.CUSTOMER: "$kind-customer",
    HeadlineKind.EMPLOYEE: "$kind-employee",
    HeadlineKind.CASCADE: "bold",  # a message cascaded from another team's meeting
}


def tone(good: bool, kind: HeadlineKind | None = None) -> Text:
    if kind is HeadlineKind.CASCADE:
        return Text("—", style=muted())
    return (
        Text("▲ good", style=status_style(Status.GOOD))
        if good
        else Text("▼ bad", style=status_style(Status.BAD, strong=True))
    )


def resolve_choice(choices: Sequence[str], value: str) -> str | None:
    """The one choice ``value`` names (any case; a unique start like ``c`` or ``emp`` works)."""
    wanted = value.strip().casefold()
    if not wanted:
        return None
    matches = [choice for choice in choices if choice.casefold().startswith(wanted)]
    return matches[0] if len(matches) == 1 else None


def choice_check(choices: Sequence[str]) -> Check:
    def check(value: str) -> str | None:
        return None if resolve_choice(choices, value) else "one of: " + ", ".join(choices)

    return check


def summary_line(headlines: Sequence[Headline]) -> Text:
    """Per kind: how many good and bad; and how many went to the Issues list."""
    text = Text()
    for kind in HeadlineKind:
        mine = [headline for headline in headlines if headline.headline_kind is kind]
        if kind is HeadlineKind.CASCADE:  # messages from other teams' meetings: neither good nor bad news
            if mine:
                text.append("Cascaded", style=f"bold {accent(KIND_STYLE[kind])}".strip())
                text.append(f": {len(mine)} · ")
            continue
        good = sum(1 for headline in mine if headline.good)
        text.append(kind.value.capitalize(), style=f"bold {accent(KIND_STYLE[kind])}".strip())
        text.append(": ")
        text.append(f"{good} good", style=status_style(Status.GOOD) if good else muted())
        text.append(", ")
        text.append(f"{len(mine) - good} bad", style=status_style(Status.BAD) if len(mine) - good else muted())
        text.append(" · ")
    dropped = sum(1 for headline in headlines if headline.dropped_to)
    text.append(f"{dropped} to Issues", style=muted())
    return text


HELP = (
    "Customer and employee headlines of the picked team, newest first. No discussion here: "
    "i drops a headline to the Issues list, where the team can work it."
)


class HeadlinesPanel(SectionPanel):
    DEFAULT_CSS = panel_css(__file__)
    HELP = HELP

    BINDINGS = [
        Binding("a", "add", "Add", tooltip="Add a headline"),
        Binding("i", "to_issue", "To issue", tooltip="Drop the headline to the Issues list"),
        Binding("d", "delete", "Delete", tooltip="Delete the headline (asks first)"),
    ]
    CLI_EQUIVALENTS = {"add": "headline add", "to_issue": "headline drop", "delete": "headline delete"}
    NAVIGATION = frozenset()

    def compose(self) -> ComposeResult:
        yield Static(id="headline-summary")
        yield RecordTable(["Date", "Kind", "Good?", "By", "Headline", "Issue"], id="headline-table")
        yield Static(id="headline-detail")

    def layout_key(self) -> Hashable:
        return self.app.size.width  # the columns are fitted to it

    # Data ---------------------------------------------------------------------------

    def visible_headlines(self) -> list[Headline]:
        shown = [
            headline
            for headline in self.session.snapshot.headlines
            if self.session.belongs(headline.team_id, headline.by_id)
        ]
        return sorted(shown, key=lambda headline: (headline.created, id_number(headline.id)), reverse=True)

    def issue_of(self, headline: Headline) -> Issue | None:
        for issue in self.session.snapshot.issues:
            if issue.id == headline.dropped_to:
                return issue
        return None

    def refresh_data(self) -> None:
        snapshot = self.session.snapshot
        headlines = self.visible_headlines()
        self.query_one("#headline-summary", Static).update(summary_line(headlines))
        width = self.app.size.width
        narrow = width < WIDE
        date_format, date_width, by_width, issue_width = ("%d %b", 6, 8, 7) if narrow else ("%a %d %b", 10, 18, 14)
        title_width = max(16, width - (date_width + 8 + 6 + by_width + issue_width) - 6 * 2 - 2)
        widths = [date_width, 8, 6, by_width, title_width, issue_width]
        rows = []
        for headline in headlines:
            by = snapshot.person_name(headline.by_id)
            if narrow and by:
                by = by.split()[0]
            cells = [
                Text(f"{headline.created:{date_format}}"),
                Text(headline.headline_kind.value, style=accent(KIND_STYLE[headline.headline_kind])),
                tone(headline.good, headline.headline_kind),
                literal(by, by_width) if by else Text("—", style=muted()),
                literal(headline.text, title_width),
                self.issue_cell(headline, narrow),
            ]
            rows.append(Row(headline.id, cells))
        table = self.query_one(RecordTable)
        table.fix_widths(widths)
        table.show(rows)
        self.show_detail(table.selected_key)

    def issue_cell(self, headline: Headline, narrow: bool) -> Text:
        if not headline.dropped_to:
            return Text("")
        issue = self.issue_of(headline)
        cell = Text(f"→ {headline.dropped_to}", style="bold")
        if not narrow:
            cell.append(f" {issue.status.value}" if issue else " deleted", style=muted())
        return cell

    def show_detail(self, key: str | None) -> None:
        detail = self.query_one("#headline-detail", Static)
        headline = next((each for each in self.visible_headlines() if each.id == key), None)
        if headline is None:
            detail.update(Text("No headlines for this team yet. a: add one.", style=muted()))
            return
        snapshot = self.session.snapshot
        text = Text.assemble(
            (headline.id, "bold"),
            " · ",
            (headline.headline_kind.value, accent(KIND_STYLE[headline.headline_kind])),
            " · ",
            tone(headline.good, headline.headline_kind),
            f" · {headline.created:%a %d %b}",
        )
        if headline.by_id:
            text.append(" · by ")
            text.append(literal(snapshot.person_name(headline.by_id), 40))
        if headline.dropped_to:
            issue = self.issue_of(headline)
            where = f"{headline.dropped_to} ({issue.status.value})" if issue else f"{headline.dropped_to} (deleted)"
            text.append(f" · dropped to {where}", style="bold")
        text.append("\n")
        text.append(literal(headline.text, 2000))
        detail.update(text)

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail(event.row_key.value if event.row_key else None)

    def selected(self) -> Headline | None:
        return self.record_at_cursor(
            self.query_one(RecordTable), self.session.snapshot.headline, "No headline selected."
        )

    # Actions --------------------------------------------------------------------------

    def action_add(self) -> None:
        today = self.session.today()
        team_id = self.session.team_id
        kinds = [kind.value for kind in HeadlineKind]
        tones = ["good", "bad"]

        def change(tx: Transaction, values: dict[str, str]) -> Headline:
            return actions.add_headline(
                tx,
                values["text"],
                resolve_choice(kinds, values["kind"]) or values["kind"],
                today,
                by=values["by"].strip() or None,
                good=resolve_choice(tones, values["good"]) == "good",
                team=team_id,
            )

        self.open_form(
            "New headline",
            [
                FormField("text", "Headline", required=True, placeholder="Globex renewed for two years"),
                FormField("kind", "Customer or employee", value="customer", required=True, check=choice_check(kinds)),
                FormField("by", "Shared by", check=self.check_person, suggestions=self.people_names()),
                FormField("good", "Good or bad", value="good", required=True, check=choice_check(tones)),
            ],
            change,
            done="Headline added",
        )

    async def action_to_issue(self) -> None:
        headline = self.selected()
        if headline is None:
            return
        today = self.session.today()
        issue = await self.write(lambda tx: actions.drop_headline_to_issues(tx, headline.id, today))
        if issue is not None:
            self.notify(f"{issue.id} added to the Issues list", timeout=3)

    def action_delete(self) -> None:
        headline = self.selected()
        if headline is not None:
            self.confirm(
                f"Delete {headline.id} {headline.text}?",
                lambda: self.write_soon(lambda tx: actions.delete_headline(tx, headline.id), done="Headline deleted"),
            )

"""The Headlines panel: customer and employee news, good or bad, newest first; one key drops one to Issues.

Headlines are shared, not discussed: anything that needs talking about goes to
the Issues list with ``i``, and the headline remembers where it went
(``→ I-12``) so it is not dropped twice (the store's ``drop_headline_to_issues`` keeps
that rule). Kind and good/bad are shown by word and colour, so the list reads
the same in a 16-colour terminal or none. Every change is a named store action
run off the event loop, the same one its ``cadence headline ...`` command runs.

The list holds the current headlines: this quarter's and last quarter's, what
the archive rule keeps live. ``h`` adds the older ones, the archive's too
(read in a thread), and takes them away again. The rows are filtered and
sorted once per build; a cursor move only looks its row up by id.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from cadence.domain.ids import id_number
from cadence.domain.models import Headline, HeadlineKind, Issue
from cadence.store import InputError, Snapshot, Transaction, WorkspaceError, actions
from cadence.tui.background import in_thread
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
    "Customer and employee headlines of the picked team, newest first: this quarter's and last "
    "quarter's; h adds the older ones (the archive's too) and takes them away again. No discussion "
    "here: i drops a headline to the Issues list, where the team can work it."
)


def newest_first(headlines: Sequence[Headline]) -> list[Headline]:
    return sorted(headlines, key=lambda headline: (headline.created, id_number(headline.id)), reverse=True)


class HeadlinesPanel(SectionPanel):
    DEFAULT_CSS = panel_css(__file__)
    HELP = HELP

    BINDINGS = [
        Binding("a", "add", "Add", tooltip="Add a headline"),
        Binding("i", "to_issue", "To issue", tooltip="Drop the headline to the Issues list"),
        Binding("d", "delete", "Delete", tooltip="Delete the headline (asks first)"),
        Binding("h", "older", "Older", tooltip="Add the older headlines (the archive's too), or take them away"),
    ]
    CLI_EQUIVALENTS = {"add": "headline add", "to_issue": "headline drop", "delete": "headline delete"}
    NAVIGATION = frozenset({"older"})
    SHOWS_OLDER: ClassVar[bool] = True  # the meeting's list is its own (since the last meeting): no h there

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.older = False  # h: the older headlines too
        self._history: Snapshot | None = None  # live and archives as one, read when h first asked
        self._history_state = "not asked"  # "loading", "read", or why the archive could not be read
        self._history_generation = -1  # the live snapshot the history was read with; a newer one reads it again
        self._listed: dict[str, Headline] = {}  # the rows shown, by id: what a cursor move looks up

    def compose(self) -> ComposeResult:
        yield Static(id="headline-summary")
        yield RecordTable(["Date", "Kind", "Good?", "By", "Headline", "Issue"], id="headline-table")
        yield Static(id="headline-older")
        yield Static(id="headline-detail")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.SHOWS_OLDER if action == "older" else True

    def layout_key(self) -> Hashable:
        return self.app.size.width  # the columns are fitted to it

    # Data ---------------------------------------------------------------------------

    def current_since(self) -> date:
        """The first day of last quarter: headlines from then on are current (the archive keeps them live)."""
        return self.session.quarter().previous().start

    def team_headlines(self, source: Snapshot) -> list[Headline]:
        return [headline for headline in source.headlines if self.session.belongs(headline.team_id, headline.by_id)]

    def visible_headlines(self) -> list[Headline]:
        """The current headlines, newest first; with ``h``, the older ones too (the archive's once read)."""
        live = self.team_headlines(self.session.snapshot)
        if not self.older:
            since = self.current_since()
            return newest_first([headline for headline in live if headline.created >= since])
        if self._history is None:
            return newest_first(live)
        shown = {headline.id for headline in live}
        archived = [headline for headline in self.team_headlines(self._history) if headline.id not in shown]
        return newest_first([*live, *archived])

    def issue_of(self, headline: Headline) -> Issue | None:
        if not headline.dropped_to:
            return None
        for source in (self.session.snapshot, self._history):
            if source is not None:
                try:
                    return source.issue(headline.dropped_to)
                except InputError:
                    continue
        return None

    def older_line(self, shown: int) -> Text:
        state = self._history_state
        if not self.older:
            since = self.current_since()
            return Text(f"Since {since:%-d %b %Y} (this quarter and last) · h: the older ones too", style=muted())
        if state == "loading":
            return Text("Loading the archive's headlines…", style=muted())
        if state not in ("read", "not asked"):
            return Text(state, style=status_style(Status.BAD))
        return Text(
            f"All {shown} headline{'s' if shown != 1 else ''}, the archive's too · h: only the current ones",
            style=muted(),
        )

    def refresh_data(self) -> None:
        snapshot = self.session.snapshot
        if self.older and self._history_generation != self.session.generation:
            self._load_history()  # the history read with an older snapshot (or never) is read again
        headlines = self.visible_headlines()
        self._listed = {headline.id: headline for headline in headlines}
        self.query_one("#headline-summary", Static).update(summary_line(headlines))
        older = self.query_one("#headline-older", Static)
        older.display = self.SHOWS_OLDER
        if self.SHOWS_OLDER:
            older.update(self.older_line(len(headlines)))
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
        headline = self._listed.get(key) if key is not None else None
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
        """The live headline under the cursor; an archived one is history, and the user is told so."""
        table = self.query_one(RecordTable)
        key = table.selected_key
        if key is not None and key in self._listed and self.archived(key):
            self.app.notify(f"{key} is in the archive: history is read-only.", severity="warning")
            return None
        return self.record_at_cursor(table, self.session.snapshot.headline, "No headline selected.")

    def archived(self, headline_id: str) -> bool:
        try:
            self.session.snapshot.headline(headline_id)
        except InputError:
            return True
        return False

    # Actions --------------------------------------------------------------------------

    def action_older(self) -> None:
        """Add the older headlines (live and archives read as one, in a thread), or take them away."""
        self.older = not self.older
        self.refresh_data()  # the live older ones at once; the archive's when read

    def _load_history(self) -> None:
        """Read live and archives as one in a thread (once at a time), then redraw if still wanted."""
        if self._history_state == "loading":
            return
        self._history_state = "loading"
        self.run_worker(self._read_history(self.session.generation), group="headline-history", exit_on_error=False)

    async def _read_history(self, generation: int) -> None:
        try:
            self._history = await in_thread(self, self.session.history_blocking, name="history")
        except WorkspaceError as error:  # a damaged archive file: said on the line, not retried until a change
            self._history_state = f"The archive could not be read: {error}"
        else:
            self._history_state = "read"
        self._history_generation = generation
        if self.is_mounted and self.older:
            self.refresh_data()

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

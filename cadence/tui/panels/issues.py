"""The Issues panel: the short-term and long-term lists, the top 3, and IDS (solve) from the keyboard.

EOS keeps two lists: short-term issues for this week's meeting and long-term
ones for the next quarterly session. In a short terminal the panel shows one
list at a time (``l`` switches) with both counts in view; from 32 rows up both
lists are stacked and ``l`` moves between them. The team's top 3 come first.
Ranking uses ``!`` ``@`` ``#`` (Shift+1/2/3) because the plain number keys
switch sections everywhere in the app; ``0`` takes the rank away.
Solving opens its own dialog (``screens/solve.py``) that records the decision
and the to-dos in one write. Every change is a named action in
``cadence.store.actions`` run off the event loop, the same one its
``cadence issue ...`` command runs.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date, timedelta
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.events import DescendantFocus, Resize
from textual.widgets import DataTable, Static

from cadence.domain.ids import id_number
from cadence.domain.models import Issue, IssueTerm, Todo
from cadence.domain.text import clip
from cadence.store import Transaction, actions
from cadence.tui.panels.base import SectionPanel, panel_css
from cadence.tui.screens.solve import Solution, SolveScreen
from cadence.tui.status_styles import muted, themed
from cadence.tui.widgets.forms import FormField, one_of
from cadence.tui.widgets.literal import literal, literal_block
from cadence.tui.widgets.record_table import RecordTable, Row

WIDE = 100
TALL_ROWS = 32  # from here (the terminal's height) both lists are stacked
RANK_STYLE = "bold $issue-rank"  # through themed(), when drawn
TERM_WORD = {IssueTerm.SHORT: "short-term", IssueTerm.LONG: "long-term"}

HELP = (
    "Open issues of the picked team. Short-term issues are for this week's meeting, long-term ones for the "
    "next quarterly session; l switches lists. Pick the top 3 with ! @ # (Shift+1/2/3), 0 clears. "
    "Solve (s) records the decision and its to-dos in one go."
)


async def rank_issue(panel: SectionPanel, issue: Issue, rank: int) -> None:
    """Make ``issue`` #``rank`` of the top 3 (0: out of it); the Issues list and IDS share this."""
    if not rank and not issue.rank:
        panel.notify(f"{issue.id} is not in the top 3.", timeout=2)
        return
    done = f"{issue.id} is now #{rank} of the top 3" if rank else f"{issue.id} is out of the top 3"
    await panel.write(lambda tx: actions.set_issue_rank(tx, issue.id, rank or None), done=done)


def person_label(name: str, narrow: bool) -> str:
    """Full names when there is room; first names in 80 columns (the detail line has the full one)."""
    if not name:
        return ""
    return name.split()[0] if narrow else name


def age_days(issue: Issue, today: date) -> int:
    return max(0, (today - issue.created).days)


def lists_line(term: IssueTerm, short_count: int, long_count: int, ranked: int) -> Text:
    """Which list is showing (marker, word and colour), both counts, and how many of the top 3 are picked."""
    text = Text()
    for each, count in ((IssueTerm.SHORT, short_count), (IssueTerm.LONG, long_count)):
        label = f"{TERM_WORD[each].capitalize()} ({count})"
        if each is term:
            text.append(f"▶ {label}", style="bold reverse")
        else:
            text.append(f"  {label}", style=muted())
        text.append("  ")
    text.append("l: switch  ", style=muted())
    text.append(f"top 3: {ranked}/3 ", style=themed(RANK_STYLE) if ranked else muted())
    text.append("(⇧1-3 rank, 0 unrank)", style=muted())
    return text


def list_heading(term: IssueTerm, count: int, ranked: int, active: bool) -> Text:
    """The heading over one list when both are on screen (32 rows and more)."""
    meeting = "this week's meeting" if term is IssueTerm.SHORT else "the next quarterly session"
    label = f"{TERM_WORD[term].capitalize()} ({count}) · for {meeting}"
    if not active:
        return Text.assemble((f"  {label}", muted()), ("   l: work on this list", muted()))
    return Text.assemble(
        (f"▶ {label}", "bold reverse"),
        "  ",
        (f"top 3: {ranked}/3 ", themed(RANK_STYLE) if ranked else muted()),
        ("(⇧1-3 rank, 0 unrank)", muted()),
    )


class IssuesPanel(SectionPanel):
    DEFAULT_CSS = panel_css(__file__)
    HELP = HELP

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add", tooltip="Add an issue"),
        Binding("s", "solve", "Solve", tooltip="Solve: record the decision and its to-dos"),
        Binding(
            "exclamation_mark",
            "rank(1)",
            "Top 3",
            key_display="⇧1-3",
            tooltip="Top 3: ! @ # (Shift+1/2/3) make it #1 #2 #3",
        ),
        Binding("at", "rank(2)", "Make #2", show=False, tooltip="Make it #2 of the top 3 (Shift+2)"),
        Binding("number_sign", "rank(3)", "Make #3", show=False, tooltip="Make it #3 of the top 3 (Shift+3)"),
        Binding("0", "rank(0)", "Unrank", show=False, tooltip="Take it out of the top 3"),
        Binding("l", "show_term('long')", "Long", tooltip="Show the long-term list"),
        Binding("l", "show_term('short')", "Short", tooltip="Show the short-term list"),
        Binding("m", "move", "Move", tooltip="Move it between the short-term and long-term lists"),
        Binding("x", "drop", "Drop", tooltip="Drop it: no longer an issue (asks first)"),
        Binding("e", "edit", "Edit", tooltip="Edit title, description and root cause"),
        Binding("d", "delete", "Delete", show=False, tooltip="Delete the issue (asks first)"),
    ]
    CLI_EQUIVALENTS: ClassVar[dict[str, str]] = {
        "add": "issue add",
        "solve": "issue solve",
        "rank": "issue rank",  # 0: issue unrank
        "move": "issue move",
        "drop": "issue drop",
        "edit": "issue edit",
        "delete": "issue delete",
    }
    NAVIGATION = frozenset({"show_term"})

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.term = IssueTerm.SHORT
        self._listed: dict[str, Issue] = {}  # the worked list's rows by id: what a cursor move looks up

    def compose(self) -> ComposeResult:
        yield Static(id="issue-lists")
        for term in IssueTerm:
            yield Static(id=f"{term.value}-heading", classes="list-heading")
            yield RecordTable(["Top", "Id", "Issue", "Owner", "Age", "Source"], id=f"{term.value}-table")
        yield Static(id="issue-detail")

    def on_resize(self, event: Resize) -> None:  # SectionPanel.on_resize (rebuild if the width changed) runs too
        self.set_class(self.screen.size.height >= TALL_ROWS, "-tall")

    def layout_key(self) -> Hashable:
        return self.size.width or self.app.size.width  # the columns are fitted to it

    def table(self, term: IssueTerm | None = None) -> RecordTable:
        """The table of ``term``'s list (by default the one being worked on)."""
        return self.query_one(f"#{(term or self.term).value}-table", RecordTable)

    def focus_first(self) -> None:
        self.table().focus()

    # Data -----------------------------------------------------------------------------

    def team_issues(self) -> list[Issue]:
        return [
            issue
            for issue in self.session.snapshot.open_issues()
            if self.session.belongs(issue.team_id, issue.owner_id)
        ]

    def list_issues(self, term: IssueTerm | None = None) -> list[Issue]:
        """One list, its top 3 first, then oldest first."""
        shown = [issue for issue in self.team_issues() if issue.term is (term or self.term)]
        return sorted(shown, key=lambda issue: (issue.rank or 9, issue.created, id_number(issue.id)))

    def refresh_data(self) -> None:
        self.set_class(self.screen.size.height >= TALL_ROWS, "-tall")
        snapshot = self.session.snapshot
        today = self.session.today()
        lists = {term: self.list_issues(term) for term in IssueTerm}
        self._listed = {issue.id: issue for issue in lists[self.term]}
        counts = {term: len(issues) for term, issues in lists.items()}
        ranked = {term: sum(1 for issue in issues if issue.rank) for term, issues in lists.items()}
        self.query_one("#issue-lists", Static).update(
            lists_line(self.term, counts[IssueTerm.SHORT], counts[IssueTerm.LONG], ranked[self.term])
        )
        width = self.size.width or self.app.size.width
        narrow = width < WIDE
        owner_width, source_width = (10, 12) if narrow else (18, 20)
        title_width = max(16, width - (3 + 6 + owner_width + 4 + source_width) - 6 * 2 - 2)
        widths = [3, 6, title_width, owner_width, 4, source_width]
        for term, issues in lists.items():
            self.query_one(f"#{term.value}-heading", Static).update(
                list_heading(term, counts[term], ranked[term], term is self.term)
            )
            table = self.table(term)
            table.set_class(term is not self.term, "-inactive")
            table.show_cursor = term is self.term
            rows = []
            for issue in issues:
                owner = person_label(snapshot.person_name(issue.owner_id), narrow)
                cells = [
                    Text(f"#{issue.rank}", style=themed(RANK_STYLE)) if issue.rank else Text(""),
                    Text(issue.id),
                    literal(issue.title, title_width, "bold" if issue.rank else ""),
                    literal(owner, owner_width) if owner else Text("—", style=muted()),
                    Text(f"{age_days(issue, today)}d"),
                    literal(issue.source, source_width, muted()),
                ]
                rows.append(Row(issue.id, cells))
            table.fix_widths(widths)
            table.show(rows)
        self.refresh_bindings()
        self.show_detail(self.table().selected_key)

    def show_detail(self, key: str | None) -> None:
        detail = self.query_one("#issue-detail", Static)
        issue = self._listed.get(key) if key is not None else None  # a cursor move filters and sorts nothing
        if issue is None:
            word = TERM_WORD[self.term]
            detail.update(Text(f"No open {word} issues for this team. a: add one, l: the other list.", style=muted()))
            return
        snapshot = self.session.snapshot
        days = age_days(issue, self.session.today())
        facts = [
            issue.id,
            snapshot.person_name(issue.owner_id) or "no owner",
            f"raised {issue.created:%a %d %b %Y} ({days} day{'s' if days != 1 else ''} ago)",
        ]
        if issue.source:
            facts.append(f"from {clip(issue.source, 40)}")
        text = Text(" · ".join(facts[:1]) + " · ", style="bold")
        text.append(literal(" · ".join(facts[1:]), 300))
        text.append("\n")
        text.append(literal(issue.title, 400, "bold"))
        if issue.description.strip():
            text.append("\n")
            text.append(literal_block(issue.description))
        if issue.root_cause.strip():
            text.append("\nRoot cause: ", style="italic")
            text.append(literal_block(issue.root_cause))
        detail.update(text)

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table is self.table():
            self.show_detail(event.row_key.value if event.row_key else None)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """Clicking (or tabbing into) the other list makes it the one the keys work on."""
        for term in IssueTerm:
            if event.widget is self.table(term) and term is not self.term:
                self.term = term
                self.refresh_data()

    def selected(self) -> Issue | None:
        """The issue under the cursor, as the current snapshot has it (None, and a word, if none)."""
        return self.record_at_cursor(self.table(), self.session.snapshot.issue, "No issue selected.")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``l`` is one key with two meanings: only the one that switches to the other list is live."""
        if action == "show_term":
            return parameters[0] != self.term.value
        return True

    def follow(self, issue: Issue) -> None:
        """Show the list the issue is on, with the cursor on it."""
        if issue.term is not self.term:
            self.term = issue.term
            self.refresh_data()
        table = self.table()
        table.focus()
        table.select_key(issue.id)

    # Actions --------------------------------------------------------------------------

    def action_show_term(self, term: str) -> None:
        self.term = IssueTerm(term)
        self.refresh_data()
        self.table().focus()

    def action_add(self) -> None:
        today = self.session.today()
        team_id = self.session.team_id

        def change(tx: Transaction, values: dict[str, str]) -> Issue:
            return actions.add_issue(
                tx,
                values["title"],
                today,
                owner=values["owner"].strip() or None,
                long_term=values["long"].strip().casefold() == "yes",
                team=team_id,
            )

        def added(issue: Issue) -> None:
            self.follow(issue)
            self.notify(f"{issue.id} added to the {TERM_WORD[issue.term]} list", timeout=2)

        self.open_form(
            "New issue",
            [
                FormField("title", "Issue", required=True, placeholder="Quotes take three days to go out"),
                FormField("owner", "Whose (optional)", check=self.check_person, suggestions=self.people_names()),
                FormField(
                    "long",
                    "Long-term? (yes: for the quarterly session)",
                    value="yes" if self.term is IssueTerm.LONG else "no",
                    required=True,
                    check=one_of(["yes", "no"]),
                    suggestions=["yes", "no"],
                ),
            ],
            change,
            then=added,
        )

    def action_edit(self) -> None:
        issue = self.selected()
        if issue is None:
            return

        def change(tx: Transaction, values: dict[str, str]) -> Issue:
            return actions.edit_issue(
                tx,
                issue.id,
                title=values["title"],
                description=values["description"],
                root_cause=values["root_cause"],
            )

        self.open_form(
            f"Edit {issue.id}",
            [
                FormField("title", "Issue", value=issue.title, required=True),
                FormField("description", "Description", value=issue.description),
                FormField("root_cause", "Root cause", value=issue.root_cause),
            ],
            change,
            then=lambda saved: self.notify(f"{saved.id} saved", timeout=2),
            guard=issue,
        )

    def action_solve(self) -> None:
        issue = self.selected()
        if issue is None:
            return
        today = self.session.today()
        due = today + timedelta(days=actions.TODO_DAYS)

        def submit(solution: Solution) -> Any:
            return self.session_write(
                lambda tx: actions.solve_issue(
                    tx, issue.id, solution.decision, today, solution.todos, root_cause=solution.root_cause
                )
            )

        def closed(result: tuple[Issue, list[Todo]] | None) -> None:
            if result is None:
                return
            solved, todos = result
            made = f"; to-dos {', '.join(todo.id for todo in todos)}" if todos else ""
            self.notify(f"{solved.id} solved{made}", timeout=3)

        self.app.push_screen(
            SolveScreen(issue, due, submit, check_person=self.check_person, people=self.people_names()), closed
        )

    async def action_rank(self, rank: int) -> None:
        issue = self.selected()
        if issue is not None:
            await rank_issue(self, issue, rank)

    async def action_move(self) -> None:
        issue = self.selected()
        if issue is None:
            return
        moved = await self.write(lambda tx: actions.move_issue(tx, issue.id))
        if moved is not None:
            self.notify(f"{moved.id} moved to the {TERM_WORD[moved.term]} list", timeout=2)

    def action_drop(self) -> None:
        issue = self.selected()
        if issue is None:
            return
        today = self.session.today()
        self.confirm(
            f"Drop {issue.id} {issue.title}? It is no longer an issue (kept on record as dropped).",
            lambda: self.write_soon(lambda tx: actions.drop_issue(tx, issue.id, today), done=f"{issue.id} dropped"),
        )

    def action_delete(self) -> None:
        issue = self.selected()
        if issue is None:
            return
        self.confirm(
            f"Delete {issue.id} {issue.title}? This removes it for good (x drops it instead).",
            lambda: self.write_soon(lambda tx: actions.delete_issue(tx, issue.id), done=f"{issue.id} deleted"),
        )

"""A quarterly conversation, opened from People with ``q`` on the highlighted person.

The 1:1 a manager and a person have once a quarter, written down as it is
held: what's working, what's not, core values, Gets it / Wants it / Capacity,
rocks. Above the parts, the person's rocks of the quarter as read-only
context (their status too), so nobody has to switch sections mid-talk.

Each part is an ``AutosaveText``: what is typed reaches the workspace when
typing pauses, when the part loses focus (Tab) and when the screen closes,
through ``store/actions/analyzer.set_conversation`` (``cadence conversation
set`` runs the same). Ctrl+S saves every part at once. Another session's
saved text shows up unless this one has unsaved typing in that part.

F2 and F3 show the person's conversation of the quarter before and after
(the title names the quarter). Not ``[`` and ``]`` as the analyzer and Rocks
have them: here a text part always holds the focus and brackets are text, as
``?`` is (F1 is help). What is typed is saved to the quarter it was typed in
before the screen moves; if that save fails, it stays put and says so.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from cadence.domain.models import Conversation, Person
from cadence.domain.periods import parse_quarter
from cadence.store.actions import analyzer
from cadence.tui.panels.base import SectionPanel, SessionUser
from cadence.tui.status_styles import muted
from cadence.tui.widgets.autosave_text import AutosaveText
from cadence.tui.widgets.literal import literal

ROCK_LINES = 3  # rocks shown above the parts; more are counted, not listed

HELP = (
    "A quarterly conversation: what's working, what's not, core values, Gets it / Wants it / Capacity, rocks. "
    "Each part saves itself as you type (and on Tab or Esc); Ctrl+S saves all now. The person's rocks of the "
    "quarter are shown above for reference. F2 and F3: the conversation of the quarter before and after (what is "
    "typed is saved first). Anyone who can read the workspace can read it. Esc: back to People."
)


class ConversationPanel(SectionPanel):
    """The person's rocks and the conversation's parts, each saving itself through the store action."""

    BINDINGS: ClassVar = [Binding("ctrl+s", "save", "Save", tooltip="Save every part now")]
    CLI_EQUIVALENTS: ClassVar = {"save": "conversation set"}

    def __init__(self, person: Person, quarter: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.person = person
        self.quarter = quarter

    def stored(self) -> Conversation | None:
        return analyzer.conversation_of(self.session.snapshot, self.person.id, self.quarter)

    def compose(self) -> ComposeResult:
        yield Static(id="conversation-context")
        record = self.stored()
        with VerticalScroll(id="conversation-parts"):
            for field, title in analyzer.CONVERSATION_PARTS:
                yield Label(title, classes="conversation-label")
                yield AutosaveText(
                    getattr(record, field) if record else "",
                    self.saver(field),
                    placeholder=f"{title}…",
                    id=f"conversation-{field}",
                )

    def saver(self, field: str):  # type: ignore[no-untyped-def]
        person_id, quarter = self.person.id, self.quarter

        async def save(text: str) -> object:
            return await self.write(
                lambda tx: analyzer.set_conversation(tx, person_id, self.session.today(), quarter, **{field: text})
            )

        return save

    def parts(self) -> list[AutosaveText]:
        return list(self.query(AutosaveText))

    def focus_first(self) -> None:
        first = self.query_one(f"#conversation-{analyzer.CONVERSATION_PARTS[0][0]}", AutosaveText)
        first.focus()
        first.move_cursor(first.document.end)

    def refresh_data(self) -> None:
        snapshot = self.session.snapshot
        rocks = [rock for rock in snapshot.rocks if rock.owner_id == self.person.id and rock.quarter == self.quarter]
        room = max(20, (self.size.width or self.app.size.width) - 2)
        lines: list[Text] = []
        if not rocks:
            lines.append(Text(f"No rocks for {self.quarter}.", style=muted()))
        for rock in rocks[:ROCK_LINES]:
            line = Text(f"{rock.id} ", style=muted())
            line.append_text(literal(rock.title, 200))
            line.append(f" [{rock.status.value}]", style=muted())
            lines.append(line)
        if len(rocks) > ROCK_LINES:
            lines.append(Text(f"and {len(rocks) - ROCK_LINES} more (Rocks, 2)", style=muted()))
        for line in lines:
            line.truncate(room, overflow="ellipsis")
        heading = Text(f"Their rocks of {self.quarter} (for reference)", style="bold")
        self.query_one("#conversation-context", Static).update(Text("\n").join([heading, *lines]))
        record = self.stored()
        for field, _title in analyzer.CONVERSATION_PARTS:
            self.query_one(f"#conversation-{field}", AutosaveText).show_saved(getattr(record, field) if record else "")

    async def flush_all(self) -> bool:
        """Save every part's typing now; False if some of it could not be written (the part says why)."""
        for part in self.parts():
            await part.flush()
        return not any(part.dirty for part in self.parts())

    async def action_save(self) -> None:
        await self.flush_all()
        self.notify("Conversation saved", timeout=2)


class ConversationScreen(Screen[None], SessionUser):
    """A frame over one person's conversation for one quarter; Esc saves what is typed and goes back."""

    CSS_PATH = "conversation.tcss"
    SECTION = "conversation"
    HELP = HELP

    BINDINGS: ClassVar = [
        Binding("escape", "close", "Back", tooltip="Back to People (what is typed is saved)"),
        Binding("f1", "app.help", "Help", tooltip="Show every key on this screen (? types into the text)"),
        Binding("f2", "show_quarter(-1)", "Quarter before", tooltip="The conversation of the quarter before"),
        Binding("f3", "show_quarter(1)", "after", tooltip="The conversation of the quarter after"),
    ]

    def __init__(self, person: Person, quarter: str) -> None:
        super().__init__()
        self.person = person
        self.quarter = quarter

    def compose(self) -> ComposeResult:
        yield Static(id="conversation-title")
        yield ConversationPanel(self.person, self.quarter, id="conversation-panel")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.show_title()
        panel = self.query_one(ConversationPanel)
        panel.show_current()
        panel.focus_first()

    def show_title(self) -> None:
        title = Text.assemble(("Quarterly conversation", "bold"), " · ")
        title.append_text(literal(self.person.name, 30, "bold"))
        title.append(f" · {self.quarter}")
        self.query_one("#conversation-title", Static).update(title)

    def on_screen_resume(self) -> None:
        self.query_one(ConversationPanel).show_current()

    async def action_show_quarter(self, step: int) -> None:
        """Save what is typed, then show the same person's conversation of the quarter before or after."""
        if not await self.query_one(ConversationPanel).flush_all():
            self.notify("Not everything typed is saved yet: staying on this quarter.", severity="error")
            return
        here = parse_quarter(self.quarter, self.session.snapshot.meta.fiscal_start_month)
        self.quarter = (here.next() if step > 0 else here.previous()).label
        await self.query_one(ConversationPanel).remove()
        panel = ConversationPanel(self.person, self.quarter, id="conversation-panel")
        await self.mount(panel, before=self.query_one(Footer))
        self.show_title()
        panel.show_current()
        panel.focus_first()

    async def action_close(self) -> None:
        await self.query_one(ConversationPanel).flush_all()
        self.dismiss(None)

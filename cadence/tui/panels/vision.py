"""The Vision panel: the workspace's V/TO, read in labelled boxes and edited one part at a time.

The V/TO is the page a leadership team reads aloud at the quarterly session,
so it is laid out to be read: who we are (core values, core focus, marketing
strategy) beside where we are going (10-year target, 3-year picture, 1-year
plan) when there is room, one scrolling column at 80x24. Each part is edited
on its own in a multi-line modal, so a slip in one never touches another.

Which V/TO is the workspace's, and how an edited part is stored (list parts
one item per line), are the store's rules (``View.vision()``,
``actions.set_vision_part``), the same ``cadence vision set`` follows. The
write runs off the event loop; another session's change to the same part
while the editor is open is asked about, not overwritten. ``x`` exports the
whole V/TO as one Markdown page (``actions.exports.vision_page``, the page
``cadence vision export`` prints): a file in a terminal, a download in a browser.

Below the six parts, the traction side of the page: this quarter's company
rocks and the open long-term issues, read-only here and read from their
records on every redraw (linked, not copied: a rock edited in Rocks shows
here at once). One line each, cut to the width, never wrapped. ``p`` opens
the Core processes screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical, VerticalScroll
from textual.widgets import Static

from cadence.domain.models import Issue, Rock, Vision
from cadence.domain.text import visible
from cadence.store import Transaction, actions
from cadence.store.actions.exports import company_rocks, long_term_issues, vision_page
from cadence.tui.exports import export_document
from cadence.tui.panels.base import SectionPanel, panel_css
from cadence.tui.panels.rock_rows import status_text
from cadence.tui.status_styles import muted
from cadence.tui.widgets.dialogs import ChoiceScreen
from cadence.tui.widgets.edit_conflict import guarded_submit
from cadence.tui.widgets.literal import literal_block, plain
from cadence.tui.widgets.textarea_form import TextAreaField, TextAreaFormScreen

UNCHANGED = "unchanged"
WIDE_COLUMNS = 110  # from here the V/TO reads in two columns

HELP = (
    "The V/TO for the whole workspace. Tab or ↑↓ moves between its parts; e (or Enter) edits the "
    "highlighted part in a multi-line editor (lists: one item per line). Ctrl+S saves, Esc cancels. "
    "x exports the whole V/TO as one Markdown page (a file; in a browser, a download), with this quarter's "
    "company rocks and the long-term issues, shown read-only at the end (edit them in Rocks and Issues). "
    "p opens the Core processes."
)


@dataclass(frozen=True)
class Part:
    """One editable part of the V/TO: a field of the ``Vision`` record, as the page labels it."""

    name: str
    label: str
    numbered: bool = False

    @property
    def is_list(self) -> bool:
        return self.name in actions.VISION_LIST_PARTS


@dataclass(frozen=True)
class Box:
    """A bordered box on the page, holding one part or several (core focus, marketing strategy)."""

    key: str
    title: str
    parts: tuple[Part, ...]


LEFT: tuple[Box, ...] = (
    Box("values", "Core values", (Part("core_values", "Core values"),)),
    Box(
        "focus",
        "Core focus",
        (Part("core_focus_purpose", "Purpose / cause / passion"), Part("core_focus_niche", "Niche")),
    ),
    Box(
        "marketing",
        "Marketing strategy",
        (
            Part("target_market", "Target market"),
            Part("three_uniques", "Three uniques", numbered=True),
            Part("proven_process", "Proven process"),
            Part("guarantee", "Guarantee"),
        ),
    ),
)
RIGHT: tuple[Box, ...] = (
    Box("target", "10-year target", (Part("ten_year_target", "10-year target"),)),
    Box("picture", "3-year picture", (Part("three_year_picture", "3-year picture"),)),
    Box("plan", "1-year plan", (Part("one_year_plan", "1-year plan"),)),
)
BOXES = LEFT + RIGHT
PARTS: dict[str, Part] = {part.name: part for box in BOXES for part in box.parts}


def box_of(part: Part) -> Box:
    return next(box for box in BOXES if part in box.parts)


def full_label(part: Part) -> str:
    """``Core focus: Niche``; a part alone in its box is named by the box."""
    box = box_of(part)
    return part.label if len(box.parts) == 1 else f"{box.title}: {part.label}"


def as_editable(part: Part, vision: Vision | None) -> str:
    """The part's text as the editor shows it: list parts one item per line, control characters made visible."""
    if vision is None:
        return ""
    value = getattr(vision, part.name)
    text = "\n".join(value) if part.is_list else value
    return "\n".join(visible(line) for line in text.split("\n"))


def append_owner(line: Text, owner_id: str, names: dict[str, str]) -> None:
    """`` · Name`` at the end of a rock's or an issue's line (spaces outside the styled dot, as below)."""
    line.append(" ")
    line.append("·", style=muted())
    line.append(" " + plain(names.get(owner_id, owner_id), 24))


def rock_lines(rocks: Sequence[Rock], names: dict[str, str]) -> Text:
    """One line a rock: status, id, title, owner; cut with an ellipsis, never wrapped."""
    if not rocks:
        return Text("No company rocks this quarter (Rocks: a with company).", style=muted("italic"))
    lines = []
    for rock in rocks:
        line = Text(no_wrap=True, overflow="ellipsis")
        # Spaces stay outside the styled spans: Textual's no-wrap drawing moves a span's edge spaces.
        word = status_text(rock.status)
        line.append(word.plain, style=word.style)
        line.append(" ")
        line.append(rock.id, style=muted())
        line.append(" " + plain(rock.title, 70))
        append_owner(line, rock.owner_id, names)
        lines.append(line)
    return Text("\n", no_wrap=True, overflow="ellipsis").join(lines)


def issue_lines(issues: Sequence[Issue], names: dict[str, str]) -> Text:
    """One line an open long-term issue: id, title, owner when there is one."""
    if not issues:
        return Text("No open long-term issues.", style=muted("italic"))
    lines = []
    for issue in issues:
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(issue.id, style=muted())
        line.append(" " + plain(issue.title, 80))
        if issue.owner_id:
            append_owner(line, issue.owner_id, names)
        lines.append(line)
    return Text("\n", no_wrap=True, overflow="ellipsis").join(lines)


def render_part(part: Part, vision: Vision | None) -> Text:
    value: str | list[str] = getattr(vision, part.name) if vision is not None else ([] if part.is_list else "")
    if not value:
        return Text("(empty: press e to write it)", style=muted("italic"))
    if isinstance(value, list):
        lines = [(f"{number}. " if part.numbered else "• ") + item for number, item in enumerate(value, start=1)]
        return literal_block("\n".join(lines))
    return literal_block(value)


class VisionPart(Static, can_focus=True):
    """One part of the V/TO; focus it (Tab, ↑↓) and press e or Enter (the panel's keys) to edit it."""

    BINDINGS = [
        Binding("down,j", "app.focus_next", "Next part", key_display="↓", tooltip="Move to the next part (↓ or j)"),
        Binding(
            "up,k", "app.focus_previous", "Previous", key_display="↑", tooltip="Move to the previous part (↑ or k)"
        ),
    ]

    def __init__(self, part: Part, show_label: bool) -> None:
        super().__init__(id=f"part-{part.name}", markup=False)
        self.part = part
        self.show_label = show_label

    def show(self, vision: Vision | None) -> None:
        body = render_part(self.part, vision)
        if self.show_label:
            body = Text.assemble((self.part.label, "bold"), "\n", body)
        self.update(body)


class TractionBox(Static, can_focus=True):
    """The company rocks or the long-term issues: read-only, but reached with Tab/↑↓ like a part, so the
    page scrolls to it at 80x24. ``e`` here says where these are edited."""

    BINDINGS = VisionPart.BINDINGS

    def __init__(self, key: str, where: str) -> None:
        super().__init__(id=f"traction-{key}", markup=False)
        self.where = where


class VisionPanel(SectionPanel):
    DEFAULT_CSS = panel_css(__file__)
    HELP = HELP

    BINDINGS = [
        Binding("e", "edit", "Edit", tooltip="Edit the highlighted part (or choose one)"),
        Binding("E", "choose", "Pick part", tooltip="Choose which part of the V/TO to edit"),
        Binding("enter", "edit", "Edit", show=False, tooltip="Edit this part"),
        Binding("x", "export", "Export", tooltip="Write the whole V/TO to a Markdown file (in a browser: download it)"),
        Binding(
            "p", "processes", "Processes", show=False, tooltip="Open the Core processes (steps, owner, followed by all)"
        ),
    ]
    CLI_EQUIVALENTS = {"edit": "vision set", "choose": "vision set", "export": "vision export"}
    # p only opens the processes screen; its own keys write, each with its ``cadence process`` command
    NAVIGATION = frozenset({"processes"})

    def compose(self) -> ComposeResult:
        yield Static(id="vision-hint")
        with VerticalScroll(id="vision-scroll"):
            with Container(id="vision-columns"):
                for column, boxes in (("left", LEFT), ("right", RIGHT)):
                    with Vertical(classes="vision-column", id=f"vision-{column}"):
                        for box in boxes:
                            with Vertical(classes="vision-panel", id=f"panel-{box.key}") as container:
                                container.border_title = box.title
                                for part in box.parts:
                                    yield VisionPart(part, show_label=len(box.parts) > 1)
                        if column == "right":
                            for key, where in (("rocks", "Rocks (2)"), ("issues", "Issues (4)")):
                                with Vertical(classes="vision-panel traction", id=f"panel-{key}"):
                                    yield TractionBox(key, where)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width >= WIDE_COLUMNS, "-wide")

    def focus_first(self) -> None:
        self.query(VisionPart).first().focus()

    # Data ---------------------------------------------------------------------------

    def refresh_data(self) -> None:
        vision = self.session.snapshot.vision()
        hint = self.query_one("#vision-hint", Static)
        if vision is None:
            hint.update(
                Text.assemble(
                    ("No V/TO yet: press e to write its first part.", "bold"), (" · p core processes", muted())
                )
            )
        else:
            hint.update(
                Text.assemble(
                    ("V/TO ", "bold"),
                    vision.id,
                    (" · Tab/↑↓ move · e edit the highlighted part · p core processes", muted()),
                )
            )
        for widget in self.query(VisionPart):
            widget.show(vision)
        self.show_traction()

    def show_traction(self) -> None:
        """This quarter's company rocks and the open long-term issues, as their records are now."""
        snapshot = self.session.snapshot
        names = {person.id: person.name for person in snapshot.people}
        quarter = self.session.quarter().label
        self.query_one("#panel-rocks").border_title = f"Rocks for {quarter} (company)"
        self.query_one("#panel-issues").border_title = "Long-term issues"
        self.query_one("#traction-rocks", Static).update(
            rock_lines(company_rocks(snapshot, self.session.today()), names)
        )
        self.query_one("#traction-issues", Static).update(issue_lines(long_term_issues(snapshot), names))

    def focused_part(self) -> Part | None:
        focused = self.screen.focused
        return focused.part if isinstance(focused, VisionPart) else None

    # Actions --------------------------------------------------------------------------

    def action_edit(self) -> None:
        focused = self.screen.focused
        if isinstance(focused, TractionBox):
            self.notify(f"This part of the V/TO is read from its records: change them in {focused.where}.")
            return
        part = self.focused_part()
        if part is None:
            self.action_choose()
        else:
            self.edit_part(part)

    def action_export(self) -> None:
        session = self.session

        def render(_name: str) -> str:
            return vision_page(session.snapshot, session.today())

        export_document(
            self,
            what="the V/TO",
            default_name=f"vision-{session.today():%Y-%m-%d}.md",
            render=render,
            label="Markdown file",
        )

    def action_processes(self) -> None:
        from cadence.tui.screens.processes import ProcessesScreen  # a screen of its own: loaded when first opened

        self.app.push_screen(ProcessesScreen())

    def action_choose(self) -> None:
        options = [(part.name, full_label(part)) for part in PARTS.values()]

        def picked(name: str | None) -> None:
            if name:
                self.query_one(f"#part-{name}", VisionPart).focus()
                self.edit_part(PARTS[name])

        current = self.focused_part()
        self.app.push_screen(
            ChoiceScreen("Edit which part of the V/TO?", options, current.name if current else None), picked
        )

    def edit_part(self, part: Part) -> None:
        opened = self.session.snapshot.vision()
        shown = as_editable(part, opened)

        def change(tx: Transaction, values: dict[str, str]) -> Vision:
            return actions.set_vision_part(tx, part.name, values[part.name])

        def write(values: dict[str, str]) -> Any:
            return self.session_write(lambda tx: change(tx, values))

        # Another session's change to this part while the form is open is asked about, not overwritten.
        save = write if opened is None else guarded_submit(self.session_write, opened, change, lambda: form)

        def submit(values: dict[str, str]) -> Any:
            if values[part.name] == shown:
                return UNCHANGED
            return save(values)

        def closed(result: Any) -> None:
            if result == UNCHANGED:
                self.notify("Nothing changed.", timeout=2)
            elif result is not None:
                self.refresh_data()
                self.notify(f"{full_label(part)} saved", timeout=2)

        fields: Sequence[TextAreaField] = [
            TextAreaField(part.name, full_label(part), shown, hint="one per line" if part.is_list else "")
        ]
        form = TextAreaFormScreen(f"Edit {full_label(part)}", fields, submit)
        self.app.push_screen(form, closed)

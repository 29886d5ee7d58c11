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

from cadence.domain.models import Vision
from cadence.domain.text import visible
from cadence.store import Transaction, actions
from cadence.store.actions.exports import vision_page
from cadence.tui.exports import export_document
from cadence.tui.panels.base import SectionPanel, panel_css
from cadence.tui.status_styles import muted
from cadence.tui.widgets.dialogs import ChoiceScreen
from cadence.tui.widgets.edit_conflict import guarded_submit
from cadence.tui.widgets.literal import literal_block
from cadence.tui.widgets.textarea_form import TextAreaField, TextAreaFormScreen

UNCHANGED = "unchanged"
WIDE_COLUMNS = 110  # from here the V/TO reads in two columns

HELP = (
    "The V/TO for the whole workspace. Tab or ↑↓ moves between its parts; e (or Enter) edits the "
    "highlighted part in a multi-line editor (lists: one item per line). Ctrl+S saves, Esc cancels. "
    "x exports the whole V/TO as one Markdown page (a file; in a browser, a download)."
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


class VisionPanel(SectionPanel):
    DEFAULT_CSS = panel_css(__file__)
    HELP = HELP

    BINDINGS = [
        Binding("e", "edit", "Edit", tooltip="Edit the highlighted part (or choose one)"),
        Binding("E", "choose", "Pick part", tooltip="Choose which part of the V/TO to edit"),
        Binding("enter", "edit", "Edit", show=False, tooltip="Edit this part"),
        Binding("x", "export", "Export", tooltip="Write the whole V/TO to a Markdown file (in a browser: download it)"),
    ]
    CLI_EQUIVALENTS = {"edit": "vision set", "choose": "vision set", "export": "vision export"}

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

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width >= WIDE_COLUMNS, "-wide")

    def focus_first(self) -> None:
        self.query(VisionPart).first().focus()

    # Data ---------------------------------------------------------------------------

    def refresh_data(self) -> None:
        vision = self.session.snapshot.vision()
        hint = self.query_one("#vision-hint", Static)
        if vision is None:
            hint.update(Text("No V/TO yet: press e to write its first part.", style="bold"))
        else:
            hint.update(
                Text.assemble(("V/TO ", "bold"), vision.id, (" · Tab/↑↓ move · e edit the highlighted part", muted()))
            )
        for widget in self.query(VisionPart):
            widget.show(vision)

    def focused_part(self) -> Part | None:
        focused = self.screen.focused
        return focused.part if isinstance(focused, VisionPart) else None

    # Actions --------------------------------------------------------------------------

    def action_edit(self) -> None:
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

"""A text box whose words reach the workspace as they are typed: nothing said in a meeting is lost.

Each change (re)starts a short timer; when typing pauses for ``SAVE_AFTER``
seconds, or at the latest ``SAVE_AT_MOST`` seconds after the first unsaved
keystroke, the text is handed to ``save`` (a coroutine that writes it through
a named store action). ``flush()`` saves at once: the meeting screen calls it
on every section change, and the widget calls it when it loses focus or is
removed. A killed terminal loses at most the last two seconds of typing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.events import Blur
from textual.geometry import Region
from textual.strip import Strip
from textual.timer import Timer
from textual.widgets import TextArea

SAVE_AFTER = 0.6
SAVE_AT_MOST = 1.8

Save = Callable[[str], Awaitable[object]]


class AutosaveText(TextArea):
    """A ``TextArea`` that saves itself; ``saved_text`` is what the workspace holds."""

    DEFAULT_CSS = """
    AutosaveText { height: auto; min-height: 3; max-height: 10; }
    """

    def __init__(self, text: str, save: Save, *, placeholder: str = "", id: str | None = None) -> None:
        super().__init__(text, id=id, soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
        self.placeholder = placeholder
        self._save = save
        self.saved_text = text
        self._quiet: Timer | None = None
        self._deadline: Timer | None = None
        self._saving = False

    def render_lines(self, crop: Region) -> list[Strip]:
        """A removed box draws blank. When a meeting section changes, the old section's boxes are removed and
        Textual clears their component styles, yet a screen refresh already under way can still ask them for
        lines (its map of widgets is a frame old); TextArea's theme then raised ``KeyError:
        'text-area--gutter'`` and the app crashed mid-meeting. Nothing of the box is on screen by then."""
        if self.parent is None:
            return [Strip.blank(crop.width) for _ in range(crop.height)]
        return super().render_lines(crop)

    @property
    def dirty(self) -> bool:
        return self.text != self.saved_text

    def show_saved(self, text: str) -> None:
        """Someone else's saved text (another terminal), shown unless this one has unsaved typing."""
        if not self.dirty and text != self.text:
            self.load_text(text)
            self.saved_text = text

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if not self.dirty:
            return
        if self._quiet is not None:
            self._quiet.stop()
        self._quiet = self.set_timer(SAVE_AFTER, self._flush_later)
        if self._deadline is None:
            self._deadline = self.set_timer(SAVE_AT_MOST, self._flush_later)

    def _flush_later(self) -> None:
        self.run_worker(self.flush(), group="autosave", exclusive=False)

    async def flush(self) -> None:
        """Write the text now if it changed since the last save (one write at a time)."""
        for timer in (self._quiet, self._deadline):
            if timer is not None:
                timer.stop()
        self._quiet = self._deadline = None
        if self._saving or not self.dirty:
            return
        self._saving = True
        text = self.text
        try:
            result = await self._save(text)
        finally:
            self._saving = False
        if result is not None:
            self.saved_text = text
        if self.dirty and self._deadline is None:
            self._deadline = self.set_timer(SAVE_AFTER, self._flush_later)

    async def on_blur(self, event: Blur) -> None:
        await self.flush()

    async def on_unmount(self) -> None:
        if self.dirty:
            await self._save(self.text)

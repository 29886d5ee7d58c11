"""Keys go where they were typed, one at a time, even when they arrive in one burst.

Over a slow SSH link or a paste, a terminal hands the app a whole run of keys
in one read (``a`` then ``Hello`` then Tab then ``alex``). Textual routes
each key to whatever has focus *when the key is taken off the app's queue*,
while the effect of the previous key may still be on its way: ``a`` goes to
the list, is not handled there and bubbles back up to the app's binding that
opens the form, but by then ``Hello`` has already been sent to the list; Tab
reaches the app's "focus next" only after ``alex`` was sent to the old field;
a key that reaches a form before it has mounted goes nowhere.

``OrderedKeysApp`` routes a key only once the previous one has been handled
all the way: after sending a key to its widget it sends a marker down the
same road, and the marker comes back to the app only after the key has been
handled (or has bubbled back to the app's bindings, which then ran). A key
that arrives while the current screen is still mounting waits for it, so the
keys typed before a form has mounted belong to that form, in order. Pastes
wait in the same line.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from textual import events
from textual.app import App
from textual.dom import DOMNode, NoScreen
from textual.message import Message
from textual.screen import Screen


class KeyRouted(Message):
    """Follows a key along its way up from the widget it was sent to; back at the app, the key is done."""

    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number


class OrderedKeysApp(App[Any]):
    """An ``App`` that routes typed keys and pastes strictly one after another."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._typed: deque[events.Event] = deque()
        self._on_its_way: tuple[int, DOMNode] | None = None
        self._markers_sent = 0
        self._settled_screen: Screen[Any] | None = None

    def on_mount(self) -> None:
        self.screen_change_signal.subscribe(self, self._screen_changed)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            self._typed.append(event)
            await self._route_typed()
            return
        await super().on_event(event)

    async def _route_typed(self) -> None:
        """Route waiting keys until one is on its way or the screen is not ready for them."""
        self._forget_lost_marker()
        while self._typed and self._on_its_way is None:
            screen = self.screen
            if screen is not self._settled_screen:
                self._settle(screen)
                return
            event = self._typed.popleft()
            target = self.focused or screen
            await super().on_event(event)
            self._send_marker(target)

    def _settle(self, screen: Screen[Any]) -> None:
        """Wait until a screen that just came up has mounted and taken the focus it asked for.

        A screen reads its queue only after it has mounted, so a marker sent
        to it comes back after its ``on_mount``; a focus asked for there with
        ``widget.focus()`` is applied by a callback on the app's queue, so one
        more marker through the app's own queue comes back after it.
        """
        if screen.is_mounted:
            self._settled_screen = screen
            self._send_marker(self)
        else:
            self._send_marker(screen)

    def _send_marker(self, target: DOMNode) -> None:
        self._markers_sent += 1
        self._on_its_way = (self._markers_sent, target)
        target.post_message(KeyRouted(self._markers_sent))

    async def on_key_routed(self, message: KeyRouted) -> None:
        if self._on_its_way is not None and self._on_its_way[0] == message.number:
            self._on_its_way = None
            await self._route_typed()

    def _forget_lost_marker(self) -> None:
        """A marker whose widget was removed before reading it never comes back: never wait on it.

        Without this a widget removed while a key was on its way (a table
        rebuilt, a form closed by the key itself) would leave every later key
        waiting, and the keyboard dead.
        """
        if self._on_its_way is None:
            return
        _, target = self._on_its_way
        if target is not self and not (target.is_attached and _on_open_screen(target, self.screen_stack)):
            self._on_its_way = None

    def _screen_changed(self, screen: Screen[Any]) -> None:
        """A marker sent into a screen that has just closed may never come back: stop waiting for it."""
        if self._on_its_way is None:
            return
        _, target = self._on_its_way
        if not _on_open_screen(target, self.screen_stack):
            self._on_its_way = None
            self.call_later(self._route_typed)


def _on_open_screen(node: DOMNode, stack: list[Screen[Any]]) -> bool:
    if isinstance(node, Screen):
        return node in stack
    try:
        return node.screen in stack
    except NoScreen:
        return False

"""Command-palette providers: the current screen's keys by name, and the workspace's teams.

Ctrl+P then "solve" runs the Issues screen's Solve, so nothing needs its key
remembered. Only the screen's own keys are listed (with their tooltip, which
says what they do); sections and themes come from the app's system commands.

Team names are user text: the palette would read a plain string as markup
(a team called ``[/]`` crashed every member's app on Ctrl+P), so team hits
are built as literal ``Content`` with control characters made visible, and
highlighted by hand.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from cadence.domain.text import visible


class ScreenActions(Provider):
    """The current section's actions, named by their descriptions and tooltips."""

    def _actions(self) -> list[tuple[str, str, Callable[[], Awaitable[Any]]]]:
        """(name shown, help, run) for each enabled binding the screen or one of its section panels defines."""
        from cadence.tui.panels.base import SectionPanel  # the palette loads before any panel

        screen = self.screen
        found: list[tuple[str, str, Callable[[], Awaitable[Any]]]] = []
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            node = active.node
            if node is not screen and not isinstance(node, SectionPanel):
                continue
            if not active.enabled or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            name = binding.tooltip or binding.description
            key = self.app.get_key_display(binding)
            found.append((name, f"{binding.description} ({key})", partial(node.run_action, binding.action)))
        return found

    async def discover(self) -> Hits:
        for name, help_text, run in self._actions():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, run in self._actions():
            score = max(matcher.match(name), matcher.match(help_text))
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)


def literal_hit_text(matcher: Matcher, text: str) -> Content:
    """``text`` as it is (never markup), with the characters the query matched reversed."""
    content = Content(text)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize("reverse", offset, offset + 1)
    return content


class TeamCommands(Provider):
    """``Team: NAME`` for each team: picks whose rhythm the sections show."""

    def _teams(self) -> list[tuple[str, Any]]:
        app: Any = self.app
        session = getattr(app, "session", None)
        if session is None:
            return []
        return [(f"Team: {visible(team.name)}", partial(app.choose_team, team.id)) for team in session.snapshot.teams]

    async def discover(self) -> Hits:
        for name, pick in self._teams():
            yield DiscoveryHit(Content(name), pick, text=name, help="Show this team's rhythm")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, pick in self._teams():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, literal_hit_text(matcher, name), pick, text=name, help="Show this team's rhythm")

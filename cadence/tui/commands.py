"""Command-palette provider: every key of the screen you opened the palette from, by name.

Ctrl+P then "solve" runs the Issues screen's Solve, so nothing needs its key
remembered. Only the screen's own keys are listed (with their tooltip, which
says what they do); sections, teams and themes come from the app's system
commands.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class ScreenActions(Provider):
    """The current section's actions, named by their descriptions and tooltips."""

    def _actions(self) -> list[tuple[str, str, str]]:
        """(name shown, help, action) for each enabled binding the screen itself defines."""
        screen = self.screen
        found: list[tuple[str, str, str]] = []
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if active.node is not screen or not active.enabled or not binding.description:
                continue
            if binding.action in seen:
                continue
            seen.add(binding.action)
            name = binding.tooltip or binding.description
            key = self.app.get_key_display(binding)
            found.append((name, f"{binding.description} ({key})", binding.action))
        return found

    async def discover(self) -> Hits:
        for name, help_text, action in self._actions():
            yield DiscoveryHit(name, partial(self.screen.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, action in self._actions():
            score = max(matcher.match(name), matcher.match(help_text))
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self.screen.run_action, action), help=help_text)

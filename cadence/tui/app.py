"""The cadence app: one section per area, switched with number keys and the command palette.

The app owns the ``WorkspaceSession`` (the one door to the store), polls the
workspace file about once a second so other sessions' changes show up, loads
the themes, and remembers the user's team and theme in their own config
folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from importlib import import_module
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import ActiveBinding, Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.signal import Signal

from cadence.domain.text import visible
from cadence.locations import themes_dir, user_themes_dir
from cadence.store import WorkspaceError, clock_from_environment
from cadence.tui.background import in_thread
from cadence.tui.commands import ScreenActions, TeamCommands
from cadence.tui.config import UserSettings
from cadence.tui.panels.base import SectionPanel
from cadence.tui.resume_offer import offer_resume
from cadence.tui.screens.help import HelpScreen, describe_bindings
from cadence.tui.session import WorkspaceSession
from cadence.tui.themes import DEFAULT_THEME, STYLE_VARIABLES, load_themes
from cadence.tui.typeahead import OrderedKeysApp
from cadence.tui.widgets.dialogs import ChoiceScreen

POLL_SECONDS = 1.0


@dataclass(frozen=True)
class Section:
    name: str
    key: str
    label: str
    screen: Callable[[], Screen[None]]


def _screen_from(module: str, class_name: str) -> Callable[[], Screen[None]]:
    """A section's screen, its module imported the first time the section is shown.

    Opening on the Dashboard then costs only the Dashboard's code: the other
    sections' screens, panels and widgets load when a key or the palette asks.
    """

    def make() -> Screen[None]:
        screen_class: type[Screen[None]] = getattr(import_module(f"cadence.tui.screens.{module}"), class_name)
        return screen_class()

    return make


def _sections() -> list[Section]:
    """The sections that exist; a section's key is only bound once its screen is real."""
    return [
        Section("dashboard", "1", "Dashboard", _screen_from("dashboard", "DashboardScreen")),
        Section("rocks", "2", "Rocks", _screen_from("rocks", "RocksScreen")),
        Section("scorecard", "3", "Scorecard", _screen_from("scorecard", "ScorecardScreen")),
        Section("issues", "4", "Issues", _screen_from("issues", "IssuesScreen")),
        Section("todos", "5", "To-Dos", _screen_from("todos", "TodosScreen")),
        Section("headlines", "6", "Headlines", _screen_from("headlines", "HeadlinesScreen")),
        Section("meetings", "7", "Meetings", _screen_from("meetings", "MeetingsScreen")),
        Section("vision", "8", "Vision", _screen_from("vision", "VisionScreen")),
        Section("people", "9", "People", _screen_from("people", "PeopleScreen")),
    ]


class CadenceApp(OrderedKeysApp):
    """Open with a workspace folder; ``clock`` is injectable so tests see a fixed day.

    Without one the app uses the store's shared clock, so ``CADENCE_TODAY``
    means the same day here as in every CLI command.
    """

    TITLE = "cadence"
    CSS_PATH = "app.tcss"
    # Start in the Dashboard's mode rather than Textual's "_default" one switched away from in on_mount:
    # the first frame is the Dashboard without an empty default screen built, styled and left first.
    DEFAULT_MODE = "dashboard"
    COMMANDS = App.COMMANDS | {ScreenActions, TeamCommands}

    BINDINGS = [
        Binding("question_mark", "help", "Help", tooltip="Show every key on this screen"),
        Binding("t", "pick_team", "Team", tooltip="Pick the team whose rhythm you see"),
        Binding("ctrl+q", "quit", "Quit", show=False, tooltip="Quit cadence"),
    ]

    def __init__(
        self,
        folder: Path,
        *,
        clock: Callable[[], datetime] | None = None,
        settings: UserSettings | None = None,
        poll_seconds: float = POLL_SECONDS,
        extra_theme_dirs: Iterable[Path] = (),
    ) -> None:
        self.sections = _sections()
        super().__init__()
        self.session = WorkspaceSession(Path(folder), clock or clock_from_environment())
        self.settings = settings or UserSettings.load()
        self.poll_seconds = poll_seconds
        self.session.pick_team(self.settings.team_for(self.session.workspace.folder))
        for section in self.sections:
            self.add_mode(section.name, section.screen)
            self.bind(section.key, f"section('{section.name}')", description=section.label, show=False)
        self._theme_problems = self._register_themes([themes_dir(), user_themes_dir(), *extra_theme_dirs])
        self._poll_error: str | None = None
        self.snapshot_signal: Signal[WorkspaceSession] = Signal(self, "snapshot")

    # Start-up -------------------------------------------------------------------

    def _register_themes(self, folders: list[Path]) -> list[str]:
        loaded = load_themes(*folders)
        for theme in loaded.themes:
            self.register_theme(theme)
        return loaded.problems

    def on_mount(self) -> None:
        wanted = self.settings.theme or DEFAULT_THEME
        self.theme = wanted if wanted in self.available_themes else DEFAULT_THEME
        self.theme_changed_signal.subscribe(self, self._repaint_statuses)
        # The theme just set is published on the next turn: listen for picks to remember only after that, so
        # opening the app never writes the settings file (an fsync on every start with none stored), and a
        # stored theme whose file cannot be loaded today is kept for the day it can.
        self.call_next(self.theme_changed_signal.subscribe, self, self._remember_theme)
        for problem in self._theme_problems:
            self.notify(f"{problem}; using the default theme for it", title="Theme skipped", severity="warning")
        self.set_interval(self.poll_seconds, self.poll_workspace)
        self.call_after_refresh(offer_resume, self)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """Cadence's status and kind colours for every theme that does not set them, Textual's own included."""
        return dict(STYLE_VARIABLES)

    def _repaint_statuses(self, _theme: object) -> None:
        """Status colours are drawn from the theme: the sections on screen redraw in the new one."""
        self.publish_snapshot()

    def _remember_theme(self, theme: object) -> None:
        name = getattr(theme, "name", None)
        if isinstance(name, str) and name != self.settings.theme:
            self.settings.remember_theme(name)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification is plain text: messages quote user titles, never to be read as markup or sent raw."""
        super().notify(visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False)

    # Sections ---------------------------------------------------------------------

    def section_tabs(self) -> list[tuple[str, str, str]]:
        return [(section.name, section.key, section.label) for section in self.sections]

    def action_section(self, name: str) -> None:
        stay = getattr(self.screen, "LEAVE_FIRST", "")
        if stay:  # the meeting: a stray digit must not carry the driver out of it mid-sentence
            self.notify(stay, timeout=4)
            return
        if name in self._modes and self.current_mode != name:
            self.switch_mode(name)

    # Live refresh -------------------------------------------------------------------

    async def poll_workspace(self) -> None:
        """One stat in a worker thread; when the file changed, the new snapshot is read there too and published."""
        try:
            changed = await in_thread(self, self.session.read_blocking, name="poll")
        except WorkspaceError as error:
            if str(error) != self._poll_error:
                self._poll_error = str(error)
                self.notify(f"{error} Showing the last good copy.", title="Workspace unreadable", severity="error")
            return
        self._poll_error = None
        if changed:
            self.publish_snapshot()

    def publish_snapshot(self) -> None:
        """Tell every panel, header and section on screen that the session holds a new snapshot."""
        self.snapshot_signal.publish(self.session)

    def refresh_sections(self) -> None:
        self.publish_snapshot()

    # Team, help, palette ------------------------------------------------------------------

    def action_pick_team(self) -> None:
        teams = self.session.snapshot.teams
        if not teams:
            self.notify("No teams yet: add one in People (9).", severity="warning")
            return

        def picked(team_id: str | None) -> None:
            if team_id:
                self.choose_team(team_id)

        options = [(team.id, f"{team.name}" + (" (leadership)" if team.leadership else "")) for team in teams]
        self.push_screen(ChoiceScreen("Pick a team", options, self.session.team_id), picked)

    def choose_team(self, team_id: str) -> None:
        self.session.pick_team(team_id)
        self.settings.remember_team(self.session.workspace.folder, team_id)
        self.refresh_sections()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A screen that is capturing keys (Scorecard ENTRY) turns the app's keys off, section keys too."""
        if action in ("help", "pick_team", "section") and getattr(self.screen, "captures_keys", False):
            return False
        return True

    def action_help(self) -> None:
        screen = self.screen
        active = list(screen.active_bindings.values())
        bindings = [(self.get_key_display(item.binding), item.binding) for item in help_order(screen, self, active)]
        about = getattr(screen, "HELP", "")
        title = getattr(screen, "SECTION", "") or screen.__class__.__name__
        self.push_screen(HelpScreen(title.title(), describe_bindings(bindings), about))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        for section in self.sections:
            yield SystemCommand(
                f"Go to {section.label}", f"Section {section.key}", lambda name=section.name: self.action_section(name)
            )
        # Teams come from TeamCommands: their names are user text, which a SystemCommand would read as markup.
        yield from super().get_system_commands(screen)


def help_order(screen: Screen[object], app: App[object], active: list[ActiveBinding]) -> list[ActiveBinding]:
    """The section's own keys first (its screen's and its panels'), then the app's, then Textual's and the widgets'."""

    def own(item: ActiveBinding) -> bool:
        node = item.node
        if node is not screen and not isinstance(node, SectionPanel):
            return False
        return any(
            binding.action == item.binding.action
            for cls in type(node).__mro__
            if cls.__module__.startswith("cadence.")
            for binding in cls.__dict__.get("BINDINGS", [])
            if isinstance(binding, Binding)
        )

    def rank(item: ActiveBinding) -> int:
        if own(item):
            return 0
        return 1 if item.node is app else 2

    return sorted(active, key=rank)

"""People in the meeting (the Visionary/Integrator same-page meeting): the People panel, framed by the meeting.

Same tables and keys as the People section, except that the meeting's ``e``
(end) wins, so editing a person or team is ``E`` here.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from cadence.tui.panels.meeting_base import MeetingPanel
from cadence.tui.panels.meeting_css import styles_of
from cadence.tui.panels.people import PeoplePanel

FRAME_KEYS = {"e", "n", "p", "space", "T", "tab"}


def _rekeyed(binding: Binding) -> Binding:
    return Binding("E", binding.action, binding.description, show=binding.show, tooltip=binding.tooltip)


class MeetingPeoplePanel(MeetingPanel, PeoplePanel, inherit_bindings=False):
    DEFAULT_CSS = styles_of(PeoplePanel, "MeetingPeoplePanel")
    BINDINGS: ClassVar[list[BindingType]] = [
        _rekeyed(binding) if binding.key == "e" else binding
        for binding in PeoplePanel.BINDINGS
        if isinstance(binding, Binding) and (binding.key == "e" or binding.key not in FRAME_KEYS)
    ]

"""People in the meeting (the Visionary/Integrator same-page meeting): the People panel, framed by the meeting.

Same tables and keys as the People section, except that the meeting's ``e``
(end) wins, so editing a person or team is ``E`` here, and the footer shows
fewer of them so the meeting's own keys fit 80 columns (``?`` lists all).
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from cadence.tui.panels.meeting_base import MeetingPanel
from cadence.tui.panels.meeting_css import styles_of
from cadence.tui.panels.people import PeoplePanel

FRAME_KEYS = {"e", "n", "p", "space", "T", "tab"}


FOOTER_ROOM = {"add_person", "add_team", "edit_person", "edit_team", "role", "join", "add_member"}
"""The keys the footer shows: with the meeting's own (n, p, space) the rest would not fit 80 columns (all are in ?)."""


def _rekeyed(binding: Binding) -> Binding:
    key = "E" if binding.key == "e" else binding.key
    show = binding.show and binding.action in FOOTER_ROOM
    return Binding(key, binding.action, binding.description, show=show, tooltip=binding.tooltip)


class MeetingPeoplePanel(MeetingPanel, PeoplePanel, inherit_bindings=False):
    DEFAULT_CSS = styles_of(PeoplePanel, "MeetingPeoplePanel")
    BINDINGS: ClassVar[list[BindingType]] = [
        _rekeyed(binding)
        for binding in PeoplePanel.BINDINGS
        if isinstance(binding, Binding) and (binding.key == "e" or binding.key not in FRAME_KEYS)
    ]

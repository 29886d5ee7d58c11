"""A meeting panel built on a section's panel brings that panel's styles along.

Textual takes a widget's default CSS (and the type names its selectors match)
from its first base class only. A meeting panel's first base is
``MeetingPanel``, so the section panel it extends (``ScorecardPanel``...)
would lose its styles: the hidden ENTRY banner would show, tables would lose
their sizes. ``styles_of`` gives the section panel's CSS with its class name
read as the meeting panel's.
"""

from __future__ import annotations

import re

from cadence.tui.panels.base import SectionPanel


def styles_of(panel: type[SectionPanel], as_name: str, extra: str = "") -> str:
    """``panel``'s DEFAULT_CSS with selectors naming ``panel`` naming ``as_name`` instead; ``extra`` appended."""
    css = re.sub(rf"\b{panel.__name__}\b", as_name, panel.DEFAULT_CSS)
    return css + "\n" + extra

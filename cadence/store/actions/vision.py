"""The V/TO: reading and writing it one part at a time, whoever asks (the Vision panel, ``cadence vision``).

The workspace has one V/TO (``View.vision()``: ``V-1``, else the first that
belongs to no team); the first part saved creates it. A part is a field of
the ``Vision`` record, named as in the file (``ten_year_target``) or as
people type it (``ten-year-target``, any case). List parts (core values,
three uniques) take one item per line: blank lines and outer spaces are
dropped; text parts keep their lines and lose outer spaces only.
"""

from __future__ import annotations

from typing import get_origin

from cadence.domain.models import Vision
from cadence.store.errors import InputError
from cadence.store.transaction import Transaction

# Every part a person can edit, in the order the V/TO reads (who we are, then where we are going).
VISION_PARTS: tuple[str, ...] = (
    "core_values",
    "core_focus_purpose",
    "core_focus_niche",
    "target_market",
    "three_uniques",
    "proven_process",
    "guarantee",
    "ten_year_target",
    "three_year_picture",
    "one_year_plan",
)
VISION_LIST_PARTS: frozenset[str] = frozenset(
    name for name in VISION_PARTS if get_origin(Vision.model_fields[name].annotation) is list
)


def vision_part(text: str) -> str:
    """The part's field name from what a person typed: ``Ten-Year-Target`` -> ``ten_year_target``."""
    name = text.strip().casefold().replace("-", "_").replace(" ", "_")
    if name not in VISION_PARTS:
        shown = ", ".join(part.replace("_", "-") for part in VISION_PARTS)
        raise InputError(f"part: {text.strip()!r} is not a part of the V/TO (one of: {shown})")
    return name


def vision_value(part: str, value: str | list[str]) -> str | list[str]:
    """What ``part`` stores for ``value``: list parts one item per line (blanks dropped), text stripped."""
    name = vision_part(part)
    lines = value if isinstance(value, list) else [value]
    if name in VISION_LIST_PARTS:
        return [item.strip() for line in lines for item in line.splitlines() if item.strip()]
    return "\n".join(lines).strip()


def set_vision_part(tx: Transaction, part: str, value: str | list[str]) -> Vision:
    """Write one part of the workspace's V/TO, creating the V/TO with the first part saved."""
    name = vision_part(part)
    stored = vision_value(name, value)
    current = tx.vision()
    if current is None:
        return tx.add(Vision, **{name: stored})
    return tx.save(current, **{name: stored})

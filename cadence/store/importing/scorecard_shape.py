"""A scorecard sheet's shape in the user's words, said first by ``cadence import``.

"Ninety scorecard export (weeks headed Oct 13 - Oct 19)", "Bloom Growth
scorecard export (two header rows)", "monthly scorecard (6 month columns)":
the user checks at a glance that the file was understood before reading the
plan. Kept apart from the layout finding, which only decides what is where.
"""

from __future__ import annotations

import re

from cadence.domain.scorecard import PeriodKind
from cadence.store.importing.scorecard_layout import NOTES, TITLE, Layout, header_key

_RANGE = re.compile(r"\S\s*[-–—]\s*\S")
_ISO = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
_SLASHED = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.]\d{2,4}$")
_WEEK_LABEL = re.compile(r"^(?:\d{4}-?)?\s*(?:w|wk|week)\s*\d", re.IGNORECASE)


def date_style(layout: Layout) -> str:
    """How the week columns are headed, in words: ``US dates``, ``ISO dates``, ``week ranges``..."""
    weeks = [period for period in layout.periods.values() if period.kind is PeriodKind.WEEK]
    if not weeks:
        return ""
    first = weeks[0]
    text = first.text.strip()
    slashed = _SLASHED.match(text)
    if _ISO.match(text):
        return "ISO dates"
    if slashed:
        if layout.unclear_order:
            return "dates whose day/month order is unclear"
        return "US dates" if int(slashed.group(1)) == first.start.month else "day-first dates"
    if _WEEK_LABEL.match(text):
        return "ISO week labels"
    if _RANGE.search(text):
        return f"weeks headed {text}"
    if not re.search(r"\d{4}|'\d\d", text):
        return "dates without a year"
    return "dates"


def describe(layout: Layout) -> str:
    """The shape in the user's words: "Ninety scorecard export (weeks headed Oct 13 - Oct 19)"."""
    counts = {kind: sum(1 for p in layout.periods.values() if p.kind is kind) for kind in layout.kinds()}
    style = date_style(layout)
    extras = [f"a {layout.headers[layout.roles[NOTES]]} column"] if NOTES in layout.roles else []
    if layout.header_row > 0 and not layout.two_header_rows:
        extras.append(f"header on row {layout.header_row + 1}")
    if layout.two_header_rows:
        found = "Bloom Growth scorecard export (two header rows)"
    elif (
        TITLE in layout.roles
        and header_key(layout.headers[layout.roles[TITLE]]) == "title"
        and style.startswith("weeks headed")
        and any(header_key(text) in ("status", "average") for text in layout.headers)
    ):
        found = f"Ninety scorecard export ({style})"
    elif list(counts) == [PeriodKind.MONTH]:
        found = f"monthly scorecard ({counts[PeriodKind.MONTH]} month columns)"
    elif list(counts) == [PeriodKind.QUARTER]:
        found = f"quarterly scorecard ({counts[PeriodKind.QUARTER]} quarter columns)"
    else:
        parts = [f"{count} {kind.value} column{'s' if count != 1 else ''}" for kind, count in counts.items()]
        if style and PeriodKind.WEEK in counts:
            parts[0] += f" ({style})"
        maker = "cadence scorecard export" if _is_cadence_export(layout) else "Google Sheets-style scorecard"
        found = f"{maker}: " + (", ".join(parts) if parts else "no period columns")
    if layout.unclear_order and "unclear" not in found:
        found += " (day/month order unclear)"
    described = ", ".join([found, *extras])
    return f"sheet {layout.table.name!r}: {described}" if layout.table.name else described


def _is_cadence_export(layout: Layout) -> bool:
    """The header ``scorecard_export`` writes: Measurable, Owner, Goal, Unit, Description, periods."""
    from cadence.store.scorecard_export import HEADERS

    return [header_key(text) for text in layout.headers[: len(HEADERS)]] == [header_key(h) for h in HEADERS]

"""The Scorecard's lines of text: the summary above the grid, the cell under the cursor, the notes.

Pure functions of the grid rows, so the panel stays about keys and the
wording can be read (and tested) in one place. User text goes through
``literal`` (never markup, escapes made visible).
"""

from __future__ import annotations

from datetime import date

from rich.text import Text

from cadence.domain.models import Frequency
from cadence.domain.scorecard import (
    FREQUENCY_PERIODS,
    PERIOD_ABBREVIATIONS,
    GridCell,
    GridRow,
    Period,
    PeriodKind,
    format_average,
    format_total,
    iso_week_label,
    period_noun,
)
from cadence.domain.units import format_value
from cadence.tui.status_styles import Status, muted, status_style, themed, verdict_style
from cadence.tui.widgets.literal import literal

PERIOD_NAMES = {PeriodKind.WEEK: "weekly", PeriodKind.MONTH: "monthly roll-up", PeriodKind.QUARTER: "quarterly roll-up"}


def period_words(period: Period, full: bool = False) -> str:
    """A period as the editor and forms name it: ``16 Nov`` (``16 Nov 2026``), ``Nov 2026``, ``2026-Q3``."""
    if period.kind is PeriodKind.WEEK:
        return f"{period.start:%d %b %Y}" if full else f"{period.start:%d %b}"
    if period.kind is PeriodKind.MONTH:
        return f"{period.start:%b %Y}"
    return period.label


def summary_line(
    who: str,
    kind: PeriodKind,
    rows: list[GridRow],
    this_week: date,
    newest_left: bool,
    week_words: str = "this week",
    *,
    frequency: Frequency = Frequency.WEEKLY,
) -> Text:
    """Whose numbers, which block and periods, and how far this period's pass has got.

    ``this_week`` is the first day of the period being filled in (a week, or a month for the
    monthly block).
    """
    own = FREQUENCY_PERIODS[frequency]
    if frequency is Frequency.WEEKLY:
        name = PERIOD_NAMES[kind]
    else:
        name = frequency.value if kind is own else f"{frequency.value} · {PERIOD_NAMES[kind]}"
    text = Text.assemble(literal(who, 60, "bold"), f" · {name}")
    if not rows:
        # "weekly": with only monthly numbers on the card, "no measurables yet" above them reads as a fault
        text.append(f" · no {frequency.value} measurables yet: press a to add one", style=muted())
    elif kind is own:
        cells = [cell for row in rows for cell in row.cells if cell.period.start == this_week]
        entered = sum(1 for cell in cells if cell.value is not None)
        off = sum(1 for cell in cells if cell.on_goal is False)
        text.append(f" · {week_words} {entered}/{len(rows)} entered")
        if off:
            text.append(f", {off} off goal ✗", style=status_style(Status.BAD, strong=True))
    else:
        text.append(f" · read-only: p for {period_noun(frequency)}s", style=muted())
    if newest_left:
        text.append(" · newest left", style=muted())
    return text


def hidden_hint(blocks: list[str]) -> Text:
    """One line for blocks a view leaves out: the meeting shows monthly numbers in a month's first meeting."""
    return Text(f"{' and '.join(blocks)} numbers: see Scorecard (3)", style="bold")


def cell_detail(row: GridRow, cell: GridCell, wide: bool, owner: str = "") -> Text:
    """The cell under the cursor in full: week (ISO label), value, verdict with its goal, note.

    ``owner`` is given when the grid has no owner column (80 columns): it shows here instead.
    """
    m = row.measurable
    unit = m.unit
    if cell.period.kind is PeriodKind.WEEK:
        label = iso_week_label(cell.period.start)
        when = (
            f"week of {cell.period.start:%d %b %Y} ({label})" if wide else f"{cell.period.start:%d %b} ({label[-3:]})"
        )
    elif cell.own:
        when = period_words(cell.period)
    else:
        counted_in = PERIOD_ABBREVIATIONS[FREQUENCY_PERIODS[m.frequency]]
        when = f"{cell.period.label} ({cell.parts} {counted_in}, {m.aggregate.value})"
    parts = Text.assemble((m.id, "bold"), " ", literal(m.title, 40 if wide else 20))
    if owner:
        parts.append(" (")
        parts.append_text(literal(owner.split()[0] if owner.split() else owner, 12))
        parts.append(")")
    parts.append(f" · {when} · ")
    goal = cell.goal.describe(unit)
    if cell.value is None:
        parts.append(f"no value (goal {goal})", style=muted())
    else:
        shown = format_value(cell.value, unit) if cell.own else row.cell_text(cell).split()[0]
        parts.append(shown + " ")
        parts.append(
            f"✓ on goal ({goal})" if cell.on_goal else f"✗ off goal ({goal})",
            style=verdict_style(bool(cell.on_goal), strong=not cell.on_goal),
        )
    if cell.note:
        parts.append(" · note: ")
        parts.append_text(literal(cell.note, 200, "italic"))
    return parts


def row_detail(row: GridRow) -> Text:
    """On the roll-up columns: how the row did over the periods, with average, total and trend."""
    m = row.measurable
    text = Text.assemble((m.id, "bold"), " ", literal(m.title, 20), " ")
    text.append(row.trend, style=themed("$scorecard-trend"))
    text.append(f" · {row.reported_count}/{len(row.cells)} in, {row.on_goal_count} on goal")
    if row.average is not None:
        text.append(f" · avg {format_average(row.average, m.unit)}")
    if row.total is not None:
        text.append(f" · total {format_total(row.total, m.unit)}")
    text.append(f" · by {m.aggregate.value}", style=muted())
    return text


def notes_text(rows: list[GridRow]) -> Text:
    """Every note in the cells shown, newest first: the story behind the numbers, for the meeting."""
    found = [(cell.period, row.measurable, cell.note) for row in rows for cell in row.cells if cell.note]
    if not found:
        return Text("No notes in these periods. n on a cell adds one.", style=muted())
    found.sort(key=lambda item: item[0].start, reverse=True)
    text = Text(f"Notes ({len(found)})", style="bold")
    for period, measurable, note in found:
        when = f"{period.start:%d %b}" if period.kind is PeriodKind.WEEK else period.short
        text.append(f"\n{when:<8} ", style=muted())
        text.append_text(literal(measurable.title, 28, "bold"))
        text.append(": ")
        text.append_text(literal(note, 400))
    return text

"""Markdown tables for reading an export (in a pull request, a wiki, a chat): one table per sheet.

User text is escaped so it cannot break the table or turn into markup: ``|``
and ``\\`` get a backslash, a line break becomes ``<br>``, and ``<`` becomes
``&lt;`` (so a title like ``<script>`` shows as typed where the Markdown is
rendered to HTML, while ``>= 20`` stays readable as plain text); control
characters show as ``\\x1b``. Markdown is for people, not for importing.
"""

from __future__ import annotations

from collections.abc import Sequence

from cadence.domain.text import visible
from cadence.store.sheet_writer import Cell


def escape(cell: Cell) -> str:
    text = "" if cell is None else str(cell)
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    text = text.replace("<", "&lt;")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")
    return visible(text.strip())


def table(rows: Sequence[Sequence[Cell]]) -> str:
    """A GitHub-flavoured table; the first row is the header. ``(none)`` when there are no data rows."""
    if not rows:
        return "(none)\n"
    headers = [escape(cell) for cell in rows[0]]
    width = len(headers)
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    for row in rows[1:]:
        cells = [escape(cell) for cell in row][:width]
        cells += [""] * (width - len(cells))
        lines.append("| " + " | ".join(cells) + " |")
    if len(rows) == 1:
        lines.append("")
        lines.append("(none)")
    return "\n".join(lines) + "\n"


def document(title: str, sheets: Sequence[tuple[str, Sequence[Sequence[Cell]]]]) -> str:
    """``# title`` then ``## sheet`` and its table for each sheet."""
    parts = [f"# {escape(title)}\n"]
    for name, rows in sheets:
        parts.append(f"## {escape(name)}\n\n{table(rows)}")
    return "\n".join(parts)

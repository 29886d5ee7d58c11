"""Printing for the CLI: user text made safe for a terminal, tables, JSON.

Anything a person typed can hold escape sequences; printed raw they would
reach the terminal, so text output shows control characters as visible
escapes (``\\x1b``). JSON output is JSON-escaped already.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import click

from cadence.domain.text import clip, display_width, visible

safe = visible


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], max_width: int = 60) -> None:
    """Aligned columns; long cells cut so one record stays on one line."""
    if not rows:
        click.echo("(none)")
        return
    cells = [[clip(str(cell), max_width) for cell in row] for row in rows]
    widths = [
        max(display_width(header), *(display_width(row[index]) for row in cells))
        for index, header in enumerate(headers)
    ]

    def line(values: Sequence[str]) -> str:
        return "  ".join(value + " " * (widths[i] - display_width(value)) for i, value in enumerate(values)).rstrip()

    click.echo(line(headers))
    for row in cells:
        click.echo(line(row))


def emit_json(payload: Any) -> None:
    click.echo(json.dumps(payload, indent=2, ensure_ascii=False, sort_keys=True))


def dump(records: Sequence[Any]) -> list[dict[str, Any]]:
    return [record.model_dump(mode="json") for record in records]

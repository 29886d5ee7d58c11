"""``cadence vision ...``: read the V/TO, or write one part of it, as the Vision section does.

Parts are named as in the file, with ``-`` or ``_`` (``ten-year-target``).
List parts (``core-values``, ``three-uniques``) take one item per argument,
or per line; text parts take their text as one argument (or several, joined
line by line). ``-`` as the only value reads it from standard input, so a
long part can come from a file: ``cadence vision set one-year-plan - < plan.md``.
``export`` prints the whole V/TO as one Markdown page (or writes it to
``--out``), the same page the Vision section's ``x`` exports: the six parts,
then this quarter's company rocks and the open long-term issues, read from
their records at export time. ``--format md`` is the default and, for now,
the only format.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cadence.cli.context import CliContext, pass_context
from cadence.cli.output import emit_json, safe, write_out
from cadence.store import actions
from cadence.store.actions.exports import vision_page


def _label(part: str) -> str:
    return part.replace("_", "-")


def _lines(value: str | list[str]) -> list[str]:
    """A list part's items, or a text part's lines."""
    return value if isinstance(value, list) else value.splitlines()


@click.group()
def vision() -> None:
    """The workspace's V/TO (core values, core focus, targets, marketing strategy, picture, plan)."""


@vision.command("show")
@click.argument("part", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the part's value, or every part by name).")
@pass_context
def vision_show(context: CliContext, part: str | None, as_json: bool) -> None:
    """Print the V/TO, or one PART of it (list parts one item a line)."""
    current = context.read().vision()
    names = [actions.vision_part(part)] if part else list(actions.VISION_PARTS)
    values: dict[str, str | list[str]] = {
        name: getattr(current, name) if current is not None else ([] if name in actions.VISION_LIST_PARTS else "")
        for name in names
    }
    if as_json:
        if part:
            emit_json(values[names[0]])
        else:
            emit_json({"id": current.id if current is not None else None, **values})
        return
    if part:
        for line in _lines(values[names[0]]):
            click.echo(safe(line))
        return
    if current is None:
        click.echo("(no V/TO yet: cadence vision set PART VALUE writes its first part)")
        return
    for index, name in enumerate(names):
        click.echo(("\n" if index else "") + f"{_label(name)}:")
        for line in _lines(values[name]) or ["(empty)"]:
            click.echo(f"  {safe(line)}")


@vision.command("set")
@click.argument("part")
@click.argument("values", nargs=-1, required=True)
@pass_context
def vision_set(context: CliContext, part: str, values: tuple[str, ...]) -> None:
    """Write PART of the V/TO (it is created with its first part). ``-`` reads the value from stdin."""
    name = actions.vision_part(part)
    given = sys.stdin.read() if values == ("-",) else list(values)
    with context.write() as tx:
        saved = actions.set_vision_part(tx, name, given)
    value = getattr(saved, name)
    count = f"{len(value)} items" if isinstance(value, list) else f"{len(value.splitlines())} lines"
    click.echo(f"{saved.id} {_label(name)}: {count}")


@vision.command("export")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["md"], case_sensitive=False),
    default="md",
    show_default=True,
    help="The page's format (Markdown, the only one for now; scripts may say it).",
)
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write here (default: stdout)."
)
@pass_context
def vision_export(context: CliContext, output_format: str, out: Path | None) -> None:
    """The V/TO as one Markdown page: every part in the order the method reads them, then this
    quarter's company rocks and the open long-term issues (read from their records now)."""
    text = vision_page(context.read(), context.today)
    if out is None:
        click.echo(text, nl=False)
        return
    write_out(out, text.encode("utf-8"))
    click.echo(f"wrote {out} (the V/TO as Markdown)")

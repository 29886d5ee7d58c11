"""``cadence analyzer ...`` (the People analyzer) and ``cadence conversation ...`` (quarterly conversations).

The same actions the People section's ``p`` and ``q`` screens call. A value is
named as in the V/TO or by its 1-based number; a quarter is ``2026-Q4``
(default: this quarter). Anyone who can read the workspace can read these.
"""

from __future__ import annotations

import sys

import click

from cadence.cli.context import CliContext, pass_context
from cadence.cli.output import emit_json, safe, table
from cadence.domain.models import PeopleRating
from cadence.domain.people_analyzer import (
    bar_rule,
    grid,
    gwc_text,
    history,
    judge,
    legend,
    mark_for,
    value_header,
)
from cadence.store.actions import analyzer


@click.group()
def analyzer_group() -> None:
    """The People analyzer: each person against the core values, Gets it / Wants it / Capacity, and the bar."""


@analyzer_group.command("show")
@click.option("--quarter", default=None, help="Like 2026-Q4; default: this quarter.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def analyzer_show(context: CliContext, quarter: str | None, as_json: bool) -> None:
    """The grid for a quarter: a row per person, a column per core value, G W C, and who meets the bar."""
    view = context.read()
    label = analyzer.quarter_label(view, quarter, context.today)
    values = analyzer.core_values(view)
    bar = view.meta.analyzer_bar
    rows = grid(view.people, view.all_of(PeopleRating), label, values, bar)
    if as_json:
        emit_json(
            {
                "quarter": label,
                "values": values,
                "bar": bar.model_dump(),
                "people": [
                    {
                        "person_id": row.person.id,
                        "name": row.person.name,
                        "marks": {
                            value: mark.value if mark else None for value, mark in zip(values, row.marks, strict=True)
                        },
                        "former": {name: mark.value for name, mark in row.former.items()},
                        "gets_it": row.gwc[0],
                        "wants_it": row.gwc[1],
                        "capacity": row.gwc[2],
                        "rated": row.verdict.rated,
                        "meets_bar": row.verdict.meets,
                        "reasons": list(row.verdict.reasons),
                    }
                    for row in rows
                ],
            }
        )
        return
    click.echo(f"People analyzer {label}; {bar_rule(bar)}")
    if values:
        click.echo(safe(legend(values)))
    else:
        click.echo("(no core values yet: cadence vision set core-values ...)")
    headers = ["Person", *(value_header(index) for index in range(len(values))), "G", "W", "C", "Bar"]
    table(
        headers,
        [
            [
                safe(row.person.name),
                *(mark.value if mark else "." for mark in row.marks),
                *(gwc_text(answer) or "." for answer in row.gwc),
                row.verdict.word,
            ]
            for row in rows
        ],
        max_width=30,
    )
    for row in rows:
        if row.former:
            kept = ", ".join(f"{safe(name)} {mark.value}" for name, mark in row.former.items())
            click.echo(f"{safe(row.person.name)}: former values: {kept}")


@analyzer_group.command("history")
@click.argument("person")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def analyzer_history(context: CliContext, person: str, as_json: bool) -> None:
    """PERSON's ratings quarter by quarter, oldest first, each judged by today's values and bar."""
    view = context.read()
    who = view.find_person(person)
    values = analyzer.core_values(view)
    bar = view.meta.analyzer_bar
    kept = history(view.all_of(PeopleRating), who.id)
    verdicts = [judge(rating, values, bar) for rating in kept]
    if as_json:
        emit_json(
            [
                {**rating.model_dump(mode="json"), "meets_bar": verdict.meets, "reasons": list(verdict.reasons)}
                for rating, verdict in zip(kept, verdicts, strict=True)
            ]
        )
        return
    if not kept:
        click.echo(f"{safe(who.name)}: not rated yet (cadence analyzer rate {who.id} VALUE MARK)")
        return
    click.echo(safe(legend(values)))
    rows = []
    for rating, verdict in zip(kept, verdicts, strict=True):
        marks = [mark_for(rating, value) for value in values]
        answers = [rating.gets_it, rating.wants_it, rating.capacity]
        rows.append(
            [
                rating.quarter,
                *(mark.value if mark else "." for mark in marks),
                *(gwc_text(answer) or "." for answer in answers),
                "yes" if verdict.meets else "no",
            ]
        )
    headers = ["Quarter", *(value_header(index) for index in range(len(values))), "G", "W", "C", "Bar"]
    table(headers, rows, max_width=30)


@analyzer_group.command("rate")
@click.argument("person")
@click.argument("value")
@click.argument("mark")
@click.option("--quarter", default=None, help="Like 2026-Q4; default: this quarter.")
@pass_context
def analyzer_rate(context: CliContext, person: str, value: str, mark: str, quarter: str | None) -> None:
    """Rate PERSON against core VALUE (name or number): MARK is +, +/- (or ~) or -; clear takes it back to unrated."""
    clearing = analyzer.is_clear_word(mark)
    with context.write() as tx:
        rating: PeopleRating | None
        if clearing:
            rating = analyzer.clear_value(tx, person, value, context.today, quarter)
        else:
            rating = analyzer.rate_value(tx, person, value, mark, context.today, quarter)
        name = analyzer.find_value(tx, value)
        who = tx.find_person(person).name
        label = analyzer.quarter_label(tx, quarter, context.today)
    shown = "not rated" if clearing or rating is None else rating.marks[name].value
    prefix = f"{rating.id} " if rating is not None else ""
    click.echo(f"{prefix}{safe(who)} {label}: {safe(name)} {shown}")


@analyzer_group.command("gwc")
@click.argument("person")
@click.option("--gets", default=None, help="yes, no, or - (or clear) to clear.")
@click.option("--wants", default=None, help="yes, no, or - (or clear) to clear.")
@click.option("--capacity", default=None, help="yes, no, or - (or clear) to clear.")
@click.option("--quarter", default=None, help="Like 2026-Q4; default: this quarter.")
@pass_context
def analyzer_gwc(
    context: CliContext, person: str, gets: str | None, wants: str | None, capacity: str | None, quarter: str | None
) -> None:
    """Set Gets it, Wants it, Capacity to do it for PERSON; what is not given stays as it is."""
    given = {"gets_it": gets, "wants_it": wants, "capacity": capacity}
    answers = {field: analyzer.parse_yes_no(text, field) for field, text in given.items() if text is not None}
    if not answers:
        raise click.UsageError("nothing to change: give --gets, --wants and/or --capacity")
    with context.write() as tx:
        rating = analyzer.set_gwc(tx, person, context.today, quarter, **answers)
        who = tx.find_person(person).name
        label = analyzer.quarter_label(tx, quarter, context.today)
    shown = " ".join(
        f"{letter}={gwc_text(getattr(rating, field, None)) or '.'}"
        for field, letter in (("gets_it", "G"), ("wants_it", "W"), ("capacity", "C"))
    )
    prefix = f"{rating.id} " if rating is not None else ""
    click.echo(f"{prefix}{safe(who)} {label}: {shown}")


@analyzer_group.command("bar")
@click.option("--max-mixed", type=click.IntRange(0, 50), default=None, help="How many values may be +/-.")
@click.option("--max-minus", type=click.IntRange(0, 50), default=None, help="How many values may be -.")
@pass_context
def analyzer_bar(context: CliContext, max_mixed: int | None, max_minus: int | None) -> None:
    """Show the workspace's bar, or set it (every value rated and GWC all yes always apply)."""
    if max_mixed is not None or max_minus is not None:
        with context.write() as tx:
            analyzer.set_bar(tx, max_mixed, max_minus)
    click.echo(bar_rule(context.read().meta.analyzer_bar))


@click.group()
def conversation() -> None:
    """Quarterly conversations: one 1:1 record per person per quarter."""


@conversation.command("show")
@click.argument("person")
@click.option("--quarter", default=None, help="Like 2026-Q4; default: this quarter.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def conversation_show(context: CliContext, person: str, quarter: str | None, as_json: bool) -> None:
    """A person's conversation for the quarter, with their rocks of that quarter."""
    view = context.read()
    who = view.find_person(person)
    label = analyzer.quarter_label(view, quarter, context.today)
    record = analyzer.conversation_of(view, who.id, label)
    rocks = [rock for rock in view.rocks if rock.owner_id == who.id and rock.quarter == label]
    if as_json:
        emit_json(
            {
                "person_id": who.id,
                "quarter": label,
                "id": record.id if record else None,
                **{field: getattr(record, field) if record else "" for field, _ in analyzer.CONVERSATION_PARTS},
                "rocks_of_quarter": [{"id": r.id, "title": r.title, "status": r.status.value} for r in rocks],
            }
        )
        return
    click.echo(f"Quarterly conversation: {safe(who.name)} {label}" + (f" ({record.id})" if record else " (not held)"))
    click.echo("Their rocks:" if rocks else "Their rocks: (none this quarter)")
    for rock in rocks:
        click.echo(f"  {rock.id} {safe(rock.title)} [{rock.status.value}]")
    for field, title in analyzer.CONVERSATION_PARTS:
        text = getattr(record, field) if record else ""
        click.echo(f"\n{title}:")
        for line in text.splitlines() or ["(empty)"]:
            click.echo(f"  {safe(line)}")


@conversation.command("set")
@click.argument("person")
@click.option("--quarter", default=None, help="Like 2026-Q4; default: this quarter.")
@click.option("--working", default=None, help="What's working ('-' reads stdin).")
@click.option("--not-working", default=None, help="What's not working ('-' reads stdin).")
@click.option("--core-values", default=None, help="Notes on the core values ('-' reads stdin).")
@click.option("--gwc", default=None, help="Notes on Gets it, Wants it, Capacity ('-' reads stdin).")
@click.option("--rocks", default=None, help="Notes on their rocks ('-' reads stdin).")
@pass_context
def conversation_set(
    context: CliContext,
    person: str,
    quarter: str | None,
    working: str | None,
    not_working: str | None,
    core_values: str | None,
    gwc: str | None,
    rocks: str | None,
) -> None:
    """Write parts of PERSON's conversation for the quarter; parts not given stay as they are."""
    parts = {"working": working, "not_working": not_working, "core_values": core_values, "gwc": gwc, "rocks": rocks}
    if all(text is None for text in parts.values()):
        raise click.UsageError("nothing to change: give --working, --not-working, --core-values, --gwc or --rocks")
    if sum(1 for text in parts.values() if text == "-") > 1:
        raise click.UsageError("only one part can read standard input")
    parts = {field: sys.stdin.read() if text == "-" else text for field, text in parts.items()}
    with context.write() as tx:
        saved = analyzer.set_conversation(tx, person, context.today, quarter, **parts)
        who = tx.person(saved.person_id).name
    written = ", ".join(field.replace("_", "-") for field, text in parts.items() if text is not None)
    click.echo(f"{saved.id} {safe(who)} {saved.quarter}: {written}")

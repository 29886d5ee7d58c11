"""Where a command meets the archive: history views read it, writes to it are refused by name.

After ``cadence archive`` the live file holds the weekly rhythm only; closed
history lives in ``archive/<quarter>.json`` (``Workspace.read_history`` reads
both as one). The default views keep reading the live file, which is what
keeps them fast. A command asked for history (an old quarter, ``--all``, an id
the live file no longer holds) reads the archive too, and only then.

A write naming an archived record is refused with where it is ("R-3 is in the
archive (2025-Q1): history is read-only") instead of the store's "no rock R-3":
the history is still there, it just does not change any more.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from cadence.domain.ids import Kind, normalise_id
from cadence.store.errors import InputError

if TYPE_CHECKING:
    from cadence.cli.context import CliContext
    from cadence.domain.models import Frequency, Record
    from cadence.store.view import Snapshot, View

F = TypeVar("F", bound=Callable[..., Any])


def read_for(context: CliContext, kind: Kind, record_id: str) -> tuple[Snapshot, bool]:
    """The view that holds ``record_id``: the live file if it does, else live and archives as one.

    Returns the view and whether the record is archived; the live file's error ("no rock R-9")
    when neither holds it.
    """
    view = context.read()
    try:
        view.get(kind, record_id)
        return view, False
    except InputError:
        history = context.read_history()
        history.get(kind, record_id)  # nowhere: the same "no rock R-9"
        return history, True


def archive_quarter(view: View, record: Record) -> str:
    """The archive quarter a closed record belongs in (``2025-Q1``), by the domain's own rule."""
    from cadence.domain.archiving import LiveWindow
    from cadence.domain.models import Frequency

    everything_closed = LiveWindow(
        since=date.max,
        scores_from=dict.fromkeys(Frequency, date.max),
        fiscal_start_month=view.meta.fiscal_start_month,
    )
    frequencies = {measurable.id: measurable.frequency for measurable in view.measurables}
    quarter = everything_closed.archive_quarter(record, frequencies)
    return quarter.label if quarter is not None else "archive"


def archived_line(view: View, kind: Kind, record_id: str) -> str:
    """``archived (2025-Q1): history is read-only`` for a ``show`` of an archived record."""
    return f"archived ({archive_quarter(view, view.get(kind, record_id))}): history is read-only"


def archived_refusal(context: CliContext, targets: list[tuple[Kind, str | None]]) -> InputError | None:
    """The refusal for the first target the live file lacks and the archive holds, else ``None``."""
    named = []
    for kind, text in targets:
        if not text:
            continue
        try:
            named.append((kind, normalise_id(text.strip(), kind)))
        except ValueError:
            continue
    if not named:
        return None
    live = context.read()
    missing = [(kind, record_id) for kind, record_id in named if not _holds(live, kind, record_id)]
    if not missing:
        return None
    history = context.read_history()
    for kind, record_id in missing:
        if _holds(history, kind, record_id):
            quarter = archive_quarter(history, history.get(kind, record_id))
            return InputError(f"{record_id} is in the archive ({quarter}): history is read-only")
    return None


def _holds(view: View, kind: Kind, record_id: str) -> bool:
    try:
        view.get(kind, record_id)
    except InputError:
        return False
    return True


def read_only_when_archived(*params: tuple[str, Kind]) -> Callable[[F], F]:
    """Decorate a write command (under ``@pass_context``): its failure on an archived id says so.

    ``params``: (the command's parameter name, the kind of id it holds). Costs nothing unless the
    command fails; then the live file and, if it lacks the id, the archives are read.
    """

    def decorate(function: F) -> F:
        @functools.wraps(function)
        def run(context: CliContext, *args: Any, **kwargs: Any) -> Any:
            try:
                return function(context, *args, **kwargs)
            except InputError:
                refusal = archived_refusal(context, [(kind, kwargs.get(name)) for name, kind in params])
                if refusal is not None:
                    raise refusal from None
                raise

        return run  # type: ignore[return-value]

    return decorate


def scores_beyond_live(view: View, today: date, counts: dict[Frequency, int]) -> bool:
    """Whether showing ``counts`` periods of each frequency, ending ``today``, reaches before the live scores.

    The live file keeps every score of the scorecard's longest view (its 4 quarters, which the
    weekly and monthly values roll up into); a longer window needs the archived scores too.
    """
    from cadence.domain.archiving import LiveWindow
    from cadence.domain.scorecard import PeriodKind, period_noun, periods_for

    meta = view.meta
    window = LiveWindow.on(today, meta.fiscal_start_month, meta.week_start_day)
    for frequency, count in counts.items():
        periods = periods_for(
            PeriodKind(period_noun(frequency)),
            today,
            week_start_day=meta.week_start_day,
            fiscal_start_month=meta.fiscal_start_month,
            count=count,
        )
        if periods and periods[0].start < window.scores_from[frequency]:
            return True
    return False


def refuse_archived_score(context: CliContext, measurable_id: str, day: date) -> None:
    """Refuse a change to a period's value that lives in the archive (a new one beside it would count twice).

    Free for the weeks the scorecard shows (no read at all); an older period reads the live file,
    and the archive only if the live file has no value there.
    """
    from datetime import timedelta

    from cadence.domain.archiving import LiveWindow
    from cadence.domain.scorecard import period_noun

    if day >= context.today - timedelta(days=WEEKLY_WINDOW_DAYS):  # inside every frequency's live window
        return
    view = context.read()
    measurable = view.measurable(measurable_id)
    start = view.period_start(measurable.frequency, day)
    window = LiveWindow.on(context.today, view.meta.fiscal_start_month, view.meta.week_start_day)
    if start >= window.scores_from[measurable.frequency]:
        return
    if any(score.measurable_id == measurable.id and score.week == start for score in view.scores):
        return  # the live copy is the one that counts
    history = context.read_history()
    archived = next((s for s in history.scores if s.measurable_id == measurable.id and s.week == start), None)
    if archived is not None:
        raise InputError(
            f"{measurable.id}'s value for the {period_noun(measurable.frequency)} of {start} is in the archive "
            f"({archive_quarter(history, archived)}): history is read-only"
        )


WEEKLY_WINDOW_DAYS = 90
"""The weekly scorecard's 13 weeks reach at most this many days back (12 whole weeks and this one's 6 days)."""

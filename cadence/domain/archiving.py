"""Which records are closed history, and which quarter's archive each belongs in.

The weekly rhythm touches this quarter's and last quarter's work and the
scorecard's visible weeks; everything older that is finished will not change
again. Keeping it out of the file every keystroke rewrites is what makes an
edit cost the same after five years as in week one (DESIGN.md, rule 8).

The rule, for a workspace on ``today`` (fiscal quarters):

- rocks of quarters before the previous one (the quarter is over, whatever
  the status it was left in);
- issues solved or dropped, to-dos done, headlines given and meetings ended
  before the previous quarter began;
- scores of periods before the scorecard's longest view: its 4 quarters.
  The grid shows 13 weeks, but ``p`` rolls weekly scores up into 6 months
  and 4 quarters (and monthly ones into quarters), and a roll-up missing its
  archived weeks would show a wrong number against its goal.

People, teams, measurables, the V/TO, seats, processes, People analyzer
ratings, quarterly conversations and anything still open stay live. A record's archive is the quarter it closed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cadence.domain.models import (
    Frequency,
    Headline,
    Issue,
    IssueStatus,
    Meeting,
    Record,
    Rock,
    Score,
    Todo,
)
from cadence.domain.periods import Quarter, parse_quarter, quarter_of
from cadence.domain.scorecard import month_periods, quarter_periods, week_periods


@dataclass(frozen=True)
class LiveWindow:
    """What stays live on a day: records closed on or after ``since``; scores from each frequency's first period."""

    since: date
    scores_from: dict[Frequency, date]
    fiscal_start_month: int

    @classmethod
    def on(cls, today: date, fiscal_start_month: int = 1, week_start_day: int = 0) -> LiveWindow:
        previous = quarter_of(today, fiscal_start_month).previous()
        shown = [
            week_periods(today, week_start_day=week_start_day)[0].start,
            month_periods(today, week_start_day=week_start_day)[0].start,
            quarter_periods(today, fiscal_start_month=fiscal_start_month, week_start_day=week_start_day)[0].start,
        ]
        scores_from = min(shown)  # any frequency can be rolled up into the longest view
        return cls(
            since=previous.start,
            scores_from={frequency: scores_from for frequency in Frequency},
            fiscal_start_month=fiscal_start_month,
        )

    def quarter(self, day: date) -> Quarter:
        return quarter_of(day, self.fiscal_start_month)

    def archive_quarter(self, record: Record, frequencies: dict[str, Frequency]) -> Quarter | None:
        """The quarter whose archive ``record`` belongs in, or ``None`` while it is live.

        ``frequencies``: each measurable's frequency by id, to know which window a score is in.
        """
        closed = self._closed_on(record, frequencies)
        if closed is None:
            return None
        if isinstance(record, Rock):
            return parse_quarter(record.quarter, self.fiscal_start_month)
        return self.quarter(closed)

    def _closed_on(self, record: Record, frequencies: dict[str, Frequency]) -> date | None:
        """The day ``record`` closed, if that is before the live window; else ``None``."""
        closed: date | None = None
        if isinstance(record, Rock):
            quarter = parse_quarter(record.quarter, self.fiscal_start_month)
            return quarter.start if quarter.end < self.since else None
        if isinstance(record, Score):
            frequency = frequencies.get(record.measurable_id, Frequency.WEEKLY)
            return record.week if record.week < self.scores_from[frequency] else None
        if isinstance(record, Issue):
            if record.status is not IssueStatus.OPEN:
                closed = record.closed or record.created
        elif isinstance(record, Todo):
            if record.done:
                closed = record.done_on or record.due
        elif isinstance(record, Headline):
            closed = record.created
        elif isinstance(record, Meeting):
            if record.ended_at is not None:
                closed = record.ended_at.date()
        if closed is not None and closed < self.since:
            return closed
        return None


ARCHIVED_KINDS = (Rock, Score, Issue, Todo, Headline, Meeting)
"""The kinds that ever leave the live file."""

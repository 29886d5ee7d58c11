"""Headlines: customer and employee news, good or bad; shared, not discussed.

Anything that needs talking about is dropped to the Issues list, once: the
headline remembers the issue it became (``dropped_to``), and dropping it again
while that issue exists is refused.
"""

from __future__ import annotations

from datetime import date

from cadence.domain.models import (
    Headline,
    HeadlineKind,
    Issue,
)
from cadence.store.actions.fields import choice
from cadence.store.actions.issues import drop_to_issues
from cadence.store.transaction import Transaction


def add_headline(
    tx: Transaction,
    text: str,
    kind: str,
    today: date,
    *,
    by: str | None = None,
    good: bool = True,
    team: str | None = None,
) -> Headline:
    return tx.add(
        Headline,
        text=text,
        headline_kind=choice(HeadlineKind, kind, "kind"),
        by_id=tx.find_person(by).id if by else None,
        team_id=tx.find_team(team).id if team else None,
        good=good,
        created=today,
    )


def delete_headline(tx: Transaction, headline_id: str) -> Headline:
    """Delete a headline; an issue it was dropped to stays on the Issues list. The deleted one is returned."""
    headline = tx.headline(headline_id)
    tx.delete(headline)
    return headline


def drop_headline_to_issues(tx: Transaction, headline_id: str, today: date) -> Issue:
    """The headline onto its team's Issues list (refused if it is there already); it remembers the issue."""
    return drop_to_issues(tx, tx.headline(headline_id), today)

"""Headlines: customer and employee news."""

from __future__ import annotations

from datetime import date

from cadence.domain.models import (
    Headline,
    HeadlineKind,
)
from cadence.store.actions.fields import choice
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

"""Issues as rows, in the shape the issues importer reads: Ninety's columns (Title, Description, Owner,
Team, Priority, Created Date, Completed On) and cadence's own Status, Decision and Root Cause, so a solved
issue comes back solved with its decision. The ``.xlsx`` export has a ``Short Term`` and a ``Long Term``
sheet (Ninety's shape); a CSV is one table with a Term column instead."""

from __future__ import annotations

from cadence.domain.models import Issue, IssueTerm
from cadence.store.view import View

HEADERS = ("Title", "Description", "Owner", "Team", "Priority", "Created Date", "Completed On", "Status")
TAIL = ("Decision", "Root Cause")
TERM_TEXT = {IssueTerm.SHORT: "Short Term", IssueTerm.LONG: "Long Term"}


def issue_rows(view: View, term: IssueTerm | None = None) -> list[list[str | int]]:
    """The issues of one list (``term``, no Term column), or of both with a Term column (``None``)."""
    headers: list[str | int] = [*HEADERS, *(("Term",) if term is None else ()), *TAIL]
    rows: list[list[str | int]] = [headers]
    for issue in view.issues:
        if term is None or issue.term is term:
            rows.append(_row(view, issue, with_term=term is None))
    return rows


def _row(view: View, issue: Issue, with_term: bool) -> list[str | int]:
    row: list[str | int] = [
        issue.title,
        issue.description,
        view.person_name(issue.owner_id),
        view.team_name(issue.team_id),
        issue.rank if issue.rank is not None else "",
        issue.created.isoformat(),
        issue.closed.isoformat() if issue.closed else "",
        issue.status.value.capitalize(),
    ]
    if with_term:
        row.append(TERM_TEXT[issue.term])
    return [*row, issue.decision, issue.root_cause]

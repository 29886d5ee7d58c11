"""What the app's exports hold, read from a view: the V/TO page (with its rocks and issues) and the scorecard sheet.

The app's ``x`` keys (Vision, Scorecard) and the CLI's ``cadence vision
export`` / ``cadence scorecard export`` must give the same file, so the
content is built here, on the store's public face, from the view the caller
has (the session's snapshot at the moment of writing, or the CLI's read).
Nothing here writes: where the bytes go (a file, a browser download) is the
caller's business.
"""

from __future__ import annotations

from datetime import date

from cadence.domain.models import Frequency, Issue, IssueStatus, IssueTerm, Rock, Team
from cadence.domain.vision_text import issues_section, rocks_section, vision_markdown
from cadence.store.view import View


def company_rocks(view: View, today: date) -> list[Rock]:
    """The company rocks of the quarter holding ``today`` (the leadership team's, as Rocks marks them)."""
    quarter = view.quarter_of(today).label
    return [rock for rock in view.rocks if rock.company and rock.quarter == quarter]


def long_term_issues(view: View) -> list[Issue]:
    """The open long-term issues: the list the quarterly session works."""
    return [issue for issue in view.issues if issue.term is IssueTerm.LONG and issue.status is IssueStatus.OPEN]


def vision_page(view: View, today: date) -> str:
    """The workspace's V/TO as one Markdown page: every part (empty ones say so), then the quarter's
    company rocks and the long-term issues, read from their records now (linked, not copied)."""
    names = {person.id: person.name for person in view.people}
    traction = [
        rocks_section(view.quarter_of(today).label, company_rocks(view, today), names),
        issues_section(long_term_issues(view), names),
    ]
    return vision_markdown(view.vision(), view.meta.company, traction)


def scorecard_file(view: View, today: date, team: Team | None, name: str) -> str | bytes:
    """The scorecard for a file called ``name``, as ``cadence scorecard export`` writes it for ``--team``.

    An ``.xlsx`` name gets a workbook with a sheet for each frequency the team
    holds (the CLI's ``--format xlsx``); any other name the weekly sheet as CSV
    (its default). Text cells go through ``sheet_writer``, so a title like
    ``=HYPERLINK(...)`` stays text in a spreadsheet.
    """
    from cadence.store.scorecard_export import frequencies_held, scorecard_sheets
    from cadence.store.sheet_writer import csv_text, xlsx_bytes

    if name.casefold().endswith(".xlsx"):
        held = frequencies_held(view, team) or [Frequency.WEEKLY]
        return xlsx_bytes(scorecard_sheets(view, today, team=team, frequencies=held))
    return csv_text(scorecard_sheets(view, today, team=team, frequencies=[Frequency.WEEKLY])[0][1])

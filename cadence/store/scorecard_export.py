"""The Scorecard as a spreadsheet: the rows ``cadence scorecard export`` writes as CSV or ``.xlsx``.

The shape is the one the scorecard importer reads, so export -> import
changes nothing: ``Measurable, Owner, Goal, Unit, Description``, then one
column per period, oldest first (weeks headed by their first day
``2026-11-16``, months ``2026-11``, quarters ``2026-Q4``). A row under a
measurable whose Unit cell reads ``note`` holds its notes. When the
measurables belong to teams, each team's rows follow a heading row naming the
team (the importer puts the rows under a heading into the team it names).
Values are written so they read back exactly (``61850.25``, ``92.4%``), and
the goal is the one in force this period. Weekly, monthly and quarterly
measurables go in separate sheets: their columns differ.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from cadence.domain.models import Frequency, Measurable, Team
from cadence.domain.scorecard import FREQUENCY_PERIODS, Period, PeriodKind, active_measurables, periods_for
from cadence.store.scorecard_values import export_goal, export_value
from cadence.store.view import View

HEADERS = ("Measurable", "Owner", "Goal", "Unit", "Description")
NOTE_ROW = "note"
SHEET_NAMES = {Frequency.WEEKLY: "Weekly", Frequency.MONTHLY: "Monthly", Frequency.QUARTERLY: "Quarterly"}

Row = list[str]


def team_measurables(view: View, team: Team | None) -> list[Measurable]:
    """The active measurables of ``team`` as its scorecard shows them (``View.in_team``); all without a team."""
    team_id = team.id if team else None
    return [m for m in active_measurables(view.measurables) if view.in_team(team_id, m.team_id, m.owner_id)]


def _header(period: Period) -> str:
    return period.start.isoformat() if period.kind is PeriodKind.WEEK else period.label


def scorecard_rows(
    view: View,
    today: date,
    frequency: Frequency = Frequency.WEEKLY,
    count: int | None = None,
    team: Team | None = None,
    notes: bool = True,
) -> list[Row]:
    """One frequency's scorecard: the ``count`` periods ending with this one (13 weeks, 6 months or
    4 quarters by default)."""
    periods = periods_for(
        FREQUENCY_PERIODS[frequency],
        today,
        week_start_day=view.meta.week_start_day,
        fiscal_start_month=view.meta.fiscal_start_month,
        count=count,
    )
    this_period = view.period_start(frequency, today)
    measurables = [m for m in team_measurables(view, team) if m.frequency is frequency]
    scores = {(score.measurable_id, score.week): score for score in view.scores}
    rows: list[Row] = [[*HEADERS, *(_header(period) for period in periods)]]
    for heading, group in _by_team(view, measurables, team):
        if heading:
            rows.append([heading])
        for measurable in group:
            found = [scores.get((measurable.id, period.start)) for period in periods]
            rows.append(
                [
                    measurable.title,
                    view.person_name(measurable.owner_id),
                    export_goal(measurable.goal_for_week(this_period), measurable.unit),
                    measurable.unit.value,
                    measurable.description,
                    *("" if score is None else export_value(score.value, measurable.unit) for score in found),
                ]
            )
            if notes and any(score is not None and score.note for score in found):
                rows.append([measurable.title, "", "", NOTE_ROW, "", *("" if s is None else s.note for s in found)])
    return rows


def _by_team(view: View, measurables: Sequence[Measurable], team: Team | None) -> list[tuple[str, list[Measurable]]]:
    """Team-less measurables first, then each team's under a heading naming it (none when one team is asked for)."""
    if team is not None:
        return [("", list(measurables))]
    groups: dict[str | None, list[Measurable]] = {None: []}
    for measurable in measurables:
        groups.setdefault(measurable.team_id, []).append(measurable)
    return [(view.team_name(team_id) if team_id else "", group) for team_id, group in groups.items() if group]


def frequencies_held(view: View, team: Team | None) -> list[Frequency]:
    """The frequencies the scorecard has measurables of, weekly first (weekly when it has none at all)."""
    held = {measurable.frequency for measurable in team_measurables(view, team)}
    return [frequency for frequency in Frequency if frequency in held] or [Frequency.WEEKLY]


def scorecard_sheets(
    view: View,
    today: date,
    *,
    counts: dict[Frequency, int] | None = None,
    team: Team | None = None,
    notes: bool = True,
    frequencies: Sequence[Frequency] | None = None,
) -> list[tuple[str, list[Row]]]:
    """One ``(sheet name, rows)`` per frequency held (or asked for): what the ``.xlsx`` export writes."""
    chosen = list(frequencies) if frequencies else frequencies_held(view, team)
    counts = counts or {}
    return [
        (SHEET_NAMES[frequency], scorecard_rows(view, today, frequency, counts.get(frequency), team, notes))
        for frequency in chosen
    ]

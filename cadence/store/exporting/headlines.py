"""Headlines and people as rows: for reading and for other tools (cadence imports neither, so their columns
simply say everything the record holds that a person would want in a sheet)."""

from __future__ import annotations

from cadence.store.view import View

HEADLINE_HEADERS = ("Headline", "Kind", "Good or Bad", "By", "Team", "Created", "Dropped To")
PEOPLE_HEADERS = ("Name", "Role", "Email", "Active", "Teams")


def headline_rows(view: View) -> list[list[str]]:
    rows = [list(HEADLINE_HEADERS)]
    for headline in view.headlines:
        rows.append(
            [
                headline.text,
                headline.headline_kind.value,
                "good" if headline.good else "bad",
                view.person_name(headline.by_id),
                view.team_name(headline.team_id),
                headline.created.isoformat(),
                headline.dropped_to or "",
            ]
        )
    return rows


def people_rows(view: View) -> list[list[str]]:
    rows = [list(PEOPLE_HEADERS)]
    for person in view.people:
        teams = ", ".join(team.name for team in view.teams if person.id in team.member_ids)
        rows.append([person.name, person.role.value, person.email, "yes" if person.active else "no", teams])
    return rows

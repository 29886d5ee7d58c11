"""Rocks and their milestones as rows, in the shape the rocks importer reads (Ninety's, plus Quarter and
Company), so ``cadence export --kind rocks`` then ``cadence import`` gives the same rocks back.

Rocks: Title, Description, Owner, Team, Quarter, Company, Due Date, Status.
Milestones: Title, Rock (the rock's title), Owner (the rock's), Quarter (the
rock's: two rocks may share a title across quarters), Due Date, Completed.
"""

from __future__ import annotations

from cadence.domain.models import RockStatus
from cadence.store.view import View

ROCK_HEADERS = ("Title", "Description", "Owner", "Team", "Quarter", "Company", "Due Date", "Status")
MILESTONE_HEADERS = ("Title", "Rock", "Owner", "Quarter", "Due Date", "Completed")
STATUS_TEXT = {
    RockStatus.ON_TRACK: "On-Track",
    RockStatus.OFF_TRACK: "Off-Track",
    RockStatus.DONE: "Done",
    RockStatus.NOT_DONE: "Not Done",
}


def rock_rows(view: View) -> list[list[str]]:
    rows = [list(ROCK_HEADERS)]
    for rock in view.rocks:
        rows.append(
            [
                rock.title,
                rock.description,
                view.person_name(rock.owner_id),
                view.team_name(rock.team_id),
                rock.quarter,
                "yes" if rock.company else "no",
                rock.due.isoformat() if rock.due else "",
                STATUS_TEXT[rock.status],
            ]
        )
    return rows


def milestone_rows(view: View) -> list[list[str]]:
    rows = [list(MILESTONE_HEADERS)]
    for rock in view.rocks:
        for milestone in rock.milestones:
            rows.append(
                [
                    milestone.title,
                    rock.title,
                    view.person_name(rock.owner_id),
                    rock.quarter,
                    milestone.due.isoformat() if milestone.due else "",
                    "yes" if milestone.done else "no",
                ]
            )
    return rows

"""Operations a person asks for, shared by the CLI and the TUI.

Each takes an open ``Transaction`` and the words a person typed (names, ids,
dates, values), resolves and checks them, and makes the change. Anything that
does not make sense raises ``InputError`` naming the field, and since the
transaction then ends without writing, nothing changes.
"""

from __future__ import annotations

from cadence.store.actions.conflicts import (
    EditConflict,
    FieldConflict,
    guarded_edit,
)
from cadence.store.actions.fields import (
    ROCKS_PER_PERSON_GUIDANCE,
    TODO_DAYS,
    choice,
    parse_date_field,
    parse_quarter_field,
)
from cadence.store.actions.headlines import (
    add_headline,
)
from cadence.store.actions.issues import (
    add_issue,
    describe_score,
    drop_issue,
    drop_to_issues,
    move_issue,
    parse_todo_spec,
    set_issue_rank,
    solve_issue,
)
from cadence.store.actions.people import (
    SINGLE_ROLES,
    SeatTaken,
    add_person,
    add_team,
    edit_person,
    edit_team,
    join_team,
    leave_team,
    role_holders,
    set_active,
    set_role,
)
from cadence.store.actions.rocks import (
    ROCK_STATUS_CYCLE,
    add_milestone,
    add_rock,
    cycle_rock_status,
    edit_milestone,
    find_milestone,
    move_rock,
    not_done_allowed,
    remove_milestone,
    rock_load_warnings,
    set_milestone_done,
    set_rock_status,
)
from cadence.store.actions.scorecard import (
    add_measurable,
    archive_measurable,
    change_goal,
    clear_score,
    edit_measurable,
    move_measurable,
    set_score,
    set_score_note,
)
from cadence.store.actions.todos import (
    add_todo,
    set_todo_done,
)

__all__ = [
    "ROCKS_PER_PERSON_GUIDANCE",
    "ROCK_STATUS_CYCLE",
    "SINGLE_ROLES",
    "TODO_DAYS",
    "EditConflict",
    "FieldConflict",
    "SeatTaken",
    "add_headline",
    "add_issue",
    "add_measurable",
    "add_milestone",
    "add_person",
    "add_rock",
    "add_team",
    "add_todo",
    "archive_measurable",
    "change_goal",
    "choice",
    "clear_score",
    "cycle_rock_status",
    "describe_score",
    "drop_issue",
    "drop_to_issues",
    "edit_measurable",
    "edit_milestone",
    "edit_person",
    "edit_team",
    "find_milestone",
    "guarded_edit",
    "join_team",
    "leave_team",
    "move_issue",
    "move_measurable",
    "move_rock",
    "not_done_allowed",
    "parse_date_field",
    "parse_quarter_field",
    "parse_todo_spec",
    "remove_milestone",
    "rock_load_warnings",
    "role_holders",
    "set_active",
    "set_issue_rank",
    "set_milestone_done",
    "set_rock_status",
    "set_role",
    "set_score",
    "set_score_note",
    "set_todo_done",
    "solve_issue",
]

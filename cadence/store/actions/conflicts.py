"""An edit saved after another session changed the same record: merge what can be, ask about the rest.

An edit form remembers the record as it was when it opened (``opened``). On
save, inside the transaction, three versions of each field are compared: as
opened, as stored now ("theirs"), and as the edit would write it ("mine").

- nobody else changed the field, or both sides agree: the edit's value;
- only the other session changed it (this edit left it as it was): theirs is
  kept, since writing the old value back would silently undo their change;
- both changed it, differently: a conflict. Nothing is written;
  ``EditConflict`` carries both values, the caller asks the user, then calls
  again with ``resolve="mine"`` or ``resolve="theirs"`` for those fields.

Used by the TUI's edit forms; a CLI edit can pass the values it was shown the
same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from cadence.domain.models import Record
from cadence.store.errors import InputError
from cadence.store.transaction import Transaction

T = TypeVar("T")
Resolve = Literal["ask", "mine", "theirs"]


@dataclass(frozen=True)
class FieldConflict:
    field: str
    theirs: Any
    mine: Any


class EditConflict(InputError):
    """Another session changed fields this edit also changes; nothing was written."""

    def __init__(self, record_id: str, conflicts: list[FieldConflict]) -> None:
        self.record_id = record_id
        self.conflicts = conflicts
        names = ", ".join(conflict.field for conflict in conflicts)
        super().__init__(f"{record_id} was changed in another session while you edited it ({names}); nothing was saved")


def guarded_edit(tx: Transaction, opened: Record, change: Callable[[], T], resolve: Resolve = "ask") -> T:
    """Run ``change`` (which saves ``opened``'s record), then settle each field three ways as above."""
    theirs = tx.get(opened.kind, opened.id)
    result = change()
    mine = tx.get(opened.kind, opened.id)
    base_values, their_values, my_values = (record.model_dump(mode="json") for record in (opened, theirs, mine))
    keep_theirs: dict[str, Any] = {}
    conflicts: list[FieldConflict] = []
    for field in type(opened).model_fields:
        base, their, my = base_values.get(field), their_values.get(field), my_values.get(field)
        if their == base or my == their:
            continue
        if my == base or resolve == "theirs":
            keep_theirs[field] = getattr(theirs, field)
        elif resolve == "ask":
            conflicts.append(FieldConflict(field, getattr(theirs, field), getattr(mine, field)))
    if conflicts:
        raise EditConflict(opened.id, conflicts)
    if not keep_theirs:
        return result
    settled = tx.save(mine, **keep_theirs)
    if isinstance(result, Record) and result.id == settled.id:
        return settled  # type: ignore[return-value]
    return result

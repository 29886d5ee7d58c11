"""Property: any sequence of adds, saves and deletes round-trips through the file exactly."""

from __future__ import annotations

import copy
import tempfile
from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tinydb import TinyDB

from cadence.domain.ids import Kind, make_id
from cadence.domain.models import Issue, IssueStatus, IssueTerm, Person, Record, Role, Todo
from cadence.store import Workspace

NASTY = [
    "[bold]x[/]",
    "[link=https://example.com]click[/link]",
    "\x1b[2J\x1b[H",
    "\x1b]0;title\x07",
    "\x00nul",
    "line\nbreak\r\n",
    "tab\there",
    '"quoted" \\ back\\slash',
    "日本語のタイトル",
    "emoji 🎉👍🏽",
    "\u202eright-to-left",
    "\u2028separator\u2029",
    "zero\u200bwidth",
    "  padded  ",
    "{\"json\": [1, 2]}",
]

text = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=30),
    st.lists(st.sampled_from(NASTY), min_size=1, max_size=3).map("".join),
)
title = text.filter(lambda value: value.strip() != "")
dates = st.dates()

fields_for = {
    Person: st.fixed_dictionaries(
        {"name": title},
        optional={"role": st.sampled_from(Role), "email": text, "active": st.booleans()},
    ),
    Todo: st.fixed_dictionaries(
        {"title": title, "owner_id": st.sampled_from(["P-1", "P-2"]), "due": dates, "created": dates},
        optional={"done": st.booleans(), "source": text},
    ),
    Issue: st.one_of(
        st.fixed_dictionaries(
            {"title": title, "created": dates},
            optional={
                "description": text,
                "term": st.sampled_from(IssueTerm),
                "status": st.sampled_from([IssueStatus.OPEN, IssueStatus.DROPPED]),
                "rank": st.sampled_from([None, 1, 2, 3]),
            },
        ),
        st.fixed_dictionaries(
            {"title": title, "created": dates, "status": st.just(IssueStatus.SOLVED), "decision": title}
        ),
    ),
}

changes_for = {
    Person: st.fixed_dictionaries({}, optional={"name": title, "email": text, "active": st.booleans()}),
    Todo: st.fixed_dictionaries({}, optional={"title": title, "done": st.booleans(), "due": dates}),
    Issue: st.fixed_dictionaries({}, optional={"title": title, "description": text, "root_cause": text}),
}

MODEL_TYPES = list(fields_for)


def _ops_for(model: type[Record]) -> st.SearchStrategy[tuple]:
    return st.one_of(
        st.tuples(st.just("add"), st.just(model), fields_for[model]),
        st.tuples(st.just("save"), st.just(model), st.integers(0, 50), changes_for[model]),
        st.tuples(st.just("delete"), st.just(model), st.integers(0, 50)),
    )


operation = st.one_of([_ops_for(model) for model in MODEL_TYPES])
transactions = st.lists(
    # (ops, abort): about one transaction in four fails after its ops and must leave no trace.
    st.tuples(st.lists(operation, min_size=1, max_size=4), st.sampled_from([False, False, False, True])),
    min_size=1,
    max_size=10,
)


@dataclass
class Expected:
    """The pure in-memory model of the workspace."""

    records: dict[Kind, dict[str, Record]] = field(default_factory=lambda: {m.kind: {} for m in MODEL_TYPES})
    counters: dict[Kind, int] = field(default_factory=dict)

    def sorted(self, kind: Kind) -> list[Record]:
        return sorted(self.records[kind].values(), key=lambda record: int(record.id.split("-")[1]))


class Abort(Exception):
    pass


def _apply(expected: Expected, txn, op: tuple) -> None:
    """Apply one op to the model and the same op to the store's transaction."""
    action, model = op[0], op[1]
    kind = model.kind
    if action == "add":
        number = expected.counters.get(kind, 0) + 1
        predicted = model.model_validate({"id": make_id(kind, number), **op[2]})
        got = txn.add(model, **op[2])
        assert got == predicted
        expected.counters[kind] = number
        expected.records[kind][predicted.id] = predicted
        return
    existing = expected.sorted(kind)
    if not existing:
        return
    target = existing[op[2] % len(existing)]
    stored = txn.get(kind, target.id)
    assert stored == target
    if action == "save":
        predicted = model.model_validate({**target.model_dump(), **op[3]})
        assert txn.save(stored, **op[3]) == predicted
        expected.records[kind][target.id] = predicted
    else:
        txn.delete(stored)
        del expected.records[kind][target.id]


@settings(max_examples=50, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(transactions=transactions)
def test_any_sequence_of_changes_round_trips(transactions: list[tuple[list[tuple], bool]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        Workspace.create(folder, company="Acme")
        workspace = Workspace(folder)
        expected = Expected()
        for ops, abort in transactions:
            attempt = copy.deepcopy(expected)
            try:
                with workspace.transaction() as txn:
                    for op in ops:
                        _apply(attempt, txn, op)
                    if abort:
                        raise Abort
            except Abort:
                pass  # the whole transaction is dropped, also its adds' id numbers
            else:
                expected = attempt
            _check(workspace, expected)

        payload = workspace.path.read_bytes()
        # User text never reaches the file as raw control characters (``cat cadence.json`` is safe).
        assert not any(byte < 0x20 and byte != 0x0A for byte in payload)
        with TinyDB(workspace.path, access_mode="r") as plain:
            for model in MODEL_TYPES:
                assert len(plain.table(model.kind.value)) == len(expected.records[model.kind])


def _check(workspace: Workspace, expected: Expected) -> None:
    snapshot = workspace.read()
    for model in MODEL_TYPES:
        assert snapshot.records(model.kind) == expected.sorted(model.kind)
    assert snapshot.meta.counters == {kind.value: number for kind, number in expected.counters.items()}
    assert snapshot.meta.company == "Acme"


def test_nasty_text_is_stored_exactly_as_typed(tmp_path) -> None:
    workspace = Workspace.create(tmp_path / "ws", company="Acme")
    with workspace.transaction() as txn:
        added = [txn.add(Issue, title="x", description=value, created="2026-03-02") for value in NASTY]
    read_back = workspace.read().issues
    assert [issue.description for issue in read_back] == NASTY
    assert read_back == added

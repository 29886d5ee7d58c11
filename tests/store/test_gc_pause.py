"""The garbage collector rests while a file becomes records, and always wakes again."""

from __future__ import annotations

import gc

import pytest
from store_helpers import add_todos

from cadence.store import Workspace, WorkspaceCorrupt, fileformat, validated_files


def test_reading_pauses_the_collector_and_restores_it(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    add_todos(workspace, 2)
    seen: list[bool] = []
    validate = fileformat.validate_table

    def watching(*args):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return validate(*args)

    monkeypatch.setattr(fileformat, "validate_table", watching)
    validated_files.cache_path().unlink()  # a file this user has not validated: read whole
    workspace.read()
    assert seen and not any(seen)
    assert gc.isenabled()


def test_a_damaged_file_leaves_the_collector_running(workspace: Workspace) -> None:
    workspace.path.write_text("{ damaged")
    with pytest.raises(WorkspaceCorrupt):
        workspace.read()
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused(workspace: Workspace) -> None:
    gc.disable()
    try:
        workspace.read()
        assert not gc.isenabled()
    finally:
        gc.enable()

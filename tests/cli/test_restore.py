"""``cadence restore``: list the backups, put one back through the locked atomic write, refuse bad ones."""

from __future__ import annotations

import json
from pathlib import Path

from cadence.store import Workspace


def _people(folder: Path) -> list[str]:
    return [person.name for person in Workspace(folder).read().people]


def test_list_then_restore_then_undo(cadence, workspace_dir: Path, monkeypatch) -> None:
    assert cadence("init", "--company", "Acme").code == 0
    assert cadence("person", "add", "Ann").code == 0  # 2026-11-23: backs up the empty workspace
    monkeypatch.setenv("CADENCE_TODAY", "2026-11-24")
    assert cadence("person", "add", "Bob").code == 0  # backs up the file holding Ann
    listed = cadence("restore")
    assert listed.code == 0
    assert "cadence-2026-11-23.json" in listed.out and "cadence-2026-11-24.json" in listed.out
    backups = json.loads(cadence("restore", "--json").out)
    names = [backup["name"] for backup in backups]
    assert sorted(names) == ["cadence-2026-11-23.json", "cadence-2026-11-24.json"]
    for backup in backups:
        assert backup["size"] == Path(backup["path"]).stat().st_size and backup["kind"] == "daily"
        assert backup["taken"][:4].isdigit()
    current = (workspace_dir / "cadence.json").read_bytes()

    restored = cadence("restore", "cadence-2026-11-24.json")
    assert restored.code == 0, restored.err
    assert _people(workspace_dir) == ["Ann"]
    kept = [p for p in (workspace_dir / "backups").iterdir() if "pre-restore" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == current
    assert kept[0].name in restored.out

    assert cadence("restore", kept[0].name).code == 0  # and back again
    assert _people(workspace_dir) == ["Ann", "Bob"]


def test_restore_over_a_damaged_file(cadence, workspace_dir: Path) -> None:
    assert cadence("init").code == 0
    assert cadence("person", "add", "Ann").code == 0
    (workspace_dir / "cadence.json").write_text("{ torn")
    assert cadence("person", "list").code == 2
    assert cadence("restore", "cadence-2026-11-23.json").code == 0
    assert _people(workspace_dir) == []
    kept = [p for p in (workspace_dir / "backups").iterdir() if "pre-restore" in p.name]
    assert kept[0].read_text() == "{ torn"


def test_missing_or_invalid_backups_change_nothing(cadence, workspace_dir: Path) -> None:
    assert cadence("init").code == 0
    assert cadence("person", "add", "Ann").code == 0
    before = (workspace_dir / "cadence.json").read_bytes()
    missing = cadence("restore", "cadence-1999-01-01.json")
    assert missing.code == 1
    assert missing.err == (
        f"error: no backup named cadence-1999-01-01.json in {workspace_dir / 'backups'} "
        "(list them with: cadence restore)\n"
    )
    (workspace_dir / "backups" / "cadence-2000-01-01.json").write_text('{"people": []}')
    invalid = cadence("restore", "cadence-2000-01-01.json")
    assert invalid.code == 1
    assert invalid.err.startswith("error: cannot restore: ") and "Nothing was changed." in invalid.err
    assert cadence("restore", "../cadence.json.lock").code == 1
    (workspace_dir / "backups" / "cadence-2001-01-01.json").symlink_to(workspace_dir / "cadence.json")
    linked = cadence("restore", "cadence-2001-01-01.json")
    assert linked.code == 2 and "is a symbolic link" in linked.err
    assert (workspace_dir / "cadence.json").read_bytes() == before
    assert not [p for p in (workspace_dir / "backups").iterdir() if "pre-restore" in p.name]


def test_restore_without_a_workspace(cadence) -> None:
    missing = cadence("restore")
    assert missing.code == 2 and "no workspace at" in missing.err

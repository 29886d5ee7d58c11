"""``cadence meeting ...``: a whole weekly meeting scripted from a shell, on a copy of the demo.

Each step runs at a pinned moment (``CADENCE_TODAY=2026-11-24T09:05``), so
the clocks, and the exported minutes compared with
``tests/golden/meeting_minutes.md``, are the same on every run. What is
asserted is the workspace file on disk; a refused command must leave its
bytes as they were.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from cadence.locations import demo_workspace_dir

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "meeting_minutes.md"
DAY = "2026-11-24"


@pytest.fixture
def demo(cadence, workspace_dir: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """``demo("09:05", "meeting", "next")`` -> Result, on a copy of the demo, at that time on Tuesday 2026-11-24."""
    workspace_dir.mkdir()
    shutil.copy2(demo_workspace_dir() / "cadence.json", workspace_dir / "cadence.json")

    def at(clock: str, *args: str):  # type: ignore[no-untyped-def]
        monkeypatch.setenv("CADENCE_TODAY", f"{DAY}T{clock}")
        return cadence(*args)

    return at


def stored(workspace_dir: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((workspace_dir / "cadence.json").read_text(encoding="utf-8"))
    return data


def meeting_record(workspace_dir: Path, meeting_id: str) -> dict[str, Any]:
    records: dict[str, Any] = stored(workspace_dir)["meetings"]
    return next(r for r in records.values() if r["id"] == meeting_id)


def by_id(workspace_dir: Path, table: str, record_id: str) -> dict[str, Any]:
    records: dict[str, Any] = stored(workspace_dir)[table]
    return next(r for r in records.values() if r["id"] == record_id)


def ok(result) -> str:  # type: ignore[no-untyped-def]
    assert result.code == 0, result.err
    return str(result.out)


def run_the_meeting(demo) -> None:  # type: ignore[no-untyped-def]
    """The leadership team's weekly meeting on the demo, every step from the CLI."""
    ok(demo("09:00", "meeting", "start"))
    ok(demo("09:01", "meeting", "attend", "Elena", "--absent"))
    ok(
        demo(
            "09:02",
            "meeting",
            "segue",
            "Dana",
            "Oakhaven signed the 2027 contract | all four SKUs\nand my daughter's first goal",
        )
    )
    ok(demo("09:03", "meeting", "segue", "Marcus", "[bold]Finished[/] the half marathon"))
    ok(demo("09:06", "meeting", "next"))  # Scorecard
    ok(demo("09:07", "score", "set", "M-2", "195000", "--week", "2026-11-16"))  # last week's missing cash figure
    ok(demo("09:08", "meeting", "pause"))
    ok(demo("09:18", "meeting", "resume"))  # ten minutes of fire alarm: not meeting time
    ok(demo("09:21", "meeting", "next"))  # Rock review
    ok(demo("09:26", "meeting", "next"))  # Headlines
    ok(demo("09:30", "meeting", "next"))  # To-Do list
    ok(demo("09:31", "todo", "done", "T-14"))
    ok(demo("09:35", "meeting", "next"))  # IDS
    ok(
        demo(
            "09:35",
            "meeting",
            "work",
            "I-13",
            "--identify",
            "Board arrives late | dies too",
            "--discuss",
            "Backup supplier?",
        )
    )
    ok(
        demo(
            "09:55",
            "meeting",
            "solve",
            "I-13",
            "--decision",
            "Hold two weeks of board stock",
            "--todo",
            "Order the board buffer@Elena",
            "--todo",
            "Add a die check to job release@Tom",
        )
    )
    ok(demo("09:56", "meeting", "work", "I-15"))
    ok(demo("10:10", "meeting", "outcome", "I-15", "long-term"))
    ok(demo("10:11", "meeting", "work", "I-19", "--identify", "The charger shares a circuit with the compressor"))
    ok(
        demo(
            "10:30",
            "meeting",
            "solve",
            "I-19",
            "--decision",
            "Electrician moves the charger to its own circuit",
            "--todo",
            "Get the electrician in this week@Marcus",
        )
    )
    ok(demo("10:36", "meeting", "next"))  # Conclude (IDS ran over)
    ok(demo("10:37", "meeting", "cascade", "Holiday cutoff moves to Dec 11 | tell customers", "--to", "Sales"))
    for person, score in (("Dana", "9"), ("Marcus", "8"), ("Priya", "9")):
        ok(demo("10:38", "meeting", "rate", person, score))
    ok(demo("10:39", "meeting", "rate", "Tom", "6", "--why", "IDS ran over and we rushed the charger"))
    ok(demo("10:40", "meeting", "end"))


def test_a_whole_meeting_scripted_from_the_cli_is_on_disk(demo, workspace_dir: Path) -> None:
    run_the_meeting(demo)

    meeting = meeting_record(workspace_dir, "MT-5")
    assert meeting["started_at"] == "2026-11-24T09:00:00"
    assert meeting["ended_at"] == "2026-11-24T10:40:00"
    assert meeting["running_since"] is None
    spent = [round(s["elapsed_seconds"]) for s in meeting["sections"]]
    # Segue 6, Scorecard 15 - 10 paused, Rock review 5, Headlines 4, To-Do list 5, IDS 61, Conclude 4 (minutes).
    assert spent == [360, 300, 300, 240, 300, 3660, 240]
    absent = meeting["absent_ids"]
    assert len(absent) == 1 and by_id(workspace_dir, "people", absent[0])["name"] == "Elena Sokolova"
    assert [r["score"] for r in meeting["ratings"]] == [9, 8, 9, 6]
    assert meeting["ratings"][-1]["why"] == "IDS ran over and we rushed the charger"

    minutes = meeting["minutes"]
    assert [(i["issue_id"], i["outcome"]) for i in minutes["issues"]] == [
        ("I-13", "solved"),
        ("I-15", "long-term"),
        ("I-19", "solved"),
    ]
    assert [t["title"] for t in minutes["new_todos"]] == [
        "Order the board buffer",
        "Add a die check to job release",
        "Get the electrician in this week",
    ]
    assert all(t["due"] == "2026-12-01" for t in minutes["new_todos"])
    assert minutes["week"] == "2026-11-16", "the meeting reviews the week just ended"
    cash = next(n for n in minutes["scorecard"] if n["title"] == "Cash in bank")
    assert (cash["value"], cash["on_goal"]) == ("$195,000", False)
    reviewed = {t["todo_id"]: t["done"] for t in minutes["todos_reviewed"]}
    assert reviewed["T-14"] is True

    solved = by_id(workspace_dir, "issues", "I-13")
    assert solved["status"] == "solved"
    assert solved["root_cause"] == "Board arrives late | dies too"
    assert by_id(workspace_dir, "issues", "I-15")["term"] == "long"

    sales = next(t for t in stored(workspace_dir)["teams"].values() if t["name"] == "Sales")
    cascaded = [
        h
        for h in stored(workspace_dir)["headlines"].values()
        if h["headline_kind"] == "cascade" and h["created"] == DAY
    ]
    assert [(h["text"], h["team_id"]) for h in cascaded] == [
        ("Holiday cutoff moves to Dec 11 | tell customers", sales["id"])
    ]


def test_export_to_a_file_matches_the_golden_minutes(demo, workspace_dir: Path, tmp_path: Path) -> None:
    run_the_meeting(demo)
    target = tmp_path / "minutes.md"

    out = ok(demo("11:00", "meeting", "export", "MT-5", "--format", "md", "--output", str(target)))

    assert "MT-5 minutes written to" in out
    assert target.read_text(encoding="utf-8") == GOLDEN.read_text(encoding="utf-8")
    # Stdout gives the same text.
    assert ok(demo("11:00", "meeting", "export", "MT-5")) == GOLDEN.read_text(encoding="utf-8")


def test_export_refuses_to_overwrite_a_file_without_force(demo, tmp_path: Path) -> None:
    target = tmp_path / "minutes.md"
    target.write_text("my own notes\n", encoding="utf-8")

    refused = demo("11:00", "meeting", "export", "MT-3", "--output", str(target))

    assert refused.code == 1
    assert "exists; pass --force" in refused.err
    assert target.read_text(encoding="utf-8") == "my own notes\n"
    ok(demo("11:00", "meeting", "export", "MT-3", "--output", str(target), "--force"))
    assert target.read_text(encoding="utf-8").startswith("# Leadership team")


def test_json_outputs_parse(demo) -> None:  # type: ignore[no-untyped-def]
    ok(demo("09:00", "meeting", "start"))
    ok(demo("09:07", "meeting", "next"))

    status = json.loads(ok(demo("09:09", "meeting", "status", "--json")))
    assert (status["id"], status["section"], status["section_number"], status["paused"]) == (
        "MT-5",
        "Scorecard",
        2,
        False,
    )
    assert (status["section_seconds"], status["seconds"], status["budget_seconds"]) == (120, 540, 5400)
    assert json.loads(ok(demo("09:09", "meeting", "status", "--json", "MT-5")))["section_overrun_seconds"] == 0

    listed = json.loads(ok(demo("09:09", "meeting", "list", "--json")))
    assert [m["id"] for m in listed] == ["MT-5", "MT-4", "MT-3", "MT-2", "MT-1"]
    assert listed[0]["state"] == "running"
    assert json.loads(ok(demo("09:09", "meeting", "list", "--team", "Sales", "--json")))[0]["id"] == "MT-4"

    shown = json.loads(ok(demo("09:09", "meeting", "show", "MT-3", "--json")))
    assert shown["id"] == "MT-3" and shown["summary"]["state"] == "ended"

    agendas = json.loads(ok(demo("09:09", "meeting", "agendas", "--json")))
    assert {t["id"]: t["total_minutes"] for t in agendas["templates"]}["weekly"] == 90
    assert agendas["problems"] == []


def test_overrun_shows_in_status(demo) -> None:  # type: ignore[no-untyped-def]
    ok(demo("09:00", "meeting", "start"))
    status = json.loads(ok(demo("09:07", "meeting", "status", "--json")))
    assert (status["section"], status["section_overrun_seconds"]) == ("Segue", 120)
    assert "(2:00 over)" in ok(demo("09:07", "meeting", "status"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("meeting", "next"), "none is running"),
        (("meeting", "rate", "Tom", "6"), "none is running"),
        (("meeting", "start", "--agenda", "nope"), "no template 'nope'"),
        (("meeting", "start", "--team", "Nobody"), "Nobody"),
        (("meeting", "show", "MT-99"), "MT-99"),
        (("meeting", "schedule", "Sales", "--day", "someday"), "not a day of the week"),
        (("meeting", "schedule", "Sales", "--agenda", "nope"), "no template 'nope'"),
        (("meeting", "schedule", "Sales", "--time", "25:00"), "not a time of day"),
    ],
)
def test_clear_errors_change_nothing(demo, workspace_dir: Path, args: tuple[str, ...], message: str) -> None:
    before = (workspace_dir / "cadence.json").read_bytes()

    result = demo("09:00", *args)

    assert result.code == 1
    assert message in result.err
    assert result.err.startswith("error: ") and result.err.count("\n") == 1
    assert (workspace_dir / "cadence.json").read_bytes() == before


def test_running_meeting_refusals_change_nothing(demo, workspace_dir: Path) -> None:
    ok(demo("09:00", "meeting", "start"))
    before = (workspace_dir / "cadence.json").read_bytes()

    for args, message in (
        (("meeting", "start"), "MT-5 is still running"),
        (("meeting", "next", "--back"), "Segue is the first section"),
        (("meeting", "rate", "Tom", "6"), "needs a one-line why"),
        (("meeting", "rate", "Tom", "11", "--why", "x"), "not 1-10"),
        (("meeting", "cascade", "x", "--to", "Nobody"), "Nobody"),
        (("meeting", "attend", "Nobody"), "Nobody"),
        (("meeting", "solve", "I-13"), "--decision"),
    ):
        result = demo("09:01", *args)
        assert result.code == 1, args
        assert message in result.err, (args, result.err)
        assert (workspace_dir / "cadence.json").read_bytes() == before, args

    ok(demo("09:02", "meeting", "end"))
    after_end = (workspace_dir / "cadence.json").read_bytes()
    ended = demo("09:03", "meeting", "end", "MT-5")
    assert ended.code == 1 and "MT-5 has ended" in ended.err
    assert (workspace_dir / "cadence.json").read_bytes() == after_end


def test_schedule_sets_the_team_slot(demo, workspace_dir: Path) -> None:
    out = ok(demo("09:00", "meeting", "schedule", "Sales", "--day", "thu", "--time", "10:30", "--agenda", "weekly"))

    assert out.strip() == "Sales meets Thursday 10:30 (weekly)"
    sales = next(t for t in stored(workspace_dir)["teams"].values() if t["name"] == "Sales")
    assert (sales["meeting_day"], sales["meeting_time"], sales["agenda"]) == (3, "10:30:00", "weekly")
    assert ok(demo("09:00", "meeting", "schedule", "Sales")).strip() == "Sales meets Thursday 10:30 (weekly)"


def test_agendas_reports_a_bad_template(demo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cadence.locations import user_agendas_dir

    folder = user_agendas_dir()
    folder.mkdir(parents=True)
    (folder / "broken.toml").write_text("name = [\n", encoding="utf-8")

    result = demo("09:00", "meeting", "agendas")

    assert result.code == 0
    assert "weekly" in result.out
    assert "broken.toml" in result.err and "template skipped" in result.err


def test_join_is_a_meeting_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cadence", "meeting", "--help"], capture_output=True, text=True, check=True
    )
    for name in "list show start status next pause resume attend rate cascade end export agendas schedule join".split():
        assert f"  {name}" in result.stdout, name


PROBE = """
import sys
from cadence.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("HEAVY:" + ",".join(sorted(n for n in ("textual", "rich") if n in sys.modules)))
"""


def test_meeting_subcommands_do_not_import_textual(tmp_path: Path, clean_env: dict[str, str]) -> None:
    folder = tmp_path / "ws"
    folder.mkdir()
    shutil.copy2(demo_workspace_dir() / "cadence.json", folder / "cadence.json")
    env = {**clean_env, "CADENCE_TODAY": "2026-11-24T09:00"}
    for args in (["meeting", "start"], ["meeting", "status", "--json"], ["meeting", "export"], ["meeting", "agendas"]):
        result = subprocess.run(
            [sys.executable, "-c", PROBE, "--workspace", str(folder), *args],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        assert result.stdout.strip().splitlines()[-1] == "HEAVY:", (args, result.stdout, result.stderr)


def test_cadence_today_may_pin_a_moment_and_refuses_nonsense(demo, workspace_dir: Path) -> None:
    ok(demo("09:00:30", "meeting", "start"))
    assert meeting_record(workspace_dir, "MT-5")["started_at"] == "2026-11-24T09:00:30"
    before = (workspace_dir / "cadence.json").read_bytes()

    refused = demo("nine", "meeting", "next")

    assert refused.code == 1
    assert "CADENCE_TODAY: '2026-11-24Tnine' is not an ISO date" in refused.err
    assert (workspace_dir / "cadence.json").read_bytes() == before

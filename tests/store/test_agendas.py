"""Agenda templates: the four bundled ones, a user's own overriding by id, bad files reported and skipped."""

from __future__ import annotations

from pathlib import Path

import pytest
from cadence.locations import agendas_dir, user_agendas_dir
from cadence.store.agendas import load_agendas
from cadence.store.errors import InputError

USER_WEEKLY = """
id = "weekly"
name = "Our weekly"
[[sections]]
name = "Numbers"
kind = "scorecard"
minutes = 10
[[sections]]
name = "IDS"
kind = "ids"
minutes = 35
"""


def test_the_bundled_templates_load_with_their_totals() -> None:
    found = load_agendas(agendas_dir())

    assert found.problems == []
    totals = {template_id: template.minutes for template_id, template in found.templates.items()}
    assert totals == {
        "weekly": 90,
        "department": 60,
        "same-page": 110,
        "solo": 60,
        "quarterly": 450,
        "annual": 750,
    }
    weekly = found.get("weekly")
    assert [(s.name, s.minutes) for s in weekly.sections] == [
        ("Segue", 5),
        ("Scorecard", 5),
        ("Rock review", 5),
        ("Headlines", 5),
        ("To-Do list", 5),
        ("IDS", 60),
        ("Conclude", 5),
    ]
    assert weekly.ratings and not found.get("solo").ratings and not found.get("same-page").ratings


def test_a_user_template_overrides_a_bundled_one_by_id() -> None:
    folder = user_agendas_dir()
    folder.mkdir(parents=True)
    (folder / "ours.toml").write_text(USER_WEEKLY, encoding="utf-8")

    found = load_agendas()

    assert found.problems == []
    assert found.get("weekly").name == "Our weekly"
    assert found.get("weekly").minutes == 45
    assert found.get("department").minutes == 60, "the other bundled ones stay"


def test_a_template_id_defaults_to_its_file_name(tmp_path: Path) -> None:
    (tmp_path / "standup.toml").write_text(USER_WEEKLY.replace('id = "weekly"', ""), encoding="utf-8")

    assert load_agendas(tmp_path).get("standup").minutes == 45


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("name = [\n", "Invalid value"),  # not TOML
        ('name = "No sections"\nsections = []\n', "sections"),  # TOML, but not a template
        (USER_WEEKLY.replace('kind = "ids"', 'kind = "karaoke"'), "sections.1.kind"),
        (USER_WEEKLY.replace("minutes = 35", "minutes = -5"), "sections.1.minutes"),
    ],
)
def test_a_bad_template_is_reported_with_its_path_and_skipped(tmp_path: Path, text: str, reason: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    (tmp_path / "good.toml").write_text(USER_WEEKLY.replace('id = "weekly"', ""), encoding="utf-8")

    found = load_agendas(agendas_dir(), tmp_path)

    (problem,) = found.problems
    assert problem.startswith(f"{bad}: ") and problem.endswith("(template skipped)")
    assert reason in problem
    assert set(found.templates) == {"weekly", "department", "same-page", "solo", "quarterly", "annual", "good"}


def test_a_template_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    (tmp_path / "latin.toml").write_bytes('name = "Caf\xe9"\n'.encode("latin-1"))

    found = load_agendas(tmp_path)

    assert found.templates == {}
    assert len(found.problems) == 1 and "latin.toml" in found.problems[0]


def test_asking_for_an_unknown_template_names_the_known_ones() -> None:
    with pytest.raises(
        InputError, match=r"no template 'weekley' \(known: annual, department, quarterly, same-page, solo, weekly\)"
    ):
        load_agendas(agendas_dir()).get("weekley")

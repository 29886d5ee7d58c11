"""Sections in the light and the 16-colour ANSI themes, as a plain SSH terminal or a bright room shows them."""

from __future__ import annotations

import pytest

from cadence.tui.config import UserSettings

THEMED = [("cadence-light", "1"), ("cadence-light", "5"), ("cadence-ansi", "2"), ("cadence-ansi", "4")]


@pytest.mark.parametrize(("theme", "section"), THEMED)
def test_section_in_theme(make_app, snap_compare, tmp_path, theme: str, section: str) -> None:
    settings = UserSettings(theme=theme, folder=tmp_path / "themed-config")
    assert snap_compare(make_app(settings=settings), press=[section], terminal_size=(80, 24))

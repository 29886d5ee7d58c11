"""An OS error on a save keeps the form open, with what was typed and a message naming the file."""

from __future__ import annotations

import os
from pathlib import Path


async def test_a_read_only_file_keeps_the_form_and_the_input(make_app, demo_folder: Path) -> None:
    os.chmod(demo_folder / "cadence.json", 0o444)
    before = (demo_folder / "cadence.json").read_bytes()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "a", *"Call the bank", "enter", *"Dana", "enter", *"friday", "enter")
        await pilot.pause()
        form = app.screen
        assert form.__class__.__name__ != "TodosScreen", "the form is still open"
        message = str(form.query_one("#form-error").render())
        assert "read-only" in message and "cadence.json" in message
        assert form.query_one("#field-title").value == "Call the bank"
    assert (demo_folder / "cadence.json").read_bytes() == before


async def test_backups_replaced_by_a_link_keeps_the_form(make_app, demo_folder: Path, tmp_path: Path) -> None:
    decoy = tmp_path / "decoy"
    decoy.mkdir(mode=0o700)
    (demo_folder / "backups").symlink_to(decoy)
    before = (demo_folder / "cadence.json").read_bytes()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "a", *"Call the bank", "enter", *"Dana", "enter", *"friday", "enter")
        await pilot.pause()
        message = str(app.screen.query_one("#form-error").render())
        assert "backups is a symbolic link" in message
        assert app.screen.query_one("#field-title").value == "Call the bank"
    assert (demo_folder / "cadence.json").read_bytes() == before
    assert list(decoy.iterdir()) == [] and (decoy.stat().st_mode & 0o7777) == 0o700

"""``cadence serve`` in a real headless Chromium: log in with the link, work by keys, nothing leaves the machine."""

from __future__ import annotations

import json
from pathlib import Path

from tests.serve.browser import ScreenStream, chromium, off_machine
from tests.serve.conftest import Served

TIMEOUT_MS = 30_000
SCREENSHOT = Path(__file__).parent / "artifacts" / "browser.png"


def todo_titles(folder: Path) -> list[str]:
    data = json.loads((folder / "cadence.json").read_text(encoding="utf-8"))
    return [record["title"] for record in data.get("todos", {}).values()]


def test_a_teammate_logs_in_and_adds_a_todo_by_keys(served: Served) -> None:
    requested: list[str] = []
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        screen = ScreenStream(page)
        page.on("request", lambda request: requested.append(request.url))
        page.on("websocket", lambda socket: requested.append(socket.url))
        response = page.goto(served.link)
        assert response is not None and response.status == 200
        screen.wait_for("Top 3")  # the Dashboard's issues box
        assert "token" not in page.url  # traded for the cookie and taken out of the address bar
        page.click("#terminal")  # keys go to the terminal's input, as for a person who clicked into it
        mark = screen.mark()
        page.keyboard.press("5")
        screen.wait_for("To issue", after=mark)  # the To-Dos footer
        mark = screen.mark()
        page.keyboard.press("a")
        screen.wait_for("What", after=mark)  # the new to-do's form
        for text in ("Call the bank from the browser", "Dana"):
            page.keyboard.type(text)
            page.keyboard.press("Enter")
        page.keyboard.type("friday")
        mark = screen.mark()
        page.keyboard.press("Enter")  # Enter on the last field saves
        screen.wait_for("To-do added", after=mark)  # said once the write is on disk
        screen.wait_for("Call the bank from the browser", after=mark)  # the list, redrawn from the file
        SCREENSHOT.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOT))
    assert "Call the bank from the browser" in todo_titles(served.folder)
    assert requested and not off_machine(requested), off_machine(requested)

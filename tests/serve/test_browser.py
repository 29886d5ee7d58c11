"""``cadence serve`` in a real headless Chromium: log in with the link, work by keys, nothing leaves the machine."""

from __future__ import annotations

import json
from pathlib import Path

from tests.serve.browser import ScreenStream, chromium, foreign_site, off_machine
from tests.serve.conftest import Served, start_server, stop_server

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


def test_without_the_link_the_browser_gets_nothing(served: Served) -> None:
    before = served.workspace_file.read_bytes()
    with chromium() as browser:
        page = browser.new_page()
        for url in (served.base + "/", f"{served.base}/?token=guessed-{served.token[:10]}"):
            response = page.goto(url)
            assert response is not None and response.status == 403, url
        assert "open the link" not in page.content() or "not valid" in page.content()
        assert page.locator("#terminal").count() == 0  # no page, so no app
    served.wait_for_log("refused GET / from 127.0.0.1: wrong or spent login token")
    assert "opened" not in served.log()
    assert served.workspace_file.read_bytes() == before


FOREIGN_PAGE = """<!DOCTYPE html><html><body><script>
const socket = new WebSocket("ws://127.0.0.1:{port}/ws?width=80&height=24");
socket.onopen = () => {{ document.title = "opened"; }};
socket.onclose = () => {{ if (document.title !== "opened") document.title = "refused"; }};
fetch("http://127.0.0.1:{port}/", {{credentials: "include", mode: "no-cors"}});
</script></body></html>"""


def test_a_foreign_page_in_the_same_browser_cannot_use_the_session(served: Served) -> None:
    """The user is logged in; a page from another origin (same site, so the cookie goes along) tries."""
    before = served.workspace_file.read_bytes()
    with foreign_site(FOREIGN_PAGE.format(port=served.port)) as foreign_url, chromium() as browser:
        context = browser.new_context()
        mine = context.new_page()
        mine.goto(served.link)
        served.wait_for_log("session 1 opened")
        attacker = context.new_page()
        attacker.goto(foreign_url)
        attacker.wait_for_function("document.title === 'refused' || document.title === 'opened'")
        assert attacker.title() == "refused"
    served.wait_for_log(r"refused GET /ws from 127.0.0.1: Origin 'http://127.0.0.1:\d+'")
    served.wait_for_log(r"refused GET / from 127.0.0.1: Sec-Fetch-Site 'same-site'")  # the fetch, cookie and all
    assert "session 2 opened" not in served.log()
    assert served.workspace_file.read_bytes() == before


def test_the_tab_past_the_cap_is_refused(team_folder: Path) -> None:
    served = start_server(team_folder, "--max-sessions", "1")
    try:
        with chromium() as browser:
            context = browser.new_context()
            first = context.new_page()
            first.goto(served.link)
            served.wait_for_log("session 1 opened")
            second = context.new_page()
            second.goto(served.base + "/")
            second.wait_for_selector("body.-closed", timeout=TIMEOUT_MS)  # the "Session ended" notice
            assert second.locator(".notice.ended").is_visible()
        served.wait_for_log("refused a session from 127.0.0.1: 1 sessions are open")
    finally:
        stop_server(served)


def test_an_export_reaches_the_browser_as_a_download(served: Served, tmp_path: Path) -> None:
    """Vision's x: in a terminal a file beside the user; here a download, and nothing written on the server."""
    server_files = sorted(path.name for path in served.folder.parent.iterdir())  # the server's working folder
    with chromium() as browser:
        context = browser.new_context(accept_downloads=True)
        page = context.new_page()
        screen = ScreenStream(page)
        page.goto(served.link)
        screen.wait_for("Top 3")
        page.click("#terminal")
        mark = screen.mark()
        page.keyboard.press("8")
        screen.wait_for("Export", after=mark)  # the Vision footer
        mark = screen.mark()
        page.keyboard.press("x")
        screen.wait_for("File name", after=mark)
        with page.expect_download(timeout=TIMEOUT_MS) as started:  # textual.js opens the link in a new tab
            page.keyboard.press("Enter")
        download = started.value
        assert download.url.startswith(served.base + "/download/")
        saved = tmp_path / "laptop" / download.suggested_filename  # not the server's folder, checked below
        download.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    assert saved.suffix == ".md" and "Core values" in text.replace("Core Values", "Core values")
    assert sorted(path.name for path in served.folder.parent.iterdir() if path.name != "laptop") == server_files


def test_two_tabs_are_two_writers_and_see_each_other(served: Served) -> None:
    with chromium() as browser:
        context = browser.new_context()
        tabs = [context.new_page() for _ in range(2)]
        screens = [ScreenStream(tab) for tab in tabs]
        tabs[0].goto(served.link)
        tabs[1].goto(served.base + "/")  # the second tab rides on the cookie the first one got
        for tab, screen in zip(tabs, screens, strict=True):
            screen.wait_for("Top 3")
            tab.click("#terminal")
            mark = screen.mark()
            tab.keyboard.press("5")
            screen.wait_for("To issue", after=mark)
        served.wait_for_log("session 2 opened")
        writer, watcher = tabs[0], screens[1]
        mark = watcher.mark()
        writer.keyboard.press("a")
        screens[0].wait_for("What")
        writer.keyboard.type("Written in the first tab")
        writer.keyboard.press("Enter")
        writer.keyboard.type("Tom")
        writer.keyboard.press("Enter")
        writer.keyboard.press("Enter")
        watcher.wait_for("Written in the first tab", after=mark)  # the other tab's app noticed the file change
    assert "Written in the first tab" in todo_titles(served.folder)

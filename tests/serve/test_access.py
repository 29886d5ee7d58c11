"""Who gets in: the login link, the cookie it buys, and everything refused without them.

Driven over HTTP and the websocket against a real ``cadence serve``, the
way another member of the server (or a page in the user's browser) would
try it. A refusal is a 403 before any app starts: the log shows no session
opened and the workspace file is byte for byte as it was.
"""

from __future__ import annotations

from pathlib import Path

import aiohttp
import pytest

from tests.serve.conftest import Served, start_server, stop_server

PROTECTED = ["/", "/static/js/textual.js", "/static/fonts/RobotoMono-VariableFont_wght.ttf", "/page/page.css"]


async def get(session: aiohttp.ClientSession, url: str, **headers: str) -> tuple[int, str]:
    async with session.get(url, headers=headers, allow_redirects=False) as response:
        return response.status, await response.text(errors="replace")


async def logged_in(served: Served) -> aiohttp.ClientSession:
    """A client that has traded the token for the cookie, as a browser opening the link does."""
    session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
    status, _ = await get(session, served.link)
    assert status == 200
    return session


async def open_socket(session: aiohttp.ClientSession, served: Served, origin: str | None) -> int:
    """The status the websocket upgrade got (101 when it opened, then closed again)."""
    headers = {"Origin": origin} if origin else {}
    try:
        socket = await session.ws_connect(f"{served.base.replace('http', 'ws')}/ws?width=80&height=24", headers=headers)
    except aiohttp.WSServerHandshakeError as refused:
        return refused.status
    await socket.close()
    return 101


async def test_without_the_token_nothing_is_served(served: Served) -> None:
    before = served.workspace_file.read_bytes()
    async with aiohttp.ClientSession() as session:
        for path in [*PROTECTED, "/download/0123abcd", "/ws"]:
            status, _ = await get(session, served.base + path)
            assert status == 403, path
        status, text = await get(session, served.base + "/")
        assert "open the link" in text
        assert await open_socket(session, served, served.base) == 403
    served.wait_for_log("refused GET /ws .*no session cookie")
    assert "session 1 opened" not in served.log()
    assert served.workspace_file.read_bytes() == before


async def test_a_wrong_token_is_refused_and_does_not_spend_the_right_one(served: Served) -> None:
    async with aiohttp.ClientSession() as session:
        status, text = await get(session, f"{served.base}/?token=not-the-token")
        assert status == 403 and "not valid" in text
        status, _ = await get(session, f"{served.base}/?token={served.token}x")
        assert status == 403
    served.wait_for_log("wrong or spent login token")
    session = await logged_in(served)
    await session.close()


async def test_the_token_buys_a_strict_httponly_cookie_once(served: Served) -> None:
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        async with session.get(served.link) as response:
            assert response.status == 200
            cookie = response.headers["Set-Cookie"]
            policy = response.headers["Content-Security-Policy"]
            assert response.headers["X-Frame-Options"] == "DENY"
            assert response.headers["Referrer-Policy"] == "no-referrer"
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
        assert "default-src 'none'" in policy and "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
        for path in PROTECTED:
            status, _ = await get(session, served.base + path)
            assert status == 200, path
    async with aiohttp.ClientSession() as stranger:  # the same link, a second time, from a browser without the cookie
        status, text = await get(stranger, served.link)
        assert status == 403 and "already used" in text
    assert served.token not in served.log()  # no access log: the token is never written down


async def test_the_page_loads_nothing_from_outside(served: Served) -> None:
    session = await logged_in(served)
    async with session:
        _, page = await get(session, served.base + "/")
        _, style = await get(session, served.base + "/page/page.css")
    for text in (page, style):
        assert "https://" not in text and "http://" not in text.replace(served.base, "")
    assert "/static/fonts/RobotoMono" in style


async def test_the_websocket_needs_this_pages_origin(served: Served) -> None:
    before = served.workspace_file.read_bytes()
    session = await logged_in(served)
    async with session:
        for origin in ("http://evil.example", None, "null", served.base.replace("127.0.0.1", "localhost")):
            assert await open_socket(session, served, origin) == 403, origin
        assert "session 1 opened" not in served.log()
        assert await open_socket(session, served, served.base) == 101
    served.wait_for_log("session 1 opened from 127.0.0.1")
    served.wait_for_log(r"refused GET /ws .*Origin 'http://evil.example'")
    assert served.workspace_file.read_bytes() == before


async def test_a_foreign_host_name_is_refused_even_with_the_cookie(served: Served) -> None:
    """DNS rebinding: a page on attacker.example resolved to 127.0.0.1 sends its own Host."""
    session = await logged_in(served)
    async with session:
        status, text = await get(session, served.base + "/", Host=f"attacker.example:{served.port}")
        assert status == 403 and "host name" in text
        status, _ = await get(session, served.base + "/", Host=f"localhost:{served.port + 1}")
        assert status == 200  # any loopback name and port: an ssh -L tunnel on another local port


@pytest.fixture
def one_session_server(team_folder):  # type: ignore[no-untyped-def]
    server = start_server(team_folder, "--max-sessions", "1")
    yield server
    stop_server(server)


async def test_the_session_past_the_cap_is_refused(one_session_server: Served) -> None:
    served = one_session_server
    session = await logged_in(served)
    async with session:
        url = f"{served.base.replace('http', 'ws')}/ws?width=80&height=24"
        first = await session.ws_connect(url, headers={"Origin": served.base})
        served.wait_for_log("session 1 opened")
        assert await open_socket(session, served, served.base) == 503
        served.wait_for_log("refused a session from 127.0.0.1: 1 sessions are open")
        await first.close()
        served.wait_for_log("session 1 from 127.0.0.1 closed")
        assert await open_socket(session, served, served.base) == 101  # a freed place is taken again
    served.wait_for_log("session 2 opened")


async def test_fetch_metadata_lets_only_this_page_and_a_followed_link_in(served: Served) -> None:
    session = await logged_in(served)
    async with session:
        for site in ("same-site", "cross-site"):
            status, _ = await get(session, served.base + "/static/js/textual.js", **{"Sec-Fetch-Site": site})
            assert status == 403, site
        navigation = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document"}
        status, _ = await get(session, served.base + "/", **navigation)
        assert status == 200  # the link, followed from a chat or a mail
        status, _ = await get(session, served.base + "/static/js/textual.js", **{"Sec-Fetch-Site": "same-origin"})
        assert status == 200
    served.wait_for_log(r"refused GET /static/js/textual.js from 127.0.0.1: Sec-Fetch-Site 'cross-site'")


def app_processes(folder: Path) -> list[int]:
    """Processes running the app on ``folder`` (one per open tab), read from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            words = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"cadence" in words and str(folder).encode() in words and b"serve" not in words:
            found.append(int(entry.name))
    return found


async def test_stopping_the_server_ends_every_tabs_app(served: Served) -> None:
    session = await logged_in(served)
    async with session:
        url = f"{served.base.replace('http', 'ws')}/ws?width=80&height=24"
        socket = await session.ws_connect(url, headers={"Origin": served.base})
        await socket.receive(timeout=30)  # the app has started and drawn
        assert app_processes(served.folder)
        stop_server(served)
        assert served.process.returncode == 0
    served.errors.wait_for("session 1 from 127.0.0.1 closed")
    assert "Traceback" not in served.log() and "Event loop is closed" not in served.log()
    assert app_processes(served.folder) == []

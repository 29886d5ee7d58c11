"""The pieces of ``cadence serve`` on their own: tokens, host rules, limits, and the websocket relay."""

from __future__ import annotations

import asyncio
import json
import socket
from typing import Any

import pytest
from cadence.serve.access import LoginToken, SessionCookies, cookie_name
from cadence.serve.hosts import HostPolicy, is_loopback, websocket_url
from cadence.serve.server import GuardedServer, content_disposition
from cadence.serve.sessions import MAX_COLUMNS, MAX_ROWS, Session, SessionBook, clamp_size


def test_a_printed_token_works_once_and_a_file_token_always() -> None:
    once = LoginToken("a" * 43)
    assert not once.accept("b" * 43)
    assert once.accept("a" * 43)
    assert not once.accept("a" * 43)
    fixed = LoginToken("c" * 43, reusable=True)
    assert fixed.accept("c" * 43) and fixed.accept("c" * 43)


def test_cookies_are_issued_fresh_and_only_those_admit() -> None:
    cookies = SessionCookies(cookie_name(8000))
    first, second = cookies.issue(), cookies.issue()
    assert first != second and len(first) >= 40
    assert cookies.admits(first) and cookies.admits(second)
    assert not cookies.admits(None) and not cookies.admits("") and not cookies.admits(first[:-1])
    assert cookie_name(8000) != cookie_name(8001)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.8.0.1", True), ("::1", True), ("[::1]", True), ("localhost", True),
     ("0.0.0.0", False), ("::", False), ("10.0.0.5", False), ("cadence.example.com", False)],
)  # fmt: skip
def test_loopback_names(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_a_loopback_server_answers_only_to_loopback_names() -> None:
    policy = HostPolicy("127.0.0.1")
    for loopback in ("127.0.0.1:8000", "localhost:9000", "[::1]:1"):
        assert policy.allows_host(loopback), loopback
    for foreign in ("attacker.example:8000", "", None, "10.0.0.5:8000", "127.0.0.1.attacker.example"):
        assert not policy.allows_host(foreign), foreign


def test_the_origin_must_be_the_page_itself() -> None:
    policy = HostPolicy("127.0.0.1")
    assert policy.allows_origin("http://127.0.0.1:8000", "http", "127.0.0.1:8000")
    for origin in ("http://evil.example", "null", None, "http://127.0.0.1:8001", "https://127.0.0.1:8000"):
        assert not policy.allows_origin(origin, "http", "127.0.0.1:8000"), origin


def test_behind_a_proxy_the_public_url_is_the_origin() -> None:
    policy = HostPolicy("127.0.0.1", "https://cadence.example.com")
    assert policy.allows_host("cadence.example.com")
    assert not policy.allows_host("other.example.com")
    assert policy.allows_origin("https://cadence.example.com", "http", "cadence.example.com")
    assert not policy.allows_origin("http://evil.example", "http", "cadence.example.com")
    assert websocket_url("https://cadence.example.com") == "wss://cadence.example.com/ws"
    assert websocket_url("http://127.0.0.1:8000/") == "ws://127.0.0.1:8000/ws"


def test_bound_wide_without_a_public_url_any_host_but_only_its_own_origin() -> None:
    policy = HostPolicy("0.0.0.0")
    assert policy.allows_host("server.lan:8000")
    assert policy.allows_origin("http://server.lan:8000", "http", "server.lan:8000")
    assert not policy.allows_origin("http://evil.example", "http", "server.lan:8000")


@pytest.mark.parametrize(
    ("asked", "given"),
    [((2000, 2000), (MAX_COLUMNS, MAX_ROWS)), ((120, 40), (120, 40)), ((0, -5), (20, 5)),
     (("wide", None), (80, 24)), ((True, 3.5), (80, 24)), (("132", "43"), (132, 43))],
)  # fmt: skip
def test_terminal_sizes_are_clamped(asked: tuple[Any, Any], given: tuple[int, int]) -> None:
    assert clamp_size(*asked) == given


def test_the_book_refuses_past_its_limit_and_frees_places() -> None:
    book = SessionBook(limit=2)
    first, second = book.start("127.0.0.1"), book.start("127.0.0.1")
    assert first and second and first.number != second.number
    assert book.start("127.0.0.1") is None
    book.end(first)
    third = book.start("127.0.0.1")
    assert third is not None and third.number == 3


class FakeApp:
    """What the relay sends the app process, recorded."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []
        self._task = None

    async def send_bytes(self, data: bytes) -> bool:
        self.calls.append(("stdin", data))
        return True

    async def set_terminal_size(self, width: int, height: int) -> None:
        self.calls.append(("resize", (width, height)))

    async def blur(self) -> None:
        self.calls.append(("blur", None))

    async def focus(self) -> None:
        self.calls.append(("focus", None))


class FakeSocket:
    """A websocket whose browser says nothing: each receive waits out its timeout."""

    def __init__(self) -> None:
        self.sent: list[Any] = []
        self.closed = False

    async def send_json(self, data: Any) -> None:
        self.sent.append(data)

    async def receive(self, timeout: float) -> Any:
        await asyncio.sleep(timeout)  # the silence being modelled, not a wait for something else
        raise TimeoutError


@pytest.fixture
def server() -> GuardedServer:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    yield GuardedServer(
        "true", listener=listener, host="127.0.0.1", token=LoginToken("t" * 43), max_sessions=2, idle_seconds=0.2
    )
    listener.close()


async def test_the_relay_passes_keys_clamps_sizes_and_ignores_junk(server: GuardedServer) -> None:
    app, browser = FakeApp(), FakeSocket()
    session = Session(1, "127.0.0.1")
    for message in (
        json.dumps(["stdin", "a"]),
        json.dumps(["resize", {"width": 2000, "height": 2000}]),
        json.dumps(["ping", "123"]),
        "not json",
        json.dumps({"stdin": "x"}),
        json.dumps(["stdin", 42]),
        json.dumps(["resize", "huge"]),
        json.dumps(["unknown", 1]),
        json.dumps([]),
        json.dumps(["focus"]),
    ):
        await server.handle_message(message, browser, app, session)
    assert app.calls == [("stdin", b"a"), ("resize", (MAX_COLUMNS, MAX_ROWS)), ("focus", None)]
    assert browser.sent == [["pong", "123"]]


async def test_a_silent_session_is_closed_as_idle(server: GuardedServer) -> None:
    session = Session(1, "127.0.0.1")
    reason = await asyncio.wait_for(server.relay(FakeSocket(), FakeApp(), session), timeout=10)
    assert reason.startswith("idle")
    assert session.idle_for() >= 0.2


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "vision-2026-12-02.md",
            "attachment; filename=\"vision-2026-12-02.md\"; filename*=UTF-8''vision-2026-12-02.md",
        ),
        ('Ops; "North".csv', "attachment; filename=\"Ops___North_.csv\"; filename*=UTF-8''Ops%3B%20%22North%22.csv"),
        ("Qualität.md", "attachment; filename=\"Qualit_t.md\"; filename*=UTF-8''Qualit%C3%A4t.md"),
    ],
)
def test_a_download_name_cannot_break_its_header(name: str, expected: str) -> None:
    assert content_disposition(name, "download") == expected

"""Debian's Chromium, headless, driven by Playwright: the browser a teammate would use.

Playwright's own browser builds are never downloaded; the system Chromium
(``apt-get install chromium``, which the README's test command does) is
launched with the flags that keep it from calling home, so any request it
makes to somewhere other than this machine is the page's doing.
"""

from __future__ import annotations

import re
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from cadence.serve.hosts import is_loopback
from playwright.sync_api import Browser, Page, WebSocket, sync_playwright

CHROMIUM_FLAGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    found = shutil.which("chromium")
    assert found, "Debian's chromium is needed for the browser tests: apt-get install chromium (README, Run the tests)"
    return found


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def off_machine(urls: list[str]) -> list[str]:
    """The URLs that left the machine (anything but loopback; data: and blob: URLs never do)."""
    return [
        url
        for url in urls
        if urlsplit(url).scheme in ("http", "https", "ws", "wss") and not is_loopback(urlsplit(url).hostname or "")
    ]


ESCAPES = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")


class ScreenStream:
    """What the app has drawn, read off the websocket: the canvas renderer leaves no text in the page.

    Textual writes each run of same-styled text whole, so a word on screen is
    a substring of the frames with their escape sequences taken out.
    """

    def __init__(self, page: Page) -> None:
        self.page = page
        self.frames: list[str] = []
        page.on("websocket", self._watch)

    def _watch(self, socket: WebSocket) -> None:
        socket.on("framereceived", self._received)

    def _received(self, payload: str | bytes) -> None:
        text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
        self.frames.append(ESCAPES.sub("", text))

    def mark(self) -> int:
        """A point in the stream: ``wait_for(..., after=mark)`` looks only at what was drawn since."""
        return len(self.frames)

    def wait_for(self, text: str, after: int = 0, timeout: float = 30) -> None:
        """Wait (bounded) until ``text`` has been drawn since ``after``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in "".join(self.frames[after:]):
                return
            self.page.wait_for_timeout(50)  # lets Playwright deliver the next frames
        raise AssertionError(f"{text!r} was never drawn; last frames: {''.join(self.frames[-5:])[-2000:]!r}")


@contextmanager
def foreign_site(html: str) -> Iterator[str]:
    """Another origin on this machine (127.0.0.1, another port) serving one page: the hostile tab."""

    class OnePage(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the http.server API)
            body = html.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), OnePage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()

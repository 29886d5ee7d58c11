"""textual-serve's server with the guard, a page that needs no internet, and the session limits.

textual-serve keeps doing what it does well: one app process per tab,
relayed over a websocket, and file deliveries as downloads. What changes:
every request passes ``Guard``; the page is cadence's own, loading only
this server's scripts and the font textual-serve ships (its page loads
Roboto Mono from a public CDN); the websocket's messages are checked and
sizes clamped; sessions are counted, logged and closed when idle; and the
access log is off, since its lines would carry the login token.
"""

from __future__ import annotations

import asyncio
import html
import json
import logging
import socket
import string
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from cadence.serve.access import LoginToken, SessionCookies, cookie_name
from cadence.serve.guard import Guard, describe
from cadence.serve.hosts import HostPolicy, websocket_url
from cadence.serve.sessions import Session, SessionBook, clamp_size

log = logging.getLogger("cadence.serve")

PAGE_FOLDER = Path(__file__).parent / "page"
MAX_MESSAGE_BYTES = 1024 * 1024  # a long paste fits; a flood does not
APP_EXIT_SECONDS = 10
ENDED = {WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED, WSMsgType.ERROR}


class GuardedServer(Server):
    """Serve ``command`` (the cadence app) to browsers that hold the login token."""

    def __init__(
        self,
        command: str,
        *,
        listener: socket.socket,
        host: str,
        token: LoginToken,
        public_url: str | None = None,
        max_sessions: int,
        idle_seconds: float,
        title: str = "cadence",
    ) -> None:
        port = listener.getsockname()[1]
        super().__init__(command, host=host, port=port, title=title, public_url=public_url)
        self.listener = listener
        self.policy = HostPolicy(host, public_url)
        self.guard = Guard(
            self.policy,
            token,
            SessionCookies(cookie_name(port)),
            secure_cookie=bool(public_url and public_url.startswith("https")),
        )
        self.book = SessionBook(max_sessions)
        self.sockets: dict[int, web.WebSocketResponse] = {}
        self.idle_seconds = idle_seconds
        self.page = string.Template((PAGE_FOLDER / "page.html").read_text(encoding="utf-8"))

    def initialize_logging(self) -> None:
        logging.basicConfig(
            level=logging.INFO,
            stream=sys.stderr,
            format="%(asctime)s %(message)s",
            datefmt="%Y-%m-%d %H:%M:%S",
        )

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self.guard.middleware])
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.get("/favicon.ico", no_icon, name="favicon"),  # browsers ask; a 404 would be a console error
                web.static("/static", self.statics_path, name="static"),  # textual-serve's script, css, fonts
                web.static("/page", PAGE_FOLDER / "assets", name="page"),
            ]
        )
        app.on_response_prepare.append(self.guard.add_headers)
        app.on_shutdown.append(self.close_sessions)
        return app

    async def close_sessions(self, _: web.Application) -> None:
        """On Ctrl+C or SIGTERM: each tab's app is told to quit and waited for, none left running."""
        for websocket in list(self.sockets.values()):
            await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"cadence serve stopped")

    def serve(self, debug: bool = False) -> None:
        """Run until Ctrl+C or SIGTERM, without an access log (its lines would carry the token)."""
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        web.run_app(
            self._make_app(),
            sock=self.listener,
            loop=loop,
            access_log=None,
            print=lambda *args: None,
        )

    async def handle_index(self, request: web.Request) -> web.Response:
        """The page: the terminal, pointed at this server's websocket as the browser reached it."""
        page_url = self.policy.public_url or f"{request.scheme}://{request.host}/"
        font_size = clamp_font(request.query.get("fontsize", "16"))
        text = self.page.substitute(
            title=html.escape(self.title),
            websocket_url=html.escape(websocket_url(page_url)),
            font_size=font_size,
        )
        return web.Response(text=text, content_type="text/html")

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        """A delivered export, named safely (textual-serve writes the name unquoted into the header)."""
        key = request.match_info["key"]
        try:
            meta = await self.download_manager.get_download_metadata(key)
        except KeyError:
            raise web.HTTPNotFound(text="cadence: that download is gone (each link works once)\n") from None
        response = web.StreamResponse()
        content_type = meta.mime_type + (f"; charset={meta.encoding}" if meta.encoding else "")
        response.headers["Content-Type"] = content_type
        response.headers["Content-Disposition"] = content_disposition(meta.file_name, meta.open_method)
        await response.prepare(request)
        async for chunk in self.download_manager.download(key):
            await response.write(chunk)
        await response.write_eof()
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One tab, one app process: counted against the cap, its size clamped, closed when idle."""
        session = self.book.start(describe(request))
        if session is None:
            log.warning(
                "refused a session from %s: %d sessions are open (--max-sessions)", describe(request), self.book.limit
            )
            raise web.HTTPServiceUnavailable(
                text=f"cadence: {self.book.limit} sessions are open, the most this server allows; "
                "close a tab and try again\n"
            )
        width, height = clamp_size(request.query.get("width"), request.query.get("height"))
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE_BYTES)
        log.info(
            "session %d opened from %s (%d of %d)", session.number, session.remote, len(self.book.open), self.book.limit
        )
        reason = "the browser closed it"
        self.sockets[session.number] = websocket
        try:
            await websocket.prepare(request)
            service = AppService(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=lambda: close_socket(websocket),
                download_manager=self.download_manager,
                debug=False,
            )
            await service.start(width, height)
            watcher = asyncio.create_task(close_when_app_ends(service, websocket))
            try:
                reason = await self.relay(websocket, service, session)
            finally:
                watcher.cancel()
                await end_app(service)
                await websocket.close()
        except Exception:
            log.exception("session %d failed", session.number)
            reason = "an error"
        finally:
            self.sockets.pop(session.number, None)
            self.book.end(session)
            log.info(
                "session %d from %s closed after %s: %s", session.number, session.remote, session.age_text(), reason
            )
        return websocket

    async def relay(self, websocket: web.WebSocketResponse, service: Any, session: Session) -> str:
        """Pass the browser's keys and sizes to the app until the tab closes or sits idle; say which."""
        while True:
            remaining = self.idle_seconds - session.idle_for()
            if remaining <= 0:
                return f"idle for {int(self.idle_seconds // 60)} minutes"
            try:
                message = await websocket.receive(timeout=remaining)
            except TimeoutError:
                continue
            if message.type in ENDED:
                app_task = service._task
                return "the app quit" if app_task is not None and app_task.done() else "the browser closed it"
            if message.type == WSMsgType.TEXT:
                await self.handle_message(message.data, websocket, service, session)

    async def handle_message(self, data: str, websocket: web.WebSocketResponse, service: Any, session: Session) -> None:
        """One message from textual.js; anything not shaped like one is ignored rather than trusted."""
        try:
            envelope = json.loads(data)
        except ValueError:
            return
        if not isinstance(envelope, list) or not envelope:
            return
        kind, payload = envelope[0], envelope[1] if len(envelope) > 1 else None
        if kind == "stdin" and isinstance(payload, str):
            session.touch()
            await service.send_bytes(payload.encode("utf-8"))
        elif kind == "resize" and isinstance(payload, dict):
            session.touch()
            await service.set_terminal_size(*clamp_size(payload.get("width"), payload.get("height")))
        elif kind == "ping" and isinstance(payload, str):
            await websocket.send_json(["pong", payload[:64]])
        elif kind == "blur":
            await service.blur()
        elif kind == "focus":
            await service.focus()


def listen(host: str, port: int) -> socket.socket:
    """A socket bound and listening before anything is printed: a busy port fails here, and port 0 picks one."""
    family, kind, protocol, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    listener = socket.socket(family, kind, protocol)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(address)
        listener.listen(64)
    except OSError:
        listener.close()
        raise
    return listener


async def close_when_app_ends(service: Any, websocket: web.WebSocketResponse) -> None:
    """An app that quits or dies closes its tab's websocket (textual-serve leaves it open if the app crashes)."""
    task = service._task
    if task is not None:
        await asyncio.shield(task)
    await websocket.close()


async def end_app(service: Any) -> None:
    """Tell the app to quit and wait for its process to exit (killed after 10 s): no tab's app outlives it."""
    await service.stop()
    process = service._process
    if process is None or process.returncode is not None:
        return
    try:
        await asyncio.wait_for(process.wait(), APP_EXIT_SECONDS)
    except TimeoutError:
        log.warning("an app did not quit within %d s; killed", APP_EXIT_SECONDS)
        process.kill()
        await process.wait()


async def no_icon(_: web.Request) -> web.Response:
    return web.Response(status=204)


async def close_socket(websocket: web.WebSocketResponse) -> None:
    await websocket.close()


def content_disposition(file_name: str, open_method: str) -> str:
    """An RFC 6266 header for any name: a plain ASCII fallback, and the exact name UTF-8 encoded beside it.

    A team called ``Ops; "North"`` must not break the header or smuggle a parameter into it.
    """
    disposition = "inline" if open_method == "browser" else "attachment"
    fallback = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in file_name)
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{quote(file_name, safe='')}"


def clamp_font(value: str) -> int:
    """The ``fontsize`` query parameter, between 8 and 48 (16 if it is not a number)."""
    try:
        size = int(value)
    except ValueError:
        return 16
    return max(8, min(size, 48))

"""The check every request passes before textual-serve sees it.

In order: the Host must be one this server answers to (DNS rebinding); an
``Origin``, which the websocket must carry, must be this page's own (a
foreign page in the user's browser); a browser's fetch metadata must say
the request comes from this page, or is a person following a link to it
(a foreign page's plain GET carries no ``Origin``, but the user's cookie,
since another port of 127.0.0.1 is the same site); and it must carry a session
cookie, except the page asked for with the login token, which is where the
cookie is issued. Anything else is refused with 403 and logged with its
address, before any app process starts or any file is read. Every response,
refusals included, tells the browser to frame nothing, leak no referrer,
cache nothing and run only this server's scripts.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiohttp import web

from cadence.serve.access import LoginToken, SessionCookies
from cadence.serve.hosts import HostPolicy, origin_of, websocket_url

log = logging.getLogger("cadence.serve")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

NO_COOKIE = (
    "cadence: open the link that `cadence serve` printed; it carries a login token.\n"
    "This browser has no session here yet.\n"
)
BAD_TOKEN = (
    "cadence: this login link is not valid, or it was already used (a printed link works once).\n"
    "Restart `cadence serve` for a new link, or keep a fixed one with --token-file.\n"
)
FOREIGN_HOST = "cadence: this server does not answer to that host name.\n"
FOREIGN_ORIGIN = "cadence: a page from another site may not use this server.\n"


@dataclass
class Guard:
    """Host, Origin and cookie checks, and the headers on every response."""

    policy: HostPolicy
    token: LoginToken
    cookies: SessionCookies
    secure_cookie: bool = False

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        host = request.headers.get("Host")
        if not self.policy.allows_host(host):
            return self.refuse(request, FOREIGN_HOST, "unknown Host header")
        origin = request.headers.get("Origin")
        if (origin is not None or request.path == "/ws") and not self.policy.allows_origin(
            origin, request.scheme, host
        ):
            return self.refuse(request, FOREIGN_ORIGIN, f"Origin {origin!r}")
        site = request.headers.get("Sec-Fetch-Site")
        if site not in (None, "same-origin", "none") and not is_navigation(request):
            return self.refuse(request, FOREIGN_ORIGIN, f"Sec-Fetch-Site {site!r}")
        if self.cookies.admits(request.cookies.get(self.cookies.name)):
            return await handler(request)
        offered = request.query.get("token")
        if request.path != "/" or offered is None:
            return self.refuse(request, NO_COOKIE, "no session cookie")
        if not self.token.accept(offered):
            return self.refuse(request, BAD_TOKEN, "wrong or spent login token")
        response = await handler(request)
        response.set_cookie(
            self.cookies.name,
            self.cookies.issue(),
            httponly=True,
            samesite="Strict",
            secure=self.secure_cookie or request.secure,
            path="/",
        )
        log.info("login from %s (the token was right)", describe(request))
        return response

    def refuse(self, request: web.Request, text: str, why: str) -> web.Response:
        log.warning("refused %s %s from %s: %s", request.method, request.path, describe(request), why)
        return web.Response(status=403, text=text)

    async def add_headers(self, request: web.Request, response: web.StreamResponse) -> None:
        """``on_response_prepare``: safety headers on everything, the websocket's upgrade and files included."""
        host = request.headers.get("Host", "")
        sockets = {f"ws://{host}", f"wss://{host}"}
        if self.policy.public_url:
            sockets.add(origin_of(websocket_url(self.policy.public_url)))
        headers = response.headers
        headers["Content-Security-Policy"] = (
            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; "
            f"img-src 'self' data:; connect-src 'self' {' '.join(sorted(sockets))}; frame-ancestors 'none'; "
            "base-uri 'none'; form-action 'none'"
        )
        headers["X-Frame-Options"] = "DENY"
        headers["X-Content-Type-Options"] = "nosniff"
        headers["Referrer-Policy"] = "no-referrer"
        headers["Cache-Control"] = "no-store"


def is_navigation(request: web.Request) -> bool:
    """A person following a link to the page (from a chat, say): the only cross-site request let through."""
    headers = request.headers
    return (
        request.method == "GET"
        and headers.get("Sec-Fetch-Mode") == "navigate"
        and headers.get("Sec-Fetch-Dest") == "document"
    )


def describe(request: web.Request) -> str:
    """The peer's address, and who a proxy says it forwarded for (for the log only: never trusted)."""
    remote = request.remote or "unknown"
    forwarded = request.headers.get("X-Forwarded-For")
    return f"{remote} (forwarded for {forwarded})" if forwarded else remote

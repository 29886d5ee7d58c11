"""Which Host a request may name and which Origin may open the websocket.

Two attacks reach a server on 127.0.0.1 without going through its owner:
another member of the machine connecting directly (stopped by the cookie),
and a web page in the owner's own browser. A foreign page's websocket
carries its own ``Origin``, which must equal the page's origin here; and a
page on a name that an attacker's DNS points at 127.0.0.1 (DNS rebinding)
carries its own ``Host``, which a loopback server refuses: it answers only
to loopback names, on any port, so an ``ssh -L`` tunnel on another port works.
Behind a reverse proxy, ``--public-url`` names the one origin browsers use.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def is_loopback(host: str) -> bool:
    """True for a loopback name or address (127.0.0.0/8, ::1, localhost)."""
    name = host.strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def host_name(host_header: str) -> str:
    """The name in a Host header, without its port (``[::1]:8000`` -> ``::1``)."""
    split = urlsplit("//" + host_header)
    return split.hostname or ""


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of a URL, lower-cased, as a browser writes ``Origin``."""
    split = urlsplit(url)
    return f"{split.scheme}://{split.netloc}".lower()


@dataclass(frozen=True)
class HostPolicy:
    """What the server bound to and, behind a proxy, the URL browsers use."""

    bound_host: str
    public_url: str | None = None

    @property
    def loopback_only(self) -> bool:
        return is_loopback(self.bound_host)

    def allows_host(self, host_header: str | None) -> bool:
        """A Host this server answers to: loopback names (any port), the public URL's, or any if bound wide."""
        if not host_header:
            return False
        name = host_name(host_header)
        if not name:
            return False
        if is_loopback(name):
            return True
        if self.public_url and host_header.lower() == urlsplit(self.public_url).netloc.lower():
            return True
        return not self.loopback_only and self.public_url is None

    def expected_origin(self, scheme: str, host_header: str) -> str:
        """The only Origin a page served here can have."""
        if self.public_url:
            return origin_of(self.public_url)
        return f"{scheme}://{host_header}".lower()

    def allows_origin(self, origin: str | None, scheme: str, host_header: str | None) -> bool:
        """The websocket's Origin is this very page's (never absent: every browser sends one)."""
        if not origin or not host_header:
            return False
        expected = {self.expected_origin(scheme, host_header)}
        if self.public_url:
            expected.add(f"{scheme}://{host_header}".lower())  # reached directly on the bound address too
        return origin.lower() in expected


def websocket_url(page_url: str, path: str = "/ws") -> str:
    """The websocket URL beside a page URL: ``https://x/`` -> ``wss://x/ws``."""
    split = urlsplit(page_url)
    scheme = "wss" if split.scheme == "https" else "ws"
    base = split.path.rstrip("/")
    return f"{scheme}://{split.netloc}{base}{path}"

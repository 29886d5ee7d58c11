"""The login token a user is given, and the session cookies it is exchanged for.

The token travels once, in the URL ``cadence serve`` prints; the browser
trades it for a random cookie (HttpOnly, SameSite=Strict) and the token
leaves the address bar. A printed token works once, so a URL seen over a
shoulder or left in a shell history is worthless after the user has opened
it; a token kept in a ``--token-file`` is fixed, so the same link works
after a restart, and each browser that uses it gets its own cookie.
Every comparison is constant-time.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field

TOKEN_BYTES = 32


def new_secret() -> str:
    """A random URL-safe secret (256 bits)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


@dataclass
class LoginToken:
    """The secret in the printed URL. ``reusable`` is False for a printed token, True for a token file's."""

    value: str
    reusable: bool = False
    spent: bool = False

    def accept(self, offered: str) -> bool:
        """True once for the right token (or always, if reusable); a spent or wrong token is refused."""
        if self.spent or not hmac.compare_digest(offered.encode(), self.value.encode()):
            return False
        if not self.reusable:
            self.spent = True
        return True


@dataclass
class SessionCookies:
    """The cookies handed out in exchange for the token, valid until the server stops."""

    name: str
    issued: set[str] = field(default_factory=set)

    def issue(self) -> str:
        cookie = new_secret()
        self.issued.add(cookie)
        return cookie

    def admits(self, offered: str | None) -> bool:
        if not offered:
            return False
        candidate = offered.encode()
        # Compare against each, without stopping early, so timing says nothing about which nearly matched.
        return any([hmac.compare_digest(candidate, known.encode()) for known in self.issued])


def cookie_name(port: int) -> str:
    """Per port: a browser sends a host's cookies to every port, so two servers on one host must not share a name."""
    return f"cadence_session_{port}"

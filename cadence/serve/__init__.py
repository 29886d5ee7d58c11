"""``cadence serve``: the app in a browser, for the serving user only.

textual-serve runs one app process per browser tab and relays it over a
websocket; it has no login, no limits and loads its font from a public CDN.
This package wraps it so that, on a shared server where loopback is no
boundary, only the person holding the printed link gets in:

- ``access``: the one-time (or fixed) login token and the session cookies it buys;
- ``token_file``: a fixed token kept in a private file, never in the workspace;
- ``hosts``: which Host and Origin a request may carry (DNS rebinding, foreign pages);
- ``sessions``: how many tabs, how big a terminal, how long idle;
- ``guard``: the aiohttp middleware that applies all of it to every request;
- ``server``: the textual-serve server with the guard, a local-only page and the limits.
"""

"""``cadence serve``: the same app in a browser, for the person holding the printed link.

Bound to 127.0.0.1 unless ``--host`` says otherwise, and even there it is
not open: on a shared server any member can reach loopback, so the server
prints a link with a random login token, traded once for a session cookie
that every request needs (``cadence.serve``). Reaching it from another
machine is an SSH tunnel away; exposing it wider is an explicit ``--host``
that warns, since it belongs behind a TLS reverse proxy. Nothing about the
login is ever written into the workspace.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from urllib.parse import urlsplit

import click

from cadence.cli.context import CliContext, pass_context

DEFAULT_MAX_SESSIONS = 8  # cadence.serve.sessions holds the same figure; not imported, to keep --help light
DEFAULT_IDLE_MINUTES = 60


def serve_command_line(folder: str) -> str:
    """The command textual-serve runs for each browser session."""
    return shlex.join([sys.executable, "-m", "cadence", "--workspace", folder])


def check_public_url(_: click.Context, __: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    split = urlsplit(value)
    if split.scheme not in ("http", "https") or not split.netloc or split.query or split.fragment:
        raise click.BadParameter("give the URL browsers use, like https://cadence.example.com")
    if split.path not in ("", "/"):
        raise click.BadParameter("serve it at the root of a host name (https://cadence.example.com), not under a path")
    return value.rstrip("/")


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Anything but loopback warns: put it behind a TLS reverse proxy.",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free one).")
@click.option(
    "--public-url", default=None, callback=check_public_url, help="The URL browsers use, behind a reverse proxy."
)
@click.option(
    "--token-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Keep a fixed login token in this private file (created with mode 0600 if missing).",
)
@click.option(
    "--max-sessions",
    default=DEFAULT_MAX_SESSIONS,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Browser tabs open at once; each runs its own app.",
)
@click.option(
    "--idle-minutes",
    default=DEFAULT_IDLE_MINUTES,
    show_default=True,
    type=click.IntRange(1, 24 * 60),
    help="Close a tab's session after this long without a key.",
)
@pass_context
def serve(
    context: CliContext,
    host: str,
    port: int,
    public_url: str | None,
    token_file: Path | None,
    max_sessions: int,
    idle_minutes: int,
) -> None:
    """Serve the app to a browser, behind a login link printed here (Ctrl+C stops).

    Open the printed link in a browser; it logs that browser in once. From
    another machine: ssh -L 8000:127.0.0.1:8000 SERVER, then open the link.
    """
    context.read()  # fail here, with exit 2, rather than in every browser tab
    from cadence.serve.access import LoginToken, new_secret
    from cadence.serve.hosts import is_loopback
    from cadence.serve.server import GuardedServer, listen
    from cadence.serve.token_file import TokenFileError, load_or_create_token

    folder = context.folder.resolve()
    if token_file is not None:
        try:
            token = LoginToken(load_or_create_token(token_file, folder), reusable=True)
        except TokenFileError as error:
            raise click.ClickException(str(error)) from None
    else:
        token = LoginToken(new_secret())
    try:
        listener = listen(host, port)
    except OSError as error:
        raise click.ClickException(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    bound_port = listener.getsockname()[1]
    if not is_loopback(host):
        click.echo(
            f"warning: listening on {host}, not loopback: anyone who can reach port {bound_port} can try to log "
            "in, and without TLS the link, the cookie and every key travel readable. Put it behind a reverse "
            "proxy with TLS (README: Serving in a browser), or use --host 127.0.0.1 and an SSH tunnel.",
            err=True,
        )
    base = public_url or f"http://{_url_host(host)}:{bound_port}"
    lasting = f"it keeps working (fixed token in {token_file})" if token.reusable else "it works once"
    click.echo(f"cadence serve: {folder}")
    click.echo(f"Open this link in a browser; it logs that browser in, and {lasting}:")
    click.echo(f"    {base}/?token={token.value}")
    if is_loopback(host) and public_url is None:
        click.echo(f"From another machine: ssh -L {bound_port}:127.0.0.1:{bound_port} SERVER, then open the link.")
    click.echo(f"At most {max_sessions} tabs; a tab idle for {idle_minutes} minutes is closed. Ctrl+C stops.")
    sys.stdout.flush()
    server = GuardedServer(
        serve_command_line(str(folder)),
        listener=listener,
        host=host,
        token=token,
        public_url=public_url,
        max_sessions=max_sessions,
        idle_seconds=idle_minutes * 60,
    )
    server.serve()


def _url_host(host: str) -> str:
    """The host as a URL names it: a wildcard address becomes loopback, an IPv6 address gets brackets."""
    if host in ("0.0.0.0", "::", ""):
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host

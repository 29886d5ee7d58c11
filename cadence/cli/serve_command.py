"""``cadence serve``: the same app in a browser, through textual-serve.

Bound to 127.0.0.1 unless told otherwise: the app has no login of its own, so
exposing it is a choice the user makes explicitly (``--host 0.0.0.0``), best
behind an SSH tunnel or an authenticating proxy.
"""

from __future__ import annotations

import shlex
import sys

import click

from cadence.cli.context import CliContext, pass_context


def serve_command_line(folder: str) -> str:
    """The command textual-serve runs for each browser session."""
    return shlex.join([sys.executable, "-m", "cadence", "--workspace", folder])


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (0.0.0.0 exposes it).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port.")
@click.option("--public-url", default=None, help="The URL browsers use, when behind a proxy.")
@pass_context
def serve(context: CliContext, host: str, port: int, public_url: str | None) -> None:
    """Serve the app to a browser (http://127.0.0.1:8000 by default)."""
    context.read()  # fail here, with exit 2, rather than in every browser tab
    from textual_serve.server import Server

    command = serve_command_line(str(context.folder.resolve()))
    click.echo(f"serving {context.folder} at http://{host}:{port} (Ctrl+C stops)", err=True)
    Server(command, host=host, port=port, title="cadence", public_url=public_url).serve()

"""The ``cadence`` command: bare, it opens the TUI; subcommands script the workspace.

Subcommands that do not open the TUI never import Textual, so they start in a
fraction of the time. Exit codes: 0 success, 1 bad input (one line on
stderr), 2 a workspace that cannot be opened or written.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

import click

from cadence import __version__
from cadence.cli.context import CliContext
from cadence.store.errors import InputError, WorkspaceError

EXIT_BAD_INPUT = 1
EXIT_WORKSPACE = 2


def _default_folder() -> Path:
    from cadence.locations import default_workspace_dir

    return default_workspace_dir()


# Each subcommand's module is imported only when that subcommand runs: `cadence --version`
# or `cadence todo add` should not pay for the scorecard's CSV code or the store's writers.
SUBCOMMANDS = {
    "init": "cadence.cli.workspace_commands:init",
    "demo": "cadence.cli.workspace_commands:demo",
    "check": "cadence.cli.workspace_commands:check",
    "export": "cadence.cli.export_command:export",
    "import": "cadence.cli.import_command:import_file",
    "restore": "cadence.cli.restore_command:restore",
    "archive": "cadence.cli.archive_command:archive",
    "serve": "cadence.cli.serve_command:serve",
    "person": "cadence.cli.people_commands:person",
    "team": "cadence.cli.people_commands:team",
    "rock": "cadence.cli.rock_commands:rock",
    "measurable": "cadence.cli.scorecard_commands:measurable",
    "score": "cadence.cli.scorecard_commands:score",
    "scorecard": "cadence.cli.scorecard_io_commands:scorecard",
    "issue": "cadence.cli.issue_commands:issue",
    "todo": "cadence.cli.issue_commands:todo",
    "headline": "cadence.cli.headline_commands:headline",
    "vision": "cadence.cli.vision_commands:vision",
    "seat": "cadence.cli.seat_commands:seat",
    "process": "cadence.cli.process_commands:process",
    "meeting": "cadence.cli.meeting_commands:meeting",
    "quarter": "cadence.cli.quarter_commands:quarter",
    "analyzer": "cadence.cli.analyzer_commands:analyzer_group",
    "conversation": "cadence.cli.analyzer_commands:conversation",
}


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module when it is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(SUBCOMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = SUBCOMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        command: click.Command = getattr(importlib.import_module(module_name), attribute)
        return command


@click.group(cls=LazyGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--workspace",
    "-w",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="CADENCE_WORKSPACE",
    default=None,
    help="Workspace folder (default: $CADENCE_WORKSPACE, else the user data folder).",
)
@click.version_option(__version__, prog_name="cadence")
@click.pass_context
def cli(ctx: click.Context, workspace: Path | None) -> None:
    """cadence: Rocks, Scorecard, Issues, To-Dos and the weekly meeting, in your terminal.

    Run bare to open the app; use a subcommand to script the workspace.
    """
    ctx.obj = CliContext(folder=workspace or _default_folder())
    if ctx.invoked_subcommand is None:
        from cadence.tui.launch import run_tui

        run_tui(ctx.obj.folder)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the group and turn every failure into a one-line message and an exit code."""
    # pydantic looks through every installed package's entry points for plugins the first time a
    # model is built (~11 ms here, more where many packages are installed); cadence uses none.
    # Someone who wants one can still set the variable themselves.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        cli.main(args=argv, prog_name="cadence", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except click.UsageError as error:
        hint = f" (try: {error.ctx.command_path} --help)" if error.ctx else ""
        click.echo(f"error: {error.format_message()}{hint}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except click.ClickException as error:
        click.echo(f"error: {error.format_message()}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except InputError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except WorkspaceError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(EXIT_WORKSPACE)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)

"""One export flow for the app: a file for a terminal user, a download for a browser user, from the same key.

Minutes (Meetings' ``x``), the V/TO (Vision's ``x``) and the scorecard
(Scorecard's ``x``) all leave the app the same way, so each caller only says
what the document is called and how to render it:

- **In a terminal** the user gets a form asking for a path (the default
  name, in the current folder). The file is created only if nothing is there
  (``O_EXCL``, no symlink followed); if something is, the form closes and a
  question asks before it is replaced, whole (a temporary file beside it,
  then ``os.replace``). The toast says where it went.
- **In a browser** (``cadence serve``: ``app.is_web``) a path on the server
  means nothing to the user, and Textual's ``deliver_*`` would write one into
  the serving user's Downloads folder in a terminal, so it is used only here:
  a form with just the file name (the browser picks the folder), then the
  content goes to the browser as a download (textual-serve's one-time
  ``/download/<key>`` link) and nothing is written on the server.

``render(name)`` gets the chosen file name (so ``.xlsx`` can mean a
workbook) and returns ``str`` (sent as UTF-8 text) or ``bytes``. It reads the
session's snapshot at the moment of writing, and runs in a thread with the
file work: neither ever runs on the event loop.
"""

from __future__ import annotations

import io
import mimetypes
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cadence.store import InputError
from cadence.tui.background import in_thread
from cadence.tui.panels.base import SessionUser
from cadence.tui.widgets.dialogs import ConfirmScreen
from cadence.tui.widgets.forms import FormField, FormScreen

Content = str | bytes
Render = Callable[[str], Content]

WRITTEN = "written"
EXISTS = "exists"
SENT = "sent"


def as_bytes(content: Content) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def write_new_file(path: Path, content: Content) -> None:
    """Create ``path`` with ``content``; refuses (FileExistsError) if anything is there, a symlink included."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
    with os.fdopen(fd, "wb") as handle:
        handle.write(as_bytes(content))


def replace_file(path: Path, content: Content) -> None:
    """Replace ``path`` whole (a temporary file beside it, then ``os.replace``): never half old, half new."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    write_new_file(temporary, content)
    try:
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise


def mime_type_of(name: str, content: Content) -> str:
    """What the browser is told the download is: from the name, else plain text or bytes."""
    guessed, _ = mimetypes.guess_type(name)
    if guessed:
        return guessed
    return "text/plain" if isinstance(content, str) else "application/octet-stream"


def sentence(what: str) -> str:
    """``the minutes of MT-2`` -> ``The minutes of MT-2`` (ids keep their case)."""
    return what[:1].upper() + what[1:]


def export_document(
    node: SessionUser,
    *,
    what: str,
    default_name: str,
    render: Render,
    label: str = "File",
    where: Callable[[], Path] = Path.cwd,
) -> None:
    """Export ``what`` (``the minutes of MT-2``): to a file in a terminal, as a download in a browser.

    ``label`` names the form's field in a terminal (``Markdown file``);
    ``where`` is the folder a relative path is read from (the current one).
    """
    if node.app.is_web:
        _send_to_browser(node, what=what, default_name=default_name, render=render)
    else:
        _write_to_file(node, what=what, default_name=default_name, render=render, label=label, where=where)


def _write_to_file(
    node: SessionUser, *, what: str, default_name: str, render: Render, label: str, where: Callable[[], Path]
) -> None:
    app = node.app

    def target(values: dict[str, str]) -> Path:
        raw = values["path"].strip()
        if not raw:
            raise InputError("path: required")
        path = Path(raw).expanduser()
        return path if path.is_absolute() else where() / path

    async def submit(values: dict[str, str]) -> tuple[str, Path]:
        path = target(values)

        def attempt() -> str:
            content = render(path.name)
            try:
                write_new_file(path, content)
            except FileExistsError:
                return EXISTS
            except OSError as error:
                raise InputError(f"path: {error.strerror or error}") from None
            return WRITTEN

        return await in_thread(node, attempt, name="export"), path

    def overwrite(path: Path) -> None:
        async def run() -> None:
            try:
                await in_thread(node, lambda: replace_file(path, render(path.name)), name="export")
            except (OSError, InputError) as error:
                reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
                app.notify(f"{path}: {reason}", title="Not written", severity="error")
                return
            app.notify(f"{sentence(what)} written to {path}", timeout=6)

        app.call_later(run)

    def closed(result: Any) -> None:
        if not isinstance(result, tuple):
            return
        outcome, path = result
        if outcome == WRITTEN:
            app.notify(f"{sentence(what)} written to {path}", timeout=6)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                overwrite(path)
            else:
                app.notify(f"{path} kept as it was; nothing written", timeout=4)

        app.push_screen(ConfirmScreen(f"{path} exists. Overwrite it with {what}?"), answered)

    fields = [FormField("path", label, value=default_name, required=True)]
    app.push_screen(FormScreen(f"Export {what}", fields, submit, "write"), closed)


def _send_to_browser(node: SessionUser, *, what: str, default_name: str, render: Render) -> None:
    app = node.app

    def file_name(values: dict[str, str]) -> str:
        name = values["name"].strip()
        if not name:
            raise InputError("name: required")
        if "/" in name or "\\" in name or name in (".", ".."):
            raise InputError("name: a file name only; your browser decides the folder")
        return name

    async def submit(values: dict[str, str]) -> tuple[str, str]:
        name = file_name(values)
        content = await in_thread(node, lambda: render(name), name="export")
        mime_type = mime_type_of(name, content)
        if isinstance(content, str):
            app.deliver_text(io.StringIO(content), save_filename=name, mime_type=mime_type, encoding="utf-8")
        else:
            app.deliver_binary(io.BytesIO(content), save_filename=name, mime_type=mime_type)
        return SENT, name

    def closed(result: Any) -> None:
        if isinstance(result, tuple):
            app.notify(f"Sent to your browser: {result[1]}", timeout=6)

    fields = [FormField("name", "File name (your browser saves it)", value=default_name, required=True)]
    app.push_screen(FormScreen(f"Download {what}", fields, submit, "download"), closed)

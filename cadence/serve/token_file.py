"""A fixed login token kept in a file only its owner can read.

``--token-file PATH`` lets a user keep the same link across restarts. The
file is the user's secret, so it is refused if anyone else could have read
or planted it: it must be a regular file (not a link another member could
point at a token they know), owned by the user, with no group or other
permission bits. A missing file is created with mode 0600 and a new token.
It may not live in the workspace folder, which the whole group can read.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from cadence.serve.access import new_secret

TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_\-]{20,256}")


class TokenFileError(Exception):
    """The token file cannot be trusted or used; the message says why and what to do."""


def load_or_create_token(path: Path, workspace_folder: Path) -> str:
    """The token in ``path``, creating the file (0600) with a new one if it does not exist."""
    path = path.expanduser()
    if _inside(path, workspace_folder):
        raise TokenFileError(
            f"{path} is inside the workspace folder, which its group can read: keep the token file elsewhere"
        )
    try:
        return _read_private(path)
    except FileNotFoundError:
        return _create_private(path)


def _inside(path: Path, folder: Path) -> bool:
    resolved = path.parent.resolve() / path.name
    return resolved.is_relative_to(folder.resolve())


def _read_private(path: Path) -> str:
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:
        if isinstance(error, FileNotFoundError):
            raise
        raise TokenFileError(
            f"{path}: {error.strerror or error} (a token file must be a plain file, not a link)"
        ) from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise TokenFileError(f"{path} is not a regular file")
        if status.st_uid != os.getuid():
            raise TokenFileError(f"{path} belongs to someone else: use a token file of your own")
        if status.st_mode & 0o077:
            raise TokenFileError(
                f"{path} has mode {stat.S_IMODE(status.st_mode):04o}: others could read the token; "
                f"run `chmod 600 {path}` and pick a new token if it was shared"
            )
        text = os.read(descriptor, 4096).decode("utf-8", "replace").strip()
    finally:
        os.close(descriptor)
    if not TOKEN_SHAPE.fullmatch(text):
        raise TokenFileError(
            f"{path} does not hold a usable token: 20 to 256 characters of letters, digits, '-' and '_' "
            "(delete the file and cadence serve writes a new one)"
        )
    return text


def _create_private(path: Path) -> str:
    token = new_secret()
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except OSError as error:
        raise TokenFileError(f"{path}: {error.strerror or error}") from None
    try:
        os.fchmod(descriptor, 0o600)  # whatever the umask
        os.write(descriptor, (token + "\n").encode())
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    return token

"""Run the session's blocking file work in a Textual thread worker, never on the event loop.

A write to a large workspace takes a while (read, validate, encode, fsync);
on the event loop it would freeze every key and redraw for that long. Here the
caller awaits the worker instead: the UI keeps drawing, and because the
awaiting handler has not returned, the widget's own queue (and the type-ahead
router behind it) keeps the user's next keys in order until the write is done.

The worker belongs to the app, not the widget that asked: a form that closes
while its write is running must not cancel the write (a thread cannot be
stopped half-way anyway), and the caller still learns how it ended.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.dom import DOMNode
from textual.worker import WorkerFailed

T = TypeVar("T")


async def in_thread(node: DOMNode, work: Callable[[], T], name: str = "workspace") -> T:
    """``work()`` in a thread worker; its result, or the exception it raised, re-raised here as it was."""
    worker = node.app.run_worker(work, name=name, group="workspace", thread=True, exit_on_error=False)
    try:
        return await worker.wait()
    except WorkerFailed as failed:
        raise failed.error from None

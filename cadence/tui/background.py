"""Run the session's blocking file work in a thread, never on the event loop.

A write to a large workspace takes a while (read, validate, encode, fsync);
on the event loop it would freeze every key and redraw for that long. Here the
caller awaits a thread instead: the UI keeps drawing, and because the
awaiting handler has not returned, the widget's own queue (and the type-ahead
router behind it) keeps the user's next keys in order until the write is done.

This is ``asyncio.to_thread`` rather than a Textual worker: a worker belongs to
the app's worker manager, which cancels it on shutdown while a panel may still
be awaiting it, and app tests were seen to stall at exit under load. A plain
thread future has no such owner: the write always runs to its end (a thread
cannot be stopped half-way anyway) and the caller always learns how it ended.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

from textual.dom import DOMNode

T = TypeVar("T")


async def in_thread(node: DOMNode, work: Callable[[], T], name: str = "workspace") -> T:
    """``work()`` in a thread; its result, or the exception it raised, re-raised here as it was."""
    del node, name  # kept so callers read as before: the work is the node's, named for logs
    return await asyncio.to_thread(work)

"""Python's cyclic garbage collector, paused while a workspace file becomes records.

Reading builds hundreds of thousands of small objects (the parsed tables, then
a model per record) that all stay alive; the collector, triggered by the
allocation count, walks them again and again for nothing, which was about 40%
of reading a large workspace. None of them form cycles, so pausing it for the
build loses nothing: it resumes (and runs as usual) as soon as the build ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block (nesting and an already-paused collector are respected)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

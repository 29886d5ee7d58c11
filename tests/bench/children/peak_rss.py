"""Child of figure 5: run a module as ``python -m`` would, then report this process's own peak RSS.

``peak_rss.py MODULE ARGS...`` (``peak_rss.py cadence --workspace W todo list``).
The peak is ``VmHWM`` from /proc/self/status: the high-water mark of this
process's memory since it started the interpreter. ``ru_maxrss`` from
``wait4``/``getrusage`` is not used: on Linux it keeps the parent's peak across
fork and exec, so a bench that had read a large file reported that as the
child's memory.
"""

import atexit
import runpy
import sys


def peak_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def say_peak() -> None:
    print(f"PEAK_KIB {peak_kib()}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    atexit.register(say_peak)
    sys.argv = sys.argv[1:]
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)

"""Ties a helper process's life to its parent's.

A worker whose bot was killed with SIGKILL must not go on grinding through a batch nobody will
collect. Two ways, because each misses a case of the other:

- on Linux, the kernel's parent-death signal (`prctl(PR_SET_PDEATHSIG)`) kills the worker at
  once, even while a job holds the GIL. It fires when the *thread* that started the worker
  ends, so it is only asked for when the main thread started it (whose end is the process's);
- everywhere, a watchdog thread looks at the parent's pid every `WATCH_EVERY` seconds and
  ends the process when the parent is gone (the worker was handed to another parent).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
WATCH_EVERY = 0.5
"""Seconds between two looks at the parent's pid."""


def die_with_parent(parent: int, *, started_by_main_thread: bool) -> None:
    """End this process when process `parent` (the one that started it) ends."""
    if started_by_main_thread and sys.platform == "linux":
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it ended before the signal was asked for
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="lifeline", daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_EVERY)
    os._exit(1)

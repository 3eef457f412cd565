"""Ties a helper process's life to its parent's, on Linux.

Importing this module makes the importing process receive SIGKILL when its parent dies. The
worker pool's fork server imports it (as a preloaded module), and so does each worker: a bot
killed with SIGKILL leaves no fork server and no worker grinding through a batch nobody will
collect.
"""

from __future__ import annotations

import contextlib
import ctypes
import signal
import sys

PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    if sys.platform != "linux":
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


die_with_parent()

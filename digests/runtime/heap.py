"""The heap of a long-running process: the cyclic garbage collector set for an event loop that
must stay quick, and free memory handed back to the system.

A full collection walks every container object the process holds and holds the GIL while it
does, so it stops the event loop and every thread, whichever thread starts it. Measured in the
bot under load (100 servers, 10,000 alerts, 1,000 feeds polling), full collections came every
3 s and took 120–190 ms each: the largest event-loop lags. Two settings cut both:

- what exists once the bot is built (the imported modules of discord.py, SQLAlchemy, aiohttp
  and the rest, the configuration, the story index loaded at start) is moved out of the
  collector's sight with `gc.freeze()`: it lives as long as the process, and it was about half
  of what every full collection walked;
- young collections wait for `YOUNG_THRESHOLD` new containers instead of 700, so the bot's
  bursts of short-lived rows and items, freed by reference counting anyway, do not push
  objects into the older generations and bring on full collections ten times as often.

glibc's malloc keeps the memory a burst freed (response bodies, a parsed feed, a batch of rows)
for later reuse instead of returning it, so a process stays at the size of its largest burst:
the bot grew from 87 to 131 MiB polling 1,000 feeds once, and `malloc_trim` brought it back to
114 MiB. `give_back()` trims when the resident size grew by `GIVE_BACK_AFTER` since the last
trim; the bot does it every `TRIM_EVERY_SECONDS` from a thread (the call releases the GIL), the
worker pool after each job. And the bot keeps glibc from raising its mmap threshold (it does,
up to 32 MiB, each time a mapped block is freed, `map_large_blocks`): blocks of `LARGE_BLOCK`
bytes or more (response bodies) are then always mapped on their own and unmapped when freed,
instead of fragmenting the heap (the bot after the same poll: 108 MiB instead of 113). Workers
do not: their large blocks are many and short-lived, and mapping each costs page faults.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import gc
import os
import threading
import time
from collections.abc import Callable

YOUNG_THRESHOLD = 10_000
"""Container allocations (net) between two collections of the youngest generation."""
GIVE_BACK_AFTER = 16 * 1024 * 1024
"""Growth of the resident size (bytes) since the last trim past which the next one runs."""
TRIM_EVERY_SECONDS = 5.0
LARGE_BLOCK = 128 * 1024
"""Blocks from this size up are mapped on their own (glibc's starting threshold, kept fixed)."""
_M_MMAP_THRESHOLD = -3  # mallopt's parameter number, from glibc's malloc.h

_last_trim = {"resident": 0}
_trimmer_started = threading.Event()


def settle(*, trim_every: float | None = TRIM_EVERY_SECONDS) -> None:
    """Collect once, freeze what survives, and raise the young threshold; then, unless
    `trim_every` is None, hand free memory back every `trim_every` seconds. Call it when the
    long-lived part of the process is built, just before the work starts."""
    gc.collect()
    gc.freeze()
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, oldest)
    map_large_blocks()
    if trim_every is not None and _malloc_trim() is not None and not _trimmer_started.is_set():
        _trimmer_started.set()
        threading.Thread(target=_trim_forever, args=(trim_every,), name="heap-trim",
                         daemon=True).start()


def give_back(after: int = GIVE_BACK_AFTER) -> bool:
    """Return the heap's free pages to the system if the resident size grew by `after` bytes
    since the last time; whether it trimmed. Reading the size costs microseconds; the trim,
    and the page faults of reusing what it returned, are only paid after such a growth."""
    trim = _malloc_trim()
    if trim is None or resident_bytes() - _last_trim["resident"] < after:
        return False
    trim(0)
    _last_trim["resident"] = resident_bytes()
    return True


def map_large_blocks(threshold: int = LARGE_BLOCK) -> bool:
    """Fix glibc's mmap threshold at `threshold` bytes; whether it could (not on another libc)."""
    with contextlib.suppress(OSError, AttributeError):
        return bool(ctypes.CDLL("libc.so.6").mallopt(_M_MMAP_THRESHOLD, threshold))
    return False


def note_resident() -> None:
    """Take the present resident size as the base that `give_back` measures growth from."""
    _last_trim["resident"] = resident_bytes()


def resident_bytes() -> int:
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _trim_forever(every: float) -> None:
    while True:
        time.sleep(every)
        give_back()


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's `malloc_trim`, or None where there is none (another libc: nothing to trim)."""
    with contextlib.suppress(OSError, AttributeError):
        trim: Callable[[int], int] = ctypes.CDLL("libc.so.6").malloc_trim
        return trim
    return None

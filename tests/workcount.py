"""Work counted, not timed: the tests' measure of cost that does not depend on the machine.

`calls_made` counts the Python functions and C builtins a piece of work calls (one thread, the
caller's); a cost that grows with the square of the input shows as a count that grows 16-fold
when the input grows 4-fold. `hang_guard` only stops a test that would otherwise never end: its
bound is minutes of slack, never a claim about speed (speed is measured in bench/).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from types import FrameType
from typing import Any, TypeVar

_T = TypeVar("_T")
HANG_SECONDS = 60.0  # a hang guard, not a speed claim: the work takes well under a second


def calls_made(work: Callable[[], object]) -> int:
    """How many functions (Python and C) `work` called, in this thread."""
    count = 0

    def note(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    previous = sys.getprofile()
    sys.setprofile(note)
    try:
        work()
    finally:
        sys.setprofile(previous)
    return count


def growth(work_on: Callable[[int], object], size: int) -> float:
    """How many times more calls `work_on(4 * size)` makes than `work_on(size)`: about 4 when the
    work is linear, 16 when it is quadratic."""
    return calls_made(lambda: work_on(4 * size)) / calls_made(lambda: work_on(size))


def hang_guard(work: Callable[[], _T], seconds: float = HANG_SECONDS) -> _T:
    """`work()`, run in a thread; fails (TimeoutError) only if it has not ended after `seconds`."""
    pool = ThreadPoolExecutor(1)
    try:
        return pool.submit(work).result(timeout=seconds)
    finally:
        pool.shutdown(wait=False)

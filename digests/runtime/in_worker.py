"""What runs inside a worker process: its start-up and the wrapper of every job.

Kept apart from `workers` (the pool, on the event loop's side) so that a worker imports only
this: a spawned worker imports the module of every function it is handed, and `workers`
imports asyncio, whose modules a worker never uses (32.4 MiB at rest without them, 34.0 with,
parse and analysis modules warm).
"""

from __future__ import annotations

import contextlib
import importlib
import os
import resource
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from digests.runtime import heap
from digests.runtime.lifeline import die_with_parent

T = TypeVar("T")
WORKER_NICENESS = 10


@dataclass(frozen=True)
class InWorker:
    """A function named by its module and name, imported where it runs. Handing it to the
    pool imports nothing into the process handing it: the bot never loads feedparser or the
    analysis tables it only asks the workers to use."""

    module: str
    name: str

    def __call__(self, *args: Any) -> Any:
        return getattr(importlib.import_module(self.module), self.name)(*args)


def run_job(function: Callable[..., T], *args: Any) -> T:
    """`function(*args)`; then, in a worker process, the heap the job left free handed back."""
    try:
        return function(*args)
    finally:
        if _in_worker.is_set():
            heap.give_back()


_in_worker = threading.Event()


def start_worker(warm: tuple[str, ...], memory_limit: int | None, parent: int,
                 started_by_main_thread: bool) -> None:
    """Prepares a new worker: lower priority, tied to its parent, its memory capped, its
    modules imported."""
    _lower_priority()
    die_with_parent(parent, started_by_main_thread=started_by_main_thread)
    if memory_limit is not None:
        with contextlib.suppress(ValueError, OSError):  # a platform without the limit runs uncapped
            resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    for module in warm:
        importlib.import_module(module)
    _in_worker.set()
    heap.note_resident()


def _lower_priority() -> None:
    """Parsing is background work: when cores are scarce, the event loop's process goes first."""
    with contextlib.suppress(OSError):
        os.nice(WORKER_NICENESS)

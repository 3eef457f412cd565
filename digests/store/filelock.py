"""SQLite serves one Newsdesk process: a lock on `<database>.lock`, held while a store is open.

Two processes writing one SQLite file would each poll every feed, send every message and number
stories apart; the second one is refused with a plain sentence instead. The lock is the
operating system's (`flock`), so a process that dies releases it. Stores opened twice in one
process (a restart in a test, the demo's two steps) share the lock.
"""

from __future__ import annotations

import fcntl
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from digests.errors import DatabaseUnavailable, StorageError

_held: dict[Path, tuple[int, int]] = {}  # lock file → (descriptor, stores using it)
_guard = threading.Lock()


@dataclass
class SingleProcessLock:
    path: Path
    released: bool = field(default=False)

    @classmethod
    def take(cls, database: Path) -> SingleProcessLock:
        """The lock of the SQLite file `database`, or `DatabaseUnavailable` naming the process
        that holds it."""
        path = Path(f"{database}.lock").resolve()
        with _guard:
            if path in _held:
                descriptor, users = _held[path]
                _held[path] = (descriptor, users + 1)
                return cls(path)
            descriptor = _open(path)
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _holder(descriptor)
                os.close(descriptor)
                raise DatabaseUnavailable(
                    f"the database {database.name} is in use by another Newsdesk process"
                    f"{f' (pid {holder})' if holder else ''}: a SQLite file serves one process; "
                    "stop the other one, or use PostgreSQL to run several") from None
            os.ftruncate(descriptor, 0)
            os.write(descriptor, f"{os.getpid()}\n".encode())
            _held[path] = (descriptor, 1)
        return cls(path)

    def release(self) -> None:
        if self.released:
            return
        self.released = True
        with _guard:
            descriptor, users = _held.pop(self.path)
            if users > 1:
                _held[self.path] = (descriptor, users - 1)
            else:
                os.close(descriptor)  # closing releases the flock


def _open(path: Path) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StorageError(f"the lock file {path.name} cannot be created beside the database: "
                           f"{exc.strerror or exc}; let Newsdesk write to the folder") from exc


def _holder(descriptor: int) -> str:
    try:
        return os.pread(descriptor, 32, 0).decode(errors="replace").strip()
    except OSError:
        return ""

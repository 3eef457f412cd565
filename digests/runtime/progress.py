"""Progress of long work on the command line: bars on a terminal, log lines otherwise.

On a terminal each counter is a tqdm bar on standard error. When standard error is not a
terminal (a cron job, a pipe, a container log) a bar would be noise, so one log line with every
counter is written at most every `every` seconds, and once at the end.
"""

from __future__ import annotations

import logging
import sys
import time
from typing import IO, Any

log = logging.getLogger("newsdesk.progress")


class Progress:
    """Named counters (each with a total, or None while unknown) of one piece of work."""

    def __init__(self, what: str, counters: dict[str, int | None], *, stream: IO[str] | None = None,
                 interactive: bool | None = None, every: float = 5.0) -> None:
        self._what = what
        self._stream = stream if stream is not None else sys.stderr
        self._interactive = _is_terminal(self._stream) if interactive is None else interactive
        self._every = every
        self._counts = dict.fromkeys(counters, 0)
        self._totals = dict(counters)
        self._last_line = time.monotonic()
        self._bars: dict[str, Any] = {}
        if self._interactive:
            from tqdm import tqdm  # type: ignore[import-untyped]  # only a terminal pays for it

            self._bars = {name: tqdm(total=total, desc=f"{name:<17}", unit="", position=number,
                                     file=self._stream, leave=True, dynamic_ncols=True)
                          for number, (name, total) in enumerate(counters.items())}

    @property
    def counts(self) -> dict[str, int]:
        return dict(self._counts)

    def set_total(self, name: str, total: int) -> None:
        self._totals[name] = total
        if name in self._bars:
            self._bars[name].total = total
            self._bars[name].refresh()

    def advance(self, name: str, by: int = 1) -> None:
        if by <= 0:
            return
        self._counts[name] += by
        if name in self._bars:
            self._bars[name].update(by)
        elif time.monotonic() - self._last_line >= self._every:
            self._log_line()

    def close(self) -> None:
        """The bars left as they ended, or the last log line."""
        if self._bars:
            for bar in self._bars.values():
                bar.close()
            self._bars = {}
        elif not self._interactive:
            self._log_line()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _log_line(self) -> None:
        self._last_line = time.monotonic()
        fields = " ".join(f"{name.replace(' ', '_')}={self._shown(name)}" for name in self._counts)
        log.info("%s %s", self._what, fields)

    def _shown(self, name: str) -> str:
        total = self._totals.get(name)
        return f"{self._counts[name]}/{total}" if total is not None else str(self._counts[name])


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False

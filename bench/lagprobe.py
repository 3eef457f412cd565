"""`python bot.py` with every event-loop lag sample written to a file (for bench/newsroom_day.py).

The fake Discord's launcher (tests/e2e/launcher.py) runs this file as `__main__` instead of
`bot.main` when `NEWSDESK_FAKE_TARGET` names it. Before the bot is imported, it replaces the body
of the bot's own loop watcher (`digests.runtime.loopwatch.LoopWatch._watch`: sleep 50 ms, note how
much later than asked the loop woke) with the same loop that also appends each sample to
`NEWSDESK_LAG_FILE` as "unix-time lag-ms" lines, written about once a second. Nothing else of
the bot changes: the watcher keeps its warnings and its largest lag for the exit log.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from digests.runtime import loopwatch  # noqa: E402

LAG_FILE = os.environ.get("NEWSDESK_LAG_FILE")


async def _watch_and_record(self: loopwatch.LoopWatch) -> None:
    assert LAG_FILE is not None
    lines: list[str] = []
    with open(LAG_FILE, "a", encoding="ascii") as out:
        try:
            while True:
                before = time.perf_counter()
                await asyncio.sleep(self.interval)
                lag = time.perf_counter() - before - self.interval
                if lag > self.warn_after:
                    loopwatch.log.warning("the event loop was blocked for %.0f ms", lag * 1000)
                self.largest = max(self.largest, lag)
                on_lag = getattr(self, "_on_lag", None)
                if on_lag is not None:
                    on_lag(lag)
                lines.append(f"{time.time():.3f} {lag * 1000:.2f}\n")
                if len(lines) >= 20:
                    out.write("".join(lines))
                    out.flush()
                    lines.clear()
        finally:
            out.write("".join(lines))


if __name__ == "__main__":  # not when a worker process imports this file as __mp_main__
    if LAG_FILE:
        loopwatch.LoopWatch._watch = _watch_and_record  # type: ignore[method-assign]

    import bot

    sys.exit(bot.main(sys.argv[1:]))

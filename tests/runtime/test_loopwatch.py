"""The loop watch notices a blocked event loop and says for how long."""

from __future__ import annotations

import asyncio
import logging
import time

import pytest

from digests.runtime.loopwatch import LoopWatch


async def test_a_blocking_call_on_the_loop_is_measured_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    # import-linter's dictConfig (tests/test_layers.py) disables loggers that exist before it runs.
    logging.getLogger("digests.runtime.loopwatch").disabled = False
    watch = LoopWatch(interval=0.01, warn_after=0.1)
    watch.start()
    await asyncio.sleep(0.05)
    with caplog.at_level(logging.WARNING, logger="digests.runtime.loopwatch"):
        time.sleep(0.3)  # noqa: ASYNC251 - what CPU work on the loop looks like
        await asyncio.sleep(0.05)
    largest = await watch.stop()
    # Only a lower bound: the loop was blocked at least as long as the sleep, however busy the
    # machine is; an upper bound would measure the machine, not the watch.
    assert largest >= 0.25
    assert "blocked for" in caplog.text

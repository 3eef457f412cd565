"""The loop watch notices a blocked event loop, and only then."""

from __future__ import annotations

import asyncio
import logging
import time

import pytest

from digests.runtime.loopwatch import LoopWatch


async def test_a_blocking_call_on_the_loop_is_measured_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    watch = LoopWatch(interval=0.01, warn_after=0.1)
    watch.start()
    await asyncio.sleep(0.05)
    assert watch.largest < 0.1
    with caplog.at_level(logging.WARNING, logger="digests.runtime.loopwatch"):
        time.sleep(0.3)  # noqa: ASYNC251 - what CPU work on the loop looks like
        await asyncio.sleep(0.05)
    largest = await watch.stop()
    assert 0.25 < largest < 1.0
    assert "blocked for" in caplog.text

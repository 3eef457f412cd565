"""Fixtures for end-to-end tests against the fake Discord."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from e2e.fakediscord import FakeDiscord


@pytest.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    """A started fake (heartbeat 1 s) that is stopped after the test."""
    fake = FakeDiscord(heartbeat_interval_ms=1000)
    await fake.start()
    yield fake
    await fake.stop()

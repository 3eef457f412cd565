"""The metrics and health endpoint, scraped over loopback; the log line formats; progress."""

from __future__ import annotations

import io
import json
import logging
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from prometheus_client import REGISTRY

from digests.runtime.logformat import EventFormatter
from digests.runtime.metrics import Health, Metrics, RateLimitCounter, serve
from digests.runtime.progress import Progress
from digests.store.core import Store


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def sqlite_store(tmp_path: Path) -> AsyncIterator[Store]:
    store = await Store.open(f"sqlite:///{tmp_path / 'metrics.db'}")
    yield store
    await store.close()


async def scrape(runner: object, path: str) -> tuple[int, str, str]:
    host, port = runner.addresses[0][:2]  # type: ignore[attr-defined]
    async with aiohttp.ClientSession() as session, session.get(f"http://{host}:{port}{path}") as response:
        return response.status, response.headers["Content-Type"], await response.text()


async def test_metrics_are_scraped_over_loopback(sqlite_store: Store) -> None:
    metrics = Metrics()
    metrics.polled("fetched", 12, None)
    metrics.polled("failed", 0, "timeout")
    metrics.polled("failed", 0, "blocked-address")
    metrics.polled("deferred", 0, "cooling-down")
    metrics.understood(7)
    metrics.lag(0.02)
    metrics.sent("sent")
    metrics.sent("waiting")
    metrics.command_done("ask", 0.4)
    metrics.set_state(feeds={"ok": 3, "failing": 1, "paused": 0}, items=40, backlog=5,
                      backlog_age=12.5, outbox=2)
    health = Health(lambda: sqlite_store.set_state("health.probe", "x"), tick_seconds=30)
    runner = await serve(metrics, health, "127.0.0.1", 0)
    try:
        status, kind, text = await scrape(runner, "/metrics")
    finally:
        await runner.cleanup()
    assert status == 200 and kind.startswith("text/plain")
    expected = [
        'newsdesk_feeds{state="failing"} 1.0', 'newsdesk_polls_total{outcome="failed"} 2.0',
        'newsdesk_poll_failures_total{kind="blocked-address"} 1.0',
        "newsdesk_items_stored_total 12.0", "newsdesk_items_understood_total 7.0",
        "newsdesk_enrichment_backlog_items 5.0", "newsdesk_enrichment_lag_seconds 12.5",
        "newsdesk_event_loop_lag_seconds_count 1.0", "newsdesk_outbox_depth 2.0",
        'newsdesk_outbox_send_failures_total{outcome="waiting"} 1.0',
        'newsdesk_command_latency_seconds_bucket{command="ask",le="0.5"} 1.0',
    ]
    for line in expected:
        assert line in text, line
    assert "newsdesk_outbox_send_failures_total{outcome=\"sent\"}" not in text
    assert 'newsdesk_polls_total{outcome="deferred"} 1.0' in text and "cooling-down" not in text


def test_each_bot_has_a_registry_of_its_own() -> None:
    first, second = Metrics(), Metrics()
    first.understood(3)
    assert b"newsdesk_items_understood_total 3.0" in first.exposition()
    assert b"newsdesk_items_understood_total 0.0" in second.exposition()
    assert REGISTRY.get_sample_value("newsdesk_items_understood_total") is None


async def test_health_is_200_when_every_part_works_and_503_saying_which_does_not(
        sqlite_store: Store, tmp_path: Path) -> None:
    clock = Clock()
    health = Health(lambda: sqlite_store.set_state("health.probe", "x"), tick_seconds=10,
                    gateway=True, _clock=clock)
    runner = await serve(Metrics(), health, "127.0.0.1", 0)
    try:
        status, _, body = await scrape(runner, "/health")
        assert status == 503 and json.loads(body)["problems"] == ["the scheduler has not ticked recently"]
        health.ticked()
        status, kind, body = await scrape(runner, "/health")
        assert status == 200 and kind.startswith("application/json")
        assert json.loads(body) == {"status": "ok", "gateway_connected": True, "store_writable": True,
                                    "scheduler_ticking": True, "problems": []}
        assert await sqlite_store.state("health.probe") == "x"  # the probe wrote
        clock.now += 61
        health.gateway = False
        status, _, body = await scrape(runner, "/health")
        report = json.loads(body)
        assert status == 503 and report["status"] == "failing"
        assert report["problems"] == ["the Discord gateway is not connected",
                                      "the scheduler has not ticked recently"]
    finally:
        await runner.cleanup()


async def test_a_store_that_takes_no_write_is_unhealthy(sqlite_store: Store, tmp_path: Path) -> None:
    """Another program holds the database's write lock: the probe cannot write in time."""
    holder = sqlite3.connect(tmp_path / "metrics.db", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        health = Health(lambda: sqlite_store.set_state("health.probe", "x"), tick_seconds=10,
                        probe_timeout=0.3)
        health.ticked()
        healthy, report = await health.report()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not healthy and report["store_writable"] is False
    assert report["problems"] == ["the store does not take a write"]
    assert report["gateway_connected"] is None  # no Discord side: not judged


def test_rate_limit_waits_are_counted_from_discord_logs() -> None:
    metrics = Metrics()
    logger = logging.getLogger("discord.http.test")
    counter = RateLimitCounter(metrics)
    logger.addHandler(counter)
    try:
        logger.warning("We are being rate limited. %s %s responded with 429. Retrying in %.2f seconds.",
                       "POST", "/channels/1/messages", 0.5)
        logger.warning("something else")
    finally:
        logger.removeHandler(counter)
    text = metrics.exposition().decode()
    assert "newsdesk_discord_rate_limit_waits_total 1.0" in text
    assert "newsdesk_discord_rate_limit_wait_seconds_total 0.5" in text


def record(message: str, *args: object, exc: bool = False) -> logging.LogRecord:
    info = None
    if exc:
        try:
            raise ValueError("bad\nthing")
        except ValueError:
            import sys
            info = sys.exc_info()
    return logging.LogRecord("digests.feeds.polling", logging.WARNING, __file__, 1, message, args, info)


def test_text_lines_are_one_line_per_event_without_secrets() -> None:
    formatter = EventFormatter("text", secrets=["MTIzNDU2Nzg5.secret-token"])
    line = formatter.format(record("poll failed feed=%s kind=%s error=%s", "https://u:hunter2@x.example/f",
                                   "timeout", "token MTIzNDU2Nzg5.secret-token\nsecond"))
    assert "\n" not in line
    assert " WARNING digests.feeds.polling poll failed feed=https://u:***@x.example/f kind=timeout" in line
    assert "hunter2" not in line and "secret-token" not in line and "[redacted]" in line
    traced = formatter.format(record("enrichment failed", exc=True))
    assert "\n" not in traced and 'traceback="Traceback' in traced and "ValueError: bad\\nthing" in traced


def test_json_lines_carry_the_same_fields() -> None:
    line = EventFormatter("json").format(record("polled feeds=%s new_items=%s", 3, 12, exc=True))
    event = json.loads(line)
    assert event["level"] == "WARNING" and event["logger"] == "digests.feeds.polling"
    assert event["message"] == "polled feeds=3 new_items=12" and "ValueError" in event["traceback"]
    assert event["ts"].endswith("Z")


def test_progress_off_a_terminal_is_plain_log_lines(caplog: pytest.LogCaptureFixture,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # Another test's tool may have configured logging and disabled the loggers it found.
    monkeypatch.setattr(logging.getLogger("newsdesk.progress"), "disabled", False)
    caplog.set_level(logging.INFO, logger="newsdesk.progress")
    with Progress("poll", {"feeds fetched": 3, "items stored": None}, stream=io.StringIO(),
                  every=0) as progress:
        progress.advance("feeds fetched")
        progress.advance("items stored", 20)
    lines = [r.getMessage() for r in caplog.records]
    assert lines[0] == "poll feeds_fetched=1/3 items_stored=0"
    assert lines[-1] == "poll feeds_fetched=1/3 items_stored=20"


def test_progress_on_a_terminal_draws_bars() -> None:
    stream = io.StringIO()
    with Progress("poll", {"feeds fetched": 2, "items understood": None}, stream=stream,
                  interactive=True) as progress:
        progress.advance("feeds fetched", 2)
        progress.advance("items understood", 5)
    drawn = stream.getvalue()
    assert "feeds fetched" in drawn and "2/2" in drawn and "items understood" in drawn

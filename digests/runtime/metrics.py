"""Prometheus metrics and the health check, served on one loopback listener.

Off by default (`[metrics] listen = "127.0.0.1:9108"` turns it on). The metrics live in a
registry of their own (never prometheus_client's global one), so two bots in one process, or
a test, never share counters. Counters are moved by hooks the composition root hands to the
poller, the enricher, the outbox and the loop watch; gauges of stored state (feeds by state,
backlog, outbox depth) are refreshed by a scheduler job, never read from the store at scrape.

`GET /metrics`: the Prometheus text format. `GET /health`: 200 when the gateway is connected,
the store takes a write and the scheduler ticked recently, else 503; either way a small JSON
body says which part is wrong.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.exposition import CONTENT_TYPE_LATEST, generate_latest

if TYPE_CHECKING:
    from aiohttp import web

log = logging.getLogger(__name__)

FAILED_OUTCOMES = ("failed", "paused")
LATENCY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 30.0)
LAG_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)
_RETRY_IN = re.compile(r"retrying in (\d+(?:\.\d+)?) seconds", re.IGNORECASE)


class Metrics:
    """Every metric of Newsdesk, in one dedicated registry."""

    def __init__(self) -> None:
        r = self.registry = CollectorRegistry()
        self.feeds = Gauge("newsdesk_feeds", "Feeds in the store, by state", ["state"], registry=r)
        self.polls = Counter("newsdesk_polls", "Feed polls, by outcome", ["outcome"], registry=r)
        self.poll_failures = Counter("newsdesk_poll_failures", "Failed feed polls, by kind of failure",
                                     ["kind"], registry=r)
        self.items_stored = Counter("newsdesk_items_stored", "New items stored from feeds", registry=r)
        self.items_understood = Counter("newsdesk_items_understood",
                                        "Items read (sentences, figures, people, story)", registry=r)
        self.items = Gauge("newsdesk_items", "Items in the store", registry=r)
        self.enrichment_backlog = Gauge("newsdesk_enrichment_backlog_items",
                                        "Items stored but not read yet", registry=r)
        self.enrichment_lag = Gauge("newsdesk_enrichment_lag_seconds",
                                    "How long the oldest item waiting to be read has waited", registry=r)
        self.loop_lag = Histogram("newsdesk_event_loop_lag_seconds",
                                  "How late the event loop woke up", buckets=LAG_BUCKETS, registry=r)
        self.outbox_depth = Gauge("newsdesk_outbox_depth",
                                  "Discord messages due and not sent yet", registry=r)
        self.outbox_failures = Counter("newsdesk_outbox_send_failures",
                                       "Discord messages not sent at a try, by outcome", ["outcome"],
                                       registry=r)
        self.rate_limit_waits = Counter("newsdesk_discord_rate_limit_waits",
                                        "Times Discord's rate limit made the bot wait", registry=r)
        self.rate_limit_seconds = Counter("newsdesk_discord_rate_limit_wait_seconds",
                                          "Seconds waited for Discord's rate limit", registry=r)
        self.command_latency = Histogram("newsdesk_command_latency_seconds",
                                         "Slash commands, from arrival to completion", ["command"],
                                         buckets=LATENCY_BUCKETS, registry=r)
        self.command_errors = Counter("newsdesk_command_errors", "Slash commands that failed",
                                      ["command"], registry=r)

    # Hooks --------------------------------------------------------------------------------

    def polled(self, outcome: str, new_items: int, kind: str | None) -> None:
        """One poll: its outcome, the items it stored and, when it failed, the kind of failure
        (a poll deferred while its host cools down is no failure of the feed)."""
        self.polls.labels(outcome=outcome).inc()
        if new_items:
            self.items_stored.inc(new_items)
        if kind is not None and outcome in FAILED_OUTCOMES:
            self.poll_failures.labels(kind=kind).inc()

    def understood(self, items: int) -> None:
        self.items_understood.inc(items)

    def lag(self, seconds: float) -> None:
        self.loop_lag.observe(max(0.0, seconds))

    def sent(self, outcome: str) -> None:
        if outcome != "sent":
            self.outbox_failures.labels(outcome=outcome).inc()

    def command_done(self, command: str, seconds: float, *, failed: bool = False) -> None:
        self.command_latency.labels(command=command).observe(max(0.0, seconds))
        if failed:
            self.command_errors.labels(command=command).inc()

    def set_state(self, *, feeds: dict[str, int], items: int, backlog: int,
                  backlog_age: float, outbox: int) -> None:
        """The gauges of stored state, from a refresh job."""
        for state, count in feeds.items():
            self.feeds.labels(state=state).set(count)
        self.items.set(items)
        self.enrichment_backlog.set(backlog)
        self.enrichment_lag.set(backlog_age)
        self.outbox_depth.set(outbox)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)


class RateLimitCounter(logging.Handler):
    """Counts discord.py's "We are being rate limited … Retrying in N seconds" log records:
    the library waits out a 429 itself and tells only its log."""

    def __init__(self, metrics: Metrics) -> None:
        super().__init__(logging.DEBUG)
        self._metrics = metrics

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if "rate limited" not in text.lower():
            return
        self._metrics.rate_limit_waits.inc()
        wait = _RETRY_IN.search(text)
        if wait:
            self._metrics.rate_limit_seconds.inc(float(wait.group(1)))


# Health -----------------------------------------------------------------------------------

@dataclass
class Health:
    """What the health check looks at. `gateway` stays None when there is no Discord side."""

    probe_store: Callable[[], Awaitable[object]]
    tick_seconds: float
    gateway: bool | None = None
    last_tick: float | None = None
    probe_timeout: float = 5.0
    _clock: Callable[[], float] = field(default=time.monotonic, repr=False)

    def ticked(self) -> None:
        self.last_tick = self._clock()

    async def report(self) -> tuple[bool, dict[str, Any]]:
        """(healthy, the JSON body): each part's state, and what is wrong when something is."""
        problems = []
        if self.gateway is False:
            problems.append("the Discord gateway is not connected")
        store_ok = await self._store_ok()
        if not store_ok:
            problems.append("the store does not take a write")
        tick_ok = self._ticking()
        if not tick_ok:
            problems.append("the scheduler has not ticked recently")
        body = {"status": "ok" if not problems else "failing", "gateway_connected": self.gateway,
                "store_writable": store_ok, "scheduler_ticking": tick_ok, "problems": problems}
        return not problems, body

    async def _store_ok(self) -> bool:
        try:
            async with asyncio.timeout(self.probe_timeout):
                await self.probe_store()
        except Exception as exc:  # any failure means "not writable"; the reason goes to the log
            log.warning("health store_writable=false error=%s", type(exc).__name__)
            return False
        return True

    def _ticking(self) -> bool:
        if self.last_tick is None:
            return False
        return self._clock() - self.last_tick <= max(3 * self.tick_seconds, 60.0)


async def serve(metrics: Metrics, health: Health, host: str, port: int) -> web.AppRunner:
    """Start the listener for /metrics and /health; the caller cleans up the runner."""
    from aiohttp import web

    async def metrics_page(_: web.Request) -> web.Response:
        return web.Response(body=metrics.exposition(), headers={"Content-Type": CONTENT_TYPE_LATEST})

    async def health_page(_: web.Request) -> web.Response:
        healthy, body = await health.report()
        return web.Response(text=json.dumps(body), status=200 if healthy else 503,
                            content_type="application/json")

    app = web.Application()
    app.router.add_get("/metrics", metrics_page)
    app.router.add_get("/health", health_page)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    log.info("metrics listening on http://%s:%s/metrics and /health", host, port)
    return runner

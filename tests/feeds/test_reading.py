"""Reading documents in the worker pool: in another process, warm, with a time limit, cuts logged."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator

import pytest

from digests.errors import FetchError
from digests.feeds.reading import WORKER_MODULES, FeedReader
from digests.news.enrichment import WORKER_MODULES as ANALYSIS_MODULES
from digests.runtime.workers import WorkerPool

from conftest import NOW, fixture_bytes


@pytest.fixture
def pool() -> Iterator[WorkerPool]:
    workers = WorkerPool(1, warm=(*WORKER_MODULES, *ANALYSIS_MODULES))
    yield workers
    workers.close()


async def test_parsing_runs_in_another_process(pool: WorkerPool) -> None:
    """Parsing happens in a worker process, at a lower priority than the event loop's."""
    assert await pool.run(os.getpid) != os.getpid()
    assert await pool.run(os.nice, 0) >= os.nice(0) + 1
    parsed = await FeedReader(pool).parse(fixture_bytes("atom.xml"), {}, "https://monitor.example/", NOW)
    assert len(parsed.entries) == 2


async def test_workers_start_warm(pool: WorkerPool) -> None:
    """A new worker has feedparser and the analysis imported before its first job."""
    assert await pool.run(_imported, ("feedparser", "digests.feeds.parsing", "digests.news.analysis"))


def _imported(names: tuple[str, ...]) -> bool:
    return all(name in sys.modules for name in names)


async def test_a_parse_has_a_time_limit() -> None:
    """Every parse has a time limit; past it the feed fails with "parse-timeout"."""
    workers = WorkerPool(1)
    reader = FeedReader(workers, time_limit=0.001)  # a worker cannot even start that fast
    try:
        with pytest.raises(FetchError) as caught:
            await reader.parse(fixture_bytes("atom.xml"), {}, "https://monitor.example/", NOW)
        assert caught.value.kind == "parse-timeout"
        assert str(caught.value) == "took longer than 0.001 s to read"
    finally:
        workers.close()


async def test_a_cut_feed_is_logged_once(pool: WorkerPool, caplog: pytest.LogCaptureFixture) -> None:
    """A feed longer than the entry cap is read to the cap and logged once, not every poll."""
    items = b"".join(b"<item><title>Story %d</title><guid>s-%d</guid></item>" % (n, n)
                     for n in range(1_200))
    body = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Long</title>' + items + \
        b"</channel></rss>"
    reader = FeedReader(pool)
    with caplog.at_level(logging.INFO, logger="digests.feeds.reading"):
        for _ in range(2):
            parsed = await reader.parse(body, {}, "https://long.example/feed", NOW)
            assert len(parsed.entries) == 1_000
    cut = [r for r in caplog.records if "entries" in r.getMessage()]
    assert len(cut) == 1 and "https://long.example/feed" in cut[0].getMessage()


async def test_a_document_needing_too_much_memory_fails_as_too_large() -> None:
    items = ",".join(["{}"] * 3_000_000)  # 9 MB of JSON that becomes 3 million dicts
    body = ('{"version": "https://jsonfeed.org/version/1.1", "title": "Bomb", "items": ['
            + items + "]}").encode()
    workers = WorkerPool(1, warm=WORKER_MODULES, memory_limit=200 * 1024 * 1024)
    try:
        with pytest.raises(FetchError) as caught:
            await FeedReader(workers).parse(body, {}, "https://bomb.example/feed.json", NOW)
        assert caught.value.kind == "too-large"
        parsed = await FeedReader(workers).parse(fixture_bytes("atom.xml"), {},
                                                 "https://monitor.example/", NOW)
        assert len(parsed.entries) == 2
    finally:
        workers.close()

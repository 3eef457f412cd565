"""Reading fetched documents in the worker pool: a time limit per document, and a warning the
first time a feed is cut to its first `MAX_ENTRIES` entries."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime

from digests.errors import FetchError
from digests.feeds.normalise import MAX_ENTRIES
from digests.models import ParsedFeed
from digests.runtime.workers import InWorker, WorkerPool

log = logging.getLogger(__name__)

PARSE_TIMEOUT_SECONDS = 30.0
WORKER_MEMORY_LIMIT = 1024 * 1024 * 1024
"""Each parse worker's address space: with the body and field caps a document needs at most
about half of it (15 MB of JSON holding five million empty items peaks at 444 MiB)."""
WORKER_MODULES = ("digests.feeds.parsing",)
"""What a worker should import before its first parse: feedparser's import takes 1-3 s."""
_PARSE = InWorker("digests.feeds.parsing", "parse_capped")
"""Named, not imported: feedparser is the workers' alone."""


class FeedReader:
    """Parses documents in `pool`; each may take `time_limit` seconds of a worker's time."""

    def __init__(self, pool: WorkerPool, time_limit: float = PARSE_TIMEOUT_SECONDS) -> None:
        self._pool = pool
        self._time_limit = time_limit
        self._cut_feeds: set[str] = set()

    async def parse(self, body: bytes, headers: Mapping[str, str], url: str,
                    fetched_at: datetime) -> ParsedFeed:
        limit = self._time_limit
        try:
            read: tuple[ParsedFeed, bool] = await self._pool.run(
                _PARSE, body, dict(headers), url, fetched_at, time_limit=limit,
                timed_out=lambda: FetchError("parse-timeout", f"took longer than {limit:g} s to read"))
        except FetchError as exc:
            if exc.kind == "worker-crash":
                raise FetchError("worker-crash", "the document crashed the worker reading it") from exc
            raise
        except MemoryError as exc:
            raise FetchError("too-large", "reading the document would take more memory than a "
                                          "worker may use") from exc
        parsed, cut = read
        if cut:
            self._log_cut(url)
        return parsed

    def _log_cut(self, url: str) -> None:
        if url in self._cut_feeds:
            log.debug("feed cut to its first %s entries feed=%s", MAX_ENTRIES, url)
            return
        self._cut_feeds.add(url)
        log.warning("feed has more than %s entries; reading only the first (newest) %s "
                    "feed=%s", MAX_ENTRIES, MAX_ENTRIES, url)

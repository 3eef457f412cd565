"""Full article text for feeds that carry only a teaser (opt-in per feed).

Uses trafilatura when it is installed (`pip install newsdesk[fulltext]`); without it the
feature quietly stays off and the feed's own text is kept. Installed but unusable (a missing
dependency of its own), the feature says so once in the log and stays off. Articles are fetched
through the same guarded fetcher as feeds and extracted in the worker pool.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Sequence
from datetime import datetime

from digests.config import PollingConfig
from digests.errors import FetchError
from digests.feeds.fetching import Fetcher
from digests.feeds.htmltext import html_to_text
from digests.feeds.normalise import capped_text
from digests.feeds.polling import FullTextFn
from digests.models import Feed
from digests.runtime.workers import WorkerPool
from digests.store.core import Store

log = logging.getLogger(__name__)


def full_text_available() -> bool:
    """Whether trafilatura is installed (cheap: nothing is imported)."""
    return importlib.util.find_spec("trafilatura") is not None


def full_text_importable() -> str | None:
    """Why trafilatura cannot be imported here, or None when it can: run in a worker, so the
    bot's own process never pays for the import."""
    try:
        import trafilatura  # noqa: F401
    except ImportError as exc:
        return str(exc) or type(exc).__name__
    return None


def extract_article_text(html: bytes, url: str) -> str | None:
    """The main text of an article page as plain paragraphs, or None if none was found."""
    import trafilatura

    extracted = trafilatura.extract(html, url=url, include_comments=False, include_tables=False,
                                    favor_precision=True, output_format="html")
    if not extracted:
        return None
    return capped_text(html_to_text(extracted)) or None


def full_text_enricher(fetcher: Fetcher, workers: WorkerPool,
                       config: PollingConfig) -> FullTextFn | None:
    """The hook the poller calls with new items of opted-in feeds; None without trafilatura."""
    if not full_text_available():
        return None

    unusable: list[str | None] = []  # checked once, at the first use

    async def enrich(store: Store, feed: Feed, item_ids: Sequence[int], now: datetime) -> None:
        if not unusable:
            unusable.append(await workers.run(full_text_importable))
            if unusable[0]:
                log.warning("full text is off: trafilatura cannot be imported (%s); "
                            "reinstall with pip install 'newsdesk[fulltext]'", unusable[0])
        if unusable[0]:
            return
        for item in await store.get_items(item_ids):
            if not item.url or len(item.text) >= config.full_text_min_chars:
                continue
            try:
                page = await fetcher.fetch(item.url, now=now)
                text = await workers.run(extract_article_text, page.body, page.url)
            except FetchError as exc:
                log.warning("full text not fetched item=%s error=%s", item.url, exc)
                continue
            if text and len(text) > len(item.text):
                await store.replace_item_text(item.id, text, now=now)

    return enrich

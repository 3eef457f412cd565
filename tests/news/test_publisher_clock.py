"""Days are read on the publisher's clock: a New Zealand paper's "last night", published at
11:10 on Tuesday in Wellington (22:10 on Monday in UTC), is Monday night, not Sunday's. The feed
states its offset; parsing keeps it, the store keeps it, enrichment and answers read the text
against the publisher's day, and the answer cites the day the paper printed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from digests.feeds.parsing import parse_document
from digests.news.answers import answer_question
from digests.news.enrichment import Enricher
from digests.news.figures import extract_figures
from digests.runtime.workers import WorkerPool
from digests.store.core import Store

WELLINGTON = timezone(timedelta(hours=13))
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)

FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Tide</title><link>https://tide.example/</link>
<item><title>Kowhai Bay council backs port expansion</title>
<link>https://tide.example/news/port-vote</link><guid>https://tide.example/news/port-vote</guid>
<pubDate>Tue, 17 Nov 2026 11:10:00 +1300</pubDate>
<description>Kowhai Bay councillors voted 9-4 last night to back the $460 million expansion of
the container port. The expansion would add 1,200 jobs, the council said.</description></item>
</channel></rss>"""


def test_a_figure_said_last_night_is_dated_on_the_publishers_day() -> None:
    published = datetime(2026, 11, 17, 11, 10, tzinfo=WELLINGTON)
    figure = extract_figures("Police said 12 people were hurt in the crash last night.", published)[0]
    assert figure.as_of == date(2026, 11, 16)


async def test_last_night_in_a_new_zealand_paper_is_the_night_before_it_printed(
        tmp_path: Path, workers: WorkerPool) -> None:
    parsed = parse_document(FEED, {"content-type": "application/rss+xml"}, "https://tide.example/rss", NOW)
    assert parsed.entries[0].published_at.utcoffset() == timedelta(hours=13)
    store = await Store.open(f"sqlite:///{tmp_path / 'tide.db'}")
    try:
        feed = await store.add_feed("https://tide.example/rss", now=NOW, name="Harbour Tide")
        await store.save_entries(feed.id, list(parsed.entries), now=NOW, first_poll=False)
        await Enricher(store, workers).run(NOW)
        when = await answer_question(store, "When did Kowhai Bay council vote on the port expansion?", NOW)
        jobs = await answer_question(store, "How many jobs would the Kowhai Bay port expansion add?", NOW)
    finally:
        await store.close()
    assert when.found and when.headline.startswith("Monday 16 November"), when.headline
    assert "Tue 17 Nov 2026" in jobs.headline, jobs.headline  # the day the paper printed it

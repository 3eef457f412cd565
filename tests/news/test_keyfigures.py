"""Key figures for `/figures` on a real store with real enrichment: series, ranking, the day's."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from digests.models import Source
from digests.news.enrichment import Enricher
from digests.news.keyfigures import FigurePoint, FigureSeries, key_figures, topic_suggestions
from digests.runtime.workers import WorkerPool
from digests.samples import DEMO_NOW
from digests.store.core import Store

from builders import entry, ingest_samples

NOW = datetime(2022, 3, 3, 20, 0, tzinfo=UTC)
REPORTS = [  # (feed, hours before NOW, title, text)
    ("https://a.example/rss", 56, "Refugee count rises",
     "UNHCR said 660,000 people have fled Ukraine. Earlier, 500,000 people had fled Ukraine, "
     "UNHCR said. UNHCR said 660,000 people have fled Ukraine so far."),
    ("https://b.example/rss", 30, "Exodus grows", "UNHCR said 874,000 people have fled Ukraine."),
    ("https://c.example/rss", 4, "One million", "UNHCR said one million people have fled Ukraine."),
    ("https://a.example/rss", 3, "Troops to Europe",
     "The Pentagon said 3,800 US troops were ordered to Europe."),
]


@pytest.fixture(scope="module")
def pool() -> Iterator[WorkerPool]:
    workers = WorkerPool(2)
    yield workers
    workers.close()


async def store_reports(store: Store, workers: WorkerPool,
                        reports: list[tuple[str, int, str, str]]) -> None:
    """Each report stored as an item of its feed, then enriched as the bot does."""
    for number, (url, hours, title, text) in enumerate(reports):
        feed = await store.add_feed(url, now=NOW)
        published = NOW - timedelta(hours=hours)
        item = replace(entry(f"r{number}", text, title=title), published_at=published,
                       url=f"https://news.example/{number}")
        await store.save_entries(feed.id, [item], now=published, first_poll=False)
    await Enricher(store, workers).run(NOW)


@pytest.fixture
async def reported(store: Store, pool: WorkerPool) -> Store:
    await store_reports(store, pool, REPORTS)
    return store


@pytest.fixture
async def samples(store: Store, pool: WorkerPool) -> Store:
    await ingest_samples(store, pool)
    await Enricher(store, pool).run(DEMO_NOW)
    return store


async def test_a_measure_reported_over_days_is_one_series(reported: Store) -> None:
    """Three outlets' refugee counts are one series, oldest first, one point per report."""
    report = await key_figures(reported, "people fled Ukraine", NOW)
    fled = report.series[0]
    assert fled.label == "people fled Ukraine" and fled.unit is None
    assert [p.value for p in fled.points] == [660_000, 874_000, 1_000_000]
    assert len({p.source.feed_name for p in fled.points}) == len({p.source.item_id for p in fled.points}) == 3
    assert [p.as_of for p in fled.points] == sorted(p.as_of for p in fled.points)
    assert fled.latest.said_by == "UNHCR" and fled.latest.display == "1 million"
    assert fled.latest.sentence == "UNHCR said one million people have fled Ukraine."
    assert fled.change == "up from 874,000 on Wed 2 Mar"
    assert fled.chartable


async def test_series_carried_by_more_sources_rank_first(reported: Store) -> None:
    """Both measures match the topic; the one three outlets reported comes before the other."""
    report = await key_figures(reported, "UNHCR Pentagon", NOW)
    assert [s.latest.value for s in report.series] == [1_000_000, 3_800]
    assert report.topic == "UNHCR Pentagon" and report.window_end == NOW
    assert report.window_start == NOW - timedelta(hours=56)


async def test_limit_caps_the_series(reported: Store) -> None:
    report = await key_figures(reported, "UNHCR Pentagon", NOW, limit=1)
    assert len(report.series) == 1 and report.series[0].latest.value == 1_000_000


async def test_reports_after_now_are_left_out(reported: Store) -> None:
    """Asked as of an earlier moment, the series ends with what was known then."""
    report = await key_figures(reported, "people fled Ukraine", NOW - timedelta(hours=12))
    assert [p.value for p in report.series[0].points] == [660_000, 874_000]
    assert not report.series[0].chartable


async def test_no_topic_gives_the_figures_of_the_last_day(reported: Store) -> None:
    """The day's figures, with the earlier reports of the same measure for the change."""
    report = await key_figures(reported, None, NOW)
    assert report.topic is None and report.window_start == NOW - timedelta(hours=24)
    values = [s.latest.value for s in report.series]
    assert sorted(values) == [3_800, 1_000_000]
    fled = next(s for s in report.series if s.latest.value == 1_000_000)
    assert [p.value for p in fled.points] == [660_000, 874_000, 1_000_000]
    assert all(s.latest.source.published_at >= report.window_start for s in report.series)


async def test_samples_with_a_topic(samples: Store) -> None:
    """On the bundled week of news, "refugees" leads with the refugee count as it grew."""
    report = await key_figures(samples, "refugees", DEMO_NOW)
    fled = report.series[0]
    assert fled.latest.value == 1_000_000 and fled.chartable
    assert {500_000, 660_000} <= {p.value for p in fled.points}
    assert fled.change == "up from 660,000 on Tue 1 Mar"
    assert len({p.source.item_id for p in fled.points}) == len(fled.points)
    assert all(p.source.url for s in report.series for p in s.points)


async def test_samples_without_a_topic(samples: Store) -> None:
    """The day's lead figure is the one million who fled, carried by every outlet."""
    report = await key_figures(samples, None, DEMO_NOW)
    lead = report.series[0]
    assert lead.latest.value == 1_000_000 and lead.latest.said_by == "UNHCR"
    assert len({p.source.feed_name for p in lead.points}) == 4
    assert lead.change == "up from 874,000 on Wed 2 Mar"
    assert 1 <= len(report.series) <= 5


@pytest.mark.parametrize("topic", ["anything at all", None, "the of and"])
async def test_empty_store_or_empty_topic_gives_no_series(store: Store, topic: str | None) -> None:
    report = await key_figures(store, topic, NOW)
    assert report.series == () and report.window_end == NOW


def _point(value: float, day: int, item_id: int) -> FigurePoint:
    source = Source(item_id, "Feed", None, datetime(2022, 3, day, 12, tzinfo=UTC))
    return FigurePoint(value, f"{value:,.0f}", date(2022, 3, day), None, "exact", "A sentence.", source)


@pytest.mark.parametrize(("days", "chartable"), [
    ((1, 2, 3), True), ((1, 1, 2), True), ((2, 2, 2), False), ((1, 2), False), ((1,), False)])
def test_chartable_needs_three_points_on_two_dates(days: tuple[int, ...], chartable: bool) -> None:
    series = FigureSeries("people", None, tuple(_point(10.0 * n, d, n) for n, d in enumerate(days)))
    assert series.chartable is chartable


def test_change_against_the_last_earlier_day() -> None:
    points = (_point(500, 1, 1), _point(700, 2, 2), _point(700, 3, 3))
    assert FigureSeries("x", None, points).change == "unchanged since Wed 2 Mar"
    assert FigureSeries("x", None, points[:1]).change is None
    falling = (_point(900, 1, 1), _point(300, 2, 2))
    assert FigureSeries("x", None, falling).change == "down from 900 on Tue 1 Mar"


def test_topic_suggestions_prefix_then_word_then_substring() -> None:
    labels = ["people have fled Ukraine", "refugees", "Refugees", "civilian deaths", "US troops",
              "troops", "deaths of civilians", "  ", "peacekeeping troops"]
    assert topic_suggestions(labels, "tro") == ["troops", "US troops", "peacekeeping troops"]
    assert topic_suggestions(labels, "REF") == ["refugees"]
    assert topic_suggestions(labels, "eath") == ["civilian deaths", "deaths of civilians"]
    assert topic_suggestions(labels, "death") == ["deaths of civilians", "civilian deaths"]
    assert topic_suggestions(labels, "", limit=2) == ["people have fled Ukraine", "refugees"]
    assert topic_suggestions(labels, "zzz") == []

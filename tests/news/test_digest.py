"""Building a digest from stories: ranking, key figures, key people (pure, no store)."""

from __future__ import annotations

from datetime import timedelta

from digests.models import Item, StoryRecord
from digests.news.digest import build_digest, key_people
from digests.readings import Figure, Mention

from conftest import NOW


def item(item_id: int, feed: str, hours_ago: float, text: str = "A sentence long enough to quote.") -> Item:
    when = NOW - timedelta(hours=hours_ago)
    return Item(id=item_id, feed_id=1, feed_name=feed, url=f"https://{feed}.example/{item_id}",
                title=f"Title {item_id}", text=text, author=None, categories=(), language="en",
                published_at=when, first_seen_at=when, seen_at_first_poll=False)


def story(story_id: int, *items: Item) -> StoryRecord:
    return StoryRecord(story_id, items[0].title, items[0].published_at, items[-1].published_at,
                       items)


def figure(value: float, counted: str | None, source: str | None, surface: str) -> Figure:
    return Figure(value=value, unit=None, qualifier="exact", qualifier_text=None, counted=counted,
                  source=source, as_of=None, surface=surface, sentence=surface, start=0,
                  end=len(surface))


def test_more_sources_rank_first_then_recency() -> None:
    """A story carried by three outlets beats a fresher one from a single outlet."""
    wide = story(1, item(1, "bbc", 20), item(2, "cnn", 19), item(3, "guardian", 18))
    fresh = story(2, item(4, "bbc", 1))
    old = story(3, item(5, "bbc", 22))
    digest = build_digest([old, fresh, wide], {}, NOW - timedelta(hours=24), NOW)
    assert [s.title for s in digest.stories] == ["Title 1", "Title 4", "Title 5"]
    assert (digest.story_total, digest.source_total) == (3, 3)
    assert digest.stories[0].sources == ("bbc", "cnn", "guardian")


def test_stories_outside_the_window_are_left_out() -> None:
    """Only stories with an item published inside the window count."""
    digest = build_digest([story(1, item(1, "bbc", 30))], {}, NOW - timedelta(hours=24), NOW)
    assert digest.stories == () and digest.story_total == 0


def test_key_figures_prefer_attributed_distinct_measures() -> None:
    """Attributed figures come first; the same value twice and small spelled counts are dropped."""
    figures = {1: [figure(2, "sides would work", "Mr X", "two sides"),
                   figure(1_000_000, "people have fled Ukraine", "UNHCR", "one million"),
                   figure(1_000_000, "people fled", None, "a million"),
                   figure(227, "civilians killed", None, "227")]}
    digest = build_digest([story(1, item(1, "bbc", 1))], figures, NOW - timedelta(hours=24), NOW)
    assert [(f.value, f.said_by) for f in digest.stories[0].figures] == [
        ("1 million", "UNHCR"), ("227", None)]


def test_key_people_merge_short_and_full_names() -> None:
    """"Podolyak" and "Mykhailo Podolyak" are one person, counted together, most mentioned first."""
    def mention(name: str, role: str | None = None) -> Mention:
        return Mention(name=name, role=role, affiliation=None, statement=None, verb=None,
                       sentence=name, start=0, end=len(name))

    people = key_people([mention("Mykhailo Podolyak", "presidential adviser"),
                         mention("Podolyak"), mention("John Kirby", "press secretary")])
    assert [(p.name, p.role, p.mentions) for p in people] == [
        ("Mykhailo Podolyak", "presidential adviser", 2), ("John Kirby", "press secretary", 1)]

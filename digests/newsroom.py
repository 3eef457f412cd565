"""The engine's front desk: one call per thing a user asks for, used by the CLI and the cogs."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import datetime, timedelta

from digests.models import Item, StoryRecord
from digests.news.answers import Answer, answer_question
from digests.news.digest import STORY_LIMIT, Digest, DigestStory, build_digest, story_card
from digests.readings import Figure, Mention
from digests.servers.scope import ScopedStore
from digests.store.core import Store

Reader = Store | ScopedStore  # the whole store (the command line) or one server's view


async def digest_of_last(store: Reader, hours: float, now: datetime) -> Digest:
    """The digest of the `hours` before `now`. Items not read yet (in no story) are shown
    plainly, each as a story of its own, rather than left out."""
    start = now - timedelta(hours=hours)
    stories = await store.stories_between(start, now)
    stories += [_plain_story(item) for item in await store.unread_items_between(start, now)]
    figures, mentions = await _readings(store, stories)
    previous = start - timedelta(hours=hours)
    before = [i for s in await store.stories_between(previous, start) for i in s.items
              if previous <= i.published_at < start]
    return await asyncio.to_thread(build_digest, stories, figures, start, now, STORY_LIMIT,
                                   mentions, before)


async def story_cards(store: Store, story_ids: Sequence[int], feed_ids: frozenset[int] | None,
                      since: datetime) -> dict[int, DigestStory]:
    """Stories told as the digest tells them (title, summary, figures, sources), by story id,
    each led by its newest report: what an alert is about."""
    stories = await store.stories_by_id(story_ids, feed_ids)
    figures, mentions = await _readings(store, stories)
    return {s.id: story_card(s, figures, mentions, since, newest_lead=True) for s in stories}


def _plain_story(item: Item) -> StoryRecord:
    """An item not read yet, as a story of its own (negative ids are never stored ones)."""
    return StoryRecord(-item.id, item.title, item.published_at, item.published_at, (item,))


async def _readings(store: Reader, stories: Sequence[StoryRecord]
                    ) -> tuple[dict[int, list[Figure]], dict[int, list[Mention]]]:
    item_ids = [i.id for s in stories for i in s.items]
    figures: dict[int, list[Figure]] = {}
    for cited in await store.figures_of_items(item_ids):
        figures.setdefault(cited.source.item_id, []).append(cited.figure)
    mentions: dict[int, list[Mention]] = {}
    for cited_mention in await store.mentions_of_items(item_ids):
        mentions.setdefault(cited_mention.source.item_id, []).append(cited_mention.mention)
    return figures, mentions


async def ask(store: Reader, question: str, now: datetime) -> Answer:
    return await answer_question(store, question, now)

"""The engine's front desk: one call per thing a user asks for, used by the CLI and the cogs."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from digests.models import Item, StoryRecord
from digests.news.answers import Answer, answer_question
from digests.news.digest import STORY_LIMIT, Digest, DigestStory, build_digest, story_card
from digests.readings import Figure, Mention
from digests.servers.scope import ScopedStore
from digests.store.core import Store

Reader = Store | ScopedStore  # the whole store (the command line) or one server's view


@dataclass(frozen=True, slots=True)
class DigestInputs:
    """What a digest of one window is judged from: the stories with a report in the window
    (their reports since the window before it began), their figures and people, and the
    reports of the window before (what is usual, so that what bursts shows)."""

    stories: list[StoryRecord]
    figures: dict[int, list[Figure]]
    mentions: dict[int, list[Mention]]
    before: list[Item]
    start: datetime
    end: datetime


async def digest_inputs(store: Reader, hours: float, now: datetime) -> DigestInputs:
    """The reads for the digest of the `hours` before `now`, in one pass over the two windows.
    Items not read yet (in no story) are stories of their own rather than left out."""
    start = now - timedelta(hours=hours)
    previous = start - timedelta(hours=hours)
    both = await store.stories_between(previous, now, since=previous)
    stories = [s for s in both if any(i.published_at >= start for i in s.items)]
    before = [i for s in both for i in s.items if i.published_at < start]
    stories += [_plain_story(item) for item in await store.unread_items_between(start, now)]
    figures, mentions = await _readings(store, stories)
    return DigestInputs(stories, figures, mentions, before, start, now)


async def digest_of_last(store: Reader, hours: float, now: datetime) -> Digest:
    """The digest of the `hours` before `now`, unread items shown plainly."""
    given = await digest_inputs(store, hours, now)
    return await asyncio.to_thread(build_digest, given.stories, given.figures, given.start, now,
                                   STORY_LIMIT, given.mentions, given.before)


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

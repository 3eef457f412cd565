"""One server's view of the store: the same queries, limited to the feeds that server follows.

Servers never see quotes, figures or people from feeds they do not follow (another server's
private feed stays private).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import datetime

from digests.models import Item, SentenceHit, StoryRecord
from digests.readings import CitedFigure, CitedMention
from digests.store.core import Store


class ScopedStore:
    """The answer, digest and figure queries of `Store`, for the items of `feed_ids` only (all
    feeds for None), published by `until` (no bound for None)."""

    def __init__(self, store: Store, feed_ids: frozenset[int] | None,
                 until: datetime | None = None) -> None:
        self._store = store
        self.feed_ids = feed_ids
        self.until = until

    async def figures_in_sentences_matching(self, terms: Sequence[str],
                                            limit: int = 200) -> list[CitedFigure]:
        return await self._store.figures_in_sentences_matching(terms, limit, self.feed_ids, self.until)

    async def word_rarity(self, words: Sequence[str]) -> dict[str, float]:
        return await self._store.word_rarity(words)

    async def word_uses(self, words: Sequence[str]) -> dict[str, int]:
        return await self._store.word_uses(words)

    async def search_sentences(self, terms: Sequence[str], limit: int = 20, *,
                               distinct_among: int = 0) -> list[SentenceHit]:
        return await self._store.search_sentences(terms, limit, self.feed_ids, self.until,
                                                  distinct_among=distinct_among)

    async def person_keys(self) -> list[tuple[str, str, int]]:
        return await self._store.person_keys(self.feed_ids, self.until)

    async def mentions_of(self, keys: Iterable[str]) -> list[CitedMention]:
        return await self._store.mentions_of(keys, self.feed_ids, self.until)

    async def stories_between(self, start: datetime, end: datetime, *,
                              since: datetime | None = None) -> list[StoryRecord]:
        return await self._store.stories_between(start, min(end, self.until or end), self.feed_ids,
                                                 since=since)

    async def headlines_between(self, start: datetime, end: datetime) -> list[Item]:
        return await self._store.headlines_between(start, min(end, self.until or end), self.feed_ids)

    async def unread_items_between(self, start: datetime, end: datetime) -> list[Item]:
        return await self._store.unread_items_between(start, min(end, self.until or end), self.feed_ids)

    async def figures_of_items(self, item_ids: Iterable[int]) -> list[CitedFigure]:
        return await self._store.figures_of_items(item_ids)

    async def figures_of_sentences(self, found: Collection[tuple[int, str]]) -> list[CitedFigure]:
        return await self._store.figures_of_sentences(found)

    async def item_texts(self, item_ids: Iterable[int]) -> dict[int, str]:
        return await self._store.item_texts(item_ids)

    async def mentions_of_items(self, item_ids: Iterable[int]) -> list[CitedMention]:
        return await self._store.mentions_of_items(item_ids)


def as_of(store: Store, until: datetime) -> ScopedStore:
    """The whole store as it stood at `until`: only what was published by then."""
    return ScopedStore(store, None, until)


async def guild_view(store: Store, guild_id: int, *, live_only: bool = False) -> ScopedStore:
    """The store as the server `guild_id` sees it: its own feeds and the operator's it kept.

    `live_only` leaves out the feeds the server paused, for what is new (digests, alerts);
    what they stored before still answers questions.
    """
    ids = await store.guild_feed_ids([guild_id], live_only=live_only)
    return ScopedStore(store, ids[guild_id])

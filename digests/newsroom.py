"""The engine's front desk: one call per thing a user asks for, used by the CLI and the cogs."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from .answers import Answer, answer_question
from .digests import STORY_LIMIT, Digest, build_digest
from .figures import Figure
from .people import Mention
from .storage import Store


async def digest_of_last(store: Store, hours: int, now: datetime) -> Digest:
    """The digest of the `hours` before `now`."""
    start = now - timedelta(hours=hours)
    stories = await store.stories_between(start, now)
    item_ids = [i.id for s in stories for i in s.items]
    figures: dict[int, list[Figure]] = {}
    for cited in await store.figures_of_items(item_ids):
        figures.setdefault(cited.source.item_id, []).append(cited.figure)
    mentions: dict[int, list[Mention]] = {}
    for cited_mention in await store.mentions_of_items(item_ids):
        mentions.setdefault(cited_mention.source.item_id, []).append(cited_mention.mention)
    return await asyncio.to_thread(build_digest, stories, figures, start, now, STORY_LIMIT,
                                   mentions)


async def ask(store: Store, question: str, now: datetime) -> Answer:
    return await answer_question(store, question, now)

"""Processes of a sharded bot beat through the store; the work of one that falls silent (its
servers' digests, outbox and alerts) is taken over by the live ones until it is back."""

from __future__ import annotations

from datetime import timedelta

from digests.servers.shards import SILENT_AFTER, ShardCover, Shards, shard_of
from digests.store.core import Store

from conftest import NOW

BEAT = timedelta(seconds=10)
LATER = NOW + SILENT_AFTER + BEAT


def cover(store: Store, owner: str, *shards: int, count: int = 3) -> ShardCover:
    return ShardCover(Shards(count, shards), store, owner)


def guild_on(shard: int, count: int = 3) -> int:
    guild = shard << 22
    assert shard_of(guild, count) == shard
    return guild


async def test_a_silent_process_s_shards_are_run_by_a_live_one_until_it_is_back(store: Store) -> None:
    a, b = cover(store, "a", 0), cover(store, "b", 1)
    await b.beat(NOW)
    await a.beat(NOW)
    assert a.ids == (0,) and not a.holds(guild_on(1)) and not a.holds(guild_on(2))
    await a.beat(LATER)  # b has not beaten since NOW
    assert a.ids == (0, 1) and a.holds(guild_on(1)) and a.adopted == {1}
    assert not a.holds(guild_on(2))  # shard 2 was never announced: nobody's (not started yet)
    await b.beat(LATER + BEAT)
    await a.beat(LATER + BEAT)
    assert a.ids == (0,) and not a.holds(guild_on(1))


async def test_a_silent_process_s_shards_are_shared_by_the_live_ones(store: Store) -> None:
    a, b, c = cover(store, "a", 0, count=4), cover(store, "b", 1, count=4), cover(store, "c", 2, 3, count=4)
    for process in (a, b, c):
        await process.beat(NOW)
    await a.beat(LATER)
    await b.beat(LATER)
    await a.beat(LATER)
    assert a.adopted | b.adopted == {2, 3} and not a.adopted & b.adopted
    assert a.adopted and b.adopted  # one each: the live ones share the work


async def test_a_process_restarted_under_a_new_name_replaces_the_silent_one(store: Store) -> None:
    a, old_b = cover(store, "a", 0), cover(store, "b:1", 1)
    await old_b.beat(NOW)
    await a.beat(LATER)
    assert a.adopted == {1}
    new_b = cover(store, "b:2", 1)
    await new_b.beat(LATER + BEAT)
    await a.beat(LATER + BEAT)
    assert a.adopted == frozenset()
    assert [h.owner for h in await store.shard_holders()] == ["a", "b:2"]  # the silent row forgotten


async def test_one_process_with_every_shard_holds_every_server(store: Store) -> None:
    alone = ShardCover(Shards(2, ()), store, "only")
    assert alone.everything and alone.holds(guild_on(1, 2)) and alone.holds(None)

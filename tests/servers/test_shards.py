"""Which process holds which server when the bot runs as several (shards): Discord's formula,
the digests due in one process, and the outbox rows it sends (on SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from digests.servers.schedules import digests_due_here
from digests.servers.shards import EVERY_SHARD, Shards, shard_of
from digests.store.core import Store
from digests.store.servers import OutboxMessage

NOW = datetime(2022, 3, 2, 8, 5, tzinfo=UTC)
GRACE = timedelta(hours=6)


def guild_on(shard: int, count: int, moment: int = 1_000_000_000) -> int:
    """A server id on `shard` of `count`: the shard comes from the id's timestamp bits."""
    moment += (shard - moment) % count
    return (moment << 22) | 12345  # low bits (worker, process, increment) play no part


def test_the_shard_of_a_server_is_discords_formula() -> None:
    # 197038439483310086 >> 22 == 46977624770: even, and 2 more than a multiple of 3.
    assert shard_of(197038439483310086, 1) == 0
    assert shard_of(197038439483310086, 2) == 0
    assert shard_of(197038439483310086, 3) == 2
    assert shard_of(197038439483310086 + (1 << 22), 2) == 1  # one millisecond later
    assert [shard_of(guild_on(s, 4), 4) for s in range(4)] == [0, 1, 2, 3]
    assert shard_of(0, 3) == 0
    with pytest.raises(ValueError, match="at least one shard"):
        shard_of(1, 0)


def test_a_process_holds_the_servers_of_its_shards_only() -> None:
    first, second = Shards(2, (0,)), Shards(2, (1,))
    for shard in (0, 1):
        for moment in (10**9, 10**9 + 7, 2 * 10**9 + 3):
            guild = guild_on(shard, 2, moment)
            assert (first.holds(guild), second.holds(guild)) == (shard == 0, shard == 1)
    assert first.holds(None) and not second.holds(None)  # no server: shard 0's, like DMs


@pytest.mark.parametrize("shards", [EVERY_SHARD, Shards(1, (0,)), Shards(3), Shards(3, (2, 0, 1))])
def test_one_process_with_every_shard_holds_every_server(shards: Shards) -> None:
    assert shards.everything
    assert all(shards.holds(guild_on(s, 3)) for s in range(3)) and shards.holds(None)


@pytest.mark.parametrize(("count", "ids"), [(0, (0,)), (2, (2,)), (2, (-1,))])
def test_shards_that_cannot_be_run_are_refused(count: int, ids: tuple[int, ...]) -> None:
    with pytest.raises(ValueError, match="shard"):
        Shards(count, ids)


def test_the_log_says_which_shards_a_process_runs() -> None:
    assert EVERY_SHARD.describe() == "one connection (not sharded)"
    assert Shards(4).describe() == "all 4 shards"
    assert Shards(4, (0, 2)).describe() == "shards 0, 2 of 4"
    assert Shards(4, (3,)).describe() == "shard 3 of 4"


async def schedule(store: Store, guild: int, channel: int) -> None:
    await store.set_digest_schedule(guild, channel_id=channel, time="08:00", timezone="UTC",
                                    now=NOW - timedelta(days=1))


async def test_each_servers_digest_is_due_in_the_process_of_its_shard_only(store: Store) -> None:
    servers = {guild_on(s, 2, m): 100 + n for n, (s, m) in enumerate(
        [(0, 10**9), (1, 10**9), (0, 10**9 + 9), (1, 10**9 + 4)])}
    for guild, channel in servers.items():
        await schedule(store, guild, channel)
    first = await digests_due_here(store, NOW, GRACE, Shards(2, (0,)))
    second = await digests_due_here(store, NOW, GRACE, Shards(2, (1,)))
    alone = await digests_due_here(store, NOW, GRACE, EVERY_SHARD)
    assert {d.guild_id for d in first} == {g for g in servers if shard_of(g, 2) == 0}
    assert {d.guild_id for d in second} == {g for g in servers if shard_of(g, 2) == 1}
    assert sorted(d.guild_id for d in first + second) == sorted(d.guild_id for d in alone)
    assert sorted(servers) == sorted(d.guild_id for d in alone)


def message(key: str, guild: int | None) -> OutboxMessage:
    return OutboxMessage(key, 0, "notice", '{"content": "hello"}', guild_id=guild, channel_id=7)


async def test_a_process_is_given_the_outbox_rows_of_its_shards_servers(store: Store) -> None:
    on_zero = [guild_on(0, 3, 10**9 + n * 3) for n in range(3)]
    on_one, on_two = guild_on(1, 3), guild_on(2, 3)
    # Rows of shard 2 first and many of them: a batch limit must not let them crowd out the others.
    rows = [message(f"two:{n}", on_two) for n in range(5)]
    rows += [message(f"zero:{n}", g) for n, g in enumerate(on_zero)]
    rows += [message("one", on_one), message("nobody", None)]
    await store.enqueue(rows, NOW)

    def keys(found: list[object]) -> list[str]:
        return [r.key for r in found]  # type: ignore[attr-defined]

    zero = await store.due_outbox_in_shards(NOW, 3, [0], limit=4)
    assert keys(zero) == ["zero:0", "zero:1", "zero:2", "nobody"]  # oldest first
    assert keys(await store.due_outbox_in_shards(NOW, 3, [1, 2], limit=3)) == ["two:0", "two:1", "two:2"]
    assert keys(await store.due_outbox_in_shards(NOW, 3, [1])) == ["one"]
    everything = set(keys(await store.due_outbox(NOW)))
    split = [set(keys(await store.due_outbox_in_shards(NOW, 3, [s]))) for s in range(3)]
    assert set.union(*split) == everything and sum(map(len, split)) == len(everything)
    assert await store.due_outbox_in_shards(NOW - timedelta(seconds=1), 3, [0]) == []  # not due yet


async def test_sent_and_leased_rows_are_not_given_again(store: Store) -> None:
    guild = guild_on(1, 2)
    await store.enqueue([message("a", guild), message("b", guild)], NOW)
    first, second = await store.due_outbox_in_shards(NOW, 2, [1])
    await store.mark_sent(first.id, 555, NOW)
    assert [r.key for r in await store.due_outbox_in_shards(NOW, 2, [1])] == ["b"]
    held = await store.claim_outbox(NOW, 10, owner="other", lease=timedelta(minutes=1))
    assert [r.id for r in held] == [second.id]
    assert await store.due_outbox_in_shards(NOW, 2, [1]) == []  # another process is sending it
    later = NOW + timedelta(minutes=2)  # its lease expired: the other process died
    assert [r.key for r in await store.due_outbox_in_shards(later, 2, [1])] == ["b"]

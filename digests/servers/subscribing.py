"""Members' alert subscriptions: adding with a checked query, removing by id or by query."""

from __future__ import annotations

from datetime import datetime

from digests.errors import DigestError
from digests.models import Deliver
from digests.servers.alerts import QueryError, parse_query
from digests.store.core import Store
from digests.store.servers import Subscription


async def subscribe(store: Store, guild_id: int, member_id: int, query: str, deliver: str,
                    channel_id: int | None, now: datetime, *, cap: int) -> Subscription:
    parse_query(query)  # raises QueryError saying what to fix
    if deliver not in ("dm", "channel"):
        raise QueryError("Deliver alerts by `dm` or in the `channel`.")
    method: Deliver = "dm" if deliver == "dm" else "channel"
    return await store.add_subscription(guild_id, member_id, query=query.strip(), deliver=method,
                                        channel_id=channel_id, now=now, cap=cap)


async def unsubscribe(store: Store, guild_id: int, member_id: int, alert: str) -> Subscription:
    """Remove the member's alert named by its id (autocomplete) or its query text."""
    for subscription in await store.subscriptions_of(guild_id, member_id):
        if alert.strip() in (str(subscription.id), subscription.query):
            await store.remove_subscription(guild_id, member_id, subscription.id)
            return subscription
    raise DigestError("You have no alert like that here: pick one from the list that appears "
                      "as you type, or see /alerts list.")

"""Table definitions for queries. The database itself is created and upgraded by migrations."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    Table,
    Text,
    TypeDecorator,
)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in Python, whatever the database keeps (SQLite keeps naive text)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; pass UTC-aware times")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)  # type: ignore[no-any-return]
        return value.astimezone(UTC)  # type: ignore[no-any-return]


metadata = MetaData()

feeds = Table(
    "feeds", metadata,
    Column("id", Integer, primary_key=True),
    Column("url", Text, nullable=False, unique=True),
    Column("title", Text),
    Column("name", Text),
    Column("site_url", Text),
    Column("full_text", Boolean, nullable=False, default=False),
    Column("operator", Boolean, nullable=False, default=False),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("body_hash", Text),
    Column("ttl_seconds", Integer),
    Column("paused", Boolean, nullable=False, default=False),
    Column("paused_reason", Text),
    Column("paused_by", Text),
    Column("paused_at", UTCDateTime),
    Column("failing_since", UTCDateTime),
    Column("failure_count", Integer, nullable=False, default=0),
    Column("last_error", Text),
    Column("last_status", Integer),
    Column("last_success_at", UTCDateTime),
    Column("last_polled_at", UTCDateTime),
    Column("next_check_at", UTCDateTime, nullable=False),
    Column("first_polled", Boolean, nullable=False, default=False),
    Column("created_at", UTCDateTime, nullable=False),
)

follows = Table(
    "follows", metadata,
    Column("guild_id", BigInteger, primary_key=True),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="CASCADE"), primary_key=True),
    Column("name", Text),
    Column("removed", Boolean, nullable=False, default=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("paused", Boolean, nullable=False, default=False),
)

items = Table(
    "items", metadata,
    Column("id", Integer, primary_key=True),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="CASCADE"), nullable=False),
    Column("entry_key", Text, nullable=False),
    Column("guid", Text),
    Column("url", Text),
    Column("title", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("author", Text),
    Column("categories", Text, nullable=False),
    Column("language", Text),
    Column("published_at", UTCDateTime, nullable=False),
    Column("dated", Boolean, nullable=False),
    Column("first_seen_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("content_hash", Text, nullable=False),
    Column("seen_at_first_poll", Boolean, nullable=False),
    Column("enriched", Boolean, nullable=False, default=False),
    Column("enrich_attempts", Integer, nullable=False, default=0),
    Column("enrich_error", Text),
    Column("enrich_after", UTCDateTime),
    Column("last_seen_at", UTCDateTime),
)

fetch_errors = Table(
    "fetch_errors", metadata,
    Column("id", Integer, primary_key=True),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="CASCADE"), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("kind", Text, nullable=False),
    Column("status", Integer),
    Column("message", Text, nullable=False),
)

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, nullable=False),
)

stories = Table(
    "stories", metadata,
    Column("id", Integer, primary_key=True),
    Column("title", Text, nullable=False),
    Column("first_seen_at", UTCDateTime, nullable=False),
    Column("last_seen_at", UTCDateTime, nullable=False),
)

story_items = Table(
    "story_items", metadata,
    Column("item_id", Integer, ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
)

sentences = Table(
    "sentences", metadata,
    Column("id", Integer, primary_key=True),
    Column("item_id", Integer, ForeignKey("items.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("start_offset", Integer, nullable=False),
    Column("end_offset", Integer, nullable=False),
)

figures = Table(
    "figures", metadata,
    Column("id", Integer, primary_key=True),
    Column("item_id", Integer, ForeignKey("items.id", ondelete="CASCADE"), nullable=False),
    Column("value", Float, nullable=False),
    Column("unit", Text),
    Column("qualifier", Text, nullable=False),
    Column("qualifier_text", Text),
    Column("counted", Text),
    Column("measure_key", Text, nullable=False),
    Column("source", Text),
    Column("as_of", Text),
    Column("surface", Text, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("start_offset", Integer, nullable=False),
    Column("end_offset", Integer, nullable=False),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True),
    Column("item_id", Integer, ForeignKey("items.id", ondelete="CASCADE"), nullable=False),
    Column("person_key", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("role", Text),
    Column("affiliation", Text),
    Column("statement", Text),
    Column("verb", Text),
    Column("sentence", Text, nullable=False),
    Column("start_offset", Integer, nullable=False),
    Column("end_offset", Integer, nullable=False),
)

guild_settings = Table(
    "guild_settings", metadata,
    Column("guild_id", BigInteger, primary_key=True),
    Column("digest_channel_id", BigInteger),
    Column("digest_time", Text),
    Column("digest_timezone", Text),
    Column("digest_set_at", UTCDateTime),
    Column("last_digest_on", Text),
)

subscriptions = Table(
    "subscriptions", metadata,
    Column("id", Integer, primary_key=True),
    Column("guild_id", BigInteger, nullable=False),
    Column("member_id", BigInteger, nullable=False),
    Column("query", Text, nullable=False),
    Column("deliver", Text, nullable=False),
    Column("channel_id", BigInteger),
    Column("created_at", UTCDateTime, nullable=False),
)

members = Table(
    "members", metadata,
    Column("guild_id", BigInteger, primary_key=True),
    Column("member_id", BigInteger, primary_key=True),
    Column("muted_until", UTCDateTime),
    Column("dms_closed", Boolean, nullable=False, default=False),
)

alert_matches = Table(
    "alert_matches", metadata,
    Column("subscription_id", Integer, ForeignKey("subscriptions.id", ondelete="CASCADE"),
           primary_key=True),
    Column("story_id", Integer, primary_key=True),
    Column("matched_at", UTCDateTime, nullable=False),
    Column("state", Text, nullable=False),
)

outbox = Table(
    "outbox", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", Text, nullable=False),
    Column("part", Integer, nullable=False),
    Column("kind", Text, nullable=False),
    Column("guild_id", BigInteger),
    Column("channel_id", BigInteger),
    Column("user_id", BigInteger),
    Column("body", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text),
    Column("created_at", UTCDateTime, nullable=False),
    Column("next_attempt_at", UTCDateTime, nullable=False),
    Column("sent_at", UTCDateTime),
    Column("message_id", BigInteger),
)

bot_state = Table(
    "bot_state", metadata,
    Column("name", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

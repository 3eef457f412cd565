"""Table definitions: what queries are written against, and what the migrations must make.

The database itself is created and upgraded by the Alembic revisions in `revisions/`; a test
compares these tables with a database they made (`alembic` autogenerate's comparison), on both
backends, so every column, index and unique key here exists there and nothing else does."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    REAL,
    TIMESTAMP,
    BigInteger,
    Boolean,
    Column,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in Python, whatever the database keeps (SQLite keeps naive text)."""

    impl = TIMESTAMP(timezone=True)  # what the migrations create: TIMESTAMP, TIMESTAMPTZ
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
    Index("ix_feeds_due", "paused", "next_check_at"),
    Column("lease_owner", Text),  # the process that holds the row's work, until lease_until
    Column("lease_until", UTCDateTime),
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
    Column("published_offset", Integer),  # minutes east of UTC on the publisher's clock
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
    Column("lease_owner", Text),
    Column("lease_until", UTCDateTime),
    Column("alert_checked", Boolean, nullable=False, default=False),
    UniqueConstraint("feed_id", "entry_key"),
    Index("ix_items_published", "published_at"),
    Index("ix_items_first_seen", "first_seen_at"),
    Index("ix_items_enriched", "enriched", "id"),
    Index("ix_items_feed_url", "feed_id", "url"),
    Index("ix_items_last_seen", "last_seen_at"),
    Index("ix_items_alert_checked", "alert_checked", "id"),
)

fetch_errors = Table(
    "fetch_errors", metadata,
    Column("id", Integer, primary_key=True),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="CASCADE"), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("kind", Text, nullable=False),
    Column("status", Integer),
    Column("message", Text, nullable=False),
    Index("ix_fetch_errors_feed", "feed_id", "at"),
)

stories = Table(
    "stories", metadata,
    Column("id", Integer, primary_key=True),
    Column("title", Text, nullable=False),
    Column("first_seen_at", UTCDateTime, nullable=False),
    Column("last_seen_at", UTCDateTime, nullable=False),
    Index("ix_stories_last_seen", "last_seen_at"),
)

story_items = Table(
    "story_items", metadata,
    Column("item_id", Integer, ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    Column("turn", BigInteger),  # shared database: the turn that placed it (see story_turn)
    Index("ix_story_items_story", "story_id"),
    Index("ix_story_items_turn", "turn"),
)

sentences = Table(
    "sentences", metadata,
    Column("id", Integer, primary_key=True),
    Column("item_id", Integer, ForeignKey("items.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("start_offset", Integer, nullable=False),
    Column("end_offset", Integer, nullable=False),
    Index("ux_sentences_item_position", "item_id", "position", unique=True),
    # The full-text data is outside these definitions, made by the migrations and read by
    # `textsearch` only: SQLite's FTS5 table `sentences_fts`, PostgreSQL's generated column
    # `search_vector` and its GIN index `ix_sentences_search`.
)

figures = Table(
    "figures", metadata,
    Column("id", Integer, primary_key=True),
    Column("item_id", Integer, ForeignKey("items.id", ondelete="CASCADE"), nullable=False),
    Column("value", Float().with_variant(REAL(), "sqlite"), nullable=False),  # DOUBLE PRECISION
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
    Index("ix_figures_item", "item_id"),
    Index("ix_figures_measure", "measure_key"),
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
    Index("ix_mentions_item", "item_id"),
    Index("ix_mentions_person", "person_key"),
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
    Index("ix_subscriptions_member", "guild_id", "member_id"),
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
    Index("ix_alert_matches_state", "state"),
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
    UniqueConstraint("key", "part"),
    Index("ix_outbox_due", "status", "next_attempt_at"),
    Index("ix_outbox_member", "kind", "user_id", "created_at"),
    Column("lease_owner", Text),  # the process that holds the row's work, until lease_until
    Column("lease_until", UTCDateTime),
)

bot_state = Table(
    "bot_state", metadata,
    Column("name", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

counters = Table(
    "counters", metadata,
    Column("name", Text, primary_key=True),
    Column("value", BigInteger, nullable=False),
)

shard_holders = Table(
    "shard_holders", metadata,  # one row per bot process of a sharded bot: its shards, its pulse
    Column("owner", Text, primary_key=True),
    Column("shard_count", Integer, nullable=False),
    Column("shard_ids", Text, nullable=False),  # comma-separated
    Column("beat_at", UTCDateTime, nullable=False),
)

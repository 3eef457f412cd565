"""Work shared by several processes on one database: leases on feeds, items and outbox rows
(who holds each, until when), items marked once checked for alerts (a cursor on ids would skip
an item whose transaction commits late), story ids handed out by the database, and one row per
(item, position) of sentences, so a derived row cannot be stored twice.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

ALERT_CURSOR = "alerts.item_cursor"  # where the alert matcher kept its place until now


def upgrade() -> None:
    timestamp = sa.TIMESTAMP(timezone=True)
    for table in ("feeds", "items", "outbox"):
        op.add_column(table, sa.Column("lease_owner", sa.Text()))
        op.add_column(table, sa.Column("lease_until", timestamp))
    op.add_column("items", sa.Column("alert_checked", sa.Boolean(), nullable=False,
                                     server_default=sa.false()))
    # Items up to the old cursor were checked already; those after it are still to be.
    op.execute(sa.text(
        "UPDATE items SET alert_checked = (id <= (SELECT COALESCE(MAX(CAST(value AS INTEGER)), 0) "
        "FROM bot_state WHERE name = :cursor))").bindparams(cursor=ALERT_CURSOR))
    op.create_index("ix_items_alert_checked", "items", ["alert_checked", "id"])
    op.create_table("counters",
                    sa.Column("name", sa.Text(), primary_key=True),
                    sa.Column("value", sa.BigInteger(), nullable=False))
    op.execute("INSERT INTO counters (name, value) "
               "SELECT 'stories', COALESCE(MAX(id), 0) FROM stories")
    _one_row_per_sentence()


def _one_row_per_sentence() -> None:
    """Two processes that once read the same item may have stored its sentences twice: the
    first copy is kept (with SQLite's full-text rows of the others), then the key is added."""
    op.execute("DELETE FROM sentences WHERE id NOT IN "
               "(SELECT MIN(id) FROM sentences GROUP BY item_id, position)")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DELETE FROM sentences_fts WHERE rowid NOT IN (SELECT id FROM sentences)")
    op.drop_index("ix_sentences_item", "sentences")
    op.create_index("ux_sentences_item_position", "sentences", ["item_id", "position"], unique=True)


def downgrade() -> None:
    raise NotImplementedError("Newsdesk's schema is never downgraded: restore a backup instead")

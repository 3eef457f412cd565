"""The processes of a sharded bot say which shards they run, and that they are alive: the work
of a process that stops beating (its servers' digests, outbox and alerts) is taken over by
one that is.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table("shard_holders",
                    sa.Column("owner", sa.Text(), primary_key=True),
                    sa.Column("shard_count", sa.Integer(), nullable=False),
                    sa.Column("shard_ids", sa.Text(), nullable=False),
                    sa.Column("beat_at", sa.TIMESTAMP(timezone=True), nullable=False))


def downgrade() -> None:
    raise NotImplementedError("Newsdesk's schema is never downgraded: restore a backup instead")

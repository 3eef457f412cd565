"""Several processes place items in stories in turns: each link of an item to its story keeps
the turn that made it, so a process learns what the others placed since its last turn (its
story index would otherwise know only its own items, and put one event in two stories).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.add_column("story_items", sa.Column("turn", sa.BigInteger()))
    op.create_index("ix_story_items_turn", "story_items", ["turn"])


def downgrade() -> None:
    raise NotImplementedError("Newsdesk's schema is never downgraded: restore a backup instead")

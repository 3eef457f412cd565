"""Items keep the UTC offset their feed dated them in, so that "last night" and "today" in a
New Zealand or Chicago paper are read on the publisher's day, not on UTC's. Items stored before
have none: they read as UTC, as they always did.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.add_column("items", sa.Column("published_offset", sa.Integer()))


def downgrade() -> None:
    raise NotImplementedError("Newsdesk's schema is never downgraded: restore a backup instead")

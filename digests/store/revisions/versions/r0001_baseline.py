"""Baseline: the schema Newsdesk's numbered migrations made (schema_version 4).

A new database gets it whole; a database an older Newsdesk left at version 1 to 4 is brought
there in place, its data kept, and its `schema_version` table dropped.

Revision ID: 0001
"""

from __future__ import annotations

from alembic import op

from digests.store.legacy import upgrade_to_baseline

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    upgrade_to_baseline(op.get_bind())


def downgrade() -> None:
    raise NotImplementedError("Newsdesk's schema is never downgraded: restore a backup instead")

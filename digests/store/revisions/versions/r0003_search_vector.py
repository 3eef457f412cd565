"""PostgreSQL keeps each sentence's search vector (a generated column under the GIN index), so
ranking reads it instead of parsing every matched sentence again; SQLite's FTS5 table already
keeps its own. Outside `schema.py` on both backends, as full-text data is.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE sentences ADD COLUMN search_vector tsvector "
               "GENERATED ALWAYS AS (to_tsvector('english', text)) STORED")
    op.execute("CREATE INDEX ix_sentences_search ON sentences USING GIN (search_vector)")
    op.execute("DROP INDEX ix_sentences_text")


def downgrade() -> None:
    raise NotImplementedError("Newsdesk's schema is never downgraded: restore a backup instead")

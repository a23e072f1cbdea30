"""Each article keeps the keys of its short lines, the furniture learner's window.

The learner now counts a source's template over its last stored articles (their
``furniture_keys``), written in the article's own transaction, instead of in running totals
saved after each batch: a kill or a restart can no longer make the counts differ from the
articles stored, so the same input gives the same clean text and the same stories (issue 23).
The old ``furniture_sources`` / ``furniture_lines`` tables are left in place, unused.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Idempotent, like the baseline: a store adopted by 0001 may already have this shape.
    inspector = sa.inspect(op.get_bind())
    if "furniture_keys" not in {column["name"] for column in inspector.get_columns("articles")}:
        with op.batch_alter_table("articles") as batch:
            batch.add_column(sa.Column("furniture_keys", sa.JSON(), nullable=True))
    if "ix_articles_source_id" not in {index["name"] for index in inspector.get_indexes("articles")}:
        op.create_index("ix_articles_source_id", "articles", ["source_key", "id"])


def downgrade() -> None:
    op.drop_index("ix_articles_source_id", table_name="articles")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("furniture_keys")

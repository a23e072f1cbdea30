"""Baseline: the schema of Nutgraf's schema version 4 (articles, stories, entities, furniture, sources).

Written to adopt stores made before migrations existed: a table already there is kept as it is,
so a version-3 store (without the live sources' tables) gains only those, and a version-4 store
only gains Alembic's version stamp. Revisions after this one are ordinary.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    if "entities" not in existing:
        op.create_table(
            "entities",
            sa.Column("id", sa.String(length=255), nullable=False),
            sa.Column("type", sa.String(length=16), nullable=False),
            sa.Column("name", sa.Text(), nullable=False),
            sa.Column("names", sa.JSON(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        )
    if "furniture_lines" not in existing:
        op.create_table(
            "furniture_lines",
            sa.Column("source_key", sa.String(length=1024), nullable=False),
            sa.Column("line_key", sa.String(length=1024), nullable=False),
            sa.Column("documents", sa.Integer(), nullable=False),
            sa.PrimaryKeyConstraint("source_key", "line_key"),
        )
    if "furniture_sources" not in existing:
        op.create_table(
            "furniture_sources",
            sa.Column("source_key", sa.String(length=1024), nullable=False),
            sa.Column("documents", sa.Integer(), nullable=False),
            sa.PrimaryKeyConstraint("source_key"),
        )
    if "nutgraf_meta" not in existing:
        op.create_table(
            "nutgraf_meta",
            sa.Column("key", sa.String(length=64), nullable=False),
            sa.Column("value", sa.String(length=255), nullable=False),
            sa.PrimaryKeyConstraint("key"),
        )
    if "sources" not in existing:
        op.create_table(
            "sources",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("url", sa.String(length=2048), nullable=False),
            sa.Column("name", sa.String(length=255), nullable=True),
            sa.Column("language", sa.String(length=16), nullable=True),
            sa.Column("allow_private", sa.Boolean(), nullable=False),
            sa.Column("kind", sa.String(length=32), nullable=True),
            sa.Column("feed_title", sa.String(length=512), nullable=True),
            sa.Column("etag", sa.String(length=1024), nullable=True),
            sa.Column("last_modified", sa.String(length=255), nullable=True),
            sa.Column("added_at", sa.DateTime(), nullable=False),
            sa.Column("last_polled_at", sa.DateTime(), nullable=True),
            sa.Column("last_success_at", sa.DateTime(), nullable=True),
            sa.Column("next_poll_at", sa.DateTime(), nullable=True),
            sa.Column("failures", sa.Integer(), nullable=False),
            sa.Column("last_error", sa.Text(), nullable=True),
            sa.Column("failing", sa.Boolean(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("url", name="uq_sources_url"),
        )
    if "stories" not in existing:
        op.create_table(
            "stories",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("title", sa.Text(), nullable=False),
            sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.Column("updated_at", sa.DateTime(), nullable=False),
            sa.Column("first_published", sa.DateTime(), nullable=True),
            sa.Column("last_published", sa.DateTime(), nullable=True),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index("ix_stories_last_published", "stories", ["last_published"], unique=False)
    if "articles" not in existing:
        op.create_table(
            "articles",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("external_id", sa.String(length=255), nullable=True),
            sa.Column("source", sa.Text(), nullable=False),
            sa.Column("url", sa.String(length=2048), nullable=True),
            sa.Column("outlet", sa.String(length=255), nullable=True),
            sa.Column("outlet_key", sa.String(length=1024), nullable=False),
            sa.Column("source_key", sa.String(length=1024), nullable=False),
            sa.Column("title", sa.Text(), nullable=False),
            sa.Column("language", sa.String(length=16), nullable=False),
            sa.Column("published", sa.DateTime(), nullable=True),
            sa.Column("author", sa.String(length=512), nullable=True),
            sa.Column("text", sa.Text(), nullable=False),
            sa.Column("content_hash", sa.String(length=64), nullable=False),
            sa.Column("raw_hash", sa.String(length=64), nullable=False),
            sa.Column("summary", sa.JSON(), nullable=False),
            sa.Column("analysis", sa.JSON(), nullable=False),
            sa.Column("story_id", sa.Integer(), nullable=True),
            sa.Column("copy_of", sa.Integer(), nullable=True),
            sa.Column("features", sa.JSON(), nullable=False),
            sa.Column("ingested_at", sa.DateTime(), nullable=False),
            sa.ForeignKeyConstraint(["copy_of"], ["articles.id"], ondelete="SET NULL"),
            sa.ForeignKeyConstraint(["story_id"], ["stories.id"], ondelete="SET NULL"),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("outlet_key", "content_hash", name="uq_articles_outlet_content"),
            sa.UniqueConstraint("url", name="uq_articles_url"),
        )
        op.create_index("ix_articles_published", "articles", ["published"], unique=False)
        op.create_index("ix_articles_source_raw", "articles", ["source_key", "raw_hash"], unique=False)
        op.create_index("ix_articles_story", "articles", ["story_id"], unique=False)
    if "source_entries" not in existing:
        op.create_table(
            "source_entries",
            sa.Column("source_id", sa.Integer(), nullable=False),
            sa.Column("entry_key", sa.String(length=64), nullable=False),
            sa.Column("url", sa.String(length=2048), nullable=True),
            sa.Column("status", sa.String(length=16), nullable=False),
            sa.Column("attempts", sa.Integer(), nullable=False),
            sa.Column("error", sa.Text(), nullable=True),
            sa.Column("first_seen", sa.DateTime(), nullable=False),
            sa.Column("updated_at", sa.DateTime(), nullable=False),
            sa.ForeignKeyConstraint(["source_id"], ["sources.id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("source_id", "entry_key"),
        )
        op.create_index("ix_source_entries_status", "source_entries", ["source_id", "status"], unique=False)
    if "article_entities" not in existing:
        op.create_table(
            "article_entities",
            sa.Column("article_id", sa.Integer(), nullable=False),
            sa.Column("entity_id", sa.String(length=255), nullable=False),
            sa.Column("mentions", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
            sa.ForeignKeyConstraint(
                ["entity_id"],
                ["entities.id"],
            ),
            sa.PrimaryKeyConstraint("article_id", "entity_id"),
        )
        op.create_index("ix_article_entities_entity", "article_entities", ["entity_id"], unique=False)


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS article_search")  # the search index refers to articles
    op.drop_index("ix_article_entities_entity", table_name="article_entities")
    op.drop_table("article_entities")
    op.drop_index("ix_source_entries_status", table_name="source_entries")
    op.drop_table("source_entries")
    op.drop_index("ix_articles_story", table_name="articles")
    op.drop_index("ix_articles_source_raw", table_name="articles")
    op.drop_index("ix_articles_published", table_name="articles")
    op.drop_table("articles")
    op.drop_index("ix_stories_last_published", table_name="stories")
    op.drop_table("stories")
    op.drop_table("sources")
    op.drop_table("nutgraf_meta")
    op.drop_table("furniture_sources")
    op.drop_table("furniture_lines")
    op.drop_table("entities")

"""The database schema (SQLAlchemy 2 declarative), portable across SQLite and PostgreSQL.

Uniqueness is enforced by the database, not by check-then-insert, so concurrent ingests cannot
create duplicates: an article is unique by URL, and by content hash within one outlet.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "ArticleEntityRow",
    "ArticleRow",
    "Base",
    "EntityRow",
    "FurnitureLineRow",
    "FurnitureSourceRow",
    "MetaRow",
    "SourceEntryRow",
    "SourceRow",
    "StoryRow",
]

SCHEMA_VERSION = "4"


class Base(DeclarativeBase):
    pass


class MetaRow(Base):
    __tablename__ = "nutgraf_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(255))


class StoryRow(Base):
    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    first_published: Mapped[datetime | None] = mapped_column(DateTime)
    last_published: Mapped[datetime | None] = mapped_column(DateTime, index=True)


class ArticleRow(Base):
    __tablename__ = "articles"
    __table_args__ = (
        UniqueConstraint("url", name="uq_articles_url"),
        UniqueConstraint("outlet_key", "content_hash", name="uq_articles_outlet_content"),
        Index("ix_articles_source_raw", "source_key", "raw_hash"),
        Index("ix_articles_source_id", "source_key", "id"),
        Index("ix_articles_story", "story_id"),
        Index("ix_articles_published", "published"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(255))
    source: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(2048))
    outlet: Mapped[str | None] = mapped_column(String(255))
    outlet_key: Mapped[str] = mapped_column(String(1024))
    source_key: Mapped[str] = mapped_column(String(1024))
    title: Mapped[str] = mapped_column(Text)
    title_derived: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    """The title is the text's first sentence, cut: the text came without a headline."""
    language: Mapped[str] = mapped_column(String(16))
    published: Mapped[datetime | None] = mapped_column(DateTime)
    author: Mapped[str | None] = mapped_column(String(512))
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    raw_hash: Mapped[str] = mapped_column(String(64))
    summary: Mapped[list] = mapped_column(JSON, default=list)
    analysis: Mapped[dict] = mapped_column(JSON, default=dict)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id", ondelete="SET NULL"))
    copy_of: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    """The article this one is a near-copy of (syndicated wire copy); both stay, in one story."""
    features: Mapped[dict] = mapped_column(JSON, default=dict)
    """What grouping compares (nutgraf.stories.features); the story index is rebuilt from these."""
    ingested_at: Mapped[datetime] = mapped_column(DateTime)
    furniture_keys: Mapped[list | None] = mapped_column(JSON(none_as_null=True), nullable=True)
    """Hashed keys of the short lines of the page as read, before cleaning: the furniture learner
    counts a source's template over its last stored articles' keys (nutgraf.clean.furniture)."""


class EntityRow(Base):
    """A canonical entity: its id is deterministic (see nutgraf.analyze.entities), its names per
    language accumulate as articles in each language mention it."""

    __tablename__ = "entities"

    id: Mapped[str] = mapped_column(String(255), primary_key=True)
    type: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text)
    names: Mapped[dict] = mapped_column(JSON, default=dict)


class ArticleEntityRow(Base):
    __tablename__ = "article_entities"
    __table_args__ = (Index("ix_article_entities_entity", "entity_id"),)

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), primary_key=True)
    mentions: Mapped[int] = mapped_column(Integer)


class FurnitureSourceRow(Base):
    """How many documents of a source the furniture learner has seen."""

    __tablename__ = "furniture_sources"

    source_key: Mapped[str] = mapped_column(String(1024), primary_key=True)
    documents: Mapped[int] = mapped_column(Integer)


class FurnitureLineRow(Base):
    """In how many documents of a source a short line occurred (only lines seen twice or more)."""

    __tablename__ = "furniture_lines"

    source_key: Mapped[str] = mapped_column(String(1024), primary_key=True)
    line_key: Mapped[str] = mapped_column(String(1024), primary_key=True)
    documents: Mapped[int] = mapped_column(Integer)


class SourceRow(Base):
    """A feed or sitemap that ``nutgraf watch`` polls, with its HTTP validators and error state, so a
    restarted watcher continues where it stopped (see nutgraf.store.sources)."""

    __tablename__ = "sources"
    __table_args__ = (UniqueConstraint("url", name="uq_sources_url"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(2048))
    name: Mapped[str | None] = mapped_column(String(255))
    language: Mapped[str | None] = mapped_column(String(16))
    allow_private: Mapped[bool] = mapped_column(Boolean, default=False)
    kind: Mapped[str | None] = mapped_column(String(32))
    feed_title: Mapped[str | None] = mapped_column(String(512))
    etag: Mapped[str | None] = mapped_column(String(1024))
    last_modified: Mapped[str | None] = mapped_column(String(255))
    added_at: Mapped[datetime] = mapped_column(DateTime)
    last_polled_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_success_at: Mapped[datetime | None] = mapped_column(DateTime)
    next_poll_at: Mapped[datetime | None] = mapped_column(DateTime)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    """Consecutive failed polls; at the watcher's limit the source is marked failing and skipped."""
    last_error: Mapped[str | None] = mapped_column(Text)
    failing: Mapped[bool] = mapped_column(Boolean, default=False)


class SourceEntryRow(Base):
    """A feed entry the watcher has dealt with (or is still trying): it is never ingested twice."""

    __tablename__ = "source_entries"
    __table_args__ = (Index("ix_source_entries_status", "source_id", "status"),)

    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True)
    entry_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    url: Mapped[str | None] = mapped_column(String(2048))
    status: Mapped[str] = mapped_column(String(16))
    """done (ingested, or folded as a duplicate), failed (gave up), pending (page fetch failed, retried)."""
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    first_seen: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

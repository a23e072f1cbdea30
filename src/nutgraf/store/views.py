"""Read queries for the web pages and the API: a page of stories with their articles, an
article's neighbours, an entity's stories and quotes.

Each function issues a fixed number of queries whatever the page size: members of a page of
stories come in one ``IN`` query, never one query per story. Articles are read without their
grouping features (the lead embedding is most of a row and no page shows it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, and_, exists, func, select
from sqlalchemy.orm import Session, defer

from nutgraf.errors import NotFound
from nutgraf.model import Article, Story
from nutgraf.store import Store, _article_from_row, stories_from_rows
from nutgraf.store.schema import ArticleEntityRow, ArticleRow, EntityRow, StoryRow

__all__ = [
    "ArticleLink",
    "EntityView",
    "Neighbors",
    "Page",
    "article_summary",
    "articles_of_stories",
    "entity_articles",
    "entity_view",
    "get_article",
    "neighbors",
    "story_page",
    "story_with_articles",
]

T = TypeVar("T")

QUOTE_SCAN_BATCH = 200
"""Articles read at a time when collecting an entity's quotes (their analysis JSON is a few kB)."""


@dataclass(slots=True)
class Page(Generic[T]):
    """One page of a list, with what a pager needs."""

    items: list[T]
    total: int
    limit: int
    offset: int

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.offset + self.limit < self.total else None

    @property
    def previous_offset(self) -> int | None:
        return max(0, self.offset - self.limit) if self.offset > 0 else None


@dataclass(slots=True)
class ArticleLink:
    """Enough of an article to link to it."""

    id: int
    title: str
    outlet: str | None
    language: str
    published: datetime | None


@dataclass(slots=True)
class Neighbors:
    """The articles before and after one, in publication order: within its story, and in the whole feed."""

    story_previous: ArticleLink | None = None
    story_next: ArticleLink | None = None
    feed_previous: ArticleLink | None = None
    feed_next: ArticleLink | None = None


@dataclass(slots=True)
class EntityView:
    """An entity, a page of the stories that mention it, and a page of what it said."""

    id: str
    type: str
    name: str
    names: dict[str, str]
    articles: int
    stories: Page[Story]
    quotes: Page[dict[str, Any]] = field(default_factory=lambda: Page([], 0, 0, 0))


def _article_query() -> Select:
    return select(ArticleRow).options(defer(ArticleRow.features))


def _published_order(column=ArticleRow):
    return (column.published.is_(None), column.published, column.id)


def articles_of_stories(store: Store, story_ids: list[int]) -> dict[int, list[Article]]:
    """The articles of several stories (publication order within each), in one query."""
    found: dict[int, list[Article]] = {story_id: [] for story_id in story_ids}
    if not story_ids:
        return found
    with store.session() as session:
        for row in session.scalars(
            _article_query().where(ArticleRow.story_id.in_(story_ids)).order_by(*_published_order())
        ):
            found[row.story_id].append(_article_from_row(row))
    return found


def _newest_first(query: Select) -> Select:
    return query.order_by(
        StoryRow.last_published.is_(None), StoryRow.last_published.desc(), StoryRow.id.desc()
    )


def story_page(
    store: Store,
    *,
    limit: int,
    offset: int = 0,
    language: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> Page[Story]:
    """Stories newest first, optionally only those with an article in ``language`` and whose
    span of publication overlaps [since, until]; three queries whatever ``limit`` is. Their
    articles come from :func:`articles_of_stories` (a cached page needs none)."""
    conditions = []
    if language:
        conditions.append(exists().where(ArticleRow.story_id == StoryRow.id, ArticleRow.language == language))
    if since:
        conditions.append(StoryRow.last_published >= datetime.combine(since, time()))
    if until:  # the day after it, except after the last day a date can name (9999-12-31)
        end = datetime.combine(until + timedelta(days=1), time()) if until < date.max else datetime.max
        conditions.append(StoryRow.first_published < end)
    with store.session() as session:
        total = session.scalar(select(func.count()).select_from(StoryRow).where(*conditions)) or 0
        rows = list(
            session.scalars(_newest_first(select(StoryRow).where(*conditions)).limit(limit).offset(offset))
        )
        return Page(stories_from_rows(session, rows), total, limit, offset)


def story_with_articles(store: Store, story_id: int) -> tuple[Story, list[Article]]:
    with store.session() as session:
        row = session.get(StoryRow, story_id)
        if row is None:
            raise NotFound(f"no story with id {story_id}")
        story = stories_from_rows(session, [row])[0]
    return story, articles_of_stories(store, [story_id])[story_id]


def get_article(store: Store, article_id: int) -> Article:
    """An article without its grouping features."""
    with store.session() as session:
        row = session.scalar(_article_query().where(ArticleRow.id == article_id))
        if row is None:
            raise NotFound(f"no article with id {article_id}")
        return _article_from_row(row)


def article_summary(store: Store, article_id: int) -> tuple[list[str], str]:
    """An article's stored summary sentences and language: one indexed read, nothing else."""
    with store.session() as session:
        row = session.execute(
            select(ArticleRow.summary, ArticleRow.language).where(ArticleRow.id == article_id)
        ).first()
    if row is None:
        raise NotFound(f"no article with id {article_id}")
    return list(row.summary or []), row.language


def _link(row: Any) -> ArticleLink | None:
    if row is None:
        return None
    return ArticleLink(row.id, row.title, row.outlet, row.language, row.published)


def _neighbor(session: Session, article: Article, *, after: bool, story_id: int | None) -> ArticleLink | None:
    """The next (``after``) or previous article in publication order; undated articles come last.

    Tried as up to three simple range queries, each walking the ``published`` index with LIMIT 1
    (one OR-ed query made SQLite sort every earlier or later article)."""
    published, own_id = article.published, article.id
    if published is not None and published.tzinfo is not None:
        published = published.replace(tzinfo=None)
    date, row_id = ArticleRow.published, ArticleRow.id
    steps: list[tuple[Any, tuple[Any, ...]]]
    if after and published is not None:
        steps = [
            (and_(date == published, row_id > own_id), (row_id,)),
            (date > published, (date, row_id)),
            (date.is_(None), (row_id,)),
        ]
    elif after:
        steps = [(and_(date.is_(None), row_id > own_id), (row_id,))]
    elif published is not None:
        steps = [
            (and_(date == published, row_id < own_id), (row_id.desc(),)),
            (date < published, (date.desc(), row_id.desc())),
        ]
    else:
        steps = [
            (and_(date.is_(None), row_id < own_id), (row_id.desc(),)),
            (date.is_not(None), (date.desc(), row_id.desc())),
        ]
    columns = select(
        ArticleRow.id, ArticleRow.title, ArticleRow.outlet, ArticleRow.language, ArticleRow.published
    )
    for condition, order in steps:
        query = columns.where(condition)
        if story_id is not None:
            query = query.where(ArticleRow.story_id == story_id)
        found = session.execute(query.order_by(*order).limit(1)).first()
        if found is not None:
            return _link(found)
    return None


def neighbors(store: Store, article: Article) -> Neighbors:
    """Previous and Next of an article, within its story and in the feed (all articles by date)."""
    with store.session() as session:
        found = Neighbors(
            feed_previous=_neighbor(session, article, after=False, story_id=None),
            feed_next=_neighbor(session, article, after=True, story_id=None),
        )
        if article.story_id is not None:
            found.story_previous = _neighbor(session, article, after=False, story_id=article.story_id)
            found.story_next = _neighbor(session, article, after=True, story_id=article.story_id)
    return found


def _entity_row(session: Session, entity_id: str) -> EntityRow:
    row = session.get(EntityRow, entity_id)
    if row is None:
        raise NotFound(f"no entity with id {entity_id}")
    return row


def _quotes_of(session: Session, entity_id: str, *, limit: int, offset: int) -> Page[dict[str, Any]]:
    """What the entity said (quotes whose speaker it is), newest article first."""
    mentioning = (
        select(ArticleRow.id, ArticleRow.title, ArticleRow.outlet, ArticleRow.language, ArticleRow.published)
        .join(ArticleEntityRow, ArticleEntityRow.article_id == ArticleRow.id)
        .where(ArticleEntityRow.entity_id == entity_id)
        .order_by(ArticleRow.published.is_(None), ArticleRow.published.desc(), ArticleRow.id.desc())
    )
    links = session.execute(mentioning).all()
    quotes: list[dict[str, Any]] = []
    for start in range(0, len(links), QUOTE_SCAN_BATCH):
        batch = links[start : start + QUOTE_SCAN_BATCH]
        analyses = dict(
            session.execute(
                select(ArticleRow.id, ArticleRow.analysis).where(
                    ArticleRow.id.in_([link.id for link in batch])
                )
            ).all()
        )
        for link in batch:
            for quote in (analyses.get(link.id) or {}).get("quotes", []):
                if quote.get("speaker_entity_id") != entity_id:
                    continue
                quotes.append(
                    {
                        "text": quote.get("text", ""),
                        "speaker": quote.get("speaker"),
                        "role": quote.get("role"),
                        "kind": quote.get("kind", "direct"),
                        "article": _link(link),
                    }
                )
    return Page(quotes[offset : offset + limit], len(quotes), limit, offset)


def entity_view(store: Store, entity_id: str, *, limit: int, offset: int = 0) -> EntityView:
    """An entity with a page of its stories (newest first) and a page of its quotes."""
    with store.session() as session:
        row = _entity_row(session, entity_id)
        article_count = (
            session.scalar(
                select(func.count())
                .select_from(ArticleEntityRow)
                .where(ArticleEntityRow.entity_id == entity_id)
            )
            or 0
        )
        story_ids = (
            select(ArticleRow.story_id)
            .join(ArticleEntityRow, ArticleEntityRow.article_id == ArticleRow.id)
            .where(ArticleEntityRow.entity_id == entity_id)
        )
        condition = StoryRow.id.in_(story_ids)
        total = session.scalar(select(func.count()).select_from(StoryRow).where(condition)) or 0
        rows = list(
            session.scalars(_newest_first(select(StoryRow).where(condition)).limit(limit).offset(offset))
        )
        stories = Page(stories_from_rows(session, rows), total, limit, offset)
        quotes = _quotes_of(session, entity_id, limit=limit, offset=offset)
        return EntityView(
            id=row.id,
            type=row.type,
            name=row.name,
            names=dict(row.names or {}),
            articles=article_count,
            stories=stories,
            quotes=quotes,
        )


def entity_articles(store: Store, entity_id: str, *, limit: int) -> tuple[EntityView, list[Article]]:
    """An entity (without its lists) and the latest articles that mention it, for its feed."""
    with store.session() as session:
        row = _entity_row(session, entity_id)
        rows = session.scalars(
            _article_query()
            .join(ArticleEntityRow, ArticleEntityRow.article_id == ArticleRow.id)
            .where(ArticleEntityRow.entity_id == entity_id)
            .order_by(ArticleRow.published.is_(None), ArticleRow.published.desc(), ArticleRow.id.desc())
            .limit(limit)
        ).all()
        view = EntityView(
            id=row.id,
            type=row.type,
            name=row.name,
            names=dict(row.names or {}),
            articles=len(rows),
            stories=Page([], 0, 0, 0),
        )
        return view, [_article_from_row(r) for r in rows]

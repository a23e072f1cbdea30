"""The store: SQLAlchemy 2 over SQLite by default (WAL), any SQLAlchemy URL accepted.

Only the pipeline and the edges (CLI, web) use the store; stages never do. Every write of an
article is its own transaction, so an interrupted ingest keeps everything it reported as stored;
inside :meth:`Store.batch` a thread's writes share one transaction instead, each in its own
savepoint, and are committed together when the batch ends.
"""

from __future__ import annotations

import os
import threading
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Engine,
    bindparam,
    create_engine,
    delete,
    event,
    exists,
    func,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from nutgraf.errors import BadDatabaseURL, NotFound, StoreError
from nutgraf.model import Article, Citation, DateMention, Entity, Figure, Quote, Story
from nutgraf.store import search
from nutgraf.store.schema import (
    ArticleEntityRow,
    ArticleRow,
    EntityRow,
    StoryRow,
)

__all__ = [
    "DEFAULT_DB",
    "Store",
    "database_reason",
    "database_url",
    "open_engine",
    "open_store",
    "stories_from_rows",
]

DEFAULT_DB = "nutgraf.db"
"""Used when neither ``--db`` nor ``NUTGRAF_DB`` is given, in the current directory."""

WRITER_LOCK = 0x6E757467_0002
"""PostgreSQL advisory lock key of :meth:`Store.writer_lock` (the bytes spell "nutg")."""

SQLITE_BUSY_TIMEOUT_MS = 30_000
"""A reader (the web app) and a writer (an ingest) share the file; WAL plus this wait avoids 'database is locked'."""

ROWS_PER_STATEMENT = 500
"""Ids in one ``IN (...)`` list when an article's entities are looked up: far under SQLite's bound
parameter limit (32,766 since 3.32, 999 before), and more entities than an article has."""


def database_url(db: str | os.PathLike[str] | None) -> str:
    """A SQLAlchemy URL for ``--db``: a URL as given, or a path made into ``sqlite:///PATH``."""
    value = str(db) if db is not None else os.environ.get("NUTGRAF_DB") or DEFAULT_DB
    if not value.strip():
        raise BadDatabaseURL("empty database name")
    if "://" in value:
        try:
            parsed = make_url(value)
        except ArgumentError as exc:
            raise BadDatabaseURL(f"not a valid database URL: {value!r}") from exc
        file = parsed.database if parsed.get_backend_name() == "sqlite" else None
        if file and file != ":memory:" and not file.startswith("file:") and Path(file).is_file():
            _check_sqlite_file(Path(file), file)
        return value
    path = Path(value).expanduser()
    if path.is_dir():
        raise BadDatabaseURL(f"{value} is a directory, not a database file")
    if not path.parent.exists():
        raise BadDatabaseURL(f"cannot create database {value}: folder {path.parent} does not exist")
    if not path.parent.is_dir():
        raise BadDatabaseURL(f"cannot use database {value}: {path.parent} is a file, not a folder")
    if path.is_file():
        _check_sqlite_file(path, value)
    return f"sqlite:///{path.resolve()}"


SQLITE_HEADER = b"SQLite format 3\x00"
"""The first 16 bytes of every SQLite database file (an empty file becomes one when opened)."""


def _check_sqlite_file(path: Path, value: str) -> None:
    """Refuse, in one sentence, a ``--db`` file that cannot be read or is something else (a text
    file, an image): SQLite itself says only "file is not a database", and not before a query."""
    try:
        with path.open("rb") as file:
            head = file.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise BadDatabaseURL(f"cannot read database {value}: {exc.strerror or exc}") from exc
    if head and head != SQLITE_HEADER:
        raise BadDatabaseURL(_not_a_database(value))


def _not_a_database(where: str) -> str:
    return (
        f"{where} is not a database: the file exists but is not SQLite "
        "(give a new file name or an existing Nutgraf database)"
    )


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _naive(value: datetime | None) -> datetime | None:
    """Store timestamps as naive UTC (SQLite keeps no zone; PostgreSQL columns are WITHOUT TIME ZONE)."""
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)


class Store:
    """A handle on one database. Cheap to create; holds an engine, nothing else."""

    def __init__(self, url: str, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self._session = sessionmaker(engine, expire_on_commit=False)
        self._local = threading.local()  # the batch open in each thread, if any (Store.batch)

    # -- lifecycle ---------------------------------------------------------------------------
    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def session(self) -> Session:
        return self._session()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Run this thread's calls on the store in one transaction, committed when the block ends.

        Inside the block every method works as outside it (each returns its ids and results at
        once, and sees what the batch wrote before) but nothing is committed per call: each call
        runs in a savepoint of the batch's one transaction, and one commit at the end stores them
        all. Ingest is to store each batch of articles this way (one commit instead of one per
        article) under :meth:`writer_lock`, held until the block has ended, so that the next
        writer catches up with the whole batch.

        What is kept when something goes wrong is what the per-call transactions would keep:

        - a call that raises is rolled back alone (its savepoint), leaving the batch usable, so a
          caller can report that one article and go on with the others;
        - an exception that leaves the block commits what the calls before it stored, then goes
          on (should that commit fail too, nothing of the batch is stored and the exception says so);
        - an interrupt (``KeyboardInterrupt``, ``SystemExit``) or a kill stores nothing of the batch:
          an ingest run again redoes it, the articles stored before it being duplicates.

        Other threads (and processes) see the batch only once it is committed; on SQLite they
        wait for it to end before writing (it holds the write lock from its first call). A batch
        opened inside another in the same thread joins it."""
        if getattr(self._local, "batch", None) is not None:
            yield
            return
        state = _Batch(self.engine)
        self._local.batch = state
        try:
            yield
        except Exception as exc:
            self._local.batch = None
            try:
                state.end(commit=True)
            except Exception as failed:
                exc.add_note(f"the batch's earlier writes were not stored either: {failed}")
            raise
        except BaseException:
            self._local.batch = None
            state.end(commit=False)
            raise
        self._local.batch = None
        state.end(commit=True)

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        """A session to write in: its own transaction, or a savepoint of this thread's batch."""
        state: _Batch | None = getattr(self._local, "batch", None)
        if state is None:
            with self.session() as session, session.begin():
                yield session
            return
        session = state.open()
        try:
            with session.begin_nested():
                yield session
        finally:
            session.expunge_all()  # each call reads fresh rows, as it would in its own session

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        """A session to read in: a new one, or this thread's batch's (which sees what it wrote),
        in a savepoint too: on PostgreSQL a failed statement outside one would abort the whole
        transaction, and its COMMIT would then quietly roll the batch back."""
        if getattr(self._local, "batch", None) is None:
            with self.session() as session:
                yield session
            return
        with self._writing() as session:
            yield session

    @contextmanager
    def writer_lock(self) -> Iterator[None]:
        """Hold the store's writer lock: one ingest at a time decides stories and stores a batch.

        Articles are unique by constraint (an insert that conflicts is a duplicate), but two
        writers that each decide against their own view could open two stories for one event.
        Holding this lock, a writer first catches up with what others stored (see
        ``nutgraf.pipeline``), then decides and stores; the expensive per-article work stays
        outside it. PostgreSQL: a session advisory lock on a connection held for the duration
        (released by the server if the process dies). SQLite: an exclusive ``flock`` on a file
        beside the database (released by the kernel likewise)."""
        if self.engine.dialect.name == "postgresql":
            with self.engine.connect() as connection:
                connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": WRITER_LOCK})
                connection.commit()
                try:
                    yield
                finally:
                    connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": WRITER_LOCK})
                    connection.commit()
            return
        database = self.engine.url.database
        if not database or database == ":memory:":
            yield
            return
        import fcntl

        with open(f"{database}.writer-lock", "a+b") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def max_article_id(self) -> int:
        with self._reading() as session:
            return session.scalar(select(func.max(ArticleRow.id))) or 0

    # -- articles ----------------------------------------------------------------------------
    def find_duplicate(self, *, url: str | None, source_key: str, raw_hash: str) -> int | None:
        """Id of a stored article with this URL, or with the same raw content from the same source."""
        with self._reading() as session:
            return _find_duplicate(session, url, source_key, raw_hash)

    def add_article(
        self, article: Article, *, outlet_key: str, raw_hash: str, features: dict | None = None
    ) -> tuple[int, bool]:
        """Store an article in its own transaction, in no story; returns (id, is_new). A duplicate
        (same URL, or same clean text from the same outlet) is not stored again and returns the
        existing id. Ingest uses :meth:`add_grouped_article`, which also places it in a story."""
        with self._writing() as session:
            new_id = self._insert_article(session, article, outlet_key, raw_hash, features)
            if new_id is not None:
                return new_id, True
            return _existing(session, article, outlet_key, raw_hash), False

    def add_grouped_article(
        self,
        article: Article,
        *,
        outlet_key: str,
        raw_hash: str,
        features: dict | None,
        story_id: int | None,
        furniture_keys: list[str] | None = None,
    ) -> tuple[int, int | None, bool]:
        """Store an article and put it in a story, in one transaction: the story ``story_id``, or a
        new story titled after the article when it is None. Returns (article id, story id, is_new);
        a duplicate returns the stored article's id and story and changes nothing.

        One transaction from insert to story is what makes a kill at any point harmless: either
        the article is stored in its story, or nothing is (no article without a story, no story
        without an article; ``nutgraf db check`` verifies it). ``furniture_keys`` (the page's short
        lines as the furniture learner counted them) are written in that same transaction, so the
        learner's window is always the stored articles'. Inside :meth:`batch` the transaction is
        a savepoint of the batch's, committed with it."""
        with self._writing() as session:
            new_id = self._insert_article(session, article, outlet_key, raw_hash, features, furniture_keys)
            if new_id is not None:
                if story_id is None:
                    story_id = self._new_story(session, article.title, article.published)
                self._place(session, new_id, story_id)
                return new_id, story_id, True
            existing = _existing(session, article, outlet_key, raw_hash)
            return (
                existing,
                session.scalar(select(ArticleRow.story_id).where(ArticleRow.id == existing)),
                False,
            )

    def _insert_article(
        self,
        session: Session,
        article: Article,
        outlet_key: str,
        raw_hash: str,
        features: dict | None,
        furniture_keys: list[str] | None = None,
    ) -> int | None:
        """Insert the article row, its entities and its search entry; None when it is a duplicate."""
        values = {
            "external_id": article.external_id,
            "source": article.source,
            "url": article.url,
            "outlet": article.outlet,
            "outlet_key": outlet_key,
            "source_key": article.source_key,
            "title": article.title,
            "title_derived": article.title_derived,
            "language": article.language,
            "published": _naive(article.published),
            "author": article.author,
            "text": article.text,
            "content_hash": article.content_hash,
            "raw_hash": raw_hash,
            "summary": list(article.summary),
            "analysis": _analysis_of(article),
            "story_id": article.story_id,
            "copy_of": article.copy_of,
            "features": features or {},
            "ingested_at": _now(),
            "furniture_keys": furniture_keys,
        }
        articles = ArticleRow.__table__
        statement = (
            _insert_for(self.engine)(articles)
            .values(**values)
            .on_conflict_do_nothing()
            .returning(articles.c.id)
        )
        new_id = session.scalar(statement)
        if new_id is not None:
            self._add_entities(session, new_id, article)
            search.index_article(session, new_id, article.title, article.text, article.search_terms)
        return new_id

    def _add_entities(self, session: Session, article_id: int, article: Article) -> None:
        """Record an article's entities in a few statements whatever their number: insert the new
        ones and the article's links (insert-or-ignore, one executemany each), read the stored
        names, and add the names in languages an entity had none in (existing names win)."""
        if not article.entities:
            return
        rows: dict[str, dict[str, Any]] = {}
        links: dict[str, dict[str, Any]] = {}
        mentioned: list[tuple[str, dict[str, str]]] = []
        for entity in article.entities:
            names = {k: v for k, v in (entity.names or {}).items() if v}
            rows.setdefault(
                entity.id, {"id": entity.id, "type": entity.type, "name": entity.name, "names": names}
            )
            links.setdefault(
                entity.id, {"article_id": article_id, "entity_id": entity.id, "mentions": entity.mentions}
            )
            mentioned.append((entity.id, names))
        insert = _insert_for(self.engine)
        entities, connection = EntityRow.__table__, session.connection()
        connection.execute(insert(entities).on_conflict_do_nothing(), list(rows.values()))
        stored: dict[str, dict[str, str]] = {}
        ids = list(rows)
        for start in range(0, len(ids), ROWS_PER_STATEMENT):
            chunk = ids[start : start + ROWS_PER_STATEMENT]
            for entity_id, names in connection.execute(
                select(entities.c.id, entities.c.names).where(entities.c.id.in_(chunk))
            ):
                stored[entity_id] = names or {}
        merged: dict[str, dict[str, str]] = {}
        for entity_id, names in mentioned:
            have = stored.get(entity_id)
            if have is not None and any(language not in have for language in names):
                stored[entity_id] = merged[entity_id] = {**names, **have}
        if merged:
            connection.execute(
                update(entities)
                .where(entities.c.id == bindparam("entity_id"))
                .values(names=bindparam("merged")),
                [{"entity_id": entity_id, "merged": names} for entity_id, names in merged.items()],
            )
        connection.execute(insert(ArticleEntityRow.__table__).on_conflict_do_nothing(), list(links.values()))

    def get_entity(self, entity_id: str) -> dict[str, Any]:
        """An entity with its names per language and the ids of the articles that mention it."""
        with self._reading() as session:
            row = session.get(EntityRow, entity_id)
            if row is None:
                raise NotFound(f"no entity with id {entity_id}")
            article_ids = session.scalars(
                select(ArticleEntityRow.article_id)
                .where(ArticleEntityRow.entity_id == entity_id)
                .order_by(ArticleEntityRow.article_id)
            ).all()
            return {
                "id": row.id,
                "type": row.type,
                "name": row.name,
                "names": dict(row.names),
                "article_ids": list(article_ids),
            }

    def get_article(self, article_id: int) -> Article:
        with self._reading() as session:
            row = session.get(ArticleRow, article_id)
            if row is None:
                raise NotFound(f"no article with id {article_id}")
            return _article_from_row(row)

    def iter_articles(self, *, batch: int = 500) -> Iterator[Article]:
        """All articles in id order, read in pages so a big store never sits in memory."""
        last = 0
        while True:
            with self._reading() as session:
                rows = session.scalars(
                    select(ArticleRow).where(ArticleRow.id > last).order_by(ArticleRow.id).limit(batch)
                ).all()
            if not rows:
                return
            for row in rows:
                yield _article_from_row(row)
            last = rows[-1].id

    def iter_features(self, *, batch: int = 2000, after: int = 0) -> Iterator[tuple[int, int | None, dict]]:
        """(article id, story id, stored features) of every article (with an id above ``after``), in
        id order, to rebuild grouping or to catch up with what another writer stored."""
        last = after
        while True:
            with self._reading() as session:
                rows = session.execute(
                    select(ArticleRow.id, ArticleRow.story_id, ArticleRow.features)
                    .where(ArticleRow.id > last)
                    .order_by(ArticleRow.id)
                    .limit(batch)
                ).all()
            if not rows:
                return
            yield from ((row.id, row.story_id, row.features or {}) for row in rows)
            last = rows[-1].id

    def set_story_title(self, story_id: int, title: str) -> None:
        with self._writing() as session:
            session.execute(
                update(StoryRow).where(StoryRow.id == story_id).values(title=title, updated_at=_now())
            )

    def count_articles(self) -> int:
        with self._reading() as session:
            return session.scalar(select(func.count()).select_from(ArticleRow)) or 0

    def articles_of_story(self, story_id: int) -> list[Article]:
        with self._reading() as session:
            rows = session.scalars(
                select(ArticleRow)
                .where(ArticleRow.story_id == story_id)
                .order_by(ArticleRow.published.is_(None), ArticleRow.published, ArticleRow.id)
            ).all()
            return [_article_from_row(row) for row in rows]

    # -- stories -----------------------------------------------------------------------------
    def create_story(self, title: str, published: datetime | None) -> int:
        with self._writing() as session:
            return self._new_story(session, title, published)

    def assign_story(self, article_id: int, story_id: int) -> None:
        """Put an article in a story and refresh the story's time span."""
        with self._writing() as session:
            self._place(session, article_id, story_id)

    def place_article(self, article_id: int, story_id: int | None) -> int:
        """Put a stored article in ``story_id``, or in a new story titled after it when None, in one
        transaction; returns the story id (used to repair an article left in no story)."""
        with self._writing() as session:
            if story_id is None:
                row = session.get(ArticleRow, article_id)
                if row is None:
                    raise NotFound(f"no article with id {article_id}")
                story_id = self._new_story(session, row.title, row.published)
            self._place(session, article_id, story_id)
        return story_id

    @staticmethod
    def _new_story(session: Session, title: str, published: datetime | None) -> int:
        now = _now()
        published = _naive(published)
        stories = StoryRow.__table__
        return session.execute(
            insert(stories)
            .values(
                title=title,
                created_at=now,
                updated_at=now,
                first_published=published,
                last_published=published,
            )
            .returning(stories.c.id)
        ).scalar_one()

    @staticmethod
    def _place(session: Session, article_id: int, story_id: int) -> None:
        articles, stories = ArticleRow.__table__, StoryRow.__table__
        connection = session.connection()
        connection.execute(update(articles).where(articles.c.id == article_id).values(story_id=story_id))
        span = connection.execute(
            select(func.min(articles.c.published), func.max(articles.c.published)).where(
                articles.c.story_id == story_id
            )
        ).one()
        connection.execute(
            update(stories)
            .where(stories.c.id == story_id)
            .values(updated_at=_now(), first_published=span[0], last_published=span[1])
        )

    def get_story(self, story_id: int) -> Story:
        with self._reading() as session:
            row = session.get(StoryRow, story_id)
            if row is None:
                raise NotFound(f"no story with id {story_id}")
            return stories_from_rows(session, [row])[0]

    def list_stories(self, *, limit: int | None = None, offset: int = 0) -> list[Story]:
        """Stories, newest first (by their latest article's publication, then by creation)."""
        with self._reading() as session:
            query = (
                select(StoryRow)
                .order_by(
                    StoryRow.last_published.is_(None),
                    StoryRow.last_published.desc(),
                    StoryRow.id.desc(),
                )
                .offset(offset)
            )
            if limit is not None:
                query = query.limit(limit)
            return stories_from_rows(session, session.scalars(query).all())

    # -- integrity ---------------------------------------------------------------------------
    def integrity(self) -> dict[str, list[int]]:
        """What a consistent store never holds: ``orphans`` (articles in no story) and ``empty``
        (stories without an article). Ingest stores an article and its story in one transaction,
        so only a store written by an older Nutgraf, a regroup killed midway or a hand edit has
        either; ``nutgraf db check`` reports them and ``--repair`` fixes them (the next ingest
        repairs orphans by itself: :meth:`has_orphans`). A story id always names a story: the
        foreign key sets it to NULL when a story is deleted."""
        has_article = exists().where(ArticleRow.story_id == StoryRow.id)
        with self._reading() as session:
            orphans = session.scalars(
                select(ArticleRow.id).where(ArticleRow.story_id.is_(None)).order_by(ArticleRow.id)
            ).all()
            empty = session.scalars(select(StoryRow.id).where(~has_article).order_by(StoryRow.id)).all()
        return {"orphans": list(orphans), "empty": list(empty)}

    def has_orphans(self) -> bool:
        """Whether any article is in no story (one indexed lookup: ingest asks it on every run)."""
        with self._reading() as session:
            return (
                session.scalar(select(ArticleRow.id).where(ArticleRow.story_id.is_(None)).limit(1))
                is not None
            )

    def orphan_features(self) -> list[tuple[int, dict]]:
        """(id, stored grouping features) of the articles in no story, in id order."""
        with self._reading() as session:
            rows = session.execute(
                select(ArticleRow.id, ArticleRow.features)
                .where(ArticleRow.story_id.is_(None))
                .order_by(ArticleRow.id)
            ).all()
        return [(row.id, row.features or {}) for row in rows]

    def delete_empty_stories(self) -> int:
        """Delete the stories without an article; returns how many."""
        has_article = exists().where(ArticleRow.story_id == StoryRow.id)
        with self._writing() as session:
            return session.execute(delete(StoryRow).where(~has_article)).rowcount or 0

    # -- regrouping -------------------------------------------------------------------------
    def set_features(self, features: dict[int, dict[str, Any]]) -> None:
        """Replace articles' stored grouping features (after they are recomputed), in one
        transaction: ``{article_id: features}``."""
        if not features:
            return
        with self._writing() as session:
            session.execute(update(ArticleRow), [{"id": a, "features": f} for a, f in features.items()])

    def apply_grouping(self, groups: dict[int, tuple[int, int | None]]) -> int:
        """Move articles to stories in one transaction: ``{article_id: (story_id, copy_of)}``.

        Stories left without articles are deleted and the others' time spans refreshed; returns
        how many articles changed story."""
        with self._writing() as session:
            current = {
                row.id: (row.story_id, row.copy_of)
                for row in session.execute(select(ArticleRow.id, ArticleRow.story_id, ArticleRow.copy_of))
            }
            changed = [
                {"id": article_id, "story_id": story_id, "copy_of": copy_of}
                for article_id, (story_id, copy_of) in groups.items()
                if current.get(article_id) != (story_id, copy_of)
            ]
            moved = sum(1 for a, (story_id, _) in groups.items() if current.get(a, (None,))[0] != story_id)
            if changed:  # one executemany by primary key, not a statement per article
                session.execute(update(ArticleRow), changed)
            used = set(session.scalars(select(ArticleRow.story_id).distinct()).all())
            session.execute(delete(StoryRow).where(StoryRow.id.not_in(used - {None})))
            now = _now()
            spans = [
                {"id": story_id, "first_published": first, "last_published": last, "updated_at": now}
                for story_id, first, last in session.execute(
                    select(
                        ArticleRow.story_id, func.min(ArticleRow.published), func.max(ArticleRow.published)
                    )
                    .where(ArticleRow.story_id.is_not(None))
                    .group_by(ArticleRow.story_id)
                )
            ]
            if spans:
                session.execute(update(StoryRow), spans)
        return moved

    # -- learned furniture -------------------------------------------------------------------
    def furniture_window(self, source_key: str, size: int) -> list[list[str]]:
        """The furniture keys of ``source_key``'s last ``size`` stored articles, oldest first (articles
        stored before the keys were kept have none and are not counted)."""
        with self._reading() as session:
            rows = session.scalars(
                select(ArticleRow.furniture_keys)
                .where(ArticleRow.source_key == source_key, ArticleRow.furniture_keys.is_not(None))
                .order_by(ArticleRow.id.desc())
                .limit(size)
            ).all()
        return [list(keys) for keys in reversed(rows)]


def _insert_for(engine: Engine):
    if engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif engine.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:  # pragma: no cover - other back-ends are not supported
        raise BadDatabaseURL(f"unsupported database: {engine.dialect.name} (use SQLite or PostgreSQL)")
    return insert


def _find_duplicate(session: Session, url: str | None, source_key: str, raw_hash: str) -> int | None:
    if url:
        found = session.scalar(select(ArticleRow.id).where(ArticleRow.url == url))
        if found is not None:
            return found
    return session.scalar(
        select(ArticleRow.id)
        .where(ArticleRow.source_key == source_key, ArticleRow.raw_hash == raw_hash)
        .limit(1)
    )


def _existing(session: Session, article: Article, outlet_key: str, raw_hash: str) -> int:
    """The stored article a conflicting insert collided with (in the transaction that tried it)."""
    existing = _find_duplicate(session, article.url, article.source_key, raw_hash)
    if existing is None:
        existing = session.scalar(
            select(ArticleRow.id).where(
                ArticleRow.outlet_key == outlet_key, ArticleRow.content_hash == article.content_hash
            )
        )
    if existing is None:  # pragma: no cover - a conflict row always exists
        raise StoreError("article conflicted with a stored one that cannot be found")
    return existing


class _Batch:
    """The one session and transaction of a :meth:`Store.batch`, begun at its first use."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.session: Session | None = None

    def open(self) -> Session:
        if self.session is not None:
            return self.session
        # No autoflush: the store's writes are statements, and an ORM flush before each query only costs.
        session = Session(self.engine, autoflush=False, expire_on_commit=False)
        try:
            if self.engine.dialect.name == "sqlite":
                # pysqlite begins a transaction by itself only before a write, so a SAVEPOINT sent
                # first would open the transaction and its RELEASE commit it. The batch's
                # connection runs in the driver's autocommit mode (SQLAlchemy restores the mode
                # when the connection goes back to the pool) and begins the transaction itself,
                # taking the write lock at once: a transaction that read first could not write
                # once another connection had written (SQLITE_BUSY_SNAPSHOT).
                connection = session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                session.connection()
        except BaseException:
            session.close()
            raise
        self.session = session
        return session

    def end(self, *, commit: bool) -> None:
        session, self.session = self.session, None
        if session is None:
            return
        try:
            if commit:
                session.commit()
            else:
                session.rollback()
        finally:
            session.close()


def _analysis_of(article: Article) -> dict[str, list[dict[str, Any]]]:
    from nutgraf.model import to_dict

    return {
        "entities": [to_dict(e) for e in article.entities],
        "quotes": [to_dict(q) for q in article.quotes],
        "citations": [to_dict(c) for c in article.citations],
        "dates": [to_dict(d) for d in article.dates],
        "figures": [to_dict(f) for f in article.figures],
    }


def stories_from_rows(session: Session, rows: Sequence[StoryRow]) -> list[Story]:
    """Stories (in the order given) with their members' ids, languages and outlets, in one query."""
    if not rows:
        return []
    members: dict[int, list[Any]] = defaultdict(list)
    for member in session.execute(
        select(ArticleRow.id, ArticleRow.story_id, ArticleRow.language, ArticleRow.outlet)
        .where(ArticleRow.story_id.in_([r.id for r in rows]))
        .order_by(ArticleRow.published.is_(None), ArticleRow.published, ArticleRow.id)
    ):
        members[member.story_id].append(member)
    return [
        Story(
            id=row.id,
            title=row.title,
            article_ids=[m.id for m in members.get(row.id, [])],
            languages=sorted({m.language for m in members.get(row.id, [])}),
            outlets=sorted({m.outlet for m in members.get(row.id, []) if m.outlet}),
            first_published=row.first_published,
            last_published=row.last_published,
        )
        for row in rows
    ]


def _article_from_row(row: ArticleRow) -> Article:
    analysis = row.analysis or {}
    return Article(
        id=row.id,
        external_id=row.external_id,
        source=row.source,
        url=row.url,
        outlet=row.outlet,
        source_key=row.source_key,
        title=row.title,
        title_derived=bool(row.title_derived),
        language=row.language,
        published=row.published,
        author=row.author,
        text=row.text,
        content_hash=row.content_hash,
        summary=list(row.summary or []),
        story_id=row.story_id,
        copy_of=row.copy_of,
        entities=[Entity(**e) for e in analysis.get("entities", [])],
        quotes=[Quote(**q) for q in analysis.get("quotes", [])],
        citations=[Citation(**c) for c in analysis.get("citations", [])],
        dates=[DateMention(**d) for d in analysis.get("dates", [])],
        figures=[Figure(**f) for f in analysis.get("figures", [])],
    )


def open_engine(url: str) -> Engine:
    """An engine for a store URL: SQLite (with WAL, a busy timeout, foreign keys) or PostgreSQL."""
    try:
        engine = create_engine(url)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise BadDatabaseURL(f"cannot use database URL {url!r}: {exc}") from exc
    except ModuleNotFoundError as exc:
        raise BadDatabaseURL(f"the driver for {url.split(':', 1)[0]} is not installed ({exc.name})") from exc
    if engine.dialect.name not in {"sqlite", "postgresql"}:
        raise BadDatabaseURL(f"unsupported database: {engine.dialect.name} (use SQLite or PostgreSQL)")
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def database_reason(exc: SQLAlchemyError) -> str:
    """A database error's own words on one line: the driver's message, without the SQL
    statement and the "Background on this error" link SQLAlchemy adds."""
    reason = str(getattr(exc, "orig", None) or exc).strip()
    return reason.splitlines()[0] if reason else type(exc).__name__


def _display(url: str) -> str:
    """The database as the user named it: a SQLite path, or the URL without its password."""
    if url.startswith("sqlite:///"):
        return url.removeprefix("sqlite:///")
    return make_url(url).render_as_string(hide_password=True)


def open_store(db: str | os.PathLike[str] | None = None, *, create: bool = True) -> Store:
    """Open (and by default create) the store at ``db``: a path, a SQLAlchemy URL, or ``NUTGRAF_DB``.

    A store whose schema is older than this code is refused with the command that upgrades it
    (``nutgraf db upgrade``; see nutgraf.store.migrate)."""
    from nutgraf.store import migrate

    url = database_url(db)
    if not create and url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        raise StoreError(
            f"no database at {url.removeprefix('sqlite:///')}: ingest something first (nutgraf ingest PATH --db ...)"
        )
    engine = open_engine(url)
    try:
        with engine.begin() as connection:
            migrate.lock_schema(connection)
            if create and not inspect(connection).get_table_names():
                migrate.create_schema(connection)
            else:
                migrate.check_schema(connection, _display(url))
    except StoreError:
        engine.dispose()
        raise
    except OperationalError as exc:
        engine.dispose()
        raise BadDatabaseURL(f"cannot open database {_display(url)}: {exc.orig}") from exc
    except SQLAlchemyError as exc:
        engine.dispose()
        reason = database_reason(exc)
        if reason == "file is not a database":  # SQLite's words for a file that is something else
            raise BadDatabaseURL(_not_a_database(_display(url))) from exc
        raise StoreError(f"database error on {_display(url)}: {reason}") from exc
    search.ensure_search_index(engine)
    return Store(url, engine)

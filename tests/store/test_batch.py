"""``Store.batch``: a whole ingest batch in one transaction, storing what the per-article path stores
(issue 25). The store tests run on SQLite and on PostgreSQL (``db_url``)."""

from __future__ import annotations

import copy
import threading
from contextlib import contextmanager, nullcontext

import pytest
from sqlalchemy import event, select
from sqlalchemy.exc import DataError, IntegrityError

import nutgraf.pipeline as pipeline
from nutgraf.errors import NotFound
from nutgraf.export import article_record
from nutgraf.ingest import iter_documents
from nutgraf.model import Article, Entity, to_dict
from nutgraf.store import Store, open_store, search
from nutgraf.store.schema import ArticleEntityRow, ArticleRow, EntityRow, StoryRow

TIMESTAMPS = {"ingested_at", "created_at", "updated_at"}
"""Columns that say when a row was written: the only ones two runs of one input may differ in."""

_ENRICHED: dict[tuple[str, str], Article] = {}


@pytest.fixture
def enrich_once(monkeypatch):
    """The pipeline's analysis memoized across the tests of this module: the stores under test get
    the same analysed articles, and the sample corpus is analysed once, not once per ingest."""
    original = pipeline._enrich_all

    def memoized(articles, options, pool):
        missing = [a for a in articles if (a.source, a.content_hash) not in _ENRICHED]
        for article, result in zip(missing, original(missing, options, pool), strict=True):
            _ENRICHED[(article.source, article.content_hash)] = result
        return [copy.deepcopy(_ENRICHED[(a.source, a.content_hash)]) for a in articles]

    monkeypatch.setattr(pipeline, "_enrich_all", memoized)


_WRITER_LOCK = Store.writer_lock


@contextmanager
def _lock_and_batch(self: Store):
    with _WRITER_LOCK(self), self.batch():
        yield


@pytest.fixture
def batched_ingest(monkeypatch):
    """``pipeline.ingest`` storing each batch in one ``Store.batch``, opened under the writer lock
    as the pipeline's ``finish()`` is to open it."""
    monkeypatch.setattr(Store, "writer_lock", _lock_and_batch)


def dump(store: Store) -> dict[str, list[dict]]:
    """Every stored row but the write times, in key order; articles as ``nutgraf export`` writes them."""
    tables = {}
    with store.engine.connect() as connection:
        for row_type, order in (
            (ArticleRow, [ArticleRow.id]),
            (StoryRow, [StoryRow.id]),
            (EntityRow, [EntityRow.id]),
            (ArticleEntityRow, [ArticleEntityRow.article_id, ArticleEntityRow.entity_id]),
        ):
            rows = connection.execute(select(row_type.__table__).order_by(*order)).mappings()
            tables[row_type.__tablename__] = [
                {k: v for k, v in row.items() if k not in TIMESTAMPS} for row in rows
            ]
    tables["export"] = [article_record(article) for article in store.iter_articles()]
    tables["stories"] = [to_dict(story) for story in store.list_stories()]
    with store.session() as session:
        for article in store.iter_articles():
            word = max(article.title.split(), key=len)
            hits = search.search_articles(session, word, limit=50).hits
            tables.setdefault("search", []).append((word, [(h.article_id, h.score) for h in hits]))
    return tables


def _article(number: int, *, entities: list[Entity] | None = None, text: str | None = None) -> Article:
    return Article(
        source=f"{number}.txt",
        text=text or f"The harbour authority of Port Elvane closed berth {number} on Tuesday for repairs.",
        title=f"Berth {number} closed",
        language="en",
        content_hash=f"h{number}",
        source_key="folder",
        outlet="Harbour Post",
        entities=entities or [],
    )


def _add(store: Store, number: int, story_id: int | None = None, **kwargs) -> tuple[int, int | None, bool]:
    return store.add_grouped_article(
        _article(number, **kwargs), outlet_key="o", raw_hash=f"r{number}", features={}, story_id=story_id
    )


@pytest.fixture
def per_article(db_url, samples, enrich_once, request, tmp_path):
    """What the per-article path stores from the sample corpus (on the back-end of ``db_url``):
    the ingest report and the store's dump."""
    if db_url.startswith("postgresql"):
        url = request.getfixturevalue("postgres").create_database()
    else:
        url = f"sqlite:///{tmp_path / 'per-article.db'}"
    with open_store(url) as store:
        report = pipeline.ingest(iter_documents([samples]), store)
        return report, dump(store)


def test_a_batched_ingest_stores_what_the_per_article_path_stores(db_url, samples, per_article, monkeypatch):
    report, expected = per_article
    assert report.new >= 40 and not report.failures
    monkeypatch.setattr(Store, "writer_lock", _lock_and_batch)  # after the per-article ingest
    commits = []
    with open_store(db_url) as store:
        event.listen(store.engine, "commit", lambda connection: commits.append(1))
        batched = pipeline.ingest(iter_documents([samples]), store)
        assert (batched.new, batched.duplicates, batched.article_ids) == (
            report.new,
            report.duplicates,
            report.article_ids,
        )
        assert dump(store) == expected
        assert store.integrity() == {"orphans": [], "empty": []}
    # Two batches, not one commit per article: the corpus is smaller than BATCH_SIZE, and its last
    # FURNITURE_LOOKAHEAD documents are stored by a second finish(); on PostgreSQL taking and
    # releasing the writer lock commits twice more per batch.
    assert len(commits) <= 6 < report.new


def test_a_batched_ingest_is_idempotent(db_url, samples, enrich_once, batched_ingest):
    with open_store(db_url) as store:
        first = pipeline.ingest(iter_documents([samples]), store)
        stored = dump(store)
        again = pipeline.ingest(iter_documents([samples]), store)
        assert again.new == 0 and again.failures == []
        assert again.duplicates == first.new + first.duplicates
        assert sorted(again.article_ids) == sorted(first.article_ids)
        assert dump(store) == stored


def test_a_duplicate_within_a_batch_is_found(store: Store):
    with store.batch():
        first = _add(store, 1)
        again = _add(store, 1)
        assert first[2] and not again[2] and again[:2] == first[:2]
    assert store.count_articles() == 1 and len(store.list_stories()) == 1


def test_a_batch_is_one_commit_and_seen_by_others_only_when_it_ends(db_url):
    commits = []
    with open_store(db_url) as store, open_store(db_url) as other:
        event.listen(store.engine, "commit", lambda connection: commits.append(1))
        with store.batch():
            story = _add(store, 1)[1]
            for number in range(2, 6):
                _add(store, number, story_id=story if number % 2 else None)
            assert store.count_articles() == 5  # the batch sees its own writes
            assert other.count_articles() == 0
            seen = []
            thread = threading.Thread(target=lambda: seen.append(store.count_articles()))
            thread.start()
            thread.join()
            assert seen == [0]  # another thread is not in this thread's batch
        assert len(commits) == 1
        assert other.count_articles() == 5 and other.integrity() == {"orphans": [], "empty": []}
        assert sorted(len(s.article_ids) for s in other.list_stories()) == [1, 1, 3]


def test_a_failed_article_is_rolled_back_alone_and_the_batch_goes_on(db_url):
    marker = Entity(
        id="person:only-in-the-failed", name="Ilse Varn", type="PERSON", mentions=1, names={"en": "x"}
    )
    with open_store(db_url) as store:
        with store.batch():
            first = _add(store, 1)
            _add(store, 2, story_id=first[1])
            with pytest.raises(IntegrityError):  # a story that does not exist: the foreign key refuses it
                _add(store, 3, story_id=10_000, entities=[marker], text="Zanderwick quay reopened.")
            after = _add(store, 4)
        assert store.count_articles() == 3
        assert [a.source for a in store.iter_articles()] == ["1.txt", "2.txt", "4.txt"]
        assert after[2] and store.integrity() == {"orphans": [], "empty": []}
        with pytest.raises(NotFound):
            store.get_entity(marker.id)
        with store.session() as session:
            assert search.search_articles(session, "Zanderwick").total == 0
        assert _add(store, 3)[2]  # and it can be stored later


def test_an_exception_leaving_the_batch_keeps_what_was_stored_before_it(db_url):
    with open_store(db_url) as store:
        with pytest.raises(RuntimeError), store.batch():
            _add(store, 1)
            _add(store, 2)
            raise RuntimeError("grouping broke after two articles")
        assert store.count_articles() == 2 and store.integrity() == {"orphans": [], "empty": []}
        with store.batch():  # a run again finds them stored: duplicates, nothing new
            assert [_add(store, n)[2] for n in (1, 2, 3)] == [False, False, True]
        assert store.count_articles() == 3


def test_an_interrupt_stores_nothing_of_the_batch(db_url):
    with open_store(db_url) as store:
        _add(store, 1)
        with pytest.raises(KeyboardInterrupt), store.batch():
            _add(store, 2)
            raise KeyboardInterrupt
        assert store.count_articles() == 1 and len(store.list_stories()) == 1
        assert _add(store, 2)[2]


def test_a_batch_inside_a_batch_joins_it(store: Store):
    with store.batch():
        _add(store, 1)
        with store.batch():
            _add(store, 2)
        with store.session() as session:  # not committed by the inner block
            assert session.scalar(select(ArticleRow.id).where(ArticleRow.source == "2.txt")) is None
    assert store.count_articles() == 2


@pytest.mark.parametrize("batched", [False, True])
def test_entity_names_accumulate_per_language(db_url, batched):
    english = Entity(
        id="person:anna-petrova", name="Anna Petrova", type="PERSON", mentions=2, names={"en": "Anna Petrova"}
    )
    russian = Entity(
        id="person:anna-petrova",
        name="Анна Петрова",
        type="PERSON",
        mentions=1,
        names={"ru": "Анна Петрова", "en": "A. Petrova"},
    )
    with open_store(db_url) as store:
        with store.batch() if batched else nullcontext():
            _add(store, 1, entities=[english])
            _add(store, 2, entities=[russian, russian])  # one entity twice: one link, names merged once
            _add(store, 3, entities=[english])
        entity = store.get_entity("person:anna-petrova")
        assert entity["name"] == "Anna Petrova" and entity["article_ids"] == [1, 2, 3]
        assert entity["names"] == {"en": "Anna Petrova", "ru": "Анна Петрова"}


def test_a_failed_read_does_not_spoil_the_batch(db_url):
    """On PostgreSQL a failed statement aborts its transaction, whose COMMIT then rolls back:
    reads in a batch run in savepoints too, so the articles stored around one are kept."""
    with open_store(db_url) as store:
        with store.batch():
            _add(store, 1)
            with pytest.raises((DataError, OverflowError, NotFound)):
                store.get_article(2**70)  # beyond a 64-bit integer: PostgreSQL refuses the statement
            _add(store, 2)
        assert store.count_articles() == 2

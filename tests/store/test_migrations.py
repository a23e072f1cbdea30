"""Alembic migrations on both back-ends (nutgraf.store.migrate, ``nutgraf db``)."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, inspect, text
from typer.testing import CliRunner

from nutgraf.cli import app
from nutgraf.errors import StoreError
from nutgraf.store import open_store
from nutgraf.store.migrate import HEAD_REVISION, script_directory, upgrade
from nutgraf.store.schema import Base
from nutgraf.store.search import SEARCH_TABLE


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return set(inspect(connection).get_table_names())
    finally:
        engine.dispose()


def _execute(url: str, *statements: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()


def test_head_constant_matches_the_migrations():
    assert script_directory().get_current_head() == HEAD_REVISION


def test_migrations_build_the_same_schema_as_a_fresh_store(db_url):
    """Replaying the revisions on an empty database gives what open_store creates at once."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    assert upgrade(db_url) == (None, HEAD_REVISION)
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection,  # the search index is derived and owned by nutgraf.store.search, not migrations
                opts={"include_name": lambda name, *_: SEARCH_TABLE not in (name or "")},
            )
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert differences == []
    with open_store(db_url) as store:  # a migrated store opens and works
        assert store.count_articles() == 0


def test_an_older_revision_is_refused_with_the_command_that_fixes_it(db_url):
    with open_store(db_url):
        pass
    _execute(db_url, "UPDATE alembic_version SET version_num = '0000'")
    with pytest.raises(StoreError, match="newer than this Nutgraf"):
        open_store(db_url)
    _execute(db_url, "DROP TABLE alembic_version")  # a store made before migrations: schema version 4
    with pytest.raises(
        StoreError, match=r"schema version 4, older than this Nutgraf: run `nutgraf db upgrade"
    ):
        open_store(db_url)
    result = CliRunner().invoke(app, ["db", "upgrade", "--db", db_url])
    assert result.exit_code == 0 and f"to {HEAD_REVISION}" in result.output
    with open_store(db_url) as store:
        assert store.count_articles() == 0
    assert "already at" in CliRunner().invoke(app, ["db", "upgrade", "--db", db_url]).output
    assert CliRunner().invoke(app, ["db", "current", "--db", db_url]).output.startswith(HEAD_REVISION)


def _store_one_article(db_url: str) -> None:
    """A store at this Nutgraf's schema holding one article (then made older by hand)."""
    from nutgraf.model import Article

    with open_store(db_url) as store:
        store.add_article(
            Article(source="a", text="Body.", title="T", language="en", content_hash="h", source_key="k"),
            outlet_key="k",
            raw_hash="r",
        )


def test_a_version_3_store_keeps_its_articles_and_gains_the_new_tables(db_url):
    _store_one_article(db_url)
    _execute(
        db_url,
        "DROP TABLE alembic_version",
        "DROP TABLE source_entries",
        "DROP TABLE sources",
        "UPDATE nutgraf_meta SET value = '3' WHERE key = 'schema_version'",
    )
    with pytest.raises(StoreError, match="schema version 3"):
        open_store(db_url, create=False)
    assert upgrade(db_url) == (None, HEAD_REVISION)
    assert {"sources", "source_entries", "alembic_version"} <= _tables(db_url)
    with open_store(db_url, create=False) as store:
        assert store.count_articles() == 1


def test_a_foreign_database_is_not_a_nutgraf_store(db_url):
    _execute(db_url, "CREATE TABLE other (id INTEGER PRIMARY KEY)")
    with pytest.raises(StoreError, match="not a Nutgraf database"):
        open_store(db_url)


def test_a_0001_store_gains_the_furniture_window_and_keeps_its_articles(db_url):
    _store_one_article(db_url)
    _execute(
        db_url,
        "DROP INDEX ix_articles_source_id",
        "ALTER TABLE articles DROP COLUMN furniture_keys",
        "UPDATE alembic_version SET version_num = '0001'",
    )
    with pytest.raises(StoreError, match="older than this Nutgraf"):
        open_store(db_url, create=False)
    assert upgrade(db_url) == ("0001", HEAD_REVISION)
    with open_store(db_url, create=False) as store:
        assert store.count_articles() == 1
        assert store.get_article(1).text == "Body."


def test_a_0002_store_marks_the_titles_cut_from_a_first_sentence(db_url):
    """Revision 0003 adds ``title_derived`` and marks the stored articles whose title is how their
    text begins (the first sentence without its stop, or its start cut with "…"), as ingest would."""
    from nutgraf.model import Article

    texts = {
        "Ferry Tern sails again": "The ferry Tern left Aktau on time. Passengers cheered.",  # a headline
        "The ferry Tern left Aktau on time": "The ferry Tern left Aktau on time. Passengers cheered.",
        "Did the ferry sail?": "Did the ferry sail? It did, on Monday.",
        "The ferry Tern left Aktau on time after a week of storms kept it in…": (
            "The ferry Tern left Aktau on time after a week of storms kept it in port and its crew ashore."
        ),
        "Fire": "Fire crews were called to the port on Monday.",  # a short headline, not a sentence
    }
    with open_store(db_url) as store:
        for number, (title, text) in enumerate(texts.items()):
            article = Article(
                source=str(number),
                text=text,
                title=title,
                language="en",
                content_hash=str(number),
                source_key="k",
            )
            store.add_article(article, outlet_key="k", raw_hash=str(number))
    _execute(
        db_url,
        "ALTER TABLE articles DROP COLUMN title_derived",
        "UPDATE alembic_version SET version_num = '0002'",
    )
    with pytest.raises(StoreError, match="older than this Nutgraf"):
        open_store(db_url, create=False)
    assert upgrade(db_url) == ("0002", HEAD_REVISION)
    with open_store(db_url, create=False) as store:
        derived = {article.title: article.title_derived for article in store.iter_articles()}
    assert derived == {title: title not in {"Ferry Tern sails again", "Fire"} for title in texts}

"""One search function over both back-ends: FTS5 on SQLite, tsvector + GIN on PostgreSQL
(nutgraf.store.search), on articles stored directly (no language models needed)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import text

from nutgraf.errors import ConfigError
from nutgraf.lang.keys import terms_of
from nutgraf.model import Article
from nutgraf.store import open_store
from nutgraf.store.schema import ArticleRow
from nutgraf.store.search import SEARCH_TABLE, search_articles

START = datetime(2026, 2, 1, 9, 0)


def add(store, number: int, title: str, body: str, *, language: str = "en", terms: str | None = None) -> int:
    article = Article(
        source=f"test-{number}",
        text=body,
        title=title,
        language=language,
        content_hash=f"hash-{number}",
        source_key="test",
        outlet="Test Outlet",
        published=START + timedelta(hours=number),
        search_terms=terms,
    )
    article_id, is_new = store.add_article(article, outlet_key="test", raw_hash=f"raw-{number}")
    assert is_new
    return article_id


def search(store, query: str, **options):
    with store.session() as session:
        return search_articles(session, query, **options)


def test_inflected_forms_in_both_languages(store):
    first = add(
        store, 1, "Паром сел на мель", "Паром «Звезда» сел на мель у Казани в понедельник.", language="ru"
    )
    second = add(store, 2, "Ferry aground", "A ferry ran aground near Kazan on Monday, 12 March 2026.")
    for query in ("паромом", "паромы", "ПАРОМ", "казань", "Казанью"):
        assert [hit.article_id for hit in search(store, query).hits] == [first], query
    assert [hit.article_id for hit in search(store, "ferries").hits] == [second]
    assert [hit.article_id for hit in search(store, "2026").hits] == [second]
    assert [hit.article_id for hit in search(store, "agro").hits] == [second]  # a prefix as typed
    assert search(store, "паром ferry").total == 0  # every word must match
    assert search(store, "zeppelin").total == 0
    hit = search(store, "ferries").hits[0]
    assert "<mark>ferry</mark>" in str(hit.snippet_html)


def test_title_ranks_above_body_and_pages(store):
    body_only = add(store, 1, "Council meeting", "The council also discussed the harbour bridge repairs.")
    in_title = add(store, 2, "Harbour bridge reopens", "Traffic returned on Tuesday after repairs.")
    for number in range(3, 8):
        add(store, number, f"Note {number}", f"Item {number} about the harbour.")
    assert [hit.article_id for hit in search(store, "harbour bridge").hits] == [in_title, body_only]
    page = search(store, "harbour", limit=3, offset=3)
    assert page.total == 7 and len(page.hits) == 3
    assert not {h.article_id for h in page.hits} & {
        h.article_id for h in search(store, "harbour", limit=3).hits
    }


def test_query_syntax_is_never_search_syntax(store):
    add(store, 1, "Plain", "A \"quoted\" word and NEAR(a b) and col:umn and *stars* & !bang | 'tick'.")
    for query in (
        '"quoted',
        "NEAR(a b)",
        "col:umn",
        "*",
        "AND OR NOT",
        "quoted)",
        "a & !b | c:*",
        "'",
        "<->",
    ):
        search(store, query)  # no FTS5 or tsquery syntax error escapes
    assert search(store, "quoted").total == 1
    with pytest.raises(ConfigError):
        search(store, "   ")


def test_articles_stored_before_the_index_are_indexed_on_open(db_url):
    with open_store(db_url) as store:
        add(store, 1, "Library reopens", "The library reopened after the flood.")
        with store.engine.begin() as connection:
            connection.execute(text(f"DROP TABLE {SEARCH_TABLE}"))
    with open_store(db_url) as store:
        assert search(store, "libraries").total == 1
        assert search(store, "flooding").total == 1


def test_postgresql_uses_a_gin_indexed_tsvector(pg_url):
    with open_store(pg_url) as store, store.engine.connect() as connection:
        kinds = connection.execute(
            text("SELECT indexdef FROM pg_indexes WHERE tablename = :t"), {"t": SEARCH_TABLE}
        ).scalars()
        assert any("USING gin (document)" in kind for kind in kinds)


def test_highlighting_reads_a_bounded_opening_of_a_huge_text(monkeypatch):
    """Only the first ``MAX_HIGHLIGHT_CHARS`` of a text are matched against the query, whatever its
    length: each word matched counts once here."""
    from nutgraf.store import search as search_module

    matched = 0
    original = search_module._Query.matcher

    def counting_matcher(query):
        test = original(query)

        def counted(word):
            nonlocal matched
            matched += 1
            return test(word)

        return counted

    monkeypatch.setattr(search_module._Query, "matcher", counting_matcher)
    words = " ".join(f"quay{i % 97}" for i in range(search_module.MAX_HIGHLIGHT_CHARS // 2))
    value = "The harbour board met. " + words
    plain, marked = search_module.highlight(value, search_module._Query.parse("harbour"), words=20)
    assert "<mark>harbour</mark>" in str(marked) and plain.endswith("…")
    assert 0 < matched <= search_module.MAX_HIGHLIGHT_CHARS // 5  # words of 5 characters or more


def test_a_huge_article_is_found_by_any_word_and_snippeted_from_its_opening(store):
    """The index holds every word; the snippet comes from the opening, and ends with "…"."""
    from nutgraf.store.search import MAX_HIGHLIGHT_CHARS, SNIPPET_WORDS

    filler = "The harbour board met again about the northern quay. " * (MAX_HIGHLIGHT_CHARS // 25)
    article_id = add(store, 1, "Quay report", filler + "At the very end the breakwater collapsed.")
    hit = search(store, "breakwater").hits[0]
    assert hit.article_id == article_id
    assert hit.snippet.startswith("The harbour board") and hit.snippet.endswith("…")
    assert len(hit.snippet.split()) <= SNIPPET_WORDS + 1 and "<mark>" not in str(hit.snippet_html)
    with store.session() as session:
        assert "breakwater collapsed" in session.get(ArticleRow, article_id).text  # stored whole


def test_terms_computed_on_a_worker_index_as_the_store_would(store):
    """Ingest computes an article's search keys where it enriches it (``Article.search_terms``);
    the store indexes them as given, and they are the keys it would have computed itself."""
    title, body = "Паромы встали", "Паромом «Звезда» управлял капитан; ferries stopped near Kazan."
    given = add(store, 1, title, body, language="ru", terms=terms_of(title, body))
    computed = add(store, 2, title + "!", body, language="ru")
    for query in ("паром", "ferry", "Kazan", "капитана"):
        assert sorted(hit.article_id for hit in search(store, query).hits) == [given, computed], query
    assert "паром" in terms_of(title, body).split()

"""The search index's word keys, highlighting and snippets (nutgraf.store.search) and the page
queries (nutgraf.store.views), on articles stored directly (no language models needed). Search
results themselves are tested on both back-ends in tests/store/test_search.py."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import event, text

from nutgraf.errors import NotFound
from nutgraf.model import Article
from nutgraf.store import open_store, views
from nutgraf.store.search import SEARCH_TABLE, _Query, highlight, search_articles, word_keys

START = datetime(2026, 2, 1, 9, 0)


def add(
    store, number: int, title: str, body: str, *, language: str = "en", story: int | None = None, **extra
):
    article = Article(
        source=f"test-{number}",
        text=body,
        title=title,
        language=language,
        content_hash=f"hash-{number}",
        source_key="test",
        outlet=extra.pop("outlet", "Test Outlet"),
        published=extra.pop("published", START + timedelta(hours=number)),
        summary=extra.pop("summary", [body.split(". ")[0]]),
        **extra,
    )
    article_id, is_new = store.add_article(article, outlet_key="test", raw_hash=f"raw-{number}")
    assert is_new
    story_id = story if story is not None else store.create_story(title, article.published)
    store.assign_story(article_id, story_id)
    return article_id, story_id


def search(store, query: str, **options):
    with store.session() as session:
        return search_articles(session, query, **options)


def test_word_keys_join_russian_forms():
    forms = ["паром", "парома", "паромом", "паромы", "паромов"]
    shared = set.intersection(*(set(word_keys(form)) for form in forms))
    assert shared == {"паром"}
    assert set(word_keys("Казани")) & set(word_keys("Казань"))
    assert word_keys("ferries", "en") == word_keys("ferry", "en") and word_keys("2026") == ()
    assert set(word_keys("ferries")) & set(word_keys("ferry"))  # a query word: every language's keys
    assert word_keys("the") == () and word_keys("de") == ()  # a stopword in a language that writes it
    assert word_keys("traversées", "fr") == word_keys("traversée", "fr")
    assert word_keys("télévisée", "en") == word_keys("télévisée", "fr")  # English letters do not write it
    assert set(word_keys("Ёлки")) == set(word_keys("елки"))


def test_highlight_escapes_everything_but_our_marks():
    query = _Query.parse("alert")
    plain, marked = highlight('<img src=x onerror="alert(1)"> & <b>alert</b>', query)
    assert plain == '<img src=x onerror="alert(1)"> & <b>alert</b>'
    assert str(marked) == (
        "&lt;img src=x onerror=&#34;<mark>alert</mark>(1)&#34;&gt; &amp; &lt;b&gt;<mark>alert</mark>&lt;/b&gt;"
    )


def test_snippet_is_a_window_around_the_matches():
    words = [f"w{i}" for i in range(200)]
    words[120] = "harbour"
    plain, marked = highlight(" ".join(words), _Query.parse("harbour"), words=20)
    assert plain.startswith("…") and plain.endswith("…") and "harbour" in plain
    assert len(plain.split()) <= 21 and "<mark>harbour</mark>" in str(marked)
    assert plain.split().index("harbour") <= 6  # a few words of context before the match


def test_index_is_rebuilt_for_old_stores(tmp_path):
    with open_store(tmp_path / "old.db") as store:
        add(store, 1, "Library reopens", "The library reopened after the flood.")
        with store.engine.begin() as connection:
            connection.execute(text(f"DROP TABLE {SEARCH_TABLE}"))
    with open_store(tmp_path / "old.db") as store:
        assert search(store, "libraries").total == 1
        with store.engine.begin() as connection:  # keys from an older version of the index
            connection.execute(
                text("UPDATE nutgraf_meta SET value = 'old' WHERE key = 'search_index_version'")
            )
            connection.execute(text(f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}) VALUES ('delete-all')"))
    with open_store(tmp_path / "old.db") as store:
        assert search(store, "flooding").total == 1


def _count_queries(store):
    statements = []
    event.listen(store.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    return statements


def test_story_page_queries_do_not_grow_with_the_page(store):
    for number in range(12):
        _, story = add(store, number * 2, f"Event {number}", f"Body of event {number}.")
        add(store, number * 2 + 1, f"Event {number} follow-up", f"More on event {number}.", story=story)
    statements = _count_queries(store)
    small = views.story_page(store, limit=2)
    small_count = len(statements)
    statements.clear()
    large = views.story_page(store, limit=12)
    assert len(statements) == small_count <= 3
    statements.clear()
    articles = views.articles_of_stories(store, [story.id for story in large.items])
    assert len(statements) == 1 and all(len(members) == 2 for members in articles.values())
    assert small.total == large.total == 12 and small.next_offset == 2 and large.next_offset is None
    assert [s.last_published for s in large.items] == sorted(
        (s.last_published for s in large.items), reverse=True
    )


def test_story_page_filters(store):
    add(store, 1, "Early", "Early news.", published=datetime(2026, 1, 5))
    add(store, 2, "Русская новость", "Новость дня.", language="ru", published=datetime(2026, 3, 5))
    add(store, 3, "Late", "Late news.", published=datetime(2026, 6, 5))
    assert [s.title for s in views.story_page(store, limit=10, language="ru").items] == ["Русская новость"]
    spring = views.story_page(
        store, limit=10, since=datetime(2026, 3, 1).date(), until=datetime(2026, 3, 5).date()
    )
    assert [s.title for s in spring.items] == ["Русская новость"]  # "until" includes its whole day


def test_neighbours_follow_publication_order(store):
    a, story = add(store, 1, "A", "First.")
    b, _ = add(store, 2, "B", "Second, other story.")
    c, _ = add(store, 3, "C", "Third, same story as A.", story=story)
    d, _ = add(store, 4, "D", "Undated.", published=None)
    found = views.neighbors(store, views.get_article(store, c))
    assert found.story_previous.id == a and found.story_next is None
    assert found.feed_previous.id == b and found.feed_next.id == d  # undated articles come last
    last = views.neighbors(store, views.get_article(store, d))
    assert last.feed_previous.id == c and last.feed_next is None and last.story_next is None


def test_unknown_ids(store):
    with pytest.raises(NotFound):
        views.get_article(store, 42)
    with pytest.raises(NotFound):
        views.article_summary(store, 42)
    with pytest.raises(NotFound):
        views.story_with_articles(store, 42)
    with pytest.raises(NotFound):
        views.entity_view(store, "per-nobody", limit=5)

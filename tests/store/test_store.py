import pytest

from nutgraf.errors import BadDatabaseURL, NotFound
from nutgraf.model import Article
from nutgraf.store import database_url, open_store


def make_article(**overrides) -> Article:
    values = dict(
        source="a.txt",
        text="Body text of the article.",
        title="Title",
        language="en",
        content_hash="h1",
        source_key="folder",
        outlet="Outlet",
        url=None,
    )
    values.update(overrides)
    return Article(**values)


def test_add_is_idempotent_by_content_within_an_outlet(store):
    first, new = store.add_article(make_article(), outlet_key="outlet", raw_hash="r1")
    again, new_again = store.add_article(make_article(source="b.txt"), outlet_key="outlet", raw_hash="r2")
    other, new_other = store.add_article(make_article(outlet="Other"), outlet_key="other", raw_hash="r1")
    assert new and not new_again and again == first
    assert new_other and other != first
    assert store.count_articles() == 2


def test_same_url_is_one_article(store):
    a, _ = store.add_article(make_article(url="https://x.example/1"), outlet_key="o", raw_hash="r1")
    b, new = store.add_article(
        make_article(url="https://x.example/1", content_hash="h2"), outlet_key="o2", raw_hash="r2"
    )
    assert a == b and not new


def test_find_duplicate_by_raw_hash(store):
    article_id, _ = store.add_article(make_article(), outlet_key="o", raw_hash="raw")
    assert store.find_duplicate(url=None, source_key="folder", raw_hash="raw") == article_id
    assert store.find_duplicate(url=None, source_key="elsewhere", raw_hash="raw") is None


def test_round_trip_and_not_found(store):
    article_id, _ = store.add_article(make_article(summary=["One.", "Two."]), outlet_key="o", raw_hash="r")
    loaded = store.get_article(article_id)
    assert (loaded.title, loaded.summary, loaded.outlet) == ("Title", ["One.", "Two."], "Outlet")
    with pytest.raises(NotFound):
        store.get_article(999)
    with pytest.raises(NotFound):
        store.get_story(999)


def test_stories_newest_first(store):
    from datetime import datetime

    ids = []
    for day, text in ((1, "a"), (5, "b"), (3, "c")):
        article_id, _ = store.add_article(
            make_article(content_hash=text, published=datetime(2026, 3, day)), outlet_key="o", raw_hash=text
        )
        story_id = store.create_story(text, datetime(2026, 3, day))
        store.assign_story(article_id, story_id)
        ids.append(story_id)
    assert [s.title for s in store.list_stories()] == ["b", "c", "a"]
    assert store.get_story(ids[0]).article_ids == [1]


def test_the_furniture_window_is_the_stored_articles_keys(db_url):
    """Each article keeps its line keys; a source's window is its last stored articles' keys,
    oldest first, and a model loaded from it learns what the stored pages share."""
    from nutgraf.clean import FurnitureModel

    model = FurnitureModel()
    with open_store(db_url) as store:
        for number in range(4):
            keys = model.observe("site", f"Template line\nUnique body {number}")
            store.add_grouped_article(
                make_article(source=f"{number}.txt", content_hash=f"h{number}", source_key="site"),
                outlet_key="o",
                raw_hash=f"r{number}",
                features={},
                story_id=None,
                furniture_keys=keys,
            )
        window = store.furniture_window("site", 3)
        assert len(window) == 3 and store.furniture_window("elsewhere", 3) == []
    loaded = FurnitureModel()
    loaded.load("site", window)
    assert loaded.is_learned("site", "Template line") and not loaded.is_learned("site", "Unique body 3")


def test_wal_mode(tmp_path):
    with open_store(tmp_path / "wal.db") as store, store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


@pytest.mark.parametrize(
    "value,message",
    [
        ("no/such/folder/x.db", "does not exist"),
        ("postgresql+nodriver://u@h/db", "cannot use"),
        ("", "empty"),
    ],
)
def test_bad_database_urls(tmp_path, value, message):
    with pytest.raises(BadDatabaseURL, match=message):
        open_store(value)


def test_directory_is_not_a_database(tmp_path):
    with pytest.raises(BadDatabaseURL, match="directory"):
        database_url(tmp_path)


def test_env_default(monkeypatch, tmp_path):
    monkeypatch.setenv("NUTGRAF_DB", str(tmp_path / "env.db"))
    assert database_url(None).endswith("env.db")

"""Story titles: a real headline of one of the story's articles, the reader's language first; a first
sentence only when no article has a headline (issue 24)."""

from __future__ import annotations

from datetime import datetime

from helpers import needs_shared
from nutgraf.clean import extract
from nutgraf.ingest import iter_documents
from nutgraf.model import Article, RawDocument, Story
from nutgraf.pipeline import ingest, prepare
from nutgraf.store import open_store
from nutgraf.stories import story_title, story_view


def _article(
    article_id: int,
    title: str,
    *,
    language: str = "en",
    derived: bool = False,
    published: datetime | None = None,
) -> Article:
    text = f"{title}. More about it." if derived else "The ferry Tern left Aktau on time on Monday."
    return Article(
        id=article_id,
        source=f"a{article_id}",
        text=text,
        title=title,
        title_derived=derived,
        language=language,
        content_hash=str(article_id),
        source_key="outlet",
        published=published,
    )


STAND_IN = "The ferry Tern left Aktau on time on Monday after a week of storms kept it in port"
HEADLINE = "Caspian ferry sails again after storms"
RUSSIAN_HEADLINE = "Паром «Терн» снова вышел в рейс после штормов"


def test_a_story_whose_first_article_has_no_headline_takes_a_later_articles_headline():
    articles = [
        _article(1, STAND_IN, derived=True, published=datetime(2026, 3, 2, 8)),
        _article(2, HEADLINE, published=datetime(2026, 3, 2, 11)),
    ]
    assert story_title(articles) == HEADLINE
    view = story_view(Story(id=1, title=STAND_IN, article_ids=[1, 2]), articles, with_timeline=False)
    assert view["title"] == HEADLINE


def test_the_readers_language_comes_first_then_the_earliest_headline():
    articles = [
        _article(1, "Ferry Tern back at sea", published=datetime(2026, 3, 2, 9)),
        _article(2, RUSSIAN_HEADLINE, language="ru", published=datetime(2026, 3, 2, 10)),
        _article(3, HEADLINE, published=datetime(2026, 3, 2, 8)),
        _article(4, "Паром вернулся на линию Актау — Алят", language="ru", derived=True),
    ]
    assert story_title(articles, "ru") == RUSSIAN_HEADLINE
    assert story_title(articles, "en") == HEADLINE  # the earliest English headline
    assert story_title(articles) == HEADLINE  # no reader's language: the earliest of all
    # A reader's language without a headline in the story: the earliest headline in any language.
    assert story_title(articles, "de") == HEADLINE


def test_a_headline_in_another_language_beats_a_first_sentence_in_the_readers():
    articles = [
        _article(1, "Паром «Терн» вышел из Актау по расписанию", language="ru", derived=True),
        _article(2, HEADLINE),
    ]
    assert story_title(articles, "ru") == HEADLINE


def test_a_first_sentence_only_when_no_article_has_a_headline():
    articles = [
        _article(1, STAND_IN, derived=True, published=datetime(2026, 3, 2, 11)),
        _article(2, "Паром «Терн» вышел из Актау по расписанию", language="ru", derived=True),
        _article(3, "The ferry Tern sailed on Monday", derived=True, published=datetime(2026, 3, 2, 9)),
    ]
    assert story_title(articles) == "The ferry Tern sailed on Monday"  # earliest published
    assert story_title(articles, "ru") == "Паром «Терн» вышел из Актау по расписанию"
    assert story_title([]) is None


def test_ingest_marks_a_title_cut_from_the_first_sentence():
    def prepared(content: str, title: str | None = None) -> Article:
        raw = RawDocument(
            origin="t", content=content, kind="text", source_key="s", title=title, language="en"
        )
        return prepare(raw, extract(raw))

    body = "The ferry Tern left Aktau on time on Monday. Passengers cheered as it sailed."
    stand_in = prepared(body)
    assert stand_in.title_derived and body.startswith(stand_in.title)
    given = prepared(body, title=HEADLINE)
    assert not given.title_derived and given.title == HEADLINE
    headline_line = prepared(f"{HEADLINE}\n\n{body}")
    assert not headline_line.title_derived and headline_line.title == HEADLINE


def test_the_flag_is_stored(store):
    article = _article(1, STAND_IN, derived=True)
    article.id = None
    article_id, _ = store.add_article(article, outlet_key="k", raw_hash="r")
    assert store.get_article(article_id).title_derived
    other = _article(2, HEADLINE)
    other.id = None
    other_id, _ = store.add_article(other, outlet_key="k", raw_hash="r2")
    assert not store.get_article(other_id).title_derived


def test_seed_stories_are_titled_by_their_real_headlines(tmp_path):
    seeds = needs_shared("seeds")
    with open_store(tmp_path / "seeds.db") as store:
        ingest(iter_documents([seeds]), store)
        articles = list(store.iter_articles())
        by_seed = {a.source.rsplit("/", 1)[-1][:3]: a for a in articles}
        # 001 and 003 come without a headline, 002 and 004 with one (004's after currency tickers).
        assert {seed: a.title_derived for seed, a in by_seed.items()} == {
            "000": False,
            "001": True,
            "002": False,
            "003": True,
            "004": False,
        }
        for headline_seed, other_seed in (("002", "001"), ("004", "003")):
            headline, other = by_seed[headline_seed], by_seed[other_seed]
            assert headline.story_id == other.story_id
            story = store.get_story(headline.story_id)
            members = store.articles_of_story(story.id)
            for language in (None, "en", "ru"):
                assert story_view(story, members, language=language, with_timeline=False)["title"] == (
                    headline.title
                )


def test_without_a_readers_language_the_title_is_in_the_language_the_digest_opens_with():
    def report(article_id: int, language: str, title: str, summary: list[str], hour: int) -> Article:
        article = _article(article_id, title, language=language, published=datetime(2026, 3, 2, hour))
        article.text = " ".join(summary)
        article.summary = summary
        return article

    articles = [
        report(1, "en", HEADLINE, ["The ferry Tern sailed from Aktau on Monday after a week in port."], 8),
        report(
            2, "ru", RUSSIAN_HEADLINE, ["Паром «Терн» в понедельник вышел из Актау после недели штормов."], 9
        ),
        report(
            3, "ru", "Шторм закончился", ["Паром «Терн» вышел из Актау в понедельник, шторм закончился."], 10
        ),
    ]
    view = story_view(Story(id=1, title="", article_ids=[1, 2, 3]), articles, with_timeline=False)
    # The two Russian reports support each other's lead, so the digest opens in Russian; the English
    # headline is the earliest, but the title follows the digest.
    assert view["summary"][0]["language"] == "ru"
    assert view["title"] == RUSSIAN_HEADLINE
    for language, title in (("en", HEADLINE), ("ru", RUSSIAN_HEADLINE)):
        assert (
            story_view(Story(id=1, title="", article_ids=[1, 2, 3]), articles, language=language)["title"]
            == title
        )

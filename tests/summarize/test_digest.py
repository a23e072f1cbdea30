"""Story digests: cited sentences across articles, redundancy removed, in the reader's language."""

from __future__ import annotations

from datetime import datetime

import pytest

from helpers import needs_shared
from nutgraf.cli import sample_corpus
from nutgraf.ingest import iter_documents
from nutgraf.model import Article, Entity, Figure
from nutgraf.pipeline import ingest
from nutgraf.store import open_store
from nutgraf.summarize.digest import story_digest


def _article(
    article_id: int,
    language: str,
    outlet: str,
    summary: list[str],
    *,
    entities: list[Entity] | None = None,
    figures: list[tuple[str, float, str]] = (),
    published: datetime | None = None,
    copy_of: int | None = None,
) -> Article:
    text = "\n".join(summary)
    found = []
    for phrase, value, unit in figures:
        start = text.index(phrase)
        found.append(Figure(text=phrase, value=value, unit=unit, start=start, end=start + len(phrase)))
    return Article(
        id=article_id,
        source=f"{outlet}/{article_id}",
        text=text,
        title=summary[0][:40],
        language=language,
        content_hash=str(article_id),
        source_key=outlet,
        outlet=outlet,
        published=published,
        summary=summary,
        entities=entities or [],
        figures=found,
        copy_of=copy_of,
    )


BRIDGE = Entity(id="loc-varna-bridge", name="Varna Bridge", type="LOC", names={"ru": "Варненский мост"})
MAYOR = Entity(id="per-ilona-petrova", name="Ilona Petrova", type="PER", names={"ru": "Илона Петрова"})


def _story() -> list[Article]:
    return [
        _article(
            1,
            "en",
            "Harbour Post",
            [
                "The Varna Bridge reopened on Friday after a repair that cost $40 million, mayor Ilona Petrova said.",
                "Traffic on the crossing had been diverted through the old ferry port for eight months.",
                "Engineers replaced all 212 steel cables of the suspension span.",
            ],
            entities=[BRIDGE, MAYOR],
            figures=[("$40 million", 40e6, "USD"), ("212 steel cables", 212, "cables")],
            published=datetime(2026, 5, 8, 10),
        ),
        _article(
            2,
            "en",
            "Meridian Daily",
            [
                "Mayor Ilona Petrova reopened the Varna Bridge on Friday after a $40 million repair.",
                "Local shop owners said the closure had cost them a third of their customers.",
            ],
            entities=[BRIDGE, MAYOR],
            figures=[("$40 million", 40e6, "USD")],
            published=datetime(2026, 5, 8, 12),
        ),
        _article(
            3,
            "ru",
            "Вестник",
            [
                "Варненский мост открыли в пятницу после ремонта стоимостью 40 млн долларов, сообщила мэр Илона Петрова.",
                "Первыми по мосту проехали автобусы городских маршрутов.",
            ],
            entities=[BRIDGE, MAYOR],
            figures=[("40 млн долларов", 40e6, "USD")],
            published=datetime(2026, 5, 8, 14),
        ),
        _article(
            4,
            "en",
            "Wire copy",
            [
                "Mayor Ilona Petrova reopened the Varna Bridge on Friday after a $40 million repair.",
                "Local shop owners said the closure had cost them a third of their customers.",
            ],
            entities=[BRIDGE, MAYOR],
            copy_of=2,
        ),
    ]


def test_every_sentence_cites_an_article_of_the_story_and_comes_from_its_summary():
    articles = _story()
    digest = story_digest(articles, sentences=4)
    assert 1 <= len(digest.sentences) <= 4
    by_id = {a.id: a for a in articles}
    for sentence in digest.sentences:
        assert sentence.text in by_id[sentence.article_id].summary
        assert sentence.outlet == by_id[sentence.article_id].outlet
        assert sentence.language == by_id[sentence.article_id].language


def test_the_same_fact_is_told_once_within_and_across_languages():
    digest = story_digest(_story(), sentences=5)
    reopenings = [s for s in digest.sentences if "$40 million" in s.text or "40 млн" in s.text]
    assert len(reopenings) == 1, [s.text for s in digest.sentences]
    assert len({s.article_id for s in digest.sentences}) >= 2


def test_a_sentence_whose_figures_another_language_already_gave_is_not_taken():
    fire = [
        _article(
            1,
            "en",
            "Meridian Daily",
            [
                "About 8,000 people have been ordered to leave their homes as the Copper Ridge fire spread.",
                "The fire had burned 14,300 acres by Wednesday morning and was 12% contained.",
            ],
            figures=[
                ("8,000 people", 8000, "people"),
                ("14,300 acres", 14300, "acres"),
                ("12%", 12, "percent"),
            ],
        ),
        _article(
            2,
            "ru",
            "Вестник",
            [
                "Пожар «Коппер-Ридж» в Орегоне вынудил покинуть дома около 8 тысяч человек.",
                "По данным пожарной службы округа, локализовать удалось лишь 12% кромки пожара.",
                "Губернатор штата объявил режим чрезвычайной ситуации в округе.",
            ],
            figures=[("8 тысяч человек", 8000, "people"), ("12%", 12, "percent")],
        ),
    ]
    texts = [s.text for s in story_digest(fire, sentences=4).sentences]
    assert len(texts) == 4 or "Губернатор" in " ".join(texts), texts
    assert sum("12%" in t for t in texts) == 1, texts
    assert sum("8,000" in t or "8 тысяч" in t for t in texts) == 1, texts


def test_syndicated_copies_are_not_cited():
    assert all(s.article_id != 4 for s in story_digest(_story(), sentences=6).sentences)


def test_preferred_language_when_the_story_has_it_original_languages_otherwise():
    russian = story_digest(_story(), language="ru")
    assert russian.language == "ru"
    assert russian.sentences and all(s.language == "ru" for s in russian.sentences)
    german = story_digest(_story(), language="de")
    assert german.language is None
    assert {s.language for s in german.sentences} <= {"en", "ru"}


def test_a_sentence_that_leans_on_its_predecessor_is_left_out():
    article = _article(
        7,
        "en",
        "Harbour Post",
        [
            "The Varna Bridge reopened on Friday after an eight-month repair, the city said.",
            "He added that tolls would not rise this year.",
        ],
        entities=[BRIDGE],
    )
    digest = story_digest([article, *_story()[:2]], sentences=6)
    assert all(not s.text.startswith("He added") for s in digest.sentences)


def test_a_first_sentence_that_points_at_the_headline_is_left_out():
    """ "This is..." points at a headline the digest does not show (issue 24: seed 004)."""
    article = _article(
        7,
        "en",
        "Harbour Post",
        [
            "This is the first full closure of the Varna Bridge since it opened in 1974.",
            "The Varna Bridge reopened on Friday after an eight-month repair, the city said.",
        ],
        entities=[BRIDGE],
    )
    article.summary = article.summary[1:]
    digest = story_digest([article, *_story()[:2]], sentences=6)
    assert digest.sentences and all(not s.text.startswith("This is") for s in digest.sentences)
    article.text = article.text.replace("This is the first", "The repair was the first")
    digest = story_digest([article, *_story()[:2]], sentences=6)
    assert any(s.text.startswith("The repair was the first") for s in digest.sentences)


def test_an_empty_story_has_an_empty_digest():
    assert story_digest([]).sentences == []


def test_the_digest_opens_with_a_lead_even_when_a_later_sentence_has_more_support():
    bank = Entity(id="org-volga-credit", name="Volga Credit", type="ORG")
    deposits = ("48,000 deposits", 48000, "deposits")
    roubles = ("19.2 billion roubles", 19.2e9, "RUB")
    reports = [
        (
            "The central bank revoked the licence of Volga Credit, a lender in Samara, on Tuesday.",
            "Volga Credit held 48,000 deposits worth 19.2 billion roubles, the regulator said.",
        ),
        (
            "Depositors queued outside the closed branches of Volga Credit in Samara on Wednesday.",
            "The regulator said Volga Credit held 48,000 deposits worth 19.2 billion roubles.",
        ),
        (
            "Volga Credit customers will be paid from the deposit insurance fund within two weeks.",
            "Volga Credit had 48,000 deposits with 19.2 billion roubles in them, the regulator said.",
        ),
    ]
    articles = [
        _article(n, "en", f"Outlet {n}", list(summary), entities=[bank], figures=[deposits, roubles])
        for n, summary in enumerate(reports, 1)
    ]
    digest = story_digest(articles, sentences=3)
    # The figure every report repeats is the best-supported sentence, and it is in the digest once...
    assert sum("48,000 deposits" in s.text for s in digest.sentences) == 1
    # ...but the digest opens with the sentence an outlet wrote to say what happened.
    assert digest.sentences[0].text in {lead for lead, _ in reports}


def test_a_sentence_that_opens_with_a_bare_surname_is_left_out():
    diver = Entity(
        id="per-yelena-shirokova", name="Yelena Shirokova", type="PER", names={"ru": "Елена Широкова"}
    )
    lake = Entity(id="loc-baikal", name="Lake Baikal", type="LOC", names={"ru": "Байкал"})

    def story(english: str, russian: str) -> list[Article]:
        return [
            _article(
                1,
                "en",
                "Meridian Daily",
                [
                    "Divers found a new sponge species in Lake Baikal, the institute said on Friday.",
                    english,
                ],
                entities=[diver, lake],
            ),
            _article(
                2,
                "ru",
                "Вестник",
                ["Водолазы нашли на Байкале новый вид губки.", russian],
                entities=[diver, lake],
            ),
        ]

    texts = [
        s.text
        for s in story_digest(
            story(
                "Shirokova said the sponge was found at a depth of 1,200 metres.",
                "Широкова уточнила, что губку нашли на глубине 1 200 метров.",
            ),
            sentences=4,
        ).sentences
    ]
    assert not any(t.startswith(("Shirokova", "Широкова")) for t in texts), texts
    # Named in full, the same sentences stand on their own.
    texts = [
        s.text
        for s in story_digest(
            story(
                "Yelena Shirokova said the sponge was found at a depth of 1,200 metres.",
                "Елена Широкова уточнила, что губку нашли на глубине 1 200 метров.",
            ),
            sentences=4,
        ).sentences
    ]
    assert any(t.startswith(("Yelena Shirokova", "Елена Широкова")) for t in texts), texts


def test_a_bare_surname_may_follow_an_opener_that_names_the_person_in_full():
    diver = Entity(id="per-yelena-shirokova", name="Yelena Shirokova", type="PER")
    lake = Entity(id="loc-baikal", name="Lake Baikal", type="LOC")
    articles = [
        _article(
            1,
            "en",
            "Meridian Daily",
            [
                "Divers led by biologist Yelena Shirokova found a new sponge species in Lake Baikal.",
                "Shirokova said the sponge was found at a depth of 1,200 metres.",
            ],
            entities=[diver, lake],
        ),
        _article(
            2,
            "en",
            "Northgate Herald",
            ["Scientists have described a sponge that lives only in the deepest part of the lake."],
            entities=[lake],
        ),
    ]
    texts = [s.text for s in story_digest(articles, sentences=3).sentences]
    assert texts[0].startswith("Divers led by biologist Yelena Shirokova")
    assert "Shirokova said the sponge was found at a depth of 1,200 metres." in texts


ENGLISH_REPORT = [
    "Traffic on the crossing had been diverted through the old ferry port for eight months.",
    "Local shop owners said the closure had cost them a third of their customers.",
    "Engineers replaced all the steel cables of the suspension span.",
]
RUSSIAN_REPORT = [  # the same three facts, with no name or number to compare
    "Движение по переправе восемь месяцев шло через старый паромный порт.",
    "Владельцы местных магазинов говорят, что закрытие стоило им трети покупателей.",
    "Инженеры заменили все стальные тросы подвесного пролёта.",
]


def _bilingual_story() -> list[Article]:
    return [
        _article(1, "en", "Harbour Post", ENGLISH_REPORT),
        _article(2, "ru", "Вестник", RUSSIAN_REPORT),
    ]


def _facts(digest) -> list[int]:
    return [
        (ENGLISH_REPORT if s.language == "en" else RUSSIAN_REPORT).index(s.text) for s in digest.sentences
    ]


def test_a_digest_in_two_languages_tells_each_fact_once():
    facts = _facts(story_digest(_bilingual_story(), sentences=3))
    assert sorted(facts) == [0, 1, 2]


def test_without_the_sentence_encoder_a_fact_with_no_name_or_number_is_told_twice(monkeypatch):
    import nutgraf.stories.embed as embed

    monkeypatch.setattr(embed, "sentence_vectors", lambda texts: None)
    facts = _facts(story_digest(_bilingual_story(), sentences=3))
    assert len(set(facts)) < len(facts)


KAZAKHSTAN = Entity(id="loc-kazakhstan", name="Kazakhstan", type="LOC", names={"ru": "Казахстан"})
AZERBAIJAN = Entity(id="loc-azerbaijan", name="Azerbaijan", type="LOC", names={"ru": "Азербайджан"})
AKTAU = Entity(id="loc-aktau", name="Aktau", type="LOC", names={"ru": "Актау"})
ABENOV = Entity(id="per-nurlan-abenov", name="Nurlan Abenov", type="PER", names={"ru": "Нурлан Абенов"})
MAMMADLI = Entity(id="per-rauf-mammadli", name="Rauf Mammadli", type="PER", names={"ru": "Рауф Мамедли"})
FERRY_TALKS = [KAZAKHSTAN, AZERBAIJAN, AKTAU, ABENOV, MAMMADLI]


def _report(article_id: int, outlet: str, sentences: list[str], summary: list[int]) -> Article:
    """An article whose stored summary is ``summary`` (indexes into its sentences)."""
    article = _article(article_id, "en", outlet, sentences, entities=FERRY_TALKS)
    article.text = " ".join(sentences)
    article.summary = [sentences[index] for index in summary]
    return article


def test_the_news_both_outlets_report_is_kept_over_filler_their_summaries_chose():
    harbour = [
        "Kazakhstan and Azerbaijan opened talks in Aktau on Monday on the future of the Caspian ferry link.",
        "Transport minister Nurlan Abenov said the two countries would buy four new ferries before the end of the decade.",
        "Deputy prime minister Rauf Mammadli said queues of rail wagons at the port had doubled in a year.",
        "Observers have long noted the growing importance of regional cooperation and shared infrastructure for both sides.",
    ]
    meridian = [
        "Talks on the Caspian ferry corridor began in Aktau, with ministers from Kazakhstan and Azerbaijan at the table.",
        "Commentators described the talks as a sign of growing regional cooperation and a shared ambition for both sides.",
        "Abenov told reporters that four new ferries would join the route before the end of the decade.",
        "Mammadli said the queues of rail wagons waiting at the port had doubled.",
    ]
    # Each summary kept its outlet's filler (no person, figure, date or quote) and left out the news.
    articles = [_report(1, "Harbour Post", harbour, [0, 3]), _report(2, "Meridian Daily", meridian, [0, 1])]
    texts = [s.text for s in story_digest(articles, sentences=3).sentences]
    assert texts[0] in (harbour[0], meridian[0])
    assert any("four new ferries" in t for t in texts) and any("rail wagons" in t for t in texts), texts
    assert not any(t.startswith(("Observers", "Commentators")) for t in texts), texts
    # Filler comes only when the news has been told.
    longer = [s.text for s in story_digest(articles, sentences=4).sentences]
    assert longer[:3] == texts


def test_a_retelling_in_another_language_that_adds_a_detail_is_not_told_again():
    english = [
        "The ferry Tern ran aground near the port of Alat on Sunday.",
        "The port authority said the channel would be dredged next year.",
    ]
    russian = [  # its opening retells the grounding and adds the cargo and the crew
        "Паром «Терн» в воскресенье сел на мель у порта Алят, на его борту находились 40 вагонов с зерном"
        " и 12 членов экипажа.",
        "Экипаж был доставлен на берег спасательным катером.",
    ]
    articles = [_article(1, "en", "Harbour Post", english), _article(2, "ru", "Вестник", russian)]
    texts = [s.text for s in story_digest(articles, sentences=4).sentences]
    assert sum(t in (english[0], russian[0]) for t in texts) == 1, texts
    assert len(texts) == 3, texts  # the other facts are still told


def test_a_one_article_story_is_digested_as_its_summary():
    article = _story()[0]
    digest = story_digest([article], sentences=2)
    assert [s.text for s in digest.sentences] == article.summary[:2]
    assert {s.article_id for s in digest.sentences} == {article.id}


def _stories(folder, tmp_path_factory) -> list[tuple[list[Article], list[str]]]:
    """Each story of ``folder`` ingested: its articles and its digest's sentences (no reader's
    language: the articles' own languages, where a fact could be told twice)."""
    with open_store(tmp_path_factory.mktemp("digest") / "store.db") as store:
        ingest(iter_documents([folder]), store)
        stories = [store.articles_of_story(story.id) for story in store.list_stories()]
    return [(articles, [s.text for s in story_digest(articles).sentences]) for articles in stories]


@pytest.fixture(scope="module")
def seed_stories(tmp_path_factory):
    return _stories(needs_shared("seeds"), tmp_path_factory)


@pytest.fixture(scope="module")
def sample_stories(tmp_path_factory):
    return _stories(sample_corpus(), tmp_path_factory)


def _story_with(stories, words: str) -> list[str]:
    """The digest of the one story whose articles contain ``words``."""
    found = [texts for articles, texts in stories if any(words in a.text for a in articles)]
    assert len(found) == 1
    return found[0]


def test_the_seeds_kremlin_digest_tells_the_re_election_once(seed_stories):
    texts = _story_with(seed_stories, "переизбрания")
    assert {"ru", "en"} <= {"ru" if any("а" <= c <= "я" for c in t) else "en" for t in texts}
    assert sum("переизбран" in t or "re-election" in t for t in texts) <= 1, texts


def test_the_seeds_st_petersburg_digest_keeps_the_news_over_filler(seed_stories):
    texts = _story_with(seed_stories, "Grodno")
    assert any("counteroffensive" in t for t in texts), texts
    assert any("map" in t and "Polish" in t for t in texts), texts
    assert not any(t.startswith("Observers") for t in texts), texts


def test_the_sample_ferry_digest_tells_the_signing_once(sample_stories):
    texts = _story_with(sample_stories, "pledging $1.2 billion for new ships")
    assert sum("signed an agreement" in t or "подписали" in t for t in texts) == 1, texts


def test_no_sample_or_seed_digest_tells_a_fact_twice_across_languages(sample_stories, seed_stories):
    """No two sentences of a digest in different languages are as close as a translation."""
    from nutgraf.stories.embed import SAME_FACT_COSINE
    from nutgraf.summarize.digest import retelling_cosine

    for articles, texts in sample_stories + seed_stories:
        language = {s: a.language for a in articles for s in [*a.summary, *texts] if s in a.text}
        for i, first in enumerate(texts):
            for second in texts[i + 1 :]:
                if language.get(first) != language.get(second):
                    assert retelling_cosine(first, second) < SAME_FACT_COSINE, (first, second)

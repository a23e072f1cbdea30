"""The story timeline: dated events in order, one item per fact across outlets and languages."""

from __future__ import annotations

from datetime import datetime

from nutgraf.model import Article, DateMention, Entity, Figure
from nutgraf.stories import timeline

BRIDGE = Entity(id="loc-varna-bridge", name="Varna Bridge", type="LOC", names={"ru": "Варненский мост"})


def _article(article_id: int, language: str, sentences: list[tuple[str, str, str]], figures=()) -> Article:
    """``sentences``: (text, date phrase inside it, ISO date)."""
    text = " ".join(s for s, _, _ in sentences)
    dates = []
    for sentence, phrase, iso in sentences:
        start = text.index(sentence) + sentence.index(phrase)
        dates.append(
            DateMention(text=phrase, date=iso, certainty="exact", start=start, end=start + len(phrase))
        )
    found = []
    for phrase, value, unit in figures:
        start = text.index(phrase)
        found.append(Figure(text=phrase, value=value, unit=unit, start=start, end=start + len(phrase)))
    return Article(
        id=article_id,
        source=str(article_id),
        text=text,
        title="t",
        language=language,
        content_hash=str(article_id),
        source_key="s",
        outlet=f"outlet {article_id}",
        entities=[BRIDGE],
        dates=dates,
        figures=found,
    )


def test_the_same_dated_fact_from_two_languages_is_one_item_citing_both():
    english = _article(
        1,
        "en",
        [
            (
                "The Varna Bridge closed on 3 May 2026 after engineers found 12 cracked cables.",
                "3 May 2026",
                "2026-05-03",
            ),
            ("Ferries ran a night service on 9 May 2026 for the first time.", "9 May 2026", "2026-05-09"),
        ],
        figures=[("12 cracked cables", 12, "cables")],
    )
    russian = _article(
        2,
        "ru",
        [
            (
                "Варненский мост закрыли 3 мая 2026 года, обнаружив 12 повреждённых тросов.",
                "3 мая 2026 года",
                "2026-05-03",
            )
        ],
        figures=[("12 повреждённых тросов", 12, "cables")],
    )
    items = timeline([english, russian])
    assert [(i["date"], i["article_id"], i["also_article_ids"]) for i in items] == [
        ("2026-05-03", 1, [2]),
        ("2026-05-09", 1, []),
    ]


def test_different_facts_on_one_date_stay_apart():
    first = _article(
        1, "en", [("The Varna Bridge closed on 3 May 2026 for repairs.", "3 May 2026", "2026-05-03")]
    )
    second = _article(
        2, "en", [("A new mayor was sworn in at the town hall on 3 May 2026.", "3 May 2026", "2026-05-03")]
    )
    second.entities = []
    assert [i["article_id"] for i in timeline([first, second])] == [1, 2]


def test_an_item_is_shown_without_its_wire_dateline():
    sentence = "VARNA, Bulgaria, May 3 (Continental Wire) — The Varna Bridge closed on Sunday for repairs."
    wire = _article(1, "en", [(sentence, "May 3", "2026-05-03")])
    (item,) = timeline([wire])
    assert item["text"] == "The Varna Bridge closed on Sunday for repairs."


def test_an_item_is_its_whole_sentence_past_abbreviations():
    sentence = (
        "Огонь охватил около 5,8 тыс. гектаров, тогда как во вторник пожар оценивали в 9 тыс. гектаров."
    )
    report = _article(
        1,
        "ru",
        [
            ("Пожар начался в понедельник.", "в понедельник", "2026-08-03"),
            (sentence, "во вторник", "2026-08-04"),
        ],
    )
    assert [item["text"] for item in timeline([report])] == ["Пожар начался в понедельник.", sentence]


def test_an_event_dated_after_its_report_is_upcoming():
    report = _article(
        1,
        "en",
        [
            ("The Varna Bridge closed on 3 May 2026 for repairs.", "3 May 2026", "2026-05-03"),
            ("It will reopen on 9 May 2026, the mayor said.", "9 May 2026", "2026-05-09"),
        ],
    )
    report.published = datetime(2026, 5, 4, 10)
    items = timeline([report])
    assert [(i["date"], i["kind"], i["upcoming"]) for i in items] == [
        ("2026-05-03", "event", False),
        ("2026-05-04", "published", False),
        ("2026-05-09", "event", True),
    ]


def test_an_item_says_how_much_of_its_date_the_text_gives():
    report = _article(1, "en", [("The bridge will close for a month next week.", "next week", "2026-05-11")])
    report.dates[0].granularity = "week"
    (item,) = timeline([report])
    assert (item["date"], item["granularity"]) == ("2026-05-11", "week")


FERRIES_EN = ("Ferries between the two ports will resume a night service on 9 May 2026.", "9 May 2026")
FERRIES_RU = ("Паромы между двумя портами возобновят ночные рейсы 9 мая 2026 года.", "9 мая 2026 года")
MAYOR_RU = ("Новый мэр города принёс присягу в ратуше 9 мая 2026 года.", "9 мая 2026 года")


def _one_sentence(article_id: int, language: str, sentence: tuple[str, str]) -> Article:
    article = _article(article_id, language, [(*sentence, "2026-05-09")])
    article.entities = []  # nothing shared but the meaning: no entity, no figure
    return article


def test_a_retelling_in_another_language_is_one_item_by_its_meaning():
    items = timeline([_one_sentence(1, "en", FERRIES_EN), _one_sentence(2, "ru", FERRIES_RU)])
    assert [(i["article_id"], i["also_article_ids"]) for i in items] == [(1, [2])]


def test_without_the_sentence_encoder_only_shared_words_entities_and_figures_merge(monkeypatch):
    import nutgraf.stories.embed as embed

    monkeypatch.setattr(embed, "sentence_vectors", lambda texts: None)
    items = timeline([_one_sentence(1, "en", FERRIES_EN), _one_sentence(2, "ru", FERRIES_RU)])
    assert [(i["article_id"], i["also_article_ids"]) for i in items] == [(1, []), (2, [])]


def test_another_fact_of_the_same_date_in_another_language_stays_apart():
    items = timeline([_one_sentence(1, "en", FERRIES_EN), _one_sentence(2, "ru", MAYOR_RU)])
    assert [(i["article_id"], i["also_article_ids"]) for i in items] == [(1, []), (2, [])]


def test_a_merged_fact_is_told_in_the_readers_language_when_an_article_has_it():
    articles = [_one_sentence(1, "en", FERRIES_EN), _one_sentence(2, "ru", FERRIES_RU)]
    (item,) = timeline(articles, language="ru")
    assert (item["article_id"], item["also_article_ids"], item["text"]) == (2, [1], FERRIES_RU[0])
    (item,) = timeline(articles, language="en")
    assert (item["article_id"], item["also_article_ids"]) == (1, [2])


def test_a_retelling_joins_a_fact_through_any_article_that_tells_it():
    """The second Russian report is far from the English sentence shown but close to the first
    Russian report merged under it: it is the same fact, not a new item."""
    english = (
        "The alarm in that part of the museum had been turned off on Friday, May 8, while "
        "electricians worked on the wiring.",
        "May 8",
    )
    first = (
        "Сигнализацию в этой комнате отключили в пятницу, 8 мая, на время ремонта электропроводки.",
        "8 мая",
    )
    second = (
        "Сигнализация в служебной комнате не работала: её отключили в пятницу на время ремонта проводки.",
        "в пятницу",
    )
    articles = [
        _one_sentence(1, "en", english),
        _one_sentence(2, "ru", first),
        _one_sentence(3, "ru", second),
    ]
    items = timeline(articles)
    assert [(i["article_id"], i["also_article_ids"]) for i in items] == [(1, [2, 3])]

"""Quotes go to the right speaker (issue 24): the introducing clause's speaker for a "he said",
another speaker's clause ends a reported statement, no attribution comma in a quote's text; and the
attribution gold (tests/fixtures/quotes_gold.json, scored by bench/quotes.py) holds its figures.

The sentences here are our own; each case failed before the rules it checks."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from helpers import SHARED, needs_shared
from nutgraf.analyze.entities import link_entities
from nutgraf.analyze.quotes import extract_quotes
from nutgraf.lang import SUPPORTED, split_sentences

BENCH = Path(__file__).resolve().parents[2] / "bench" / "quotes.py"
MIN_PRECISION = 0.95
MIN_RECALL = 0.85


def analyse(text: str, language: str, *people: str):
    """Quotes of ``text`` with ``people`` as the recognizer's person spans (every occurrence of
    each string as given: a bare surname not listed is one the recognizer missed)."""
    spans = []
    for name in sorted(people, key=len, reverse=True):
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if not any(s < end and start < e for s, e, _ in spans):
                spans.append((start, end, "PER"))
            start = text.find(name, start + 1)
    _, mentions = link_entities(text, language, sorted(spans))
    quotes = extract_quotes(text, language, mentions, split_sentences(text, language))
    ids = {m.text: m.entity_id for m in mentions}
    return quotes, ids


def direct(quotes):
    return [q for q in quotes if q.kind == "direct"]


# --- 1. "he said" after a quote: the speaker of the clause that introduced it ------------------


def test_he_said_goes_to_the_introducing_speaker_not_the_first_person_named_en():
    text = (
        "Harbour talks ended late on Monday.\n\n"
        "After meeting Harriet Vossberg, Edwin Tallis said the bridge would reopen in May. "
        "“Every week we lose costs the town a market day,” he said."
    )
    quotes, _ = analyse(text, "en", "Harriet Vossberg", "Edwin Tallis")
    (quote,) = direct(quotes)
    assert quote.speaker == "Edwin Tallis"


def test_he_said_goes_to_the_introducing_speaker_not_the_first_person_named_ru():
    text = (
        "Переговоры в порту закончились поздно вечером.\n\n"
        "После встречи с Харриет Фоссберг Эдвин Таллис заявил, что мост откроют в мае. "
        "«Каждая потерянная неделя стоит городу базарного дня», — сказал он."
    )
    quotes, _ = analyse(text, "ru", "Харриет Фоссберг", "Эдвин Таллис")
    (quote,) = direct(quotes)
    assert quote.speaker == "Эдвин Таллис"


def test_a_bare_surname_the_recognizer_missed_still_introduces_the_quote_en():
    # As in the sample corpus: "Mammadli said ... “Every hour...,” he said." with "Mammadli" untagged.
    text = (
        "The deal was signed by Nadia Orsolya, the port's director, and Piet Haverkamp, the shipping minister.\n\n"
        "Haverkamp said the line would carry grain from the spring. "
        "“Every hour we save at the quay is an hour saved for the farmers,” he said."
    )
    quotes, ids = analyse(text, "en", "Nadia Orsolya", "Piet Haverkamp")
    (quote,) = direct(quotes)
    assert quote.speaker_entity_id == ids["Piet Haverkamp"]
    reported = [q for q in quotes if q.kind == "reported"]
    assert [q.speaker_entity_id for q in reported] == [ids["Piet Haverkamp"]]


def test_a_bare_surname_the_recognizer_missed_still_introduces_the_quote_ru():
    text = (
        "Соглашение подписали директор порта Надя Орсоля и министр судоходства Пит Хаверкамп.\n\n"
        "Хаверкамп сообщил, что линия начнёт возить зерно весной. "
        "«Каждый час, сэкономленный на причале, — это час, сэкономленный для фермеров», — сказал он."
    )
    quotes, ids = analyse(text, "ru", "Надя Орсоля", "Пит Хаверкамп")
    (quote,) = direct(quotes)
    assert quote.speaker_entity_id == ids["Пит Хаверкамп"]


# --- 2. A reported statement ends where another speaker's clause begins --------------------------


def test_reported_speech_ends_where_another_speakers_clause_begins_en():
    text = (
        "Mayor Elsa Brandt stated that the flood barrier had held through the night, while Oskar Lindqvist "
        "echoed the assessment, remarking that the pumps had worked without a break."
    )
    quotes, _ = analyse(text, "en", "Elsa Brandt", "Oskar Lindqvist")
    assert [(q.kind, q.speaker, q.text) for q in quotes] == [
        ("reported", "Elsa Brandt", "the flood barrier had held through the night"),
        ("reported", "Oskar Lindqvist", "the pumps had worked without a break."),
    ]


def test_reported_speech_ends_where_another_speakers_clause_begins_ru():
    text = (
        "Мэр Эльза Брандт заявила, что дамба выдержала напор воды, а Оскар Линдквист добавил, "
        "что насосы работали всю ночь без остановки."
    )
    quotes, _ = analyse(text, "ru", "Эльза Брандт", "Оскар Линдквист")
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Эльза Брандт", "дамба выдержала напор воды"),
        ("Оскар Линдквист", "насосы работали всю ночь без остановки."),
    ]


def test_a_person_named_inside_the_statement_does_not_cut_it():
    text = "Elsa Brandt said that the barrier, which Oskar Lindqvist designed, had held through the night."
    quotes, _ = analyse(text, "en", "Elsa Brandt", "Oskar Lindqvist")
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Elsa Brandt", "the barrier, which Oskar Lindqvist designed, had held through the night.")
    ]


# --- 3. No attribution comma in a quote's text --------------------------------------------------


def test_quote_text_drops_the_attribution_comma_and_keeps_its_own_stop_en():
    text = (
        "“Every hour counts for the whole chain,” said Edwin Tallis.\n\n"
        "“Who will pay for the repairs this time?” said Edwin Tallis.\n\n"
        "Edwin Tallis said: “The bridge opens again in May.”"
    )
    quotes, _ = analyse(text, "en", "Edwin Tallis")
    assert [q.text for q in quotes] == [
        "Every hour counts for the whole chain",
        "Who will pay for the repairs this time?",
        "The bridge opens again in May.",
    ]


def test_quote_text_drops_the_attribution_comma_ru():
    text = "«Мы готовы ко всему, что принесёт весна,» — сказал Эдвин Таллис."
    quotes, _ = analyse(text, "ru", "Эдвин Таллис")
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Эдвин Таллис", "Мы готовы ко всему, что принесёт весна")
    ]


# --- Other rules the gold needed -----------------------------------------------------------------


def test_a_quotation_going_on_after_its_attribution_is_the_same_speakers():
    text = (
        "“We knew the river would come back this spring,” Edwin Tallis said in a statement. "
        "“We did not know it would come back this fast.”"
    )
    quotes, _ = analyse(text, "en", "Edwin Tallis")
    assert [q.speaker for q in quotes] == ["Edwin Tallis", "Edwin Tallis"]


def test_a_role_description_points_back_to_the_person_with_that_role():
    text = (
        "Соглашение подписали министр транспорта Нурия Сафина и вице-премьер Тимур Алиев.\n\n"
        "«Водитель должен знать, в какой день его груз пересечёт море», — заявил вице-премьер.\n\n"
        "Министр также заявила, что тендеры на терминалы объявят в апреле."
    )
    quotes, _ = analyse(text, "ru", "Нурия Сафина", "Тимур Алиев")
    assert [(q.kind, q.speaker) for q in quotes] == [("direct", "Тимур Алиев"), ("reported", "Нурия Сафина")]


def test_scare_quotes_do_not_stop_reported_speech():
    text = "Игорь Седов отметил, что спутник закроет «слепые зоны» над северными морями."
    (quote,), _ = analyse(text, "ru", "Игорь Седов")
    assert quote.kind == "reported" and quote.speaker == "Игорь Седов"
    assert quote.text.startswith("спутник закроет")


def test_a_statement_attributed_at_the_end_of_its_sentence():
    text = (
        "Выплаты вкладчикам начнутся через две недели, сообщил заместитель директора фонда Андрей Лапин.\n\n"
        "The bridge will reopen to lorries in the middle of May, said Edwin Tallis."
    )
    ru, _ = analyse(text.split("\n\n")[0], "ru", "Андрей Лапин")
    en, _ = analyse(text.split("\n\n")[1], "en", "Edwin Tallis")
    assert [(q.speaker, q.text) for q in ru + en] == [
        ("Андрей Лапин", "Выплаты вкладчикам начнутся через две недели"),
        ("Edwin Tallis", "The bridge will reopen to lorries in the middle of May"),
    ]


def test_the_subject_is_the_name_next_to_the_verb_not_a_modifier_or_a_relative_clause():
    text = (
        "Kestrel manager Gary Whitlock admitted his side had been second best on the day. "
        "Henman, who now faces Igor Andreev in the last 16, admitted it had been hard to play on grass."
    )
    quotes, _ = analyse(text, "en", "Kestrel", "Gary Whitlock", "Henman", "Igor Andreev")
    assert [q.speaker for q in quotes] == ["Gary Whitlock", "Henman"]


def test_a_statement_by_someone_unnamed_gives_she_no_name():
    text = (
        "Maureen Tate filed the complaint in March.\n\n"
        "A spokeswoman for the regulator said it was examining one complaint. "
        "“We are investigating one of the complaints where evidence was given,” she said."
    )
    quotes, _ = analyse(text, "en", "Maureen Tate")
    assert [q.speaker for q in direct(quotes)] == [None]


# --- The gold -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_quotes", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def sample_scores(bench):
    gold, _notes = bench.load_gold(bench.GOLD, None)
    return bench.score(gold, bench.sample_articles())


def _assert_figures(tally, label):
    assert tally.gold > 0, label
    assert tally.precision >= MIN_PRECISION, (label, tally)
    assert tally.recall >= MIN_RECALL, (label, tally)


@pytest.mark.slow
def test_gold_figures_on_the_sample_corpus(sample_scores):
    for language in SUPPORTED:
        _assert_figures(sample_scores.total("samples", language), language)
    _assert_figures(sample_scores.total("samples"), "samples")


@pytest.mark.slow
def test_the_gold_is_large_enough_in_every_language(bench):
    gold, _notes = bench.load_gold(bench.GOLD, SHARED if SHARED.is_dir() else None)
    entries = json.loads(bench.GOLD.read_text(encoding="utf-8"))["quotes"]
    assert len(entries) >= 60
    assert {e["language"] for e in entries} == set(SUPPORTED)
    assert all(("text" in e) != ("span" in e) for e in entries)
    assert all("span" in e for e in entries if e["article"].startswith("seeds/"))  # no seed text here
    assert len(gold) <= len(entries)


@pytest.mark.slow
def test_every_hour_goes_to_mammadli_in_the_sample_corpus(bench):
    articles = bench.sample_articles()
    found = [
        q
        for a in articles.values()
        for q in a.quotes
        if q.text.startswith("Every hour we save at the port") and a.language == "en"
    ]
    assert found and all(q.speaker and q.speaker.endswith("Mammadli") for q in found)
    assert all(not q.text.endswith(",") for q in found)


@pytest.mark.slow
def test_gold_figures_with_the_seeds(bench, sample_scores):
    seeds = needs_shared("seeds")
    gold, notes = bench.load_gold(bench.GOLD, seeds.parent)
    assert not [n for n in notes if "hash differs" in n], notes
    combined = bench.Scored(tallies=dict(sample_scores.tallies))
    scored = bench.score([g for g in gold if g.part == "seeds"], bench.seed_articles(seeds), combined)
    for language in SUPPORTED:
        _assert_figures(scored.total(language=language), language)
    _assert_figures(scored.total(), "all")


@pytest.mark.slow
def test_seed_001_putin_and_lukashenko_statements_are_apart(bench):
    seeds = needs_shared("seeds")
    articles = bench.seed_articles(seeds)
    article = next(a for key, a in articles.items() if key.startswith("seeds/001"))
    by_speaker = {}
    for quote in article.quotes:
        by_speaker.setdefault((quote.speaker or "").split()[-1], []).append(quote.text)
    assert by_speaker.get("Lukashenko"), by_speaker
    assert not any("Lukashenko" in text for text in by_speaker.get("Putin", []))

"""What NER calls a name and is none (issue 27, "Entity hygiene"): titles, nationality words, a common
word capitalised by its place, the punctuation and line breaks a span runs over, and a headline in
title case. ``name_spans`` (which ``recognize`` applies to the model's spans) is given the spans
(the NER models' mistakes, written out), except in the end-to-end tests, which run the real
recognizer; spans given as gold are linked as they are."""

from __future__ import annotations

import pytest

from nutgraf.analyze import recognize
from nutgraf.analyze.entities import demonyms, link_entities, name_spans, ner_text


def mentions_of(text: str, language: str, *names: tuple[str, str]) -> list[tuple[str, str]]:
    """(surface, type) of the mentions kept of NER spans at the first occurrence of each (surface,
    label) pair."""
    spans = []
    for surface, label in names:
        start = text.index(surface)
        spans.append((start, start + len(surface), label))
    _, mentions = link_entities(text, language, name_spans(text, language, sorted(spans)))
    return [(m.text, m.type) for m in mentions]


def test_a_mention_made_of_role_words_is_a_title():
    text = "Andrei Manoylo, Political Scientist, Professor at Lomonosov Moscow State University, said so."
    found = mentions_of(
        text,
        "en",
        ("Andrei Manoylo", "PER"),
        ("Political Scientist", "ORG"),
        ("Lomonosov Moscow State University", "ORG"),
    )
    assert found == [("Andrei Manoylo", "PER"), ("Lomonosov Moscow State University", "ORG")]


def test_a_surname_that_is_a_role_word_stays_a_person():
    text = "Stephen King wrote it. Later, King said so."
    assert name_spans(text, "en", [(0, 12, "PER"), (30, 34, "PER")]) == [(0, 12, "PER"), (30, 34, "PER")]
    text = "Later, the King said so."  # no one named King: the title
    assert mentions_of(text, "en", ("King", "PER")) == []


def test_trailing_punctuation_and_unmatched_marks_leave_the_span():
    text = "said Aigerim Sadykova, transport economist at the Almaty Institute of Logistics:\n\nMore."
    assert ("Almaty Institute of Logistics", "ORG") in mentions_of(
        text, "en", ("Almaty Institute of Logistics:", "ORG")
    )
    text = "сообщили в НПО «Северный контур», где был создан спутник."
    assert mentions_of(text, "ru", ("НПО «Северный контур", "ORG")) == [("Северный контур", "ORG")]
    text = "После аварии «Ширван Стар» все паромы проверят."
    assert mentions_of(text, "ru", ("«Ширван Стар»", "ORG")) == [("Ширван Стар", "ORG")]
    text = 'Партия Техрик-э-Лабаик Пакистан" (ТЛП) вышла на улицы.'
    assert mentions_of(text, "ru", ('Техрик-э-Лабаик Пакистан" (ТЛП)', "ORG")) == [
        ("Техрик-э-Лабаик Пакистан", "ORG")
    ]


def test_a_span_never_runs_over_a_line_break():
    text = "Паромный коридор Актау — Алят\n\nКазахстан и Азербайджан договорились."
    found = mentions_of(text, "ru", ("Алят\n\nКазахстан", "LOC"))
    assert found == [("Алят", "LOC"), ("Казахстан", "LOC")]


def test_nationality_words_are_no_names():
    text = "Kazakh and Azerbaijani officials order ferry inspections after the grounding."
    assert mentions_of(text, "en", ("Kazakh", "ORG"), ("Azerbaijani", "PER")) == []
    text = (
        "The Kazakh transport ministry said so, and Azerbaijani Deputy Prime Minister Rauf Mammadli agreed."
    )
    found = mentions_of(
        text,
        "en",
        ("Kazakh transport ministry", "ORG"),
        ("Azerbaijani Deputy Prime Minister", "PER"),
        ("Rauf Mammadli", "PER"),
    )
    assert found == [("Rauf Mammadli", "PER")]


def test_nationality_words_are_derived_from_the_alias_tables_places():
    english = demonyms("en")
    assert {"kazakh", "azerbaijani", "ukrainian", "chinese", "german", "swedish", "belarusian"} <= english
    assert {"french", "dutch"} <= english  # irregular: listed
    assert not {"caspian", "kazakhstan", "russia"} & english  # curated names are names
    assert {"kazakh", "azerbaïdjanais", "russe", "ukrainienne", "chinois"} <= demonyms("fr")
    assert {"казах", "казахский", "азербайджанец", "российский", "иркутский"} <= demonyms("ru")


def test_russian_capitalises_a_nationality_word_only_where_a_sentence_opens():
    text = "Иркутские учёные описали новый вид губки."
    assert mentions_of(text, "ru", ("Иркутские", "LOC")) == []
    text = "В суде выступил Покровский."  # a surname, which Russian place adjectives give
    assert mentions_of(text, "ru", ("Покровский", "PER")) == [("Покровский", "PER")]


@pytest.mark.parametrize(
    ("text", "language", "surface", "label"),
    [
        ("Ferry operators must submit their vessels. The cargo ferry ran aground.", "en", "Ferry", "PER"),
        ("Ships were checked.\n\nSailings on the route resumed on Tuesday.", "en", "Sailings", "PER"),
        ("Pale sponge from the deep is new to science, researchers say", "en", "Pale", "ORG"),
        ("Паводок в Ишиме пошёл на спад. К утру вода ушла.", "ru", "Паводок", "PER"),
        ("Environ 8 000 personnes ont dû quitter leur domicile.", "fr", "Environ", "LOC"),
        ("Если вы заметили ошибку, выделите её.", "ru", "Если вы", "ORG"),
    ],
)
def test_a_common_word_capitalised_by_its_place_is_no_name(text, language, surface, label):
    assert mentions_of(text, language, (surface, label)) == []


def test_a_name_that_opens_a_sentence_stays_a_name():
    text = "Kestrel, who had reached the final, lost. Reid pulled one back for Kestrel."
    assert ("Kestrel", "ORG") in mentions_of(text, "en", ("Kestrel", "ORG"))
    assert mentions_of("Rosneft said it would sell.", "en", ("Rosneft", "ORG")) == [("Rosneft", "ORG")]
    assert mentions_of("Mercedes said.", "en", ("Mercedes", "ORG")) == [("Mercedes", "ORG")]
    assert mentions_of("LEEDS, June 2 — Plant to close.", "en", ("LEEDS", "LOC")) == [("LEEDS", "LOC")]


def test_a_cased_text_capitalises_its_names():
    text = "The 2,150 kg spacecraft separated from its upper stage."
    assert mentions_of(text, "en", ("kg spacecraft", "PER")) == []


def test_english_names_end_capitalised():
    text = "Warnings were issued along the Pacific coast and by the Kazan city police."
    found = mentions_of(text, "en", ("Pacific coast", "LOC"), ("Kazan city", "LOC"))
    assert found == [("Pacific", "LOC"), ("Kazan", "LOC")]
    text = "Le Centre fédéral de météorologie polaire recevra les données."
    found = mentions_of(text, "fr", ("Centre fédéral de météorologie polaire", "ORG"))
    assert found == [("Centre fédéral de météorologie polaire", "ORG")]


def test_a_place_does_not_open_with_a_function_word():
    text = "« Les éponges du Baïkal sont d'ordinaire vertes », dit-elle."
    assert mentions_of(text, "fr", ("du Baïkal", "LOC")) == [("Baïkal", "LOC")]


HEADLINE = "Belarus Talks in St. Petersburg Highlight Union State Ties"
BODY = (
    "In St. Petersburg, Belarusian President Alexander Lukashenko met his counterpart. The talks "
    "covered the Union State and its budget. Officials said the ties would highlight trade."
)


def test_spans_given_as_gold_are_linked_as_they_are():
    text = "Ряд пакистанцев вышел на улицы."  # BSNLP's gold counts nationality words as persons
    _, mentions = link_entities(text, "ru", [(4, 15, "PER")])
    assert [m.text for m in mentions] == ["пакистанцев"]
    assert name_spans(text, "ru", [(4, 15, "PER")]) == []


def test_a_title_case_headline_is_read_in_sentence_case():
    text = f"{HEADLINE}\n\n{BODY}"
    view = ner_text(text, "en")
    assert len(view) == len(text)
    assert view.startswith("Belarus talks in St. Petersburg highlight Union State ties\n\n")
    assert view[len(HEADLINE) :] == text[len(HEADLINE) :]
    sentence_case = "Russia and Belarus sign a deal in Minsk\n\nThe deal was signed."
    assert ner_text(sentence_case, "en") == sentence_case
    assert ner_text(HEADLINE, "en") == HEADLINE  # no body to say which words are names


def test_no_mention_of_a_title_case_headline_spans_its_words():
    text = f"{HEADLINE}\n\n{BODY}"
    spans = recognize([text], "en")[0]
    _, mentions = link_entities(text, "en", spans)
    in_headline = [m.text for m in mentions if m.end <= len(HEADLINE)]
    assert "St. Petersburg" in in_headline
    assert all(name in ("Belarus", "St. Petersburg", "Union State") for name in in_headline), in_headline

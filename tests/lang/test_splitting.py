"""Sentence splitting: cased text as the language splitters cut it, and text without case or stops
(lower-cased, all-caps, unpunctuated) still cut into sentences or clause-sized pieces (issue 24)."""

from __future__ import annotations

import hashlib
import json
import re
import statistics
from pathlib import Path

import pytest

from helpers import needs_shared
from nutgraf.clean import extract
from nutgraf.ingest import iter_documents
from nutgraf.lang import (
    IMPLAUSIBLE_WORDS,
    MAX_PIECE_WORDS,
    MIN_PIECE_WORDS,
    get_language,
    paragraphs,
    split_sentences,
)
from nutgraf.model import RawDocument
from nutgraf.pipeline import prepare

FROZEN = Path(__file__).resolve().parent.parent / "fixtures" / "samples_sentences.json"
"""The sample corpus's sentences as the splitter cut them before issue 24 (counts and hashes of
their offsets; regenerate only for a deliberate change to cased splitting)."""
NO_STOPS = re.compile(r"[.!?…;:,\"“”«»„]")


def texts(text: str, language: str) -> list[str]:
    return [s.text for s in split_sentences(text, language)]


def words(text: str) -> int:
    return len(text.split())


def without_stops(text: str) -> str:
    return re.sub(r"[ \t]+", " ", NO_STOPS.sub("", text))


def splitter_alone(text: str, language: str) -> list[tuple[int, int, int]]:
    """What ``split_sentences`` returned before issue 24: each paragraph as its language's splitter cuts it."""
    module = get_language(language)
    found = []
    for number, (p_start, p_end) in enumerate(paragraphs(text)):
        paragraph = text[p_start:p_end]
        for start, end in module.split_sentences(paragraph):
            chunk = paragraph[start:end]
            if chunk.strip():
                begin = p_start + start + len(chunk) - len(chunk.lstrip())
                found.append((begin, begin + len(chunk.strip()), number))
    return found


@pytest.fixture(scope="module")
def sample_articles(samples):
    articles = []
    for document in iter_documents(sorted(samples.glob("*"))):
        if isinstance(document, RawDocument):
            article = prepare(document, extract(document))
            if article.text:
                articles.append((document.origin.replace(f"{samples}/", ""), article))
    assert len(articles) >= 40
    return articles


# --- Lower-cased and all-caps text ---------------------------------------------------------------

LOWER_EN = (
    "the harbour authority reopened the north pier on monday after three weeks of repairs. "
    "mr. okafor, who runs the ferry office, said bookings were back to normal by 5 p.m. on the first day. "
    "the work cost the u.s. operator about $2.4 million, according to a filing dated jan. 12. "
    "will the south pier follow? officials said it would close in the spring."
)


def test_lower_cased_english_is_split_at_its_stops_and_not_after_abbreviations():
    assert texts(LOWER_EN, "en") == [
        "the harbour authority reopened the north pier on monday after three weeks of repairs.",
        "mr. okafor, who runs the ferry office, said bookings were back to normal by 5 p.m. on the first day.",
        "the work cost the u.s. operator about $2.4 million, according to a filing dated jan. 12.",
        "will the south pier follow?",
        "officials said it would close in the spring.",
    ]


def test_tokenised_lower_cased_text_keeps_its_closing_quotes():
    text = (
        "the mayor said : `` we will rebuild the pier . '' she spoke to reporters at the harbour . "
        "`` it will take a year , '' an engineer said ."
    )
    assert texts(text, "en") == [
        "the mayor said : `` we will rebuild the pier . ''",
        "she spoke to reporters at the harbour .",
        "`` it will take a year , '' an engineer said .",
    ]


def test_all_caps_text_is_not_cut_after_every_abbreviation():
    text = (
        "PORTSMOUTH (HARBOUR WIRE) — OFFICIALS SAID MR. OKAFOR MET THE McALLISTER FAMILY ON TUESDAY. "
        "THE TALKS ENDED AT 5 P.M., SEE www.harbour.example. A DEAL IS EXPECTED IN JAN. NEXT YEAR."
    )
    assert texts(text, "en") == [
        "PORTSMOUTH (HARBOUR WIRE) — OFFICIALS SAID MR. OKAFOR MET THE McALLISTER FAMILY ON TUESDAY.",
        "THE TALKS ENDED AT 5 P.M., SEE www.harbour.example.",
        "A DEAL IS EXPECTED IN JAN. NEXT YEAR.",
    ]


def test_lower_cased_and_all_caps_russian_keep_razdel_abbreviations():
    text = (
        "в порту заявили, что ремонт причала завершён. на нём работают 2 тыс. человек, т. е. вдвое больше, "
        "чем в 2020 г. в мае. по словам проф. иванова, причал прослужит полвека."
    )
    expected = [
        "в порту заявили, что ремонт причала завершён.",
        "на нём работают 2 тыс. человек, т. е. вдвое больше, чем в 2020 г. в мае.",
        "по словам проф. иванова, причал прослужит полвека.",
    ]
    assert texts(text, "ru") == expected
    assert texts(text.upper(), "ru") == [sentence.upper() for sentence in expected]


# --- Text without stops --------------------------------------------------------------------------

UNPUNCTUATED = (
    "the ferry left the harbour at dawn carrying four hundred passengers and sixty lorries "
    "which had waited two days for the storm to pass and the crew said the crossing was calm "
    "although the captain warned that the next sailing could be delayed because the port of "
    "arrival had not yet cleared the wreck that blocked its southern channel since last week "
    "so the operator advised travellers to check the timetable before setting out"
)


@pytest.mark.parametrize("language", ["en", "ru", "xx"])
def test_text_without_stops_is_cut_into_clause_sized_pieces(language):
    text = UNPUNCTUATED if language != "ru" else UNPUNCTUATED_RU
    pieces = split_sentences(text, language)
    assert len(pieces) >= 2
    for piece in pieces:
        assert piece.text == text[piece.start : piece.end]
        assert MIN_PIECE_WORDS <= words(piece.text) <= MAX_PIECE_WORDS
    assert " ".join(p.text for p in pieces).split() == text.split()


UNPUNCTUATED_RU = (
    "паром вышел из гавани на рассвете с четырьмя сотнями пассажиров и шестьюдесятью грузовиками "
    "которые два дня ждали окончания шторма и экипаж сообщил что переход прошёл спокойно хотя капитан "
    "предупредил что следующий рейс может задержаться потому что порт прибытия ещё не убрал обломки "
    "которые с прошлой недели перекрывают его южный фарватер поэтому перевозчик советует пассажирам "
    "проверить расписание перед выездом"
)


def test_english_clauses_are_cut_at_clause_openers():
    starts = [piece.split()[0] for piece in texts(UNPUNCTUATED, "en")[1:]]
    assert set(starts) <= {"which", "and", "although", "because", "so", "since"}


def test_a_capitalised_stopword_in_cased_text_without_stops_starts_a_piece():
    text = (
        "The council met on Monday to discuss the closure of the ferry office on the north pier "
        "and the future of the staff who work there The mayor said the office would stay open until "
        "the end of the year while a new site was found for the ticket desk"
    )
    assert [p.split()[0] for p in texts(text, "en")] == ["The", "The"]


def test_an_implausibly_long_cased_span_is_cut_at_its_line_breaks():
    items = [
        f"- Berth {n} reopened for cargo ships of up to {n} thousand tonnes after repairs"
        for n in range(1, 11)
    ]
    text = "\n".join(items)
    assert words(text) > IMPLAUSIBLE_WORDS
    pieces = texts(text, "en")
    assert all(words(piece) <= MAX_PIECE_WORDS for piece in pieces)
    assert all(piece.startswith("- Berth") for piece in pieces)


def test_a_long_cased_sentence_with_stops_is_left_whole():
    sentence = (
        "The harbour authority, which has run the port since 1998 and employs more than four hundred "
        "people across its three sites, said on Monday that it would spend the next two years rebuilding "
        "the north pier, the ferry terminal and the road that links them to the motorway."
    )
    assert MAX_PIECE_WORDS < words(sentence) <= IMPLAUSIBLE_WORDS
    assert texts(sentence, "en") == [sentence]
    assert texts(sentence.lower(), "en") == [sentence.lower()]


# --- The sample corpus ---------------------------------------------------------------------------


def test_cased_sample_corpus_splits_as_before(sample_articles):
    frozen = json.loads(FROZEN.read_text(encoding="utf-8"))
    compared = 0
    for origin, article in sample_articles:
        found = [(s.start, s.end, s.paragraph) for s in split_sentences(article.text, article.language)]
        assert found == splitter_alone(article.text, article.language), origin
        expected = frozen[origin]
        if hashlib.sha256(article.text.encode()).hexdigest()[:16] != expected["text_sha256"]:
            continue  # cleaning changed this text since the expectation was frozen
        spans = ";".join(f"{start},{end},{paragraph}" for start, end, paragraph in found)
        assert len(found) == expected["sentences"], origin
        assert hashlib.sha256(spans.encode()).hexdigest()[:16] == expected["spans_sha256"], origin
        compared += 1
    assert compared >= len(frozen) // 2, (
        "cleaning changed most sample texts: regenerate samples_sentences.json"
    )


@pytest.mark.parametrize("form", ["lower", "upper", "no stops"])
def test_sample_corpus_without_case_or_stops_splits_into_plausible_pieces(sample_articles, form):
    change = {"lower": str.lower, "upper": str.upper, "no stops": without_stops}[form]
    longest = MAX_PIECE_WORDS if form == "no stops" else IMPLAUSIBLE_WORDS
    for origin, article in sample_articles:
        text = change(article.text)
        pieces = [words(s.text) for s in split_sentences(text, article.language)]
        assert max(pieces) <= longest, origin
        if words(text) > 2 * MAX_PIECE_WORDS:
            assert len(pieces) >= words(text) / MAX_PIECE_WORDS, origin
        assert (
            MIN_PIECE_WORDS <= statistics.median(pieces) <= (30 if form != "no stops" else MAX_PIECE_WORDS)
        ), origin


@pytest.mark.parametrize("form", ["lower", "upper"])
def test_sample_corpus_without_case_splits_as_the_cased_text(sample_articles, form):
    change = str.lower if form == "lower" else str.upper
    agree = total = 0
    for _origin, article in sample_articles:
        cased = {s.end for s in split_sentences(article.text, article.language)}
        uncased = {s.end for s in split_sentences(change(article.text), article.language)}
        agree += len(cased & uncased)
        total += len(cased | uncased)
    assert agree / total >= 0.97


def test_lower_cased_cnn_dailymail_is_split_into_sentences():
    path = needs_shared("eval", "summarization", "cnndm-summeval-en.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()[:40]
    for line in lines:
        text = json.loads(line)["text"].lower()
        pieces = [words(s.text) for s in split_sentences(text, "en")]
        assert len(pieces) >= words(text) / MAX_PIECE_WORDS
        assert max(pieces) <= IMPLAUSIBLE_WORDS


def test_a_paragraph_that_opens_with_a_web_address_is_not_split_at_its_dots():
    """A page's source line, tokenised as some corpora give it, is a link, not lower-case prose."""
    line = "http: / / www. harbour - post. example / 2026 / 03 / ferry - talks - resume"
    assert texts(line, "en") == [line]
    assert texts("www. harbour - post. example / ferry", "en") == ["www. harbour - post. example / ferry"]

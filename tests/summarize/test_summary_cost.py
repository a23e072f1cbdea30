"""A summary's cost is linear in the article and bounded whatever its length (issue 23, item 4):
counted in operations, not timed, so that a slow machine cannot make these tests flaky."""

from __future__ import annotations

import importlib

from nutgraf.model import Sentence
from nutgraf.summarize import article, select_sentences, summarize_sentences

PEOPLE = ("Wilhelmina Castellano", "Oskar Brannagh")


def _sentences(texts: list[str]) -> list[Sentence]:
    sentences, position = [], 0
    for number, text in enumerate(texts):
        sentences.append(Sentence(text, position, position + len(text), number // 4))
        position += len(text) + 1
    return sentences


def _surname_openers(count: int) -> list[Sentence]:
    """An article where every other sentence opens with a surname whose person is never named in
    full: the worst case for finding who introduced them."""
    texts = []
    for number in range(count):
        if number % 2:
            texts.append(f"Castellano said the harbour board had met {number} times about the ferry fares.")
        else:
            texts.append(f"The council published its {number}th report on the state of the northern quay.")
    return texts


def _count_full_name_checks(monkeypatch, sentences: list[Sentence]) -> int:
    calls = 0
    original = article._names_in_full

    def counting(words, keys):
        nonlocal calls
        calls += 1
        return original(words, keys)

    monkeypatch.setattr(article, "_names_in_full", counting)
    select_sentences(sentences, title="Harbour board meets", language="en", people=PEOPLE)
    monkeypatch.setattr(article, "_names_in_full", original)
    return calls


def test_finding_who_introduced_a_surname_is_linear(monkeypatch):
    small = _count_full_name_checks(monkeypatch, _sentences(_surname_openers(400)))
    large = _count_full_name_checks(monkeypatch, _sentences(_surname_openers(800)))
    assert small > 0
    assert large <= 2.5 * small, (small, large)  # quadratic would be 4x


def test_the_introduction_is_still_found_and_kept_with_its_surname():
    texts = [
        "The harbour board met on Monday to discuss the ferry fares for the coming winter season.",
        "Wilhelmina Castellano, who chairs the harbour board, opened the meeting with a warning.",
        "The board then heard from the operators of the three ferry lines that serve the island.",
        "Castellano said the ferry fares would rise by a tenth from January unless the council paid.",
    ]
    sentences = _sentences(texts)
    assert article._introductions(sentences, PEOPLE) == {3: 1}
    summary = summarize_sentences(
        sentences,
        title="Ferry fares to rise, Castellano warns",
        language="en",
        count=3,
        people=PEOPLE,
        params=article.SummaryParams(lead=0.0, position=0.0),  # free to reach the fourth sentence
    )
    assert texts[3] in summary and texts[1] in summary


def test_a_summary_reads_only_the_opening_of_a_huge_article(monkeypatch):
    """Sentences past ``MAX_SUMMARY_CHARS`` are neither scored nor chosen, even the one that matches
    the headline best; the summary of the opening is the summary of the article."""
    filler = "The council published another report on the state of the northern quay and its cranes."
    count = 2 * article.MAX_SUMMARY_CHARS // (len(filler) + 1)
    texts = [filler] * count
    texts[-5] = "Harbour ferry fares will rise by a tenth from January, the harbour board said on Monday."
    sentences = _sentences(texts)
    assert sentences[-1].end > 2 * article.MAX_SUMMARY_CHARS - 200
    scored: list[int] = []
    original = article.sentence_terms

    def recording(texts, language):
        scored.append(sum(len(text) for text in texts))
        return original(texts, language)

    monkeypatch.setattr(article, "sentence_terms", recording)
    chosen = select_sentences(sentences, title="Harbour ferry fares to rise", language="en", people=PEOPLE)
    assert chosen and all(sentences[index].start < article.MAX_SUMMARY_CHARS for index in chosen)
    assert scored and scored[0] <= article.MAX_SUMMARY_CHARS + 100


def test_one_endless_sentence_is_read_only_up_to_the_cap(monkeypatch):
    """A page without a full stop is one sentence: its words are not all stemmed and counted."""
    endless = " ".join(["harbour"] * (article.MAX_SUMMARY_CHARS // 4))
    sentences = [Sentence("The port reopened.", 0, 18, 0), Sentence(endless, 19, 19 + len(endless), 0)]
    seen: list[int] = []
    original = article.sentence_terms

    def recording(texts, language):
        seen.append(max(len(text) for text in texts))
        return original(texts, language)

    monkeypatch.setattr(article, "sentence_terms", recording)
    select_sentences(sentences, title="Port", language="en")
    assert seen and seen[0] <= article.MAX_SUMMARY_CHARS


def test_a_fallback_sentence_as_long_as_the_page_is_shown_cut():
    """Every sentence filtered (here: one endless one), the summary falls back to the lead, cut."""
    summarize_package = importlib.import_module("nutgraf.summarize")  # the package, not its function

    endless = " ".join(["harbour"] * summarize_package.MAX_SHOWN_CHARS)
    [shown] = summarize_sentences([Sentence(endless, 0, len(endless), 0)], title="Port", language="en")
    assert shown.endswith("…") and len(shown) <= summarize_package.MAX_SHOWN_CHARS + 1
    assert endless.startswith(shown[:-1])

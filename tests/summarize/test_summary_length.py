"""A summary is never more than the sentences asked for, nor longer than 120 words for three (issue 24),
whatever the case or punctuation of the text: lower-cased, all-caps and unpunctuated versions of the
sample corpus, and real sentences that add up to more."""

from __future__ import annotations

import re

import pytest

import nutgraf
from nutgraf.clean import extract
from nutgraf.ingest import iter_documents
from nutgraf.lang import SUPPORTED, split_sentences
from nutgraf.model import RawDocument
from nutgraf.pipeline import prepare
from nutgraf.summarize import MAX_SUMMARY_WORDS, summarize_sentences

NO_STOPS = re.compile(r"[.!?…;:,\"“”«»„]")
FORMS = {
    "lower": str.lower,
    "upper": str.upper,
    "no stops": lambda text: re.sub(r"[ \t]+", " ", NO_STOPS.sub("", text)),
}


def words(sentences: list[str]) -> int:
    return sum(len(sentence.split()) for sentence in sentences)


@pytest.fixture(scope="module")
def sample_texts(samples):
    texts = []
    for document in iter_documents(sorted(samples.glob("*"))):
        if isinstance(document, RawDocument):
            article = prepare(document, extract(document))
            if article.text:
                texts.append((document.origin, article.text))
    assert len(texts) >= 40
    return texts


@pytest.mark.parametrize("form", sorted(FORMS))
def test_one_shot_summary_of_sample_corpus_without_case_or_stops_is_short(sample_texts, form):
    languages = set()
    for origin, text in sample_texts:
        variant = FORMS[form](text)
        # the one-shot API as a user calls it (it finds the people named); without NER for the other forms
        summary = (
            nutgraf.summarize(variant, sentences=3)
            if form == "lower"
            else nutgraf.summarize(variant, sentences=3, people=())
        )
        languages.add(summary.language)
        assert 1 <= len(summary.sentences) <= 3, origin
        assert words(summary.sentences) <= MAX_SUMMARY_WORDS, (origin, summary.sentences)
        assert words(summary.sentences) < 0.8 * len(variant.split()), origin  # never the whole article
    assert languages == set(SUPPORTED)


LONG_SENTENCES = [
    "The harbour authority said on Monday that it would spend the next two years rebuilding the north "
    "pier, the ferry terminal and the road that links them to the motorway, after engineers found that "
    "the foundations laid in the nineteenth century had been weakened by three winters of storms.",
    "Ferry operators, who carry about four hundred thousand passengers a year between the port and the "
    "islands, said they would move their sailings to the south pier while the work went on, though "
    "they warned that the smaller berth there could not take their two largest vessels at low tide.",
    "Local businesses, many of which depend on day visitors arriving by ferry in the summer months, "
    "asked the authority to phase the work so that at least one passenger berth stays open at every "
    "tide, and said they would write to the regional transport minister to ask for help with the cost.",
]


def test_real_sentences_that_add_up_to_more_than_120_words_are_capped():
    text = " ".join(LONG_SENTENCES)
    assert all(40 < len(sentence.split()) <= 70 for sentence in LONG_SENTENCES)
    sentences = split_sentences(text, "en")
    assert [s.text for s in sentences] == LONG_SENTENCES
    shown = summarize_sentences(sentences, title="Harbour to rebuild north pier", language="en", count=3)
    assert 1 <= len(shown) < 3
    assert words(shown) <= MAX_SUMMARY_WORDS
    assert shown[0] == LONG_SENTENCES[0]


def test_a_lone_sentence_over_the_limit_is_cut_after_a_word():
    from nutgraf.model import Sentence

    text = " ".join(f"word{n}" for n in range(150)) + "."
    shown = summarize_sentences([Sentence(text, 0, len(text), 0)], title=None, language="en", count=3)
    assert len(shown) == 1
    assert len(shown[0].split()) == MAX_SUMMARY_WORDS
    assert shown[0].endswith("word119…")

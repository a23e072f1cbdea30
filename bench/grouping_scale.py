"""Story grouping at scale: time to add one article, and memory per stored article, at 10k and 100k.

Synthetic articles, generated as ``Features`` directly (no NER or cleaning, so that only grouping is
measured), shaped like real ones:

- English and Russian (about half each; a third of events are reported in both), each with its own
  Zipfian vocabulary of 50,000 made-up stems; an article keeps its 80 strongest terms, weighted
  ``1 + log(count)`` with headline words counted three times, as ``article_features`` does;
- 5-15 entity ids (``per-…``, ``org-…``, ``loc-…``) from a Zipfian pool of 20,000, so a few (the
  leaders, the big countries) are in a large share of all articles (the first in 60%, the fifth
  in 20%): every story in the window shares some entity with a new article;
- event dates and background dates spread over the year, figure keys ``subject|unit|magnitude``,
  a 64-value MinHash from ``nutgraf.stories.features.minhash_of`` over the article's words, the
  lead's weighted stems (headline and first sentences, richer in event words), and a
  512-dimension float16 lead embedding (``encode_vector``) near its event's direction;
- events of 1-10 articles (most events small, as in news) whose members share the event's terms,
  entities, dates, figures and embedding direction, published within a few days of each other;
  about 8% of the later members are syndicated near-copies of an earlier one (a new headline, a
  dropped sentence), which exercises the MinHash LSH path.

Articles come in publication order at a constant rate (275 a day, 100k a year; ``--per-day``), so
an index of 100k holds a 10-day window as busy as one of 10k does: what grows is the index, not
the news of the day.

The timed articles go through ``StoryIndex.decide`` then ``StoryIndex.add``, as ingest does: at
each size the next ``--sample`` articles are timed one by one (decide + add, and add alone); their
mean, median and 95th percentile are reported. Filling the index the same way costs what a
timed article costs (30-100 ms at 275 a day: one to three hours to reach 100k on two busy cores),
so by default the fill adds each article, in order, to its own event's story (``--fill events``): the
index a perfect grouper would build, of the same shape (stories, members, postings, LSH) as the
one ingest builds; ``--fill decide`` fills as ingest does, for a cross-check at small sizes.

Memory is the growth of the process's resident set (RSS, from /proc/self/statm, after a garbage
collection) since the empty index, divided by the articles stored: it counts the whole index
(dicts, sets, Counters, LSH tables, MinHash objects) plus allocator slack, not only the Python
heap; its growth per article between sizes (the marginal column) shows whether it is linear.

    python bench/grouping_scale.py                     # 10k and 100k (about 10 minutes)
    python bench/grouping_scale.py --quick             # 1k and 5k, a smoke run
    python bench/grouping_scale.py --profile           # and cProfile's hotspots at the largest size
    python bench/grouping_scale.py --sizes 3000 --fill decide   # the index as ingest builds it

The default run (10k and 100k, 500 timed) writes its table to ``bench/results/grouping_scale.md``
(``--no-write`` to skip). The timings are wall-clock on whatever else the machine runs: the
embedding-neighbour search is one BLAS matrix-vector product over up to 20,000 stories, and on a
busy machine a multi-threaded BLAS waits for its threads (``OPENBLAS_NUM_THREADS=1`` runs it on
one); the header line says which was set.

Target (from the issue): under 50 ms per added article at 100k stored, flat as the index grows,
memory growth linear.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import heapq
import linecache
import math
import os
import pstats
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np

from nutgraf.stories.embed import encode_vector
from nutgraf.stories.features import Features, minhash_of
from nutgraf.stories.grouping import GroupingParams, StoryIndex

DEFAULT_SIZES = (10_000, 100_000)
QUICK_SIZES = (1_000, 5_000)
SAMPLE = 500
"""Articles timed one by one at each size: enough for a stable 95th percentile."""
QUICK_SAMPLE = 100
PROFILE_SAMPLE = 200
"""Articles profiled after the timed sample at the largest size (profiling slows them, so they are
not the timed ones)."""
TARGET_MS = 50.0

SEED = 20240601
LANGUAGES = ("en", "ru")
VOCABULARY = 50_000
"""Stems per language: a year of news in one language uses some tens of thousands."""
ZIPF_EXPONENT = 1.0
"""Word frequencies in text follow Zipf's law with an exponent near 1."""
STOPWORD_RANKS = 150
"""The most frequent ranks stand for stopwords, which content_terms drops: never drawn."""
BODY_WORDS = (250, 450)
"""Content words in an article body (after stopwords): a 500-900 word news story."""
TITLE_WORDS = 8
TITLE_WEIGHT = 3
"""Headline words count three times (as nutgraf.stories.features does)."""
TERMS_KEPT = 80
"""Stems kept per article (as nutgraf.stories.features does)."""
EVENT_TERMS = 25
"""Words specific to an event, per language (names of places, the verb of the event)."""
EVENT_WORD_SHARE = 0.2
"""Share of an article's body words that are its event's words."""
LEAD_WORDS = 20
"""Content words in the first two sentences (the lead that ``Features.lead`` holds, with the headline)."""
LEAD_EVENT_WORD_SHARE = 0.4
"""The lead states the event: twice as many event words as the rest of the body."""

ENTITY_POOL = 20_000
ENTITY_EXPONENT = 1.0
ENTITIES_PER_ARTICLE = (5, 15)
EVENT_ENTITIES = (2, 6)
"""Entities every report of the event names (the rest of an article's are background)."""

EVENT_SIZES = tuple(range(1, 11))
EVENT_SIZE_WEIGHTS = tuple(1 / size for size in EVENT_SIZES)
"""P(size) ~ 1/size: most events are reported once, few by ten outlets (mean 3.4 articles)."""
BILINGUAL_EVENTS = 0.33
COPY_SHARE = 0.08
"""Later members of an event that are syndicated near-copies of an earlier one."""
SPREAD_DAYS = 1.0
"""Mean delay of an event's reports after its first (exponential), capped at MAX_SPREAD_DAYS."""
MAX_SPREAD_DAYS = 5.0
YEAR_DAYS = 365.0
PER_DAY = 275
"""Articles a day: 100,000 a year, an aggregator of a dozen or two outlets. The rate, not the
index size, sets how many stories are live in the 10-day window; it is the same at every size."""
START = datetime(2024, 1, 1)

EMBEDDING_DIMENSIONS = 512
EMBEDDING_SHARED = 0.16
"""Cosine between two unrelated events' directions (the sample corpus averages 0.16)."""
EMBEDDING_NOISE = 0.43
"""Variance of an article's noise around its event direction: two reports of one event score
about 1 / (1 + 0.43) = 0.7 cosine, as English/Russian pairs on the sample corpus do."""

FIGURE_SUBJECTS = 300
FIGURE_UNITS = ("USD", "EUR", "RUB", "percent", "people", "tonnes")
BACKGROUND_DATES = (0, 2)
"""Dates an article mentions beside its event's (earlier events, anniversaries)."""

RESULTS = Path(__file__).resolve().parent / "results" / "grouping_scale.md"

HOTSPOTS = 10
SOURCE_CHARS = 70
"""Source shown for a lambda or a comprehension in the profile, so it can be found."""
PROGRESS_EVERY = 10_000


def _zipf_cdf(size: int, exponent: float, skip: int = 0) -> np.ndarray:
    weights = 1.0 / np.arange(1 + skip, size + 1, dtype=np.float64) ** exponent
    cdf = np.cumsum(weights)
    return cdf / cdf[-1]


def _words(rng: random.Random, count: int, letters: str) -> list[str]:
    """``count`` distinct made-up stems, 3-9 letters."""
    found: set[str] = set()
    while len(found) < count:
        found.add("".join(rng.choice(letters) for _ in range(rng.randint(3, 9))))
    # sorted before the shuffle: a set's order follows the process's string hashing, so drawing
    # from it made every run's corpus (and its timings and decisions) a different one
    words = sorted(found)
    rng.shuffle(words)
    return words


@dataclass
class _Event:
    number: int
    languages: tuple[str, ...]
    terms: dict[str, list[str]]
    entities: list[str]
    dates: list[str]
    figures: list[str]
    direction: np.ndarray
    members: list[tuple[str, list[str]]] = field(default_factory=list)
    """Word sequences of the members published so far (near-copies copy one of them)."""


@dataclass(order=True)
class _Pending:
    published: float
    sequence: int
    event: _Event = field(compare=False)


class Corpus:
    """An endless stream of synthetic article features, in publication order."""

    def __init__(self, per_day: float = PER_DAY, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        self.np_rng = np.random.default_rng(seed)
        alphabets = {"en": "abcdefghijklmnopqrstuvwxyz", "ru": "абвгдежзиклмнопрстуфхцчшыэюя"}
        self.vocabulary = {lang: _words(self.rng, VOCABULARY, alphabets[lang]) for lang in LANGUAGES}
        self.word_cdf = _zipf_cdf(VOCABULARY, ZIPF_EXPONENT, STOPWORD_RANKS)
        kinds = ("per", "org", "loc")
        self.entities = [
            f"{kinds[i % 3]}-{name}"
            for i, name in enumerate(_words(self.rng, ENTITY_POOL, "abcdefghijklmnoprstuvz"))
        ]
        self.entity_cdf = _zipf_cdf(ENTITY_POOL, ENTITY_EXPONENT)
        self.subject_cdf = _zipf_cdf(FIGURE_SUBJECTS, ZIPF_EXPONENT)
        shared = self.np_rng.standard_normal(EMBEDDING_DIMENSIONS)
        self.shared = shared / np.linalg.norm(shared)
        mean_size = sum(s * w for s, w in zip(EVENT_SIZES, EVENT_SIZE_WEIGHTS, strict=True)) / sum(
            EVENT_SIZE_WEIGHTS
        )
        self.event_gap = 86400 * mean_size / per_day
        self.clock = 0.0
        self.events = 0
        self.sequence = 0
        self.pending: list[_Pending] = []

    # -- drawing ----------------------------------------------------------------------------
    def _draw(self, cdf: np.ndarray, count: int) -> np.ndarray:
        return np.searchsorted(cdf, self.np_rng.random(count), side="right")

    def _date(self, seconds: float) -> str:
        return (START + timedelta(seconds=seconds)).date().isoformat()

    def _figure(self) -> str:
        subject = int(self._draw(self.subject_cdf, 1)[0])
        return f"subject{subject}|{self.rng.choice(FIGURE_UNITS)}|{self.rng.randint(0, 12)}"

    def _new_event(self) -> None:
        rng = self.rng
        size = rng.choices(EVENT_SIZES, EVENT_SIZE_WEIGHTS)[0]
        if size > 1 and rng.random() < BILINGUAL_EVENTS:
            languages: tuple[str, ...] = LANGUAGES
        else:
            languages = (rng.choice(LANGUAGES),)
        terms = {
            lang: [self.vocabulary[lang][i] for i in self._draw(self.word_cdf, EVENT_TERMS) + STOPWORD_RANKS]
            for lang in languages
        }
        entities = list(
            dict.fromkeys(self.entities[i] for i in self._draw(self.entity_cdf, rng.randint(*EVENT_ENTITIES)))
        )
        day = self.clock - rng.random() * 86400
        dates = sorted({self._date(day - rng.randint(0, 3) * 86400 * k) for k in range(rng.randint(1, 2))})
        figures = [self._figure() for _ in range(rng.randint(0, 2))]
        direction = math.sqrt(EMBEDDING_SHARED) * self.shared + math.sqrt(1 - EMBEDDING_SHARED) * (
            self.np_rng.standard_normal(EMBEDDING_DIMENSIONS) / math.sqrt(EMBEDDING_DIMENSIONS)
        )
        event = _Event(self.events, languages, terms, entities, dates, figures, direction)
        self.events += 1
        for position in range(size):
            delay = 0.0 if position == 0 else min(rng.expovariate(1 / SPREAD_DAYS), MAX_SPREAD_DAYS)
            heapq.heappush(self.pending, _Pending(self.clock + delay * 86400, self.sequence, event))
            self.sequence += 1

    def _body(self, event: _Event, language: str) -> list[str]:
        rng = self.rng
        vocabulary = self.vocabulary[language]
        count = rng.randint(*BODY_WORDS)
        background = self._draw(self.word_cdf, count) + STOPWORD_RANKS
        title = [rng.choice(event.terms[language]) for _ in range(TITLE_WORDS)]
        body = [
            rng.choice(event.terms[language])
            if rng.random() < (LEAD_EVENT_WORD_SHARE if position < LEAD_WORDS else EVENT_WORD_SHARE)
            else vocabulary[i]
            for position, i in enumerate(background)
        ]
        return title + body

    def _features(self, event: _Event, published: float) -> Features:
        rng = self.rng
        language = rng.choice(event.languages)
        same_language = [words for lang, words in event.members if lang == language]
        if same_language and rng.random() < COPY_SHARE:
            original = rng.choice(same_language)
            cut = rng.randrange(TITLE_WORDS, len(original) - 20)
            words = [rng.choice(event.terms[language]) for _ in range(TITLE_WORDS)]
            words += original[TITLE_WORDS:cut] + original[cut + 20 :]
        else:
            words = self._body(event, language)
        event.members.append((language, words))
        counts = Counter(words[TITLE_WORDS:])
        for word in words[:TITLE_WORDS]:
            counts[word] += TITLE_WEIGHT
        weighted = {term: 1.0 + math.log(count) for term, count in counts.items()}
        terms = dict(sorted(weighted.items(), key=lambda item: (-item[1], item[0]))[:TERMS_KEPT])
        wanted = rng.randint(*ENTITIES_PER_ARTICLE)
        entities = {e: float(rng.randint(1, 6)) for e in event.entities if rng.random() < 0.85}
        while len(entities) < wanted:
            entities.setdefault(
                self.entities[int(self._draw(self.entity_cdf, 1)[0])], float(rng.randint(1, 3))
            )
        dates = {d for d in event.dates if rng.random() < 0.7}
        for _ in range(rng.randint(*BACKGROUND_DATES)):
            dates.add(self._date(published - rng.random() * YEAR_DAYS * 86400))
        figures = {f for f in event.figures if rng.random() < 0.6}
        figures.update(self._figure() for _ in range(rng.randint(0, 2)))
        noise = self.np_rng.standard_normal(EMBEDDING_DIMENSIONS) * math.sqrt(
            EMBEDDING_NOISE / EMBEDDING_DIMENSIONS
        )
        vector = event.direction + noise
        values = {
            "language": language,
            "terms": terms,
            "entities": entities,
            "dates": sorted(dates),
            "figures": sorted(figures),
            "minhash": [int(v) for v in minhash_of(" ".join(words)).hashvalues],
            "published": (START + timedelta(seconds=published)).isoformat(),
            "embedding": encode_vector(vector / np.linalg.norm(vector)),
            "lead": {
                term: 1.0 + math.log(count)
                for term, count in sorted(Counter(words[: TITLE_WORDS + LEAD_WORDS]).items())
            },
        }
        return Features(**{k: v for k, v in values.items() if k in Features.__dataclass_fields__})

    def __iter__(self) -> Iterator[tuple[int, Features]]:
        """(event number, features) in publication order."""
        while True:
            while not self.pending or self.pending[0].published > self.clock:
                self.clock += self.rng.expovariate(1 / self.event_gap)
                self._new_event()
            item = heapq.heappop(self.pending)
            yield item.event.number, self._features(item.event, item.published)


# -- measuring ------------------------------------------------------------------------------
def _rss() -> int:
    """Resident set size in bytes (Linux)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@dataclass
class Grouper:
    """The index and what the ingest would keep beside it: the next article and story ids."""

    index: StoryIndex
    articles: int = 0
    stories: int = 0
    by_event: dict[int, int] = field(default_factory=dict)

    def put(self, event: int, features: Features, *, decide: bool = True) -> None:
        """Decide then add, as ingest does; or (``decide=False``) add to the event's own story."""
        if decide:
            story = self.index.decide(features).story_id
        else:
            story = self.by_event.get(event)
        if story is None:
            story = self.stories
            self.stories += 1
        self.by_event.setdefault(event, story)
        self.index.add(self.articles, story, features)
        self.articles += 1


@dataclass
class Row:
    size: int = 0
    stories: int = 0
    fill_seconds: float = 0.0
    fill_articles: int = 0
    total_ms: list[float] = field(default_factory=list)
    add_ms: list[float] = field(default_factory=list)
    joined: int = 0
    copies: int = 0
    right: int = 0
    """Articles placed with their synthetic event: in its story, or in a new one when first."""
    rss: int = 0


def _timed_sample(grouper: Grouper, stream: Iterator[tuple[int, Features]], count: int) -> Row:
    """Decide + add ``count`` articles one by one, timing each (and the add alone)."""
    row = Row()
    for _ in range(count):
        event, features = next(stream)
        started = time.perf_counter()
        decision = grouper.index.decide(features)
        decided = time.perf_counter()
        story = decision.story_id
        if story is None:
            story = grouper.stories
            grouper.stories += 1
        else:
            row.joined += 1
            row.copies += decision.copy_of is not None
        grouper.index.add(grouper.articles, story, features)
        ended = time.perf_counter()
        row.right += decision.story_id == grouper.by_event.get(event)
        grouper.by_event.setdefault(event, story)
        grouper.articles += 1
        row.total_ms.append(1000 * (ended - started))
        row.add_ms.append(1000 * (ended - decided))
    return row


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _profile(
    grouper: Grouper, stream: Iterator[tuple[int, Features]], count: int, snapshot: dict[str, list[str]]
) -> None:
    """cProfile over ``count`` decide+add calls; prints the top functions by cumulative time."""
    batch = [next(stream) for _ in range(count)]
    profiler = cProfile.Profile()
    profiler.enable()
    for event, features in batch:
        grouper.put(event, features)
    profiler.disable()
    stats = pstats.Stats(profiler)
    entries = stats.stats  # type: ignore[attr-defined]
    root = next(key for key in entries if key[2] == "put" and key[0] == __file__)
    total = entries[root][3]
    ranked = sorted(
        (item for item in entries.items() if item[0] != root and "cProfile" not in item[0][0]),
        key=lambda item: -item[1][3],
    )
    print()
    print(
        f"cProfile, decide+add of {count} articles at {grouper.articles - count:,} stored "
        f"({1000 * total / count:.1f} ms/article under the profiler); top {HOTSPOTS} by cumulative time"
    )
    print()
    print("# | function | calls/article | cumulative ms/article | share of decide+add | own time share")
    print("--- | --- | --- | --- | --- | ---")
    for rank, ((path, line, name), (_, calls, own, cumulative, _)) in enumerate(ranked[:HOTSPOTS], 1):
        label = _label(path, line, name, snapshot)
        print(
            f"{rank} | {label} | {calls / count:.1f} | {1000 * cumulative / count:.2f} | "
            f"{100 * cumulative / total:.1f}% | {100 * own / total:.1f}%"
        )
    by_own = sorted(entries.items(), key=lambda item: -item[1][2])
    print()
    print("by own time (excluding callees):", end="")
    for (path, line, name), (_, _, own, _, _) in by_own[:HOTSPOTS]:
        print(f" {_label(path, line, name, snapshot)} {100 * own / total:.1f}%;", end="")
    print()


def _label(path: str, line: int, name: str, snapshot: dict[str, list[str]]) -> str:
    """``file:line name``; for a lambda or comprehension, also its line of source (from the
    snapshot taken when the run started, since the file may be edited while it runs)."""
    if not line:
        return f"`{name}`"
    label = f"`{_short(path)}:{line} {name}`"
    if name.startswith("<"):
        lines = snapshot.get(path) or linecache.getlines(path)
        source = lines[line - 1].strip() if line <= len(lines) else ""
        label += f" (`{source[:SOURCE_CHARS]}{'…' if len(source) > SOURCE_CHARS else ''}`)"
    return label


def _snapshot() -> tuple[str, dict[str, list[str]]]:
    """The grouping code this run measures: a digest to name its version, and its lines."""
    from nutgraf.stories import grouping

    path = grouping.__file__
    text = Path(path).read_bytes()
    return hashlib.sha1(text).hexdigest()[:10], {path: text.decode("utf-8").splitlines()}


def _short(path: str) -> str:
    for marker in ("site-packages/", "src/", "bench/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return os.path.basename(path) if path != "~" else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default=",".join(str(s) for s in DEFAULT_SIZES), help="stored-article counts to report at"
    )
    parser.add_argument("--sample", type=int, default=None, help=f"articles timed at each size ({SAMPLE})")
    parser.add_argument("--quick", action="store_true", help=f"sizes {QUICK_SIZES}, {QUICK_SAMPLE} timed")
    parser.add_argument("--profile", action="store_true", help="cProfile decide+add at the largest size")
    parser.add_argument(
        "--fill",
        choices=("decide", "events"),
        default="events",
        help="fill the index by add alone into each article's synthetic event (default: the stories a "
        "perfect grouper would make, 15-30x faster), or by decide+add as ingest does (hours for 100k)",
    )
    parser.add_argument("--per-day", type=float, default=PER_DAY, help=f"articles a day ({PER_DAY})")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--no-write", action="store_true", help=f"do not write {RESULTS.name} (default run only)"
    )
    args = parser.parse_args()
    sizes = sorted(QUICK_SIZES if args.quick else (int(s) for s in args.sizes.split(",")))
    sample = args.sample or (QUICK_SAMPLE if args.quick else SAMPLE)

    digest, snapshot = _snapshot()
    started = time.perf_counter()
    corpus = Corpus(args.per_day, args.seed)
    stream = iter(corpus)
    next(stream)  # load datasketch and warm the generator before the baseline
    print(f"generator ready in {time.perf_counter() - started:.1f}s")
    gc.collect()
    baseline = _rss()
    grouper = Grouper(StoryIndex(GroupingParams()))
    rows: list[Row] = []
    for size in sizes:
        fill_from = grouper.articles
        fill_started = time.perf_counter()
        while grouper.articles < size:
            grouper.put(*next(stream), decide=args.fill == "decide")
            if grouper.articles % PROGRESS_EVERY == 0:
                rate = (grouper.articles - fill_from) / (time.perf_counter() - fill_started)
                print(f"  filled {grouper.articles:,} ({rate:.0f} articles/s)", flush=True)
        fill_seconds = time.perf_counter() - fill_started
        gc.collect()
        rss = _rss() - baseline
        row = _timed_sample(grouper, stream, sample)
        row.size, row.stories, row.rss = size, grouper.stories, rss
        row.fill_seconds, row.fill_articles = fill_seconds, size - fill_from
        rows.append(row)
        print(f"  {size:,} stored: sample timed ({statistics.mean(row.total_ms):.1f} ms/article)", flush=True)

    lines: list[str] = []

    def out(line: str = "") -> None:
        print(line)
        lines.append(line)

    out()
    out(
        f"grouping at scale: synthetic en+ru articles, {corpus.events:,} events generated, "
        f"{args.per_day:g} a day, {sample} timed at each size, {os.cpu_count()} cores, "
        f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}, seed {args.seed}, "
        f"grouping.py sha1 {digest}; "
        f"index filled by {'decide+add' if args.fill == 'decide' else 'add into the true events'}; "
        f"memory = RSS growth since the empty index"
    )
    out()
    out(
        "stored articles | stories | fill incl. generation (articles/s) | decide+add mean ms | p50 ms | p95 ms | max ms "
        "| add alone mean ms | joined a story | near-copies | placed with its event | RSS growth MB "
        "| bytes/article | marginal bytes/article"
    )
    out("--- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | ---")
    previous: Row | None = None
    for row in rows:
        marginal = (
            f"{(row.rss - previous.rss) / (row.size - previous.size):,.0f}"
            if previous is not None
            else f"{row.rss / row.size:,.0f}"
        )
        out(
            f"{row.size:,} | {row.stories:,} | {row.fill_articles / row.fill_seconds:.0f} "
            f"| {statistics.mean(row.total_ms):.1f} | {_percentile(row.total_ms, 0.5):.1f} "
            f"| {_percentile(row.total_ms, 0.95):.1f} | {max(row.total_ms):.1f} "
            f"| {statistics.mean(row.add_ms):.2f} | {100 * row.joined / len(row.total_ms):.0f}% "
            f"| {100 * row.copies / len(row.total_ms):.0f}% | {100 * row.right / len(row.total_ms):.0f}% "
            f"| {row.rss / 2**20:,.0f} "
            f"| {row.rss / row.size:,.0f} | {marginal}"
        )
        previous = row
    last = rows[-1]
    verdict = "meets" if statistics.mean(last.total_ms) < TARGET_MS else "misses"
    out()
    out(
        f"target: under {TARGET_MS:.0f} ms per added article at {last.size:,}: {verdict} it "
        f"(mean {statistics.mean(last.total_ms):.1f} ms, p95 {_percentile(last.total_ms, 0.95):.1f} ms); "
        f"whole run {time.perf_counter() - started:.0f}s"
    )
    default_run = (
        not args.quick and tuple(sizes) == DEFAULT_SIZES and sample == SAMPLE and args.fill == "events"
    )
    if default_run and not args.no_write:
        command = " ".join(["python bench/grouping_scale.py", *sys.argv[1:]])
        RESULTS.write_text("\n".join([f"`{command}`", *lines]) + "\n", encoding="utf-8")
    if args.profile:
        _profile(grouper, stream, PROFILE_SAMPLE, snapshot)


if __name__ == "__main__":
    main()

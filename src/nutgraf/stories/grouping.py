"""Incremental grouping: each new article joins the best existing story or starts a new one.

No re-clustering and no all-pairs comparison. Candidates come from inverted indexes: stories
sharing an entity or one of the article's strongest terms, within a time window when dates are
known. Near-copies (syndicated wire copy) are found first with MinHash LSH and join their
original's story as copies. The join decision combines:

- **text**: TF-IDF cosine between the article and the story's members in the same language;
- **entities**: IDF-weighted cosine of canonical entity ids (language-independent, so this is
  what carries an English report and a Russian one into one story);
- **dates** and **figures**: a shared event date, and shared (subject, unit, magnitude) figures.

Weights and thresholds are calibrated on ECB+ (topics 1-25; bench/clustering.py prints how, and
the scores on topics 26-35). The index is plain data: it is rebuilt from the stored features
with :meth:`StoryIndex.add` in article order, which gives the same stories as the ingest did.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np

from nutgraf.stories.embed import decode_vector
from nutgraf.stories.features import MINHASH_PERMUTATIONS, MINHASH_SCHEME, Features

__all__ = ["Decision", "GroupingParams", "StoryIndex"]


@dataclass(frozen=True, slots=True)
class GroupingParams:
    """Weights and thresholds of the join decision (see bench/clustering.py for the calibration)."""

    text_weight: float = 0.5
    entity_weight: float = 0.4
    lead_weight: float = 0.3
    """Same-language weight of the lead cosine (headline and first sentences, best member)."""
    min_lead: float = 0.10
    """A same-language join needs this lead cosine with some member: two reports of one event
    share words in their headline and first sentences. On ECB+ topics 1-25, 99% of articles score
    at least 0.10 against their own event's story; two events with the same actors often do not
    (seeds 000 vs 001: 0.08)."""
    dense_weight: float = 1.0
    """Same-language weight of the lead-embedding cosine. Its cosine is about 0.46 between two
    events of one ECB+ topic and 0.73 within one event (gold stories built in file order), so it
    separates them better than any one other signal; it shifts every score up by about 0.5, which
    the threshold absorbs (calibrated with the other weights on ECB+ topics 1-25)."""
    cross_entity_weight: float = 0.5
    cross_dense_weight: float = 0.5
    """Across languages there are no shared words: entities and the multilingual embedding split
    the evidence (set from the sample corpus and the seeds, see docs/decisions.md)."""
    date_bonus: float = 0.10
    figure_bonus: float = 0.10
    join_threshold: float = 0.90
    """Same-language evidence: score to join a story. The weights and this threshold are the best
    setting on ECB+ topics 1-25 of the grid in bench/clustering.py --calibrate. Without an
    embedding on either side the term counts as ``dense_absent``."""
    dense_absent: float = 0.60
    """The lead-embedding cosine that a missing embedding stands for (features stored before
    embeddings, or an install without the encoder): 0.90 - 1.0 * 0.60 = 0.30 is the threshold
    calibrated on ECB+ without the dense signal, so such articles are grouped as they were."""
    cross_threshold: float = 0.50
    """An article and a story with no member in its language are judged on entities, the
    multilingual lead embedding, dates and figures, which overlap more by chance (the same leaders
    are in every such story). No gold set pairs English and Russian reports of events, so this is
    set between the highest cross-language score of two different events we have seen (0.47,
    seeds 003 vs 000) and the lowest of one event (0.60, sample corpus); bench/story_purity.py
    checks it on BSNLP."""
    duplicate_jaccard: float = 0.5
    """Estimated shingle Jaccard at or above which an article is a near-copy of another."""
    window_days: float = 10.0
    """Stories whose articles are all further than this in time are not candidates."""
    candidate_terms: int = 12
    """An article's strongest terms used to find candidate stories."""
    max_candidates: int = 100
    """Stories scored per article, the ones sharing most entities and strong terms with it. On
    ECB+ the grouping is the same with 20, 50, 100 or 200; scoring is most of the time an added
    article takes in a large index (bench/grouping_scale.py)."""


@dataclass(slots=True)
class Decision:
    story_id: int | None
    copy_of: int | None = None
    score: float = 0.0


@dataclass(slots=True)
class _Weighted:
    """An article's IDF-weighted vector and its norm."""

    weights: dict[str, float]
    norm: float


@dataclass(slots=True)
class _Query:
    """The article side of every comparison, weighted once per decision (not once per candidate)."""

    text: _Weighted
    entities: _Weighted
    lead: _Weighted
    dense: np.ndarray | None
    dense_norm: float


def _weighted(weights: dict[str, float]) -> _Weighted:
    return _Weighted(weights, math.sqrt(sum(w * w for w in weights.values())))


@dataclass
class _Story:
    terms: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    members: Counter[str] = field(default_factory=Counter)
    entities: Counter[str] = field(default_factory=Counter)
    dates: Counter[str] = field(default_factory=Counter)
    figures: Counter[str] = field(default_factory=Counter)
    first: datetime | None = None
    last: datetime | None = None
    articles: list[int] = field(default_factory=list)
    leads: list[tuple[str, dict[str, float]]] = field(default_factory=list)
    """(language, lead terms) of the most recent members (at most LEAD_MEMBERS)."""
    version: int = 0
    """Bumped on every added member: cached norms are valid for one (version, IDF epoch)."""
    cache: dict[object, tuple[int, int, object]] = field(default_factory=dict)
    dense: np.ndarray | None = None
    """Sum of the members' unit lead embeddings (its direction is the story's centroid)."""


NORM_REFRESH = 0.05
"""A story's vector norms (over all its terms and entities) are cached, and recomputed when the
story gains a member or the index has grown by 5% since (after every article while it holds fewer
than 20). Dot products always use the current IDF; only the norms lag, and a 5% change in the
document count moves an IDF by at most log(1.05) = 0.05 across the board, which barely moves a
norm. Recomputing every norm on every comparison is what made an added article slow in a large
index (bench/grouping_scale.py). Refresh points depend only on the order of the articles, so
replays stay exact."""

LEAD_MEMBERS = 32
"""Members whose leads a new article is compared with: the most recent ones. A story's event is
in its recent leads; the cap keeps the comparison cheap for stories of hundreds of articles."""


def _week(moment: datetime) -> int:
    return moment.toordinal() // 7


def _parse(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed.replace(tzinfo=None)


class StoryIndex:
    """Stories and the indexes that find candidates for a new article."""

    def __init__(self, params: GroupingParams | None = None) -> None:
        from datasketch import MinHashLSH

        self.params = params or GroupingParams()
        self.stories: dict[int, _Story] = {}
        self.story_of: dict[int, int] = {}
        self.term_df: dict[str, Counter[str]] = defaultdict(Counter)
        self.docs: Counter[str] = Counter()
        self.entity_df: Counter[str] = Counter()
        self.lead_df: dict[str, Counter[str]] = defaultdict(Counter)
        self.by_entity: dict[str, dict[int | None, set[int]]] = defaultdict(lambda: defaultdict(set))
        self.by_term: dict[tuple[str, str], dict[int | None, set[int]]] = defaultdict(
            lambda: defaultdict(set)
        )
        """Inverted indexes, each posting list split by week of publication (None: undated), so a
        dated article only looks at the weeks its time window covers."""
        self.lsh = MinHashLSH(threshold=self.params.duplicate_jaccard, num_perm=MINHASH_PERMUTATIONS)
        self.signatures: dict[int, object] = {}
        self._epoch = 0
        self._epoch_total = -1
        self._idf_memo: dict[tuple[int, str], dict[str, float]] = {}
        """IDFs computed since the last added article (the counts they come from are unchanged)."""

    def __len__(self) -> int:
        return len(self.story_of)

    # -- deciding -----------------------------------------------------------------------------
    def decide(self, features: Features) -> Decision:
        """Where a new article belongs: (story, copy_of) or a new story (story_id None)."""
        self._refresh()
        copy = self._near_copy(features)
        if copy is not None:
            return Decision(self.story_of[copy], copy_of=copy, score=1.0)
        best: tuple[float, int] | None = None
        query = self._query(features)
        for story_id in self._candidates(features):
            score = self.score(features, story_id, query)
            threshold = (
                self.params.join_threshold
                if self.stories[story_id].members[features.language]
                else self.params.cross_threshold
            )
            if score >= threshold and (best is None or score > best[0]):
                best = (score, story_id)
        return Decision(best[1], score=best[0]) if best else Decision(None)

    def _near_copy(self, features: Features) -> int | None:
        if not features.minhash:
            return None
        signature = self._signature(features)
        matches = [int(key) for key in self.lsh.query(signature)]
        close = [a for a in matches if signature.jaccard(self.signatures[a]) >= self.params.duplicate_jaccard]
        return min(close) if close else None

    def _weeks(self, published: datetime | None) -> set[int | None] | None:
        """The publication weeks whose stories can be in the article's time window (None: all)."""
        if published is None:
            return None
        window = timedelta(days=self.params.window_days)
        first, last = _week(published - window), _week(published + window)
        return {*range(first, last + 1), None}

    @staticmethod
    def _count(found: Counter[int], postings: dict[int | None, set[int]] | None, weeks: set | None) -> None:
        if not postings:
            return
        for week in postings if weeks is None else weeks & postings.keys():
            for story_id in postings[week]:
                found[story_id] += 1

    def _candidates(self, features: Features) -> list[int]:
        published = _parse(features.published)
        weeks = self._weeks(published)
        found: Counter[int] = Counter()
        for entity in features.entities:
            self._count(found, self.by_entity.get(entity), weeks)
        strongest = heapq.nsmallest(
            self.params.candidate_terms,
            features.terms.items(),
            key=lambda item: (-item[1] * self._idf(features.language, item[0]), item[0]),
        )
        for term, _ in strongest:
            self._count(found, self.by_term.get((features.language, term)), weeks)
        if published is not None:
            found = Counter({s: n for s, n in found.items() if self._in_window(self.stories[s], published)})
        ranked = heapq.nsmallest(
            self.params.max_candidates, found.items(), key=lambda item: (-item[1], -item[0])
        )
        return [story_id for story_id, _ in ranked]

    def _in_window(self, story: _Story, published: datetime) -> bool:
        if story.first is None or story.last is None:
            return True
        window = self.params.window_days * 86400
        return (story.first - published).total_seconds() <= window and (
            published - story.last
        ).total_seconds() <= window

    # -- scoring ------------------------------------------------------------------------------
    def _refresh(self) -> None:
        """Start a new norm epoch when the index has grown enough since the last (NORM_REFRESH)."""
        total = len(self.story_of)
        if total - self._epoch_total >= max(1, int(NORM_REFRESH * self._epoch_total)):
            self._epoch_total = total
            self._epoch += 1

    def _idf(self, language: str, term: str, table: int = 1) -> float:
        """IDF of a term (table 1: text, 3: lead) or, with language "", an entity (table 2)."""
        memo = self._idf_memo.get((table, language))
        if memo is None:
            memo = self._idf_memo[(table, language)] = {}
        value = memo.get(term)
        if value is None:
            if table == 2:
                value = math.log((1 + len(self.story_of)) / (1 + self.entity_df.get(term, 0))) + 1.0
            else:
                df = (self.term_df if table == 1 else self.lead_df).get(language)
                documents = self.docs.get(language, 0)
                value = math.log((1 + documents) / (1 + (df.get(term, 0) if df else 0))) + 1.0
            memo[term] = value
        return value

    def _entity_idf(self, entity: str) -> float:
        return self._idf("", entity, table=2)

    def _cached(self, story: _Story, key: object, compute: Callable[[], object]) -> object:
        hit = story.cache.get(key)
        if hit is not None and hit[0] == self._epoch and hit[1] == story.version:
            return hit[2]
        value = compute()
        story.cache[key] = (self._epoch, story.version, value)
        return value

    def _query(self, features: Features) -> _Query:
        language = features.language
        vector = decode_vector(features.embedding)
        return _Query(
            text=_weighted({t: w * self._idf(language, t) for t, w in features.terms.items()}),
            entities=_weighted(
                {e: (1 + math.log(n)) * self._entity_idf(e) for e, n in features.entities.items()}
            ),
            lead=_weighted({t: w * self._idf(language, t, table=3) for t, w in features.lead.items()}),
            dense=vector,
            dense_norm=float(np.linalg.norm(vector)) if vector is not None else 0.0,
        )

    def score(self, features: Features, story_id: int, query: _Query | None = None) -> float:
        """How well an article fits a story, in [0, ~1.2]. ``query`` is the article's weighted
        vectors when the caller compares it with many stories (``decide``)."""
        self._refresh()
        query = query or self._query(features)
        story = self.stories[story_id]
        params = self.params
        entity = self._entity_cosine(query.entities, story)
        bonus = 0.0
        if features.dates and any(story.dates.get(d) for d in features.dates):
            bonus += params.date_bonus
        if features.figures and any(story.figures.get(f) for f in features.figures):
            bonus += params.figure_bonus
        dense = self._dense_cosine(query, story)
        same_language = story.terms.get(features.language)
        if same_language:
            text = self._text_cosine(features.language, query.text, story)
            lead = (
                self._lead_cosine(features.language, query.lead, story)
                if (params.lead_weight or params.min_lead)
                else 0.0
            )
            if features.lead and lead < params.min_lead and self._has_lead(story, features.language):
                return 0.0
            return (
                params.text_weight * text
                + params.entity_weight * entity
                + params.lead_weight * lead
                + params.dense_weight * (params.dense_absent if dense is None else dense)
                + bonus
            )
        if dense is None:
            return entity + bonus
        return params.cross_entity_weight * entity + params.cross_dense_weight * dense + bonus

    def _dense_cosine(self, query: _Query, story: _Story) -> float | None:
        if query.dense is None or story.dense is None:
            return None
        dense = story.dense
        norm = self._cached(story, "dense", lambda: float(np.linalg.norm(dense))) * query.dense_norm  # type: ignore[operator]
        return float(query.dense @ dense) / norm if norm else None

    def _text_cosine(self, language: str, article: _Weighted, story: _Story) -> float:
        story_terms = story.terms[language]
        dot = sum(w * story_terms.get(t, 0.0) * self._idf(language, t) for t, w in article.weights.items())
        if not dot:
            return 0.0
        norm_a = article.norm
        norm_s = self._cached(
            story,
            ("text", language),
            lambda: math.sqrt(sum((w * self._idf(language, t)) ** 2 for t, w in story_terms.items())),
        )
        return dot / (norm_a * norm_s) if norm_a and norm_s else 0.0

    @staticmethod
    def _has_lead(story: _Story, language: str) -> bool:
        return any(member_language == language for member_language, _ in story.leads)

    def _lead_cosine(self, language: str, article: _Weighted, story: _Story) -> float:
        """Best IDF-weighted cosine between the article's lead and a same-language member's lead."""

        def weighted(lead: dict[str, float]) -> dict[str, float]:
            return {t: w * self._idf(language, t, table=3) for t, w in lead.items()}

        def members() -> list[tuple[dict[str, float], float]]:
            found = []
            for member_language, lead in story.leads:
                if member_language == language:
                    vector = weighted(lead)
                    found.append((vector, math.sqrt(sum(w * w for w in vector.values()))))
            return found

        norm_a = article.norm
        if not norm_a:
            return 0.0
        best = 0.0
        for member, norm_m in self._cached(story, ("lead", language), members):  # type: ignore[union-attr]
            dot = sum(w * member.get(t, 0.0) for t, w in article.weights.items())
            if dot and norm_m:
                best = max(best, dot / (norm_a * norm_m))
        return best

    def _entity_cosine(self, article: _Weighted, story: _Story) -> float:
        story_entities = story.entities
        if not article.weights or not story_entities:
            return 0.0
        dot = sum(
            w * (1 + math.log(story_entities[e])) * self._entity_idf(e)
            for e, w in article.weights.items()
            if story_entities.get(e)
        )
        if not dot:
            return 0.0
        norm_s = self._cached(
            story,
            "entities",
            lambda: math.sqrt(
                sum(((1 + math.log(n)) * self._entity_idf(e)) ** 2 for e, n in story_entities.items())
            ),
        )
        norm = article.norm * norm_s  # type: ignore[operator]
        return dot / norm if norm else 0.0

    # -- adding -------------------------------------------------------------------------------
    def _signature(self, features: Features):
        import numpy as np
        from datasketch import MinHash

        return MinHash(
            num_perm=MINHASH_PERMUTATIONS,
            seed=1,
            hashvalues=np.array(features.minhash, dtype=np.uint64),
            scheme=MINHASH_SCHEME,
        )

    def add(self, article_id: int, story_id: int, features: Features) -> None:
        """Record an article as a member of a story (new or existing)."""
        story = self.stories.setdefault(story_id, _Story())
        language = features.language
        story.terms[language].update(features.terms)
        story.members[language] += 1
        story.entities.update(features.entities)
        story.dates.update(features.dates)
        story.figures.update(features.figures)
        story.articles.append(article_id)
        story.version += 1
        self._idf_memo.clear()
        if features.lead:
            story.leads.append((language, features.lead))
            del story.leads[:-LEAD_MEMBERS]
        vector = decode_vector(features.embedding)
        if vector is not None:
            story.dense = vector.copy() if story.dense is None else story.dense + vector
        published = _parse(features.published)
        if published is not None:
            story.first = published if story.first is None else min(story.first, published)
            story.last = published if story.last is None else max(story.last, published)
        self.story_of[article_id] = story_id
        self.docs[language] += 1
        self.term_df[language].update(features.terms.keys())
        self.lead_df[language].update(features.lead.keys())
        self.entity_df.update(features.entities.keys())
        week = _week(published) if published is not None else None
        for entity in features.entities:
            self.by_entity[entity][week].add(story_id)
        strongest = sorted(features.terms.items(), key=lambda item: (-item[1], item[0]))
        for term, _ in strongest[: self.params.candidate_terms * 2]:
            self.by_term[(language, term)][week].add(story_id)
        if features.minhash:
            signature = self._signature(features)
            self.signatures[article_id] = signature
            self.lsh.insert(str(article_id), signature)

"""The dict-based scoring that ``StoryIndex`` vectorised (issue 25), kept as the reference its
numpy version must equal: the same formulas, one story and one term at a time, over its own copy
of what the index holds (document frequencies, the recent members of each story), with every
vector weighted by the current IDF (no cache).

A test compares it with ``StoryIndex.signals`` / ``score`` after clearing the index's per-story
cache, so both weight the members by the same IDF.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np

from nutgraf.stories.embed import ENCODER_LANGUAGES, decode_vector
from nutgraf.stories.features import Features
from nutgraf.stories.grouping import LINK_MEMBERS, GroupingParams

SEQUENTIAL_SUM = sum([1e100, 1.0, -1e100]) == 0.0
"""Whether ``sum`` adds floats one after the other (Python 3.11). From 3.12 it compensates, and
the reference then differs from the vectorised sums in the last bits."""


@dataclass
class _Members:
    members: Counter[str] = field(default_factory=Counter)
    texts: dict[str, list[dict[str, float]]] = field(default_factory=lambda: defaultdict(list))
    entity_sets: list[dict[str, float]] = field(default_factory=list)
    leads: list[tuple[str, dict[str, float]]] = field(default_factory=list)
    dates: Counter[str] = field(default_factory=Counter)
    figures: Counter[str] = field(default_factory=Counter)
    dense: np.ndarray | None = None
    dense_count: int = 0
    unaligned: bool = False


class ReferenceScoring:
    """What ``StoryIndex`` scores with, kept as plain dicts, and the old scoring over it."""

    def __init__(self, params: GroupingParams) -> None:
        self.params = params
        self.stories: dict[int, _Members] = {}
        self.articles = 0
        self.docs: Counter[str] = Counter()
        self.term_df: dict[str, Counter[str]] = defaultdict(Counter)
        self.lead_df: dict[str, Counter[str]] = defaultdict(Counter)
        self.entity_df: Counter[str] = Counter()

    def add(self, story_id: int, features: Features) -> None:
        story = self.stories.setdefault(story_id, _Members())
        language = features.language
        story.members[language] += 1
        texts = story.texts[language]
        texts.append(features.terms)
        del texts[:-LINK_MEMBERS]
        story.entity_sets.append(features.entities)
        del story.entity_sets[:-LINK_MEMBERS]
        story.dates.update(features.dates)
        story.figures.update(features.figures)
        if features.lead:
            story.leads.append((language, features.lead))
            del story.leads[:-LINK_MEMBERS]
        vector = decode_vector(features.embedding)
        if vector is not None:
            norm = float(np.linalg.norm(vector))
            if norm:
                unit = vector / norm
                story.dense = unit.copy() if story.dense is None else story.dense + unit
                story.dense_count += 1
                story.unaligned = story.unaligned or language not in ENCODER_LANGUAGES
        self.articles += 1
        self.docs[language] += 1
        self.term_df[language].update(features.terms.keys())
        self.lead_df[language].update(features.lead.keys())
        self.entity_df.update(features.entities.keys())

    # -- the old formulas -----------------------------------------------------------------------
    def idf(self, language: str, term: str, table: int = 1) -> float:
        if table == 2:
            return math.log((1 + self.articles) / (1 + self.entity_df.get(term, 0))) + 1.0
        df = (self.term_df if table == 1 else self.lead_df).get(language)
        documents = self.docs.get(language, 0)
        return math.log((1 + documents) / (1 + (df.get(term, 0) if df else 0))) + 1.0

    def entity_weights(self, entities: dict[str, float]) -> dict[str, float]:
        return {e: (1 + math.log(n)) * self.idf("", e, table=2) for e, n in entities.items() if n > 0}

    @staticmethod
    def weighted(weights: dict[str, float]) -> tuple[dict[str, float], float]:
        return weights, math.sqrt(sum(w * w for w in weights.values()))

    def query(self, features: Features):
        language = features.language
        vector = decode_vector(features.embedding)
        if vector is not None:
            norm = float(np.linalg.norm(vector))
            vector = vector / norm if norm else None
        return (
            self.weighted({t: w * self.idf(language, t) for t, w in features.terms.items()}),
            self.weighted(self.entity_weights(features.entities)),
            self.weighted({t: w * self.idf(language, t, table=3) for t, w in features.lead.items()}),
            vector,
        )

    def signals(self, features: Features, story_id: int) -> dict[str, float | None]:
        text, entities, lead, dense = self.query(features)
        story = self.stories[story_id]
        language = features.language
        dense_mean = None
        if dense is not None and story.dense is not None and story.dense_count:
            if self.params.linkage == "centroid":
                norm = float(np.linalg.norm(story.dense))
                dense_mean = float(dense @ story.dense) / norm if norm else 0.0
            else:
                dense_mean = float(dense @ story.dense) / story.dense_count
        found: dict[str, float | None] = {
            "dense": dense_mean,
            "entity": self.mean_cosine(entities, story, "entities", None),
            "date": float(bool(features.dates and any(story.dates.get(d) for d in features.dates))),
            "figure": float(bool(features.figures and any(story.figures.get(f) for f in features.figures))),
        }
        if story.members[language]:
            found["text"] = self.mean_cosine(text, story, "text", language)
            found["lead"] = self.lead_cosine(language, lead, story)
        return found

    def mean_cosine(self, article, story: _Members, kind: str, language: str | None) -> float:
        weights, norm_a = article
        if not norm_a:
            return 0.0
        members = story.texts.get(language, []) if kind == "text" else story.entity_sets
        if not members:
            return 0.0
        centroid = self.params.linkage == "centroid"
        total: dict[str, float] = defaultdict(float)
        for member in members:
            if kind == "text":
                weighted = {t: w * self.idf(language or "", t) for t, w in member.items()}
            else:
                weighted = self.entity_weights(member)
            norm = 1.0 if centroid else math.sqrt(sum(w * w for w in weighted.values()))
            if norm:
                for key, value in weighted.items():
                    total[key] += value / norm
        size = math.sqrt(sum(w * w for w in total.values())) if centroid else len(members)
        dot = sum(w * total.get(t, 0.0) for t, w in weights.items())
        return dot / (norm_a * size) if size else 0.0

    def lead_cosine(self, language: str, article, story: _Members) -> float:
        weights, norm_a = article
        if not norm_a:
            return 0.0
        best = 0.0
        for member_language, lead in story.leads:
            if member_language != language:
                continue
            member = {t: w * self.idf(language, t, table=3) for t, w in lead.items()}
            norm_m = math.sqrt(sum(w * w for w in member.values()))
            dot = sum(w * member.get(t, 0.0) for t, w in weights.items())
            if dot and norm_m:
                best = max(best, dot / (norm_a * norm_m))
        return best

    def score(self, features: Features, story_id: int) -> float:
        """The old ``StoryIndex.score`` (without the series rule, which the tests leave out)."""
        params = self.params
        story = self.stories[story_id]
        found = self.signals(features, story_id)
        same_language = "text" in found
        if (
            same_language
            and features.lead
            and found["lead"] < params.min_lead  # type: ignore[operator]
            and any(member_language == features.language for member_language, _ in story.leads)
        ):
            return 0.0
        parts: list[tuple[float, float]] = []
        dense = found["dense"]
        if not same_language and (features.language not in ENCODER_LANGUAGES or story.unaligned):
            dense = None
        if dense is not None:
            parts.append((params.dense_weight, capped(dense, params.dense_same, params.signal_cap)))
        if same_language:
            parts.append((params.text_weight, capped(found["text"], params.text_same, params.signal_cap)))  # type: ignore[arg-type]
            if params.lead_weight:
                parts.append((params.lead_weight, capped(found["lead"], params.lead_same, params.signal_cap)))  # type: ignore[arg-type]
        entity = capped(found["entity"], params.entity_same, params.signal_cap)  # type: ignore[arg-type]
        bonus_date, bonus_figure = params.date_bonus * found["date"], params.figure_bonus * found["figure"]  # type: ignore[operator]
        if not parts:
            return entity + bonus_date + bonus_figure
        mean = weighted_mean(parts)
        if params.entity_weight:
            with_entities = weighted_mean([*parts, (params.entity_weight, entity)])
            mean = with_entities if same_language or params.cross_entities else max(mean, with_entities)
        return mean + bonus_date + bonus_figure


def capped(value: float, level: float, cap: float) -> float:
    return min(value / level, cap) if level > 0 else 0.0


def weighted_mean(parts: list[tuple[float, float]]) -> float:
    total = sum(weight for weight, _ in parts)
    return sum(weight * value for weight, value in parts) / total if total else 0.0

"""The vectorised scoring (issue 25) gives the floats the dict-based scoring gave, so grouping
decides exactly as before: signals, scores, candidates and decisions on random feature sets,
against the reference kept in ``grouping_reference``."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta

import numpy as np
import pytest
from grouping_reference import SEQUENTIAL_SUM, ReferenceScoring

from nutgraf.stories import grouping
from nutgraf.stories.embed import encode_vector
from nutgraf.stories.features import Features
from nutgraf.stories.grouping import LINK_MEMBERS, GroupingParams, StoryIndex

LANGUAGES = ("en", "en", "ru", "cs")
"""Mostly English, some Russian (aligned with English by the encoder) and Czech (not aligned)."""
VOCABULARY = 70
ENTITIES = 25
ARTICLES = 160
ARTICLES_SCORED = 10
"""New articles compared with every story of a filled index."""
BIG_STORY = 4
"""Every fourth article is an English member of story 0: 40, more than the LINK_MEMBERS compared,
so the oldest drop out."""

PARAMS = {
    "defaults": GroupingParams(),
    "centroid": replace(GroupingParams(), linkage="centroid"),
    "cross-entities": replace(GroupingParams(), cross_entities=True),
    "no-lead-weight": replace(GroupingParams(), lead_weight=0.0, entity_weight=1.0),
}


def same(found: float | None, expected: float | None) -> bool:
    """Bit for bit where ``sum`` adds in order (3.11), else within rounding."""
    if found is None or expected is None or SEQUENTIAL_SUM:
        return found == expected
    return found == pytest.approx(expected, rel=1e-12, abs=1e-15)


def random_features(
    rng: random.Random, *, language: str | None = None, published: datetime | None = None
) -> Features:
    language = language or rng.choice(LANGUAGES)
    words = [f"{language}{rng.randint(0, VOCABULARY)}" for _ in range(rng.choice((0, 6, 15, 40)))]
    terms = {word: 1.0 + np.log(count) for word, count in Counter(words).items()}
    lead = {word: float(rng.randint(1, 3)) for word in rng.sample(sorted(terms), min(len(terms), 6))}
    if rng.random() < 0.3:
        lead[f"{language}-lead{rng.randint(0, 5)}"] = 1.0  # a lead stem outside the kept terms
    entities = {
        f"id{rng.randint(0, ENTITIES)}": rng.choice((0.0, 0.5, 1.0, 2.0, 3.0))
        for _ in range(rng.randint(0, 6))
    }
    embedding = ""
    if rng.random() < 0.85:
        direction = np.zeros(512, dtype=np.float32)
        if rng.random() < 0.9:  # else all zeros: an embedding with no direction
            direction[:8] = [rng.gauss(0, 1) for _ in range(8)]
        embedding = encode_vector(direction.tolist())
    return Features(
        language=language,
        terms={t: float(w) for t, w in terms.items()},
        entities=entities,
        lead=lead,
        dates=[f"2024-05-{rng.randint(1, 4):02d}"] if rng.random() < 0.3 else [],
        figures=[f"f{rng.randint(0, 3)}|USD|6"] if rng.random() < 0.3 else [],
        embedding=embedding,
        published=published.isoformat() if published else None,
    )


def filled(params: GroupingParams, seed: int) -> tuple[StoryIndex, ReferenceScoring, random.Random]:
    rng = random.Random(seed)
    index, reference = StoryIndex(params), ReferenceScoring(params)
    for article in range(ARTICLES):
        story = 0 if article % BIG_STORY == 0 else rng.randint(1, 40)
        features = random_features(rng, language="en" if story == 0 else None)
        index.add(article, story, features)
        reference.add(story, features)
    return index, reference, rng


def forget_cached_vectors(index: StoryIndex) -> None:
    """Make every story weigh its members by the current IDF, as the reference does."""
    for story in index.stories.values():
        story.cache.clear()


@pytest.mark.parametrize("name", sorted(PARAMS))
def test_signals_and_scores_equal_the_dict_based_computation(name):
    index, reference, rng = filled(PARAMS[name], seed=len(name))
    assert len(index.stories[0].texts["en"]) == LINK_MEMBERS < index.stories[0].members["en"]
    for _ in range(ARTICLES_SCORED):
        article = random_features(rng)
        for story_id in index.stories:
            forget_cached_vectors(index)
            found, expected = index.signals(article, story_id), reference.signals(article, story_id)
            assert found.keys() == expected.keys()
            for key, value in expected.items():
                assert same(found[key], value), (story_id, key, found[key], value)
            forget_cached_vectors(index)
            assert same(index.score(article, story_id), reference.score(article, story_id))
        forget_cached_vectors(index)
        story_ids = list(index.stories)
        batch = index._scores(article, story_ids, index._query(article))
        assert all(
            same(found, reference.score(article, s)) for found, s in zip(batch, story_ids, strict=True)
        )


@pytest.mark.parametrize("name", ["defaults", "centroid"])
def test_decisions_equal_the_dict_based_computation(name, monkeypatch):
    """With a new IDF epoch at every article (so no story keeps vectors weighted by an older IDF),
    each decision is the reference's best candidate, with the same score."""
    monkeypatch.setattr(grouping, "NORM_REFRESH", 0.0)
    params = replace(PARAMS[name], join_threshold=0.6, cross_threshold=0.6)  # joins of random data too
    rng = random.Random(7)
    index, reference = StoryIndex(params), ReferenceScoring(params)
    joined = 0
    for article in range(ARTICLES):
        features = random_features(rng)
        decision = index.decide(features)
        best = None
        for story_id in index._candidates(features, index._query(features)):
            score = reference.score(features, story_id)
            threshold = (
                params.join_threshold
                if reference.stories[story_id].members[features.language]
                else params.cross_threshold
            )
            if score >= threshold and (best is None or score / threshold > best[0]):
                best = (score / threshold, score, story_id)
        if best is None:
            assert decision.story_id is None
        else:
            assert decision.story_id == best[2]
            assert same(decision.score, best[1])
        story = decision.story_id if decision.story_id is not None else 1000 + article
        joined += decision.story_id is not None
        index.add(article, story, features)
        reference.add(story, features)
    assert joined > 10  # the check covered joins, not only new stories


def test_candidates_are_ranked_as_by_counting_postings_one_by_one():
    """Stories sharing most entity ids and strongest terms first, the newest among equals."""
    rng = random.Random(3)
    start = datetime(2024, 5, 1)
    index = StoryIndex(replace(GroupingParams(), max_candidates=15))
    reference = ReferenceScoring(index.params)
    for article in range(ARTICLES):
        story = rng.randint(0, 60)
        features = random_features(rng, published=start + timedelta(days=rng.uniform(0, 40)))
        index.add(article, story, features)
        reference.add(story, features)
    for _ in range(40):
        features = random_features(rng, published=start + timedelta(days=rng.uniform(0, 40)))
        query = index._query(features)
        weeks = index._weeks(grouping._parse(features.published))
        found: Counter[int] = Counter()

        def count(postings, found=found, weeks=weeks):
            for week in (postings or {}).keys() & weeks:
                for story_id in postings[week]:
                    found[story_id] += 1

        for entity in features.entities:
            count(index.by_entity.get(entity))
        language = features.language
        strongest = sorted(
            features.terms.items(), key=lambda item: (-item[1] * reference.idf(language, item[0]), item[0])
        )
        for term, _ in strongest[: index.params.candidate_terms]:
            count(index.by_term.get((language, term)))
        ranked = sorted(found.items(), key=lambda item: (-item[1], -item[0]))[: index.params.max_candidates]
        expected = [story_id for story_id, _ in ranked]
        expected += [s for s in index._dense_neighbours(query) if s not in set(expected)]
        published = grouping._parse(features.published)
        expected = [s for s in expected if index._in_window(index.stories[s], published)]
        assert index._candidates(features, query) == expected


@pytest.mark.skipif(not SEQUENTIAL_SUM, reason="sum() compensates from Python 3.12")
def test_sums_add_in_order_as_python_sum_did():
    """numpy's own ``sum`` adds pairwise; the vectorised scoring must add one term after the other."""
    rng = np.random.default_rng(1)
    values = np.concatenate([[1e16], rng.random(40)])  # where pairwise and in-order sums differ
    assert values.sum() != sum(values.tolist())
    sums = grouping._sequential_sums(values, np.zeros(len(values), dtype=np.int64), np.arange(len(values)), 1)
    assert sums[0] == sum(values.tolist())
    vocabulary = grouping._Vocabulary()
    columns = vocabulary.count([f"t{i}" for i in range(len(values))])
    article = grouping._Weighted(columns, values, 1.0)
    one_row = grouping._dots(
        vocabulary, article, columns, np.ones(len(values)), np.zeros(len(values), dtype=np.int64), 1
    )
    assert one_row[0] == sum(values.tolist())

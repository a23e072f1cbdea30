"""The join decision: normalized signals, average link, embedding neighbours, missing embeddings."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from nutgraf.stories.embed import encode_vector
from nutgraf.stories.features import Features
from nutgraf.stories.grouping import GroupingParams, StoryIndex


def vector(*weights: float) -> str:
    """A 512-dimension embedding with the given leading components (normalized by the index)."""
    values = np.zeros(512, dtype=np.float32)
    values[: len(weights)] = weights
    return encode_vector(values.tolist())


def report(
    terms: str, entities: dict[str, float], lead: str, *, language: str = "en", embedding: str = ""
) -> Features:
    return Features(
        language=language,
        terms={t: 1.0 for t in terms.split()},
        entities=entities,
        lead={t: 1.0 for t in lead.split()},
        embedding=embedding,
    )


FIRST = report(
    "crane collapse ferry terminal port inspect engineer ramp",
    {"loc-port-elsworth": 3.0, "per-ann-lowe": 1.0},
    "crane collapse ferry terminal",
)
SAME = report(
    "crane collapse terminal port engineer inspect close",
    {"loc-port-elsworth": 2.0},
    "crane collapse terminal closed",
)
OTHER = report(
    "festival music harbour crowd stage night",
    {"loc-port-elsworth": 1.0},
    "harbour music festival crowd",
)


def test_without_embeddings_the_text_alone_decides():
    index = StoryIndex()
    index.add(1, 1, FIRST)
    assert index.signals(SAME, 1)["dense"] is None
    assert index.decide(SAME).story_id == 1
    assert index.decide(OTHER).story_id is None


def test_signals_are_on_one_scale():
    """A signal at its own same-event level counts 1.0, whatever that level is."""
    params = replace(GroupingParams(), text_weight=1.0, dense_weight=0.0, entity_weight=0.0, lead_weight=0.0)
    index = StoryIndex(params)
    index.add(1, 1, FIRST)
    text = index.signals(SAME, 1)["text"]
    at_level = StoryIndex(replace(params, text_same=text, date_bonus=0.0, figure_bonus=0.0))
    at_level.add(1, 1, FIRST)
    assert at_level.score(SAME, 1) == pytest.approx(1.0)
    doubled = StoryIndex(replace(params, text_same=text / 2))
    doubled.add(1, 1, FIRST)
    assert doubled.score(SAME, 1) == pytest.approx(2.0)
    capped = StoryIndex(replace(params, text_same=text / 10))
    capped.add(1, 1, FIRST)
    assert capped.score(SAME, 1) == pytest.approx(params.signal_cap)


def test_members_are_compared_by_average_link():
    """An article like one member of a story and unlike the others scores the mean of the two,
    so a story that already holds an event does not absorb a neighbouring one by one bridge."""
    index = StoryIndex()
    first = report("a b c d", {}, "a b", embedding=vector(1.0, 0.0))
    second = report("a b c d", {}, "a b", embedding=vector(0.0, 1.0))
    index.add(1, 1, first)
    index.add(2, 1, second)
    newcomer = report("a b c d", {}, "a b", embedding=vector(1.0, 0.0))
    assert index.signals(newcomer, 1)["dense"] == pytest.approx(0.5, abs=1e-3)


def test_a_report_in_another_language_is_found_by_its_embedding_alone():
    """No shared entity id or term (names outside the alias table, another script): the embedding
    neighbours still bring the story as a candidate."""
    index = StoryIndex()
    english = report("flood river crest town", {"loc-ishim": 1.0}, "flood river", embedding=vector(0.9, 0.1))
    index.add(1, 1, english)
    russian = report(
        "паводок река город", {"loc-ishym": 1.0}, "паводок река", language="ru", embedding=vector(0.88, 0.12)
    )
    assert index.decide(russian).story_id == 1
    without_neighbours = StoryIndex(replace(GroupingParams(), dense_candidates=0))
    without_neighbours.add(1, 1, english)
    assert without_neighbours.decide(russian).story_id is None


def test_the_best_candidate_is_the_one_that_clears_its_own_bar_most():
    """A same-language story and a story in another language are compared by score / threshold."""
    params = replace(GroupingParams(), join_threshold=1.0, cross_threshold=0.5)
    index = StoryIndex(params)
    index.add(1, 1, report("storm coast wind", {}, "storm coast", embedding=vector(1.0, 1.0)))
    index.add(2, 2, report("шторм берег", {}, "шторм берег", language="ru", embedding=vector(1.0, 0.0)))
    article = report("storm coast wind rain", {}, "storm coast", embedding=vector(1.0, 1.0))
    found = {story: index.score(article, story) for story in (1, 2)}
    assert found[1] > found[2]  # by raw score the same-language story would win
    decision = index.decide(article)
    margins = {1: found[1] / 1.0, 2: found[2] / 0.5}
    assert decision.story_id == max(margins, key=margins.get)


def test_the_neighbour_matrix_reuses_the_oldest_row_when_full(monkeypatch):
    from nutgraf.stories import grouping

    monkeypatch.setattr(grouping, "DENSE_ROWS", 3)
    index = StoryIndex()
    for story in range(1, 6):
        index.add(story, story, report(f"t{story}", {}, f"t{story}", embedding=vector(1.0, story)))
    assert sorted(index._row_story) == [3, 4, 5]
    index.add(6, 3, report("t3", {}, "t3", embedding=vector(1.0, 3)))  # story 3 joined: now the newest
    index.add(7, 7, report("t7", {}, "t7", embedding=vector(1.0, 7)))
    assert sorted(index._row_story) == [3, 5, 7]


def forecast(day: str, weather: str) -> Features:
    """One issue of a daily series: the same headline pattern, another day."""
    return replace(
        report(
            f"weather forecast rain wind temperature region {weather}",
            {"loc-elsworth": 2.0},
            f"weather forecast elsworth {weather}",
        ),
        headline_days=[day],
        headline_terms=["elsworth", "forecast", "weather"],
    )


def test_another_days_issue_of_a_series_starts_its_own_story():
    index = StoryIndex()
    index.add(1, 1, forecast("11-08", "rain"))
    assert index.signals(forecast("11-16", "rain"), 1)["text"] > 0.5  # alike enough to join...
    assert index.decide(forecast("11-16", "rain")).story_id is None  # ...but another day's issue
    assert index.decide(forecast("11-08", "wind")).story_id == 1  # the same day's: one story
    switched_off = StoryIndex(GroupingParams(series_overlap=2.0))
    switched_off.add(1, 1, forecast("11-08", "rain"))
    assert switched_off.decide(forecast("11-16", "rain")).story_id == 1


def test_a_headline_of_another_pattern_naming_another_day_still_joins():
    """A developing event whose headlines name different days is one story."""
    index = StoryIndex()
    index.add(1, 1, replace(FIRST, headline_days=["03-04"], headline_terms=["crane", "collapse", "port"]))
    later = replace(SAME, headline_days=["03-05"], headline_terms=["inquiry", "open", "terminal", "close"])
    assert index.decide(later).story_id == 1


def test_the_embedding_counts_across_languages_only_where_the_encoder_aligns_them():
    """Across languages the encoder was not trained on, two unrelated reports can look alike."""
    czech = report("brexit dohoda britanie", {}, "brexit dohoda", language="cs", embedding=vector(1.0, 0.1))
    slovene = report(
        "kopilot letalisce potniki", {}, "kopilot potniki", language="sl", embedding=vector(1.0, 0.1)
    )
    english = report("airport copilot passengers", {}, "copilot passengers", embedding=vector(1.0, 0.1))
    russian = report(
        "аэропорт пилот пассажиры", {}, "пилот пассажиры", language="ru", embedding=vector(1.0, 0.1)
    )
    index = StoryIndex()
    index.add(1, 1, czech)
    assert index.decide(slovene).story_id is None
    assert index.decide(english).story_id is None
    index.add(2, 2, english)
    assert index.decide(russian).story_id == 2

"""The join decision's handling of articles without a lead embedding."""

from __future__ import annotations

from dataclasses import replace

import pytest

from nutgraf.stories.features import Features
from nutgraf.stories.grouping import GroupingParams, StoryIndex


def report(terms: str, entities: dict[str, float], lead: str) -> Features:
    return Features(
        language="en",
        terms={t: 1.0 for t in terms.split()},
        entities=entities,
        lead={t: 1.0 for t in lead.split()},
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


def test_missing_embeddings_are_grouped_as_calibrated_without_them():
    with_dense = StoryIndex(GroupingParams())
    without = StoryIndex(replace(GroupingParams(), dense_weight=0.0, join_threshold=0.30))
    for index in (with_dense, without):
        index.add(1, 1, FIRST)
    params = GroupingParams()
    # The missing cosine counts as dense_absent: the same margin over each setting's threshold.
    assert with_dense.score(SAME, 1) == pytest.approx(
        without.score(SAME, 1) + params.dense_weight * params.dense_absent
    )
    for article in (SAME, OTHER):
        assert with_dense.decide(article).story_id == without.decide(article).story_id
    assert with_dense.decide(SAME).story_id == 1
    assert with_dense.decide(OTHER).story_id is None

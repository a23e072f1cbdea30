"""Regrouping: replay the stored articles through a fresh story index and apply the result.

Ingest groups incrementally, and its decisions are final for that run. ``regroup`` repairs them
when what they were made with has changed: new grouping parameters (a recalibration), features
recomputed by newer code (``recompute=True``), or articles that arrived out of publication order
(``order="published"`` replays them by date, so a late-arriving early report can seed its story).

With the same parameters, the same features and ``order="ingest"``, the replay makes exactly the
decisions ingest made (the index is deterministic and sees the articles in the same order), so
regrouping changes nothing; a test holds it to that. Story ids are kept where a regrouped story
has most of its articles from an existing one, so links to stories stay valid.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from itertools import islice
from typing import Literal

from nutgraf.lang import split_sentences
from nutgraf.store import Store
from nutgraf.stories.embed import embed_articles
from nutgraf.stories.features import article_features, features_from_dict
from nutgraf.stories.grouping import GroupingParams, StoryIndex

__all__ = ["RegroupReport", "regroup"]

RECOMPUTE_BATCH = 64
"""Articles re-embedded at a time when features are recomputed."""

Order = Literal["ingest", "published"]


@dataclass(slots=True)
class RegroupReport:
    articles: int = 0
    stories_before: int = 0
    stories_after: int = 0
    moved: int = 0
    """Articles whose story changed."""
    created: int = 0
    removed: int = 0
    applied: bool = False

    def to_dict(self) -> dict[str, int | bool]:
        return asdict(self)

    def summary_line(self) -> str:
        verb = "moved" if self.applied else "would move"
        return (
            f"{self.articles} articles: {self.stories_before} -> {self.stories_after} stories, "
            f"{verb} {self.moved} article(s) ({self.created} new, {self.removed} removed stories)"
        )


def _recompute(store: Store, rows: list[tuple[int, int | None, dict]]) -> list[tuple[int, int | None, dict]]:
    """Features recomputed from the stored articles (text split again, lead re-embedded; entities,
    dates and figures as stored)."""
    stories = {article_id: story_id for article_id, story_id, _ in rows}
    updated = []
    articles = (a for a in store.iter_articles(batch=RECOMPUTE_BATCH) if a.id in stories)
    while batch := list(islice(articles, RECOMPUTE_BATCH)):
        for article in batch:
            article.sentences = split_sentences(article.text, article.language)
        recomputed = {
            article.id: article_features(article, vector).to_dict()
            for article, vector in zip(batch, embed_articles(batch), strict=True)
        }
        store.set_features(recomputed)
        updated.extend((a, stories[a], f) for a, f in recomputed.items())
    return updated


def _published_key(row: tuple[int, int | None, dict]) -> tuple[bool, datetime, int]:
    published = row[2].get("published")
    try:
        when = datetime.fromisoformat(published).replace(tzinfo=None) if published else datetime.min
    except ValueError:
        when = datetime.min
    return published is None, when, row[0]


def regroup(
    store: Store,
    *,
    params: GroupingParams | None = None,
    order: Order = "ingest",
    recompute: bool = False,
    apply: bool = True,
    progress: Callable[[int], None] | None = None,
) -> RegroupReport:
    """Replay every stored article through a fresh index; write the result when ``apply``."""
    rows = [row for row in store.iter_features() if row[2]]
    if recompute:
        rows = _recompute(store, rows)
    if order == "published":
        rows.sort(key=_published_key)
    old = {article_id: story_id for article_id, story_id, _ in rows}
    index = StoryIndex(params)
    cluster_of: dict[int, int] = {}
    copies: dict[int, int | None] = {}
    for article_id, _, data in rows:
        features = features_from_dict(data)
        decision = index.decide(features)
        cluster = decision.story_id if decision.story_id is not None else -article_id
        index.add(article_id, cluster, features)
        cluster_of[article_id] = cluster
        copies[article_id] = decision.copy_of
        if progress is not None:
            progress(article_id)

    members: dict[int, list[int]] = defaultdict(list)
    for article_id, cluster in cluster_of.items():
        members[cluster].append(article_id)
    report = RegroupReport(
        articles=len(rows),
        stories_before=len({s for s in old.values() if s is not None}),
        stories_after=len(members),
    )
    story_for: dict[int, int | None] = {}
    taken: set[int] = set()
    for cluster, article_ids in sorted(members.items(), key=lambda item: min(item[1])):
        votes = Counter(old[a] for a in article_ids if old[a] is not None)
        reused = next(
            (s for s, _ in sorted(votes.items(), key=lambda v: (-v[1], v[0])) if s not in taken), None
        )
        story_for[cluster] = reused
        if reused is not None:
            taken.add(reused)
    report.created = sum(1 for s in story_for.values() if s is None)
    report.removed = report.stories_before - len(taken)
    new_story = {a: story_for[cluster_of[a]] for a in cluster_of}
    report.moved = sum(1 for a, s in new_story.items() if s is None or s != old[a])
    if not apply:
        return report
    with store.writer_lock():  # no ingest runs (nor repairs empty stories) between these steps
        for cluster, reused in story_for.items():
            if reused is None:
                first = store.get_article(min(members[cluster]))
                story_for[cluster] = store.create_story(first.title, first.published)
        store.apply_grouping({a: (story_for[cluster_of[a]], copies[a]) for a in cluster_of})
    report.applied = True
    return report

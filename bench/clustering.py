"""Story grouping quality on ECB+ (BCubed), with a TF-IDF + agglomerative baseline, in one run.

ECB+ (../shared/eval/clustering/ecbplus-dev-en.jsonl): every topic holds two similar but different
events, so grouping by topic is wrong. All documents of a topic range are streamed through one
story index together, in file order, as an ingest would; no number of stories is given. The
baseline (TF-IDF, cosine, average-linkage agglomerative clustering) is given the true number of
stories.

    python bench/clustering.py               # report on topics 26-35 with the package defaults
    python bench/clustering.py --calibrate   # grid search on topics 1-25, then report 26-35

Calibration: a grid over the text/entity/lead weights and the join threshold, BCubed F1 on topics
1-25. The landscape is flat (most settings score 0.83-0.85), so the defaults in
nutgraf.stories.grouping.GroupingParams are the most conservative (highest threshold) of the
settings within TIE of the best; topics 26-35 are never used to choose.
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from nutgraf.clean import extract
from nutgraf.model import RawDocument
from nutgraf.pipeline import enrich, prepare
from nutgraf.stories.features import Features, article_features
from nutgraf.stories.grouping import GroupingParams, StoryIndex

DATA = (
    Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "clustering" / "ecbplus-dev-en.jsonl"
)
CALIBRATION_TOPICS = range(1, 26)
TIE = 0.003
"""BCubed F1 differences below this on topics 1-25 are one or two documents: a tie."""
REPORT_TOPICS = range(26, 36)


def bcubed(predicted: list[int], gold: list[str]) -> tuple[float, float, float]:
    by_predicted, by_gold = defaultdict(set), defaultdict(set)
    for index, (p, g) in enumerate(zip(predicted, gold, strict=True)):
        by_predicted[p].add(index)
        by_gold[g].add(index)
    precision = recall = 0.0
    for p, g in zip(predicted, gold, strict=True):
        overlap = len(by_predicted[p] & by_gold[g])
        precision += overlap / len(by_predicted[p])
        recall += overlap / len(by_gold[g])
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def load(topics: range) -> list[dict]:
    records = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    return [r for r in records if int(r["topic"]) in topics]


def featurize(records: list[dict]) -> list[Features]:
    raws = [
        RawDocument(
            origin=r["id"],
            content=r["text"],
            kind="text",
            source_key="ecb",
            title=r["title"] or None,
            language="en",
            external_id=r["id"],
        )
        for r in records
    ]
    articles = [prepare(raw, extract(raw)) for raw in raws]
    enrich(articles)
    return [article_features(a, a.embedding) for a in articles]


def group(features: list[Features], params: GroupingParams) -> list[int]:
    index = StoryIndex(params)
    assigned = []
    for number, item in enumerate(features):
        decision = index.decide(item)
        story = decision.story_id if decision.story_id is not None else number
        index.add(number, story, item)
        assigned.append(story)
    return assigned


def baseline(records: list[dict]) -> list[int]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [f"{r['title']}\n{r['text']}" for r in records]
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts).toarray()
    k = len({r["story"] for r in records})
    return list(AgglomerativeClustering(n_clusters=k, metric="cosine", linkage="average").fit_predict(matrix))


def calibrate(features: list[Features], gold: list[str], top: int = 8) -> GroupingParams:
    """Grid search on the calibration topics; prints the best settings, returns the best."""
    results: list[tuple[float, GroupingParams]] = []
    for text_weight, entity_weight, lead_weight, threshold in itertools.product(
        (0.4, 0.5, 0.6), (0.3, 0.4, 0.5), (0.0, 0.3, 0.5), (0.24, 0.26, 0.28, 0.30, 0.32)
    ):
        params = replace(
            GroupingParams(),
            text_weight=text_weight,
            entity_weight=entity_weight,
            lead_weight=lead_weight,
            join_threshold=threshold,
        )
        results.append((bcubed(group(features, params), gold)[2], params))
    results.sort(key=lambda item: -item[0])
    print("best settings on topics 1-25 (BCubed F1, text/entity/lead weights, join threshold):")
    for f1, params in results[:top]:
        print(
            f"  {f1:.3f}  {params.text_weight}/{params.entity_weight}/{params.lead_weight}  {params.join_threshold}"
        )
    tied = [(f1, params) for f1, params in results if f1 >= results[0][0] - TIE]
    chosen = max(tied, key=lambda item: (item[1].join_threshold, item[0]))[1]
    print(
        f"chosen (highest threshold within {TIE} of the best): "
        f"{chosen.text_weight}/{chosen.entity_weight}/{chosen.lead_weight} {chosen.join_threshold}"
    )
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--calibrate", action="store_true", help="grid-search the weights on topics 1-25 first"
    )
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found (it lives in ../shared beside a development checkout)")
        return
    rows = []
    params = GroupingParams()
    if args.calibrate:
        calibration = load(CALIBRATION_TOPICS)
        started = time.perf_counter()
        features = featurize(calibration)
        print(f"featurized {len(calibration)} calibration documents in {time.perf_counter() - started:.0f}s")
        gold = [r["story"] for r in calibration]
        params = calibrate(features, gold)
        rows.append(
            ("Nutgraf, calibrated params", "1-25", len(calibration), *bcubed(group(features, params), gold))
        )
        rows.append(
            (
                "Nutgraf, package defaults",
                "1-25",
                len(calibration),
                *bcubed(group(features, GroupingParams()), gold),
            )
        )
        rows.append(
            (
                "TF-IDF + agglomerative (true k)",
                "1-25",
                len(calibration),
                *bcubed(baseline(calibration), gold),
            )
        )
    report = load(REPORT_TOPICS)
    features = featurize(report)
    gold = [r["story"] for r in report]
    started = time.perf_counter()
    predicted = group(features, GroupingParams())
    seconds = time.perf_counter() - started
    rows.append(("Nutgraf, package defaults", "26-35", len(report), *bcubed(predicted, gold)))
    if args.calibrate:
        rows.append(
            ("Nutgraf, calibrated params", "26-35", len(report), *bcubed(group(features, params), gold))
        )
    rows.append(("TF-IDF + agglomerative (true k)", "26-35", len(report), *bcubed(baseline(report), gold)))
    print(
        f"stories found on topics 26-35: {len(set(predicted))} (gold {len(set(gold))}); grouping {1000 * seconds / len(report):.2f} ms/article"
    )
    print("system | topics | articles | BCubed P | BCubed R | BCubed F1")
    print("--- | --- | --- | --- | --- | ---")
    for name, topics, count, p, r, f in rows:
        print(f"{name} | {topics} | {count} | {p:.3f} | {r:.3f} | {f:.3f}")


if __name__ == "__main__":
    main()

"""Designs tried for grouping and not shipped, measured leave-one-dataset-out beside the shipped one.

Issue 22 asked whether two designs would beat the incremental grouping on the six public sets of
``bench/grouping.py`` (same loaders, features and metrics; results in
``bench/results/grouping_alternatives.md``, quoted by docs/grouping.md):

- **re-clustering**: average-link agglomerative clustering of the whole set at once over the same
  normalized article-article scores (what a bounded re-clustering of a recent window converges to
  when the window holds the whole set), threshold chosen leave-one-out;
- **a learned combination**: logistic regression over the capped, normalized signals (lead
  embedding, text, lead terms, entities within and across languages, shared date, shared figure,
  same language), fitted on the five other sets' pairs (each set weighted equally, classes
  balanced), its threshold chosen on the same five sets, and clustered as above.

The article-article signals are those of ``StoryIndex.signals`` computed for every pair at once
(IDF over the set, text and lead terms within one language), so the comparison is with the same
evidence the shipped grouping has, only combined or clustered differently.

    python bench/grouping_alternatives.py
"""

from __future__ import annotations

import math
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import grouping as harness

RESULTS = harness.ROOT / "bench" / "results" / "grouping_alternatives.md"
THRESHOLDS = (0.8, 0.85, 0.9, 0.95, 1.0, 1.05, 1.1, 1.15, 1.2)
"""Normalized-score thresholds the re-clustering chooses from, leave-one-out."""
LOGIT_THRESHOLDS = tuple(x / 2 for x in range(-6, 7))
"""Logistic-regression decision values the learned combination chooses from, leave-one-out."""
NEGATIVE_SCORE = 0.5
"""Pairs of a clustering set used to fit the regression: every same-event pair, and the
different-event pairs scoring at least this much (the hard ones; the rest are trivially apart)."""


def _matrix(dicts: list[dict[str, float]], transform=None):
    import numpy as np
    from scipy import sparse

    vocabulary: dict[str, int] = {}
    rows, columns, values = [], [], []
    for row, weights in enumerate(dicts):
        for key, value in weights.items():
            rows.append(row)
            columns.append(vocabulary.setdefault(key, len(vocabulary)))
            values.append(value if transform is None else transform(value))
    return sparse.csr_matrix(
        (values, (rows, columns)), shape=(len(dicts), max(1, len(vocabulary))), dtype=np.float64
    )


def _idf_cosines(matrix):
    """Cosines of IDF-weighted rows, with the grouping index's IDF (log((1 + n) / (1 + df)) + 1)."""
    import numpy as np
    from scipy import sparse

    count = matrix.shape[0]
    df = np.asarray((matrix > 0).sum(axis=0)).ravel()
    weighted = matrix @ sparse.diags(np.log((1 + count) / (1 + df)) + 1.0)
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1))).ravel()
    weighted = sparse.diags(1 / np.where(norms == 0, 1, norms)) @ weighted
    return (weighted @ weighted.T).toarray()


def pair_signals(dataset, overlap: float) -> dict:
    """Every article-article signal of a set as an n × n matrix (``series``: another day's issue of
    one headline pattern, ``GroupingParams.series_overlap``)."""
    import numpy as np

    from nutgraf.stories.embed import decode_vector

    items = dataset.features
    count = len(items)
    languages = np.array([f.language for f in items])
    units = []
    for item in items:
        vector = decode_vector(item.embedding)
        vector = np.zeros(512, dtype=np.float64) if vector is None else np.asarray(vector, dtype=np.float64)
        norm = np.linalg.norm(vector)
        units.append(vector / norm if norm else vector)
    embeddings = np.array(units)
    text, lead = np.zeros((count, count)), np.zeros((count, count))
    for language in set(languages):
        rows = np.where(languages == language)[0]
        text[np.ix_(rows, rows)] = _idf_cosines(_matrix([items[i].terms for i in rows]))
        lead[np.ix_(rows, rows)] = _idf_cosines(_matrix([items[i].lead for i in rows]))
    entities = _idf_cosines(_matrix([f.entities for f in items], lambda n: 1 + math.log(n) if n > 0 else 0.0))
    series = np.zeros((count, count), dtype=bool)
    dated = [i for i, f in enumerate(items) if f.headline_days]
    for a in dated:
        for b in dated:
            days_a, days_b = set(items[a].headline_days), set(items[b].headline_days)
            terms_a, terms_b = set(items[a].headline_terms), set(items[b].headline_terms)
            union = len(terms_a | terms_b)
            series[a, b] = not days_a & days_b and bool(union) and len(terms_a & terms_b) / union >= overlap
    dates = _matrix([dict.fromkeys(f.dates, 1.0) for f in items])
    figures = _matrix([dict.fromkeys(f.figures, 1.0) for f in items])
    return {
        "dense": embeddings @ embeddings.T,
        "text": text,
        "lead": lead,
        "entity": entities,
        "date": ((dates @ dates.T).toarray() > 0).astype(float),
        "figure": ((figures @ figures.T).toarray() > 0).astype(float),
        "same": languages[:, None] == languages[None, :],
        "series": series,
    }


def normalized(signals: dict, params):
    """The shipped score (``StoryIndex.score``) for every pair."""
    import numpy as np

    cap = params.signal_cap
    dense = np.minimum(signals["dense"] / params.dense_same, cap)
    text = np.minimum(signals["text"] / params.text_same, cap)
    lead = np.minimum(signals["lead"] / params.lead_same, cap)
    entity = np.minimum(signals["entity"] / params.entity_same, cap)
    weights = params.dense_weight + params.text_weight + params.lead_weight
    within = params.dense_weight * dense + params.text_weight * text + params.lead_weight * lead
    same = (within + params.entity_weight * entity) / (weights + params.entity_weight)
    across = np.maximum(
        dense,
        (params.dense_weight * dense + params.entity_weight * entity)
        / (params.dense_weight + params.entity_weight),
    )
    score = np.where(signals["same"], same, across)
    score = score + params.date_bonus * signals["date"] + params.figure_bonus * signals["figure"]
    vetoed = (signals["same"] & (signals["lead"] < params.min_lead)) | signals["series"]
    return np.where(vetoed, 0.0, score)


def learned_inputs(signals: dict, params):
    import numpy as np

    cap = params.signal_cap
    same = signals["same"].astype(float)
    entity = np.minimum(signals["entity"] / params.entity_same, cap)
    return np.stack(
        [
            np.minimum(signals["dense"] / params.dense_same, cap),
            np.minimum(signals["text"] / params.text_same, cap) * same,
            np.minimum(signals["lead"] / params.lead_same, cap) * same,
            entity * same,
            entity * (1 - same),
            signals["date"],
            signals["figure"],
            same,
        ],
        axis=-1,
    )


INPUTS = (
    "dense",
    "text",
    "lead",
    "entities (same language)",
    "entities (across)",
    "date",
    "figure",
    "same language",
)


def average_link(scores, threshold: float) -> list[int]:
    """Average-link clusters whose mean pairwise score is at least ``threshold``."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    top = float(np.max(scores)) + 1.0
    distances = np.clip(top - scores, 0, None)
    np.fill_diagonal(distances, 0)
    tree = linkage(squareform(distances, checks=False), method="average")
    return [int(label) for label in fcluster(tree, top - threshold, criterion="distance")]


def training_pairs(dataset, signals, scores, params):
    import numpy as np

    inputs = learned_inputs(signals, params)
    if dataset.gold is None:
        pairs = list(dataset.pairs)
    else:
        count = len(dataset.gold)
        pairs = [
            (a, b, dataset.gold[a] == dataset.gold[b])
            for a in range(count)
            for b in range(a + 1, count)
            if dataset.gold[a] == dataset.gold[b] or scores[a, b] >= NEGATIVE_SCORE
        ]
    return np.array([inputs[a, b] for a, b, _ in pairs]), np.array([int(same) for _, _, same in pairs])


def main() -> None:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from nutgraf.stories.grouping import GroupingParams

    if not harness.EVAL.exists():
        print(f"skipped: {harness.EVAL} not found (it lives in ../shared beside a development checkout)")
        return
    started = time.perf_counter()
    names = harness.PUBLIC_SETS
    params = GroupingParams()
    sets = harness.load_all(names)
    signals = {n: pair_signals(sets[n], params.series_overlap) for n in names}
    scores = {n: normalized(signals[n], params) for n in names}
    rows: dict[str, dict[str, tuple[float, float, float]]] = {}
    notes: dict[str, str] = {}

    rows["Nutgraf, shipped (incremental, average link, threshold 1.0)"] = {
        n: harness.evaluate(sets[n], harness.group(sets[n], params)) for n in names
    }

    clustered = {
        (n, t): harness.evaluate(sets[n], average_link(scores[n], t)) for n in names for t in THRESHOLDS
    }
    chosen = harness.lodo({t: {n: clustered[(n, t)][2] for n in names} for t in THRESHOLDS}, names)
    rows["re-clustering: average link over the whole set, threshold LODO"] = {
        n: clustered[(n, chosen[n][0])] for n in names
    }
    notes["re-clustering"] = "; ".join(f"{n}: {chosen[n][0]}" for n in names)
    rows["re-clustering at threshold 1.0 (the shipped level)"] = {n: clustered[(n, 1.0)] for n in names}

    pairs = {n: training_pairs(sets[n], signals[n], scores[n], params) for n in names}
    learned, coefficients = {}, []
    for held_out in names:
        train = [n for n in names if n != held_out]
        model = LogisticRegression(class_weight="balanced", max_iter=1000)
        model.fit(
            np.vstack([pairs[n][0] for n in train]),
            np.concatenate([pairs[n][1] for n in train]),
            sample_weight=np.concatenate([np.full(len(pairs[n][1]), 1000 / len(pairs[n][1])) for n in train]),
        )

        def decision(name: str, model=model):
            inputs = learned_inputs(signals[name], params)
            values = inputs.reshape(-1, inputs.shape[-1]) @ model.coef_[0] + model.intercept_[0]
            values = values.reshape(inputs.shape[:2])
            gate = (signals[name]["same"] & (signals[name]["lead"] < params.min_lead)) | signals[name][
                "series"
            ]
            return np.where(gate, -20.0, values)

        values = {n: decision(n) for n in names}
        threshold = max(
            LOGIT_THRESHOLDS,
            key=lambda t: statistics.fmean(
                harness.evaluate(sets[n], average_link(values[n], t))[2] for n in train
            ),
        )
        learned[held_out] = harness.evaluate(sets[held_out], average_link(values[held_out], threshold))
        coefficients.append(
            f"{held_out} out: threshold {threshold}, "
            + ", ".join(f"{name} {weight:+.2f}" for name, weight in zip(INPUTS, model.coef_[0], strict=True))
            + f", intercept {model.intercept_[0]:+.2f}"
        )
    rows["learned: logistic regression over the signals, LODO"] = learned

    lines: list[str] = []

    def out(line: str = "") -> None:
        print(line)
        lines.append(line)

    out("| design | " + " | ".join(names) + " | mean |")
    out("|---|" + "---|" * (len(names) + 1))
    for label, row in rows.items():
        mean = statistics.fmean(row[n][2] for n in names)
        out(f"| {label} | " + " | ".join(f"{row[n][2]:.3f}" for n in names) + f" | {mean:.3f} |")
    out()
    out(
        "Per-set best threshold of the re-clustering (chosen on the set itself, an upper bound, not a result):"
    )
    out()
    best = {n: max(THRESHOLDS, key=lambda t, n=n: clustered[(n, t)][2]) for n in names}
    out("| | " + " | ".join(names) + " | mean |")
    out("|---|" + "---|" * (len(names) + 1))
    out(
        "| F1 (threshold) | "
        + " | ".join(f"{clustered[(n, best[n])][2]:.3f} ({best[n]})" for n in names)
        + f" | {statistics.fmean(clustered[(n, best[n])][2] for n in names):.3f} |"
    )
    out()
    out(f"- re-clustering thresholds chosen leave-one-out: {notes['re-clustering']}")
    for line in coefficients:
        out(f"- learned, {line}")
    out()
    out(f"({time.perf_counter() - started:.0f} s; `python bench/grouping_alternatives.py`)")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

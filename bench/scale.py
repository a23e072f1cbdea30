"""Ingest throughput in-process, on a 2-worker Dask LocalCluster, on SQLite and on PostgreSQL, and
the web app's story-list latency while an ingest writes, in one run on the BBC set.

    python bench/scale.py               # 400 BBC articles per run (--limit N)

Every run ingests the same first N records of ../shared/eval/summarization/bbc-en.jsonl into a
fresh store, with the whole pipeline (clean, understand, embed, summarize, group, store), and
reports articles/s over the wall time including model loading in the workers. PostgreSQL runs on
a throwaway server started here (tests/pg.py), skipped with a reason when none can be started.
For the web figure, ``nutgraf serve`` runs in a child process on a store that already holds one
run's articles, while a second ingest writes into it; a client thread requests the story list
as fast as it answers and records latencies.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from nutgraf.ingest import iter_documents
from nutgraf.pipeline import IngestOptions, ingest
from nutgraf.store import open_store

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "summarization" / "bbc-en.jsonl"
TESTS = Path(__file__).resolve().parent.parent / "tests"
DEFAULT_LIMIT = 400
"""Articles per run: enough to amortise model loading in the Dask workers, small enough for the
four runs in a few minutes."""
WARM_UP = 5
"""Articles ingested first, untimed, so that this process's models are loaded before any run (the
Dask workers load theirs inside their run, as they would on a cluster)."""


def _sample(limit: int, folder: Path, name: str) -> Path:
    lines = DATA.read_text(encoding="utf-8").splitlines()[:limit]
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(db: str, source: Path, options: IngestOptions) -> tuple[int, float]:
    started = time.perf_counter()
    with open_store(db) as store:
        report = ingest(iter_documents([source]), store, options=options)
    return report.new, time.perf_counter() - started


def _postgres():
    sys.path.insert(0, str(TESTS))
    try:
        from pg import start_postgres

        return start_postgres()
    except Exception as exc:  # no binaries, or the server would not start here
        print(f"PostgreSQL skipped: {exc}")
        return None


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _web_during_ingest(db: str, source: Path, port: int) -> tuple[list[float], list[float], int]:
    """Story-list latencies (ms) with no writer, then while ``source`` is ingested into ``db``."""
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("nutgraf")), "serve", "--db", db, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    errors = 0
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url, timeout=5).read()
                break
            except OSError:
                time.sleep(0.2)

        def measure(stop: threading.Event, out: list[float], count: int | None = None) -> None:
            nonlocal errors
            while not stop.is_set() and (count is None or len(out) < count):
                started = time.perf_counter()
                try:
                    urllib.request.urlopen(url, timeout=30).read()
                    out.append(1000 * (time.perf_counter() - started))
                except OSError:
                    errors += 1

        idle: list[float] = []
        measure(threading.Event(), idle, count=200)
        busy: list[float] = []
        stop = threading.Event()
        client = threading.Thread(target=measure, args=(stop, busy))
        client.start()
        _run(db, source, IngestOptions())
        stop.set()
        client.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return idle, busy, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT)
    parser.add_argument("--port", type=int, default=8791)
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found (it lives in ../shared beside a development checkout)")
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        first = _sample(args.limit, folder, "bbc-a.jsonl")
        _run(str(folder / "warm.db"), _sample(WARM_UP, folder, "warm.jsonl"), IngestOptions())
        new, seconds = _run(str(folder / "inproc.db"), first, IngestOptions())
        rows.append(("SQLite, in-process", new, seconds))
        from distributed import LocalCluster

        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cluster:
            new, seconds = _run(str(folder / "dask.db"), first, IngestOptions(dask=cluster.scheduler_address))
        rows.append(("SQLite, Dask LocalCluster (2 workers)", new, seconds))
        server = _postgres()
        if server is not None:
            try:
                new, seconds = _run(server.create_database(), first, IngestOptions())
                rows.append(("PostgreSQL, in-process", new, seconds))
            finally:
                server.stop()
        baseline = rows[0][1] / rows[0][2]
        print(f"BBC, first {args.limit} records, 2 cores")
        print("run | articles | seconds | articles/s | vs in-process SQLite")
        print("--- | --- | --- | --- | ---")
        for name, count, elapsed in rows:
            rate = count / elapsed
            print(f"{name} | {count} | {elapsed:.1f} | {rate:.1f} | {rate / baseline:.2f}x")

        lines = DATA.read_text(encoding="utf-8").splitlines()
        second = folder / "bbc-b.jsonl"
        second.write_text("\n".join(lines[args.limit : 2 * args.limit]) + "\n", encoding="utf-8")
        idle, busy, errors = _web_during_ingest(str(folder / "inproc.db"), second, args.port)
    print()
    print("web story list (GET /) | requests | p50 ms | p95 ms")
    print("--- | --- | --- | ---")
    for name, values in (("no writer", idle), ("while an ingest writes", busy)):
        if values:
            print(
                f"{name} | {len(values)} | {statistics.median(values):.1f} | {_percentile(values, 0.95):.1f}"
            )
    print(f"request errors: {errors}")


if __name__ == "__main__":
    main()

"""Web speed: requests/s and p50/p95 latency of the story list, an article page and the summary
endpoint, over a store of 1,000 articles, measured from a second process.

The store is the bundled sample corpus ingested through the real pipeline, then copied (with
new stories, dates and hashes) until it holds ``--articles`` articles. ``nutgraf serve`` runs in a
child process; this process is the client (keep-alive HTTP/1.1 connections, one per worker).

    python bench/web.py [--articles 1000] [--requests 500] [--concurrency 1] [--db PATH] [--json]

The story list is timed twice: on the first visit of each page (its cards are computed) and
warm (cards come from the app's cache). Target: p95 under 50 ms for the summary endpoint.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from nutgraf.cli import sample_corpus
from nutgraf.ingest import iter_documents
from nutgraf.pipeline import ingest
from nutgraf.store import Store, open_store

SUMMARY_P95_TARGET_MS = 50.0
STARTUP_SECONDS = 60
SEED = 7
"""Random article ids are drawn with a fixed seed, so two runs request the same pages."""


def _copies(store: Store, target: int) -> None:
    """Copy the stored articles (round after round, each round a new set of stories, a year later)
    until the store holds ``target`` articles. Grouping is not re-run: each copy joins the copy of
    its original's story."""
    originals = list(store.iter_articles())
    features = {article_id: found for article_id, _, found in store.iter_features()}
    count, round_number = len(originals), 0
    while count < target:
        round_number += 1
        stories: dict[int | None, int] = {}
        for article in originals:
            if count >= target:
                break
            copy = replace(
                article,
                id=None,
                url=f"{article.url}#copy-{round_number}" if article.url else None,
                external_id=f"{article.external_id or article.id}-copy-{round_number}",
                content_hash=f"{article.content_hash}-{round_number}",
                published=article.published + timedelta(days=365 * round_number)
                if article.published
                else None,
                copy_of=None,
                story_id=None,
            )
            new_id, is_new = store.add_article(
                copy,
                outlet_key=f"{(article.outlet or article.source_key).casefold()}",
                raw_hash=f"bench-{article.id}-{round_number}",
                features=features.get(article.id or 0),
            )
            if not is_new:
                continue
            if article.story_id not in stories:
                stories[article.story_id] = store.create_story(copy.title, copy.published)
            store.assign_story(new_id, stories[article.story_id])
            count += 1


def build_store(path: Path, articles: int) -> None:
    with open_store(path) as store:
        if store.count_articles() == 0:
            print(f"ingesting the sample corpus into {path} ...", file=sys.stderr)
            ingest(iter_documents([sample_corpus()], folder_outlets=True), store)
        if store.count_articles() < articles:
            print(f"copying articles up to {articles} ...", file=sys.stderr)
            _copies(store, articles)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(connection: http.client.HTTPConnection, path: str) -> float:
    started = time.perf_counter()
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    elapsed = (time.perf_counter() - started) * 1000
    if response.status != 200:
        raise RuntimeError(f"GET {path}: HTTP {response.status}")
    return elapsed


def _wait_for(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("nutgraf serve exited; see its output above")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            _get(connection, "/api/stories?limit=1")
            connection.close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("nutgraf serve did not start")


def measure(port: int, paths: list[str], concurrency: int) -> dict[str, float]:
    """Request every path once, spread over ``concurrency`` keep-alive connections."""
    chunks = [paths[i::concurrency] for i in range(concurrency)]

    def run(chunk: list[str]) -> list[float]:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            return [_get(connection, path) for path in chunk]
        finally:
            connection.close()

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        latencies = sorted(ms for result in pool.map(run, chunks) for ms in result)
    seconds = time.perf_counter() - started
    return {
        "requests": len(latencies),
        "requests_per_s": round(len(latencies) / seconds, 1),
        "p50_ms": round(statistics.median(latencies), 2),
        "p95_ms": round(latencies[max(0, int(len(latencies) * 0.95) - 1)], 2),
        "max_ms": round(latencies[-1], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=500, help="Requests per endpoint.")
    parser.add_argument("--concurrency", type=int, default=1, help="Client connections at once.")
    parser.add_argument("--db", type=Path, help="Store to use (built when missing or smaller).")
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = options.db or Path(folder) / "bench-web.db"
        build_store(db, options.articles)
        with open_store(db) as store:
            total = store.count_articles()
            article_ids = [a for a, _, _ in store.iter_features()]
            stories = len(store.list_stories())
        page_size = 20
        rng = random.Random(SEED)
        pages = [f"/?offset={offset}" for offset in range(0, stories, page_size)]
        port = _free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from nutgraf.cli import main; main()",
                "serve",
                "--db",
                str(db),
                "--port",
                str(port),
            ],
            stdout=subprocess.DEVNULL,
        )
        try:
            _wait_for(port, server)
            results = {
                "story list, first visit of each page": measure(port, pages, 1),
                "story list (warm)": measure(
                    port, [rng.choice(pages) for _ in range(options.requests)], options.concurrency
                ),
                "article page": measure(
                    port,
                    [f"/articles/{rng.choice(article_ids)}" for _ in range(options.requests)],
                    options.concurrency,
                ),
                "summary endpoint": measure(
                    port,
                    [f"/api/articles/{rng.choice(article_ids)}/summary" for _ in range(options.requests)],
                    options.concurrency,
                ),
            }
        finally:
            server.terminate()
            server.wait(timeout=30)
    summary_p95 = results["summary endpoint"]["p95_ms"]
    if options.json:
        print(
            json.dumps(
                {
                    "articles": total,
                    "stories": stories,
                    "concurrency": options.concurrency,
                    "results": results,
                }
            )
        )
        return
    print(
        f"web: {total} articles, {stories} stories, {options.concurrency} client connection(s), server in a child process"
    )
    print("endpoint | requests | requests/s | p50 ms | p95 ms | max ms")
    print("--- | --- | --- | --- | --- | ---")
    for name, row in results.items():
        print(
            f"{name} | {row['requests']} | {row['requests_per_s']} | {row['p50_ms']} | {row['p95_ms']} | {row['max_ms']}"
        )
    verdict = "met" if summary_p95 < SUMMARY_P95_TARGET_MS else "MISSED"
    print(f"summary endpoint p95 {summary_p95} ms: target < {SUMMARY_P95_TARGET_MS:.0f} ms {verdict}")


if __name__ == "__main__":
    main()

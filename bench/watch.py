"""Polling throughput: ``nutgraf watch`` rounds over local feeds, against the bare pipeline.

Serves FEEDS RSS feeds of ENTRIES invented articles each, every feed on its own loopback address
(127.0.0.1, 127.0.0.2, ...: 20 hosts, as 20 real outlets would be, so per-host politeness applies
per feed), from HTTP servers inside this process. Nothing leaves the machine. Prints one table:

* ingest only: the same pages handed to the pipeline from memory (no HTTP), the ceiling;
* watch round 1 with no per-host delay: fetching + ingesting every entry;
* watch round 2: every feed answers 304 Not Modified;
* watch round 1 with the default politeness (1 s between requests to one host, 2 in flight).

    python bench/watch.py [--feeds 20] [--entries 50] [--workers 1] [--skip-polite]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# The invented pages and feeds are the ones the tests serve (tests/localweb.py).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from nutgraf.ingest.watch import Watcher, WatchSettings
from nutgraf.ingest.web import FetchPolicy
from nutgraf.model import RawDocument
from nutgraf.pipeline import IngestOptions, ingest
from nutgraf.store import open_store
from nutgraf.store.sources import add_source


def _localweb():
    """The invented pages and feeds that the tests serve (tests/localweb.py)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    import localweb

    return localweb


ARTICLES_PER_FEED = 1000
"""Article numbers are ``feed * ARTICLES_PER_FEED + entry``: distinct pages across all feeds."""


class Outlet:
    """One outlet: an HTTP server on its own loopback address serving a feed and its pages."""

    def __init__(self, number: int, entries: int) -> None:
        self.host = f"127.0.0.{number + 1}"
        self.pages: dict[str, bytes] = {}
        web = _localweb()
        items = []
        server = ThreadingHTTPServer((self.host, 0), self._handler())
        server.daemon_threads = True
        self.server = server
        self.base = f"http://{self.host}:{server.server_address[1]}"
        for n in range(entries):
            headline, page = web.article_page(number * ARTICLES_PER_FEED + n)
            path = f"/news/{n}.html"
            self.pages[path] = page
            items.append({"title": headline, "link": f"{self.base}{path}"})
        self.feed = web.rss_feed(f"Feed {number} Courier", items)
        self.etag = '"' + hashlib.sha256(self.feed).hexdigest()[:16] + '"'
        threading.Thread(target=server.serve_forever, daemon=True).start()

    def _handler(self):
        outlet = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                if self.path == "/feed.xml":
                    if self.headers.get("If-None-Match") == outlet.etag:
                        self.send_response(304)
                        self.end_headers()
                        return
                    self._send(outlet.feed, "application/rss+xml", {"ETag": outlet.etag})
                elif self.path in outlet.pages:
                    self._send(outlet.pages[self.path], "text/html; charset=utf-8", {})
                else:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()

            def _send(self, body: bytes, kind: str, headers: dict[str, str]) -> None:
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

        return Handler

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def watch_rounds(outlets: list[Outlet], folder: Path, label: str, settings: WatchSettings, rounds: int):
    """Rows of (label, articles, seconds) for ``rounds`` rounds on a fresh store."""
    rows = []
    with open_store(folder / f"{label.split()[0]}-{time.monotonic_ns()}.db") as store:
        for outlet in outlets:
            add_source(store, f"{outlet.base}/feed.xml", allow_private=True)
        watcher = Watcher(store, settings)
        for number in range(1, rounds + 1):
            report = watcher.run_round()
            print(f"  {label}: {report.line()}")
            rows.append(
                (f"{label}, round {number}", report.new, report.seconds, report.failed + len(report.errors))
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--workers", type=int, default=1, help="processes for NER and analysis")
    parser.add_argument("--skip-polite", action="store_true", help="skip the run with default politeness")
    args = parser.parse_args()

    outlets = [Outlet(i, args.entries) for i in range(args.feeds)]
    options = IngestOptions(batch_size=50, workers=args.workers)
    policy = FetchPolicy(allow_private=True)
    rows = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            documents = [
                RawDocument(
                    origin=f"{o.base}{path}",
                    content=page.decode(),
                    kind="html",
                    source_key=f"web:{o.host}",
                    url=f"{o.base}{path}",
                )
                for o in outlets
                for path, page in o.pages.items()
            ]
            with open_store(folder / "warm-up.db") as store:  # load the models before any timing
                page = _localweb().article_page(999 * ARTICLES_PER_FEED)[1].decode()
                ingest([RawDocument("warm-up", page, "html", "warm-up")], store, options=options)
            with open_store(folder / "baseline.db") as store:
                started = time.perf_counter()
                report = ingest(documents, store, options=options)
                rows.append(
                    (
                        "ingest only (pages from memory, no HTTP)",
                        report.new,
                        time.perf_counter() - started,
                        report.failed,
                    )
                )
            fast = WatchSettings(interval=600, policy=policy, host_delay=0.0, ingest=options)
            rows += watch_rounds(outlets, folder, "watch, no host delay", fast, rounds=2)
            if not args.skip_polite:
                polite = WatchSettings(interval=600, policy=policy, ingest=options)
                rows += watch_rounds(
                    outlets, folder, "watch, default politeness (1 s/host)", polite, rounds=1
                )
    finally:
        for outlet in outlets:
            outlet.close()

    print(f"\n{args.feeds} local feeds x {args.entries} entries, {args.workers} ingest worker(s)")
    print("run | new articles | problems | seconds | articles/s")
    print("--- | --- | --- | --- | ---")
    for label, new, seconds, problems in rows:
        print(f"{label} | {new} | {problems} | {seconds:.1f} | {new / seconds if new else 0:.1f}")


if __name__ == "__main__":
    main()

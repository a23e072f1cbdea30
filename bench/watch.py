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
import email.utils
import hashlib
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

from nutgraf.ingest.watch import Watcher, WatchSettings
from nutgraf.ingest.web import FetchPolicy
from nutgraf.model import RawDocument
from nutgraf.pipeline import IngestOptions, ingest
from nutgraf.store import open_store
from nutgraf.store.sources import add_source

TOWNS = (
    "Arden",
    "Brellport",
    "Cosmova",
    "Dunmore",
    "Elvane",
    "Farrowby",
    "Glenthal",
    "Hollis",
    "Ivelstad",
    "Jaskov",
)
THINGS = (
    "bridge",
    "harbour",
    "library",
    "tram line",
    "water plant",
    "stadium",
    "ferry",
    "school",
    "market",
    "dam",
)
ACTIONS = ("reopened", "closed for repairs", "won national funding", "failed an inspection", "was sold")
PEOPLE = (
    "Mara Quent",
    "Oskar Velling",
    "Lida Marsh",
    "Tomas Ferreira-Kolb",
    "Anja Rundqvist",
    "Piet Olander",
)


def article(feed: int, n: int) -> tuple[str, bytes]:
    """(headline, page) of an invented article, distinct for every (feed, n)."""
    seed = int(hashlib.sha256(f"{feed}/{n}".encode()).hexdigest(), 16)
    town, thing = TOWNS[seed % 10], THINGS[(seed // 10) % 10]
    action, person = ACTIONS[(seed // 100) % 5], PEOPLE[(seed // 1000) % 6]
    headline = f"{town} {thing} {action}, council says (report {feed}-{n})"
    paragraphs = [
        f"The {thing} in {town} {action} on {('Monday', 'Tuesday', 'Friday')[seed % 3]}, "
        f"council spokesperson {person} told reporters at the town hall.",
        f"About {100 + seed % 900} residents signed a petition about the {thing} this spring, "
        f"and {seed % 40 + 3} of them spoke at the meeting, which ran for {2 + seed % 4} hours.",
        f"The works are budgeted at {seed % 90 + 10} million crowns and should finish by {2027 + seed % 3}, "
        f"according to the regional planning office.",
        f"Opposition councillors said report {feed}-{n} showed the {thing} project had been rushed, "
        f"and {person} promised to publish the full inspection results next month.",
    ]
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    page = (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{escape(headline)}</title>"
        f"</head><body><nav>Home | Local | Sport | Weather</nav><article><h1>{escape(headline)}</h1>{body}"
        f"</article><footer>Feed {feed} Courier. All rights reserved.</footer></body></html>"
    )
    return headline, page.encode()


class Outlet:
    """One outlet: an HTTP server on its own loopback address serving a feed and its pages."""

    def __init__(self, number: int, entries: int) -> None:
        self.host = f"127.0.0.{number + 1}"
        self.pages: dict[str, bytes] = {}
        items = []
        start = datetime(2026, 5, 1, 6, 0, tzinfo=UTC)
        server = ThreadingHTTPServer((self.host, 0), self._handler())
        server.daemon_threads = True
        self.server = server
        self.base = f"http://{self.host}:{server.server_address[1]}"
        for n in range(entries):
            headline, page = article(number, n)
            path = f"/news/{n}.html"
            self.pages[path] = page
            date = email.utils.format_datetime(start + timedelta(minutes=n))
            items.append(
                f"<item><title>{escape(headline)}</title><link>{self.base}{path}</link>"
                f"<guid>{self.base}{path}</guid><pubDate>{date}</pubDate></item>"
            )
        self.feed = (
            f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Feed {number} Courier"
            f"</title><link>{self.base}/</link><description>bench</description>{''.join(items)}</channel></rss>"
        ).encode()
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
                page = article(999, 0)[1].decode()
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

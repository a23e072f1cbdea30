"""Cost of one huge article and of one huge feed: wall time and peak memory (issue 23, item 4).

Generates, in a temporary folder:

- a news-like article of ``--page-mb`` megabytes (default 10), as a saved HTML page and as plain
  text: paragraphs of invented reporting with people named in full and then by surname, quotations,
  dates and figures, so that every analyzer has work on every page of it;
- an RSS feed of ``--feed-entries`` entries (default 100,000; links only, about 140 bytes each, so
  that it fits the 16 MB response limit), served with its pages from a local HTTP server.

Each measurement runs in a fresh child process (models load inside it, as in real use), and its
peak resident memory is the child's own (``os.wait4``):

- ``nutgraf ingest PAGE --db TMP.db`` for the page (HTML, then text);
- a search snippet (``highlight``) cut from the page's text, as the search page cuts one per hit;
- ``parse_feed`` alone over the feed's bytes (what every poll of it costs before any page is
  fetched);
- one ``watch`` round over the feed (the watcher's own code, with politeness delays off so that the
  round measures the work, not the waiting): the poll, then the fetch and ingest of the entries a
  round takes (``MAX_ENTRIES_PER_POLL``, 200), which load the language models.

To compare with older code, point ``PYTHONPATH`` at its ``src`` folder: the children import
``nutgraf`` from there (``PYTHONPATH=/old/checkout/src python bench/cost.py``).

    python bench/cost.py [--page-mb 10] [--feed-entries 100000] [--only page|feed] [--kinds html,text]
                         [--timeout 1800] [--memory-limit MB]

A child that runs past ``--timeout`` seconds is stopped and reported as "> TIMEOUT s".
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
NUTGRAF = str(Path(PYTHON).with_name("nutgraf"))

_FIRST = ["Marta", "Oliver", "Priya", "Tomasz", "Helen", "Kwame", "Ingrid", "Rafael", "Yuki", "Duncan"]
_LAST = ["Lindqvist", "Okafor", "Brannagh", "Castellano", "Whitcombe", "Nakamura", "Ferreira", "Halvorsen"]
_PLACES = ["Port Ellery", "Westmarch", "Kettering Bay", "Lowden", "Ashford Vale", "Corran", "Medway Cross"]
_ORGS = ["the harbour authority", "the regional council", "Dunmore Shipping", "the ferry operators' union"]
_THINGS = ["ferry crossings", "cargo berths", "bridge repairs", "flood barriers", "rail links", "tenders"]
_VERBS = ["approved", "delayed", "cancelled", "inspected", "funded", "reviewed", "expanded"]
_MONTHS = ["January", "March", "May", "June", "September", "October", "November"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _paragraph(rng: random.Random) -> str:
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    place, org, thing = rng.choice(_PLACES), rng.choice(_ORGS), rng.choice(_THINGS)
    year = rng.randint(2019, 2027)
    sentences = [
        f"{first} {last}, who speaks for {org}, said on {rng.choice(_DAYS)} that "
        f"{rng.randint(3, 900)} {thing} in {place} had been {rng.choice(_VERBS)} since {rng.choice(_MONTHS)}.",
        f"{last} added that the work would cost about £{rng.randint(2, 80)} million "
        f"and should be finished by {rng.randint(1, 28)} {rng.choice(_MONTHS)} {year}.",
        f"“We have waited {rng.randint(2, 19)} years for the {thing} in {place} to be "
        f"{rng.choice(_VERBS)}, and we will not wait another,” {last} told reporters.",
        f"Figures from {org} show that traffic through {place} rose by {rng.randint(2, 60)}% "
        f"in {year - 1}, while {rng.randint(10, 400)} jobs were {rng.choice(_VERBS)}.",
        f"{rng.choice(_LAST)} said the {rng.choice(_THINGS)} near {rng.choice(_PLACES)} "
        f"would be {rng.choice(_VERBS)} again in {rng.choice(_MONTHS)}, according to the plan.",
    ]
    rng.shuffle(sentences[2:])
    return " ".join(sentences[: rng.randint(3, 5)])


def article_paragraphs(size: int, seed: int = 23) -> list[str]:
    """Invented news paragraphs adding up to about ``size`` characters (seeded: the same every run)."""
    rng = random.Random(seed)
    paragraphs, total = [], 0
    while total < size:
        paragraph = _paragraph(rng)
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    return paragraphs


def article_text(size: int) -> str:
    title = "Harbour works across the coast fall behind, council papers show"
    return title + "\n\n" + "\n\n".join(article_paragraphs(size)) + "\n"


def article_html(size: int) -> str:
    title = "Harbour works across the coast fall behind, council papers show"
    body = "\n".join(f"<p>{p}</p>" for p in article_paragraphs(size))
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title} | The Coastal Ledger</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>© The Coastal Ledger. All rights reserved.</footer></body></html>"
    )


def feed_xml(entries: int) -> bytes:
    """An RSS 2.0 feed of ``entries`` items (newest first), each a relative link, a guid, a title and
    a date."""
    start = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
    items = []
    for number in range(entries):
        when = (start - timedelta(minutes=number)).strftime("%a, %d %b %Y %H:%M:%S +0000")
        items.append(
            f"<item><title>Harbour note {number}</title><link>/a/{number}.html</link>"
            f"<guid>ledger-{number}</guid><pubDate>{when}</pubDate></item>"
        )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        "<title>The Coastal Ledger</title><link>/</link><description>All of it</description>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def _entry_page(number: int) -> bytes:
    title = f"Harbour note {number}"
    body = "".join(f"<p>{p}</p>" for p in article_paragraphs(1500, seed=number))
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def serve_feed(feed: bytes) -> tuple[ThreadingHTTPServer, str]:
    """A local server: /feed.xml is the feed, /a/N.html a small article, anything else 404."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            if self.path == "/feed.xml":
                body, kind = feed, "application/rss+xml"
            elif self.path.startswith("/a/") and self.path.endswith(".html"):
                body, kind = _entry_page(int(self.path[3:-5])), "text/html; charset=utf-8"
            else:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def poll_once(feed_url: str, db: str) -> None:
    """The child of the feed measurement: add the source, run one watch round, print its line."""
    from nutgraf.ingest.watch import Watcher, WatchSettings
    from nutgraf.store import open_store
    from nutgraf.store.sources import add_source

    with open_store(db) as store:
        add_source(store, feed_url, allow_private=True)
        settings = WatchSettings(host_delay=0.0, respect_robots=False)
        report = Watcher(store, settings).run_round()
    print(report.line())


def parse_once(path: str) -> None:
    """The child of the parse measurement: the feed's bytes through ``parse_feed`` alone."""
    from nutgraf.ingest.feeds import parse_feed

    feed = parse_feed(Path(path).read_bytes(), "http://127.0.0.1/feed.xml")
    print(f"{len(feed.entries)} entries read; {feed.warning or 'no warning'}")


def highlight_once(path: str) -> None:
    """The child of the highlight measurement: one search snippet cut from the page's text."""
    from nutgraf.store.search import SNIPPET_WORDS, _Query, highlight

    text = Path(path).read_text(encoding="utf-8")
    started = time.perf_counter()
    snippet, _marked = highlight(text, _Query.parse("breakwater harbour"), words=SNIPPET_WORDS)
    print(f"highlight() itself {time.perf_counter() - started:.2f} s; snippet of {len(snippet)} characters")


def measure(command: list[str], timeout: float, memory_mb: int | None = None) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB, last output line) of a child process; seconds is inf on timeout.
    ``memory_mb`` caps the child's address space (to run the old code's 10 MB page without letting
    it take the machine's memory: it then fails with a MemoryError, which is reported)."""

    def limit() -> None:
        if memory_mb:
            resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 1024 * 1024, resource.RLIM_INFINITY))

    started = time.perf_counter()
    child = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        text=True,
        preexec_fn=limit,
    )
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.extend(child.stdout), daemon=True)
    reader.start()
    timer = threading.Timer(timeout, lambda: os.killpg(child.pid, signal.SIGKILL))
    timer.start()
    _pid, status, usage = os.wait4(child.pid, 0)
    timer.cancel()
    seconds = time.perf_counter() - started
    reader.join(5)
    timed_out = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL and seconds >= timeout
    lines = [line.strip() for line in output if line.strip()]
    return (float("inf") if timed_out else seconds), usage.ru_maxrss / 1024, (lines[-1] if lines else "")


def _row(label: str, seconds: float, peak: float, timeout: float, note: str) -> str:
    shown = f"> {timeout:.0f}" if seconds == float("inf") else f"{seconds:.1f}"
    return f"{label} | {shown} | {peak:.0f} | {note[:110]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page-mb", type=float, default=10.0)
    parser.add_argument("--feed-entries", type=int, default=100_000)
    parser.add_argument("--only", choices=("page", "feed"))
    parser.add_argument("--kinds", default="html,text", help="page kinds to ingest: html, text or both")
    parser.add_argument("--timeout", type=float, default=1800.0)
    parser.add_argument("--memory-limit", type=int, metavar="MB", help="cap each child's address space")
    parser.add_argument("--poll-child", nargs=2, metavar=("URL", "DB"), help=argparse.SUPPRESS)
    parser.add_argument("--parse-child", metavar="FILE", help=argparse.SUPPRESS)
    parser.add_argument("--highlight-child", metavar="FILE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.poll_child:
        poll_once(*args.poll_child)
        return
    if args.parse_child:
        parse_once(args.parse_child)
        return
    if args.highlight_child:
        highlight_once(args.highlight_child)
        return
    size = int(args.page_mb * 1024 * 1024)
    print("measurement | seconds | peak MB | outcome")
    print("--- | --- | --- | ---")
    with tempfile.TemporaryDirectory() as folder:
        if args.only in (None, "page"):
            for kind in args.kinds.split(","):
                page = Path(folder) / f"page.{'html' if kind == 'html' else 'txt'}"
                page.write_text(
                    article_html(size) if kind == "html" else article_text(size), encoding="utf-8"
                )
                megabytes = page.stat().st_size / 1024 / 1024
                db = Path(folder) / f"page-{kind}.db"
                seconds, peak, last = measure(
                    [NUTGRAF, "ingest", str(page), "--db", str(db), "--json", "-q"],
                    args.timeout,
                    args.memory_limit,
                )
                print(
                    _row(f"ingest {megabytes:.1f} MB {kind} page", seconds, peak, args.timeout, last),
                    flush=True,
                )
                if kind == "text":
                    command = [PYTHON, __file__, "--highlight-child", str(page)]
                    seconds, peak, last = measure(command, args.timeout, args.memory_limit)
                    label = f"search snippet of the {megabytes:.1f} MB text"
                    print(_row(label, seconds, peak, args.timeout, last), flush=True)
        if args.only in (None, "feed"):
            feed = feed_xml(args.feed_entries)
            megabytes = len(feed) / 1024 / 1024
            saved = Path(folder) / "feed.xml"
            saved.write_bytes(feed)
            seconds, peak, last = measure(
                [PYTHON, __file__, "--parse-child", str(saved)], args.timeout, args.memory_limit
            )
            label = f"parse of a {args.feed_entries}-entry feed ({megabytes:.1f} MB)"
            print(_row(label, seconds, peak, args.timeout, last), flush=True)
            server, base = serve_feed(feed)
            db = Path(folder) / "feed.db"
            seconds, peak, last = measure(
                [PYTHON, __file__, "--poll-child", f"{base}/feed.xml", str(db)],
                args.timeout,
                args.memory_limit,
            )
            label = f"poll of a {args.feed_entries}-entry feed ({megabytes:.1f} MB)"
            print(_row(label, seconds, peak, args.timeout, last), flush=True)
            server.shutdown()


if __name__ == "__main__":
    main()

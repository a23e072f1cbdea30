"""``nutgraf watch``: poll feeds and sitemaps, fetch their new entries' pages, ingest them.

One round polls every due source (conditional GET), fetches the pages of entries not seen before
(falling back to the feed's own content when a page cannot be fetched) and streams them into the
same pipeline as files. Politeness is per host: a few requests in flight, a delay between request
starts (or the site's robots.txt ``Crawl-delay``), robots.txt rules, and the wait a 429/503
``Retry-After`` asks for. Everything that must survive a restart (sources, validators, error
counts, seen entries) is in the store, written as the round goes:

* an entry is marked seen only after the batch holding its article is stored, so a stop loses
  nothing and a restart re-reads at most the entries of the batch in flight (and the pipeline folds
  those as duplicates of the stored articles: nothing is ingested twice);
* a feed's validators (ETag, Last-Modified) are saved only once every entry of that response is
  settled, so a 304 can never hide an entry that was not ingested yet.
"""

from __future__ import annotations

import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from nutgraf.errors import ConfigError, FetchError, FetchRefused, InputError
from nutgraf.ingest.feeds import FeedEntry, ParsedFeed, entry_document_html, parse_feed
from nutgraf.ingest.web import (
    ClientFactory,
    FetchCancelled,
    FetchPolicy,
    FetchResult,
    Resolver,
    document_from_page,
    fetch,
    make_client,
    resolve_host,
)
from nutgraf.model import Failure, RawDocument

if TYPE_CHECKING:
    import httpx

    from nutgraf.pipeline import IngestOptions
    from nutgraf.store import Store
    from nutgraf.store.sources import Source

__all__ = [
    "DEFAULT_INTERVAL",
    "RoundReport",
    "WatchSettings",
    "Watcher",
    "format_duration",
    "parse_duration",
]

DEFAULT_INTERVAL = 600.0
"""Seconds between rounds (10 minutes): news feeds change every few minutes to hours, and most
publishers ask aggregators not to poll more often than every few minutes."""

CONCURRENCY = 8
"""Requests in flight over all hosts: enough to keep a CPU-bound ingest fed on two cores."""

HOST_CONCURRENCY = 2
"""Requests in flight to one host, as browsers and polite crawlers keep it small."""

HOST_DELAY = 1.0
"""Seconds between request starts to one host, unless its robots.txt asks for more: the common
crawler default (Scrapy's AutoThrottle starts at 1-5 s; Googlebot adapts from about 1 s)."""

MAX_CRAWL_DELAY = 60.0
"""A robots.txt Crawl-delay above this is capped, so one site cannot stall a round for hours."""

MAX_FAILURES = 5
"""Consecutive failed polls after which a source is marked failing and no longer polled: five
rounds with backoff span several hours at the default interval, longer than a typical outage."""

MAX_BACKOFF = 6 * 3600.0
"""The longest a failing source waits between polls (doubling from one interval)."""

MAX_RETRY_AFTER = 24 * 3600.0
"""A Retry-After longer than a day is taken as a day."""

MAX_HOST_WAIT = 30.0
"""A host that asked (429/503 Retry-After) for a longer pause than this is skipped for the rest of
the round; its entries are retried next round, not waited for while workers sit idle."""

MAX_ENTRY_ATTEMPTS = 3
"""Rounds in which an entry's page may fail (with no feed content to fall back on) before the
entry is given up and reported failed."""

FINAL_ERRORS = frozenset({"FetchRefused", "UnsupportedInput", "BinaryInput", "FeedError"})
"""Failures that will not change by trying again next round (robots.txt, policy, not a page)."""

MAX_ENTRIES_PER_POLL = 200
"""New entries taken from one source per round (feeds list 10-100; a big sitemap more), the
rest come in the next rounds."""

ROBOTS_TTL = 24 * 3600.0
"""robots.txt is re-read daily, as RFC 9309 suggests (caching beyond 24 hours SHOULD NOT happen)."""

ROBOTS_RETRY = 600.0
"""After robots.txt could not be read (5xx, network), the host counts as disallowed this long."""

ROBOTS_MAX_BYTES = 500 * 1024
"""RFC 9309: crawlers must parse at least 500 KiB of robots.txt; we read no more."""

ROBOTS_AGENT = "Nutgraf"
"""The product token matched against robots.txt User-agent lines."""

WINDOW_PER_WORKER = 4
"""Page fetches queued ahead of the ingest, per worker: keeps workers busy while bounding how many
fetched pages wait in memory."""

_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?", re.IGNORECASE)
_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


def parse_duration(text: str) -> float:
    """Seconds in ``30s``, ``10m``, ``1h``, ``1h30m``, ``1.5h``, ``2d`` or a bare number of seconds."""
    value = str(text).strip().lower().replace(" ", "")
    if not value:
        raise ConfigError("empty duration (use e.g. 30s, 10m, 1h)")
    total, position = 0.0, 0
    for match in _DURATION.finditer(value):
        if match.start() != position:
            break
        unit = match.group(2)
        if unit is None and (position != 0 or match.end() != len(value)):
            break  # a bare number only alone ("45"): "1h30" is ambiguous
        total += float(match.group(1)) * _UNITS[unit or "s"]
        position = match.end()
    if position != len(value):
        raise ConfigError(f"not a duration: {text!r} (use e.g. 30s, 10m, 1h, 1h30m)")
    if total <= 0:
        raise ConfigError(f"duration must be positive: {text!r}")
    return total


def format_duration(seconds: float) -> str:
    """``600`` -> ``10m``, ``5400`` -> ``1h30m``: durations as a user writes them."""
    seconds = round(seconds)
    parts = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        if seconds >= size:
            parts.append(f"{seconds // size}{unit}")
            seconds %= size
    return "".join(parts) or "0s"


def _default_ingest_options() -> IngestOptions:
    from nutgraf.pipeline import IngestOptions

    return IngestOptions(batch_size=50)


@dataclass(slots=True)
class WatchSettings:
    """How the watcher polls. Plain data: the CLI and the web app fill it from their options.

    ``ingest.batch_size`` is smaller than for files (50, not 200): entries are marked seen per
    batch, so a smaller batch means a quicker clean stop."""

    interval: float = DEFAULT_INTERVAL
    policy: FetchPolicy = field(default_factory=FetchPolicy)
    concurrency: int = CONCURRENCY
    host_concurrency: int = HOST_CONCURRENCY
    host_delay: float = HOST_DELAY
    max_failures: int = MAX_FAILURES
    max_backoff: float = MAX_BACKOFF
    max_entries: int = MAX_ENTRIES_PER_POLL
    respect_robots: bool = True
    ingest: IngestOptions = field(default_factory=_default_ingest_options)


@dataclass(slots=True)
class SourceProblem:
    """A source whose poll failed this round; ``failing`` when this made it give up."""

    source: str
    error: str
    failing: bool = False


@dataclass(slots=True)
class RoundReport:
    """What one round did; :meth:`line` is what ``nutgraf watch`` prints for it."""

    number: int
    polled: int = 0
    not_modified: int = 0
    waiting: int = 0
    """Sources not polled this round: backing off after errors, or marked failing."""
    entries: int = 0
    """New entries found in the feeds."""
    new: int = 0
    duplicates: int = 0
    failed: int = 0
    errors: list[SourceProblem] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0
    stopped: bool = False

    def line(self) -> str:
        parts = [f"{self.polled} source{'s' if self.polled != 1 else ''} polled"]
        if self.not_modified:
            parts[-1] += f" ({self.not_modified} not modified)"
        if self.waiting:
            parts.append(f"{self.waiting} waiting")
        parts.append(f"{self.new} new article{'s' if self.new != 1 else ''}")
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicate{'s' if self.duplicates != 1 else ''}")
        if self.failed:
            parts.append(f"{self.failed} failed")
        parts.append(f"{len(self.errors)} error{'s' if len(self.errors) != 1 else ''}")
        text = f"round {self.number}: " + ", ".join(parts) + f" ({self.seconds:.1f}s)"
        if self.errors:
            text += " - " + "; ".join(
                f"{p.source}: {_shorten(p.error)}{' (now marked failing)' if p.failing else ''}"
                for p in self.errors
            )
        if self.stopped:
            text += " - stopped"
        return text


def _shorten(text: str, limit: int = 160) -> str:
    """An error cut at a word boundary so that a round stays one readable line."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " ..."


class _HostBusy(FetchError):
    """A host asked us to wait longer than a round should; the entry is retried next round."""


class _Gate:
    """Per-host politeness: at most ``per_host`` requests in flight, request starts ``delay``
    seconds apart (more when robots.txt says so), and pauses a server asked for."""

    def __init__(self, per_host: int, delay: float, stop: threading.Event) -> None:
        self._per_host = per_host
        self._delay = delay
        self._stop = stop
        self._lock = threading.Lock()
        self._slots: dict[str, threading.Semaphore] = {}
        self._next_start: dict[str, float] = {}
        self._delays: dict[str, float] = {}

    def set_delay(self, host: str, seconds: float) -> None:
        with self._lock:
            self._delays[host] = max(self._delay, min(seconds, MAX_CRAWL_DELAY))

    def pause(self, host: str, seconds: float) -> None:
        with self._lock:
            self._next_start[host] = max(self._next_start.get(host, 0.0), time.monotonic() + seconds)

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        with self._lock:
            semaphore = self._slots.setdefault(host, threading.Semaphore(self._per_host))
        while not semaphore.acquire(timeout=0.2):
            if self._stop.is_set():
                raise FetchCancelled()
        try:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next_start.get(host, 0.0))
                if start - now > MAX_HOST_WAIT:
                    raise _HostBusy(f"{host} asked to wait {start - now:.0f}s; retried next round")
                self._next_start[host] = start + self._delays.get(host, self._delay)
            if start > now and self._stop.wait(start - now):
                raise FetchCancelled()
            yield
        finally:
            semaphore.release()


@dataclass(slots=True)
class _Robots:
    parser: object | None  # a RobotFileParser, or None when every path is allowed
    allow_all: bool
    expires: float
    reason: str = ""
    """Why nothing is allowed when robots.txt could not be read."""

    def allows(self, url: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return bool(self.parser.can_fetch(ROBOTS_AGENT, url))  # type: ignore[attr-defined]


@dataclass(slots=True)
class _Poll:
    """The outcome of polling one source's feed."""

    source: Source
    feed: ParsedFeed | None = None
    result: FetchResult | None = None
    error: Exception | None = None


@dataclass(slots=True)
class _Job:
    """One new entry whose page is to be fetched and ingested."""

    source: Source
    entry: FeedEntry
    attempts: int


class Watcher:
    """Polls the store's sources round after round; see the module docstring for the guarantees.

    ``client_factory`` makes the httpx clients (one per round and ``allow_private`` setting);
    ``stop`` ends the watch cleanly after the batch in flight (the CLI sets it on Ctrl-C);
    ``now`` is the wall clock for backoff times kept in the store (tests move it)."""

    def __init__(
        self,
        store: Store,
        settings: WatchSettings | None = None,
        *,
        client_factory: ClientFactory | None = None,
        resolve: Resolver = resolve_host,
        stop: threading.Event | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self.store = store
        self.settings = settings or WatchSettings()
        self.stop = stop or threading.Event()
        self._resolve = resolve
        self._client_factory = client_factory or (lambda policy: make_client(policy, resolve=resolve))
        self._now = now or (lambda: datetime.now(UTC))
        self._rounds = 0
        self._robots: dict[str, _Robots] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        self._gate = _Gate(self.settings.host_concurrency, self.settings.host_delay, self.stop)
        self._clients: dict[bool, httpx.Client] = {}

    # -- the loop ------------------------------------------------------------------------------
    def run(self, *, rounds: int | None = None, on_round: Callable[[RoundReport], None] | None = None) -> int:
        """Poll round after round until ``stop`` is set (or ``rounds`` rounds ran); the round count."""
        done = 0
        while not self.stop.is_set():
            started = time.monotonic()
            report = self.run_round()
            done += 1
            if on_round is not None:
                on_round(report)
            if rounds is not None and done >= rounds:
                break
            self.stop.wait(max(0.0, self.settings.interval - (time.monotonic() - started)))
        return done

    def run_round(self) -> RoundReport:
        """One round: poll due sources, fetch new entries' pages, ingest, record what happened."""
        from nutgraf.store.sources import due_sources, list_sources

        self._rounds += 1
        started = time.monotonic()
        report = RoundReport(self._rounds)
        now = self._now()
        due = due_sources(self.store, now)
        report.waiting = len(list_sources(self.store)) - len(due)
        with ExitStack() as stack:
            stack.callback(self._close_clients)
            pool = stack.enter_context(ThreadPoolExecutor(self.settings.concurrency, "nutgraf-watch"))
            stack.callback(pool.shutdown, wait=True, cancel_futures=True)
            polls = [future.result() for future in [pool.submit(self._poll, source) for source in due]]
            report.polled = len(polls)
            jobs: list[_Job] = []
            incomplete: set[int] = set()
            for poll in polls:
                if poll.error is not None:
                    self._record_error(poll, report)
                    continue
                if poll.result is not None and poll.result.not_modified:
                    report.not_modified += 1
                    self._record_success(poll)
                    continue
                new_jobs, capped = self._new_jobs(poll)
                jobs.extend(new_jobs)
                report.entries += len(new_jobs)
                if capped:
                    incomplete.add(poll.source.id)
            self._ingest(pool, jobs, report, incomplete)
            for poll in polls:
                if poll.error is None and poll.feed is not None:
                    self._record_success(poll, save_validators=poll.source.id not in incomplete)
        report.stopped = self.stop.is_set()
        report.seconds = time.monotonic() - started
        return report

    # -- clients and politeness ----------------------------------------------------------------
    def _policy(self, source: Source) -> FetchPolicy:
        policy = self.settings.policy
        return replace(policy, allow_private=True) if source.allow_private else policy

    def _client(self, policy: FetchPolicy) -> httpx.Client:
        with self._lock:
            client = self._clients.get(policy.allow_private)
            if client is None:
                client = self._clients[policy.allow_private] = self._client_factory(policy)
            return client

    def _close_clients(self) -> None:
        with self._lock:
            clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            client.close()

    def _get(self, url: str, policy: FetchPolicy, headers: dict[str, str] | None = None) -> FetchResult:
        """A fetch through the host's gate; a 429/503 Retry-After pauses the whole host."""
        host = (urlsplit(url).hostname or "").lower()
        with self._gate.slot(host):
            try:
                return fetch(
                    self._client(policy), url, policy, headers=headers, resolve=self._resolve, stop=self.stop
                )
            except FetchError as exc:
                if exc.status in (429, 503):
                    self._gate.pause(host, min(exc.retry_after or self.settings.host_delay, MAX_RETRY_AFTER))
                raise

    def _robots_for(self, url: str, policy: FetchPolicy) -> _Robots:
        parts = urlsplit(url)
        base = f"{parts.scheme}://{parts.netloc}".lower()
        with self._lock:
            lock = self._robots_locks.setdefault(base, threading.Lock())
        with lock:
            cached = self._robots.get(base)
            if cached is not None and cached.expires > time.monotonic():
                return cached
            robots = self._load_robots(base, policy)
            self._robots[base] = robots
            return robots

    def _load_robots(self, base: str, policy: FetchPolicy) -> _Robots:
        """RFC 9309: a 4xx means no rules (crawl anything); a 5xx or no answer means crawl nothing
        for now; a 2xx is parsed, and its Crawl-delay slows the host's gate."""
        from urllib.robotparser import RobotFileParser

        fresh = time.monotonic() + ROBOTS_TTL
        try:
            result = self._get(f"{base}/robots.txt", replace(policy, max_bytes=ROBOTS_MAX_BYTES))
        except (FetchRefused, FetchCancelled):
            raise
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500 and exc.status != 429:
                return _Robots(None, True, fresh)
            # a host that does not answer at all: say so plainly, not as a robots.txt problem
            reason = str(exc) if exc.status is None else f"robots.txt unreadable ({exc})"
            return _Robots(None, False, time.monotonic() + ROBOTS_RETRY, reason)
        parser = RobotFileParser()
        parser.parse(result.content.decode("utf-8", "replace").splitlines())
        delay = parser.crawl_delay(ROBOTS_AGENT)
        if delay:
            self._gate.set_delay((urlsplit(base).hostname or "").lower(), float(delay))
        return _Robots(parser, True, fresh)

    def _check_robots(self, url: str, policy: FetchPolicy) -> None:
        if not self.settings.respect_robots:
            return
        robots = self._robots_for(url, policy)
        if not robots.allows(url):
            if robots.reason:  # RFC 9309: an unreachable robots.txt means do not crawl, for now
                raise FetchError(robots.reason)
            raise FetchRefused(f"robots.txt of {urlsplit(url).netloc} disallows {url}")

    # -- feeds ---------------------------------------------------------------------------------
    def _poll(self, source: Source) -> _Poll:
        poll = _Poll(source)
        if self.stop.is_set():
            poll.error = FetchCancelled()
            return poll
        policy = self._policy(source)
        headers = {"Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8"}
        if source.etag:
            headers["If-None-Match"] = source.etag
        if source.last_modified:
            headers["If-Modified-Since"] = source.last_modified
        try:
            self._check_robots(source.url, policy)
            poll.result = self._get(source.url, policy, headers)
            if not poll.result.not_modified:
                poll.feed = parse_feed(poll.result.content, poll.result.url, now=self._now())
        except InputError as exc:
            poll.error = exc
        except Exception as exc:  # a bug or an odd library error must not end the watch
            poll.error = FetchError(f"{type(exc).__name__}: {exc}")
        return poll

    def _new_jobs(self, poll: _Poll) -> tuple[list[_Job], bool]:
        """Entries of a polled feed not dealt with yet (at most ``max_entries``); and whether some
        were left for later."""
        from nutgraf.store.sources import ENTRY_PENDING, known_entries

        assert poll.feed is not None
        poll.source.feed_title = poll.feed.title or poll.source.feed_title  # the outlet on a first poll
        entries = list({entry.key: entry for entry in poll.feed.entries}.values())
        known = known_entries(self.store, poll.source.id, [entry.key for entry in entries])
        jobs = []
        for entry in entries:
            state = known.get(entry.key)
            if state is None or state.status == ENTRY_PENDING:
                jobs.append(_Job(poll.source, entry, state.attempts if state else 0))
        capped = len(jobs) > self.settings.max_entries
        return jobs[: self.settings.max_entries], capped

    def _record_success(self, poll: _Poll, *, save_validators: bool = True) -> None:
        from nutgraf.store.sources import record_success

        result = poll.result
        record_success(
            self.store,
            poll.source.id,
            etag=result.etag if result is not None and save_validators else None,
            last_modified=result.last_modified if result is not None and save_validators else None,
            kind=poll.feed.kind if poll.feed is not None else None,
            feed_title=poll.feed.title if poll.feed is not None else None,
            warning=poll.feed.warning if poll.feed is not None else None,
            now=self._now(),
        )

    def _record_error(self, poll: _Poll, report: RoundReport) -> None:
        from nutgraf.store.sources import record_failure

        error = poll.error
        assert error is not None
        if isinstance(error, FetchCancelled):
            return
        failures = poll.source.failures + 1
        wait = min(self.settings.interval * (2 ** (failures - 1) - 1), self.settings.max_backoff)
        if isinstance(error, FetchError) and error.retry_after:
            wait = max(wait, min(error.retry_after, MAX_RETRY_AFTER))
        now = self._now()
        updated = record_failure(
            self.store,
            poll.source.id,
            str(error),
            next_poll_at=now + timedelta(seconds=wait) if wait > 0 else None,
            max_failures=self.settings.max_failures,
            now=now,
        )
        report.errors.append(
            SourceProblem(poll.source.display_name, str(error), bool(updated and updated.failing))
        )

    # -- pages ---------------------------------------------------------------------------------
    def _document(self, job: _Job) -> RawDocument | Failure:
        """The entry's page as a raw document; the feed's own content when the page cannot be had."""
        entry, source = job.entry, job.source
        outlet = source.outlet or entry.outlet
        language = source.language or entry.language
        origin = entry.url or f"{source.url}#{entry.key[:12]}"
        problem: FetchError | InputError | None = None
        if entry.url:
            policy = self._policy(source)
            try:
                self._check_robots(entry.url, policy)
                page = self._get(entry.url, policy)
                return document_from_page(
                    page,
                    origin=origin,
                    outlet=outlet,
                    title=entry.title,
                    published=entry.published,
                    language=language,
                    author=entry.author,
                )
            except (_HostBusy, FetchCancelled):
                raise
            except InputError as exc:
                problem = exc
            except Exception as exc:  # never let one page end the round
                problem = FetchError(f"{type(exc).__name__}: {exc}")
        html = entry_document_html(entry)
        if html is not None:
            return RawDocument(
                origin=origin,
                content=html,
                kind="html",
                source_key=f"feed:{source.url}",
                url=entry.url,
                title=entry.title,
                published=entry.published,
                outlet=outlet,
                language=language,
                author=entry.author,
            )
        reason = str(problem) if problem is not None else "entry has neither a link nor content"
        return Failure(origin, reason, type(problem).__name__ if problem is not None else "FeedError")

    def _ingest(
        self, pool: ThreadPoolExecutor, jobs: list[_Job], report: RoundReport, incomplete: set[int]
    ) -> None:
        """Fetch pages in a bounded window ahead of the pipeline and stream them into it."""
        from nutgraf.pipeline import ingest
        from nutgraf.store.sources import ENTRY_DONE, ENTRY_FAILED, ENTRY_PENDING, mark_entries

        if not jobs:
            return
        oldest = datetime.min.replace(tzinfo=UTC)
        jobs.sort(key=lambda j: (j.entry.published is None, j.entry.published or oldest))
        by_origin: dict[str, list[_Job]] = {}

        def settle(job: _Job, status: str, error: str | None) -> None:
            entry = (job.entry.key, job.entry.url, status, error)
            mark_entries(self.store, job.source.id, [entry], self._now())

        def give_up(job: _Job, failure: Failure) -> None:
            report.failed += 1
            report.failures.append(failure)
            final = job.attempts + 1 >= MAX_ENTRY_ATTEMPTS or failure.error in FINAL_ERRORS
            settle(job, ENTRY_FAILED if final else ENTRY_PENDING, failure.reason)
            if not final:
                incomplete.add(job.source.id)

        def documents() -> Iterator[RawDocument]:
            window: deque[tuple[_Job, Future]] = deque()
            queue = iter(jobs)
            limit = max(1, self.settings.concurrency * WINDOW_PER_WORKER)
            while not self.stop.is_set():
                while len(window) < limit and (job := next(queue, None)) is not None:
                    window.append((job, pool.submit(self._document, job)))
                if not window:
                    break
                job, future = window.popleft()
                try:
                    item = future.result()
                except FetchError:  # the host asked for a long pause, or we are stopping
                    incomplete.add(job.source.id)
                    continue
                if isinstance(item, Failure):
                    give_up(job, item)
                    continue
                by_origin.setdefault(item.origin, []).append(job)
                yield item
            for job, future in window:  # stopped: what was queued is picked up next time
                future.cancel()
                incomplete.add(job.source.id)
            for job in queue:
                incomplete.add(job.source.id)

        seen: dict[str, list[_Job]] = {}

        def progress(origin: str) -> None:
            """Called by the pipeline once the batch holding ``origin`` is stored."""
            for job in by_origin.pop(origin, []):
                seen.setdefault(origin, []).append(job)
                settle(job, ENTRY_DONE, None)

        outcome = ingest(documents(), self.store, options=self.settings.ingest, progress=progress)
        report.new += outcome.new
        report.duplicates += outcome.duplicates
        for failure in outcome.failures:  # the page was read but is no article (empty, binary, ...)
            report.failed += 1
            report.failures.append(failure)
            for job in seen.get(failure.origin, []) + by_origin.pop(failure.origin, []):
                settle(job, ENTRY_FAILED, failure.reason)

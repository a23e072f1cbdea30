"""The watcher against feeds and pages served from the test process (127.0.0.1, private allowed)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from localweb import LocalWeb, Reply, Request, article_page, rss_feed
from nutgraf.errors import ConfigError
from nutgraf.ingest.watch import (
    RoundReport,
    SourceProblem,
    Watcher,
    WatchSettings,
    format_duration,
    parse_duration,
)
from nutgraf.ingest.web import FetchPolicy
from nutgraf.pipeline import IngestOptions
from nutgraf.store import open_store
from nutgraf.store.schema import SourceEntryRow
from nutgraf.store.sources import add_source, get_source, list_sources


def settings(**overrides) -> WatchSettings:
    values = {
        "interval": 60.0,
        "policy": FetchPolicy(allow_private=True, connect_timeout=2, read_timeout=2, total_timeout=5),
        "host_delay": 0.0,
        "concurrency": 4,
        "ingest": IngestOptions(batch_size=4, workers=1),
    }
    values.update(overrides)
    return WatchSettings(**values)


class Site:
    """A feed of invented articles on the local server; ``add`` publishes more."""

    def __init__(self, web: LocalWeb, name: str, first: int, count: int, *, describe: bool = False) -> None:
        self.web, self.name, self.describe = web, name, describe
        self.items: list[dict[str, str]] = []
        self.feed_url = web.route(f"/{name}/feed.xml", self._feed)
        self.add(first, count)

    def add(self, first: int, count: int) -> None:
        for n in range(first, first + count):
            headline, page = article_page(n)
            path = f"/{self.name}/{n}.html"
            self.web.route(path, Reply(body=page, headers={"Content-Type": "text/html; charset=utf-8"}))
            item = {"title": headline, "link": self.web.url(path)}
            if self.describe:
                item["description"] = (
                    f"<p>{headline}. The feed's own summary of story {n} runs long enough.</p>"
                )
            self.items.append(item)

    def _feed(self, request: Request) -> Reply:
        return Reply(body=rss_feed(self.name, self.items), headers={"Content-Type": "application/rss+xml"})


@pytest.fixture
def web():
    with LocalWeb() as server:
        yield server


@pytest.fixture
def db(tmp_path):
    return tmp_path / "watch.db"


def run_round(db, **overrides) -> RoundReport:
    """A round by a fresh watcher on a freshly opened store: every call is a restart."""
    now = overrides.pop("now", None)
    stop = overrides.pop("stop", None)
    with open_store(db) as store:
        return Watcher(store, settings(**overrides), now=now, stop=stop).run_round()


def add(db, url, **kwargs):
    with open_store(db) as store:
        return add_source(store, url, allow_private=True, **kwargs)[0]


def count_articles(db) -> int:
    with open_store(db) as store:
        return store.count_articles()


def page_requests(web: LocalWeb) -> list[str]:
    return [r.path for r in web.log if r.path.endswith(".html")]


def test_new_entries_are_ingested_once_across_restarts(web, db):
    north = Site(web, "north", 0, 3)
    south = Site(web, "south", 10, 2)
    add(db, north.feed_url, name="North Courier")
    add(db, south.feed_url)

    first = run_round(db)
    assert (first.polled, first.entries, first.new, first.failed, first.errors) == (2, 5, 5, 0, [])
    assert count_articles(db) == 5

    north.add(3, 2)  # two new articles are published
    second = run_round(db)
    assert (second.entries, second.new, second.duplicates) == (2, 2, 0)
    third = run_round(db)
    assert (third.entries, third.new) == (0, 0)

    assert count_articles(db) == 7
    assert sorted(page_requests(web)) == sorted(set(page_requests(web)))  # every page fetched once
    with open_store(db) as store:
        outlets = {a.url: a.outlet for a in store.iter_articles()}
        sources = list_sources(store)
    assert outlets[web.url("/north/0.html")] == "North Courier"
    assert outlets[web.url("/south/10.html")] == "south"  # no name given: the feed's title
    assert [s.entries for s in sources] == [5, 2]


def test_not_modified_feeds_are_not_read_again(web, db):
    _, page = article_page(40)
    web.route("/p/40.html", Reply(body=page, headers={"Content-Type": "text/html"}))
    body = rss_feed("Etag Gazette", [{"title": "Story 40", "link": web.url("/p/40.html")}])

    def feed(request: Request) -> Reply:
        if request.headers.get("if-none-match") == '"rev-1"':
            return Reply(304, headers={"ETag": '"rev-1"'})
        return Reply(body=body, headers={"ETag": '"rev-1"', "Last-Modified": "Fri, 01 May 2026 08:00:00 GMT"})

    add(db, web.route("/etag.xml", feed))
    first = run_round(db)
    second = run_round(db)
    assert (first.new, first.not_modified) == (1, 0)
    assert (second.polled, second.not_modified, second.entries, second.new) == (1, 1, 0, 0)
    conditional = web.requests("/etag.xml")[1].headers
    assert conditional["if-none-match"] == '"rev-1"'
    assert conditional["if-modified-since"] == "Fri, 01 May 2026 08:00:00 GMT"
    assert "1 source polled (1 not modified)" in second.line()


def test_validators_are_kept_back_while_an_entry_is_unsettled(web, db):
    """A page that failed is retried next round, so the feed must not answer 304 until then."""
    headline, page = article_page(50)
    attempts = []

    def flaky(request: Request) -> Reply:
        attempts.append(request)
        if len(attempts) == 1:
            return Reply(500, body=b"oops")
        return Reply(body=page, headers={"Content-Type": "text/html"})

    web.route("/f/50.html", flaky)
    body = rss_feed("Flaky", [{"title": headline, "link": web.url("/f/50.html")}])

    def feed(request: Request) -> Reply:
        if request.headers.get("if-none-match") == '"x"':
            return Reply(304)
        return Reply(body=body, headers={"ETag": '"x"'})

    add(db, web.route("/flaky.xml", feed))
    first = run_round(db)
    assert (first.new, first.failed) == (0, 1)
    second = run_round(db)
    assert "if-none-match" not in web.requests("/flaky.xml")[1].headers
    assert (second.new, second.failed) == (1, 0)
    third = run_round(db)
    assert web.requests("/flaky.xml")[2].headers["if-none-match"] == '"x"' and third.not_modified == 1


def test_an_entry_whose_page_keeps_failing_is_given_up(web, db):
    web.route("/dead/1.html", Reply(500, body=b"broken"))
    add(
        db,
        web.route(
            "/dead.xml", Reply(body=rss_feed("Dead", [{"title": "Lost", "link": web.url("/dead/1.html")}]))
        ),
    )
    reports = [run_round(db) for _ in range(4)]
    assert [r.failed for r in reports] == [1, 1, 1, 0]
    assert len(web.requests("/dead/1.html")) == 3
    with open_store(db) as store, store.session() as session:
        row = session.query(SourceEntryRow).one()
    assert (row.status, row.attempts) == ("failed", 3) and "HTTP 500" in row.error


def test_the_feeds_content_is_used_when_the_page_cannot_be_fetched(web, db):
    site = Site(web, "gone", 60, 1, describe=True)
    web.routes.pop("/gone/60.html")  # the page is a 404 now
    add(db, site.feed_url)
    report = run_round(db)
    assert (report.new, report.failed) == (1, 0)
    with open_store(db) as store:
        [article] = list(store.iter_articles())
    assert "feed's own summary of story 60" in article.text
    assert article.url == web.url("/gone/60.html")


def test_a_feed_with_broken_xml_is_reported_and_the_others_go_on(web, db):
    good = Site(web, "good", 70, 2)
    add(
        db,
        web.route("/broken.xml", Reply(body=b"<?xml version='1.0'?><rss><channel><<<oops>>> &&&")),
        name="Broken",
    )
    add(db, good.feed_url)
    add(
        db,
        web.route("/html.xml", Reply(body=b"<!DOCTYPE html><html><body><p>Hi</p></body></html>")),
        name="Homepage",
    )

    now = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
    first = run_round(db, max_failures=2, now=lambda: now)
    assert first.new == 2 and first.polled == 3
    assert [(p.source, p.failing) for p in first.errors] == [("Broken", False), ("Homepage", False)]
    assert "broken feed" in first.errors[0].error and "not a feed" in first.errors[1].error
    assert "2 errors (" in first.line()
    assert " - Broken: broken feed: line 1, column 53: not well-formed" in first.line()

    second = run_round(db, max_failures=2, now=lambda: now)  # backoff after one failure: none yet
    assert [(p.source, p.failing) for p in second.errors] == [("Broken", True), ("Homepage", True)]
    assert "(now marked failing)" in second.line()

    third = run_round(db, max_failures=2, now=lambda: now + timedelta(days=2))
    assert (third.polled, third.waiting, third.errors) == (1, 2, [])
    with open_store(db) as store:
        broken = get_source(store, "Broken")
        assert broken.failing and broken.failures == 2 and "broken feed" in broken.last_error
        add_source(store, broken.url, allow_private=True)  # adding it again revives it
        assert not get_source(store, "Broken").failing


def test_errors_back_off_and_retry_after_is_obeyed(web, db):
    calls = []

    def busy(request: Request) -> Reply:
        calls.append(request)
        return Reply(503, body=b"maintenance", headers={"Retry-After": "3600"})

    add(db, web.route("/busy.xml", busy), name="Busy")
    now = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
    first = run_round(db, now=lambda: now)
    assert "HTTP 503" in first.errors[0].error
    with open_store(db) as store:
        source = get_source(store, "Busy")
    assert source.next_poll_at == (now + timedelta(seconds=3600)).replace(tzinfo=None)
    assert run_round(db, now=lambda: now + timedelta(minutes=30)).waiting == 1
    assert len(calls) == 1
    run_round(db, now=lambda: now + timedelta(minutes=61))
    assert len(calls) == 2
    with open_store(db) as store:
        source = get_source(store, "Busy")
    # second failure in a row: at least one interval of backoff on top of Retry-After's hour
    assert source.failures == 2 and source.next_poll_at >= (now + timedelta(minutes=121)).replace(tzinfo=None)


def test_robots_txt_is_respected(web, db):
    web.route("/robots.txt", Reply(body=b"User-agent: *\nDisallow: /members/\n"))
    open_page = article_page(80)
    web.route("/news/80.html", Reply(body=open_page[1], headers={"Content-Type": "text/html"}))
    web.route("/members/81.html", Reply(body=article_page(81)[1], headers={"Content-Type": "text/html"}))
    items = [
        {"title": open_page[0], "link": web.url("/news/80.html")},
        {"title": "Members only", "link": web.url("/members/81.html")},
    ]
    add(db, web.route("/robots-feed.xml", Reply(body=rss_feed("Polite", items))))
    report = run_round(db)
    assert (report.new, report.failed) == (1, 1)
    assert "robots.txt" in report.failures[0].reason
    assert web.requests("/members/81.html") == []
    assert len(web.requests("/robots.txt")) == 1
    run_round(db)
    assert web.requests("/members/81.html") == []  # given up: robots.txt is not retried per entry


def test_a_429_pauses_the_host_for_the_rest_of_the_round(web, db):
    site = Site(web, "limited", 90, 4)
    web.route("/limited/90.html", Reply(429, body=b"slow down", headers={"Retry-After": "600"}))
    add(db, site.feed_url)
    first = run_round(db, host_concurrency=1, concurrency=1)
    assert first.new == 0 and first.failed == 1
    assert page_requests(web) == ["/limited/90.html"]  # the other three waited for the next round
    web.route("/limited/90.html", Reply(body=article_page(90)[1], headers={"Content-Type": "text/html"}))
    second = run_round(db, host_concurrency=1, concurrency=1)
    assert second.new == 4 and count_articles(db) == 4


def test_a_stop_mid_round_loses_nothing_and_a_restart_finishes(web, db):
    site = Site(web, "stopper", 100, 12)
    add(db, site.feed_url)
    stop = threading.Event()

    def stopping(request: Request) -> Reply:
        stop.set()  # as Ctrl-C would, while the fifth page is being fetched
        return Reply(body=article_page(104)[1], headers={"Content-Type": "text/html"})

    web.route("/stopper/104.html", stopping)
    first = run_round(db, stop=stop, concurrency=1)
    assert first.stopped and 0 < first.new < 12
    with open_store(db) as store:
        stored = {a.url for a in store.iter_articles()}
        assert len(stored) == first.new == get_source(store, site.feed_url).entries
    second = run_round(db)
    assert second.new == 12 - first.new and second.duplicates == 0
    assert count_articles(db) == 12


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("30s", 30),
        ("10m", 600),
        ("1h", 3600),
        ("1h30m", 5400),
        ("1.5h", 5400),
        ("2d", 172800),
        ("45", 45),
        ("500ms", 0.5),
    ],
)
def test_parse_duration(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "10x", "m", "-5m", "0s", "1h 30"])
def test_parse_duration_refuses_nonsense(text):
    with pytest.raises(ConfigError):
        parse_duration(text)


def test_format_duration():
    assert [format_duration(s) for s in (600, 5400, 45, 0)] == ["10m", "1h30m", "45s", "0s"]


def test_round_line_says_what_happened():
    report = RoundReport(3, polled=20, not_modified=2, new=37, duplicates=1, seconds=4.25)
    report.errors.append(SourceProblem("Broken", "broken feed: not well-formed", failing=True))
    assert report.line() == (
        "round 3: 20 sources polled (2 not modified), 37 new articles, 1 duplicate, 1 error (4.2s)"
        " - Broken: broken feed: not well-formed (now marked failing)"
    )


def test_an_unreadable_robots_txt_means_no_crawling_for_now(web, db):
    web.route("/robots.txt", Reply(500, body=b"oops"))
    site = Site(web, "blocked", 120, 1)
    add(db, site.feed_url, name="Blocked")
    report = run_round(db)
    assert report.new == 0 and "robots.txt unreadable (HTTP 500" in report.errors[0].error
    assert web.requests("/blocked/feed.xml") == []


def test_a_feed_over_the_entry_cap_is_read_up_to_it_a_round_at_a_time(web, db, monkeypatch):
    """Of a feed listing more than ``MAX_FEED_ENTRIES``, the first ones are read on every poll and
    ingested ``max_entries`` a round (the next rounds take the rest of them); the entries past the
    cap are never fetched, and the source's state says how many were left out."""
    from nutgraf.ingest import feeds

    monkeypatch.setattr(feeds, "MAX_FEED_ENTRIES", 5)
    archive = Site(web, "archive", 200, 8)
    add(db, archive.feed_url, name="Archive")
    rounds = [run_round(db, max_entries=3) for _ in range(3)]
    assert [(r.entries, r.new) for r in rounds] == [(3, 3), (2, 2), (0, 0)]
    assert sorted(page_requests(web)) == sorted(f"/archive/{n}.html" for n in range(200, 205))
    with open_store(db) as store:
        [source] = list_sources(store)
    assert source.entries == 5 and "3 are not" in source.last_error and not source.failing

"""Templated reports from one outlet keep every line through ingest, from files and through `watch`.

Issue 23 (1): a wire's earthquake, score, market and weather reports repeat most of their sentences
word for word, so the furniture learner took them for the site's template and stored only each
report's first sentence; the counts, kept in the store, went on cutting later reports. Here every
report must be stored with its headline, date and all its lines, while the two lines of real site
furniture each report carries (no rule knows them) are still learned and removed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from localweb import LocalWeb, Reply, rss_feed
from nutgraf.clean.furniture import is_rule_furniture
from nutgraf.ingest import iter_documents
from nutgraf.ingest.watch import Watcher, WatchSettings
from nutgraf.ingest.web import FetchPolicy
from nutgraf.pipeline import IngestOptions, ingest
from nutgraf.store import open_store
from nutgraf.store.sources import add_source
from templated_reports import FURNITURE, KINDS, LANGUAGES, OUTLET, Report, report

PER_OUTLET = 24
"""Reports per outlet: far past the learner's threshold (3 documents and half of the outlet's)."""


def write_reports(root: Path, kind: str, language: str, first: int, count: int) -> dict[str, Report]:
    """Reports as text files in one folder (the folder is the outlet); path -> report."""
    folder = root / f"{kind}-{language}"
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for n in range(first, first + count):
        path = folder / f"{n:05d}.txt"
        item = report(kind, language, n)
        path.write_text(item.text(), encoding="utf-8")
        written[str(path)] = item
    return written


def assert_whole(article, item: Report) -> None:
    """Stored with its headline, its date and every news line, and without the site furniture."""
    assert article.title == item.headline, article.source
    assert article.text.split("\n\n") == item.lines, article.source
    assert article.published is not None and article.published.date() == date(*item.published)
    top, bottom = FURNITURE[item.language]
    assert not any(line in article.text for line in top + bottom), article.source


def test_the_site_furniture_is_known_to_no_rule():
    """So that removing it below is the learner's work."""
    for top, bottom in FURNITURE.values():
        assert not any(is_rule_furniture(line) for line in top + bottom)


@pytest.fixture(scope="module")
def templated_store(tmp_path_factory):
    root = tmp_path_factory.mktemp("templated")
    reports: dict[str, Report] = {}
    for kind in KINDS:
        for language in LANGUAGES:
            reports.update(write_reports(root / "files", kind, language, 0, PER_OUTLET))
    with open_store(root / "t.db") as store:
        result = ingest(iter_documents([root / "files"]), store)
        yield store, result, reports


def test_templated_reports_from_files_keep_every_line(templated_store):
    store, result, reports = templated_store
    assert result.failures == [] and result.new == len(reports) == len(KINDS) * len(LANGUAGES) * PER_OUTLET
    articles = list(store.iter_articles())
    assert {a.source for a in articles} == set(reports)
    for article in articles:
        assert_whole(article, reports[article.source])


def test_counts_kept_in_the_store_do_not_cut_later_reports(tmp_path):
    """A second run learns from the window the first one stored (each article keeps its line
    keys): the reports' own sentences recur in all 30 stored reports, and the later reports still
    keep every line."""
    first = write_reports(tmp_path / "files", "quake", "en", 0, 30)
    source = str(tmp_path / "files" / "quake-en")
    with open_store(tmp_path / "t.db") as store:
        assert ingest(iter_documents(list(first)), store).new == 30
    later = write_reports(tmp_path / "files", "quake", "en", 30, 5)
    with open_store(tmp_path / "t.db") as store:
        assert len(store.furniture_window(source, 200)) == 30
        assert ingest(iter_documents(list(later)), store).new == 5
        stored = {a.source: a for a in store.iter_articles()}
    for path, item in later.items():
        assert_whole(stored[path], item)


def test_a_repeated_background_sentence_is_kept(tmp_path):
    """An outlet that ends eight of its twelve stories on the same plant with the same background
    sentence: the sentence is news in each of them."""
    background = "The Lumora plant, opened in 1998, employs 1,200 people in the town."
    events = [
        "Lumora workers voted to accept a new pay offer on Tuesday.",
        "A fire broke out in a Lumora warehouse overnight and was put out within an hour.",
        "Lumora said it would build a second assembly line by the end of next year.",
        "The town council approved a new bus route to the Lumora plant gates.",
        "Union leaders met Lumora managers for talks about night shifts.",
        "Lumora reported a 4% rise in orders in the first quarter.",
        "A Lumora apprentice won the regional engineering prize on Friday.",
        "Lumora recalled 300 robot arms after a software fault.",
        "The harbour ferry timetable changes on Monday.",
        "A new library opened in the old customs house.",
        "Road works on the coast road will last until June.",
        "The rowing club celebrated its centenary with a regatta.",
    ]
    folder = tmp_path / "coast-courier"
    folder.mkdir()
    for n, event in enumerate(events):
        headline = event.split(" on ")[0].rstrip(".")
        lines = [headline, "", event, "Officials gave no further details."]
        if n < 8:
            lines.append(background)
        (folder / f"{n:02d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with open_store(tmp_path / "t.db") as store:
        assert ingest(iter_documents([folder]), store).new == 12
        articles = sorted(store.iter_articles(), key=lambda a: a.source)
    assert [background in a.text for a in articles] == [True] * 8 + [False] * 4
    assert all("Officials gave no further details." in a.text for a in articles)


def _watch_settings() -> WatchSettings:
    return WatchSettings(
        interval=60.0,
        policy=FetchPolicy(allow_private=True, connect_timeout=2, read_timeout=2, total_timeout=5),
        host_delay=0.0,
        concurrency=4,
        ingest=IngestOptions(batch_size=8, workers=1),
    )


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_templated_reports_through_watch_keep_every_line(tmp_path, kind, language):
    """One outlet's pages, polled in three rounds (the counts grow in the store between them):
    every report is stored whole, and the pages' own furniture is still learned away."""
    published: dict[str, Report] = {}
    items: list[dict[str, str]] = []
    with LocalWeb() as web:
        feed = web.route("/wire/feed.xml", lambda request: Reply(body=rss_feed("Wire", items)))

        def publish(first: int, count: int) -> None:
            for n in range(first, first + count):
                item = report(kind, language, n)
                path = f"/wire/{n}.html"
                web.route(path, Reply(body=item.html(), headers={"Content-Type": "text/html; charset=utf-8"}))
                items.append({"title": item.headline, "link": web.url(path)})
                published[web.url(path)] = item

        db = tmp_path / "watch.db"
        with open_store(db) as store:
            add_source(store, feed, allow_private=True, name=OUTLET[language])
        for first, count in ((0, 8), (8, 8), (16, 4)):
            publish(first, count)
            with open_store(db) as store:
                outcome = Watcher(store, _watch_settings()).run_round()
            assert (outcome.new, outcome.failed) == (count, 0), outcome.failures
        with open_store(db) as store:
            articles = list(store.iter_articles())
    assert len(articles) == len(published) == 20
    top, bottom = FURNITURE[language]
    for article in articles:
        item = published[article.url]
        assert article.title == item.headline, article.url
        assert article.text.split("\n\n") == item.lines, article.url
        assert not any(line in article.text for line in top + bottom), article.url

"""Issue 27, "Pages": what a reader meets on the pages reads right.

No empty sections, citations as a list, dates that do not wrap, one search box a page, a scroll
hint on the chart, entity types as words in the reader's language, and Atom ``updated`` never
1970-01-01 for an undated article. The browser half (layout at 1280 and 390 px) is in
test_web_e2e.py.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from nutgraf.ingest import iter_documents
from nutgraf.pipeline import ingest
from nutgraf.store import open_store

ATOM = "{http://www.w3.org/2005/Atom}"
RUSSIAN = {"Accept-Language": "ru-RU,ru;q=0.9"}
FRENCH = {"Accept-Language": "fr-FR,fr;q=0.9"}

UNDATED = {
    "id": "undated-1",
    "source": "Quiet Bay Review",
    "language": "en",
    "title": "Quiet Bay lighthouse keeper retires",
    "text": (
        "The lighthouse keeper of Quiet Bay, Tomas Lindqvist, has retired after a long career, the "
        "harbour board said.\n\n"
        "Lindqvist kept the light burning through many storms. The board thanked him for his service "
        "and said a new keeper would be chosen by the town."
    ),
}


def ferry_id(client) -> int:
    items = client.get("/api/stories", params={"limit": 100}).json()["items"]
    return next(item["id"] for item in items if item["size"] >= 3)


class _Elements(HTMLParser):
    """Elements by tag with their attributes, and the text shown outside ``<time>`` elements
    (tooltips, ``<title>``, are not laid out, so they may hold dates)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.time_depth = 0
        self.outside_time: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in {"time", "title"}:
            self.time_depth += 1

    def handle_endtag(self, tag) -> None:
        if tag in {"time", "title"}:
            self.time_depth -= 1

    def handle_data(self, data) -> None:
        if not self.time_depth:
            self.outside_time.append(data)


def elements(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def undated_client(tmp_path_factory):
    """A store of one article with no publication date (and so no chart, no dated timeline)."""
    from fastapi.testclient import TestClient

    from nutgraf.web import WebSettings, create_app

    folder = tmp_path_factory.mktemp("undated")
    source = folder / "records.jsonl"
    source.write_text(json.dumps(UNDATED) + "\n", encoding="utf-8")
    with open_store(folder / "undated.db") as store:
        report = ingest(iter_documents([source]), store)
        assert report.failures == [] and report.new == 1, report
        with TestClient(create_app(store, WebSettings())) as test_client:
            yield test_client


def test_no_empty_timeline_section(undated_client):
    """A story with no timeline items and no chart has no "Timeline" heading."""
    story = undated_client.get("/api/stories").json()["items"][0]
    detail = undated_client.get(f"/api/stories/{story['id']}").json()
    assert detail["timeline"] == []
    html = undated_client.get(f"/stories/{story['id']}").text
    assert 'id="timeline"' not in html and ">Timeline<" not in html
    assert 'id="digest"' in html  # the other sections are still there


def test_every_story_section_has_content(client):
    """On every page of the corpus, each section holds more than its heading."""
    for story in client.get("/api/stories", params={"limit": 100}).json()["items"]:
        html = client.get(f"/stories/{story['id']}").text
        for section in re.findall(r"<section\b.*?</section>", html, flags=re.S):
            body = re.sub(r"<h2\b.*?</h2>", "", section, count=1, flags=re.S)
            assert re.sub(r"<[^>]+>|\s", "", body), section[:200]


def test_timeline_citations_are_a_list(client):
    """Several outlets cited for one timeline item are list items, never links run together."""
    html = client.get(f"/stories/{ferry_id(client)}").text
    assert "</a><a" not in html
    timeline = re.search(r'<ol class="timeline">.*?</ol>', html, flags=re.S).group(0)
    lists = re.findall(r'<ul class="cites">(.*?)</ul>', timeline, flags=re.S)
    assert lists and max(item.count("<li>") for item in lists) >= 2
    for item in lists:
        assert item.count("<li>") == item.count('class="cite')


def test_dates_are_time_elements_that_do_not_wrap(client):
    """Every date a story page shows is a <time> element, and the stylesheet keeps those whole."""
    html = client.get(f"/stories/{ferry_id(client)}").text
    parsed = elements(html)
    outside = " ".join(parsed.outside_time)
    assert not re.search(r"\d{4}-\d{2}-\d{2}", outside), re.findall(r".{20}\d{4}-\d{2}-\d{2}.{5}", outside)
    assert sum(1 for tag, _ in parsed.tags if tag == "time") >= 3
    css = client.get("/static/style.css").text
    assert re.search(r"(^|\n|,\s*)time\s*(,[^{]*)?\{[^}]*white-space:\s*nowrap", css)


@pytest.mark.parametrize("path", ["/", "story", "article", "entity", "/search", "/search?q=ferry"])
def test_one_search_box_a_page(client, ids, path):
    story = ferry_id(client)
    entity = client.get(f"/api/stories/{story}").json()["entities"][0]["id"]
    url = {
        "story": f"/stories/{story}",
        "article": f"/articles/{ids['lc-1']}",
        "entity": f"/entities/{entity}",
    }
    parsed = elements(client.get(url.get(path, path)).text)
    forms = [attrs for tag, attrs in parsed.tags if tag == "form" and attrs.get("role") == "search"]
    inputs = [attrs for tag, attrs in parsed.tags if tag == "input" and attrs.get("type") == "search"]
    assert len(forms) == 1 and len(inputs) == 1, (forms, inputs)


@pytest.mark.parametrize(
    "headers,hint",
    [
        ({}, "Scroll sideways for the whole chart →"),
        (RUSSIAN, "Прокрутите вбок, чтобы увидеть весь график →"),
        (FRENCH, "Faites défiler sur le côté pour voir tout le graphique →"),
    ],
)
def test_chart_has_a_scroll_hint_in_the_readers_language(client, headers, hint):
    html = client.get(f"/stories/{ferry_id(client)}", headers=headers).text
    assert f'<span class="scroll-hint">{hint}</span>' in html
    css = client.get("/static/style.css").text
    assert ".chart .scroll-hint { display: none" in css  # shown only where the chart scrolls


@pytest.mark.parametrize(
    "headers,words",
    [
        ({}, {"person", "place"}),
        (RUSSIAN, {"человек", "место"}),
        (FRENCH, {"personne", "lieu"}),
    ],
)
def test_entity_types_are_words_in_the_readers_language(client, ids, headers, words):
    story_html = client.get(f"/stories/{ferry_id(client)}", headers=headers).text
    article_html = client.get(f"/articles/{ids['lc-1']}", headers=headers).text
    for html in (story_html, article_html):
        shown = set(re.findall(r'<span class="type">([^<]+)</span>', html))
        assert words <= shown, shown
        assert not re.search(r">\s*(PER|ORG|LOC|MISC)\s*<", html)
    entity = client.get(f"/api/stories/{ferry_id(client)}").json()["entities"][0]
    entity_html = client.get(f"/entities/{entity['id']}", headers=headers).text
    assert not re.search(r"\b(PER|ORG|LOC)\b", re.sub(r"<[^>]+>", " ", entity_html))


def _updated(feed: ET.Element) -> list[str]:
    return [e.findtext(f"{ATOM}updated") for e in [feed, *feed.findall(f"{ATOM}entry")]]


def test_atom_undated_article_is_updated_when_ingested(undated_client):
    """An undated article's entry (and story's) is ``updated`` at its ingest time, not 1970-01-01."""
    now = datetime.now(UTC).replace(tzinfo=None)
    feeds = ["/feeds/stories.atom"]
    story = undated_client.get("/api/stories").json()["items"][0]
    entities = undated_client.get(f"/api/stories/{story['id']}").json()["entities"]
    feeds += [f"/feeds/entities/{entity['id']}.atom" for entity in entities[:1]]
    for path in feeds:
        feed = ET.fromstring(undated_client.get(path).content)
        stamps = _updated(feed)
        assert len(stamps) >= 2, path  # the feed and at least one entry
        for stamp in stamps:
            assert not stamp.startswith("1970"), (path, stamp)
            when = datetime.fromisoformat(stamp.rstrip("Z"))
            assert now - timedelta(hours=1) < when <= now + timedelta(minutes=1), (path, stamp)


def test_atom_dated_entries_keep_their_dates(client):
    feed = ET.fromstring(client.get("/feeds/stories.atom").content)
    stamps = _updated(feed)
    assert stamps[0] == max(stamps[1:]) and all(s.startswith("2026-") for s in stamps)


def test_docs_say_what_an_undated_entry_is_updated_at():
    docs = (Path(__file__).parents[2] / "docs" / "web.md").read_text(encoding="utf-8")
    assert "when it was ingested" in docs and "1970-01-01" in docs

"""Feeds and sitemaps parsed from bytes (feedparser never fetches anything itself)."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime

import pytest

from localweb import rss_feed
from nutgraf.errors import FeedError
from nutgraf.ingest import feeds
from nutgraf.ingest.feeds import entry_document_html, parse_feed

BASE = "http://news.example/feeds/main.xml"

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">
  <title>Vestnik Testovska</title>
  <id>urn:test:feed</id><updated>2026-05-02T10:00:00Z</updated>
  <entry>
    <title>Мост через Тестовку открыт</title>
    <id>urn:test:1</id>
    <link href="/news/most.html"/>
    <published>2026-05-02T09:30:00+03:00</published>
    <author><name>Ирина Полева</name></author>
    <content type="html">&lt;p&gt;Мост через реку Тестовку открыли во вторник.&lt;/p&gt;</content>
  </entry>
</feed>""".encode()


def test_rss_entries_have_absolute_links_dates_and_stable_keys():
    data = rss_feed(
        "Testville Courier",
        [
            {"title": "Bridge reopens", "link": "/a/1.html", "description": "<p>The bridge reopened.</p>"},
            {"title": "Dam inspected", "link": "http://news.example/a/2.html", "guid": "courier-2"},
        ],
    )
    feed = parse_feed(data, BASE)
    assert feed.kind == "rss20" and feed.title == "Testville Courier" and feed.warning is None
    first, second = feed.entries
    assert first.url == "http://news.example/a/1.html" and first.title == "Bridge reopens"
    assert first.published == datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
    assert first.content == "<p>The bridge reopened.</p>"
    assert second.content is None
    again = parse_feed(data, BASE)
    assert [e.key for e in again.entries] == [first.key, second.key] and first.key != second.key


def test_atom_feed_with_content_author_and_language():
    feed = parse_feed(ATOM, BASE)
    [entry] = feed.entries
    assert feed.kind == "atom10" and feed.language == "ru"
    assert entry.url == "http://news.example/news/most.html"
    assert entry.published == datetime(2026, 5, 2, 6, 30, tzinfo=UTC)
    assert entry.author == "Ирина Полева" and "Тестовку" in entry.content
    page = entry_document_html(entry)
    assert page.startswith("<html>") and "<title>Мост через Тестовку открыт</title>" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<?xml version='1.0'?><rss><channel><<<>>> &&& not xml", "broken feed"),
        (b"<!DOCTYPE html><html><body><p>Welcome to our site</p></body></html>", "not a feed"),
        (b"   ", "empty"),
    ],
)
def test_broken_feeds_raise_feed_error(data, message):
    with pytest.raises(FeedError, match=message):
        parse_feed(data, BASE)


def test_a_truncated_feed_keeps_its_complete_entries_with_a_warning():
    data = rss_feed("Cut", [{"title": "Whole entry", "link": "/a/1.html"}])
    truncated = data.replace(b"</channel></rss>", b"<item><title>Cut off")
    feed = parse_feed(truncated, BASE)
    assert [e.title for e in feed.entries] == ["Whole entry"]
    assert feed.warning and "malformed" in feed.warning


NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>http://news.example/2026/05/02/ferry.html</loc>
    <news:news>
      <news:publication><news:name>Harbour Times</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2026-05-02T07:00:00Z</news:publication_date>
      <news:title>Ferry route extended</news:title>
    </news:news>
  </url>
  <url><loc>http://news.example/2026/05/02/tram.html</loc><lastmod>2026-05-02T09:00:00+00:00</lastmod></url>
  <url><loc>http://news.example/about.html</loc><lastmod>2019-01-01</lastmod></url>
  <url><loc>http://news.example/contact.html</loc></url>
</urlset>"""


def test_news_sitemap_entries_and_recent_plain_entries_only():
    now = datetime(2026, 5, 2, 12, 0, tzinfo=UTC)
    feed = parse_feed(NEWS_SITEMAP, "http://news.example/sitemap-news.xml", now=now)
    assert feed.kind == "sitemap"
    assert [e.url for e in feed.entries] == [
        "http://news.example/2026/05/02/tram.html",
        "http://news.example/2026/05/02/ferry.html",
    ]
    ferry = feed.entries[1]
    assert (ferry.title, ferry.outlet, ferry.language) == ("Ferry route extended", "Harbour Times", "en")
    assert ferry.published == datetime(2026, 5, 2, 7, 0, tzinfo=UTC)


def test_gzipped_sitemap_and_sitemap_index():
    now = datetime(2026, 5, 2, 12, 0, tzinfo=UTC)
    assert len(parse_feed(gzip.compress(NEWS_SITEMAP), "http://news.example/s.xml.gz", now=now).entries) == 2
    index = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>http://news.example/sitemap-news.xml</loc></sitemap></sitemapindex>"""
    with pytest.raises(FeedError, match=r"sitemap index.*sitemap-news\.xml"):
        parse_feed(index, "http://news.example/sitemap.xml")


def test_sitemap_entities_are_not_expanded():
    bomb = b"""<?xml version="1.0"?>
<!DOCTYPE urlset [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY x SYSTEM "file:///etc/passwd">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>http://news.example/&x;&c;</loc><news:news><news:title>t</news:title></news:news></url></urlset>"""
    feed = parse_feed(bomb, "http://news.example/s.xml")
    for entry in feed.entries:
        assert "root:" not in entry.url and "aaaaaaaaaa" not in entry.url


def _items(count: int) -> list[dict[str, str]]:
    return [{"title": f"Note {n}", "link": f"/a/{n}.html", "guid": f"note-{n}"} for n in range(count)]


def test_a_feed_longer_than_the_cap_is_read_up_to_the_cap():
    """The first ``MAX_FEED_ENTRIES`` entries in feed order (the newest) are read, on the bytes'
    cut, not after parsing them all; the rest are counted and said in the warning."""
    data = rss_feed("Archive", _items(feeds.MAX_FEED_ENTRIES + 40))
    feed = parse_feed(data, BASE)
    assert [e.title for e in feed.entries] == [f"Note {n}" for n in range(feeds.MAX_FEED_ENTRIES)]
    assert feed.skipped == 40 and feed.title == "Archive" and feed.kind == "rss20"
    assert "40 are not" in feed.warning and "malformed" not in feed.warning
    whole = parse_feed(rss_feed("Archive", _items(feeds.MAX_FEED_ENTRIES)), BASE)
    assert len(whole.entries) == feeds.MAX_FEED_ENTRIES and whole.skipped == 0 and whole.warning is None


def test_feedparser_reads_only_the_entries_kept(monkeypatch):
    import feedparser

    read: list[bytes] = []
    original = feedparser.parse

    def recording(stream, **kwargs):
        read.append(stream.getvalue())
        return original(stream, **kwargs)

    monkeypatch.setattr(feedparser, "parse", recording)
    data = rss_feed("Archive", _items(3 * feeds.MAX_FEED_ENTRIES))
    parse_feed(data, BASE)
    assert len(read[0]) < len(data) / 2 and read[0].count(b"<item>") == feeds.MAX_FEED_ENTRIES


ATOM_ENTRY = (
    "<entry><title>Note {n}</title><id>urn:note:{n}</id><link href='/a/{n}.html'/>"
    "<updated>2026-05-02T09:00:00Z</updated></entry>"
)
RDF_ITEM = (
    "<item rdf:about='http://news.example/a/{n}.html'><title>Note {n}</title><link>/a/{n}.html</link></item>"
)


@pytest.mark.parametrize(
    ("head", "item", "tail", "kind"),
    [
        (
            "<?xml version='1.0'?><!-- an archive --><feed xmlns='http://www.w3.org/2005/Atom'>"
            "<title>Atom archive</title><link rel='self' href='/feed.xml'/><id>urn:t</id>"
            "<updated>2026-05-02T10:00:00Z</updated>",
            ATOM_ENTRY,
            "</feed>",
            "atom10",
        ),
        (
            "<?xml version='1.0'?><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' "
            "xmlns='http://purl.org/rss/1.0/'><channel rdf:about='http://news.example/'>"
            "<title>RDF archive</title><link>http://news.example/</link><description>d</description></channel>",
            RDF_ITEM,
            "</rdf:RDF>",
            "rss10",
        ),
    ],
)
def test_atom_and_rss1_feeds_are_cut_and_closed_cleanly(monkeypatch, head, item, tail, kind):
    monkeypatch.setattr(feeds, "MAX_FEED_ENTRIES", 5)
    data = (head + "".join(item.format(n=n) for n in range(8)) + tail).encode()
    feed = parse_feed(data, BASE)
    assert feed.kind == kind and feed.title and feed.title.endswith("archive")
    assert [e.title for e in feed.entries] == [f"Note {n}" for n in range(5)]
    assert feed.skipped == 3 and "malformed" not in feed.warning


def test_a_sitemap_longer_than_the_cap_keeps_its_newest_entries(monkeypatch):
    monkeypatch.setattr(feeds, "MAX_FEED_ENTRIES", 3)
    now = datetime(2026, 5, 2, 12, 0, tzinfo=UTC)
    urls = "".join(
        f"<url><loc>http://news.example/{n}.html</loc><lastmod>2026-05-02T0{n}:00:00Z</lastmod></url>"
        for n in (4, 1, 7, 3, 6)
    )
    data = f"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>"
    feed = parse_feed(data.encode(), "http://news.example/sitemap.xml", now=now)
    assert [e.url for e in feed.entries] == [f"http://news.example/{n}.html" for n in (7, 6, 4)]
    assert feed.skipped == 2 and "newest 3" in feed.warning

"""Feeds and sitemaps as lists of entries: parsed from bytes that :mod:`nutgraf.ingest.web` fetched.

feedparser can fetch URLs by itself (and will, given a string that looks like one); it is only
ever handed a byte stream here, so every download goes through the safe fetcher. RSS 0.9x/1.0/2.0
and Atom are read by feedparser; sitemaps (``<urlset>``, with Google News tags when present) by
lxml with entity resolution and network access off.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import itertools
import re
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urljoin

from nutgraf.errors import FeedError
from nutgraf.ingest.files import MAX_DOCUMENT_BYTES

__all__ = [
    "MAX_FEED_ENTRIES",
    "SITEMAP_RECENT_DAYS",
    "FeedEntry",
    "ParsedFeed",
    "entry_document_html",
    "parse_feed",
]

SITEMAP_RECENT_DAYS = 3
"""A plain sitemap lists every page a site has; only pages modified in the last three days are
taken as news (Google News sitemaps hold two days of articles, one more allows for a missed day).
Entries with news tags are always taken."""

MAX_FEED_ENTRIES = 1_000
"""Entries read from one feed or sitemap per poll. News feeds list 10 to 100 entries and a Google
News sitemap at most 1,000, so this reads every ordinary feed whole; a feed that lists its whole
archive (100,000 entries, 14 MB) would cost feedparser about a minute and 300 MB on every poll.
RSS and Atom are read in feed order, which lists the newest first, so the first 1,000 are kept;
sitemaps are in no order, so the 1,000 most recently published or modified are. The rest are
not read: ``ParsedFeed.skipped`` counts them and ``warning`` says so (``nutgraf sources list``
shows it), and they are read only once they move up into the first 1,000. Of the entries read,
the watcher ingests a few hundred per round, the others in the next rounds."""

_SITEMAP_ROOT = re.compile(rb"<(?:[\w-]+:)?(urlset|sitemapindex)\b")
_GZIP_MAGIC = b"\x1f\x8b"
_ENTRY_START = re.compile(rb"<(?:[\w.-]+:)?(?:item|entry)[\s/>]", re.IGNORECASE)
_ENTRY_END = re.compile(rb"</(?:[\w.-]+:)?(?:item|entry)\s*>", re.IGNORECASE)
_MARKUP = re.compile(
    rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[?!][^>]*>|<(/?)([\w.:-]+)(?:\s[^>]*?)?(/?)>", re.DOTALL
)


@dataclass(slots=True)
class FeedEntry:
    """One entry of a feed or sitemap: what an article page is fetched from, and what the feed says
    about it (used as the article when the page cannot be fetched).

    ``key`` is stable across polls (a hash of the entry's id, else its link, else its title and
    date): the watcher remembers keys so an entry is ingested once."""

    key: str
    url: str | None
    title: str | None = None
    published: datetime | None = None
    content: str | None = None
    """HTML (or text) the feed itself carries: the full content when there is one, else the summary."""
    author: str | None = None
    language: str | None = None
    outlet: str | None = None


@dataclass(slots=True)
class ParsedFeed:
    """A feed's entries in feed order; ``warning`` says when it was read leniently (malformed XML
    that still gave entries)."""

    kind: str
    title: str | None = None
    language: str | None = None
    entries: list[FeedEntry] = field(default_factory=list)
    warning: str | None = None
    skipped: int = 0
    """Entries beyond ``MAX_FEED_ENTRIES`` that were not read (see there)."""


def _key(*parts: str | None) -> str:
    raw = "\x00".join(p or "" for p in parts)
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value or None


def _struct_time(value: Any) -> datetime | None:
    """feedparser's UTC struct_time as an aware datetime."""
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), UTC)
    except (OverflowError, ValueError, TypeError):
        return None


def _w3c_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _gunzip(data: bytes) -> bytes:
    """A gzipped sitemap (``sitemap.xml.gz`` is served as-is, without Content-Encoding), capped."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, MAX_DOCUMENT_BYTES + 1)
    except zlib.error as exc:
        raise FeedError(f"corrupt gzip data: {exc}") from exc
    if len(out) > MAX_DOCUMENT_BYTES or decompressor.unconsumed_tail:
        raise FeedError("gzipped feed is larger than the 16 MB limit once decompressed")
    return out


def parse_feed(data: bytes, url: str, *, now: datetime | None = None) -> ParsedFeed:
    """Entries of an RSS/Atom feed or a sitemap given as bytes; relative links resolve against ``url``.

    Raises :class:`FeedError` when the bytes hold no feed: broken XML that gives no entry, an HTML
    page, a sitemap index (its child sitemaps are named in the message)."""
    if data.startswith(_GZIP_MAGIC):
        data = _gunzip(data)
    if not data.strip():
        raise FeedError("empty response: no feed")
    if _SITEMAP_ROOT.search(data[:4096]):
        return _parse_sitemap(data, url, now or datetime.now(UTC))
    return _parse_syndication(data, url)


def _skipped_warning(skipped: int, which: str = "first") -> str:
    return (
        f"more than {MAX_FEED_ENTRIES:,} entries: only the {which} {MAX_FEED_ENTRIES:,} are read, "
        f"{skipped:,} are not"
    )


def _open_elements(head: bytes) -> list[bytes]:
    """The names of the elements still open at the end of ``head`` (the part of a feed before its
    first entry: the root, and the channel of RSS 2.0)."""
    stack: list[bytes] = []
    for match in _MARKUP.finditer(head):
        closing, name, empty = match.groups()
        if name is None or empty:
            continue
        if not closing:
            stack.append(name)
        elif name in stack:
            del stack[len(stack) - 1 - stack[::-1].index(name) :]
    return stack


def _first_entries(data: bytes) -> tuple[bytes, int]:
    """The feed cut after its ``MAX_FEED_ENTRIES``-th entry and closed again, and how many entries
    were cut off (the feed itself, and 0, when it has no more than that). The cut is found on the
    bytes, without parsing them, so that feedparser reads no more than the entries kept."""
    ends = _ENTRY_END.finditer(data)
    kept = list(itertools.islice(ends, MAX_FEED_ENTRIES))
    skipped = sum(1 for _ in ends)
    if not skipped:
        return data, 0
    last = kept[-1]
    first = _ENTRY_START.search(data)
    head = data[: first.start()] if first is not None else b""
    closing = b"".join(b"</" + name + b">" for name in reversed(_open_elements(head)))
    return data[: last.end()] + closing, skipped


def _parse_syndication(data: bytes, url: str) -> ParsedFeed:
    import feedparser

    data, skipped = _first_entries(data)
    parsed = feedparser.parse(
        io.BytesIO(data), response_headers={"content-location": url, "content-type": "application/xml"}
    )
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if isinstance(problem, feedparser.CharacterEncodingOverride | feedparser.NonXMLContentType):
        problem = None  # a wrong charset label or content type, handled by feedparser: no harm done
    entries = [entry for entry in (_entry(e, url) for e in parsed.get("entries", [])) if entry is not None]
    version = parsed.get("version") or ""
    if not entries:
        if problem is not None:
            raise FeedError(f"broken feed: {_reason(problem)}")
        if not version:
            raise FeedError("not a feed (no RSS or Atom found; is it an HTML page?)")
    feed = parsed.get("feed", {})
    warnings = [_skipped_warning(skipped)] if skipped else []
    if problem is not None:
        warnings.append(f"malformed feed read leniently: {_reason(problem)}")
    return ParsedFeed(
        kind=version or "feed",
        title=_clean(feed.get("title")),
        language=_clean(feed.get("language")),
        entries=entries,
        warning="; ".join(warnings) or None,
        skipped=skipped,
    )


def _reason(problem: Any) -> str:
    text = str(problem).strip() or type(problem).__name__
    text = re.sub(r"^<unknown>:(\d+):(\d+):\s*", r"line \1, column \2: ", text)  # SAX's position
    return text.splitlines()[0][:200]


def _entry(entry: Any, base: str) -> FeedEntry | None:
    link = _clean(entry.get("link"))
    link = urljoin(base, link) if link else None
    content = None
    for item in entry.get("content") or []:
        content = _clean(item.get("value"))
        if content:
            break
    content = content or _clean(entry.get("summary"))
    title = _clean(entry.get("title"))
    published = _struct_time(entry.get("published_parsed") or entry.get("updated_parsed"))
    if not link and not content:
        return None  # nothing to fetch and nothing to read (a truncated or empty item)
    ident = _clean(entry.get("id"))
    key = _key("id", ident) if ident else _key("link", link) if link else _key("title", title, str(published))
    return FeedEntry(
        key=key,
        url=link,
        title=title,
        published=published,
        content=content,
        author=_clean(entry.get("author")),
    )


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child_text(element: Any, *path: str) -> str | None:
    """Text of the first descendant reached by local names ``path``, ignoring namespaces."""
    current = [element]
    for name in path:
        current = [child for node in current for child in node if _local(child.tag) == name]
        if not current:
            return None
    return _clean(current[0].text)


def _parse_sitemap(data: bytes, url: str, now: datetime) -> ParsedFeed:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"broken sitemap: {exc}") from exc
    if _local(root.tag) == "sitemapindex":
        children = [c for c in (_child_text(s, "loc") for s in root if _local(s.tag) == "sitemap") if c]
        shown = ", ".join(children[:3]) + (" ..." if len(children) > 3 else "")
        raise FeedError(f"a sitemap index, not a sitemap: add one of its sitemaps as a source ({shown})")
    cutoff = now - timedelta(days=SITEMAP_RECENT_DAYS)
    entries: list[FeedEntry] = []
    for node in root:
        if _local(node.tag) != "url":
            continue
        loc = _child_text(node, "loc")
        if not loc:
            continue
        news = next((child for child in node if _local(child.tag) == "news"), None)
        lastmod = _w3c_date(_child_text(node, "lastmod"))
        published = _w3c_date(_child_text(news, "publication_date")) if news is not None else None
        if news is None and (lastmod is None or lastmod < cutoff):
            continue
        link = urljoin(url, loc)
        entries.append(
            FeedEntry(
                key=_key("link", link),
                url=link,
                title=_child_text(news, "title") if news is not None else None,
                published=published or lastmod,
                language=_child_text(news, "publication", "language") if news is not None else None,
                outlet=_child_text(news, "publication", "name") if news is not None else None,
            )
        )
    entries.sort(key=lambda e: e.published or datetime.min.replace(tzinfo=UTC), reverse=True)
    skipped = max(len(entries) - MAX_FEED_ENTRIES, 0)
    return ParsedFeed(
        kind="sitemap",
        entries=entries[:MAX_FEED_ENTRIES],
        warning=_skipped_warning(skipped, "newest") if skipped else None,
        skipped=skipped,
    )


def entry_document_html(entry: FeedEntry) -> str | None:
    """The feed's own content of an entry as a small HTML page, for when its page cannot be fetched."""
    if not entry.content:
        return None
    import html

    title = f"<title>{html.escape(entry.title)}</title>" if entry.title else ""
    heading = f"<h1>{html.escape(entry.title)}</h1>" if entry.title else ""
    return f"<html><head>{title}</head><body><article>{heading}{entry.content}</article></body></html>"

"""What the pages and the API show of stories and articles, as plain dicts.

The HTML pages and the JSON API read the same dicts, so they cannot drift apart. Nothing here
escapes: the templates autoescape, and JSON needs no escaping.
"""

from __future__ import annotations

import threading
from collections import OrderedDict, defaultdict
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from nutgraf.export import article_record
from nutgraf.lang import SUPPORTED, get_language
from nutgraf.model import Article, Story, to_dict
from nutgraf.store import Store, views
from nutgraf.stories import story_view

__all__ = [
    "CARD_SENTENCES",
    "CardCache",
    "article_groups",
    "article_json",
    "language_name",
    "paragraphs",
    "safe_url",
    "story_card",
    "story_detail",
]

CARD_SENTENCES = 3
"""Digest sentences on a story card in a list (the story page shows the whole digest)."""

CARD_CACHE_SIZE = 4096
"""Story cards kept in memory: a card is a few kB, so this is ~10 MB at most. Choosing a digest
takes 5-15 ms per story, which made a page of 20 cards take 100+ ms uncached."""


def language_name(code: str | None) -> str:
    """A language's own name ("English", "Русский"), or its code when it has no module."""
    if code in SUPPORTED:
        return str(get_language(code).NAME)
    return code or "unknown"


def safe_url(url: str | None) -> str | None:
    """An article's URL when it is safe to link to (http or https); a stranger's ``javascript:``
    URL must never become a link."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in {"http", "https"} and parts.netloc else None


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a clean text (separated by blank lines), lines inside joined."""
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def _digest(view: dict[str, Any], articles: list[Article]) -> list[dict[str, Any]]:
    """The story's digest sentences, each with the article it cites (outlet, language, title).

    ``story_view`` puts the digest in ``summary`` (``nutgraf.summarize.digest``); before that
    module existed it was the central article's summary, which this shows the same way."""
    by_id = {a.id: a for a in articles}
    digest = []
    for sentence in view.get("summary", []):
        article = by_id.get(sentence.get("article_id"))
        digest.append(
            {
                "text": sentence["text"],
                "article_id": sentence.get("article_id"),
                "outlet": sentence.get("outlet") or (article.outlet if article else None),
                "language": sentence.get("language") or (article.language if article else None),
                "title": sentence.get("title") or (article.title if article else None),
            }
        )
    return digest


def story_card(story: Story, articles: list[Article], language: str | None = None) -> dict[str, Any]:
    """A story as a list shows it: title, size, languages, outlets, the start of its digest."""
    view = story_view(story, articles, language=language, with_timeline=False)
    return {
        "id": view["id"],
        "title": view["title"],
        "size": len(articles),
        "languages": view["languages"],
        "outlets": view["outlets"],
        "also_carried_by": view["also_carried_by"],
        "first_published": view["first_published"],
        "last_published": view["last_published"],
        "summary": _digest(view, articles)[:CARD_SENTENCES],
    }


class CardCache:
    """Story cards by (story, its article ids, reading language), least recently used dropped.

    A card depends only on its articles, and stored articles never change, so a card is stale
    only when an article joins its story, and then its key (the ids) is new. One per app."""

    def __init__(self, size: int = CARD_CACHE_SIZE) -> None:
        self.size = size
        self._cards: OrderedDict[tuple[int, tuple[int, ...], str | None], dict[str, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def cards(self, store: Store, stories: list[Story], language: str | None = None) -> list[dict[str, Any]]:
        """Cards of ``stories`` in order; the articles of those not cached are read in one query."""
        keys = [(story.id, tuple(story.article_ids), language) for story in stories]
        with self._lock:
            found = {key: self._cards[key] for key in keys if key in self._cards}
            for key in found:
                self._cards.move_to_end(key)
        missing = [story for story, key in zip(stories, keys, strict=True) if key not in found]
        if missing:
            articles = views.articles_of_stories(store, [story.id for story in missing])
            fresh = {
                (story.id, tuple(story.article_ids), language): story_card(
                    story, articles[story.id], language
                )
                for story in missing
            }
            found.update(fresh)
            with self._lock:
                self._cards.update(fresh)
                while len(self._cards) > self.size:
                    self._cards.popitem(last=False)
        return [found[key] for key in keys]


def story_detail(story: Story, articles: list[Article], language: str | None = None) -> dict[str, Any]:
    """Everything about a story: ``story_view``'s fields plus ``digest`` and ``size``."""
    view = story_view(story, articles, language=language)
    view["digest"] = _digest(view, articles)
    view["size"] = len(articles)
    return view


def article_groups(articles: list[Article], unknown_outlet: str = "Unknown outlet") -> list[dict[str, Any]]:
    """A story's articles by language, then outlet (``unknown_outlet`` when it has none, in the
    page's language); a syndicated copy is listed under its original as "also carried by" rather
    than as one more report."""
    present = {a.id for a in articles}
    originals = [a for a in articles if a.copy_of is None or a.copy_of not in present]
    original_ids = {a.id for a in originals}
    copies: dict[int, list[Article]] = defaultdict(list)
    for article in articles:
        if article.id not in original_ids and article.copy_of is not None:
            copies[article.copy_of].append(article)
    languages: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for article in originals:
        languages[article.language][article.outlet or unknown_outlet].append(
            {
                "id": article.id,
                "title": article.title,
                "published": article.published,
                "also_carried_by": [
                    {"id": c.id, "outlet": c.outlet or unknown_outlet, "language": c.language}
                    for c in copies.get(article.id or -1, [])
                ],
            }
        )
    return [
        {
            "language": code,
            "name": language_name(code),
            "outlets": [{"outlet": outlet, "articles": items} for outlet, items in sorted(outlets.items())],
        }
        for code, outlets in sorted(languages.items())
    ]


def _published(value: datetime | None) -> str | None:
    return to_dict(value) if value is not None else None


def article_json(article: Article) -> dict[str, Any]:
    """One article, with the fields of ``nutgraf export`` (a contract with users' scripts)."""
    return article_record(article)

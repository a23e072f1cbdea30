"""Stories: articles that report one event, and what we can say about them as a whole.

``story_view`` assembles the reader-facing view of a story from plain data (the story and its
articles, as the store returns them), so the CLI, the web app and the API show the same thing.
"""

from __future__ import annotations

from typing import Any

from nutgraf.model import Article, Story, to_dict

__all__ = ["DIGEST_SENTENCES", "article_brief", "story_view"]

DIGEST_SENTENCES = 3
"""Sentences in a story's digest when it is printed in a list."""


def article_brief(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "language": article.language,
        "outlet": article.outlet,
        "url": article.url,
        "published": to_dict(article.published),
    }


def _lead_article(articles: list[Article], language: str | None) -> Article:
    """The article a story is told from: the earliest in the reader's language when there is one."""
    preferred = [a for a in articles if language and a.language == language] or articles
    return preferred[0]


def story_view(story: Story, articles: list[Article], *, language: str | None = None) -> dict[str, Any]:
    """The JSON form of a story (fields as in ``nutgraf stories --json``)."""
    lead = _lead_article(articles, language) if articles else None
    summary = [{"text": text, "article_id": lead.id} for text in lead.summary] if lead else []
    timeline = [
        {"date": article.published.date().isoformat(), "text": article.title, "article_id": article.id}
        for article in articles
        if article.published is not None
    ]
    timeline.sort(key=lambda item: (item["date"], item["article_id"]))
    entities: dict[str, dict[str, Any]] = {}
    for article in articles:
        for entity in article.entities:
            entry = entities.setdefault(
                entity.id, {"id": entity.id, "name": entity.name, "type": entity.type, "mentions": 0}
            )
            entry["mentions"] += entity.mentions
    return {
        "id": story.id,
        "title": lead.title if lead else story.title,
        "languages": story.languages,
        "outlets": story.outlets,
        "article_ids": story.article_ids,
        "first_published": to_dict(story.first_published),
        "last_published": to_dict(story.last_published),
        "articles": [article_brief(a) for a in articles],
        "summary": summary,
        "timeline": timeline,
        "disagreements": [],
        "entities": sorted(entities.values(), key=lambda e: -e["mentions"]),
    }

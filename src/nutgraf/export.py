"""The JSON form of an article shared by ``nutgraf export``, ``nutgraf show`` and the HTTP API."""

from __future__ import annotations

from typing import Any

from nutgraf.model import Article, to_dict

__all__ = ["article_record"]


def article_record(article: Article) -> dict[str, Any]:
    """One article as ``nutgraf export`` writes it and the API returns it: the field names are a
    contract with users' scripts (add fields, never rename or drop one)."""
    return {
        "id": article.id,
        "external_id": article.external_id,
        "source": article.source,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "title_derived": article.title_derived,
        "language": article.language,
        "published": to_dict(article.published) if article.published is not None else None,
        "author": article.author,
        "text": article.text,
        "summary": list(article.summary),
        "story_id": article.story_id,
        "copy_of": article.copy_of,
        "entities": [
            {"id": e.id, "name": e.name, "type": e.type, "mentions": e.mentions, "names": dict(e.names or {})}
            for e in article.entities
        ],
        "quotes": [
            {
                "speaker": q.speaker,
                "speaker_entity_id": q.speaker_entity_id,
                "role": q.role,
                "kind": q.kind,
                "text": q.text,
            }
            for q in article.quotes
        ],
        "citations": [{"name": c.name, "text": c.text} for c in article.citations],
        "dates": [{"text": d.text, "date": d.date, "certainty": d.certainty} for d in article.dates],
        "figures": [
            {"text": f.text, "value": f.value, "unit": f.unit, "subject": f.subject, "period": f.period}
            for f in article.figures
        ],
    }

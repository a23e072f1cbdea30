"""The JSON API under ``/api``; FastAPI documents it at ``/openapi.json``.

Every list is paged with ``limit`` and ``offset`` and says its ``total`` and ``next`` page.
Errors are JSON (``{"detail": ...}``) with the status the library error maps to (see ``app``).
"""

from __future__ import annotations

import hmac
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from nutgraf.errors import InputError
from nutgraf.lang import SUPPORTED
from nutgraf.model import to_dict
from nutgraf.store import Store, views
from nutgraf.store.search import search_articles
from nutgraf.web.present import article_json, story_detail
from nutgraf.web.schemas import (
    ArticleOut,
    EntityId,
    EntityOut,
    IngestOut,
    IngestRecord,
    Page,
    RowId,
    SearchHitOut,
    StoryCardOut,
    StoryOut,
    SummaryOut,
)
from nutgraf.web.settings import MAX_PAGE_SIZE, PAGE_SIZE, WebSettings

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["api"])

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")]
Language = Annotated[
    str | None,
    Query(pattern=r"^[a-z]{2,3}$", description=f"Preferred reading language ({', '.join(SUPPORTED)})."),
]

_bearer = HTTPBearer(auto_error=False, description="NUTGRAF_API_TOKEN, as `Authorization: Bearer TOKEN`.")


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_settings(request: Request) -> WebSettings:
    return request.app.state.settings


StoreDep = Annotated[Store, Depends(get_store)]


def _next(request: Request, page: views.Page[Any]) -> str | None:
    if page.next_offset is None:
        return None
    url = request.url.include_query_params(offset=page.next_offset, limit=page.limit)
    return get_settings(request).link(url.path, url.query)  # the configured address, not the Host


def _neighbour(link: views.ArticleLink | None) -> dict[str, Any] | None:
    if link is None:
        return None
    return {"id": link.id, "title": link.title, "outlet": link.outlet, "language": link.language}


@router.get("/stories", response_model=Page[StoryCardOut], summary="Stories, newest first")
def list_stories(
    request: Request,
    store: StoreDep,
    limit: Limit = PAGE_SIZE,
    offset: Offset = 0,
    lang: Language = None,
    since: Annotated[date | None, Query(description="Stories still running on or after this day.")] = None,
    until: Annotated[date | None, Query(description="Stories begun on or before this day.")] = None,
) -> dict[str, Any]:
    """With ``lang``, only stories that have an article in that language, shown in it."""
    page = views.story_page(store, limit=limit, offset=offset, language=lang, since=since, until=until)
    return {
        "items": request.app.state.cards.cards(store, page.items, lang),
        "total": page.total,
        "limit": limit,
        "offset": offset,
        "next": _next(request, page),
    }


@router.get("/stories/{story_id}", response_model=StoryOut, summary="One story with its digest")
def get_story(store: StoreDep, story_id: RowId, lang: Language = None) -> dict[str, Any]:
    story, articles = views.story_with_articles(store, story_id)
    return story_detail(story, articles, lang)


@router.get("/articles/{article_id}", response_model=ArticleOut, summary="One article")
def get_article(store: StoreDep, article_id: RowId) -> dict[str, Any]:
    article = views.get_article(store, article_id)
    found = views.neighbors(store, article)
    payload = article_json(article)
    payload["neighbours"] = {
        "story_previous": _neighbour(found.story_previous),
        "story_next": _neighbour(found.story_next),
        "feed_previous": _neighbour(found.feed_previous),
        "feed_next": _neighbour(found.feed_next),
    }
    return payload


@router.get("/articles/{article_id}/summary", response_model=SummaryOut, summary="An article's summary")
def get_summary(store: StoreDep, article_id: RowId) -> dict[str, Any]:
    sentences, language = views.article_summary(store, article_id)
    return {"sentences": sentences, "language": language}


@router.get("/entities/{entity_id}", response_model=EntityOut, summary="An entity, its stories and quotes")
def get_entity(
    request: Request, store: StoreDep, entity_id: EntityId, limit: Limit = PAGE_SIZE, offset: Offset = 0
) -> dict[str, Any]:
    """``limit`` and ``offset`` page both lists (stories and quotes)."""
    view = views.entity_view(store, entity_id, limit=limit, offset=offset)
    return {
        "id": view.id,
        "type": view.type,
        "name": view.name,
        "names": view.names,
        "articles": view.articles,
        "stories": {
            "items": request.app.state.cards.cards(store, view.stories.items),
            "total": view.stories.total,
            "limit": limit,
            "offset": offset,
            "next": _next(request, view.stories),
        },
        "quotes": {
            "items": [{**quote, "article": _neighbour(quote["article"])} for quote in view.quotes.items],
            "total": view.quotes.total,
            "limit": limit,
            "offset": offset,
            "next": _next(request, view.quotes),
        },
    }


@router.get(
    "/search", response_model=Page[SearchHitOut], summary="Full-text search, in every language Nutgraf reads"
)
def search(
    request: Request,
    store: StoreDep,
    q: Annotated[
        str, Query(min_length=1, max_length=500, description="Words to find; inflected forms match.")
    ],
    limit: Limit = PAGE_SIZE,
    offset: Offset = 0,
) -> dict[str, Any]:
    with store.session() as session:
        results = search_articles(session, q, limit=limit, offset=offset)
    page = views.Page(results.hits, results.total, limit, offset)
    return {
        "items": [
            {
                "article_id": hit.article_id,
                "title": hit.title,
                "language": hit.language,
                "outlet": hit.outlet,
                "published": to_dict(hit.published),
                "story_id": hit.story_id,
                "snippet": hit.snippet,
                "snippet_html": str(hit.snippet_html),
                "title_html": str(hit.title_html),
                "score": hit.score,
            }
            for hit in results.hits
        ],
        "total": results.total,
        "limit": limit,
        "offset": offset,
        "next": _next(request, page),
    }


def require_token(
    settings: Annotated[WebSettings, Depends(get_settings)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Writes need the token whenever one is set, and always off loopback (refused when none is set)."""
    expected = settings.api_token
    if expected is None:
        if settings.loopback:
            return
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            "writing through the API on a non-loopback address needs NUTGRAF_API_TOKEN to be set",
        )
    given = credentials.credentials if credentials is not None else ""
    if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, "missing or wrong API token", headers={"WWW-Authenticate": "Bearer"}
        )


@router.post(
    "/articles",
    response_model=IngestOut,
    status_code=status.HTTP_201_CREATED,
    summary="Ingest one article",
    dependencies=[Depends(require_token)],
    responses={200: {"description": "Already stored (a duplicate)", "model": IngestOut}},
)
def post_article(
    request: Request, response: Response, store: StoreDep, record: IngestRecord
) -> dict[str, Any]:
    """Clean, understand, group and store one article given as in the JSONL format. The first
    call in a process loads the language models (a few seconds).

    Every field is sanitised as the pipeline takes it (nutgraf.ingest.sanitize): lone surrogates
    become U+FFFD, NULs and other control characters go, and a publication date before 1900 or
    more than a year ahead is dropped, said in ``warnings``, while the article is stored."""
    from nutgraf.ingest.files import document_from_record
    from nutgraf.pipeline import ingest

    fields = record.model_dump(exclude_none=True)
    origin = f"api:{fields.get('id') or fields.get('url') or 'post'}"
    document = document_from_record(fields, origin, "api")
    with request.app.state.ingest_lock:  # grouping decides against what is stored: one at a time
        report = ingest([document], store)
    if report.failures:
        raise InputError(report.failures[0].reason)
    article_id = report.article_ids[0]
    if report.new == 0:
        response.status_code = status.HTTP_200_OK
    article = views.get_article(store, article_id)
    return {
        "id": article_id,
        "new": report.new > 0,
        "story_id": article.story_id,
        "url": f"/articles/{article_id}",
        "warnings": [warning.reason for warning in report.warnings],
    }

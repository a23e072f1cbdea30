"""The JSON API under ``/api``; FastAPI documents it at ``/openapi.json`` (read at ``/docs``).

Every list is paged with ``limit`` and ``offset`` and says its ``total`` and ``next`` page.
Errors are JSON of one shape, :class:`~nutgraf.web.schemas.ErrorOut` (``{"detail": ...}``), with
the status the library error maps to (see ``app``); each operation documents every status it can
answer, and an example of each answer.
"""

from __future__ import annotations

import hmac
import re
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BeforeValidator

from nutgraf.errors import InputError
from nutgraf.lang import SUPPORTED
from nutgraf.model import to_dict
from nutgraf.store import Store, views
from nutgraf.store.search import search_articles
from nutgraf.web.examples import example
from nutgraf.web.present import article_json, story_detail
from nutgraf.web.schemas import (
    ArticleOut,
    EntityId,
    EntityOut,
    ErrorOut,
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

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Items per page.", examples=[PAGE_SIZE])]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.", examples=[0])]
Language = Annotated[
    str | None,
    Query(
        pattern=r"^[a-z]{2,3}$",
        description=f"Preferred reading language ({', '.join(SUPPORTED)}).",
        examples=[SUPPORTED[0]],
    ),
]

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_day(value: object) -> object:
    """A day only as the schema's ``format: date`` writes it, ``YYYY-MM-DD``: not the number of
    seconds since 1970 (``?until=0``) nor a time, which pydantic would otherwise read as days."""
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str) and _DAY.fullmatch(value):
        return value
    raise ValueError("must be a day written YYYY-MM-DD")


Day = Annotated[date | None, BeforeValidator(_iso_day)]

_bearer = HTTPBearer(
    auto_error=False,
    description="The API token, as `Authorization: Bearer TOKEN`: `NUTGRAF_API_TOKEN`, or the one "
    "`nutgraf serve` printed when it started. Every write needs it; reading needs none.",
)

_ERROR_DESCRIPTIONS = {
    400: "The request's `Host` header does not name this server (it answers only to its own "
    "names: see `--allow-host`).",
    401: "The API token is missing or wrong.",
    403: "Writes are off: the server was started without an API token.",
    404: "Nothing has that id.",
    413: "The request body is larger than the server reads (64 MiB by default).",
    422: "The request does not match this schema (`errors` says where).",
    500: "An unexpected error; the server's log has it.",
    503: "The database is not available.",
}


def _errors(*statuses: int, **descriptions: str) -> dict[int | str, dict[str, Any]]:
    """The error answers of an operation, each an :class:`ErrorOut` with an example;
    ``descriptions`` (``_404="No story has that id."``) replace the general ones."""
    every = (400, *statuses, 500, 503)
    return {
        status: {
            "model": ErrorOut,
            "description": descriptions.get(f"_{status}", _ERROR_DESCRIPTIONS[status]),
            "content": {"application/json": {"example": example("errors")[str(status)]}},
        }
        for status in sorted(set(every))
    }


def _ok(name: str, **links: tuple[str, str, str]) -> dict[int | str, dict[str, Any]]:
    """The 200 answer's example (by name) and its links (``GetStory=("get_story", "story_id",
    "$response.body#/story_id")``: where a client goes next, with what)."""
    answer: dict[str, Any] = {"content": {"application/json": {"example": example(name)}}}
    if links:
        answer["links"] = {
            name: {"operationId": operation, "parameters": {parameter: value}}
            for name, (operation, parameter, value) in links.items()
        }
    return {200: answer}


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


@router.get(
    "/stories",
    response_model=Page[StoryCardOut],
    summary="Stories, newest first",
    operation_id="list_stories",
    responses={**_ok("stories"), **_errors(422)},
)
def list_stories(
    request: Request,
    store: StoreDep,
    limit: Limit = PAGE_SIZE,
    offset: Offset = 0,
    lang: Language = None,
    since: Annotated[
        Day,
        Query(
            description="Stories still running on or after this day (YYYY-MM-DD).", examples=["2026-03-01"]
        ),
    ] = None,
    until: Annotated[
        Day, Query(description="Stories begun on or before this day (YYYY-MM-DD).", examples=["2026-03-31"])
    ] = None,
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


@router.get(
    "/stories/{story_id}",
    response_model=StoryOut,
    summary="One story with its digest",
    operation_id="get_story",
    responses={
        **_ok(
            "story",
            GetArticle=("get_article", "article_id", "$response.body#/article_ids/0"),
            GetEntity=("get_entity", "entity_id", "$response.body#/entities/0/id"),
            GetEntityFeed=("entity_feed", "entity_id", "$response.body#/entities/0/id"),
        ),
        **_errors(404, 422, _404="No story has that id."),
    },
)
def get_story(store: StoreDep, story_id: RowId, lang: Language = None) -> dict[str, Any]:
    story, articles = views.story_with_articles(store, story_id)
    return story_detail(story, articles, lang)


@router.get(
    "/articles/{article_id}",
    response_model=ArticleOut,
    summary="One article",
    operation_id="get_article",
    responses={
        **_ok(
            "article",
            GetStory=("get_story", "story_id", "$response.body#/story_id"),
            GetEntity=("get_entity", "entity_id", "$response.body#/entities/0/id"),
        ),
        **_errors(404, 422, _404="No article has that id."),
    },
)
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


@router.get(
    "/articles/{article_id}/summary",
    response_model=SummaryOut,
    summary="An article's summary",
    operation_id="get_article_summary",
    responses={**_ok("summary"), **_errors(404, 422, _404="No article has that id.")},
)
def get_summary(store: StoreDep, article_id: RowId) -> dict[str, Any]:
    sentences, language = views.article_summary(store, article_id)
    return {"sentences": sentences, "language": language}


@router.get(
    "/entities/{entity_id}",
    response_model=EntityOut,
    summary="An entity, its stories and quotes",
    operation_id="get_entity",
    responses={**_ok("entity"), **_errors(404, 422, _404="No entity has that id.")},
)
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
    "/search",
    response_model=Page[SearchHitOut],
    summary="Full-text search, in every language Nutgraf reads",
    operation_id="search_articles",
    responses={**_ok("search"), **_errors(422)},
)
def search(
    request: Request,
    store: StoreDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=500,
            pattern=r"[^\s\x1c-\x1f\x85\ufeff]",
            description="Words to find; inflected forms match. Not only spaces.",
            examples=["ferry"],
        ),
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
    """Every write needs the token, on loopback too (as Jupyter's does: a page the user visits can
    send requests to 127.0.0.1); without a token configured, writes are refused."""
    expected = settings.api_token
    if expected is None:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            "writing through the API needs a token: set NUTGRAF_API_TOKEN when the server starts "
            "(nutgraf serve makes one and prints it when it is not set)",
        )
    given = credentials.credentials if credentials is not None else ""
    if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, "missing or wrong API token", headers={"WWW-Authenticate": "Bearer"}
        )


_CREATED_LINKS = {
    "GetArticle": {
        "operationId": "get_article",
        "parameters": {"article_id": "$response.body#/id"},
        "description": "The article stored (its `id`).",
    },
    "GetArticleSummary": {
        "operationId": "get_article_summary",
        "parameters": {"article_id": "$response.body#/id"},
        "description": "Its summary.",
    },
    "GetStory": {
        "operationId": "get_story",
        "parameters": {"story_id": "$response.body#/story_id"},
        "description": "The story it was grouped into (its `story_id`).",
    },
}
_LOCATION = {
    "Location": {
        "description": "The article in the API (`GET /api/articles/{id}`), an absolute URL.",
        "schema": {"type": "string", "format": "uri"},
    }
}


@router.post(
    "/articles",
    response_model=IngestOut,
    status_code=status.HTTP_201_CREATED,
    summary="Ingest one article",
    operation_id="post_article",
    dependencies=[Depends(require_token)],
    responses={
        201: {
            "description": "Stored: a new article",
            "headers": _LOCATION,
            "links": _CREATED_LINKS,
            "content": {"application/json": {"example": example("ingest_created")}},
        },
        200: {
            "description": "Already stored (a duplicate)",
            "model": IngestOut,
            "headers": _LOCATION,
            "links": _CREATED_LINKS,
            "content": {"application/json": {"example": example("ingest_duplicate")}},
        },
        **_errors(
            401,
            403,
            413,
            422,
            _422="The record does not match this schema (`errors` says where), or it has no text "
            "left to read once cleaned (`detail` says why).",
        ),
    },
)
def post_article(
    request: Request, response: Response, store: StoreDep, record: IngestRecord
) -> dict[str, Any]:
    """Clean, understand, group and store one article given as in the JSONL format. The first
    call in a process loads the language models (a few seconds). Needs the API token.

    Every field is sanitised as the pipeline takes it (nutgraf.ingest.sanitize): lone surrogates
    become U+FFFD, NULs and other control characters go, and a publication date before 1900 or
    more than a year ahead is dropped, said in ``warnings``, while the article is stored.

    The answer's ``url`` is the article's page and its ``Location`` header the article in the
    API, both absolute URLs under the server's address."""
    from nutgraf.ingest.files import document_from_record
    from nutgraf.pipeline import ingest

    fields = record.model_dump(exclude_none=True)
    origin = f"api:{fields.get('id') or fields.get('url') or 'post'}"
    document = document_from_record(fields, origin, "api")
    with request.app.state.ingest_lock:  # grouping decides against what is stored: one at a time
        report = ingest([document], store)
    if report.failures:
        failure = report.failures[0]
        if failure.error == "AnalysisError":  # the server's fault (a bug), not the record's: 500
            raise RuntimeError(f"ingesting {origin!r} failed: {failure.reason}")
        raise InputError(failure.reason)
    article_id = report.article_ids[0]
    if report.new == 0:
        response.status_code = status.HTTP_200_OK
    article = views.get_article(store, article_id)
    settings = get_settings(request)
    response.headers["Location"] = settings.link(
        request.app.url_path_for("get_article", article_id=article_id)
    )
    return {
        "id": article_id,
        "new": report.new > 0,
        "story_id": article.story_id,
        "url": settings.link(request.app.url_path_for("article_page", article_id=article_id)),
        "warnings": [warning.reason for warning in report.warnings],
    }

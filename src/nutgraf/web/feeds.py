"""Atom feeds (RFC 4287): the latest stories, and one feed per entity (articles that mention it).

Built with ElementTree, which escapes text; characters XML 1.0 forbids (control bytes that an
article may carry) are dropped, so a stranger's text cannot make a feed invalid. Ids and links are
absolute URLs under the configured address (:attr:`WebSettings.public_url`), never the request's
``Host``: a feed's ids stay the same however it is reached. A feed's own words (its title, the
summary of a story without digest sentences) are in the reader's ``Accept-Language`` best match,
else English, and its title says which (``xml:lang``).

Atom requires every entry's ``updated``. An undated article (no publication date found) is
``updated`` when it was ingested, and a story none of whose articles is dated when its latest
article was ingested: a time that is true of the entry, never 1970-01-01. The feed's own
``updated`` is the latest of its entries' (the time it is served when it has none).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated, Any
from xml.etree import ElementTree as ET

from fastapi import APIRouter, Query, Request, Response
from sqlalchemy import func, select

from nutgraf import __version__
from nutgraf.lang.messages import Translator
from nutgraf.store import Store, views
from nutgraf.store.schema import ArticleRow
from nutgraf.web.i18n import translate_for
from nutgraf.web.present import safe_url
from nutgraf.web.schemas import EntityId
from nutgraf.web.settings import MAX_PAGE_SIZE, WebSettings

__all__ = ["ATOM_TYPE", "FEED_ENTRIES", "router"]

ATOM_NS = "http://www.w3.org/2005/Atom"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

FEED_ENTRIES = 30
"""Entries per feed: a week of a busy topic; readers poll, so older entries are already seen."""

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

router = APIRouter(prefix="/feeds", tags=["feeds"])

_PAGE = {"schema": {"type": "string"}}


def _responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """A feed's answers for the OpenAPI document: the feed, or an error page (HTML; the refusal
    of a foreign ``Host`` is plain text)."""
    errors = {
        400: (
            "A bad `limit`, or a `Host` header that does not name this server.",
            ("text/html", "text/plain"),
        ),
        404: ("Nothing has that id.", ("text/html",)),
        500: ("An unexpected error; the server's log has it.", ("text/html",)),
        503: ("The database is not available.", ("text/html",)),
    }
    answers: dict[int | str, dict[str, Any]] = {
        200: {
            "description": "An Atom feed (RFC 4287).",
            "content": {ATOM_TYPE.split(";")[0]: {"schema": {"type": "string"}}},
        }
    }
    for status in sorted({400, *statuses, 500, 503}):
        description, types = errors[status]
        answers[status] = {"description": description, "content": dict.fromkeys(types, _PAGE)}
    return answers


def _clean(value: str | None) -> str:
    return _XML_INVALID.sub("", value or "")


def _stamp(value: datetime) -> str:
    """RFC 3339 in UTC (stored times are naive UTC)."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.replace(microsecond=0).isoformat() + "Z"


def _sub(parent: ET.Element, tag: str, value: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attributes)
    if value is not None:
        element.text = _clean(value)
    return element


def _link(request: Request, name: str, **params: object) -> str:
    """The absolute URL of a named route under the configured address (not the request's Host)."""
    settings: WebSettings = request.app.state.settings
    return settings.link(request.app.url_path_for(name, **params))


def _feed(
    request: Request, translate: Translator, title: str, feed_id: str, updated: datetime | None
) -> ET.Element:
    settings: WebSettings = request.app.state.settings
    ET.register_namespace("", ATOM_NS)
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    _sub(feed, "title", title, **{XML_LANG: translate.code})
    _sub(feed, "id", feed_id)
    _sub(feed, "updated", _stamp(_updated(updated, None)))
    _sub(feed, "link", rel="self", href=settings.link(request.url.path, request.url.query))
    _sub(feed, "link", rel="alternate", type="text/html", href=settings.public_url)
    _sub(_sub(feed, "author"), "name", "Nutgraf")
    _sub(feed, "generator", "Nutgraf", version=__version__)
    return feed


def _response(feed: ET.Element) -> Response:
    body = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return Response(body, media_type=ATOM_TYPE)


def _latest(values: list[datetime | None]) -> datetime | None:
    present = [v for v in values if v is not None]
    return max(present) if present else None


def _ingested(store: Store, article_ids: list[int]) -> dict[int, datetime]:
    """When each of these articles was ingested (one query)."""
    if not article_ids:
        return {}
    with store.session() as session:
        rows = session.execute(
            select(ArticleRow.id, ArticleRow.ingested_at).where(ArticleRow.id.in_(article_ids))
        )
        return {row_id: ingested for row_id, ingested in rows}


def _last_ingested(store: Store, story_ids: list[int]) -> dict[int, datetime]:
    """When each story's latest article was ingested (one query)."""
    if not story_ids:
        return {}
    with store.session() as session:
        rows = session.execute(
            select(ArticleRow.story_id, func.max(ArticleRow.ingested_at))
            .where(ArticleRow.story_id.in_(story_ids))
            .group_by(ArticleRow.story_id)
        )
        return {story_id: ingested for story_id, ingested in rows}


def _updated(dated: datetime | None, ingested: datetime | None) -> datetime:
    """An entry's ``updated``: its date, else when it was ingested, else now (never the epoch)."""
    return dated or ingested or datetime.now(UTC).replace(tzinfo=None)


@router.get(
    "/stories.atom",
    summary="Atom feed of the latest stories",
    response_class=Response,
    operation_id="stories_feed",
    responses=_responses(),
)
def stories_feed(
    request: Request,
    limit: Annotated[
        int, Query(ge=1, le=MAX_PAGE_SIZE, description="Entries.", examples=[FEED_ENTRIES])
    ] = FEED_ENTRIES,
) -> Response:
    store: Store = request.app.state.store
    page = views.story_page(store, limit=limit)
    translate = translate_for(request)
    undated = [story.id for story in page.items if (story.last_published or story.first_published) is None]
    ingested = _last_ingested(store, undated)
    updated = {
        story.id: _updated(story.last_published or story.first_published, ingested.get(story.id))
        for story in page.items
    }
    feed = _feed(
        request,
        translate,
        translate("feed.stories_title"),
        _link(request, "stories_feed"),
        _latest(list(updated.values())),
    )
    for story, card in zip(page.items, request.app.state.cards.cards(store, page.items), strict=True):
        link = _link(request, "story_page", story_id=story.id)
        entry = _sub(feed, "entry")
        _sub(entry, "title", card["title"])
        _sub(entry, "id", link)
        _sub(entry, "updated", _stamp(updated[story.id]))
        if story.first_published is not None:
            _sub(entry, "published", _stamp(story.first_published))
        _sub(entry, "link", rel="alternate", type="text/html", href=link)
        _sub(
            entry,
            "summary",
            " ".join(s["text"] for s in card["summary"])
            or translate(
                "feed.summary",
                n=card["size"],
                outlets=", ".join(card["outlets"]) or translate("feed.unknown_outlets"),
            ),
        )
        for outlet in card["outlets"]:
            _sub(entry, "category", term=_clean(outlet))
    return _response(feed)


@router.get(
    "/entities/{entity_id}.atom",
    summary="Atom feed of the articles that mention an entity",
    response_class=Response,
    operation_id="entity_feed",
    responses=_responses(404),
)
def entity_feed(
    request: Request,
    entity_id: EntityId,
    limit: Annotated[
        int, Query(ge=1, le=MAX_PAGE_SIZE, description="Entries.", examples=[FEED_ENTRIES])
    ] = FEED_ENTRIES,
) -> Response:
    store: Store = request.app.state.store
    entity, articles = views.entity_articles(store, entity_id, limit=limit)
    translate = translate_for(request)
    ingested = _ingested(store, [a.id for a in articles if a.published is None and a.id is not None])
    updated = [_updated(a.published, ingested.get(a.id or -1)) for a in articles]
    feed = _feed(
        request,
        translate,
        translate("feed.entity_title", name=entity.name),
        _link(request, "entity_feed", entity_id=entity.id),
        _latest(list(updated)),
    )
    for article, article_updated in zip(articles, updated, strict=True):
        link = _link(request, "article_page", article_id=article.id)
        entry = _sub(feed, "entry")
        _sub(entry, "title", article.title)
        _sub(entry, "id", link)
        _sub(entry, "updated", _stamp(article_updated))
        _sub(entry, "link", rel="alternate", type="text/html", href=link)
        original = safe_url(article.url)
        if original:
            _sub(entry, "link", rel="related", type="text/html", href=_clean(original))
        if article.outlet:
            _sub(_sub(entry, "author"), "name", article.outlet)
        _sub(entry, "summary", " ".join(article.summary) or article.title, **{XML_LANG: article.language})
    return _response(feed)

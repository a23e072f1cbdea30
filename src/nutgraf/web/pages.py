"""The HTML pages: stories, a story, an article, an entity, search.

Templates autoescape everything; the only markup built in Python is the search highlighting,
made of escaped pieces (``nutgraf.store.search.highlight``). The pages' own words are in the
reading language (``nutgraf.web.i18n``): the page's ``lang`` where it has one, else the browser's.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from nutgraf.errors import ConfigError
from nutgraf.lang import SUPPORTED
from nutgraf.lang.messages import translator
from nutgraf.store import Store, views
from nutgraf.store.search import search_articles
from nutgraf.web.chart import timeline_chart
from nutgraf.web.i18n import reading_language
from nutgraf.web.present import article_groups, language_name, paragraphs, safe_url, story_detail
from nutgraf.web.schemas import EntityId, RowId

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

Offset = Annotated[int, Query(ge=0, le=1_000_000)]


def _render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page; its words in ``ui_lang`` when the context gives it, else in the browser's language."""
    context.setdefault("languages", [(code, language_name(code)) for code in SUPPORTED])
    context.setdefault("ui_lang", reading_language(request))
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status_code)


def _store(request: Request) -> Store:
    return request.app.state.store


def _language(value: str | None) -> str | None:
    """The reading language from a form: '' is no preference; anything unknown is a user error."""
    if not value:
        return None
    if value not in SUPPORTED:
        raise ConfigError(f"unknown language {value!r} (use one of: {', '.join(SUPPORTED)})")
    return value


def _day(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{name} must be a date like 2026-03-10, not {value!r}") from None


@router.get("/", name="stories_page")
def stories_page(
    request: Request,
    lang: str | None = None,
    since: str | None = None,
    until: str | None = None,
    offset: Offset = 0,
) -> HTMLResponse:
    language = _language(lang)
    first, last = _day(since, "since"), _day(until, "until")
    size = request.app.state.settings.page_size
    store = _store(request)
    page = views.story_page(store, limit=size, offset=offset, language=language, since=first, until=last)
    return _render(
        request,
        "stories.html",
        cards=request.app.state.cards.cards(store, page.items, language),
        page=page,
        lang=language or "",
        ui_lang=reading_language(request, language),
        since=since or "",
        until=until or "",
        filtered=bool(language or first or last),
    )


@router.get("/stories/{story_id}", name="story_page")
def story_page(request: Request, story_id: RowId, lang: str | None = None) -> HTMLResponse:
    language = _language(lang)
    story, articles = views.story_with_articles(_store(request), story_id)
    view = story_detail(story, articles, language)
    by_id = {a.id: a for a in articles}
    ui_lang = reading_language(request, language)
    translate = translator(ui_lang)
    return _render(
        request,
        "story.html",
        story=view,
        lang=language or "",
        ui_lang=ui_lang,
        chart=timeline_chart(articles, translate),
        groups=article_groups(articles, translate("outlet.unknown")),
        outlet_of={a.id: a.outlet or translate("article.number", id=a.id) for a in articles},
        title_of={a.id: a.title for a in by_id.values()},
    )


@router.get("/articles/{article_id}", name="article_page")
def article_page(request: Request, article_id: RowId, summary: bool = False) -> HTMLResponse:
    store = _store(request)
    article = views.get_article(store, article_id)
    return _render(
        request,
        "article.html",
        article=article,
        paragraphs=paragraphs(article.text),
        original_url=safe_url(article.url),
        neighbours=views.neighbors(store, article),
        show_summary=summary,
        language_name=language_name(article.language),
    )


@router.get("/entities/{entity_id}", name="entity_page")
def entity_page(request: Request, entity_id: EntityId, offset: Offset = 0) -> HTMLResponse:
    size = request.app.state.settings.page_size
    store = _store(request)
    view = views.entity_view(store, entity_id, limit=size, offset=offset)
    return _render(
        request,
        "entity.html",
        entity=view,
        names=sorted((language_name(code), name) for code, name in view.names.items()),
        cards=request.app.state.cards.cards(store, view.stories.items),
        page=view.stories,
    )


@router.get("/search", name="search_page")
def search_page(
    request: Request, q: Annotated[str, Query(max_length=500)] = "", offset: Offset = 0
) -> HTMLResponse:
    results = None
    if q.strip():
        size = request.app.state.settings.page_size
        with _store(request).session() as session:
            results = search_articles(session, q, limit=size, offset=offset)
    page = views.Page(results.hits, results.total, results.limit, offset) if results else None
    return _render(request, "search.html", q=q, results=results, page=page)

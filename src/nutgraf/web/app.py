"""The web app: ``create_app`` wires the store, the pages, the API, the feeds and the assets.

Article text is data from strangers, so: templates autoescape, a Content-Security-Policy forbids
inline script and anything not served by us, links to articles' own URLs are http(s) only, and
errors never echo a traceback (JSON under ``/api``, a friendly page elsewhere). Requests must name
the app in their ``Host`` header (:class:`HostCheck`, against DNS rebinding), and absolute links
are built from the configured address, never from the request.
"""

from __future__ import annotations

import logging
import math
import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from nutgraf import __version__
from nutgraf.errors import ConfigError, InputError, NotFound, NutgrafError
from nutgraf.ingest.sanitize import clean_field
from nutgraf.lang.messages import FALLBACK, translator
from nutgraf.store import Store, open_store
from nutgraf.web import api, feeds, pages
from nutgraf.web.i18n import install, query_language, reading_language
from nutgraf.web.present import CardCache
from nutgraf.web.settings import WebSettings

__all__ = ["CONTENT_SECURITY_POLICY", "create_app"]

log = logging.getLogger(__name__)

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
"""Only our own files run or style the page: no inline script or handler, no CDN."""

SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    """Adds the security headers to every response (a plain ASGI middleware: no per-request task)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


class HostCheck:
    """Answers 400 to a request whose ``Host`` header does not name this app (see
    :meth:`WebSettings.allows_host`), before any route runs.

    DNS rebinding: a web page the user visits can point its own name at 127.0.0.1 and then send
    requests to the local server from the browser (``POST /api/articles``, which needs no token on
    loopback, or reads of the store); those requests carry the attacker's name in ``Host``, so
    answering only to our own names stops them. The refusal does not echo the name."""

    def __init__(self, app: ASGIApp, settings: WebSettings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        hosts = [value for name, value in scope.get("headers", []) if name == b"host"]
        if len(hosts) == 1 and self.settings.allows_host(hosts[0].decode("latin-1")):
            await self.app(scope, receive, send)
            return
        message = (
            "This server does not answer to that host name. Use http://localhost or the address it "
            "printed, or start it with --allow-host NAME to add a name."
        )
        response: Response
        if scope["type"] == "http" and str(scope.get("path", "")).startswith("/api"):
            response = JSONResponse({"detail": message}, status_code=400)
        else:
            response = PlainTextResponse(message, status_code=400)
        if scope["type"] == "websocket":  # pragma: no cover - the app has no websockets
            await send({"type": "websocket.close", "code": 1008})
            return
        await response(scope, receive, send)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _json_safe(value: Any) -> Any:
    """A JSON-ready value (jsonable_encoder's) that a JSON response can always write: an infinity
    or NaN (``1e400`` in a body) as the string ``"inf"``/``"nan"``, a lone surrogate (``"\\ud800"``)
    as U+FFFD, control characters out."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, str):
        return clean_field(value)
    if isinstance(value, dict):
        return {_json_safe(key): _json_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(item) for item in value]
    return value


Label = tuple[str, dict[str, Any]]
"""A message of the page code's own, as a catalogue id and its values: told in the reading language
on an error page, in English in JSON (the API answers data, not labels)."""


def _error(
    request: Request, status: int, message: str | Label, headers: dict[str, str] | None = None
) -> Response:
    """An error as JSON under ``/api``, else as a page in the reading language (the ``lang`` of the
    query when it names a supported language, else the browser's). ``message`` is a library error's
    text (shown as it is) or a :data:`Label`."""
    if _wants_json(request):
        text = message if isinstance(message, str) else translator(FALLBACK)(message[0], **message[1])
        return JSONResponse({"detail": _json_safe(text)}, status_code=status, headers=headers)
    language = reading_language(request, query_language(request))
    translate = translator(language)
    if not isinstance(message, str):
        message = translate(message[0], **message[1])
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html",
        {
            "status": status,
            "title": translate(f"error.{status}", default=translate("error.unknown")),
            "message": message,
            "ui_lang": language,
        },
        status_code=status,
        headers=headers,
    )


def _status_of(exc: NutgrafError) -> int:
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, ConfigError):
        return 400
    if isinstance(exc, InputError):
        return 422
    return 503


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NutgrafError)
    async def library_error(request: Request, exc: NutgrafError) -> Response:
        return _error(request, _status_of(exc), str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message: str | Label = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = ("error.nothing_at", {"path": request.url.path})
        return _error(request, exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        errors = exc.errors()
        if _wants_json(request):  # each error's "loc" names the field; its "input" may be 1e400
            return JSONResponse({"detail": _json_safe(jsonable_encoder(errors))}, status_code=422)
        if any(error.get("loc", ("",))[0] == "path" for error in errors):  # /stories/abc: no such page
            return _error(request, 404, ("error.nothing_at", {"path": request.url.path}))
        fields = ", ".join(str(error.get("loc", ("", "?"))[-1]) for error in errors)
        return _error(request, 400, ("error.check", {"fields": fields}))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path, exc_info=exc)
        return _error(request, 500, ("error.server", {}))


def _relative(url: Any) -> str:
    """A page's own URL as a link: path and query only, never the request's scheme and Host."""
    return f"{url.path}?{url.query}" if url.query else str(url.path)


def _templates() -> Jinja2Templates:
    from jinja2 import Environment, PackageLoader, select_autoescape

    environment = Environment(
        loader=PackageLoader("nutgraf.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    install(environment)  # t(...) and |day, in the page's reading language
    environment.filters["relative"] = _relative
    environment.globals["version"] = __version__
    return Jinja2Templates(env=environment)


def _warm_sentence_encoder() -> None:
    """Load the sentence encoder while the server starts: a story page needs it for its timeline
    and a mixed-language digest, and the first one would otherwise wait for the load (1.7 s)."""
    from nutgraf.stories.embed import embed_sentences

    try:
        embed_sentences(["Nutgraf is ready."])
    except Exception:  # a page that needs it loads it again and reports the error
        log.warning("could not load the sentence encoder", exc_info=True)


def create_app(
    store_or_db_url: Store | str | os.PathLike[str] | None = None, settings: WebSettings | None = None
) -> FastAPI:
    """The ASGI app over a store (kept open by the caller) or a database path/URL (opened here,
    created when missing so that the API can ingest into it, and closed at shutdown)."""
    settings = settings or WebSettings.from_env()
    owned = not isinstance(store_or_db_url, Store)
    store = open_store(store_or_db_url) if owned else store_or_db_url  # type: ignore[arg-type]

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        threading.Thread(target=_warm_sentence_encoder, name="nutgraf-warm-encoder", daemon=True).start()
        try:
            yield
        finally:
            if owned:
                store.close()  # type: ignore[union-attr]

    app = FastAPI(
        title="Nutgraf",
        version=__version__,
        description="Stories, articles, entities and search over a Nutgraf store, in every language it reads.",
        docs_url=None,  # Swagger UI and ReDoc load from a CDN: the API is documented by /openapi.json
        redoc_url=None,
        lifespan=lifespan,
    )
    state: Any = app.state
    state.store = store
    state.settings = settings
    state.templates = _templates()
    state.ingest_lock = threading.Lock()
    state.cards = CardCache()
    app.include_router(api.router)
    app.include_router(feeds.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(packages=[("nutgraf.web", "static")]), name="static")
    _install_error_handlers(app)
    app.add_middleware(HostCheck, settings=settings)
    app.add_middleware(SecurityHeaders)  # added last, so outermost: refusals carry the headers too
    return app

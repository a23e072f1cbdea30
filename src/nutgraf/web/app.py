"""The web app: ``create_app`` wires the store, the pages, the API, the feeds and the assets.

Article text is data from strangers, so: templates autoescape, a Content-Security-Policy forbids
inline script and anything not served by us, links to articles' own URLs are http(s) only, and
errors never echo a traceback (JSON under ``/api``, a friendly page elsewhere). Requests must name
the app in their ``Host`` header (:class:`HostCheck`, against DNS rebinding), and absolute links
are built from the configured address, never from the request.

The API is described at ``/openapi.json`` and read at ``/docs`` (Swagger UI) and ``/redoc``
(ReDoc), both served from the package (fastapi-offline's copies of their scripts), never a CDN.
"""

from __future__ import annotations

import json
import logging
import math
import os
import threading
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
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

__all__ = ["CONTENT_SECURITY_POLICY", "DOCS_CONTENT_SECURITY_POLICY", "create_app"]

log = logging.getLogger(__name__)

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
"""Only our own files run or style the page: no inline script or handler, no CDN."""

DOCS_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
"""The API docs pages (/docs, /redoc): still only our own scripts (Swagger UI is started by a file
of ours, not inline), but their renderers set inline styles and ReDoc searches in a blob worker.
They show our schema, never article text."""

DOCS_PATHS = frozenset({"/docs", "/redoc"})

DOCS_ASSETS = "/static/docs"
"""Where fastapi-offline's copies of Swagger UI and ReDoc are served."""

_OTHER_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]
SECURITY_HEADERS = [(b"content-security-policy", CONTENT_SECURITY_POLICY.encode()), *_OTHER_HEADERS]
DOCS_SECURITY_HEADERS = [(b"content-security-policy", DOCS_CONTENT_SECURITY_POLICY.encode()), *_OTHER_HEADERS]


class SecurityHeaders:
    """Adds the security headers to every response (a plain ASGI middleware: no per-request task):
    :data:`CONTENT_SECURITY_POLICY` everywhere but on the API docs pages, which get
    :data:`DOCS_CONTENT_SECURITY_POLICY`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = DOCS_SECURITY_HEADERS if scope.get("path") in DOCS_PATHS else SECURITY_HEADERS

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *headers]
            await send(message)

        await self.app(scope, receive, with_headers)


class HostCheck:
    """Answers 400 to a request whose ``Host`` header does not name this app (see
    :meth:`WebSettings.allows_host`), before any route runs.

    DNS rebinding: a web page the user visits can point its own name at 127.0.0.1 and then send
    requests to the local server from the browser (reads of the store, or ``POST /api/articles``
    with a guessed token); those requests carry the attacker's name in ``Host``, so
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


class BodyLimit:
    """Refuses a request body over ``settings.max_body_bytes`` with 413, in the app's error shape:
    at once when its ``Content-Length`` says so, else as it streams past the limit (the route that
    reads it gets an HTTPException, which the app's handler answers)."""

    def __init__(self, app: ASGIApp, settings: WebSettings) -> None:
        self.app = app
        self.limit = settings.max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        message = f"the request body is larger than the limit of {self.limit} bytes"
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.strip().isdigit() and int(value) > self.limit:
                response: Response
                if str(scope.get("path", "")).startswith("/api"):
                    response = JSONResponse({"detail": message}, status_code=413)
                else:
                    response = PlainTextResponse(message, status_code=413)
                await response(scope, receive, send)
                return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            received = await receive()
            if received["type"] == "http.request":
                seen += len(received.get("body", b""))
                if seen > self.limit:  # FastAPI passes an HTTPException from reading the body on
                    raise StarletteHTTPException(413, message)
            return received

        await self.app(scope, counted, send)


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


def _api_error(status: int, text: str, headers: dict[str, str] | None = None, errors: Any = None) -> Response:
    """An API error as :class:`~nutgraf.web.schemas.ErrorOut`: ``{"detail": ...}``, and ``errors``
    for a request that does not match the schema."""
    body: dict[str, Any] = {"detail": _json_safe(text)}
    if errors is not None:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, headers=headers)


def _error(
    request: Request, status: int, message: str | Label, headers: dict[str, str] | None = None
) -> Response:
    """An error as JSON under ``/api``, else as a page in the reading language (the ``lang`` of the
    query when it names a supported language, else the browser's). ``message`` is a library error's
    text (shown as it is) or a :data:`Label`."""
    if _wants_json(request):
        text = message if isinstance(message, str) else translator(FALLBACK)(message[0], **message[1])
        return _api_error(status, text, headers)
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


def _field_errors(errors: Sequence[Any]) -> list[dict[str, Any]]:
    """Pydantic's errors as :class:`~nutgraf.web.schemas.FieldError`: where, what, which kind (the
    input itself is not echoed: it may be 16 MB, or ``1e400``)."""
    return [
        {
            "loc": [
                part if isinstance(part, int) else _json_safe(str(part)) for part in error.get("loc", ())
            ],
            "msg": _json_safe(str(error.get("msg", ""))),
            "type": str(error.get("type", "")),
        }
        for error in errors
    ]


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
            fields = _field_errors(errors)
            where = "; ".join(
                f"{'.'.join(str(part) for part in error['loc'])}: {error['msg']}" for error in fields[:5]
            )
            return _api_error(422, f"the request does not match the schema: {where}", errors=fields)
        if any(error.get("loc", ("",))[0] == "path" for error in errors):  # /stories/abc: no such page
            return _error(request, 404, ("error.nothing_at", {"path": request.url.path}))
        fields = ", ".join(str(error.get("loc", ("", "?"))[-1]) for error in errors)
        return _error(request, 400, ("error.check", {"fields": fields}))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path, exc_info=exc)
        return _error(request, 500, ("error.server", {}))


def _install_docs(app: FastAPI) -> None:
    """``/docs`` (Swagger UI) and ``/redoc`` (ReDoc) over ``/openapi.json``, with the scripts and
    styles fastapi-offline ships in its wheel, under :data:`DOCS_ASSETS`."""
    app.mount(DOCS_ASSETS, StaticFiles(packages=[("fastapi_offline", "static")]), name="docs_assets")

    def page(request: Request, template: str) -> Response:
        templates: Jinja2Templates = request.app.state.templates
        context = {"assets": DOCS_ASSETS, "openapi_url": request.app.openapi_url, "ui_lang": FALLBACK}
        return templates.TemplateResponse(request, template, context)

    @app.get("/docs", include_in_schema=False)
    def swagger_ui(request: Request) -> Response:
        return page(request, "docs.html")

    @app.get("/redoc", include_in_schema=False)
    def redoc(request: Request) -> Response:
        return page(request, "redoc.html")


def _tidy_openapi(app: FastAPI) -> None:
    """The schema as the app answers: the feeds' errors are pages (400, 404), never FastAPI's 422,
    and the API's errors are all :class:`~nutgraf.web.schemas.ErrorOut`, so FastAPI's own error
    shapes (``HTTPValidationError``), which nothing answers, are left out."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = build()
        for path, operations in schema.get("paths", {}).items():
            if not path.startswith("/api/"):
                for operation in operations.values():
                    operation.get("responses", {}).pop("422", None)
        used = json.dumps(schema["paths"])
        components = schema.get("components", {}).get("schemas", {})
        for name in ("HTTPValidationError", "ValidationError"):
            if f'"#/components/schemas/{name}"' not in used:
                components.pop(name, None)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


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
        docs_url=None,  # FastAPI's own /docs and /redoc load from a CDN: ours are _install_docs'
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
    _install_docs(app)  # its assets' mount goes before /static, which would take their paths
    app.mount("/static", StaticFiles(packages=[("nutgraf.web", "static")]), name="static")
    _tidy_openapi(app)
    _install_error_handlers(app)
    app.add_middleware(BodyLimit, settings=settings)
    app.add_middleware(HostCheck, settings=settings)
    app.add_middleware(SecurityHeaders)  # added last, so outermost: refusals carry the headers too
    return app

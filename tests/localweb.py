"""A small HTTP server inside the test process, on 127.0.0.1, serving feeds and pages the tests write.

Routes map a path to a :class:`Reply` (or a function of the request giving one); every request is
logged with its headers, so tests can assert what was asked for (conditional headers, User-Agent,
that a refused redirect target was never requested).
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

__all__ = ["LocalWeb", "Reply", "Request", "article_page", "rss_feed"]


@dataclass
class Request:
    path: str
    headers: dict[str, str]


@dataclass
class Reply:
    status: int = 200
    body: bytes | Iterable[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    """Seconds to wait before answering (a slow server)."""
    length: bool = True
    """Send Content-Length (False: the body ends when the connection closes)."""


class LocalWeb:
    """``with LocalWeb() as web: web.route("/feed.xml", Reply(...)); web.url("/feed.xml")``."""

    def __init__(self) -> None:
        self.routes: dict[str, Reply | Callable[[Request], Reply]] = {}
        self.log: list[Request] = []
        self._lock = threading.Lock()
        web = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                request = Request(self.path, {k.lower(): v for k, v in self.headers.items()})
                with web._lock:
                    web.log.append(request)
                    route = web.routes.get(self.path.split("?")[0])
                if route is None:
                    reply = Reply(404, b"not found")
                else:
                    reply = route(request) if callable(route) else route
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    if isinstance(reply.body, bytes):
                        if reply.length:
                            self.send_header("Content-Length", str(len(reply.body)))
                        self.end_headers()
                        self.wfile.write(reply.body)
                    else:
                        self.end_headers()
                        for chunk in reply.body:
                            self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (as it should on an oversized body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> LocalWeb:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, reply: Reply | Callable[[Request], Reply]) -> str:
        self.routes[path] = reply
        return self.url(path)

    def requests(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.log if r.path.split("?")[0] == path]


_FIRST = ("Arden", "Brell", "Cosmo", "Dunmore", "Elvane", "Farrow", "Glent", "Hollis", "Ivel", "Jasko")
_THINGS = (
    "bridge",
    "harbour",
    "library",
    "tram line",
    "water plant",
    "stadium",
    "ferry",
    "school",
    "market",
    "dam",
)
_ACTIONS = ("reopened", "was closed", "won funding", "was inspected", "was expanded", "was sold")


def article_page(n: int, *, town: str | None = None, title: str | None = None) -> tuple[str, bytes]:
    """(headline, HTML page) of an invented local news article, distinct for every ``n``."""
    town = town or f"{_FIRST[n % 10]}{_FIRST[(n // 10) % 10].lower()}"
    thing = _THINGS[(n // 7) % 10]
    action = _ACTIONS[n % 6]
    headline = title or f"{town} {thing} {action} after council vote {n}"
    paragraphs = [
        f"The {thing} in {town} {action} on Tuesday after the town council voted {n % 9 + 3} to 2, "
        f"the council's spokesperson Mara Quent said.",
        f"About {120 + n} residents attended the meeting, which lasted {2 + n % 4} hours, according to "
        f"the clerk's office.",
        f"Works are expected to cost {n + 3} million crowns and to finish by {2027 + n % 3}, officials said.",
        f"Opponents of the plan said the {thing} project number {n} had been rushed and promised to appeal.",
    ]
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    html = (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{escape(headline)}</title></head>"
        f"<body><nav>Home | Local | Sport</nav><article><h1>{escape(headline)}</h1>{body}</article>"
        f"<footer>The Testville Courier</footer></body></html>"
    )
    return headline, html.encode("utf-8")


def rss_feed(title: str, items: list[dict[str, str]], *, start: datetime | None = None) -> bytes:
    """An RSS 2.0 feed of ``items`` (``link``, ``title``, optional ``guid``, ``description``)."""
    start = start or datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
    parts = []
    for i, item in enumerate(items):
        date = email.utils.format_datetime(start + timedelta(minutes=i))
        parts.append(
            "<item>"
            f"<title>{escape(item['title'])}</title><link>{escape(item['link'])}</link>"
            f"<guid>{escape(item.get('guid', item['link']))}</guid><pubDate>{date}</pubDate>"
            + (f"<description>{escape(item['description'])}</description>" if "description" in item else "")
            + "</item>"
        )
    return (
        f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{escape(title)}</title>"
        f"<link>http://example.test/</link><description>test</description>{''.join(parts)}</channel></rss>"
    ).encode()

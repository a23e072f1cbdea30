"""Settings of the web app, passed in (never read from globals by the routes)."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, replace

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "MAX_PAGE_SIZE", "PAGE_SIZE", "WebSettings", "is_loopback"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000

PAGE_SIZE = 20
"""Items per page of a list: a screenful of story cards on a laptop, two or three on a phone."""

MAX_PAGE_SIZE = 100
"""The most an API client may ask for in one page; a page of 100 stories is read in ~30 ms."""


def is_loopback(host: str) -> bool:
    """Whether a bind address only accepts connections from this machine."""
    if host.strip().lower() in {"localhost", "ip6-localhost"}:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class WebSettings:
    """Where the app is served and who may write through its API.

    ``api_token`` guards ``POST /api/articles``: when it is set, a request must carry it as a
    bearer token; when the app is bound to a non-loopback ``host``, a token is required always
    (without one configured, writes are refused)."""

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    api_token: str | None = None
    page_size: int = PAGE_SIZE

    @classmethod
    def from_env(cls, **overrides: object) -> WebSettings:
        """Settings with the token from ``NUTGRAF_API_TOKEN`` (an empty value means none)."""
        settings = cls(api_token=os.environ.get("NUTGRAF_API_TOKEN") or None)
        return replace(settings, **overrides) if overrides else settings

    @property
    def loopback(self) -> bool:
        return is_loopback(self.host)

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        shown = "127.0.0.1" if host in {"0.0.0.0", "[::]"} else host
        return f"http://{shown}:{self.port}/"

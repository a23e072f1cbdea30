"""Settings of the web app, passed in (never read from globals by the routes)."""

from __future__ import annotations

import ipaddress
import os
import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from nutgraf.errors import ConfigError

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "LOCAL_NAMES",
    "MAX_BODY_BYTES",
    "MAX_PAGE_SIZE",
    "PAGE_SIZE",
    "WebSettings",
    "host_name",
    "is_loopback",
]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000

PAGE_SIZE = 20
"""Items per page of a list: a screenful of story cards on a laptop, two or three on a phone."""

MAX_PAGE_SIZE = 100
"""The most an API client may ask for in one page; a page of 100 stories is read in ~30 ms."""

MAX_BODY_BYTES = 64 * 1024 * 1024
"""The largest request body the app reads (413 above it): an article may be 16 MB of text, which
JSON's escapes can make three times longer."""

LOCAL_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
"""Host names the app always answers to: this machine's own names, which no other site can take."""

_WILDCARDS = frozenset({"0.0.0.0", "::"})


def host_name(value: str) -> str:
    """The name part of a ``Host`` header or a host setting, as compared: lower case, without the
    port, the IPv6 brackets or a trailing dot (``[::1]:8000`` -> ``::1``, ``Localhost.`` ->
    ``localhost``); empty when it cannot be read."""
    value = value.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        if end < 0 or (value[end + 1 :] and not re.fullmatch(r":\d*", value[end + 1 :])):
            return ""
        return value[1:end]
    if value.count(":") > 1:  # a bare IPv6 address (a setting, not a header)
        return value
    name, _, port = value.partition(":")
    if port and not port.isdigit():
        return ""
    return name.rstrip(".")


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
    """Where the app is served, under which names, and who may write through its API.

    ``api_token`` guards ``POST /api/articles``: a request must carry it as a bearer token, on
    every address, loopback included (as Jupyter's token does); without one configured, writes are
    refused. ``nutgraf serve`` makes one when ``NUTGRAF_API_TOKEN`` is not set, and prints it.
    ``max_body_bytes`` is the largest request body read (413 above it).

    The app answers only requests whose ``Host`` names it (DNS rebinding: a page the user visits
    can point its own name at 127.0.0.1, and its requests then carry that name): the bound
    ``host`` (unless it is 0.0.0.0 or ::), ``localhost``, 127.0.0.1, ::1, the host of
    ``base_url``, and ``allow_hosts`` (names, ``*.example.org`` for its subdomains, or ``*`` for
    any name, which turns the check off). ``base_url`` is the address absolute links (Atom ids
    and links, the API's ``next``) are built from, never the request's ``Host``; by default
    ``http://HOST:PORT/``."""

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    api_token: str | None = None
    page_size: int = PAGE_SIZE
    allow_hosts: tuple[str, ...] = ()
    base_url: str | None = None
    max_body_bytes: int = MAX_BODY_BYTES
    _public: str = field(init=False, repr=False, compare=False, default="")
    _names: frozenset[str] = field(init=False, repr=False, compare=False, default=frozenset())

    def __post_init__(self) -> None:
        given = (self.allow_hosts,) if isinstance(self.allow_hosts, str) else self.allow_hosts
        allowed = tuple(name.strip() for name in given if name.strip())
        object.__setattr__(self, "allow_hosts", allowed)
        public = _base_url(self.base_url) if self.base_url else self.url
        object.__setattr__(self, "_public", public)
        names = set(LOCAL_NAMES)
        bound = host_name(self.host)
        if bound not in _WILDCARDS:
            names.add(bound)
        names.add(host_name(urlsplit(public).netloc.rpartition("@")[2]))
        names.update(host_name(name) for name in allowed)
        names.discard("")
        object.__setattr__(self, "_names", frozenset(names))

    @classmethod
    def from_env(cls, **overrides: object) -> WebSettings:
        """Settings from the environment, then ``overrides``: the token from ``NUTGRAF_API_TOKEN``
        (an empty value means none), the names from ``NUTGRAF_ALLOW_HOSTS`` (separated by commas
        or spaces) and the public address from ``NUTGRAF_BASE_URL``."""
        settings = cls(
            api_token=os.environ.get("NUTGRAF_API_TOKEN") or None,
            allow_hosts=tuple(re.split(r"[\s,]+", os.environ.get("NUTGRAF_ALLOW_HOSTS", ""))),
            base_url=os.environ.get("NUTGRAF_BASE_URL") or None,
        )
        return replace(settings, **overrides) if overrides else settings  # type: ignore[arg-type]

    @property
    def loopback(self) -> bool:
        return is_loopback(self.host)

    @property
    def url(self) -> str:
        """Where the server listens, as a browser on this machine reaches it."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        shown = "127.0.0.1" if host in {"0.0.0.0", "[::]"} else host
        return f"http://{shown}:{self.port}/"

    @property
    def public_url(self) -> str:
        """The address absolute links are built from: ``base_url``, else :attr:`url`; ends with /."""
        return self._public

    def link(self, path: str, query: str = "") -> str:
        """The absolute URL of an app path (``/stories/3``) under :attr:`public_url`."""
        url = self._public.rstrip("/") + "/" + path.lstrip("/")
        return f"{url}?{query}" if query else url

    @property
    def host_names(self) -> frozenset[str]:
        """The names the app answers to (see the class), as :func:`host_name` gives them."""
        return self._names

    def allows_host(self, header: str) -> bool:
        """Whether a request's ``Host`` header names this app."""
        names = self._names
        if "*" in names:
            return True
        name = host_name(header)
        if not name:
            return False
        if name in names:
            return True
        return any(
            pattern.startswith("*.") and name.endswith(pattern[1:]) and len(name) > len(pattern) - 1
            for pattern in names
        )


def _base_url(value: str) -> str:
    """``value`` checked as an absolute http(s) URL with a host, ending with /."""
    try:
        parts = urlsplit(value.strip())
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        parts = None
    if (
        parts is None
        or parts.scheme.lower() not in ("http", "https")
        or not parts.hostname
        or parts.username is not None
        or parts.query
        or parts.fragment
    ):
        raise ConfigError(
            f"the base URL must be an absolute http or https address such as https://news.example.org/, "
            f"not {value!r}"
        )
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return f"{parts.scheme.lower()}://{parts.netloc}{path}"

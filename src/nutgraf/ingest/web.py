"""Safe fetching of web pages and feeds: what ``nutgraf ingest URL`` and ``nutgraf watch`` download.

A URL typed by a user or found in a feed is untrusted: it may point at the machine itself, at a
private network, or at a cloud metadata service (server-side request forgery), or it may answer
with a gigabyte, a gzip bomb or one byte a minute. So every fetch here:

* accepts only ``http`` and ``https``;
* resolves the host itself and refuses loopback, private, link-local, multicast, reserved and
  other non-global addresses (metadata services live on link-local addresses), including IPv6
  forms that embed an IPv4 address (see :func:`_is_public`), unless
  :attr:`FetchPolicy.allow_private` is set, on the first URL and on every redirect hop, which it
  follows itself (``follow_redirects=False``) up to :attr:`FetchPolicy.max_redirects`;
* checks the address again at connect time (:func:`make_client`'s transport), so a DNS answer that
  changes between the check and the connection (DNS rebinding) cannot slip through;
* caps the body as received and again after decompression (it decompresses gzip and deflate
  itself, with a bounded output size), and the whole exchange's wall-clock time: one deadline
  per fetch, redirects, TLS handshake and response headers included (:class:`_DeadlineStream`;
  httpx's own timeouts are per network operation, so a server sending its headers one byte at a
  time would never trip them).

The httpx client is made by a factory passed in by the caller (tests pass their own); nothing
here keeps a client, a session or any other state between calls.
"""

from __future__ import annotations

import contextvars
import ipaddress
import re
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from nutgraf.errors import ConfigError, FetchError, FetchRefused, FetchTimeout, InputError
from nutgraf.ingest.files import MAX_DOCUMENT_BYTES
from nutgraf.model import Failure, RawDocument

if TYPE_CHECKING:
    import httpx

__all__ = [
    "HTML_TYPES",
    "USER_AGENT",
    "ClientFactory",
    "FetchCancelled",
    "FetchPolicy",
    "FetchResult",
    "Resolver",
    "check_url",
    "document_from_page",
    "fetch",
    "is_url",
    "iter_inputs",
    "make_client",
    "parse_retry_after",
    "resolve_host",
]


def _user_agent() -> str:
    from nutgraf import __version__

    return f"Nutgraf/{__version__} (+https://github.com/nutgraf)"


USER_AGENT = _user_agent()
"""Sent with every request, so a site's operator can see who fetches and where to read about it."""

CONNECT_TIMEOUT = 10.0
"""Seconds to open a connection: a healthy news site connects in well under a second; ten allows
for a slow DNS or a distant server without letting a dead host hold a worker."""

READ_TIMEOUT = 20.0
"""Seconds to wait for the next bytes: news CMSs can take several seconds to render a page."""

TOTAL_TIMEOUT = 60.0
"""Seconds for a whole fetch, redirects, TLS handshakes and response headers included: stops a
server that trickles one byte at a time under the read timeout (slowloris)."""

MAX_REDIRECTS = 5
"""Redirect hops followed: real article links redirect once or twice (tracking link, then https or
canonical URL); browsers stop at 20, but five is plenty and limits loops."""

MAX_RESPONSE_BYTES = MAX_DOCUMENT_BYTES
"""Bytes accepted on the wire for one response (the limit for one article, see files.py)."""

MAX_DECOMPRESSED_BYTES = MAX_DOCUMENT_BYTES
"""Bytes accepted after decompression: the same 16 MB, so a gzip bomb stops at 16 MB of output."""

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
"""Content types read as a page; anything else fetched for an article is refused (PDFs, images)."""

_BLOCKED_V4 = tuple(
    ipaddress.IPv4Network(net)
    for net in (
        "0.0.0.0/8",  # "this network"
        "100.64.0.0/10",  # carrier-grade NAT: not global, not "private" either
        "192.0.0.0/24",  # IETF protocol assignments (is_global is wrong on some)
        "192.88.99.0/24",  # 6to4 relay anycast (deprecated, RFC 7526)
        "198.18.0.0/15",  # benchmarking
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, and the broadcast address
    )
)
"""IPv4 ranges refused on top of ``not is_global`` (whose list differs between Python versions)."""

_IPV6_UNICAST = ipaddress.IPv6Network("2000::/3")
"""The only IPv6 range allocated for global unicast; anything outside it is refused (site-local
fec0::/10, unique local fc00::/7, link-local, multicast, ::/96, 100::/64, 5f00::/16...), except
the NAT64 well-known prefix and IPv4-mapped addresses, judged by the IPv4 address they carry."""

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
"""NAT64 well-known prefix (RFC 6052): the last 32 bits are the IPv4 address a translator reaches."""

_BLOCKED_V6 = tuple(
    ipaddress.IPv6Network(net)
    for net in (
        "::/96",  # IPv4-compatible (deprecated): ::a.b.c.d, and :: and ::1
        "::ffff:0:0:0/96",  # IPv4-translated (SIIT): ::ffff:0:a.b.c.d
        "64:ff9b:1::/48",  # NAT64 local-use prefix (RFC 8215): a translator on your own network
        "2001::/23",  # IETF protocol assignments: Teredo 2001::/32 (reaches the IPv4 client it
        # carries through relays: refused whatever it carries), benchmarking, ORCHID...
        "2001:db8::/32",  # documentation
        "3fff::/20",  # documentation (RFC 9637)
        "fec0::/10",  # site-local (deprecated, still routed by some stacks)
    )
)
"""IPv6 ranges refused on top of ``not is_global`` and outside :data:`_IPV6_UNICAST`."""

Resolver = Callable[[str, int], list[str]]
"""``(host, port) -> IP addresses``; injectable so tests can decide what a name resolves to."""


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """What a fetch may do. Plain data, so the CLI, the watcher and the web app's settings share it.

    ``allow_private`` lets URLs reach loopback, private and link-local addresses: for a feed on
    the local network, or tests against a server on 127.0.0.1. Off by default."""

    allow_private: bool = False
    connect_timeout: float = CONNECT_TIMEOUT
    read_timeout: float = READ_TIMEOUT
    total_timeout: float = TOTAL_TIMEOUT
    max_redirects: int = MAX_REDIRECTS
    max_bytes: int = MAX_RESPONSE_BYTES
    max_decompressed_bytes: int = MAX_DECOMPRESSED_BYTES
    user_agent: str = USER_AGENT


ClientFactory = Callable[[FetchPolicy], "httpx.Client"]


class FetchCancelled(FetchError):
    """The fetch was abandoned because the caller is stopping (``stop`` was set)."""

    def __init__(self) -> None:
        super().__init__("stopped")


@dataclass(slots=True)
class FetchResult:
    """One fetched response, after redirects: ``url`` is the final URL, ``content`` the decoded body
    (empty for a 304 Not Modified)."""

    url: str
    status: int
    headers: dict[str, str]
    content: bytes = b""
    redirects: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag") or None

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified") or None


# -- addresses -------------------------------------------------------------------------------


def resolve_host(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (IPv4 and IPv6), as the system resolver gives them."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host}: {exc}") from exc
    addresses: list[str] = []
    for info in infos:
        address = str(info[4][0]).split("%")[0]  # drop an IPv6 zone id
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise FetchError(f"cannot resolve host {host}: no addresses")
    return addresses


def _is_public_v4(ip: ipaddress.IPv4Address) -> bool:
    return ip.is_global and not any(ip in network for network in _BLOCKED_V4)


def _is_public(address: str) -> bool:
    """Whether a fetch may connect to ``address``: a global unicast address, judged in doubt as not.

    An IPv6 address that carries an IPv4 address is judged by that address: IPv4-mapped
    (``::ffff:a.b.c.d``), NAT64 (``64:ff9b::a.b.c.d``) and 6to4 (``2002:AABB:CCDD::``), so
    ``64:ff9b::7f00:1`` is loopback. Forms whose routing depends on a translator or tunnel of the
    local network are refused whatever they carry: IPv4-compatible (``::a.b.c.d``),
    IPv4-translated (``::ffff:0:a.b.c.d``), the local-use NAT64 prefix ``64:ff9b:1::/48`` and
    Teredo. Other IPv6 addresses must lie in ``2000::/3`` (global unicast) and be global; this
    refuses site-local ``fec0::/10``, which Python's ``is_global`` lets through. An address that
    cannot be parsed is refused."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])  # an IPv6 zone id does not change the range
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv4Address):
        return _is_public_v4(ip)
    if ip.ipv4_mapped is not None:
        return _is_public_v4(ip.ipv4_mapped)
    if ip in _NAT64:
        return _is_public_v4(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    if ip not in _IPV6_UNICAST or any(ip in network for network in _BLOCKED_V6):
        return False
    if ip.sixtofour is not None:  # 2002::/16: Python >= 3.12.4 calls it non-global; judge what it carries
        return _is_public_v4(ip.sixtofour)
    return ip.is_global and not ip.is_multicast and not ip.is_site_local


def _split(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of an absolute http(s) URL; raises :class:`FetchRefused` otherwise."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchRefused(f"not a valid URL: {url!r}") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchRefused(f"only http and https URLs are fetched, not {scheme or 'a relative URL'}: {url}")
    if not parts.hostname:
        raise FetchRefused(f"URL has no host: {url}")
    if parts.username or parts.password:
        raise FetchRefused(f"URLs with credentials are not fetched: {parts.hostname}")
    return scheme, parts.hostname, port or (443 if scheme == "https" else 80)


def _check_addresses(host: str, addresses: Iterable[str], allow_private: bool) -> None:
    if allow_private:
        return
    for address in addresses:
        if not _is_public(address):
            what = address if host.strip("[]") == address else f"{host} resolves to {address}, which"
            raise FetchRefused(
                f"refused: {what} is a loopback, private, link-local or reserved address "
                "(use --allow-private to fetch from your own network)"
            )


def check_url(url: str, policy: FetchPolicy, resolve: Resolver = resolve_host) -> list[str]:
    """Refuse a URL the policy forbids (scheme, credentials, non-public address); its addresses.

    Every address the host resolves to must be allowed: an attacker's name that resolves to one
    public and one private address must not get a chance at the private one."""
    _, host, port = _split(url)
    addresses = resolve(host, port)
    _check_addresses(host, addresses, policy.allow_private)
    return addresses


def is_url(text: str) -> bool:
    """Whether a command-line argument is meant as a URL rather than a path."""
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", text.strip()))


# -- the client ------------------------------------------------------------------------------


_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "nutgraf_fetch_deadline", default=None
)
"""The ``time.monotonic()`` by which the fetch running in this thread must end; None outside one.

Set by :func:`fetch` for its whole exchange and read by :class:`_DeadlineStream` at every network
operation. httpx has no total timeout (its timeouts are per operation, see encode/httpx#1450), so
the deadline is enforced where the bytes move: the connection's stream."""


def _time_left(timeout: float | None, expired: type[Exception]) -> float | None:
    """``timeout`` shortened to what is left before the deadline; ``expired`` raised once it passed."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise expired("the fetch's total deadline has passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream:
    """An httpcore network stream whose every read, write and TLS handshake ends by the deadline.

    Each operation's timeout is cut to the time left, and an operation started after the deadline
    fails at once, so a server sending its status line and headers one byte at a time (each well
    within the read timeout) is cut at the deadline, as is a slow TLS handshake (Python bounds a
    handshake's total time by the socket timeout). Kept-alive connections read the deadline of the
    fetch using them, not the one that opened them."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        import httpcore

        data: bytes = self._inner.read(max_bytes, _time_left(timeout, httpcore.ReadTimeout))
        return data

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        import httpcore

        self._inner.write(buffer, _time_left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> Any:
        import httpcore

        left = _time_left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, left))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _GuardedBackend:
    """An httpcore network backend that checks the address it is about to connect to, and whose
    connections keep the fetch's total deadline (:class:`_DeadlineStream`).

    The check in :func:`fetch` happens before the request; this one happens at connect time, on
    the addresses actually used, so a DNS answer that changes in between is caught too."""

    def __init__(self, allow_private: bool, resolve: Resolver) -> None:
        import httpcore

        self._inner = httpcore.SyncBackend()
        self._allow_private = allow_private
        self._resolve = resolve

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> Any:
        import httpcore

        addresses = self._resolve(host, port)
        _check_addresses(host, addresses, self._allow_private)
        error: Exception | None = None
        for address in addresses:
            try:
                left = _time_left(timeout, httpcore.ConnectTimeout)
                stream = self._inner.connect_tcp(address, port, left, local_address, socket_options)
                return _DeadlineStream(stream)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error

    def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options: Any = None) -> Any:
        raise FetchRefused("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def make_client(policy: FetchPolicy, *, resolve: Resolver = resolve_host) -> httpx.Client:
    """An httpx client for :func:`fetch`: policy timeouts, our User-Agent, no redirects, no proxies
    from the environment (a proxy would resolve names where we cannot check them), and a transport
    whose connections are address-checked (see :class:`_GuardedBackend`).

    The caller owns the client and closes it; the watcher makes one per round."""
    import httpcore
    import httpx

    transport = httpx.HTTPTransport(trust_env=False, retries=0)
    pool = getattr(transport, "_pool", None)
    if not isinstance(pool, httpcore.ConnectionPool):  # pragma: no cover - guards an httpx upgrade
        raise ConfigError("this httpx version is not supported (its transport has no connection pool)")
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False),
        max_connections=100,
        max_keepalive_connections=20,
        keepalive_expiry=5.0,
        network_backend=_GuardedBackend(policy.allow_private, resolve),
    )
    return httpx.Client(
        transport=transport,
        follow_redirects=False,
        trust_env=False,
        timeout=_timeout(policy),
        headers={"User-Agent": policy.user_agent},
    )


def _timeout(policy: FetchPolicy) -> httpx.Timeout:
    import httpx

    return httpx.Timeout(
        connect=policy.connect_timeout, read=policy.read_timeout, write=policy.read_timeout, pool=None
    )


# -- fetching --------------------------------------------------------------------------------


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks for (delta-seconds or an HTTP date); None if absent."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class _Decoder:
    """Content-Encoding decoding with a bounded output: a gzip bomb stops at the cap, not in memory."""

    def __init__(self, encoding: str, limit: int) -> None:
        codings = [
            c.strip().lower() for c in encoding.split(",") if c.strip().lower() not in ("", "identity")
        ]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise FetchError(f"unsupported content encoding: {encoding}")
        self._coding = codings[0] if codings else None
        self._limit = limit
        self._size = 0
        self._zlib: Any = None
        self._parts: list[bytes] = []

    def _take(self, data: bytes) -> None:
        self._size += len(data)
        if self._size > self._limit:
            raise FetchRefused(
                f"response is larger than {self._limit // (1024 * 1024)} MB once decompressed; refused"
            )
        self._parts.append(data)

    def feed(self, chunk: bytes) -> None:
        if self._coding is None:
            self._take(chunk)
            return
        if self._zlib is None:
            if self._coding == "deflate":  # zlib-wrapped as the RFC says, or raw deflate as some send
                wbits = zlib.MAX_WBITS if chunk[:1] and chunk[0] & 0x0F == 8 else -zlib.MAX_WBITS
            else:
                wbits = 16 + zlib.MAX_WBITS
            self._zlib = zlib.decompressobj(wbits)
        data = chunk
        try:
            while data:
                self._take(self._zlib.decompress(data, self._limit - self._size + 1))
                data = self._zlib.unconsumed_tail
        except zlib.error as exc:
            raise FetchError(f"corrupt {self._coding} response: {exc}") from exc

    def finish(self) -> bytes:
        if self._zlib is not None:
            try:
                self._take(self._zlib.flush())
            except zlib.error as exc:
                raise FetchError(f"corrupt {self._coding} response: {exc}") from exc
        return b"".join(self._parts)


def _stopped(stop: threading.Event | None) -> None:
    if stop is not None and stop.is_set():
        raise FetchCancelled()


def _read_body(
    response: httpx.Response, policy: FetchPolicy, deadline: float, stop: threading.Event | None
) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchRefused(
            f"response is {int(declared) / (1024 * 1024):.0f} MB, over the "
            f"{policy.max_bytes // (1024 * 1024)} MB limit; refused"
        )
    decoder = _Decoder(response.headers.get("content-encoding", ""), policy.max_decompressed_bytes)
    received = 0
    for chunk in response.iter_raw():  # as the network gives them (no re-chunking: deadlines hold)
        received += len(chunk)
        if received > policy.max_bytes:
            raise FetchRefused(f"response is over the {policy.max_bytes // (1024 * 1024)} MB limit; refused")
        if time.monotonic() > deadline:
            raise FetchTimeout(f"the server took more than {policy.total_timeout:g}s to send the response")
        _stopped(stop)
        decoder.feed(chunk)
    return decoder.finish()


def fetch(
    client: httpx.Client,
    url: str,
    policy: FetchPolicy,
    *,
    headers: dict[str, str] | None = None,
    resolve: Resolver = resolve_host,
    stop: threading.Event | None = None,
) -> FetchResult:
    """GET ``url`` under ``policy``; follows redirects itself, checking every hop.

    Returns 2xx and 304 responses (``headers`` may carry ``If-None-Match``/``If-Modified-Since``);
    raises :class:`FetchRefused` (policy), :class:`FetchTimeout`, or :class:`FetchError` (network,
    other statuses; ``status`` and ``retry_after`` are set for HTTP errors).

    ``policy.total_timeout`` bounds the whole fetch: every hop's connection, TLS handshake, request,
    status line, headers and body, on a client from :func:`make_client` (whose connections read
    the deadline); another client gets it checked only between hops and body chunks."""
    deadline = time.monotonic() + policy.total_timeout
    token = _DEADLINE.set(deadline)  # read by the connections' streams (clients from make_client)
    try:
        return _fetch(client, url, policy, deadline, headers, resolve, stop)
    finally:
        _DEADLINE.reset(token)


def _timed_out(url: str, policy: FetchPolicy, deadline: float, exc: Exception, doing: str) -> FetchTimeout:
    if time.monotonic() >= deadline:
        return FetchTimeout(f"the server took more than {policy.total_timeout:g}s to send {url}")
    return FetchTimeout(f"timed out {doing} {url} ({type(exc).__name__})")


def _fetch(
    client: httpx.Client,
    url: str,
    policy: FetchPolicy,
    deadline: float,
    headers: dict[str, str] | None,
    resolve: Resolver,
    stop: threading.Event | None,
) -> FetchResult:
    import httpx

    request_headers = {"Accept-Encoding": "gzip, deflate", **(headers or {})}
    redirects: list[str] = []
    current = url
    while True:
        check_url(current, policy, resolve)
        _stopped(stop)
        if time.monotonic() >= deadline:
            raise FetchTimeout(f"the server took more than {policy.total_timeout:g}s to send {current}")
        try:
            request = client.build_request("GET", current, headers=request_headers, timeout=_timeout(policy))
            response = client.send(request, stream=True, follow_redirects=False)
        except httpx.TimeoutException as exc:
            raise _timed_out(current, policy, deadline, exc, "fetching") from exc
        except httpx.InvalidURL as exc:
            raise FetchRefused(f"not a valid URL: {current}: {exc}") from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"cannot fetch {current}: {exc or type(exc).__name__}") from exc
        try:
            status = response.status_code
            if status in REDIRECT_STATUSES and response.headers.get("location"):
                if len(redirects) >= policy.max_redirects:
                    raise FetchError(f"more than {policy.max_redirects} redirects from {url}")
                current = urljoin(current, response.headers["location"].strip())
                redirects.append(current)
                continue
            answer = {k.lower(): v for k, v in response.headers.items()}
            if status == 304:
                return FetchResult(current, status, answer, b"", redirects)
            if not 200 <= status < 300:
                raise FetchError(
                    f"HTTP {status} {response.reason_phrase} from {current}",
                    status=status,
                    retry_after=parse_retry_after(response.headers.get("retry-after"))
                    if status in (429, 503)
                    else None,
                )
            try:
                content = _read_body(response, policy, deadline, stop)
            except httpx.TimeoutException as exc:
                raise _timed_out(current, policy, deadline, exc, "reading") from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"cannot read {current}: {exc or type(exc).__name__}") from exc
            return FetchResult(current, status, answer, content, redirects)
        finally:
            response.close()


# -- pages as documents ----------------------------------------------------------------------


def document_from_page(
    result: FetchResult,
    *,
    origin: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    published: datetime | None = None,
    language: str | None = None,
    author: str | None = None,
    external_id: str | None = None,
) -> RawDocument:
    """A raw document from a fetched HTML page; raises :class:`InputError` for a non-HTML response.

    The page's host is the ``source_key``: pages of one site share a template, which is what the
    learned furniture filter counts repeated lines over."""
    from nutgraf.clean.decode import decode_bytes
    from nutgraf.errors import UnsupportedInput

    kind = result.content_type
    if kind and kind not in HTML_TYPES and not kind.startswith("text/"):
        raise UnsupportedInput(f"not an HTML page: {result.url} is {kind}")
    text = decode_bytes(result.content, html=True)
    host = (urlsplit(result.url).hostname or "").lower()
    return RawDocument(
        origin=origin or result.url,
        content=text,
        kind="text" if kind == "text/plain" else "html",
        source_key=f"web:{host}",
        url=result.url,
        title=title,
        published=published,
        outlet=outlet,
        language=language,
        external_id=external_id,
        author=author,
    )


def iter_inputs(
    inputs: Iterable[str],
    policy: FetchPolicy,
    *,
    outlet: str | None = None,
    client_factory: Callable[[FetchPolicy], httpx.Client] | None = None,
    resolve: Resolver = resolve_host,
    on_skip: Callable[[str, str], None] | None = None,
    folder_outlets: bool = False,
) -> Iterator[RawDocument | Failure]:
    """Documents of command-line inputs in the order given: URLs are fetched, anything else is read
    by :func:`nutgraf.ingest.iter_documents` (files, folders, ``-``; ``on_skip`` is told the files
    a folder holds that are not read). One client serves all URLs; a URL that cannot be fetched
    becomes a :class:`Failure` with the reason.

    A page a user asks for by URL is not subject to robots.txt (that is not crawling, any more
    than a browser's visit is); ``nutgraf watch`` does consult robots.txt."""
    from nutgraf.ingest.files import iter_documents

    factory = client_factory or (lambda p: make_client(p, resolve=resolve))
    client: httpx.Client | None = None
    try:
        for given in inputs:
            if not is_url(given):
                yield from iter_documents(
                    [given], outlet=outlet, on_skip=on_skip, folder_outlets=folder_outlets
                )
                continue
            if client is None:
                client = factory(policy)
            try:
                result = fetch(client, given, policy, resolve=resolve)
                yield document_from_page(result, origin=given, outlet=outlet)
            except InputError as exc:
                yield Failure(given, str(exc), type(exc).__name__)
    finally:
        if client is not None:
            client.close()

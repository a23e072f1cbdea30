"""Safe fetching against a real HTTP server in the test process (127.0.0.1)."""

from __future__ import annotations

import gzip
import ipaddress
import time
import zlib
from datetime import UTC, datetime

import httpx
import pytest

from localweb import LocalWeb, Reply, article_page
from nutgraf.errors import FetchError, FetchRefused, FetchTimeout, UnsupportedInput
from nutgraf.ingest.web import (
    USER_AGENT,
    FetchPolicy,
    check_url,
    document_from_page,
    fetch,
    is_url,
    iter_inputs,
    make_client,
    parse_retry_after,
)

LOCAL = FetchPolicy(allow_private=True, connect_timeout=2, read_timeout=2, total_timeout=5)
MB = 1024 * 1024


def fake_resolver(table: dict[str, list[str]]):
    """Names resolve as the test says; IP literals resolve to themselves. Nothing is looked up."""

    def resolve(host: str, port: int) -> list[str]:
        if host in table:
            return table[host]
        ipaddress.ip_address(host)  # anything else must be a literal in these tests
        return [host]

    return resolve


class ToLocal(httpx.BaseTransport):
    """Sends every request to the local server whatever its URL says, so a test can give a
    'public' name to the first hop without any traffic leaving the machine."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(scheme="http", host="127.0.0.1", port=self.port)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


@pytest.fixture
def web():
    with LocalWeb() as server:
        yield server


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/feed.xml",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "gopher://example.com/",
        "http:///no-host",
        "http://user:secret@example.com/",
    ],
)
def test_only_plain_http_and_https_urls_are_fetched(url):
    with pytest.raises(FetchRefused):
        check_url(url, FetchPolicy(allow_private=True), fake_resolver({"example.com": ["93.184.215.14"]}))


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.9.10",
        "10.0.0.7",
        "172.16.4.4",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata
        "100.64.0.1",  # carrier-grade NAT
        "0.0.0.0",
        "::1",
        "fd00:ec2::254",  # AWS metadata over IPv6
        "fe80::1",
        "::ffff:127.0.0.1",  # IPv4-mapped loopback
        "224.0.0.1",
    ],
)
def test_non_public_addresses_are_refused_unless_allowed(address):
    resolve = fake_resolver({"sneaky.example": [address]})
    with pytest.raises(FetchRefused, match="allow-private"):
        check_url("http://sneaky.example/feed", FetchPolicy(), resolve)
    assert check_url("http://sneaky.example/feed", FetchPolicy(allow_private=True), resolve) == [address]


def test_a_name_with_one_private_address_among_public_ones_is_refused():
    resolve = fake_resolver({"mixed.example": ["93.184.215.14", "10.0.0.1"]})
    with pytest.raises(FetchRefused):
        check_url("https://mixed.example/", FetchPolicy(), resolve)
    assert check_url(
        "https://public.example/", FetchPolicy(), fake_resolver({"public.example": ["93.184.215.14"]})
    )


def test_is_url_tells_urls_from_paths():
    assert is_url("https://example.com/a") and is_url("http://127.0.0.1:8000/")
    assert not is_url("articles/page.html") and not is_url("-") and not is_url("C:\\news\\a.txt")


def test_fetch_reads_a_page_and_sends_our_user_agent(web):
    _, page = article_page(1)
    url = web.route("/a.html", Reply(body=page, headers={"Content-Type": "text/html; charset=utf-8"}))
    with make_client(LOCAL) as client:
        result = fetch(client, url, LOCAL)
    assert result.status == 200 and result.content == page and result.content_type == "text/html"
    assert web.requests("/a.html")[0].headers["user-agent"] == USER_AGENT
    assert USER_AGENT.startswith("Nutgraf/") and "+https://github.com/nutgraf" in USER_AGENT


def test_gzip_and_deflate_responses_are_decoded(web):
    _, page = article_page(2)
    web.route("/gz", Reply(body=gzip.compress(page), headers={"Content-Encoding": "gzip"}))
    web.route("/deflate", Reply(body=zlib.compress(page), headers={"Content-Encoding": "deflate"}))
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    web.route(
        "/raw-deflate", Reply(body=raw.compress(page) + raw.flush(), headers={"Content-Encoding": "deflate"})
    )
    with make_client(LOCAL) as client:
        for path in ("/gz", "/deflate", "/raw-deflate"):
            assert fetch(client, web.url(path), LOCAL).content == page, path


def test_a_slow_server_hits_the_timeout(web):
    url = web.route("/slow", Reply(body=b"<p>late</p>", delay=3.0))
    policy = FetchPolicy(allow_private=True, connect_timeout=1, read_timeout=0.5, total_timeout=5)
    started = time.monotonic()
    with make_client(policy) as client, pytest.raises(FetchTimeout):
        fetch(client, url, policy)
    assert time.monotonic() - started < 2.5


def test_a_trickling_server_hits_the_total_timeout(web):
    def trickle():
        for _ in range(100):
            yield b"<p>x</p>" * 100
            time.sleep(0.1)

    url = web.route("/trickle", Reply(body=trickle(), length=False))
    policy = FetchPolicy(allow_private=True, read_timeout=1, total_timeout=0.6)
    started = time.monotonic()
    with make_client(policy) as client, pytest.raises(FetchTimeout, match="took more than"):
        fetch(client, url, policy)
    assert time.monotonic() - started < 3


def _zeros(total: int, sent: list[int]):
    chunk = b"<p>" + b"0" * (MB - 7) + b"</p>"
    while sent[0] < total:
        sent[0] += len(chunk)
        yield chunk


def test_a_50_mb_page_is_refused_by_its_declared_length(web):
    sent = [0]
    web.route("/big", Reply(body=_zeros(50 * MB, sent), headers={"Content-Length": str(50 * MB)}))
    with make_client(LOCAL) as client, pytest.raises(FetchRefused, match="50 MB, over the 16 MB limit"):
        fetch(client, web.url("/big"), LOCAL)


def test_a_50_mb_page_without_a_length_is_cut_off_at_the_cap(web):
    sent = [0]
    web.route("/big-stream", Reply(body=_zeros(50 * MB, sent), length=False))
    with make_client(LOCAL) as client, pytest.raises(FetchRefused, match="over the 16 MB limit"):
        fetch(client, web.url("/big-stream"), LOCAL)
    time.sleep(0.2)
    assert sent[0] < 30 * MB  # the client hung up; the server did not get to send it all


def test_a_gzip_bomb_is_refused_once_decompressed(web):
    bomb = gzip.compress(b"\0" * (50 * MB), compresslevel=9)
    assert len(bomb) < MB
    web.route("/bomb", Reply(body=bomb, headers={"Content-Encoding": "gzip", "Content-Type": "text/html"}))
    with make_client(LOCAL) as client, pytest.raises(FetchRefused, match="once decompressed"):
        fetch(client, web.url("/bomb"), LOCAL)


def test_unknown_content_encodings_are_refused(web):
    web.route("/br", Reply(body=b"\x0b\x02\x80hello\x03", headers={"Content-Encoding": "br"}))
    with make_client(LOCAL) as client, pytest.raises(FetchError, match="unsupported content encoding"):
        fetch(client, web.url("/br"), LOCAL)


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1:{port}/secret",
        "http://intranet.example/secret",
        "http://169.254.169.254/latest/meta-data/",
    ],
)
def test_a_redirect_to_a_private_address_is_refused_without_the_setting(web, target):
    web.route("/secret", Reply(body=b"<p>internal</p>"))
    web.route("/start", Reply(302, headers={"Location": target.format(port=web.port)}))
    resolve = fake_resolver({"news.example": ["93.184.215.14"], "intranet.example": ["10.1.2.3"]})
    policy = FetchPolicy(connect_timeout=1, read_timeout=1)

    with httpx.Client(transport=ToLocal(web.port)) as client:
        with pytest.raises(FetchRefused, match=r"10\.1\.2\.3|127\.0\.0\.1|169\.254\.169\.254"):
            fetch(client, "http://news.example/start", policy, resolve=resolve)
    assert len(web.requests("/start")) == 1
    assert web.requests("/secret") == []


def test_a_redirect_to_a_private_address_is_followed_with_the_setting(web):
    web.route("/secret", Reply(body=b"<p>internal</p>"))
    web.route("/start", Reply(302, headers={"Location": web.url("/secret")}))
    resolve = fake_resolver({"news.example": ["93.184.215.14"]})
    policy = FetchPolicy(allow_private=True, connect_timeout=1, read_timeout=1)
    with httpx.Client(transport=ToLocal(web.port)) as client:
        result = fetch(client, "http://news.example/start", policy, resolve=resolve)
    assert result.content == b"<p>internal</p>" and result.url == web.url("/secret")
    assert result.redirects == [web.url("/secret")]


def test_the_client_checks_addresses_at_connect_time(web):
    """DNS rebinding: even a request that skipped fetch()'s check cannot connect to a private address."""
    url = web.route("/direct", Reply(body=b"<p>hi</p>"))
    with make_client(FetchPolicy()) as client, pytest.raises(FetchRefused):
        client.get(url)
    assert web.requests("/direct") == []


def test_redirect_hops_are_limited(web):
    for i in range(10):
        web.route(f"/hop{i}", Reply(301, headers={"Location": f"/hop{i + 1}"}))
    with make_client(LOCAL) as client, pytest.raises(FetchError, match="more than 5 redirects"):
        fetch(client, web.url("/hop0"), LOCAL)
    assert len(web.log) == 6


def test_conditional_get_gives_not_modified(web):
    def feed(request):
        if request.headers.get("if-none-match") == '"v1"':
            return Reply(304, headers={"ETag": '"v1"'})
        return Reply(
            body=b"<rss/>", headers={"ETag": '"v1"', "Last-Modified": "Fri, 01 May 2026 08:00:00 GMT"}
        )

    url = web.route("/feed", feed)
    with make_client(LOCAL) as client:
        first = fetch(client, url, LOCAL)
        second = fetch(client, url, LOCAL, headers={"If-None-Match": first.etag})
    assert first.etag == '"v1"' and first.last_modified.startswith("Fri") and not first.not_modified
    assert second.not_modified and second.content == b""


def test_429_and_503_carry_retry_after(web):
    web.route("/busy", Reply(429, body=b"slow down", headers={"Retry-After": "120"}))
    web.route(
        "/down", Reply(503, body=b"maintenance", headers={"Retry-After": "Fri, 01 May 2026 08:10:00 GMT"})
    )
    web.route("/gone", Reply(404, body=b"no"))
    with make_client(LOCAL) as client:
        with pytest.raises(FetchError) as busy:
            fetch(client, web.url("/busy"), LOCAL)
        with pytest.raises(FetchError) as down:
            fetch(client, web.url("/down"), LOCAL)
        with pytest.raises(FetchError) as gone:
            fetch(client, web.url("/gone"), LOCAL)
    assert (busy.value.status, busy.value.retry_after) == (429, 120.0)
    assert down.value.status == 503 and down.value.retry_after is not None
    assert (gone.value.status, gone.value.retry_after) == (404, None)


def test_parse_retry_after_reads_seconds_and_dates():
    now = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
    assert parse_retry_after("90", now) == 90
    assert parse_retry_after("Fri, 01 May 2026 08:10:00 GMT", now) == 600
    assert parse_retry_after("Fri, 01 May 2026 07:00:00 GMT", now) == 0
    assert parse_retry_after("soon", now) is None and parse_retry_after(None) is None


def test_a_pdf_is_not_taken_for_a_page(web):
    url = web.route("/report.pdf", Reply(body=b"%PDF-1.7 ...", headers={"Content-Type": "application/pdf"}))
    with make_client(LOCAL) as client:
        result = fetch(client, url, LOCAL)
    with pytest.raises(UnsupportedInput, match="not an HTML page"):
        document_from_page(result)


def test_iter_inputs_mixes_urls_and_files_in_order(web, tmp_path):
    headline, page = article_page(3)
    url = web.route("/story.html", Reply(body=page, headers={"Content-Type": "text/html"}))
    local = tmp_path / "note.txt"
    local.write_text("Headline\n\nA paragraph of text about a harbour.", encoding="utf-8")
    items = list(iter_inputs([url, str(local), web.url("/missing")], LOCAL, outlet="Courier"))
    assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument", "Failure"]
    first = items[0]
    assert (
        first.url == url and first.kind == "html" and first.outlet == "Courier" and headline in first.content
    )
    assert first.source_key == "web:127.0.0.1"
    assert items[2].error == "FetchError" and "404" in items[2].reason


def test_iter_inputs_refuses_local_urls_by_default(web):
    url = web.route("/story.html", Reply(body=b"<p>hi</p>"))
    [failure] = list(iter_inputs([url], FetchPolicy()))
    assert failure.error == "FetchRefused" and "allow-private" in failure.reason
    assert web.requests("/story.html") == []


# -- issue 23: a total deadline, headers included; every address form that hides a private one -----


class DribblingServer:
    """A raw socket server on 127.0.0.1 that reads the request, then sends a status line and
    headers one byte every ``interval`` seconds (slowloris from the server's side: each byte comes
    well within the read timeout, the headers never end in time)."""

    def __init__(self, interval: float = 0.1, header_bytes: int = 100) -> None:
        import socket
        import threading

        self.interval = interval
        self.payload = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + b"X-Pad: " + b"a" * header_bytes
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(4)
        self.port = self.listener.getsockname()[1]
        self.sent = 0
        self.closed = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        try:
            connection, _ = self.listener.accept()
        except OSError:
            return
        with connection:
            connection.recv(65536)  # the request
            for byte in self.payload:
                if self.closed.is_set():
                    return
                try:
                    connection.sendall(bytes([byte]))
                except OSError:
                    return  # the client hung up: what the deadline is for
                self.sent += 1
                time.sleep(self.interval)

    def __enter__(self) -> DribblingServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.closed.set()
        self.listener.close()
        self.thread.join(timeout=5)


def test_a_server_dribbling_its_headers_is_cut_at_the_total_deadline():
    """The read timeout is per read, so one byte every 0.1 s never trips it; the total deadline
    must still stop the fetch, while the status line and headers are arriving."""
    policy = FetchPolicy(allow_private=True, connect_timeout=1, read_timeout=1, total_timeout=1.0)
    with DribblingServer(interval=0.1) as server:
        started = time.monotonic()
        with make_client(policy) as client, pytest.raises(FetchTimeout, match="took more than 1s"):
            fetch(client, f"http://127.0.0.1:{server.port}/slow-headers", policy)
        elapsed = time.monotonic() - started
        assert elapsed < 2.0, elapsed
        assert 0 < server.sent < len(server.payload)  # cut in the middle of the headers


def test_the_deadline_covers_every_redirect_hop(web):
    """Three hops that each answer within the read timeout still share one total deadline."""
    for i in range(3):
        web.route(f"/hop{i}", Reply(302, headers={"Location": f"/hop{i + 1}"}, delay=0.4))
    web.route("/hop3", Reply(body=b"<p>late</p>", delay=0.4))
    policy = FetchPolicy(allow_private=True, connect_timeout=1, read_timeout=1, total_timeout=1.0)
    started = time.monotonic()
    with make_client(policy) as client, pytest.raises(FetchTimeout, match="took more than"):
        fetch(client, web.url("/hop0"), policy)
    assert time.monotonic() - started < 1.6


REFUSED_ADDRESSES = [
    # IPv4
    "0.0.0.0",
    "0.1.2.3",
    "127.0.0.1",
    "10.1.2.3",
    "172.31.255.254",
    "192.168.0.1",
    "100.64.0.1",  # carrier-grade NAT
    "169.254.169.254",  # cloud metadata
    "192.0.0.170",  # IETF protocol assignments (NAT64 discovery)
    "192.0.2.1",  # documentation
    "198.18.0.1",  # benchmarking
    "198.51.100.1",
    "203.0.113.1",
    "192.88.99.1",  # 6to4 relay anycast (deprecated)
    "224.0.0.1",  # multicast
    "239.255.255.250",
    "240.0.0.1",  # reserved
    "255.255.255.255",
    # IPv6: special, local and unallocated ranges
    "::",
    "::1",
    "fe80::1",
    "fe80::1%eth0",  # link-local with a zone id
    "fc00::1",
    "fd00:ec2::254",  # AWS metadata over IPv6 (unique local)
    "fec0::1",  # site-local (deprecated, still routed by some stacks)
    "fec0::a9fe:a9fe",
    "feff::1",
    "ff02::1",  # multicast
    "ff0e::1",  # global-scope multicast
    "100::1",  # discard-only
    "2001:db8::1",  # documentation
    "3fff::1",  # documentation (RFC 9637)
    "2001:2::1",  # benchmarking
    "2001:10::1",  # ORCHID
    "5f00::1",  # SRv6 SIDs
    "4000::1",  # outside 2000::/3: not allocated for unicast
    # IPv6 forms that embed an IPv4 address
    "::ffff:127.0.0.1",  # IPv4-mapped
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "::127.0.0.1",  # IPv4-compatible (deprecated)
    "::7f00:1",
    "::10.0.0.1",
    "::93.184.215.14",  # IPv4-compatible is refused whatever it embeds
    "::ffff:0:127.0.0.1",  # IPv4-translated (SIIT)
    "::ffff:0:a9fe:a9fe",
    "::ffff:0:93.184.215.14",
    "64:ff9b::7f00:1",  # NAT64 well-known prefix, embedding 127.0.0.1
    "64:ff9b::10.0.0.1",
    "64:ff9b::a9fe:a9fe",  # 169.254.169.254
    "64:ff9b:1::7f00:1",  # NAT64 local-use prefix
    "64:ff9b:1:abcd::5db8:d70e",
    "2002:7f00:1::1",  # 6to4 embedding 127.0.0.1
    "2002:a00:1::",  # 6to4 embedding 10.0.0.1
    "2002:a9fe:a9fe::1",
    "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo, client 127.0.0.1
    "2001:0:4136:e378:8000:63bf:a247:28f1",  # Teredo, client public: refused too
]

ALLOWED_ADDRESSES = [
    "93.184.215.14",
    "8.8.8.8",
    "2606:4700:4700::1111",
    "2a00:1450:4001:82b::200e",
    "::ffff:93.184.215.14",  # IPv4-mapped public
    "64:ff9b::5db8:d70e",  # NAT64 of 93.184.215.14 (a DNS64 answer on an IPv6-only network)
    "2002:5db8:d70e::1",  # 6to4 of a public address
]


@pytest.mark.parametrize("address", REFUSED_ADDRESSES)
def test_every_private_address_form_is_refused(address):
    from nutgraf.ingest.web import _is_public

    assert not _is_public(address)
    resolve = fake_resolver({"sneaky.example": [address]})
    with pytest.raises(FetchRefused, match="allow-private"):
        check_url("http://sneaky.example/", FetchPolicy(), resolve)


@pytest.mark.parametrize("address", ALLOWED_ADDRESSES)
def test_public_addresses_and_forms_are_allowed(address):
    from nutgraf.ingest.web import _is_public

    assert _is_public(address)
    assert check_url("http://news.example/", FetchPolicy(), fake_resolver({"news.example": [address]}))


def test_a_malformed_address_is_refused():
    from nutgraf.ingest.web import _is_public

    assert not _is_public("not-an-address") and not _is_public("")


@pytest.fixture
def no_connections(monkeypatch):
    """Records (and refuses) every TCP connection the fetcher's transport would open."""
    import socket

    import httpcore

    attempts: list[tuple[str, int]] = []

    def refuse_connect(self, host, port, *args, **kwargs):
        attempts.append((host, port))
        raise httpcore.ConnectError("test: no connections")

    def refuse_socket(address, *args, **kwargs):
        attempts.append(tuple(address[:2]))
        raise OSError("test: no connections")

    monkeypatch.setattr(httpcore.SyncBackend, "connect_tcp", refuse_connect)
    monkeypatch.setattr(socket, "create_connection", refuse_socket)
    return attempts


def _literal_url(address: str) -> str:
    return f"http://[{address}]/" if ":" in address else f"http://{address}/"


@pytest.mark.parametrize("address", [a for a in REFUSED_ADDRESSES if "%" not in a])
def test_a_url_naming_a_private_address_form_is_refused_without_connecting(address, no_connections):
    """``nutgraf ingest 'http://[64:ff9b::7f00:1]/'``: refused before any connection is tried."""
    [failure] = list(iter_inputs([_literal_url(address)], FetchPolicy()))
    assert failure.error == "FetchRefused" and "allow-private" in failure.reason, failure
    assert no_connections == []


@pytest.mark.parametrize(
    "address", ["64:ff9b::7f00:1", "::ffff:0:127.0.0.1", "::127.0.0.1", "fec0::1", "2002:7f00:1::1"]
)
def test_the_connect_time_check_refuses_every_form_too(address, no_connections):
    """A request that skipped fetch()'s check (a name that rebinds in between) is refused by the
    transport before it connects."""
    resolve = fake_resolver({"rebinding.example": [address]})
    with make_client(FetchPolicy(), resolve=resolve) as client, pytest.raises(FetchRefused):
        client.get("http://rebinding.example/")
    assert no_connections == []

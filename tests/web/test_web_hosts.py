"""The Host check (DNS rebinding) and absolute links built from the configured address (issue 23).

A web page the user visits can point its own name at 127.0.0.1 and then talk to the local
server from the browser: its requests carry the attacker's name in ``Host``. The server answers
only to the names it is known by, and never builds a link from the request's ``Host``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from nutgraf.cli import app as cli_app
from nutgraf.errors import ConfigError
from nutgraf.store import open_store
from nutgraf.web import WebSettings, create_app

ATOM = "{http://www.w3.org/2005/Atom}"
LOCAL = "http://127.0.0.1:8000"

ARTICLE = {
    "title": "Marlow harbour festival opens with a parade of boats",
    "text": "The harbour festival in Marlow opened on Saturday with a parade of forty boats.",
    "source": "Harbour Bulletin",
}


def _client(target, settings: WebSettings, base_url: str = LOCAL) -> TestClient:
    return TestClient(create_app(target, settings), base_url=base_url)


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "evil.example:8000",
        "rebind.attacker.example:8000",
        "127.0.0.1.evil.example",
        "localhost.evil.example:8000",
        "127.0.0.2:8000",
        "testserver",
        "[::2]:8000",
    ],
)
def test_a_foreign_host_is_refused_and_nothing_is_written(tmp_path, host):
    """DNS rebinding: the attacker's page posts to 127.0.0.1 under its own name, without a token."""
    with _client(tmp_path / "hosts.db", WebSettings()) as client:
        assert client.get("/api/stories").status_code == 200  # as 127.0.0.1:8000
        written = client.post("/api/articles", json=ARTICLE, headers={"Host": host})
        assert written.status_code == 400, written.text
        assert client.get("/", headers={"Host": host}).status_code == 400
        assert client.get("/feeds/stories.atom", headers={"Host": host}).status_code == 400
        assert client.get("/api/stories", headers={"Host": host}).status_code == 400
        assert host.split(":")[0] not in written.text  # the refusal does not echo the name
    with open_store(tmp_path / "hosts.db", create=False) as store:
        assert store.count_articles() == 0


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1:8000", "127.0.0.1", "localhost:8000", "LOCALHOST", "localhost.", "[::1]:8000", "[::1]"],
)
def test_the_local_names_are_answered(tmp_path, host):
    with _client(tmp_path / "hosts.db", WebSettings()) as client:
        assert client.get("/api/stories", headers={"Host": host}).status_code == 200


def test_the_bound_address_and_the_base_url_host_are_answered(tmp_path):
    settings = WebSettings(host="192.168.1.5", api_token="t", base_url="https://news.example.org/nutgraf/")
    with _client(tmp_path / "hosts.db", settings) as client:
        for host in ("192.168.1.5:8000", "news.example.org", "localhost"):
            assert client.get("/api/stories", headers={"Host": host}).status_code == 200, host
        assert client.get("/api/stories", headers={"Host": "192.168.1.6:8000"}).status_code == 400


def test_allow_host_admits_a_name(tmp_path):
    settings = WebSettings(host="0.0.0.0", allow_hosts=("nutgraf.lan", "*.newsroom.example"))
    with _client(tmp_path / "hosts.db", settings) as client:
        for host in ("nutgraf.lan:8000", "NutGraf.LAN", "desk.newsroom.example", "a.b.newsroom.example:80"):
            assert client.get("/api/stories", headers={"Host": host}).status_code == 200, host
        for host in ("nutgraf.lan.evil.example", "newsroom.example.evil", "evilnewsroom.example", "0.0.0.0"):
            assert client.get("/api/stories", headers={"Host": host}).status_code == 400, host


def test_allow_host_star_turns_the_check_off(tmp_path):
    with _client(tmp_path / "hosts.db", WebSettings(allow_hosts=("*",))) as client:
        assert client.get("/api/stories", headers={"Host": "anything.example"}).status_code == 200


def test_hosts_and_base_url_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("NUTGRAF_ALLOW_HOSTS", "nutgraf.lan, desk.example")
    monkeypatch.setenv("NUTGRAF_BASE_URL", "https://news.example.org/digest")
    settings = WebSettings.from_env(port=9000)
    assert settings.allow_hosts == ("nutgraf.lan", "desk.example")
    assert settings.public_url == "https://news.example.org/digest/"
    assert settings.link("/stories/3") == "https://news.example.org/digest/stories/3"
    monkeypatch.delenv("NUTGRAF_BASE_URL")
    assert WebSettings.from_env(port=9000).public_url == "http://127.0.0.1:9000/"
    assert WebSettings(host="::1", port=9000).public_url == "http://[::1]:9000/"
    assert WebSettings(host="0.0.0.0").public_url == "http://127.0.0.1:8000/"


@pytest.mark.parametrize(
    "base_url", ["ftp://example.org/", "example.org", "http:///nohost", "https://u:p@x.org/"]
)
def test_a_bad_base_url_is_a_config_error(base_url):
    with pytest.raises(ConfigError, match="base URL"):
        WebSettings(base_url=base_url)


def _ids_and_links(response) -> list[str]:
    assert response.status_code == 200, response.text
    feed = ET.fromstring(response.content)
    values = [feed.find(f"{ATOM}id").text]
    values += [link.get("href") for link in feed.findall(f"{ATOM}link")]
    for entry in feed.findall(f"{ATOM}entry"):
        values.append(entry.find(f"{ATOM}id").text)
        values.append(entry.find(f"{ATOM}link[@rel='alternate']").get("href"))
    return values


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost", "[::1]:8000", "other.example"])
def test_atom_ids_use_the_configured_address_whatever_the_host(corpus_store, host):
    settings = WebSettings(allow_hosts=("other.example",))
    with _client(corpus_store, settings) as client:
        stories = _ids_and_links(client.get("/feeds/stories.atom", headers={"Host": host}))
        entity = _ids_and_links(client.get("/feeds/entities/loc-finland.atom", headers={"Host": host}))
    assert len(stories) > 4 and len(entity) > 4
    for value in stories + entity:
        assert value.startswith("http://127.0.0.1:8000/"), value
    assert "http://127.0.0.1:8000/feeds/stories.atom" in stories
    assert any(value.startswith("http://127.0.0.1:8000/stories/") for value in stories)
    assert any(value.startswith("http://127.0.0.1:8000/articles/") for value in entity)


def test_atom_ids_and_api_links_use_the_base_url(corpus_store):
    settings = WebSettings(base_url="https://news.example.org/nutgraf")
    with _client(corpus_store, settings, base_url="https://news.example.org") as client:
        stories = _ids_and_links(client.get("/feeds/stories.atom", params={"limit": 2}))
        listed = client.get("/api/stories", params={"limit": 1}, headers={"Host": "localhost:8000"}).json()
    assert "https://news.example.org/nutgraf/feeds/stories.atom?limit=2" in stories
    assert "https://news.example.org/nutgraf/" in stories
    for value in stories:
        assert value.startswith("https://news.example.org/nutgraf/"), value
    assert listed["next"].startswith("https://news.example.org/nutgraf/api/stories?"), listed["next"]


def test_page_links_are_relative(corpus_store):
    with _client(corpus_store, WebSettings(page_size=1)) as client:
        page = client.get("/", headers={"Host": "localhost:8000"}).text
    assert 'href="/?offset=1"' in page and "localhost:8000" not in page


def test_serve_takes_allow_host_and_base_url(monkeypatch, tmp_path):
    import nutgraf.web

    seen: list[WebSettings] = []
    monkeypatch.setenv("NUTGRAF_ALLOW_HOSTS", "from-env.lan")
    monkeypatch.setattr(nutgraf.web, "serve", lambda db, settings, announce=None: seen.append(settings))
    result = CliRunner().invoke(
        cli_app,
        [
            "serve",
            "--db",
            str(tmp_path / "x.db"),
            "--allow-host",
            "nutgraf.lan",
            "--allow-host",
            "desk.example",
            "--base-url",
            "https://news.example.org/",
        ],
    )
    assert result.exit_code == 0, result.output
    [settings] = seen
    assert settings.allow_hosts == ("from-env.lan", "nutgraf.lan", "desk.example")
    assert settings.public_url == "https://news.example.org/"
    bad = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "x.db"), "--base-url", "ftp://x/"])
    assert bad.exit_code == 2 and "base URL" in bad.output

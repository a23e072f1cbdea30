"""The JSON API, the pages and the feeds through FastAPI's TestClient, over the invented corpus."""

from __future__ import annotations

from html import escape as html_escape
from xml.etree import ElementTree as ET

import pytest
from fastapi.testclient import TestClient
from webcorpus import RECORDS, XSS_TITLE

from nutgraf.store import open_store
from nutgraf.web import WebSettings, create_app

ATOM = "{http://www.w3.org/2005/Atom}"


def ferry_story(client) -> dict:
    items = client.get("/api/stories", params={"limit": 100}).json()["items"]
    return next(item for item in items if item["size"] >= 3)


# -- stories ---------------------------------------------------------------------------------


def test_stories_newest_first_with_cards(client):
    body = client.get("/api/stories").json()
    assert body["total"] == len(body["items"]) == 3 and body["next"] is None
    dates = [item["last_published"] for item in body["items"]]
    assert dates == sorted(dates, reverse=True)
    ferry = ferry_story(client)
    assert ferry["languages"] == ["en", "ru"] and ferry["size"] == 4
    assert "Wire Digest" in ferry["also_carried_by"] and "Wire Digest" not in ferry["outlets"]
    assert ferry["summary"] and all(s["text"] and s["article_id"] for s in ferry["summary"])


def test_stories_are_paginated(client):
    first = client.get("/api/stories", params={"limit": 2}).json()
    assert len(first["items"]) == 2 and first["total"] == 3 and "offset=2" in first["next"]
    second = client.get(first["next"]).json()
    assert len(second["items"]) == 1 and second["next"] is None
    seen = [item["id"] for item in first["items"] + second["items"]]
    assert len(set(seen)) == 3
    assert client.get("/api/stories", params={"limit": 0}).status_code == 422
    assert client.get("/api/stories", params={"limit": 101}).status_code == 422


def test_stories_filter_by_language_and_date(client):
    russian = client.get("/api/stories", params={"lang": "ru"}).json()
    assert russian["total"] == 1 and "ru" in russian["items"][0]["languages"]
    assert russian["items"][0]["title"].startswith("Электрический паром")  # shown in the reader's language
    march = client.get("/api/stories", params={"since": "2026-03-01", "until": "2026-03-31"}).json()
    assert [item["size"] for item in march["items"]] == [4]
    later = client.get("/api/stories", params={"since": "2026-05-01"}).json()
    assert later["total"] == 2 and all(item["size"] == 1 for item in later["items"])
    assert client.get("/api/stories", params={"since": "yesterday"}).status_code == 422


def test_story_detail_has_digest_timeline_disagreements(client, ids):
    ferry = ferry_story(client)
    story = client.get(f"/api/stories/{ferry['id']}").json()
    assert set(story["article_ids"]) == {ids["lc-1"], ids["wd-1"], ids["ph-1"], ids["ov-1"]}
    assert story["digest"] and all(s["article_id"] in story["article_ids"] for s in story["digest"])
    assert all(s["outlet"] for s in story["digest"])
    assert story["timeline"] and all(item["date"] for item in story["timeline"])
    # announced for after its report: "A second ferry will join the route on Saturday", and season
    # tickets "go on sale next week" (a week, shown as such)
    upcoming = [
        (item["date"], item["granularity"], item["article_id"])
        for item in story["timeline"]
        if item["upcoming"]
    ]
    assert upcoming == [("2026-03-07", "day", ids["ph-1"]), ("2026-03-09", "week", ids["ph-1"])]
    page = client.get(f"/stories/{ferry['id']}").text
    assert "(expected)" in page and "week of 2026-03-09" in page
    costs = [d for d in story["disagreements"] if d["unit"] == "EUR"]
    assert costs and {c["value"] for c in costs[0]["claims"]} >= {12e6, 15e6}
    assert len(costs[0]["sides"]) >= 2 and all(side["outlets"] for side in costs[0]["sides"])
    assert all(claim["sentence"] and claim["stated"] for claim in costs[0]["claims"])
    assert costs[0]["label"] == "cost"
    sentence = costs[0]["claims"][0]["sentence"]
    assert html_escape(sentence, quote=False) in page  # the page shows the sentence that states it
    names = {e["id"]: e["names"] for e in story["entities"]}
    assert names["loc-finland"] == {"en": "Finland", "ru": "Финляндия", "fr": "Finlande"}


def test_article_and_neighbours(client, ids):
    article = client.get(f"/api/articles/{ids['ph-1']}").json()
    assert article["title"] == RECORDS[2]["title"] and article["outlet"] == "Pine Harbour Times"
    assert article["summary"] and article["entities"] and article["story_id"]
    neighbours = article["neighbours"]
    # publication order: lc-1 (3 Mar 09:00), wd-1 (11:30), ov-1 (12:00), ph-1 (4 Mar), lc-2 (May), xss-1 (June)
    assert neighbours["story_previous"]["id"] == ids["ov-1"] and neighbours["story_next"] is None
    assert neighbours["feed_previous"]["id"] == ids["ov-1"] and neighbours["feed_next"]["id"] == ids["lc-2"]
    first = client.get(f"/api/articles/{ids['lc-1']}").json()["neighbours"]
    assert first["feed_previous"] is None and first["story_next"]["id"] == ids["wd-1"]
    last = client.get(f"/api/articles/{ids['xss-1']}").json()["neighbours"]
    assert last["feed_next"] is None and last["feed_previous"]["id"] == ids["lc-2"]


def test_summary_endpoint(client, corpus_store, ids):
    body = client.get(f"/api/articles/{ids['ov-1']}/summary").json()
    stored = corpus_store.get_article(ids["ov-1"])
    assert body == {"sentences": stored.summary, "language": "ru"} and body["sentences"]


def test_entity_names_stories_and_quotes(client):
    body = client.get("/api/entities/per-vrt").json()
    assert body["names"]["en"].endswith("Varto") and body["names"]["ru"].endswith("Варто")
    assert body["stories"]["total"] == 1 and body["stories"]["items"][0]["size"] == 4
    assert body["quotes"]["total"] >= 1
    assert any("gives our towns back" in q["text"] for q in body["quotes"]["items"])
    paged = client.get("/api/entities/loc-finland", params={"limit": 1}).json()
    assert paged["stories"]["limit"] == 1 and len(paged["stories"]["items"]) <= 1


def test_search_finds_inflected_russian_and_english(client, ids):
    for query in ("паромом", "паромы", "Паром", "паромов"):  # the text has "паром", "парома", "Паромом"
        body = client.get("/api/search", params={"q": query}).json()
        assert ids["ov-1"] in [hit["article_id"] for hit in body["items"]], query
    english = client.get("/api/search", params={"q": "ferries crossing"}).json()
    found = {hit["article_id"] for hit in english["items"]}
    assert {ids["lc-1"], ids["ph-1"]} <= found and ids["lc-2"] not in found
    hit = next(h for h in english["items"] if h["article_id"] == ids["lc-1"])
    assert "<mark>" in hit["snippet_html"] and "<mark>" not in hit["snippet"]
    assert client.get("/api/search", params={"q": "zeppelin"}).json()["total"] == 0


def test_search_is_paginated_and_numbers_match(client):
    body = client.get("/api/search", params={"q": "Marlow", "limit": 2}).json()
    assert body["total"] >= 3 and len(body["items"]) == 2 and body["next"]
    rest = client.get(body["next"]).json()
    assert not {h["article_id"] for h in rest["items"]} & {h["article_id"] for h in body["items"]}
    assert client.get("/api/search", params={"q": "2,000"}).json()["total"] == 1
    assert client.get("/api/search", params={"q": ""}).status_code == 422


def test_search_snippets_escape_article_text(client, ids):
    body = client.get("/api/search", params={"q": "onerror alert"}).json()
    hit = next(h for h in body["items"] if h["article_id"] == ids["xss-1"])
    assert "<img" not in hit["snippet_html"] and "&lt;img" in hit["snippet_html"]
    assert "<script>" not in hit["title_html"] and "&lt;script&gt;" in hit["title_html"]
    assert "<mark>alert</mark>" in hit["snippet_html"]
    syntax = client.get("/api/search", params={"q": 'ferry" OR NEAR(*'})  # FTS syntax is only words
    assert syntax.status_code == 200


# -- errors and safety -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/api/stories/999", "/api/articles/999", "/api/articles/999/summary", "/api/entities/nobody"]
)
def test_unknown_ids_are_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404 and response.headers["content-type"] == "application/json"
    assert "999" in response.json()["detail"] or "nobody" in response.json()["detail"]


@pytest.mark.parametrize(
    "path", ["/stories/999", "/articles/999", "/entities/nobody", "/stories/abc", "/no/such/page"]
)
def test_unknown_pages_are_friendly_404(client, path):
    response = client.get(path)
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert "Not found" in response.text and "Traceback" not in response.text


def test_bad_parameters_are_friendly(client):
    response = client.get("/", params={"since": "<b>soon</b>"})
    assert response.status_code == 400 and "&lt;b&gt;soon&lt;/b&gt;" in response.text
    assert "<b>soon</b>" not in response.text
    assert client.get("/api/articles/abc").status_code == 422


def test_security_headers_on_every_response(client, ids):
    for path in ("/", f"/articles/{ids['lc-1']}", "/api/stories", "/nope", "/static/app.js"):
        policy = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_pages_escape_article_html(client, ids):
    page = client.get(f"/articles/{ids['xss-1']}").text
    assert XSS_TITLE not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "javascript:alert(3)" not in page  # an unsafe URL is never a link
    story_id = client.get(f"/api/articles/{ids['xss-1']}").json()["story_id"]
    for path in ("/", "/search?q=alert", f"/stories/{story_id}"):
        text = client.get(path).text
        assert XSS_TITLE not in text and "&lt;script&gt;" in text, path
    assert "<script>" not in client.get("/search", params={"q": "<script>"}).text.split("</head>")[1]


def test_pages_have_no_inline_script(client, ids):
    for path in ("/", f"/articles/{ids['lc-1']}", f"/stories/{ferry_story(client)['id']}", "/search?q=ferry"):
        html = client.get(path).text
        assert html.count("<script") == 1 and '<script src="/static/app.js' in html
        assert " onclick=" not in html and " onload=" not in html and "style=" not in html


def test_article_page_offers_summary_and_navigation(client, ids):
    html = client.get(f"/articles/{ids['ov-1']}").text
    assert "No time to read?" in html and 'data-summary-url="/api/articles/' in html
    assert f'href="/articles/{ids["ph-1"]}"' in html and f'href="/articles/{ids["wd-1"]}"' in html
    shown = client.get(f"/articles/{ids['ov-1']}", params={"summary": 1}).text  # without JavaScript
    summary = client.get(f"/api/articles/{ids['ov-1']}/summary").json()["sentences"]
    assert all(f"<li>{sentence}</li>" in shown for sentence in summary)


def test_story_page_shows_chart_groups_and_copies(client, ids):
    story = ferry_story(client)
    html = client.get(f"/stories/{story['id']}").text
    assert "<svg" in html and html.count('<circle class="dot') == 4
    assert "also carried by" in html and f'href="/articles/{ids["wd-1"]}">Wire Digest' in html
    assert "Sources disagree" in html and "Русский" in html and "English" in html


def test_entity_and_search_pages(client, ids):
    html = client.get("/entities/per-vrt").text
    assert "Варто" in html and "gives our towns back" in html and ".atom" in html
    found = client.get("/search", params={"q": "паромом"}).text
    assert f"/articles/{ids['ov-1']}" in found and "<mark>" in found


def test_openapi_documents_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/articles/{article_id}",
        "/api/articles/{article_id}/summary",
        "/api/entities/{entity_id}",
        "/api/search",
        "/api/articles",
    ):
        assert path in paths, path
    assert "post" in paths["/api/articles"] and "/stories/{story_id}" not in paths


# -- Atom ------------------------------------------------------------------------------------


def _check_atom(response) -> ET.Element:
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{tag}").text
    assert feed.find(f"{ATOM}author/{ATOM}name").text
    for entry in feed.findall(f"{ATOM}entry"):
        for tag in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{tag}").text, tag
        assert entry.find(f"{ATOM}updated").text.endswith("Z")
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href").startswith("http")
    ids = [entry.find(f"{ATOM}id").text for entry in feed.findall(f"{ATOM}entry")]
    assert len(ids) == len(set(ids))
    return feed


def test_stories_feed_is_atom(client):
    feed = _check_atom(client.get("/feeds/stories.atom"))
    titles = [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")]
    assert len(titles) == 3 and XSS_TITLE in titles  # text, escaped by the serializer
    assert client.get("/feeds/stories.atom", params={"limit": 1}).content.count(b"<entry>") == 1


def test_entity_feed_is_atom(client, ids):
    feed = _check_atom(client.get("/feeds/entities/loc-finland.atom"))
    links = {
        entry.find(f"{ATOM}link[@rel='alternate']").get("href") for entry in feed.findall(f"{ATOM}entry")
    }
    assert any(link.endswith(f"/articles/{ids['ov-1']}") for link in links)
    assert client.get("/feeds/entities/nobody.atom").status_code == 404


def test_feed_drops_characters_xml_forbids(tmp_path):
    from nutgraf.web.feeds import _clean

    assert _clean("bell\x07 and nul\x00 and tab\t") == "bell and nul and tab\t"


# -- ingest over the API ---------------------------------------------------------------------

NEW_ARTICLE = {
    "id": "api-1",
    "source": "Harbour Bulletin",
    "language": "en",
    "published": "2026-07-01T09:00:00Z",
    "title": "Marlow harbour festival opens with a parade of boats",
    "text": (
        "The harbour festival in Marlow opened on Saturday with a parade of forty boats along the "
        "lake shore, the organisers said.\n\nAbout 5,000 visitors came on the first day, and the "
        "festival will continue until Monday evening."
    ),
}


def _app_client(tmp_path, **settings) -> TestClient:
    return TestClient(create_app(tmp_path / "api.db", WebSettings(**settings)))


TOKEN = "s3cret"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.mark.slow
def test_post_article_with_the_token(tmp_path):
    with _app_client(tmp_path, api_token=TOKEN) as client:
        created = client.post("/api/articles", json=NEW_ARTICLE, headers=AUTH)
        assert created.status_code == 201, created.text
        body = created.json()
        assert body["new"] is True and body["story_id"]
        again = client.post("/api/articles", json=NEW_ARTICLE, headers=AUTH)
        assert again.status_code == 200 and again.json()["id"] == body["id"] and again.json()["new"] is False
        stored = client.get(f"/api/articles/{body['id']}").json()
        assert stored["title"] == NEW_ARTICLE["title"] and stored["summary"]
        assert client.get("/api/search", params={"q": "festivals"}).json()["total"] == 1  # indexed on insert


@pytest.mark.slow
def test_a_created_articles_url_and_location_are_retrievable(tmp_path):
    """Issue 27: the answer's ``url`` (the article's page) and ``Location`` (the article in the
    API) are absolute URLs under the server's address, and both answer 200."""
    with _app_client(tmp_path, api_token=TOKEN) as client:
        created = client.post("/api/articles", json=NEW_ARTICLE, headers=AUTH)
        assert created.status_code == 201, created.text
        body = created.json()
        assert body["url"] == f"http://127.0.0.1:8000/articles/{body['id']}"
        assert created.headers["location"] == f"http://127.0.0.1:8000/api/articles/{body['id']}"
        page = client.get(body["url"])
        assert page.status_code == 200 and NEW_ARTICLE["title"] in page.text
        api = client.get(created.headers["location"])
        assert api.status_code == 200 and api.json()["id"] == body["id"]
        again = client.post("/api/articles", json=NEW_ARTICLE, headers=AUTH)
        assert again.headers["location"] == created.headers["location"] and again.json()["url"] == body["url"]
    prefixed = WebSettings(api_token=TOKEN, base_url="https://news.example.org/nutgraf/")
    with TestClient(create_app(tmp_path / "api.db", prefixed)) as client:
        again = client.post("/api/articles", json=NEW_ARTICLE, headers=AUTH)
        assert again.json()["url"] == f"https://news.example.org/nutgraf/articles/{body['id']}"


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "localhost", "0.0.0.0", "192.168.1.5"])
def test_writes_need_the_token_on_every_address(tmp_path, host):
    """Issue 27: as Jupyter's, the token is needed on loopback too; a missing or wrong one is
    refused (401) everywhere, and with no token configured writes are off (403)."""
    with _app_client(tmp_path, host=host, api_token=TOKEN) as client:
        missing = client.post("/api/articles", json=NEW_ARTICLE)
        assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
        assert missing.json() == {"detail": "missing or wrong API token"}
        for wrong in ("Bearer nope", f"Bearer {TOKEN}x", f"Basic {TOKEN}", TOKEN, "Bearer "):
            refused = client.post("/api/articles", json=NEW_ARTICLE, headers={"Authorization": wrong})
            assert refused.status_code == 401, wrong
        assert client.get("/api/stories").status_code == 200  # reading needs no token
    with _app_client(tmp_path, host=host) as client:
        refused = client.post("/api/articles", json=NEW_ARTICLE, headers=AUTH)
        assert refused.status_code == 403 and "NUTGRAF_API_TOKEN" in refused.json()["detail"]
    with open_store(tmp_path / "api.db", create=False) as store:
        assert store.count_articles() == 0


def test_post_article_checks_the_record(tmp_path):
    with _app_client(tmp_path, api_token=TOKEN) as client:
        bad = client.post("/api/articles", json={"title": "no text"}, headers=AUTH)
        assert bad.status_code == 422 and "text" in bad.json()["detail"]


def test_token_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("NUTGRAF_API_TOKEN", "from-env")
    assert WebSettings.from_env(host="::1").api_token == "from-env" and WebSettings.from_env().loopback
    monkeypatch.setenv("NUTGRAF_API_TOKEN", "")
    assert WebSettings.from_env().api_token is None
    assert not WebSettings(host="192.168.1.5").loopback and WebSettings(host="localhost").loopback


def test_empty_store_is_served(tmp_path):
    with _app_client(tmp_path) as client:
        assert client.get("/api/stories").json() == {
            "items": [],
            "total": 0,
            "limit": 20,
            "offset": 0,
            "next": None,
        }
        assert "No stories yet" in client.get("/").text
        _check_atom(client.get("/feeds/stories.atom"))
    with open_store(tmp_path / "api.db", create=False) as store:
        assert store.count_articles() == 0


def test_the_server_loads_the_sentence_encoder_as_it_starts(corpus_store, monkeypatch):
    import threading

    from fastapi.testclient import TestClient

    import nutgraf.stories.embed as embed
    from nutgraf.web import WebSettings, create_app

    loaded = threading.Event()
    monkeypatch.setattr(embed, "embed_sentences", lambda texts: loaded.set())
    with TestClient(create_app(corpus_store, WebSettings())):
        assert loaded.wait(timeout=10)

"""Hostile input to the API answers 4xx or stores sanitised text, never 500 (issue 23)."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from nutgraf.web import WebSettings, create_app

TOO_BIG = "99999999999999999999"  # over 2**63 - 1: no database integer holds it
TOKEN = "bad-input-token"

# An invented report, distinct from the web corpus.
REPORT = {
    "id": "hostile-1",
    "url": "https://invented-gazette.example/local/kite-festival",
    "title": "Kite festival fills the dunes",
    "text": (
        "The kite festival on the dunes near Saltmarsh drew hundreds of flyers on Sunday, the "
        "organisers said.\n\nA dragon kite forty metres long won the prize for the largest design."
    ),
    "source": "Invented Gazette",
    "author": "Dune Correspondent",
    "published": "2026-04-02T10:00:00",
}


@pytest.fixture
def served(corpus_store):
    """The web corpus, with server errors answered (500) rather than raised into the test."""
    with TestClient(create_app(corpus_store, WebSettings()), raise_server_exceptions=False) as client:
        yield client


@pytest.fixture
def writable(tmp_path):
    with TestClient(
        create_app(tmp_path / "hostile.db", WebSettings(api_token=TOKEN)), raise_server_exceptions=False
    ) as client:
        yield client


def _post(client: TestClient, body: str | bytes):
    data = body.encode("utf-8", "surrogatepass") if isinstance(body, str) else body
    headers = {"content-type": "application/json", "authorization": f"Bearer {TOKEN}"}
    return client.post("/api/articles", content=data, headers=headers)


@pytest.mark.parametrize(
    "path",
    [
        f"/api/articles/{TOO_BIG}",
        f"/api/articles/{TOO_BIG}/summary",
        f"/api/stories/{TOO_BIG}",
        "/api/articles/-99999999999999999999",
    ],
)
def test_ids_beyond_a_database_integer_are_4xx(served, path):
    response = served.get(path)
    assert 400 <= response.status_code < 500, response.text
    assert response.headers["content-type"] == "application/json"


@pytest.mark.parametrize("path", [f"/articles/{TOO_BIG}", f"/stories/{TOO_BIG}"])
def test_pages_for_ids_beyond_a_database_integer_are_404(served, path):
    response = served.get(path)
    assert response.status_code == 404 and "Not found" in response.text


@pytest.mark.parametrize(
    "params,total",
    [
        ({"until": "9999-12-31"}, 3),
        ({"since": "9999-12-31"}, 0),
        ({"since": "0001-01-01", "until": "9999-12-31"}, 3),
        ({"until": "0001-01-01"}, 0),
    ],
)
def test_extreme_dates_in_story_filters(served, params, total):
    response = served.get("/api/stories", params=params)
    assert response.status_code == 200, response.text
    assert response.json()["total"] == total
    assert served.get("/", params=params).status_code == 200


@pytest.mark.parametrize("number", ["1e400", "-1e400", "NaN", "Infinity"])
def test_a_non_finite_number_is_a_422_naming_the_field(writable, number):
    body = json.dumps({**REPORT, "published": "@"}).replace('"@"', number)
    response = _post(writable, body)
    assert response.status_code == 422, response.text
    errors = response.json()["errors"]
    assert any(error["loc"][-1] == "published" for error in errors)


def test_a_lone_surrogate_in_an_invalid_field_is_a_422(writable):
    response = _post(writable, json.dumps({**REPORT, "published": ["\ud800", "\x00"]}))
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["loc"][-1] == "published"


def test_undecodable_json_is_a_4xx(writable):
    response = _post(writable, b'{"text": "caf\xe9 \xff", "title": 1e400')
    assert response.status_code in (400, 422), response.text


@pytest.mark.slow
def test_hostile_fields_are_stored_sanitised(writable):
    hostile = {
        **REPORT,
        "id": "hostile-\ud800\x00",
        "title": "\x1b]0;owned\x07Kite festival \x1b[2Jfills the dunes\x00\ud800",
        "text": REPORT["text"].replace("dunes near", "dunes\x00 near\ud800"),
        "source": "Invented\x00 Gazette",
        "author": "Dune\ud800 Correspondent",
        "url": REPORT["url"] + "\x00",
        "language": "en\x00",
        "published": "9999-12-31",
    }
    response = _post(writable, json.dumps(hostile))
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["warnings"] and "published" in body["warnings"][0]
    stored = writable.get(f"/api/articles/{body['id']}").json()
    assert stored["title"] == "Kite festival fills the dunes\ufffd"
    assert "\x00" not in stored["text"] and "\ufffd" in stored["text"]
    assert stored["outlet"] == "Invented Gazette" and stored["author"] == "Dune\ufffd Correspondent"
    assert stored["url"] == REPORT["url"] and stored["language"] == "en" and stored["published"] is None
    again = _post(writable, json.dumps(hostile))
    assert again.status_code == 200 and again.json()["id"] == body["id"]


@pytest.mark.slow
@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31T23:59:59-05:00", "1899-01-01"])
def test_a_date_out_of_range_is_dropped_with_a_warning(writable, published):
    response = _post(writable, json.dumps({**REPORT, "published": published}))
    assert response.status_code == 201, response.text
    assert response.json()["warnings"]
    stored = writable.get(f"/api/articles/{response.json()['id']}").json()
    assert stored["published"] is None and stored["title"] == REPORT["title"]


@pytest.mark.parametrize(
    "path,statuses",
    [
        ("/api/entities/%00", (404, 422)),
        ("/entities/loc%00x", (404,)),
        ("/feeds/entities/loc%00x.atom", (404,)),
        ("/api/search?q=a%00b", (200,)),
        ("/search?q=%00", (200,)),
    ],
)
def test_a_nul_in_a_path_or_query_is_no_500_on_either_database(db_url, path, statuses):
    # PostgreSQL refuses a NUL anywhere in a query: the app must not pass one on
    with TestClient(create_app(db_url, WebSettings()), raise_server_exceptions=False) as client:
        response = client.get(path)
        assert response.status_code in statuses, response.text
